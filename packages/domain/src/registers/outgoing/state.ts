import type {
  CopyAccount,
  IssuerReturn,
  MaterialItem,
  Meeting,
  OutgoingAnomaly,
  OutgoingApproval,
  OutgoingDocument,
  OutgoingSend,
  PrintJob,
  ReconciliationFigures,
  ReturnSchedule,
  YearFiling,
} from './records.ts'

/**
 * State of the outgoing classified documents register: the slice's working object and its read-only
 * view (records in outgoing-records.ts), with the figures derived from records.
 */

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
