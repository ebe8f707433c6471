import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import { majorHolidays } from '../../../src/registers/inspection/holidays.ts'
import { holidayChecks, quarterlyInspections } from '../../../src/registers/inspection/reminders.ts'
import { local } from '../../support/fixtures.ts'
import { eventBuilder, foldInspections, inspection } from './inspection-fold.ts'

const CAL = DEFAULT_CALENDAR

describe('inspection reminders', () => {
  it('I-01 takes the four major holidays from the calendar data', () => {
    const y2026 = majorHolidays(2026, CAL)
    expect(y2026.ok && y2026.value.map((h) => [h.holiday, h.firstDay, h.lastDay])).toEqual([
      ['new_year', '2026-01-01', '2026-01-03'],
      ['spring_festival', '2026-02-15', '2026-02-23'],
      ['labour_day', '2026-05-01', '2026-05-05'],
      ['national_day', '2026-10-01', '2026-10-07'],
    ])
    const y2025 = majorHolidays(2025, CAL)
    expect(y2025.ok && y2025.value.map((h) => h.firstDay)).toEqual([
      '2025-01-01',
      '2025-01-28',
      '2025-05-01',
      '2025-10-01',
    ])
    const missing = majorHolidays(2027, CAL)
    expect(missing.ok ? null : missing.error.code).toBe('CAL-YEAR')
  })

  it('I-01 a quarter without an own inspection is a gap once it ends; a bureau inspection does not count', () => {
    const ev = eventBuilder()
    const f = foldInspections([
      ev('inspection.recorded', inspection({ heldOn: '2026-03-31' }), local('2026-03-31T16:00')),
      ev(
        'inspection.recorded',
        inspection({ inspectionId: 'b1', kind: 'bureau', heldOn: '2026-05-10' }),
        local('2026-05-10T16:00'),
      ),
    ])
    const now = local('2026-07-01T00:00')
    const quarters = quarterlyInspections(f.state, 2026, now, CAL)
    expect(quarters.map((q) => [q.quarter, q.status, q.inspectionIds])).toEqual([
      [1, 'done', ['i1']],
      [2, 'gap', []],
      [3, 'due', []],
      [4, 'upcoming', []],
    ])
    expect(quarters[1]?.endMs).toBe(now)
    // One instant earlier, the second quarter is still running.
    expect(quarterlyInspections(f.state, 2026, now - 1, CAL)[1]?.status).toBe('due')
  })

  it('I-01 a check held in the week before 国庆 counts; none before 五一 is missed once the holiday begins', () => {
    const ev = eventBuilder()
    const f = foldInspections([
      ev(
        'inspection.recorded',
        inspection({ kind: 'holiday', heldOn: '2026-09-24' }),
        local('2026-09-24T10:00'),
      ),
      ev(
        'inspection.recorded',
        inspection({ inspectionId: 'i2', heldOn: '2026-04-23' }),
        local('2026-04-23T10:00'),
      ),
    ])
    const checks = holidayChecks(f.state, 2026, local('2026-05-01T00:00'), CAL)
    expect(checks.ok).toBe(true)
    if (!checks.ok) return
    const byHoliday = Object.fromEntries(checks.value.map((c) => [c.holiday, [c.status, c.inspectionId]]))
    expect(byHoliday).toEqual({
      new_year: ['missed', null],
      spring_festival: ['missed', null],
      // 23 April is 8 days before 1 May: outside the 7-day window.
      labour_day: ['missed', null],
      national_day: ['done', 'i1'],
    })
    const before = holidayChecks(f.state, 2026, local('2026-04-30T23:59'), CAL)
    expect(before.ok && before.value.find((c) => c.holiday === 'labour_day')?.status).toBe('due_soon')
    const earlier = holidayChecks(f.state, 2026, local('2026-04-23T23:59'), CAL)
    expect(earlier.ok && earlier.value.find((c) => c.holiday === 'labour_day')?.status).toBe('upcoming')
  })

  it('I-01 holiday checks of a year the calendar lacks are CAL-YEAR, never guessed', () => {
    const f = foldInspections([])
    const r = holidayChecks(f.state, 2027, local('2026-12-01T00:00'), CAL)
    expect(r.ok ? null : r.error.code).toBe('CAL-YEAR')
  })
})
