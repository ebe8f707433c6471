import type { CarrierEventPayloads, CarrierEventType } from './events.ts'
import type { EventEnvelope } from '../../core/event-envelope.ts'
import type { KeyDirectory, SecurityAlert } from '../../core/key-directory.ts'
import type { Level } from '../../core/levels.ts'
import type { CarrierAway } from '../../core/register-slice.ts'
import type { DomainError } from '../../core/result.ts'
import type { UnitPolicy } from '../../unit/policy.ts'
import type { UnitRegisters } from '../../unit/slices.ts'
import type { WorkCalendar } from '../../core/work-calendar.ts'

/** Everything a fold depends on besides the events: the same context gives the same state everywhere. */
export interface FoldContext {
  readonly unit: string
  readonly directory: KeyDirectory
  readonly calendar: WorkCalendar
  readonly policy: UnitPolicy
  /** Signature check; defaults to verifyEventSignature. Pass a memoising one (createSignatureCache). */
  readonly verify?: (event: EventEnvelope, publicKeyHex: string) => boolean
  /**
   * The latest plausible event time (ms): the folding replica's trusted now plus the allowed clock skew
   * (DEFAULT_MAX_CLOCK_SKEW_MS). An event later than it, or earlier than EARLIEST_EVENT_MS, folds as a
   * 时间异常 anomaly and moves nothing else (no numbering year, no deadline, not `lastAt`). It only ever
   * grows, so an event once plausible stays plausible on every later refold. Absent: no upper bound.
   */
  readonly latestEventMs?: () => number
}

/** One open or closed hand-out of a carrier to a reader (rules C-04, C-05). */
export interface HandOut {
  /** Event id of the carrier.handed_out event. */
  readonly id: string
  readonly reader: string
  readonly handedOutAt: number
  readonly dueAt: number
}

export const CarrierState = { InCustody: 'in_custody', Out: 'out', Destroyed: 'destroyed' } as const
export type CarrierState = (typeof CarrierState)[keyof typeof CarrierState]

/** One register entry (one copy of a document, rule C-02). */
export interface Carrier {
  readonly id: string
  /** 登记编号 (rule C-01); a copy made here: the original's serial + `-F<n>` (rule C-07). */
  readonly serial: string
  readonly docNumber: string
  readonly issuer: string
  /** De-sensitized for 绝密/机密 (rule S-02). */
  readonly title: string
  readonly kind: 'paper' | 'electronic' | 'medium'
  readonly direction: 'received' | 'produced'
  readonly level: Level
  /** rule C-18: an unclassified 中共中央 document kept as classified (handled like 秘密, stored apart). */
  readonly keptAsClassified: boolean
  /** rule D-03: years; 0 for levels that are not state secrets (they have no period). */
  readonly periodYears: number
  readonly scope: string
  readonly copyNumber: number | null
  /** The carrier this one was copied from (rule C-07), null for a registered original. */
  readonly originalId: string | null
  readonly receivedOn: string
  /** rule C-01: registered on a later day than received (the same-day deadline was missed). */
  readonly lateRegistration: boolean
  readonly registeredAt: number
  readonly state: CarrierState
  /** Open hand-outs. More than one only after a merge of concurrent offline hand-outs (an anomaly). */
  readonly holders: readonly HandOut[]
  readonly updatedAt: number
  readonly destroyedAt: number | null
  /** Event id of the event that registered or copied it, and of the last one that changed it. */
  readonly createdBy: string
  readonly lastEventId: string
}

export const AnomalyKind = {
  ConcurrentHandOut: 'concurrent_hand_out',
  DuplicateSerial: 'duplicate_serial',
  /**
   * 时间异常 (issue 10): a signed event of any register whose clock is beyond FoldContext.latestEventMs
   * or before EARLIEST_EVENT_MS. Kept in the log but not applied; carrierId is null.
   */
  ClockOutOfRange: 'clock_out_of_range',
} as const
export type AnomalyKind = (typeof AnomalyKind)[keyof typeof AnomalyKind]

/** A rule broken by merged offline histories: shown until an officer resolves it with a note. */
export interface Anomaly {
  /** `<kind>:<id of the event that revealed it>`: the same on every replica. */
  readonly id: string
  readonly kind: AnomalyKind
  readonly carrierId: string | null
  readonly eventIds: readonly string[]
  readonly openedAt: number
  readonly resolvedAt: number | null
  readonly note: string | null
  /** Event id of the anomaly.resolved event. */
  readonly resolvedBy: string | null
}

/** A leader's recorded approval (rule C-11). */
export interface Approval {
  readonly id: string
  readonly subject: 'carrier.destroy'
  readonly actor: string
  readonly carrierIds: readonly string[]
  readonly grantedAt: number
}

export interface RefusedEvent {
  readonly eventId: string
  readonly type: string
  readonly error: DomainError
}

/**
 * The register of one unit: the fold of its events. Snapshots are immutable: a later ingest builds new
 * maps, and a carrier object is replaced only when an event changed it (diff by reference).
 */
export interface RegisterState {
  readonly carriers: ReadonlyMap<string, Carrier>
  readonly anomalies: readonly Anomaly[]
  readonly alerts: readonly SecurityAlert[]
  readonly refused: readonly RefusedEvent[]
  /** Distinct events folded (applied, refused or alerted). */
  readonly size: number
  readonly approvals: ReadonlyMap<string, Approval>
  /** rule C-01: registration serial → id of the first registration event using it. */
  readonly serials: ReadonlyMap<string, string>
  /**
   * HLC of the last event in order whose time is plausible (not a 时间异常), null when none: what a
   * device ticks its clock from, so a 2286 event never drags later events into 2286.
   */
  readonly lastAt: string | null
  /** The unit's other registers (classification, telegrams, personnel…), folded from the same log. */
  readonly registers: UnitRegisters
}

/** What the block rules read: the folded state (or a RegisterState snapshot, for checkEvent). */
export interface RuleView {
  readonly carriers: ReadonlyMap<string, Carrier>
  readonly approvals: ReadonlyMap<string, Approval>
  readonly serials: ReadonlyMap<string, string>
  anomaly(id: string): Anomaly | undefined
  /** Why a carrier is away from custody in another register (borrowed, carried out…), or null. */
  carrierAway(carrierId: string): CarrierAway | null
}

/** An event after screening and payload parsing: what the rules and the fold work on. */
export type RuleEvent = {
  [T in CarrierEventType]: {
    readonly id: string
    readonly type: T
    readonly actor: string
    /** Wall time of the event's HLC, ms. */
    readonly atMs: number
    readonly payload: CarrierEventPayloads[T]
  }
}[CarrierEventType]

export type RuleEventOf<T extends CarrierEventType> = Extract<RuleEvent, { type: T }>
