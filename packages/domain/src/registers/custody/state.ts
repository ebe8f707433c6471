import type { Level } from '../../core/levels.ts'
import type { UnitPost } from '../../core/unit-view.ts'
import type { RoutingUrgency } from './policy.ts'

/** State of the custody register (rules C-10, C-13, C-17, C-19). Entries are immutable values, replaced on change. */

/** rule C-10: a carrier moved into the archive. */
export interface ArchivedCarrier {
  readonly carrierId: string
  readonly batchId: string
  readonly archiveRef: string
  readonly eventId: string
  readonly at: number
}

export interface ArchiveBatch {
  readonly id: string
  readonly eventId: string
  readonly archiveRef: string
  readonly carrierIds: readonly string[]
  readonly at: number
  readonly by: string
}

/** rules C-10, C-21: a leader's approval to take archived carriers out of the archive (出档); single-use. */
export interface WithdrawalApproval {
  readonly id: string
  readonly carrierIds: readonly string[]
  readonly requester: string
  readonly reason: string
  readonly by: string
  /** The post the signer held in the organisation register when approving (rule B-04). */
  readonly post: UnitPost
  readonly at: number
  readonly usedBy: string | null
}

/** rules C-10, C-21: a carrier taken out of the archive, back in the officer's custody. */
export interface Withdrawal {
  readonly carrierId: string
  /** The archive entry it left: its file (案卷号) and batch. */
  readonly archiveRef: string
  readonly batchId: string
  readonly approvalId: string
  readonly approvedBy: string
  readonly requester: string
  readonly eventId: string
  readonly at: number
  readonly by: string
}

/** rule C-13: one carrier's mark in an inventory. */
export interface InventoryMark {
  readonly carrierId: string
  readonly status: 'confirmed' | 'missing'
  readonly at: number
  readonly eventId: string
  /** The report that it was missing, kept when it was confirmed later in the same inventory. */
  readonly missingEventId: string | null
  readonly note: string | null
}

/** rule C-13: a periodic inventory (清查); 帐物相符 is computed when it closes. */
export interface Inventory {
  readonly id: string
  readonly eventId: string
  readonly openedAt: number
  readonly openedBy: string
  /** Carriers in the officer's custody when it opened (sorted ids): each must be confirmed. */
  readonly expected: readonly string[]
  readonly marks: ReadonlyMap<string, InventoryMark>
  readonly state: 'open' | 'closed'
  readonly closedAt: number | null
  readonly closeEventId: string | null
  /** Filled at closing (sorted ids). */
  readonly confirmed: readonly string[]
  readonly missing: readonly string[]
  readonly unconfirmed: readonly string[]
  /** Expected carriers that left custody by a registered event meanwhile (destroyed, archived, handed over…). */
  readonly leftCustody: readonly string[]
  /** Surplus items found during it (物多帐少), by surplus id, in the order found. */
  readonly surplus: readonly string[]
  /** 帐物相符: every expected carrier confirmed or accounted for, and nothing found that the register lacks. */
  readonly matched: boolean | null
}

export type CustodyAnomalyKind = 'missing' | 'unconfirmed' | 'surplus'

/** rule C-13: what was recorded of a surplus item (物多帐少) when it was found. */
export interface SurplusFind {
  readonly surplusId: string
  readonly docNumber: string | null
  readonly level: Level | null
  readonly note: string | null
}

/**
 * rule C-13: an inventory gap. Ids are stable: `missing:<id of the missing report>`,
 * `unconfirmed:<id of the closing event>:<carrierId>` (one closing reveals many) and
 * `surplus:<id of the event that recorded the find>`.
 */
export interface CustodyAnomaly {
  readonly id: string
  readonly kind: CustodyAnomalyKind
  readonly inventoryId: string
  /** The carrier; for a surplus item, null until it is registered. */
  readonly carrierId: string | null
  /** The surplus item found (kind 'surplus'), else null. */
  readonly surplus: SurplusFind | null
  /** The carrier's register number (登记编号) at closing. */
  readonly serial: string
  readonly eventIds: readonly string[]
  readonly openedAt: number
  readonly resolvedAt: number | null
  readonly resolution: 'found' | 'incident' | 'registered' | 'explained' | null
  readonly incidentRef: string | null
  readonly note: string | null
  readonly resolvedBy: string | null
}

export interface RoutingPresentation {
  readonly to: string
  /** The post `to` held in the organisation register when presented (rule B-04). */
  readonly post: UnitPost
  readonly at: number
  readonly eventId: string
}

/** rule C-19: one received document under handling, with its routing slip. */
export interface Routing {
  readonly id: string
  readonly eventId: string
  readonly carrierId: string
  readonly serial: string
  readonly slipNumber: string
  readonly urgency: RoutingUrgency
  readonly receivedAt: number
  readonly openedAt: number
  readonly presentDueAt: number
  readonly circulationDueAt: number
  readonly presentations: readonly RoutingPresentation[]
  /** First presentation that meets the deadline (a leader for urgent documents), null while outstanding. */
  readonly presentedAt: number | null
  /** open → closed (back with the officer) or handed_over (the unit closed, rule C-17). */
  readonly state: 'open' | 'closed' | 'handed_over'
  readonly closedAt: number | null
}

/** rule C-17: one hand-over batch with the receiving unit's receipt. */
export interface HandOverBatch {
  readonly id: string
  readonly eventId: string
  readonly receivingUnit: string
  readonly receiptRef: string
  readonly carrierIds: readonly string[]
  readonly registers: boolean
  readonly at: number
}

export interface HandedOverCarrier {
  readonly carrierId: string
  readonly batchId: string
  readonly receivingUnit: string
  readonly at: number
}

/** rule C-17: the abolition or merger of the unit. */
export interface UnitClosure {
  readonly id: string
  readonly eventId: string
  readonly kind: 'abolished' | 'merged'
  readonly decisionRef: string
  readonly receivingUnits: readonly string[]
  readonly declaredAt: number
  readonly declaredBy: string
  readonly batches: readonly HandOverBatch[]
  readonly registersHandedOverAt: number | null
  readonly closedAt: number | null
  readonly closedBy: string | null
}

/** The slice's working object; forked (copies of the containers) once per ingest. */
export interface CustodyWork {
  readonly archived: Map<string, ArchivedCarrier>
  readonly archiveBatches: Map<string, ArchiveBatch>
  readonly withdrawalApprovals: Map<string, WithdrawalApproval>
  readonly withdrawals: Withdrawal[]
  readonly inventories: Map<string, Inventory>
  openInventoryId: string | null
  readonly anomalies: Map<string, CustodyAnomaly>
  readonly routings: Map<string, Routing>
  /** carrier id → its open routing's id. */
  readonly openRoutings: Map<string, string>
  readonly slipNumbers: Set<string>
  closure: UnitClosure | null
  readonly handedOver: Map<string, HandedOverCarrier>
  /** Hand-over batch ids used (unique across the unit). */
  readonly handOverBatchIds: Set<string>
}

export interface CustodyState {
  readonly archived: ReadonlyMap<string, ArchivedCarrier>
  readonly archiveBatches: ReadonlyMap<string, ArchiveBatch>
  readonly withdrawalApprovals: ReadonlyMap<string, WithdrawalApproval>
  /** rules C-10, C-21: carriers taken out of the archive, oldest first. */
  readonly withdrawals: readonly Withdrawal[]
  readonly inventories: ReadonlyMap<string, Inventory>
  readonly openInventoryId: string | null
  readonly anomalies: ReadonlyMap<string, CustodyAnomaly>
  readonly routings: ReadonlyMap<string, Routing>
  readonly closure: UnitClosure | null
  readonly handedOver: ReadonlyMap<string, HandedOverCarrier>
}

export function emptyCustodyWork(): CustodyWork {
  return {
    archived: new Map(),
    archiveBatches: new Map(),
    withdrawalApprovals: new Map(),
    withdrawals: [],
    inventories: new Map(),
    openInventoryId: null,
    anomalies: new Map(),
    routings: new Map(),
    openRoutings: new Map(),
    slipNumbers: new Set(),
    closure: null,
    handedOver: new Map(),
    handOverBatchIds: new Set(),
  }
}

export function forkCustodyWork(work: CustodyWork): CustodyWork {
  return {
    archived: new Map(work.archived),
    archiveBatches: new Map(work.archiveBatches),
    withdrawalApprovals: new Map(work.withdrawalApprovals),
    withdrawals: [...work.withdrawals],
    inventories: new Map(work.inventories),
    openInventoryId: work.openInventoryId,
    anomalies: new Map(work.anomalies),
    routings: new Map(work.routings),
    openRoutings: new Map(work.openRoutings),
    slipNumbers: new Set(work.slipNumbers),
    closure: work.closure,
    handedOver: new Map(work.handedOver),
    handOverBatchIds: new Set(work.handOverBatchIds),
  }
}

export function viewCustodyWork(work: CustodyWork): CustodyState {
  return {
    archived: work.archived,
    archiveBatches: work.archiveBatches,
    withdrawalApprovals: work.withdrawalApprovals,
    withdrawals: work.withdrawals,
    inventories: work.inventories,
    openInventoryId: work.openInventoryId,
    anomalies: work.anomalies,
    routings: work.routings,
    closure: work.closure,
    handedOver: work.handedOver,
  }
}
