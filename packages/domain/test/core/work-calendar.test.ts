import { describe, expect, it } from 'vitest'
import {
  calendarCovers,
  DEFAULT_CALENDAR,
  deadlineEstimated,
  ESTIMATED_DEADLINE_NOTE,
  endOfLocalDay,
  endOfWorkingDay,
  isWorkingDay,
  localDay,
  officeOpensAt,
  startOfLocalDate,
  type WorkCalendar,
} from '../../src/core/work-calendar.ts'
import { local } from '../support/fixtures.ts'

const cal = DEFAULT_CALENDAR

describe('work calendar (rule C-05)', () => {
  it('C-05 a weekday is a working day, a weekend day is not', () => {
    expect(isWorkingDay('2026-03-02', cal)).toEqual({ ok: true, value: true }) // Monday
    expect(isWorkingDay('2026-03-07', cal)).toEqual({ ok: true, value: false }) // Saturday
    expect(isWorkingDay('2026-03-08', cal)).toEqual({ ok: true, value: false }) // Sunday
  })

  it('C-05 public holidays are days off and 调休 weekend days are working days', () => {
    expect(isWorkingDay('2026-10-01', cal)).toEqual({ ok: true, value: false }) // National Day, Thursday
    expect(isWorkingDay('2025-01-28', cal)).toEqual({ ok: true, value: false }) // Spring Festival eve, Tuesday
    expect(isWorkingDay('2026-02-28', cal)).toEqual({ ok: true, value: true }) // Saturday, 调休上班
    expect(isWorkingDay('2025-09-28', cal)).toEqual({ ok: true, value: true }) // Sunday, 调休上班
    expect(isWorkingDay('2026-01-04', cal)).toEqual({ ok: true, value: true }) // Sunday, 调休上班
  })

  it('C-05 the data covers 2025 and 2026 and nothing else', () => {
    expect(cal.years).toEqual([2025, 2026])
    expect(cal.holidays.every((d) => d.startsWith('2025-') || d.startsWith('2026-'))).toBe(true)
    expect(cal.holidays.length).toBeGreaterThan(50)
    expect(cal.makeupWorkdays).toHaveLength(11) // 2025: 5 调休 days, 2026: 6
  })

  it('C-05 a year the calendar does not cover counts the ordinary week: Monday to Friday, never an error', () => {
    expect(endOfWorkingDay(local('2027-03-01T10:00'), cal)).toEqual({
      ok: true,
      value: local('2027-03-01T17:30'),
    })
    expect(endOfWorkingDay(local('2027-03-06T10:00'), cal)).toEqual({ ok: true, value: null }) // Saturday
    expect(isWorkingDay('2024-12-31', cal)).toEqual({ ok: true, value: true }) // Tuesday
    expect(isWorkingDay(local('2024-12-31T23:59'), cal)).toEqual({ ok: true, value: true })
    expect(isWorkingDay('2027-01-01', cal)).toEqual({ ok: true, value: true }) // 元旦 is not guessed: a Friday
    expect(isWorkingDay('2027-01-02', cal)).toEqual({ ok: true, value: false })
    expect(isWorkingDay('2027-01-03', cal)).toEqual({ ok: true, value: false })
    expect(isWorkingDay(local('2025-01-02T00:01'), cal)).toEqual({ ok: true, value: true })
    // A year not listed in `years` is not read from the lists, even if some of its days are there.
    const stray: WorkCalendar = {
      ...cal,
      holidays: [...cal.holidays, '2027-03-01'],
      makeupWorkdays: ['2027-03-06'],
    }
    expect(isWorkingDay('2027-03-01', stray)).toEqual({ ok: true, value: true })
    expect(isWorkingDay('2027-03-06', stray)).toEqual({ ok: true, value: false })
  })

  it('C-05 the end of the working day is the office closing time in Asia/Shanghai', () => {
    expect(endOfWorkingDay(local('2026-03-02T09:00'), cal)).toEqual({
      ok: true,
      value: local('2026-03-02T17:30'),
    })
    // before opening still counts for that working day
    expect(endOfWorkingDay(local('2026-03-02T07:00'), cal)).toEqual({
      ok: true,
      value: local('2026-03-02T17:30'),
    })
    expect(endOfWorkingDay(local('2026-03-02T17:29:59.999'), cal)).toEqual({
      ok: true,
      value: local('2026-03-02T17:30'),
    })
    expect(endOfWorkingDay(local('2026-03-02T17:30'), cal)).toEqual({ ok: true, value: null })
    expect(endOfWorkingDay(local('2026-03-07T10:00'), cal)).toEqual({ ok: true, value: null })
    expect(endOfWorkingDay(local('2026-10-01T10:00'), cal)).toEqual({ ok: true, value: null })
  })

  it('C-05 local days follow the +08:00 offset, not UTC', () => {
    // 2026-03-02 23:30 local is 15:30 UTC the same day; 00:30 local is the previous UTC day
    expect(localDay(local('2026-03-02T23:30'), cal).date).toBe('2026-03-02')
    expect(localDay(local('2026-03-03T00:30'), cal).date).toBe('2026-03-03')
    expect(endOfLocalDay(local('2026-03-02T19:00'), cal)).toBe(local('2026-03-02T23:59:59.999'))
    expect(startOfLocalDate('2026-03-02', cal)).toBe(local('2026-03-02T00:00'))
    expect(startOfLocalDate('2026-02-30', cal)).toBeNull()
    expect(isWorkingDay('2026-13-01', cal)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'CAL-DATE' }),
    })
  })

  it('C-05 office hours and offset come from the calendar', () => {
    const other: WorkCalendar = { ...cal, officeHours: { start: '09:00', end: '18:00' } }
    expect(endOfWorkingDay(local('2026-03-02T17:45'), other)).toEqual({
      ok: true,
      value: local('2026-03-02T18:00'),
    })
  })

  it('C-05 civil dates round-trip across years and leap days', () => {
    for (const date of ['2024-02-29', '2025-01-01', '2025-12-31', '2026-06-15', '2000-03-01', '1999-12-31']) {
      const start = startOfLocalDate(date, cal)
      expect(start).not.toBeNull()
      expect(localDay(start as number, cal).date).toBe(date)
      expect(localDay((start as number) + 86_399_999, cal).date).toBe(date)
    }
  })

  it('C-05 refuses malformed office hours and dates', () => {
    const bad: WorkCalendar = { ...cal, officeHours: { start: '8:30', end: '17:30' } }
    expect(() => endOfWorkingDay(local('2026-03-02T09:00'), bad)).toThrow(
      'office hours must be HH:MM, got 8:30',
    )
    const trailing: WorkCalendar = { ...cal, officeHours: { start: '08:30x', end: '17:30' } }
    expect(() => isWorkingDay('2026-03-02', trailing)).toThrow(RangeError)
    const leading: WorkCalendar = { ...cal, officeHours: { start: 'x08:30', end: '17:30' } }
    expect(() => isWorkingDay('2026-03-02', leading)).toThrow(RangeError)
    for (const date of [
      '2026-3-02',
      'x2026-03-02',
      '2026-03-02x',
      '2026-02-29',
      '2026-04-31',
      '2026-00-10',
      '2026-13-01',
    ]) {
      expect(startOfLocalDate(date, cal)).toBeNull()
    }
    expect(isWorkingDay('2026/03/02', cal)).toEqual({
      ok: false,
      error: { code: 'CAL-DATE', message: { zh: '日期格式错误：2026/03/02', en: 'Not a date: 2026/03/02' } },
    })
  })

  it('C-05 calendarCovers tells a covered local year from an estimated one, at the +08:00 year boundary', () => {
    expect(calendarCovers(local('2025-01-01T00:00'), cal)).toBe(true)
    expect(calendarCovers(local('2026-12-31T23:59:59.999'), cal)).toBe(true)
    expect(calendarCovers(local('2027-01-01T00:00'), cal)).toBe(false) // still 2026 in UTC
    expect(calendarCovers(local('2024-12-31T23:59:59.999'), cal)).toBe(false)
  })

  it('C-05 deadlineEstimated: any year from the start to the due time without data marks the deadline (按常规工作日计算)', () => {
    expect(deadlineEstimated(local('2026-03-02T09:00'), local('2026-03-02T17:30'), cal)).toBe(false)
    expect(deadlineEstimated(local('2025-12-30T09:00'), local('2026-01-05T23:59'), cal)).toBe(false)
    expect(deadlineEstimated(local('2026-12-30T09:00'), local('2027-01-01T00:00'), cal)).toBe(true)
    expect(deadlineEstimated(local('2027-01-04T09:00'), local('2027-01-04T17:30'), cal)).toBe(true)
    expect(deadlineEstimated(local('2024-12-30T09:00'), local('2025-01-02T23:59'), cal)).toBe(true)
    // a year in between counts too; the order of the two instants does not matter
    const gap: WorkCalendar = { ...cal, years: [2025, 2027] }
    expect(deadlineEstimated(local('2025-12-30T09:00'), local('2027-01-04T09:00'), gap)).toBe(true)
    expect(deadlineEstimated(local('2027-01-04T09:00'), local('2025-12-30T09:00'), gap)).toBe(true)
    expect(deadlineEstimated(local('2027-01-04T09:00'), local('2027-02-04T09:00'), gap)).toBe(false)
    expect(ESTIMATED_DEADLINE_NOTE).toEqual({
      zh: '按常规工作日计算，节假日安排未录入',
      en: 'Counted in ordinary working days: the holiday schedule is not entered',
    })
  })

  it('C-05 office opening is on the local day of the instant', () => {
    expect(officeOpensAt(local('2026-03-02T23:00'), cal)).toBe(local('2026-03-02T08:30'))
    expect(officeOpensAt(local('2026-03-03T00:10'), cal)).toBe(local('2026-03-03T08:30'))
  })

  it('C-05 civil dates are right across century years', () => {
    for (const date of [
      '1900-02-28',
      '1900-03-01',
      '2100-02-28',
      '2100-03-01',
      '2400-02-29',
      '1970-01-01',
      '1969-12-31',
    ]) {
      const start = startOfLocalDate(date, cal)
      expect(start).not.toBeNull()
      expect(localDay(start as number, cal).date).toBe(date)
    }
    expect(localDay(local('2100-03-01T12:00'), cal)).toEqual({
      date: '2100-03-01',
      year: 2100,
      startMs: local('2100-03-01T00:00'),
    })
  })
})
