import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR, type WorkCalendar } from '../../../src/core/work-calendar.ts'
import { majorHolidays } from '../../../src/registers/inspection/holidays.ts'
import { DEFAULT_INSPECTION_POLICY } from '../../../src/registers/inspection/policy.ts'
import { holidayChecks, quarterlyInspections } from '../../../src/registers/inspection/reminders.ts'
import { local } from '../../support/fixtures.ts'
import { eventBuilder, foldInspections, inspection } from './inspection-fold.ts'

/** rule I-01 calendars: the major holidays from holiday data, quarter and holiday-check boundaries. */

const CAL = DEFAULT_CALENDAR
const DAY = 86_400_000

/** A calendar covering 2030 only, its days off listed out of order. */
function calendar2030(holidays: readonly string[]): WorkCalendar {
  return { ...CAL, version: 'test-2030', holidays, makeupWorkdays: [], years: [2030] }
}

const DAYS_OFF_2030 = [
  '2030-10-02',
  '2030-03-02',
  '2030-02-11',
  '2030-01-21',
  '2030-01-03',
  '2029-12-31',
  '2030-10-01',
  '2030-05-01',
  '2030-01-01',
  '2030-03-01',
  '2030-01-20',
  '2030-02-10',
  '2030-03-03',
  '2030-01-02',
]

describe('inspection register: major holidays from calendar data (I-01)', () => {
  it('I-01 runs of consecutive days off within the year; 春节 is the first longest run before March that is not 元旦', () => {
    const r = majorHolidays(2030, calendar2030(DAYS_OFF_2030))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toEqual([
      {
        holiday: 'new_year',
        firstDay: '2030-01-01',
        lastDay: '2030-01-03',
        startMs: local('2030-01-01T00:00'),
      },
      {
        holiday: 'spring_festival',
        firstDay: '2030-01-20',
        lastDay: '2030-01-21',
        startMs: local('2030-01-20T00:00'),
      },
      {
        holiday: 'labour_day',
        firstDay: '2030-05-01',
        lastDay: '2030-05-01',
        startMs: local('2030-05-01T00:00'),
      },
      {
        holiday: 'national_day',
        firstDay: '2030-10-01',
        lastDay: '2030-10-02',
        startMs: local('2030-10-01T00:00'),
      },
    ])
  })

  it('I-01 a longer run of February days off is 春节', () => {
    const r = majorHolidays(2030, calendar2030([...DAYS_OFF_2030, '2030-02-12']))
    expect(r.ok && r.value[1]).toMatchObject({ firstDay: '2030-02-10', lastDay: '2030-02-12' })
  })

  it('I-01 a calendar without one of the four holidays is CAL-HOLIDAY, naming it', () => {
    const noLabourDay = majorHolidays(2030, calendar2030(DAYS_OFF_2030.filter((d) => d !== '2030-05-01')))
    expect(noLabourDay.ok ? null : noLabourDay.error).toMatchObject({
      code: 'CAL-HOLIDAY',
      message: { zh: '2030年日历中找不到五一假期', en: 'The 2030 calendar has no labour_day holiday' },
      details: { year: 2030, holiday: 'labour_day' },
    })
    const noSpring = majorHolidays(
      2030,
      calendar2030(DAYS_OFF_2030.filter((d) => d.startsWith('2030-01-0') || d >= '2030-03-01')),
    )
    expect(noSpring.ok ? null : noSpring.error.details).toEqual({ year: 2030, holiday: 'spring_festival' })
    const other = majorHolidays(2031, calendar2030(DAYS_OFF_2030))
    expect(other.ok ? null : other.error).toEqual({
      code: 'CAL-YEAR',
      message: { zh: '2031年节假日安排尚未录入', en: 'The holiday schedule for 2031 has not been entered' },
      details: { year: 2031 },
    })
  })
})

describe('inspection register: quarters (I-01)', () => {
  it('I-01 quarters run from local month starts; an inspection on the first day counts for the new quarter', () => {
    const ev = eventBuilder()
    const held = (inspectionId: string, heldOn: string) =>
      ev('inspection.recorded', inspection({ inspectionId, heldOn }), local(`${heldOn}T16:00`))
    const f = foldInspections([held('i9', '2026-03-31'), held('i2', '2026-04-01'), held('i1', '2026-04-01')])
    const q = quarterlyInspections(f.state, 2026, local('2026-07-01T00:00'), CAL)
    expect(q.map((x) => [x.quarter, x.startMs, x.endMs, x.inspectionIds, x.status])).toEqual([
      [1, local('2026-01-01T00:00'), local('2026-04-01T00:00'), ['i9'], 'done'],
      [2, local('2026-04-01T00:00'), local('2026-07-01T00:00'), ['i1', 'i2'], 'done'],
      [3, local('2026-07-01T00:00'), local('2026-10-01T00:00'), [], 'due'],
      [4, local('2026-10-01T00:00'), local('2027-01-01T00:00'), [], 'upcoming'],
    ])
    const before = quarterlyInspections(f.state, 2026, local('2026-07-01T00:00') - 1, CAL)
    expect(before.map((x) => x.status)).toEqual(['done', 'done', 'upcoming', 'upcoming'])
  })
})

describe('inspection register: holiday checks (I-01)', () => {
  const nationalDay = local('2026-10-01T00:00')

  it('I-01 the earliest own inspection of the window counts; one on the first day off or by the bureau does not', () => {
    const ev = eventBuilder()
    const held = (inspectionId: string, heldOn: string, kind: 'holiday' | 'bureau' = 'holiday') =>
      ev('inspection.recorded', inspection({ inspectionId, kind, heldOn }), local(`${heldOn}T16:00`))
    const f = foldInspections([
      held('b1', '2026-09-25', 'bureau'),
      held('i9', '2026-09-26'),
      held('i8', '2026-09-28'),
      held('i7', '2026-09-26'),
      held('i0', '2026-10-01'),
    ])
    const r = holidayChecks(f.state, 2026, nationalDay, CAL)
    expect(r.ok && r.value.find((c) => c.holiday === 'national_day')).toEqual({
      holiday: 'national_day',
      firstDay: '2026-10-01',
      windowStartMs: nationalDay - 7 * DAY,
      dueAtMs: nationalDay,
      inspectionId: 'i7',
      status: 'done',
    })
    const onlyLate = foldInspections([held('i0', '2026-10-01'), held('b2', '2026-09-30', 'bureau')])
    const late = holidayChecks(onlyLate.state, 2026, nationalDay, CAL)
    expect(late.ok && late.value.find((c) => c.holiday === 'national_day')).toMatchObject({
      inspectionId: null,
      status: 'missed',
    })
  })

  it('I-01 due soon from the first instant of the window; the window comes from the policy', () => {
    const empty = foldInspections([]).state
    const status = (nowMs: number, days = DEFAULT_INSPECTION_POLICY.holidayCheckWindowDays) => {
      const r = holidayChecks(empty, 2026, nowMs, CAL, {
        ...DEFAULT_INSPECTION_POLICY,
        holidayCheckWindowDays: days,
      })
      return r.ok ? r.value.find((c) => c.holiday === 'national_day')?.status : r.error.code
    }
    expect(status(nationalDay - 7 * DAY)).toBe('due_soon')
    expect(status(nationalDay - 7 * DAY - 1)).toBe('upcoming')
    expect(status(nationalDay - 1)).toBe('due_soon')
    expect(status(nationalDay - 3 * DAY, 3)).toBe('due_soon')
    expect(status(nationalDay - 3 * DAY - 1, 3)).toBe('upcoming')
    const r = holidayChecks(empty, 2026, 0, CAL, { ...DEFAULT_INSPECTION_POLICY, holidayCheckWindowDays: 3 })
    expect(r.ok && r.value.map((c) => c.dueAtMs - c.windowStartMs)).toEqual([
      3 * DAY,
      3 * DAY,
      3 * DAY,
      3 * DAY,
    ])
  })
})
