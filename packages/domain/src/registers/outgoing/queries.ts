import type { MaterialItem, OutgoingAnomaly, ReconciliationFigures } from './records.ts'
import { copyFigures, materialPending, type OutgoingState } from './state.ts'

/** Lists of the outgoing register: deadlines (C-09, C-14, C-20), anomalies and the C-09 reconciliation. */

export type OutgoingDeadlineKind =
  | 'material_unsecured'
  | 'meeting_collection'
  | 'superior_return'
  | 'reconciliation'
  | 'bureau_filing'

/** An outstanding duty with its due time; overdue since `dueAt` once past it. */
export interface OutgoingDeadline {
  readonly rule: 'C-09' | 'C-14' | 'C-20'
  readonly kind: OutgoingDeadlineKind
  /** Print job, `meetingId/carrierId`, carrier, document or year. */
  readonly subjectId: string
  readonly dueAt: number
}

export interface OverdueOutgoing extends OutgoingDeadline {
  readonly since: number
}

/** Every duty still outstanding, whatever its due time. */
export function outstandingDeadlines(state: OutgoingState): OutgoingDeadline[] {
  const out: OutgoingDeadline[] = []
  // rule C-20: material lying about after the end of the working day.
  for (const job of state.printJobs.values())
    if (job.securedAt === null)
      out.push({ rule: 'C-20', kind: 'material_unsecured', subjectId: job.id, dueAt: job.dueAt })
  // rule C-14: meeting documents not collected (a missing one is an anomaly, not a deadline).
  for (const m of state.meetings.values())
    for (const i of m.items)
      if (i.status === 'out')
        out.push({
          rule: 'C-14',
          kind: 'meeting_collection',
          subjectId: `${m.id}/${i.carrierId}`,
          dueAt: i.dueAt,
        })
  // rule C-09: superior units' documents on their schedule.
  for (const s of state.schedules.values())
    if (!state.returned.has(s.carrierId))
      out.push({ rule: 'C-09', kind: 'superior_return', subjectId: s.carrierId, dueAt: s.dueAt })
  // rule C-09: this unit's own documents reconciled in Q1 of the next year, the result filed.
  for (const d of state.documents.values())
    if (d.reconciliation === null)
      out.push({ rule: 'C-09', kind: 'reconciliation', subjectId: d.id, dueAt: d.reconcileDueAt })
  for (const f of state.filings.values())
    if (f.filedAt === null)
      out.push({ rule: 'C-09', kind: 'bureau_filing', subjectId: String(f.year), dueAt: f.dueAt })
  return out.sort(
    (a, b) => a.dueAt - b.dueAt || a.kind.localeCompare(b.kind) || a.subjectId.localeCompare(b.subjectId),
  )
}

/** Duties past due at `nowMs` (strictly after the due time). */
export function overdueOutgoing(state: OutgoingState, nowMs: number): OverdueOutgoing[] {
  return outstandingDeadlines(state)
    .filter((d) => nowMs > d.dueAt)
    .map((d) => ({ ...d, since: d.dueAt }))
}

/** Duties falling due within `withinMs` of `nowMs`, not yet overdue. */
export function outgoingDueSoon(state: OutgoingState, nowMs: number, withinMs: number): OutgoingDeadline[] {
  return outstandingDeadlines(state).filter((d) => d.dueAt >= nowMs && d.dueAt <= nowMs + withinMs)
}

export function openOutgoingAnomalies(state: OutgoingState): OutgoingAnomaly[] {
  return [...state.anomalies.values()]
    .filter((a) => a.resolvedAt === null)
    .sort((a, b) => a.openedAt - b.openedAt || a.id.localeCompare(b.id))
}

/** rule C-20: material of a print job not destroyed or kept yet (locked away or, past due, lying about). */
export interface MaterialAwaiting {
  readonly printJobId: string
  readonly docId: string
  readonly kind: MaterialItem['kind']
  readonly pending: number
  readonly locked: number
  readonly since: number
}

/** rule C-20: material still awaiting destruction (打印完的废页…定时销毁), oldest job first. */
export function materialAwaitingDestruction(state: OutgoingState): MaterialAwaiting[] {
  const out: MaterialAwaiting[] = []
  for (const job of state.printJobs.values())
    for (const m of job.material)
      if (materialPending(m) > 0)
        out.push({
          printJobId: job.id,
          docId: job.docId,
          kind: m.kind,
          pending: materialPending(m),
          locked: m.locked,
          since: job.at,
        })
  return out.sort((a, b) => a.since - b.since || a.printJobId.localeCompare(b.printJobId))
}

export type ReconciliationStatus = 'pending' | 'balanced' | 'gap_open' | 'gap_resolved'

/** rule C-09: 打印数 = 本单位存档数 + 外单位存档数 + 清退回收数 (+ gap), for one outgoing document. */
export interface DocumentReconciliation extends ReconciliationFigures {
  readonly docId: string
  readonly sequenceNo: string
  readonly year: number
  readonly status: ReconciliationStatus
  readonly reconciledAt: number | null
  readonly dueAt: number
  readonly anomalyId: string | null
}

/**
 * rule C-09: the live figures of a document (printed = good copies: printed − spoiled, the spoiled ones
 * being intermediate material under C-20) and the status of its reconciliation.
 */
export function reconciliation(state: OutgoingState, docId: string): DocumentReconciliation | undefined {
  const doc = state.documents.get(docId)
  if (doc === undefined) return undefined
  const r = doc.reconciliation
  const anomaly = r?.anomalyId == null ? undefined : state.anomalies.get(r.anomalyId)
  const status: ReconciliationStatus =
    r === null
      ? 'pending'
      : anomaly === undefined
        ? 'balanced'
        : anomaly.resolvedAt === null
          ? 'gap_open'
          : 'gap_resolved'
  return {
    docId: doc.id,
    sequenceNo: doc.sequenceNo,
    year: doc.year,
    ...copyFigures(doc),
    status,
    reconciledAt: r?.at ?? null,
    dueAt: doc.reconcileDueAt,
    anomalyId: r?.anomalyId ?? null,
  }
}

export interface YearReconciliation extends ReconciliationFigures {
  readonly year: number
  readonly documents: readonly DocumentReconciliation[]
  /** Documents not yet reconciled. */
  readonly pending: number
  /** Documents whose reconciliation gap is still open. */
  readonly gapsOpen: number
  readonly filingDueAt: number | null
  readonly filedAt: number | null
  readonly filingRef: string | null
}

/** rule C-09: the year's outgoing documents (issued that year), their totals and the bureau filing. */
export function yearReconciliation(state: OutgoingState, year: number): YearReconciliation {
  const documents = [...state.documents.values()]
    .filter((d) => d.year === year)
    .sort((a, b) => a.sequenceNo.localeCompare(b.sequenceNo) || a.id.localeCompare(b.id))
    .flatMap((d) => reconciliation(state, d.id) ?? [])
  const sum = (f: (d: DocumentReconciliation) => number) => documents.reduce((n, d) => n + f(d), 0)
  const filing = state.filings.get(year)
  return {
    year,
    documents,
    printed: sum((d) => d.printed),
    archivedHere: sum((d) => d.archivedHere),
    archivedAtRecipients: sum((d) => d.archivedAtRecipients),
    returned: sum((d) => d.returned),
    gap: sum((d) => d.gap),
    pending: documents.filter((d) => d.status === 'pending').length,
    gapsOpen: documents.filter((d) => d.status === 'gap_open').length,
    filingDueAt: filing?.dueAt ?? null,
    filedAt: filing?.filedAt ?? null,
    filingRef: filing?.filingRef ?? null,
  }
}
