import type { Level, RegisterState } from '@secledger/domain'
import {
  type CopyStatus,
  type OutgoingApproval,
  type OutgoingDocument,
  type OutgoingRecipient,
  type OutgoingState,
  overdueOutgoing,
} from '@secledger/domain/registers/outgoing'
import { matchesKeyword, type QueryValues } from '@secledger/ui/logic'
import { type OutgoingFigures, outgoingFigures } from './outgoing-figures.ts'

/**
 * Rows of the 发文登记 (rules C-09, C-15, C-20) from the folded state: a leader's sign-out waiting to be
 * registered, then one row per registered document with its copies nested under it.
 */

/** Where a document is in its course; 'approved': signed out (签发), not yet registered. */
export type OutgoingRowState =
  | 'approved'
  | 'to_print'
  | 'printed'
  | 'distributing'
  | 'to_reconcile'
  | 'reconciled'

export const OUTGOING_ROW_STATES: readonly OutgoingRowState[] = [
  'approved',
  'to_print',
  'printed',
  'distributing',
  'to_reconcile',
  'reconciled',
]

export interface OutgoingRow {
  /** `approval:<id>`, the document's id, or `<docId>#<copy number>` for a copy. */
  readonly id: string
  readonly kind: 'approval' | 'document' | 'copy'
  readonly docId: string
  readonly approvalId: string
  /** 发文顺序号 ('' before registration). */
  readonly sequenceNo: string
  readonly docNumber: string
  readonly level: Level | null
  readonly periodYears: number | null
  readonly approvedCopies: number
  /** Good copies printed (份号 1…n). */
  readonly goodCopies: number
  /** The leader who signed it out, and when. */
  readonly signer: string
  readonly signedAt: number
  readonly recipients: readonly OutgoingRecipient[]
  readonly recipientNames: string
  /** A copy's row carries its document's state. */
  readonly state: OutgoingRowState
  readonly figures: OutgoingFigures | null
  /** rules C-09, C-20: the reconciliation or the print job's material is overdue. */
  readonly overdue: boolean
  /** rule C-09: reconciled by (end of Q1 of the next year). */
  readonly dueAt: number | null
  readonly copyNumber: number | null
  readonly copyStatus: CopyStatus | null
  /** A copy: the recipient it went to. */
  readonly holder: string
  readonly children?: readonly OutgoingRow[]
}

export interface OutgoingFilter {
  /** 发文顺序号, 文号 or 收文单位. */
  readonly keyword: string
  readonly level: Level | ''
  readonly state: OutgoingRowState | ''
  readonly overdueOnly: boolean
}

export const EMPTY_OUTGOING_FILTER: OutgoingFilter = { keyword: '', level: '', state: '', overdueOnly: false }

const STATE_SECRETS: readonly Level[] = ['top_secret', 'secret', 'confidential']

export function outgoingFilterFromQuery(values: QueryValues): OutgoingFilter {
  return {
    keyword: typeof values.keyword === 'string' ? values.keyword : '',
    level: STATE_SECRETS.find((l) => l === values.level) ?? '',
    state: OUTGOING_ROW_STATES.find((s) => s === values.state) ?? '',
    overdueOnly: values.overdueOnly === true,
  }
}

/** rule C-15 → C-09: registered, printed, distributed, all accounted for, reconciled. */
export function documentState(doc: OutgoingDocument): OutgoingRowState {
  if (doc.reconciliation !== null) return 'reconciled'
  if (doc.copies.length === 0) return 'to_print'
  if (doc.copies.every((c) => c.status === 'here')) return 'printed'
  if (doc.copies.some((c) => c.status === 'here' || c.status === 'sent')) return 'distributing'
  return 'to_reconcile'
}

/** Documents with an overdue duty: reconciliation (C-09) or a print job's material (C-20). */
function overdueDocuments(state: OutgoingState, nowMs: number): Set<string> {
  const out = new Set<string>()
  for (const d of overdueOutgoing(state, nowMs)) {
    if (d.kind === 'reconciliation') out.add(d.subjectId)
    if (d.kind === 'material_unsecured') {
      const job = state.printJobs.get(d.subjectId)
      if (job !== undefined) out.add(job.docId)
    }
  }
  return out
}

function approvalRow(a: OutgoingApproval): OutgoingRow {
  return {
    id: `approval:${a.id}`,
    kind: 'approval',
    docId: a.docId,
    approvalId: a.id,
    sequenceNo: '',
    docNumber: '',
    level: null,
    periodYears: null,
    approvedCopies: a.copies,
    goodCopies: 0,
    signer: a.by,
    signedAt: a.at,
    recipients: a.recipients,
    recipientNames: a.recipients.map((r) => r.unitName).join('、'),
    state: 'approved',
    figures: null,
    overdue: false,
    dueAt: null,
    copyNumber: null,
    copyStatus: null,
    holder: '',
  }
}

function documentRow(state: OutgoingState, doc: OutgoingDocument, overdue: boolean): OutgoingRow {
  const approval = state.approvals.get(doc.approvalId)
  const base: OutgoingRow = {
    id: doc.id,
    kind: 'document',
    docId: doc.id,
    approvalId: doc.approvalId,
    sequenceNo: doc.sequenceNo,
    docNumber: doc.docNumber,
    level: doc.level,
    periodYears: doc.periodYears,
    approvedCopies: doc.approvedCopies,
    goodCopies: doc.copies.length,
    signer: approval?.by ?? '',
    signedAt: approval?.at ?? doc.issuedAt,
    recipients: doc.recipients,
    recipientNames: doc.recipients.map((r) => r.unitName).join('、'),
    state: documentState(doc),
    figures: outgoingFigures(state, doc),
    overdue,
    dueAt: doc.reconciliation === null ? doc.reconcileDueAt : null,
    copyNumber: null,
    copyStatus: null,
    holder: '',
  }
  const unitName = (id: string | null) =>
    doc.recipients.find((r) => r.recipientId === id)?.unitName ?? id ?? ''
  const children = doc.copies.map(
    (c): OutgoingRow => ({
      ...base,
      id: `${doc.id}#${c.number}`,
      kind: 'copy',
      // the document's number is on its row above; a copy's row says where the copy is
      docNumber: '',
      figures: null,
      overdue: false,
      dueAt: null,
      copyNumber: c.number,
      copyStatus: c.status,
      holder: unitName(c.recipientId),
    }),
  )
  return children.length > 0 ? { ...base, children } : base
}

function matches(row: OutgoingRow, filter: OutgoingFilter): boolean {
  if (filter.level && row.level !== filter.level) return false
  if (filter.state && row.state !== filter.state) return false
  if (filter.overdueOnly && !row.overdue) return false
  return matchesKeyword(filter.keyword, [row.sequenceNo, row.docNumber, row.recipientNames])
}

/**
 * Sign-outs not yet registered first (the officer's next step, the leader's approvals), newest first;
 * then the documents, the latest 发文顺序号 first.
 */
export function outgoingRows(
  state: RegisterState | null,
  filter: OutgoingFilter,
  nowMs: number,
): OutgoingRow[] {
  if (state === null) return []
  const register = state.registers.outgoing
  const overdue = overdueDocuments(register, nowMs)
  const approvals = [...register.approvals.values()]
    .filter((a) => a.usedBy === null)
    .sort((a, b) => b.at - a.at)
    .map(approvalRow)
  const documents = [...register.documents.values()]
    .sort((a, b) => b.sequenceNo.localeCompare(a.sequenceNo))
    .map((d) => documentRow(register, d, overdue.has(d.id)))
  return [...approvals, ...documents].filter((r) => matches(r, filter))
}
