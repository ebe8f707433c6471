import { DEFAULT_CALENDAR, localDay, startOfLocalDate } from '@secledger/domain'
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

// Times show in the unit's calendar zone (Asia/Shanghai), whatever the PC's clock zone is.
const OFFSET_MIN = DEFAULT_CALENDAR.utcOffsetMinutes

export function formatDateTime(ms: number): string {
  return dayjs.utc(ms).utcOffset(OFFSET_MIN).format('YYYY-MM-DD HH:mm:ss')
}

export function formatShortDateTime(ms: number): string {
  return dayjs.utc(ms).utcOffset(OFFSET_MIN).format('MM-DD HH:mm')
}

export function formatClock(ms: number): string {
  return dayjs.utc(ms).utcOffset(OFFSET_MIN).format('HH:mm')
}

/** Today's date in the unit's zone, as the domain's same-day rule (C-01) sees it. */
export function todayDate(nowMs: number = Date.now()): string {
  return localDay(nowMs, DEFAULT_CALENDAR).date
}

/** The instant of a clock time ('HH:mm') on the day of `dayMs`, in the unit's zone. */
export function instantAtClock(dayMs: number, clock: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(clock)
  const start = startOfLocalDate(todayDate(dayMs), DEFAULT_CALENDAR)
  if (!m || start === null) return null
  return start + (Number(m[1]) * 60 + Number(m[2])) * 60_000
}
