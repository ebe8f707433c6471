import { endOfLocalDay, startOfLocalDate, type WorkCalendar } from '../../core/work-calendar.ts'

/**
 * Configuration of the outgoing classified documents register (制发三密文件, rules C-09, C-14, C-15,
 * C-20). Defaults are the strict readings a county inspector would expect.
 */

/** A day of the year after the documents' year, `{ month: 3, day: 31 }` = 31 March. */
export interface MonthDay {
  readonly month: number
  readonly day: number
}

export interface OutgoingPolicy {
  /**
   * rule C-15: the signing of an outgoing document (签发, with the approved number of copies and the
   * distribution). 000 文件资料收发 二1: 经主要领导审核签发. Letting the 分管领导 (post 'in_charge') sign
   * is county configuration, default off.
   */
  readonly allowInChargeLeaderApproval: boolean
  /**
   * rule C-14: when meeting documents below 绝密 are due back. 'end_of_working_day' (the brief's reading:
   * by the close of office hours of the day the meeting ends; a meeting ending after hours or on a day off
   * hands back at its end) or 'meeting_end' (at once, like 绝密). 绝密 is always due at the meeting's end.
   */
  readonly meetingCollection: 'end_of_working_day' | 'meeting_end'
  /** rule C-09: the reconciliation (清退回收核对) of a year's outgoing documents is done by this day of the next year (end of Q1). */
  readonly reconcileBy: MonthDay
  /**
   * rule C-09: the return result is filed with the secrecy bureau (报市国家保密局备案) by this day of the
   * next year. The seed gives no date; the filing closes the Q1 work, so its default is the end of Q1 too.
   */
  readonly bureauFilingBy: MonthDay
  /**
   * rule C-09: resolving a reconciliation gap needs the reference of the report to the secrecy bureau
   * (发现丢失无法清退回收的，应督促收文单位查找并报市国家保密局处理). Default on.
   */
  readonly gapResolutionNeedsBureauReport: boolean
}

export const DEFAULT_OUTGOING_POLICY: OutgoingPolicy = {
  allowInChargeLeaderApproval: false,
  meetingCollection: 'end_of_working_day',
  reconcileBy: { month: 3, day: 31 },
  bureauFilingBy: { month: 3, day: 31 },
  gapResolutionNeedsBureauReport: true,
}

/** `YYYY-MM-DD` of a month-day in `year`. */
export function monthDayDate(year: number, md: MonthDay): string {
  return `${String(year).padStart(4, '0')}-${String(md.month).padStart(2, '0')}-${String(md.day).padStart(2, '0')}`
}

/** The last instant of a month-day of `year` (validated by createOutgoingSlice). */
export function endOfMonthDay(year: number, md: MonthDay, calendar: WorkCalendar): number {
  const start = startOfLocalDate(monthDayDate(year, md), calendar) ?? 0
  return endOfLocalDay(start, calendar)
}
