import type { Level } from '../../core/levels.ts'
import type { UnitPost } from '../../core/unit-view.ts'
import type { ElectronicAction } from './events.ts'

/**
 * The movement register's entries (loans, borrowings, trips, electronic uses, consultations and archived
 * files, rules C-03, C-06, C-08, C-16, C-21): immutable values, replaced on every change. state.ts holds
 * the approvals, anomalies and the working object.
 */

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

/** rule C-06: a request to extend a loan (续借), with the borrower side's leader's consent. */
export interface LoanExtensionRequest {
  readonly requestId: string
  readonly eventId: string
  readonly requestedBy: string
  readonly borrowerApprover: string
  readonly borrowerApprovalRef: string
  readonly newDueAt: number
  readonly at: number
}

/** rule C-06: an extension our side's leader approved; the loan was due at `previousDueAt` before it. */
export interface LoanExtension extends LoanExtensionRequest {
  readonly approvalEventId: string
  readonly approvedBy: string
  readonly post: UnitPost
  readonly approvedAt: number
  readonly previousDueAt: number
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
  /** The current due date: the loan's, or the last extension's. */
  readonly dueAt: number
  readonly extensions: readonly LoanExtension[]
  /** The extension request awaiting our leader's approval, or null. */
  readonly extensionRequest: LoanExtensionRequest | null
  /** rule C-21: per lent archived file registered with its carriers, the carriers that went with it. */
  readonly fileCarrierIds: Readonly<Record<string, readonly string[]>>
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
  readonly post: UnitPost
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
  readonly post: UnitPost
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

/** rules C-10, C-21: an archived file (案卷) and the archived carriers it holds. */
export interface ArchiveFile {
  readonly fileId: string
  readonly eventId: string
  readonly level: Level
  readonly carrierIds: readonly string[]
  readonly registeredAt: number
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
  /** Per consulted file registered with its carriers, the carriers consulted with it. */
  readonly fileCarrierIds: Readonly<Record<string, readonly string[]>>
  readonly closed: ReturnCheck | null
}
