/**
 * Configuration of the cipher telegram register (密码电报, rules E-01..E-06). Defaults are the strict
 * readings a county inspector would expect; every deadline runs on calendar time around the clock
 * (rule E-03: 不分工作日和节假日, 24 小时), so no working calendar is involved.
 */
export const TelegramPrecedence = {
  Routine: 'routine',
  Urgent: 'urgent',
  VeryUrgent: 'very_urgent',
  Flash: 'flash',
} as const
export type TelegramPrecedence = (typeof TelegramPrecedence)[keyof typeof TelegramPrecedence]

export const PRECEDENCE_LABEL_ZH: Readonly<Record<TelegramPrecedence, string>> = {
  routine: '一般',
  urgent: '加急',
  very_urgent: '特急',
  flash: '特提',
}

export interface TelegramPolicy {
  /** rule E-01: the receipt (回单) is sent within this many ms of receipt. */
  readonly acknowledgeWithinMs: number
  /**
   * rule E-03: handling (办结) deadline per precedence, counted in ms from receipt. "3 天内办结" is read
   * as 72 hours from the time of receipt, not "by the end of the third day": the office runs 24 hours.
   */
  readonly handleWithinMs: Readonly<Record<TelegramPrecedence, number>>
  /**
   * rule E-03: the report to the 机要室负责人 (特急 and above, and any 重要内容) is due this long after
   * receipt. The seed sets no figure; 30 minutes is "promptly", twice the receipt window (policy choice).
   */
  readonly reportWithinMs: number
  /**
   * rule E-05: copying a telegram with the superior's recorded approval (000 机关保密制度 四). Default off:
   * only a 机要 department may copy (004 4)), and a township office rarely is one.
   */
  readonly allowCopyWithSuperiorApproval: boolean
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export const DEFAULT_TELEGRAM_POLICY: TelegramPolicy = {
  acknowledgeWithinMs: 15 * MINUTE,
  handleWithinMs: {
    routine: 3 * DAY,
    urgent: 2 * DAY,
    very_urgent: DAY,
    // rule E-03: 特提 "即接即办" (handled as received). "At once" cannot be a zero deadline, or every
    // 特提 telegram would be overdue the instant it is registered; 2 hours is the policy's reading.
    flash: 2 * HOUR,
  },
  reportWithinMs: 30 * MINUTE,
  allowCopyWithSuperiorApproval: false,
}

/** rule E-03: 特急 and above, or 重要内容 at any precedence, are reported to the 机要室负责人. */
export function requiresReportToHead(precedence: TelegramPrecedence, important: boolean): boolean {
  return important || precedence === 'very_urgent' || precedence === 'flash'
}
