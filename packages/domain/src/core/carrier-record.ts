import type { Level } from './levels.ts'

/**
 * The carrier record (涉密载体) as every register sees it: the carrier register keeps it (rules C-01…C-21),
 * the others read it through UnitView.carriers (custody, loans, trips, leaving a post…).
 */

/** One open or closed hand-out of a carrier to a reader (rules C-04, C-05). */
export interface HandOut {
  /** Event id of the carrier.handed_out event. */
  readonly id: string
  readonly reader: string
  /** When it happened: the event's time, or the time a late entry (补录) declares. */
  readonly handedOutAt: number
  readonly dueAt: number
  /** A late entry only: when it was recorded (the event's time), shown beside handedOutAt. */
  readonly recordedAt?: number
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
  /**
   * When a copy of it was last made here (rule C-07), null if never. Rule C-16: a classified electronic
   * file is copied on a registration signed after that, one registration per copying.
   */
  readonly lastCopiedAt: number | null
  /** Event id of the event that registered or copied it, and of the last one that changed it. */
  readonly createdBy: string
  readonly lastEventId: string
}
