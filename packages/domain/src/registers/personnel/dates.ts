import { startOfLocalDate, type WorkCalendar } from '../../core/work-calendar.ts'

/**
 * Calendar arithmetic on local dates ('YYYY-MM-DD') for the personnel register. These rules run on
 * calendar dates (脱密期 in months, yearly education), never on working days, so no holiday data is
 * needed and no deadline here is ever estimated (deadlineEstimated).
 */

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** `date` plus `months`, the day clamped to the month's end (08-31 + 6 months = 02-28/29). */
export function addMonthsToDate(date: string, months: number): string {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  const total = y * 12 + (m - 1) + months
  const ny = Math.floor(total / 12)
  const nm = (total % 12) + 1
  const nd = Math.min(d, daysInMonth(ny, nm))
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`
}

/** Local midnight of a valid date; throws only on a date the schemas and rules have already refused. */
export function startOfDate(date: string, calendar: WorkCalendar): number {
  const ms = startOfLocalDate(date, calendar)
  if (ms === null) throw new RangeError(`not a date: ${date}`)
  return ms
}

export function isValidDate(date: string, calendar: WorkCalendar): boolean {
  return startOfLocalDate(date, calendar) !== null
}

/** Local midnight starting 1 January of `year`. */
export function startOfYear(year: number, calendar: WorkCalendar): number {
  return startOfDate(`${String(year).padStart(4, '0')}-01-01`, calendar)
}
