import { DEFAULT_TELEGRAM_POLICY, requiresReportToHead, type TelegramPolicy } from './policy.ts'
import type { Telegram, TelegramState } from './state.ts'

/** A deadline of a received telegram; every one runs on calendar time from receipt (rule E-03). */
export interface TelegramDeadline {
  readonly rule: 'E-01' | 'E-03'
  readonly kind: 'acknowledgement' | 'handling' | 'report_to_head'
  readonly dueAt: number
  /** When it was met, or null while outstanding. */
  readonly metAt: number | null
}

export interface OverdueTelegram {
  readonly telegramId: string
  readonly serial: string
  /** Each outstanding deadline past due; overdue since its `dueAt`. */
  readonly overdue: readonly TelegramDeadline[]
}

export interface DueSoonDeadline extends TelegramDeadline {
  readonly telegramId: string
  readonly serial: string
}

/** rules E-01, E-03: the deadlines of one telegram (none for a sent one). */
export function telegramDeadlines(
  t: Telegram,
  policy: TelegramPolicy = DEFAULT_TELEGRAM_POLICY,
): readonly TelegramDeadline[] {
  if (t.direction !== 'received') return []
  const list: TelegramDeadline[] = [
    {
      rule: 'E-01',
      kind: 'acknowledgement',
      dueAt: t.at + policy.acknowledgeWithinMs,
      metAt: t.acknowledgedAt,
    },
  ]
  if (requiresReportToHead(t.precedence, t.important)) {
    // The report can never be due after the handling itself.
    const dueAt = t.at + Math.min(policy.reportWithinMs, policy.handleWithinMs[t.precedence])
    list.push({ rule: 'E-03', kind: 'report_to_head', dueAt, metAt: t.reportedAt })
  }
  list.push({
    rule: 'E-03',
    kind: 'handling',
    dueAt: t.at + policy.handleWithinMs[t.precedence],
    metAt: t.handledAt,
  })
  return list
}

/** A deadline is overdue strictly after its due time while unmet; met late, it stays on record as late. */
function isOverdue(d: TelegramDeadline, nowMs: number): boolean {
  return d.metAt === null && nowMs > d.dueAt
}

/** rules E-01, E-03: received telegrams with an outstanding deadline past due at `nowMs`. */
export function overdueTelegrams(
  state: TelegramState,
  nowMs: number,
  policy: TelegramPolicy = DEFAULT_TELEGRAM_POLICY,
): OverdueTelegram[] {
  const out: OverdueTelegram[] = []
  for (const t of state.telegrams.values()) {
    const overdue = telegramDeadlines(t, policy).filter((d) => isOverdue(d, nowMs))
    if (overdue.length > 0) out.push({ telegramId: t.id, serial: t.serial, overdue })
  }
  return out.sort((a, b) => a.serial.localeCompare(b.serial) || a.telegramId.localeCompare(b.telegramId))
}

/** Outstanding deadlines falling due within `withinMs` from `nowMs` (not yet overdue), soonest first. */
export function dueSoon(
  state: TelegramState,
  nowMs: number,
  withinMs: number,
  policy: TelegramPolicy = DEFAULT_TELEGRAM_POLICY,
): DueSoonDeadline[] {
  const out: DueSoonDeadline[] = []
  for (const t of state.telegrams.values())
    for (const d of telegramDeadlines(t, policy))
      if (d.metAt === null && d.dueAt >= nowMs && d.dueAt <= nowMs + withinMs)
        out.push({ ...d, telegramId: t.id, serial: t.serial })
  return out.sort((a, b) => a.dueAt - b.dueAt || a.telegramId.localeCompare(b.telegramId))
}

/** Deadlines met after their due time (e.g. a receipt sent after 15 minutes: 视为缺岗), for inspection. */
export function lateTelegramDeadlines(
  state: TelegramState,
  policy: TelegramPolicy = DEFAULT_TELEGRAM_POLICY,
): DueSoonDeadline[] {
  const out: DueSoonDeadline[] = []
  for (const t of state.telegrams.values())
    for (const d of telegramDeadlines(t, policy))
      if (d.metAt !== null && d.metAt > d.dueAt) out.push({ ...d, telegramId: t.id, serial: t.serial })
  return out.sort((a, b) => a.dueAt - b.dueAt || a.telegramId.localeCompare(b.telegramId))
}
