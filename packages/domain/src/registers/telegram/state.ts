import type { Level } from '../../core/levels.ts'
import type { TelegramPrecedence } from './policy.ts'

/** One entry of the 收发电报登记本 (rule E-02). Immutable: apply replaces entries, never edits them. */
export interface Telegram {
  readonly id: string
  /** Id of the registering event (audit trail). */
  readonly eventId: string
  readonly direction: 'received' | 'sent'
  readonly serial: string
  /** fromUnit when received, toUnit when sent. */
  readonly counterpart: string
  readonly docNumber: string
  readonly level: Level
  readonly precedence: TelegramPrecedence
  readonly important: boolean
  readonly earlyWarning: boolean
  /** Time of receipt or of sending (ms). */
  readonly at: number
  readonly registeredAt: number
  /** The received telegram a sent one answers (rule E-04), else null. */
  readonly replyTo: string | null
  readonly state: 'open' | 'handled' | 'sent'
  readonly acknowledgedAt: number | null
  readonly reportedAt: number | null
  readonly reportedTo: string | null
  readonly headPresentAt: number | null
  readonly headPresentBy: string | null
  readonly handledAt: number | null
  readonly excerpts: readonly TelegramExcerpt[]
  readonly copies: readonly TelegramCopy[]
}

export interface TelegramExcerpt {
  readonly excerptId: string
  readonly by: string
  readonly at: number
}

export interface TelegramCopy {
  readonly eventId: string
  readonly superiorApprovalRef: string
  readonly at: number
}

/** The slice's working object; forked (shallow copies of the containers) once per ingest. */
export interface TelegramWork {
  readonly telegrams: Map<string, Telegram>
  /** `${direction}:${serial}`: serials are unique per book (收电 / 发电). */
  readonly serials: Set<string>
  /** 机要室负责人 (rules E-03, E-06): user id → designation time. */
  readonly dutyHeads: Map<string, number>
  /** Designated excerpters (rule E-05): user id → designation time. */
  readonly excerpters: Map<string, number>
}

export interface TelegramState {
  readonly telegrams: ReadonlyMap<string, Telegram>
  readonly dutyHeads: ReadonlyMap<string, number>
  readonly excerpters: ReadonlyMap<string, number>
}

export function emptyTelegramWork(): TelegramWork {
  return { telegrams: new Map(), serials: new Set(), dutyHeads: new Map(), excerpters: new Map() }
}

export function forkTelegramWork(work: TelegramWork): TelegramWork {
  return {
    telegrams: new Map(work.telegrams),
    serials: new Set(work.serials),
    dutyHeads: new Map(work.dutyHeads),
    excerpters: new Map(work.excerpters),
  }
}

export function viewTelegramWork(work: TelegramWork): TelegramState {
  return { telegrams: work.telegrams, dutyHeads: work.dutyHeads, excerpters: work.excerpters }
}
