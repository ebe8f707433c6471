import type { Level } from '../../core/levels.ts'
import type { MaterialKind, SendChannel } from './events.ts'

/**
 * The records of the outgoing classified documents register: sign-outs, documents and their copies,
 * print jobs, sends, copy accounts, meetings, return schedules and returns, year filings and anomalies.
 * Entries are immutable values, replaced on change.
 */

export interface OutgoingRecipient {
  readonly recipientId: string
  readonly unitName: string
  /** 市内: signs on receipt (rule C-15). */
  readonly local: boolean
}

/** rule C-15: the signing-out (签发) with the approved copies and distribution. */
export interface OutgoingApproval {
  readonly id: string
  readonly eventId: string
  readonly docId: string
  readonly copies: number
  readonly recipients: readonly OutgoingRecipient[]
  /** The signer's post in the organisation register when signing (B-04). */
  readonly post: 'first_responsible' | 'responsible_leader'
  readonly by: string
  readonly at: number
  /** The issue event that used it (single use). */
  readonly usedBy: string | null
}

/**
 * Where a printed good copy is: `here` (printed, in the officer's custody, not yet accounted), `sent`
 * (with a recipient), or one of the three terms of the C-09 reconciliation.
 */
export type CopyStatus = 'here' | 'sent' | 'archived_here' | 'archived_at_recipient' | 'returned'

export interface OutgoingCopy {
  /** 份号 (rule C-15: copies carry sequence numbers). */
  readonly number: number
  readonly printJobId: string
  readonly status: CopyStatus
  readonly recipientId: string | null
  /** The event of the latest change. */
  readonly eventId: string
  readonly at: number
}

/** rule C-09: the figures of a reconciliation, as recorded when it was done. */
export interface ReconciliationFigures {
  readonly printed: number
  readonly archivedHere: number
  readonly archivedAtRecipients: number
  readonly returned: number
  /** printed − (archivedHere + archivedAtRecipients + returned): copies not accounted for. */
  readonly gap: number
}

export interface ReconciliationRecord extends ReconciliationFigures {
  readonly eventId: string
  readonly at: number
  /** The gap anomaly it opened, or null when balanced. */
  readonly anomalyId: string | null
}

/** One entry of the 发文登记 for a 三密 document (rule C-15). */
export interface OutgoingDocument {
  readonly id: string
  readonly eventId: string
  readonly approvalId: string
  /** 发文顺序号, stamped on the copies (000 制发三密 二). */
  readonly sequenceNo: string
  readonly docNumber: string
  readonly level: Level
  readonly periodYears: number | null
  readonly approvedCopies: number
  readonly recipients: readonly OutgoingRecipient[]
  readonly issuedAt: number
  /** The unit-local year of issue: its reconciliation is in Q1 of the next year (rule C-09). */
  readonly year: number
  readonly reconcileDueAt: number
  /** Good copies by copy number, ascending. */
  readonly copies: readonly OutgoingCopy[]
  readonly printJobIds: readonly string[]
  readonly reconciliation: ReconciliationRecord | null
}

/** rule C-20: what became of one kind of intermediate material of a print job. */
export interface MaterialDisposition {
  readonly eventId: string
  readonly action: 'locked' | 'kept' | 'destroyed'
  readonly count: number
  readonly carrierId: string | null
  readonly destructionRef: string | null
  readonly at: number
}

export interface MaterialItem {
  readonly kind: MaterialKind
  readonly count: number
  /** Locked away and still awaiting destruction (never more than the pieces pending). */
  readonly locked: number
  readonly kept: number
  readonly destroyed: number
  readonly dispositions: readonly MaterialDisposition[]
}

/** rules C-15, C-20: one print job. */
export interface PrintJob {
  readonly id: string
  readonly eventId: string
  readonly docId: string
  readonly deviceId: string
  readonly at: number
  readonly approvedCount: number
  readonly printedCount: number
  readonly spoiledCount: number
  readonly firstCopyNumber: number
  readonly material: readonly MaterialItem[]
  /** rule C-20: all material destroyed, kept (registered) or locked away by this time. */
  readonly dueAt: number
  /** When no piece was left lying about any more, or null while some still is. */
  readonly securedAt: number | null
}

/** rule C-15: copies sent to one recipient. */
export interface OutgoingSend {
  readonly id: string
  readonly eventId: string
  readonly docId: string
  readonly recipientId: string
  readonly copyNumbers: readonly number[]
  readonly channel: SendChannel
  readonly courierRef: string | null
  readonly bearer: string | null
  readonly signedBy: string | null
  readonly at: number
}

/** rule C-09: a record that accounts for copies (本单位存档, a recipient's 存档清单, 清退回收). */
export interface CopyAccount {
  readonly key: string
  readonly eventId: string
  readonly docId: string
  readonly kind: 'archived_here' | 'archived_at_recipient' | 'returned'
  readonly recipientId: string | null
  readonly ref: string | null
  readonly copyNumbers: readonly number[]
  readonly at: number
}

export type MeetingItemStatus = 'out' | 'collected' | 'missing' | 'lost'

/** rule C-14: one carrier handed out at a meeting. */
export interface MeetingItem {
  readonly carrierId: string
  readonly attendee: string
  readonly level: Level
  readonly dueAt: number
  readonly status: MeetingItemStatus
  readonly collectedAt: number | null
  readonly collectEventId: string | null
  readonly anomalyId: string | null
}

export interface Meeting {
  readonly id: string
  readonly eventId: string
  readonly endsAt: number
  readonly attendees: readonly string[]
  readonly handedOutAt: number
  readonly items: readonly MeetingItem[]
}

/** rule C-09: a superior unit's return schedule for a received carrier. */
export interface ReturnSchedule {
  readonly carrierId: string
  readonly eventId: string
  readonly returnBy: string
  readonly dueAt: number
  readonly toUnit: string
  readonly noticeRef: string
  readonly at: number
}

/** rule C-09: a received carrier returned to its issuer; away from custody for good. */
export interface IssuerReturn {
  readonly carrierId: string
  readonly eventId: string
  readonly toUnit: string
  readonly receiptRef: string
  readonly at: number
}

/** rule C-09: the year's return result filed with the secrecy bureau. */
export interface YearFiling {
  readonly year: number
  readonly dueAt: number
  readonly filedAt: number | null
  readonly filingRef: string | null
  readonly eventId: string | null
}

export type OutgoingAnomalyKind = 'meeting_missing' | 'reconciliation_gap'

export interface OutgoingAnomaly {
  /** `<kind>:<id of the event that revealed it>`. */
  readonly id: string
  readonly kind: OutgoingAnomalyKind
  readonly eventId: string
  /** The meeting or the outgoing document. */
  readonly subjectId: string
  readonly carrierIds: readonly string[]
  readonly copyNumbers: readonly number[]
  /** Recipients holding unaccounted copies (a gap is traced with them). */
  readonly recipientIds: readonly string[]
  readonly openedAt: number
  readonly resolvedAt: number | null
  /** Id of the resolving event. */
  readonly resolvedBy: string | null
  readonly outcome: 'found' | 'incident' | null
  readonly note: string | null
  readonly incidentId: string | null
  readonly bureauReportRef: string | null
}
