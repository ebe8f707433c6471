import { DEFAULT_CALENDAR, endOfLocalDay } from '@secledger/domain'
import { formatClock, instantAtClock, todayDate } from './time-format.ts'

/** The last clock time offered for a return after office hours; it stands for the end of the day. */
export const LAST_DUE_CLOCK = '23:59'

/** Margin between opening the hand-out dialog and the earliest return time offered. */
const MARGIN_MS = 5 * 60_000

/**
 * rule C-05: the first return time offered after office hours, the same day. Late in the evening
 * (from 23:55) that is 23:59, so the picker is never empty.
 */
export function earliestDueClock(nowMs: number): string {
  const earliest = nowMs + MARGIN_MS
  if (todayDate(earliest) !== todayDate(nowMs)) return LAST_DUE_CLOCK
  const clock = formatClock(earliest)
  return clock > LAST_DUE_CLOCK ? LAST_DUE_CLOCK : clock
}

/** The instant of a picked return time on the day of `dayMs`; 23:59 is the end of that day (C-05's latest). */
export function dueInstant(dayMs: number, clock: string): number | null {
  if (clock === LAST_DUE_CLOCK) return endOfLocalDay(dayMs, DEFAULT_CALENDAR)
  return instantAtClock(dayMs, clock)
}
