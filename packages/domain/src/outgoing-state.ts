import type { Level } from './levels.ts'
import type { MaterialKind, SendChannel } from './outgoing-events.ts'

/** State of the outgoing classified documents register. Entries are immutable values, replaced on change. */

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
  readonly post: 'main' | 'in_charge'
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

/** The slice's working object; fork copies the containers (entries are never mutated). */
export interface OutgoingWork {
  readonly approvals: Map<string, OutgoingApproval>
  readonly documents: Map<string, OutgoingDocument>
  readonly sequenceNos: Set<string>
  readonly printJobs: Map<string, PrintJob>
  readonly sends: Map<string, OutgoingSend>
  readonly accounts: Map<string, CopyAccount>
  readonly meetings: Map<string, Meeting>
  /** Carrier id → the meeting holding it away (out, missing or lost). */
  readonly atMeeting: Map<string, string>
  readonly schedules: Map<string, ReturnSchedule>
  readonly returned: Map<string, IssuerReturn>
  readonly filings: Map<number, YearFiling>
  readonly anomalies: Map<string, OutgoingAnomaly>
}

export interface OutgoingState {
  readonly approvals: ReadonlyMap<string, OutgoingApproval>
  readonly documents: ReadonlyMap<string, OutgoingDocument>
  readonly printJobs: ReadonlyMap<string, PrintJob>
  readonly sends: ReadonlyMap<string, OutgoingSend>
  readonly accounts: ReadonlyMap<string, CopyAccount>
  readonly meetings: ReadonlyMap<string, Meeting>
  readonly schedules: ReadonlyMap<string, ReturnSchedule>
  readonly returned: ReadonlyMap<string, IssuerReturn>
  readonly filings: ReadonlyMap<number, YearFiling>
  readonly anomalies: ReadonlyMap<string, OutgoingAnomaly>
}

export function emptyOutgoingWork(): OutgoingWork {
  return {
    approvals: new Map(),
    documents: new Map(),
    sequenceNos: new Set(),
    printJobs: new Map(),
    sends: new Map(),
    accounts: new Map(),
    meetings: new Map(),
    atMeeting: new Map(),
    schedules: new Map(),
    returned: new Map(),
    filings: new Map(),
    anomalies: new Map(),
  }
}

export function forkOutgoingWork(work: OutgoingWork): OutgoingWork {
  return {
    approvals: new Map(work.approvals),
    documents: new Map(work.documents),
    sequenceNos: new Set(work.sequenceNos),
    printJobs: new Map(work.printJobs),
    sends: new Map(work.sends),
    accounts: new Map(work.accounts),
    meetings: new Map(work.meetings),
    atMeeting: new Map(work.atMeeting),
    schedules: new Map(work.schedules),
    returned: new Map(work.returned),
    filings: new Map(work.filings),
    anomalies: new Map(work.anomalies),
  }
}

export function viewOutgoingWork(work: OutgoingWork): OutgoingState {
  return {
    approvals: work.approvals,
    documents: work.documents,
    printJobs: work.printJobs,
    sends: work.sends,
    accounts: work.accounts,
    meetings: work.meetings,
    schedules: work.schedules,
    returned: work.returned,
    filings: work.filings,
    anomalies: work.anomalies,
  }
}

/** A material item's pieces not yet destroyed or kept. */
export function materialPending(m: MaterialItem): number {
  return m.count - m.kept - m.destroyed
}

/** rule C-20: pieces neither destroyed, kept nor locked away: lying about. */
export function materialUnsecured(m: MaterialItem): number {
  return materialPending(m) - m.locked
}

/** rule C-09: the reconciliation figures of a document's copies now. */
export function copyFigures(doc: Pick<OutgoingDocument, 'copies'>): ReconciliationFigures {
  let archivedHere = 0
  let archivedAtRecipients = 0
  let returned = 0
  for (const c of doc.copies) {
    if (c.status === 'archived_here') archivedHere += 1
    else if (c.status === 'archived_at_recipient') archivedAtRecipients += 1
    else if (c.status === 'returned') returned += 1
  }
  const printed = doc.copies.length
  return {
    printed,
    archivedHere,
    archivedAtRecipients,
    returned,
    gap: printed - archivedHere - archivedAtRecipients - returned,
  }
}
