import type { Level, RegisterState } from '@secledger/domain'
import {
  type Telegram,
  type TelegramDeadline,
  type TelegramPrecedence,
  telegramDeadlines,
} from '@secledger/domain/registers/telegram'
import { keywordMatcher, type QueryValues } from '@secledger/ui/logic'
import { todayDate } from '../time-format.ts'

/**
 * The 收发电报登记本 (rules E-01..E-06) as the page lists it: one row per telegram, received or sent,
 * with the next deadline it owes (E-01 receipt, E-03 report and handling), read from the domain.
 */
export interface TelegramRow {
  readonly id: string
  readonly direction: 'received' | 'sent'
  readonly serial: string
  readonly counterpart: string
  readonly docNumber: string
  readonly level: Level
  readonly precedence: TelegramPrecedence
  readonly important: boolean
  readonly earlyWarning: boolean
  readonly at: number
  readonly state: Telegram['state']
  /** The earliest outstanding deadline, null when none is owed. */
  readonly next: TelegramDeadline | null
  readonly overdue: boolean
  readonly telegram: Telegram
}

export const TELEGRAM_STATES = ['open', 'handled', 'sent'] as const

export function telegramRows(state: RegisterState, nowMs: number): TelegramRow[] {
  const out: TelegramRow[] = []
  for (const t of state.registers.telegram.telegrams.values()) {
    const owed = telegramDeadlines(t).filter((d) => d.metAt === null)
    const next = owed.reduce<TelegramDeadline | null>(
      (a, d) => (a === null || d.dueAt < a.dueAt ? d : a),
      null,
    )
    out.push({
      id: t.id,
      direction: t.direction,
      serial: t.serial,
      counterpart: t.counterpart,
      docNumber: t.docNumber,
      level: t.level,
      precedence: t.precedence,
      important: t.important,
      earlyWarning: t.earlyWarning,
      at: t.at,
      state: t.state,
      next,
      overdue: next !== null && nowMs > next.dueAt,
      telegram: t,
    })
  }
  // Newest first, as the book is read.
  return out.sort((a, b) => b.at - a.at || b.serial.localeCompare(a.serial))
}

export function filterTelegramRows(rows: readonly TelegramRow[], query: QueryValues): TelegramRow[] {
  const matches = keywordMatcher(typeof query.keyword === 'string' ? query.keyword : '')
  const direction = query.direction
  const state = query.state
  return rows.filter(
    (r) =>
      matches([r.serial, r.counterpart, r.docNumber]) &&
      (direction === undefined || direction === '' || r.direction === direction) &&
      (state === undefined || state === '' || r.state === state) &&
      (query.overdueOnly !== true || r.overdue),
  )
}

/** rule E-02: the next 登记编号 of a book (收电 or 发电) this year, `YYYY-NNNN`. */
export function nextTelegramSerial(
  state: RegisterState,
  direction: 'received' | 'sent',
  nowMs: number,
): string {
  const year = todayDate(nowMs).slice(0, 4)
  let max = 0
  for (const t of state.registers.telegram.telegrams.values()) {
    const m = /^(\d{4})-(\d{1,8})$/.exec(t.serial)
    if (t.direction === direction && m && m[1] === year) max = Math.max(max, Number(m[2]))
  }
  return `${year}-${String(max + 1).padStart(4, '0')}`
}
