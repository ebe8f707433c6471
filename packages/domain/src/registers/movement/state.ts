import type { Level } from '../../core/levels.ts'
import type { ElectronicAction } from './events.ts'
import type { MovementPost } from './policy.ts'

/** State of the movement register. Entries are immutable values, replaced on every change. */

interface ApprovalBase {
  /** The approval event's id, by which the event that needs it refers to it. */
  readonly id: string
  readonly by: string
  readonly post: MovementPost
  readonly at: number
  /** Id of the event that used this single-use approval, or null. */
  readonly usedBy: string | null
}

/** A leader's recorded approval (rules C-03, C-06, C-08, C-16, C-21). */
export type MovementApproval =
  | (ApprovalBase & {
      readonly kind: 'scope_widening'
      readonly carrierId: string
      readonly readers: readonly string[]
    })
  | (ApprovalBase & {
      readonly kind: 'loan_out'
      readonly carrierIds: readonly string[]
      readonly archiveFileIds: readonly string[]
      readonly borrower: string
      readonly specialReason: string | null
    })
  | (ApprovalBase & {
      readonly kind: 'borrow_in'
      readonly lender: string
      readonly itemIds: readonly string[]
    })
  | (ApprovalBase & {
      readonly kind: 'carry_out'
      readonly carrierIds: readonly string[]
      readonly abroad: boolean
      readonly foreignAffairs: boolean
    })
  | (ApprovalBase & {
      readonly kind: 'electronic_use'
      readonly carrierId: string
      readonly action: ElectronicAction
      readonly user: string
    })
  | (ApprovalBase & {
      readonly kind: 'consultation'
      readonly archiveFileIds: readonly string[]
      readonly consultant: string
    })
export type MovementApprovalKind = MovementApproval['kind']

/** rule C-03: one reader added to a carrier's need-to-know scope. */
export interface ScopeGrant {
  readonly reader: string
  readonly approvalId: string
  readonly eventId: string
  readonly at: number
}

/** The outcome of a return check (rules C-06, C-08, C-21), null while the item is out. */
export interface ReturnCheck {
  readonly eventId: string
  readonly at: number
  readonly missingIds: readonly string[]
  readonly damagedIds: readonly string[]
  /** The anomaly the check opened, or null when everything came back intact. */
  readonly anomalyId: string | null
}

/** rule C-06: a loan of this unit's carriers (and, C-21, archived files) to another unit or person. */
export interface Loan {
  readonly id: string
  readonly eventId: string
  readonly carrierIds: readonly string[]
  readonly archiveFileIds: readonly string[]
  readonly borrower: string
  readonly borrowerKind: 'unit' | 'person'
  readonly borrowerApprover: string
  readonly borrowerApprovalRef: string
  readonly approvalId: string
  readonly approvedBy: string
  readonly loanedAt: number
  readonly dueAt: number
  readonly returned: ReturnCheck | null
}

export interface BorrowedItem {
  readonly itemId: string
  readonly docNumber: string
  readonly level: Level
}

export interface BorrowedCopy {
  readonly eventId: string
  readonly copyId: string
  readonly itemId: string
  readonly mode: 'excerpt' | 'copy'
  readonly lenderApprovalRef: string
  readonly at: number
}

/** rule C-06: carriers borrowed in from another unit, to be given back by `dueAt`. */
export interface BorrowedIn {
  readonly id: string
  readonly eventId: string
  readonly lender: string
  readonly items: readonly BorrowedItem[]
  readonly lenderApprover: string
  readonly lenderApprovalRef: string
  readonly approvalId: string
  readonly borrowedAt: number
  readonly dueAt: number
  readonly copies: readonly BorrowedCopy[]
  readonly returned: ReturnCheck | null
}

/** rule C-08: carriers carried out of the office. */
export interface Trip {
  readonly id: string
  readonly eventId: string
  readonly carrierIds: readonly string[]
  readonly bearers: readonly string[]
  readonly destination: string
  readonly abroad: boolean
  readonly foreignAffairs: boolean
  readonly exitPermitRef: string | null
  readonly approvalId: string
  readonly approvedBy: string
  readonly post: MovementPost
  readonly startedAt: number
  readonly plannedReturnAt: number
  readonly returned: (ReturnCheck & { readonly custodyKept: boolean }) | null
}

/** rule C-16: a registered, approved use of a classified electronic file. */
export interface ElectronicUse {
  readonly eventId: string
  readonly carrierId: string
  readonly action: ElectronicAction
  readonly user: string
  readonly approvalId: string
  readonly approvedBy: string
  readonly post: MovementPost
  /** 'personal': the user signed the event; 'paper': the officer recorded the user's signature. */
  readonly signature: 'personal' | 'paper'
  readonly recordedBy: string
  readonly at: number
}

export interface ConsultedFile {
  readonly fileId: string
  readonly level: Level
  /** The registered part (登记范围): only this is read. */
  readonly part: string
}

export interface ConsultationExcerpt {
  readonly eventId: string
  readonly excerptId: string
  readonly fileId: string
  readonly checkedBy: string
  readonly at: number
}

/** rule C-21: one consultation of archived files (查档登记). */
export interface Consultation {
  readonly id: string
  readonly eventId: string
  readonly consultant: string
  readonly consultantUnit: string
  readonly fromBasicUnit: boolean
  readonly introductionLetterRef: string | null
  readonly statedContent: string | null
  readonly files: readonly ConsultedFile[]
  readonly location: 'archive_room' | 'archive_reading_room'
  readonly approvalId: string | null
  readonly openedAt: number
  readonly excerpts: readonly ConsultationExcerpt[]
  readonly closed: ReturnCheck | null
}

export type MovementAnomalyKind =
  | 'loan_incomplete'
  | 'trip_incomplete'
  | 'borrowed_return_incomplete'
  | 'consultation_incomplete'

/** A return check that found something wrong: open until an officer resolves it with a note. */
export interface MovementAnomaly {
  /** `<kind>:<id of the event that revealed it>`: the same on every replica. */
  readonly id: string
  readonly kind: MovementAnomalyKind
  readonly rule: 'C-06' | 'C-08' | 'C-21'
  /** The loan, trip or consultation. */
  readonly refId: string
  readonly eventId: string
  readonly missingIds: readonly string[]
  readonly damagedIds: readonly string[]
  /** rule C-08: the bearers could not state that the carriers never left them (密不离人). */
  readonly custodyBreach: boolean
  readonly openedAt: number
  readonly resolvedAt: number | null
  readonly resolvedBy: string | null
  readonly note: string | null
  readonly recovered: boolean | null
}

/** Why a carrier or archived file is away from custody in this register. */
export interface AwayEntry {
  readonly rule: 'C-06' | 'C-08' | 'C-21'
  /** The loan, trip or consultation. */
  readonly refId: string
  readonly holder: string
  readonly since: number
  /** out: on a loan or trip; missing: not back at the return check; lost: resolved as not recovered. */
  readonly status: 'out' | 'missing' | 'lost'
  readonly anomalyId: string | null
}

/** The mutable working object; fork copies the containers (entries themselves are never mutated). */
export interface MovementWork {
  readonly approvals: Map<string, MovementApproval>
  readonly scopes: Map<string, readonly ScopeGrant[]>
  readonly loans: Map<string, Loan>
  readonly borrowed: Map<string, BorrowedIn>
  readonly trips: Map<string, Trip>
  readonly electronicUses: ElectronicUse[]
  readonly consultations: Map<string, Consultation>
  readonly anomalies: Map<string, MovementAnomaly>
  readonly carriersAway: Map<string, AwayEntry>
  readonly filesAway: Map<string, AwayEntry>
}

export interface MovementState {
  readonly approvals: ReadonlyMap<string, MovementApproval>
  /** rule C-03: the widened need-to-know scope per carrier. */
  readonly scopes: ReadonlyMap<string, readonly ScopeGrant[]>
  readonly loans: ReadonlyMap<string, Loan>
  readonly borrowed: ReadonlyMap<string, BorrowedIn>
  readonly trips: ReadonlyMap<string, Trip>
  readonly electronicUses: readonly ElectronicUse[]
  readonly consultations: ReadonlyMap<string, Consultation>
  readonly anomalies: ReadonlyMap<string, MovementAnomaly>
  readonly carriersAway: ReadonlyMap<string, AwayEntry>
  readonly filesAway: ReadonlyMap<string, AwayEntry>
}

export function emptyMovementWork(): MovementWork {
  return {
    approvals: new Map(),
    scopes: new Map(),
    loans: new Map(),
    borrowed: new Map(),
    trips: new Map(),
    electronicUses: [],
    consultations: new Map(),
    anomalies: new Map(),
    carriersAway: new Map(),
    filesAway: new Map(),
  }
}

export function forkMovementWork(work: MovementWork): MovementWork {
  return {
    approvals: new Map(work.approvals),
    scopes: new Map(work.scopes),
    loans: new Map(work.loans),
    borrowed: new Map(work.borrowed),
    trips: new Map(work.trips),
    electronicUses: [...work.electronicUses],
    consultations: new Map(work.consultations),
    anomalies: new Map(work.anomalies),
    carriersAway: new Map(work.carriersAway),
    filesAway: new Map(work.filesAway),
  }
}

export function viewMovementWork(work: MovementWork): MovementState {
  return { ...work }
}
