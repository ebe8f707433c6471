import type { Carrier } from './carrier-record.ts'
import type { Level } from './levels.ts'

/**
 * The whole unit's registers at the current point of the fold, for rules that span registers
 * (C-12 leaving a post with carriers held, C-15 printing on a registered classified computer…).
 * Read-only; what it shows depends only on the events before the current one in fold order. A register
 * reads another only through these typed accessors (the unit composes them), never by importing it.
 */
export interface UnitView {
  /** The carrier register (涉密载体台账) as folded so far. */
  readonly carriers: ReadonlyMap<string, Carrier>
  /** Why a carrier is away from the officer's custody in some register (borrowed, carried out…), or null. */
  carrierAway(carrierId: string): CarrierAway | null
  /** A computer or medium of the computer register (M-01), or undefined when it is not registered. */
  device(deviceId: string): DeviceFacts | undefined
  /** An incident or an X-02 missing item of the incident register, or undefined when there is none. */
  incident(ref: string): IncidentFacts | undefined
  /**
   * The posts of the unit's secrecy organisation (B-04) a user holds at this point of the fold, i.e. at
   * the current event's time: the organisation register decides who is 主要领导 (first_responsible),
   * 分管领导 (responsible_leader) or 办公室主任 (office_head), never a post written in an event.
   */
  postsOf(userId: string): readonly UnitPost[]
  /**
   * Rule C-16: the approved uses of a classified electronic file registered and signed so far in the
   * movement register (read, use, copy, destroy), oldest first.
   */
  electronicUses(carrierId: string): readonly ElectronicUseFacts[]
}

/** A registered, approved use of a classified electronic file (rule C-16), as other registers read it. */
export interface ElectronicUseFacts {
  /** Event id of the registration. */
  readonly eventId: string
  readonly action: 'read' | 'use' | 'copy' | 'destroy'
  readonly user: string
  /** When it was registered (the event's time). */
  readonly at: number
}

/** Posts of the organisation register (B-04), as other registers read them. */
export type UnitPost =
  | 'first_responsible'
  | 'responsible_leader'
  | 'secrecy_officer'
  | 'classifier'
  | 'group_head'
  | 'group_member'
  | 'office_head'

/**
 * A carrier held away from the officer's custody by a register (borrowed out C-06, carried out C-08,
 * archived C-10, returned C-09, handed over C-12/C-17…). The carrier fold refuses to hand out, copy or
 * destroy it meanwhile, with this code and message.
 */
export interface CarrierAway {
  readonly code: string
  readonly zh: string
  readonly en: string
  /** Who holds it now (a person, a unit, 'archive'), for the register's 去向 column. */
  readonly holder: string
  /** rule C-12: each person holding it when `holder` names a group (a trip's bearers). */
  readonly persons?: readonly string[]
  readonly since: number
}

export type DeviceStatus = 'in_use' | 'in_repair' | 'awaiting_check' | 'replaced' | 'scrapped'

/** What other registers read of a device (C-15: printing only on a classified computer in use). */
export interface DeviceFacts {
  readonly id: string
  readonly number: string
  readonly kind: string
  readonly classified: boolean
  /** Its highest level (M-01); null for an unclassified device. */
  readonly level: Level | null
  readonly status: DeviceStatus
}

/** What other registers read of an incident (C-09, C-13: an anomaly resolved by naming an incident). */
export interface IncidentFacts {
  readonly id: string
  /** Carrier ids and serials it concerns: its own references and its missing item's carrier. */
  readonly carrierRefs: readonly string[]
}
