import { CN_CALENDAR_YEARS, CN_HOLIDAYS, CN_MAKEUP_WORKDAYS } from './calendar-data-cn.ts'
import { domainError, err, ok, type Result } from './result.ts'

/**
 * Working days and office hours of a unit (rule C-05). Time zone is a fixed offset: China has no
 * daylight saving time. Holidays and make-up working days (调休上班) are data, per covered year; a year
 * not yet entered counts in ordinary weeks (issue 10), and its deadlines are marked estimated.
 */
export interface WorkCalendar {
  readonly version: string
  readonly officeHours: { readonly start: string; readonly end: string }
  readonly utcOffsetMinutes: number
  /** Days off 'YYYY-MM-DD' (statutory holidays, including the weekend days they cover). */
  readonly holidays: readonly string[]
  /** Weekend days that are working days (调休上班), 'YYYY-MM-DD'. */
  readonly makeupWorkdays: readonly string[]
  /**
   * Years whose holiday schedule is entered. In other years working days are the ordinary week (Monday
   * to Friday), so work never stops for want of data; `deadlineEstimated` tells the UI to say so.
   */
  readonly years: readonly number[]
}

export const DEFAULT_CALENDAR: WorkCalendar = {
  version: 'cn-2025-2026.1',
  officeHours: { start: '08:30', end: '17:30' },
  utcOffsetMinutes: 480,
  holidays: CN_HOLIDAYS,
  makeupWorkdays: CN_MAKEUP_WORKDAYS,
  years: CN_CALENDAR_YEARS,
}

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000

interface CompiledCalendar {
  /** Day number (days since 1970-01-01, local) → its local day and working-day verdict, filled on demand. */
  readonly days: Map<number, CompiledDay>
  readonly holidays: ReadonlySet<string>
  readonly makeup: ReadonlySet<string>
  readonly years: ReadonlySet<number>
  readonly offsetMs: number
  readonly startMs: number
  readonly endMs: number
}

// Calendars are immutable values; compile each once (the fold asks per hand-out).
const compiled = new WeakMap<WorkCalendar, CompiledCalendar>()

function parseClock(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm)
  if (!m) throw new RangeError(`office hours must be HH:MM, got ${hhmm}`)
  return (Number(m[1]) * 60 + Number(m[2])) * MINUTE_MS
}

function compile(calendar: WorkCalendar): CompiledCalendar {
  let c = compiled.get(calendar)
  // Stryker disable next-line ConditionalExpression: a cache; compiling again gives the same value
  if (!c) {
    c = {
      days: new Map(),
      holidays: new Set(calendar.holidays),
      makeup: new Set(calendar.makeupWorkdays),
      years: new Set(calendar.years),
      offsetMs: calendar.utcOffsetMinutes * MINUTE_MS,
      startMs: parseClock(calendar.officeHours.start),
      endMs: parseClock(calendar.officeHours.end),
    }
    compiled.set(calendar, c)
  }
  return c
}

/** Civil date of a day number (days since 1970-01-01), Howard Hinnant's algorithm: no Date needed. */
function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d }
}

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

/** The unit's local day of an instant. */
export interface LocalDay {
  /** 'YYYY-MM-DD' */
  readonly date: string
  readonly year: number
  /** Instant of local midnight starting that day. */
  readonly startMs: number
}

interface CompiledDay {
  readonly day: LocalDay
  readonly working: boolean
}

// The fold asks about the same few hundred days again and again: compute each day once per calendar.
function compiledDay(ms: number, c: CompiledCalendar): CompiledDay {
  const dayNumber = Math.floor((ms + c.offsetMs) / DAY_MS)
  let entry = c.days.get(dayNumber)
  // Stryker disable next-line ConditionalExpression: a cache; computing again gives the same value
  if (!entry) {
    const { y, m, d } = civilFromDays(dayNumber)
    const day = {
      date: `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`,
      year: y,
      startMs: dayNumber * DAY_MS - c.offsetMs,
    }
    entry = { day, working: workingDayOf(day, dayNumber, c) }
    c.days.set(dayNumber, entry)
  }
  return entry
}

export function localDay(ms: number, calendar: WorkCalendar): LocalDay {
  return compiledDay(ms, compile(calendar)).day
}

/** Local midnight of a 'YYYY-MM-DD' date as an instant, or null when it is not a valid date. */
export function startOfLocalDate(date: string, calendar: WorkCalendar): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return null
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  const dayNumber = daysFromCivil(y, mo, d)
  const back = civilFromDays(dayNumber)
  if (back.y !== y || back.m !== mo || back.d !== d) return null
  return dayNumber * DAY_MS - compile(calendar).offsetMs
}

function workingDayOf(day: LocalDay, dayNumber: number, c: CompiledCalendar): boolean {
  // Issue 10: a year without its schedule falls back to the ordinary week rather than stopping every
  // hand-out (C-05) and working-day deadline from 1 January; its holiday and 调休 lists are not read.
  if (c.years.has(day.year)) {
    if (c.makeup.has(day.date)) return true
    if (c.holidays.has(day.date)) return false
  }
  const weekday = (((dayNumber + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday
  return weekday !== 0 && weekday !== 6
}

/**
 * Whether a day is a working day: weekdays except holidays, plus 调休 working days. Accepts an
 * instant (ms) or a 'YYYY-MM-DD' date (CAL-DATE when it is not one). In a year the calendar does not
 * cover: Monday to Friday (see calendarCovers).
 */
export function isWorkingDay(day: number | string, calendar: WorkCalendar): Result<boolean> {
  const c = compile(calendar)
  const start = typeof day === 'number' ? day : startOfLocalDate(day, calendar)
  if (start === null) return err(domainError('CAL-DATE', `日期格式错误：${day}`, `Not a date: ${day}`))
  return ok(compiledDay(start, c).working)
}

/**
 * rule C-05: the end of the working day in which `ms` falls: that day's office closing time when
 * `ms` is on a working day before closing (an early hand-out before opening counts for that day);
 * null when `ms` is on a non-working day or after closing (then the officer sets the time).
 * A year the calendar does not cover counts in ordinary weeks (deadlineEstimated).
 */
export function endOfWorkingDay(ms: number, calendar: WorkCalendar): Result<number | null> {
  const c = compile(calendar)
  const { day, working } = compiledDay(ms, c)
  if (!working) return ok(null)
  const close = day.startMs + c.endMs
  return ok(ms < close ? close : null)
}

/** The last instant (23:59:59.999 local) of the day in which `ms` falls. */
export function endOfLocalDay(ms: number, calendar: WorkCalendar): number {
  return localDay(ms, calendar).startMs + DAY_MS - 1
}

/** The office opening instant of the day in which `ms` falls (whether or not it is a working day). */
export function officeOpensAt(ms: number, calendar: WorkCalendar): number {
  return localDay(ms, calendar).startMs + compile(calendar).startMs
}

/** Whether the holiday schedule of the local year of `ms` is entered (else: ordinary weeks, issue 10). */
export function calendarCovers(ms: number, calendar: WorkCalendar): boolean {
  return compile(calendar).years.has(localDay(ms, calendar).year)
}

/**
 * Whether a deadline from `fromMs` to `dueMs` was counted (partly) in ordinary working days: some local
 * year from the one of `fromMs` to the one of `dueMs` has no holiday schedule. The UI then shows
 * ESTIMATED_DEADLINE_NOTE beside it (issue 10).
 */
export function deadlineEstimated(fromMs: number, dueMs: number, calendar: WorkCalendar): boolean {
  const years = compile(calendar).years
  const from = localDay(Math.min(fromMs, dueMs), calendar).year
  const to = localDay(Math.max(fromMs, dueMs), calendar).year
  for (let year = from; year <= to; year++) if (!years.has(year)) return true
  return false
}

/** Shown beside a deadline for which deadlineEstimated is true. */
export const ESTIMATED_DEADLINE_NOTE: { readonly zh: string; readonly en: string } = {
  zh: '按常规工作日计算，节假日安排未录入',
  en: 'Counted in ordinary working days: the holiday schedule is not entered',
}
