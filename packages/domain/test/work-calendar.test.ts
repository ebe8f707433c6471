import { describe, expect, it } from 'vitest'
import {
  DEFAULT_CALENDAR,
  endOfLocalDay,
  endOfWorkingDay,
  isWorkingDay,
  localDay,
  officeOpensAt,
  startOfLocalDate,
  type WorkCalendar,
} from '../src/work-calendar.ts'
import { local } from './fixtures.ts'

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

  it('C-05 a year the calendar does not cover is an error, never a weekday guess', () => {
    const r = endOfWorkingDay(local('2027-03-01T10:00'), cal)
    expect(r).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'CAL-YEAR',
        message: expect.objectContaining({ zh: '2027年节假日安排尚未录入' }),
      }),
    })
    expect(isWorkingDay('2024-12-31', cal).ok).toBe(false)
    expect(isWorkingDay(local('2024-12-31T23:59'), cal).ok).toBe(false)
    expect(isWorkingDay(local('2025-01-02T00:01'), cal)).toEqual({ ok: true, value: true })
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

  it('C-05 the missing year is named in the error details', () => {
    expect(isWorkingDay('2027-05-06', cal)).toEqual({
      ok: false,
      error: {
        code: 'CAL-YEAR',
        message: { zh: '2027年节假日安排尚未录入', en: 'The holiday schedule for 2027 has not been entered' },
        details: { year: 2027 },
      },
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
