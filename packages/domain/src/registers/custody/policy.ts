import type { Carrier } from '../../core/carrier-record.ts'
import { domainError, err, ok, type Result } from '../../core/result.ts'
import { endOfLocalDay, localDay, startOfLocalDate, type WorkCalendar } from '../../core/work-calendar.ts'
import { addWorkingDays } from '../../core/working-days.ts'

/**
 * Configuration of the officer's custody duties (rules C-10, C-13, C-17, C-19). Defaults are the
 * strict readings a county inspector would expect; each field names the seed it reads.
 */
export const RoutingUrgency = {
  Normal: 'normal',
  /** 急件 */
  Urgent: 'urgent',
  /** 会议通知 */
  MeetingNotice: 'meeting_notice',
  /** 时间性较强的文件 */
  TimeCritical: 'time_critical',
} as const
export type RoutingUrgency = (typeof RoutingUrgency)[keyof typeof RoutingUrgency]

export const URGENCY_LABEL_ZH: Readonly<Record<RoutingUrgency, string>> = {
  normal: '普通文件',
  urgent: '急件',
  meeting_notice: '会议通知',
  time_critical: '时间性较强的文件',
}

export interface CustodyPolicy {
  /**
   * rule C-10 (reading): 003 范本一 三 "于次年初统一…立卷归档". "次年初" is read as the first quarter of
   * the next year, as 000 制发三密 四 dates the year-end return (第二年的第一季度): documents of year Y
   * are archived by the end of this month (1–12) of Y+1. Default 3: 31 March.
   */
  readonly archiveByMonth: number
  /**
   * rule C-10 (reading): which carrier kinds are "documents" to archive. Paper documents and electronic
   * files (000 涉密电子文件 十: 需要归档的涉密电子文件…归档); a storage medium is equipment still in use
   * (rule M-01), not a processed document. Default ['paper', 'electronic'].
   */
  readonly archiveKinds: readonly Carrier['kind'][]
  /**
   * rule C-13: months between two closed inventories. 000 保密检查制度 二 checks items against the
   * register (对照台帐查实物, 帐物相符) once a quarter (原则上每季度进行一次). Default 3.
   */
  readonly inventoryIntervalMonths: number
  /**
   * rule C-19: a received document goes to the office head "当天或第二天" (001 篇7 二(一)1): by the end
   * of this many working days after the day of receipt. Default 1 (the next working day).
   */
  readonly presentWithinWorkingDays: number
  /**
   * rule C-19 (reading): 急件, meeting notices and time-critical documents go to a leader "随收随送"
   * (001 篇7 二(一)2). "At once" cannot be a zero deadline; 2 hours of calendar time from receipt,
   * office hours or not: an urgent notice does not wait for the office to open. Default 2 h.
   */
  readonly urgentWithinMs: number
  /**
   * rule C-19 (reading): "一般不超过一星期传阅完". Read as a working week, 5 working days after the
   * day of receipt: seven calendar days would run out during a Golden Week or the Spring Festival before
   * the office reopens (and before the office head could even see it). 'calendar' counts calendar days
   * to the end of the n-th day after receipt, never earlier than the presentation deadline.
   */
  readonly circulation: { readonly days: number; readonly unit: 'working' | 'calendar' }
}

const HOUR = 3_600_000
const DAY = 86_400_000

export const DEFAULT_CUSTODY_POLICY: CustodyPolicy = {
  archiveByMonth: 3,
  archiveKinds: ['paper', 'electronic'],
  inventoryIntervalMonths: 3,
  presentWithinWorkingDays: 1,
  urgentWithinMs: 2 * HOUR,
  circulation: { days: 5, unit: 'working' },
}

export function isUrgent(urgency: RoutingUrgency): boolean {
  return urgency !== RoutingUrgency.Normal
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

function daysInMonth(year: number, month: number): number {
  return [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1] as number
}

/** The end (23:59:59.999 local) of the day `months` calendar months after `ms`'s local day (clamped). */
export function endOfDayMonthsAfter(ms: number, months: number, calendar: WorkCalendar): number {
  const [y, m, d] = localDay(ms, calendar).date.split('-').map(Number) as [number, number, number]
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const day = Math.min(d, daysInMonth(year, month))
  const start = startOfLocalDate(`${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`, calendar)
  return endOfLocalDay(start ?? ms, calendar)
}

/** rule C-10: documents of `year` are archived by the end of `archiveByMonth` of the next year. */
export function archiveDueAt(year: number, policy: CustodyPolicy, calendar: WorkCalendar): number {
  const month = Math.min(12, Math.max(1, Math.trunc(policy.archiveByMonth)))
  const last = daysInMonth(year + 1, month)
  const start = startOfLocalDate(
    `${String(year + 1).padStart(4, '0')}-${pad2(month)}-${pad2(last)}`,
    calendar,
  )
  return endOfLocalDay(start ?? 0, calendar)
}

/** rule C-10: the archiving period of year Y opens at local midnight of 1 January of Y+1. */
export function archivePeriodOpensAt(year: number, calendar: WorkCalendar): number {
  return startOfLocalDate(`${String(year + 1).padStart(4, '0')}-01-01`, calendar) ?? 0
}

/** rule C-13: the next inventory is due `inventoryIntervalMonths` after `lastMs` (end of that day). */
export function inventoryDueAfter(lastMs: number, policy: CustodyPolicy, calendar: WorkCalendar): number {
  return endOfDayMonthsAfter(lastMs, Math.max(1, Math.trunc(policy.inventoryIntervalMonths)), calendar)
}

export interface RoutingDeadlines {
  readonly presentDueAt: number
  readonly circulationDueAt: number
}

/** rule C-19: the presentation and circulation deadlines of a document received at `receivedAt`. */
export function routingDeadlines(
  receivedAt: number,
  urgency: RoutingUrgency,
  policy: CustodyPolicy,
  calendar: WorkCalendar,
): Result<RoutingDeadlines> {
  let presentDueAt: number
  if (isUrgent(urgency)) presentDueAt = receivedAt + policy.urgentWithinMs
  else {
    const due = addWorkingDays(receivedAt, policy.presentWithinWorkingDays, calendar)
    if (!due.ok) return due
    presentDueAt = due.value
  }
  const { days, unit } = policy.circulation
  if (!Number.isInteger(days) || days < 1)
    return err(
      domainError(
        'CAL-DAYS',
        `传阅期限天数须为正整数：${days}`,
        `Circulation days must be a positive integer: ${days}`,
      ),
    )
  let circulationDueAt: number
  if (unit === 'working') {
    const due = addWorkingDays(receivedAt, days, calendar)
    if (!due.ok) return due
    circulationDueAt = due.value
  } else {
    // Noon of the n-th day after: safe against any offset rounding at midnight.
    circulationDueAt = endOfLocalDay(localDay(receivedAt, calendar).startMs + days * DAY + DAY / 2, calendar)
  }
  return ok({ presentDueAt, circulationDueAt: Math.max(circulationDueAt, presentDueAt) })
}
