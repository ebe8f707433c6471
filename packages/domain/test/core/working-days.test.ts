import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR, deadlineEstimated, type WorkCalendar } from '../../src/core/work-calendar.ts'
import { addWorkingDays } from '../../src/core/working-days.ts'
import { local } from '../support/fixtures.ts'

const DAY_MS = 86_400_000

/** Every day of 2025–2028 a day off, except the listed ones (working even on a weekend). */
function calendarWorkingOnly(workingDays: readonly string[]): WorkCalendar {
  const holidays: string[] = []
  for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2029, 0, 1); ms += DAY_MS) {
    const day = new Date(ms).toISOString().slice(0, 10)
    if (!workingDays.includes(day)) holidays.push(day)
  }
  return { ...DEFAULT_CALENDAR, holidays, makeupWorkdays: workingDays, years: [2025, 2026, 2027, 2028] }
}

function dayAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

describe('working-day deadlines (rule C-05)', () => {
  it.each([0, -1, 1.5, Number.NaN])('C-05 %s working days is refused with a clear error', (n) => {
    const r = addWorkingDays(local('2026-03-02T10:00'), n, DEFAULT_CALENDAR)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('CAL-DAYS')
    expect(r.error.message.zh).toContain(String(n))
    expect(r.error.message.en).toContain(String(n))
  })

  it('C-05 one working day after a Friday is the end of Monday', () => {
    expect(addWorkingDays(local('2026-03-06T10:00'), 1, DEFAULT_CALENDAR)).toEqual({
      ok: true,
      value: local('2026-03-09T23:59:59.999'),
    })
  })

  it('C-05 D-04 C-19 a deadline running from 2026 into 2027 (no holiday data) counts Monday to Friday there and is marked estimated', () => {
    const from = local('2026-12-30T10:00') // Wednesday
    // Thursday 31 December (2026 data), Friday 1 January (ordinary week: 元旦 not guessed), Monday 4 January
    const due = local('2027-01-04T23:59:59.999')
    expect(addWorkingDays(from, 3, DEFAULT_CALENDAR)).toEqual({ ok: true, value: due })
    expect(deadlineEstimated(from, due, DEFAULT_CALENDAR)).toBe(true)
    // within 2026 the holiday data still decides (国庆 2026), and the deadline is not estimated
    const october = addWorkingDays(local('2026-09-30T10:00'), 1, DEFAULT_CALENDAR)
    expect(october).toEqual({ ok: true, value: local('2026-10-08T23:59:59.999') })
    expect(
      deadlineEstimated(local('2026-09-30T10:00'), local('2026-10-08T23:59:59.999'), DEFAULT_CALENDAR),
    ).toBe(false)
  })

  it('C-05 a calendar without enough working days is an error after two years of days, never an endless scan', () => {
    const start = '2025-01-01'
    // The scan looks at the 732 days after the start: a working day on the 732nd is found, one on the 733rd is not.
    const lastScanned = calendarWorkingOnly([dayAfter(start, 732)])
    expect(addWorkingDays(local(`${start}T10:00`), 1, lastScanned)).toEqual({
      ok: true,
      value: local(`${dayAfter(start, 732)}T23:59:59.999`),
    })
    const beyond = calendarWorkingOnly([dayAfter(start, 733)])
    const r = addWorkingDays(local(`${start}T10:00`), 1, beyond)
    expect(r).toMatchObject({ ok: false, error: { code: 'CAL-DAYS' } })
    if (r.ok) return
    expect(r.error.message.zh).toBe('日历中找不到足够的工作日')
    expect(r.error.message.en).toBe('The calendar has too few working days')
  })
})
