import type { Level } from '../../core/levels.ts'
import { localDay, startOfLocalDate, type WorkCalendar } from '../../core/work-calendar.ts'

/**
 * Configuration of the incident register (泄密事件, rules ). Every limit runs on calendar
 * time (24 hours, months, days), not working days: a leak report does not wait for Monday.
 */
export interface IncidentPolicy {
  /** rule X-01: the report to the secrecy bureau is due this long after discovery. */
  readonly reportWithinMs: number
  /** rule X-01: the written investigation result is due this many calendar months after discovery. */
  readonly investigationWithinMonths: number
  /**
   * rule X-02: days a carrier may stay missing before it is treated as a leak, per level. A level
   * without an entry (工作秘密, 内部, 公开) is never treated as a state-secret leak (decision).
   */
  readonly missingLimitDays: Readonly<Partial<Record<Level, number>>>
}

export const DEFAULT_INCIDENT_POLICY: IncidentPolicy = {
  reportWithinMs: 24 * 3_600_000,
  investigationWithinMonths: 3,
  missingLimitDays: { top_secret: 10, secret: 60, confidential: 60 },
}

const DAY_MS = 86_400_000

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0')
}

/**
 * rule X-01: "within n months" of `ms`: the end (23:59:59.999 local) of the same day-of-month n
 * months later, clamped to the month's last day (30 November → 28/29 February). Pure arithmetic:
 * no holiday data is involved, so any year works.
 */
export function endOfDayMonthsLater(ms: number, months: number, calendar: WorkCalendar): number {
  const [y, m, d] = localDay(ms, calendar).date.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const ty = Math.floor(total / 12)
  const tm = (total % 12) + 1
  const nextMonthStart =
    startOfLocalDate(`${pad(tm === 12 ? ty + 1 : ty, 4)}-${pad(tm === 12 ? 1 : tm + 1, 2)}-01`, calendar) ?? 0
  const lastDay = localDay(nextMonthStart - DAY_MS / 2, calendar).date
  const lastDayOfMonth = Number(lastDay.slice(8))
  const target =
    startOfLocalDate(`${pad(ty, 4)}-${pad(tm, 2)}-${pad(Math.min(d, lastDayOfMonth), 2)}`, calendar) ?? 0
  return target + DAY_MS - 1
}
