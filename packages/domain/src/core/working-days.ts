import { type DomainError, domainError, err, ok, type Result } from './result.ts'
import { endOfLocalDay, isWorkingDay, localDay, type WorkCalendar } from './work-calendar.ts'

const DAY_MS = 86_400_000
// Guard against a calendar with no working days at all (every day a holiday): never loop for ever.
const MAX_SCAN_DAYS = 366 * 2

/**
 * The deadline `n` working days after the instant `ms`: the end (23:59:59.999 local) of the n-th
 * working day after the local day of `ms` (the day of the event itself does not count, as when a
 * clerk counts "within 10 working days"). Weekends, holidays and 调休 working days come from the
 * calendar; a year it does not cover counts Monday to Friday (issue 10: deadlineEstimated marks it).
 */
export function addWorkingDays(ms: number, n: number, calendar: WorkCalendar): Result<number> {
  if (!Number.isInteger(n) || n < 1)
    return err(
      domainError('CAL-DAYS', `工作日数须为正整数：${n}`, `Working days must be a positive integer: ${n}`),
    )
  let dayStart = localDay(ms, calendar).startMs
  let counted = 0
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    // Noon of the next day: safe against any offset rounding at midnight.
    dayStart = localDay(dayStart + DAY_MS + DAY_MS / 2, calendar).startMs
    const working = isWorkingDay(dayStart, calendar)
    if (!working.ok) return working
    if (working.value) counted++
    if (counted === n) return ok(endOfLocalDay(dayStart, calendar))
  }
  return err(noWorkingDays())
}

function noWorkingDays(): DomainError {
  return domainError('CAL-DAYS', '日历中找不到足够的工作日', 'The calendar has too few working days')
}
