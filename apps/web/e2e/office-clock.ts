import { DEFAULT_CALENDAR, isWorkingDay, localDay } from '@secledger/domain'

/** A working day of the domain calendar (Wednesday 4 March 2026), used when today is not one. */
export const FIXED_WORKING_DAY = '2026-03-04'

const TEN_HOURS_MS = 10 * 3_600_000

/**
 * 10:00 Asia/Shanghai — office hours (rule C-05) — on today's date when it is a working day of the
 * domain calendar, else on a fixed 2026 working day. The officer's page runs on this clock so the
 * hand-out takes the in-hours path at any hour the suite runs; when the fixed day is behind events
 * already in the doc, the HLC still orders local events after them (tickHlc).
 */
export function officeMorning(nowMs: number = Date.now()): number {
  const today = localDay(nowMs, DEFAULT_CALENDAR)
  const working = isWorkingDay(today.date, DEFAULT_CALENDAR)
  if (working.ok && working.value) return today.startMs + TEN_HOURS_MS
  return localDay(Date.parse(`${FIXED_WORKING_DAY}T12:00:00+08:00`), DEFAULT_CALENDAR).startMs + TEN_HOURS_MS
}
