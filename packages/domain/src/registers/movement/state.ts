import type { UnitPost } from '../../core/unit-view.ts'
import type { ElectronicAction } from './events.ts'
import type {
  ArchiveFile,
  BorrowedIn,
  Consultation,
  ElectronicUse,
  Loan,
  ScopeGrant,
  Trip,
} from './records.ts'

export type {
  ArchiveFile,
  BorrowedCopy,
  BorrowedIn,
  BorrowedItem,
  Consultation,
  ConsultationExcerpt,
  ConsultedFile,
  ElectronicUse,
  Loan,
  LoanExtension,
  LoanExtensionRequest,
  ReturnCheck,
  ScopeGrant,
  Trip,
} from './records.ts'

/** State of the movement register. Entries are immutable values, replaced on every change. */

interface ApprovalBase {
  /** The approval event's id, by which the event that needs it refers to it. */
  readonly id: string
  readonly by: string
  /** The post the signer held in the organisation register when approving (rule B-04). */
  readonly post: UnitPost
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
  /** rule C-12: the people holding it when the holder is a group (a trip's bearers); absent otherwise. */
  readonly persons?: readonly string[]
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
  /** rule C-06: extension request id → its loan id (request ids are unique in the unit). */
  readonly extensionRequests: Map<string, string>
  readonly borrowed: Map<string, BorrowedIn>
  readonly trips: Map<string, Trip>
  readonly electronicUses: ElectronicUse[]
  readonly archiveFiles: Map<string, ArchiveFile>
  /** carrier id → the archived file holding it. */
  readonly carrierFile: Map<string, string>
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
  readonly extensionRequests: ReadonlyMap<string, string>
  readonly borrowed: ReadonlyMap<string, BorrowedIn>
  readonly trips: ReadonlyMap<string, Trip>
  readonly electronicUses: readonly ElectronicUse[]
  readonly archiveFiles: ReadonlyMap<string, ArchiveFile>
  readonly carrierFile: ReadonlyMap<string, string>
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
    extensionRequests: new Map(),
    borrowed: new Map(),
    trips: new Map(),
    electronicUses: [],
    archiveFiles: new Map(),
    carrierFile: new Map(),
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
    extensionRequests: new Map(work.extensionRequests),
    borrowed: new Map(work.borrowed),
    trips: new Map(work.trips),
    electronicUses: [...work.electronicUses],
    archiveFiles: new Map(work.archiveFiles),
    carrierFile: new Map(work.carrierFile),
    consultations: new Map(work.consultations),
    anomalies: new Map(work.anomalies),
    carriersAway: new Map(work.carriersAway),
    filesAway: new Map(work.filesAway),
  }
}

export function viewMovementWork(work: MovementWork): MovementState {
  return { ...work }
}
