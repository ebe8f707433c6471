import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR, deadlineEstimated } from '../../../src/core/work-calendar.ts'
import {
  archiveDueAt,
  archivePeriodOpensAt,
  type CustodyPolicy,
  DEFAULT_CUSTODY_POLICY,
  endOfDayMonthsAfter,
  inventoryDueAfter,
  isUrgent,
  routingDeadlines,
} from '../../../src/registers/custody/policy.ts'
import { local } from '../../support/fixtures.ts'

/** The deadline arithmetic of the custody duties (rules C-10, C-13, C-19), on its own. */

const CAL = DEFAULT_CALENDAR
const endOf = (date: string) => local(`${date}T00:00`) + 86_400_000 - 1
const policy = (o: Partial<CustodyPolicy>): CustodyPolicy => ({ ...DEFAULT_CUSTODY_POLICY, ...o })

describe('custody policy: calendar months (rules C-10, C-13)', () => {
  it('rule C-13: n months later, clamped to the last day of a shorter month, leap years included', () => {
    expect(endOfDayMonthsAfter(local('2026-03-16T09:00'), 3, CAL)).toBe(endOf('2026-06-16'))
    expect(endOfDayMonthsAfter(local('2026-01-31T09:00'), 1, CAL)).toBe(endOf('2026-02-28'))
    expect(endOfDayMonthsAfter(local('2027-11-30T09:00'), 3, CAL)).toBe(endOf('2028-02-29'))
    expect(endOfDayMonthsAfter(local('2099-11-30T09:00'), 3, CAL)).toBe(endOf('2100-02-28'))
    expect(endOfDayMonthsAfter(local('1999-11-30T09:00'), 3, CAL)).toBe(endOf('2000-02-29'))
    expect(endOfDayMonthsAfter(local('2026-05-31T09:00'), 1, CAL)).toBe(endOf('2026-06-30'))
    expect(endOfDayMonthsAfter(local('2026-10-31T09:00'), 3, CAL)).toBe(endOf('2027-01-31'))
  })

  it('rule C-13: the inventory interval counts whole months, at least one', () => {
    const last = local('2026-03-16T09:00')
    expect(inventoryDueAfter(last, policy({ inventoryIntervalMonths: 0 }), CAL)).toBe(endOf('2026-04-16'))
    expect(inventoryDueAfter(last, policy({ inventoryIntervalMonths: 2.9 }), CAL)).toBe(endOf('2026-05-16'))
    expect(inventoryDueAfter(last, DEFAULT_CUSTODY_POLICY, CAL)).toBe(endOf('2026-06-16'))
  })

  it('rule C-10: the archiving deadline is the end of a month of the next year, months clamped to 1–12', () => {
    expect(archivePeriodOpensAt(2025, CAL)).toBe(local('2026-01-01T00:00'))
    expect(archiveDueAt(2025, DEFAULT_CUSTODY_POLICY, CAL)).toBe(endOf('2026-03-31'))
    expect(archiveDueAt(2025, policy({ archiveByMonth: 0 }), CAL)).toBe(endOf('2026-01-31'))
    expect(archiveDueAt(2025, policy({ archiveByMonth: 13 }), CAL)).toBe(endOf('2026-12-31'))
    expect(archiveDueAt(2027, policy({ archiveByMonth: 2.7 }), CAL)).toBe(endOf('2028-02-29'))
    expect(archiveDueAt(2025, policy({ archiveByMonth: 4 }), CAL)).toBe(endOf('2026-04-30'))
  })
})

describe('custody policy: routing deadlines (rule C-19)', () => {
  const R = local('2026-03-02T10:00') // Monday

  it('rule C-19: urgent, meeting notices and time-critical documents go to a leader within the urgent window', () => {
    expect([
      isUrgent('normal'),
      isUrgent('urgent'),
      isUrgent('meeting_notice'),
      isUrgent('time_critical'),
    ]).toEqual([false, true, true, true])
    const due = routingDeadlines(R, 'time_critical', DEFAULT_CUSTODY_POLICY, CAL)
    expect(due).toEqual({
      ok: true,
      value: { presentDueAt: R + 2 * 3_600_000, circulationDueAt: endOf('2026-03-09') },
    })
  })

  it('rule C-19: circulation days are a positive integer; one day is allowed', () => {
    for (const [days, unit] of [
      [0, 'calendar'],
      [-1, 'calendar'],
      [1.5, 'calendar'],
      [0, 'working'],
    ] as const) {
      const due = routingDeadlines(R, 'normal', policy({ circulation: { days, unit } }), CAL)
      expect(due.ok).toBe(false)
      if (!due.ok) expect(due.error).toMatchObject({ code: 'CAL-DAYS' })
      if (!due.ok) expect(due.error.message.en).toContain(`positive integer: ${days}`)
    }
    const one = routingDeadlines(R, 'normal', policy({ circulation: { days: 1, unit: 'calendar' } }), CAL)
    expect(one).toEqual({
      ok: true,
      value: { presentDueAt: endOf('2026-03-03'), circulationDueAt: endOf('2026-03-03') },
    })
  })

  it('rule C-19: in a year the calendar does not cover, presentation and circulation count Monday to Friday (estimated)', () => {
    const late = local('2027-12-30T10:00') // Thursday
    expect(routingDeadlines(late, 'normal', DEFAULT_CUSTODY_POLICY, CAL)).toEqual({
      ok: true,
      value: { presentDueAt: endOf('2027-12-31'), circulationDueAt: endOf('2028-01-06') },
    })
    // 2026 has data; 1 January 2027 counts as an ordinary Friday (no 2027 schedule).
    const urgent = routingDeadlines(local('2026-12-31T10:00'), 'urgent', DEFAULT_CUSTODY_POLICY, CAL)
    expect(urgent).toEqual({
      ok: true,
      value: { presentDueAt: local('2026-12-31T12:00'), circulationDueAt: endOf('2027-01-07') },
    })
    expect(deadlineEstimated(local('2026-12-31T10:00'), endOf('2027-01-07'), CAL)).toBe(true)
    expect(deadlineEstimated(local('2026-12-31T10:00'), local('2026-12-31T12:00'), CAL)).toBe(false)
    const calendarDays = policy({ circulation: { days: 7, unit: 'calendar' } })
    expect(routingDeadlines(late, 'normal', calendarDays, CAL)).toEqual({
      ok: true,
      value: { presentDueAt: endOf('2027-12-31'), circulationDueAt: endOf('2028-01-06') },
    })
    expect(routingDeadlines(late, 'urgent', calendarDays, CAL)).toEqual({
      ok: true,
      value: { presentDueAt: late + 2 * 3_600_000, circulationDueAt: endOf('2028-01-06') },
    })
  })
})
