import type { Carrier } from '../../core/carrier-record.ts'
import type { CarrierAway, DeviceFacts, ElectronicUseFacts, UnitPost } from '../../core/unit-view.ts'
import type { CarrierEventPayloads, CarrierEventType } from './events.ts'

export const AnomalyKind = {
  ConcurrentHandOut: 'concurrent_hand_out',
  DuplicateSerial: 'duplicate_serial',
  /** rules C-01, C-02 after a merge: the same issuer + 文号 + 份号 registered twice (two devices, one paper). */
  DuplicateCopy: 'duplicate_copy',
  /**
   * 000 文件资料收发 一3 (issue 11 item 5): a 机密/绝密 carrier handed out and taken back on a later day
   * stayed outside the secure room overnight. Besides being overdue (C-05), it needs a note.
   */
  Overnight: 'overnight',
  /**
   * Issue 11 item 3: a signed event the fold refuses (a merged history made it invalid: lent on one
   * device after another recorded the destruction, returned after another returned it…). It stays in
   * the log, is not applied, and is named here until an officer resolves it with a note.
   */
  RefusedEvent: 'refused_event',
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

/** The carrier register's part of a unit's folded state (what its queries read). */
export interface CarrierRegisterState {
  readonly carriers: ReadonlyMap<string, Carrier>
  readonly anomalies: readonly Anomaly[]
  readonly approvals: ReadonlyMap<string, Approval>
  /** rule C-01: registration serial → id of the first registration event using it. */
  readonly serials: ReadonlyMap<string, string>
}

/** What the block rules read: the folded state (or a RegisterState snapshot, for checkEvent). */
export interface RuleView {
  readonly carriers: ReadonlyMap<string, Carrier>
  readonly approvals: ReadonlyMap<string, Approval>
  readonly serials: ReadonlyMap<string, string>
  anomaly(id: string): Anomaly | undefined
  /** Why a carrier is away from custody in another register (borrowed, carried out…), or null. */
  carrierAway(carrierId: string): CarrierAway | null
  /** The organisation posts (B-04) a user holds at this point of the fold (UnitView.postsOf). */
  postsOf(userId: string): readonly UnitPost[]
  /** A device of the computer register (M-01, M-07: the designated copier), or undefined. */
  device(deviceId: string): DeviceFacts | undefined
  /** Rule C-16: the registered uses of an electronic file (UnitView.electronicUses). */
  electronicUses(carrierId: string): readonly ElectronicUseFacts[]
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
