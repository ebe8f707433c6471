import type { SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { localDay } from '../../core/work-calendar.ts'
import { isOutgoingEventType, type OutgoingEventType } from './events.ts'
import type { OutgoingHandler, OutgoingHandlers } from './handlers.ts'
import { endOfMonthDay, type OutgoingPolicy } from './policy.ts'
import { materialDue } from './print-rules.ts'
import type { CopyAccount, CopyStatus, MaterialItem, OutgoingDocument, PrintJob } from './records.ts'
import { returnHandlers } from './return-apply.ts'
import type { OutgoingSliceEvent } from './rules.ts'
import { materialPending, materialUnsecured, type OutgoingWork } from './state.ts'

/** Applying events that passed check: every figure they need was validated there. */

function updateDoc(work: OutgoingWork, id: string, change: (d: OutgoingDocument) => OutgoingDocument): void {
  const d = work.documents.get(id)
  if (d !== undefined) work.documents.set(id, change(d))
}

function moveCopies(
  work: OutgoingWork,
  docId: string,
  numbers: readonly number[],
  status: CopyStatus,
  recipientId: string | null,
  event: SliceEvent,
): void {
  const set = new Set(numbers)
  updateDoc(work, docId, (d) => ({
    ...d,
    copies: d.copies.map((c) =>
      set.has(c.number)
        ? { ...c, status, recipientId: recipientId ?? c.recipientId, eventId: event.id, at: event.atMs }
        : c,
    ),
  }))
}

function secured(job: PrintJob, at: number): PrintJob {
  return job.securedAt === null && job.material.every((m) => materialUnsecured(m) === 0)
    ? { ...job, securedAt: at }
    : job
}

function dispose(
  work: OutgoingWork,
  event: OutgoingSliceEvent<
    'outgoing.material_locked' | 'outgoing.material_kept' | 'outgoing.material_destroyed'
  >,
  action: 'locked' | 'kept' | 'destroyed',
): void {
  const p = event.payload
  const job = work.printJobs.get(p.printJobId)
  if (job === undefined) return
  const carrierId = 'carrierId' in p ? p.carrierId : null
  const destructionRef = 'destructionRef' in p ? p.destructionRef : null
  const material = job.material.map((m): MaterialItem => {
    if (m.kind !== p.kind) return m
    const next = {
      ...m,
      locked: m.locked + (action === 'locked' ? p.count : 0),
      kept: m.kept + (action === 'kept' ? p.count : 0),
      destroyed: m.destroyed + (action === 'destroyed' ? p.count : 0),
      dispositions: [
        ...m.dispositions,
        { eventId: event.id, action, count: p.count, carrierId, destructionRef, at: event.atMs },
      ],
    }
    // Locked pieces are among those still pending: destroying or keeping takes from them when needed.
    return { ...next, locked: Math.min(next.locked, materialPending(next)) }
  })
  work.printJobs.set(job.id, secured({ ...job, material }, event.atMs))
}

function applyPrinted(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.printed'>,
  ctx: SliceContext,
): void {
  const p = event.payload
  const material: MaterialItem[] = p.material.map((m) => ({
    kind: m.kind,
    count: m.count,
    locked: 0,
    kept: 0,
    destroyed: 0,
    dispositions: [],
  }))
  if (p.spoiledCount > 0)
    material.push({
      kind: 'defective',
      count: p.spoiledCount,
      locked: 0,
      kept: 0,
      destroyed: 0,
      dispositions: [],
    })
  const due = materialDue(event.atMs, ctx.calendar)
  const job: PrintJob = {
    id: p.printJobId,
    eventId: event.id,
    docId: p.docId,
    deviceId: p.deviceId,
    at: event.atMs,
    approvedCount: p.approvedCount,
    printedCount: p.printedCount,
    spoiledCount: p.spoiledCount,
    firstCopyNumber: p.firstCopyNumber,
    material,
    dueAt: due.ok ? due.value : event.atMs,
    securedAt: null,
  }
  work.printJobs.set(job.id, secured(job, event.atMs))
  const good = p.printedCount - p.spoiledCount
  updateDoc(work, p.docId, (d) => ({
    ...d,
    printJobIds: [...d.printJobIds, p.printJobId],
    copies: [
      ...d.copies,
      ...Array.from({ length: good }, (_, i) => ({
        number: p.firstCopyNumber + i,
        printJobId: p.printJobId,
        status: 'here' as const,
        recipientId: null,
        eventId: event.id,
        at: event.atMs,
      })),
    ],
  }))
}

function applyIssued(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.issued'>,
  ctx: SliceContext,
  policy: OutgoingPolicy,
): void {
  const p = event.payload
  const approval = work.approvals.get(p.approvalId)
  if (approval === undefined) return
  work.approvals.set(approval.id, { ...approval, usedBy: event.id })
  work.sequenceNos.add(p.sequenceNo)
  const year = localDay(event.atMs, ctx.calendar).year
  work.documents.set(p.docId, {
    id: p.docId,
    eventId: event.id,
    approvalId: p.approvalId,
    sequenceNo: p.sequenceNo,
    docNumber: p.docNumber,
    level: p.level,
    periodYears: p.periodYears,
    approvedCopies: approval.copies,
    recipients: approval.recipients,
    issuedAt: event.atMs,
    year,
    reconcileDueAt: endOfMonthDay(year + 1, policy.reconcileBy, ctx.calendar),
    copies: [],
    printJobIds: [],
    reconciliation: null,
  })
  if (!work.filings.has(year))
    work.filings.set(year, {
      year,
      dueAt: endOfMonthDay(year + 1, policy.bureauFilingBy, ctx.calendar),
      filedAt: null,
      filingRef: null,
      eventId: null,
    })
}

function applyApproved(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.approved'>,
  ctx: SliceContext,
): void {
  const p = event.payload
  const main = ctx.view?.postsOf(event.actor).includes('first_responsible') ?? false
  work.approvals.set(p.approvalId, {
    id: p.approvalId,
    eventId: event.id,
    docId: p.docId,
    copies: p.copies,
    recipients: p.recipients,
    post: main ? 'first_responsible' : 'responsible_leader',
    by: event.actor,
    at: event.atMs,
    usedBy: null,
  })
}

function applySent(work: OutgoingWork, event: OutgoingSliceEvent<'outgoing.sent'>): void {
  const p = event.payload
  work.sends.set(p.sendId, {
    id: p.sendId,
    eventId: event.id,
    docId: p.docId,
    recipientId: p.recipientId,
    copyNumbers: p.copyNumbers,
    channel: p.channel,
    courierRef: p.courierRef ?? null,
    bearer: p.bearer ?? null,
    signedBy: p.signedBy ?? null,
    at: event.atMs,
  })
  moveCopies(work, p.docId, p.copyNumbers, 'sent', p.recipientId, event)
}

/** rule C-09: a record accounting for copies; they take the status of its kind. */
function account(
  work: OutgoingWork,
  event: SliceEvent,
  key: string,
  entry: Pick<CopyAccount, 'docId' | 'kind' | 'recipientId' | 'ref' | 'copyNumbers'>,
): void {
  work.accounts.set(key, { key, eventId: event.id, at: event.atMs, ...entry })
  moveCopies(work, entry.docId, entry.copyNumbers, entry.kind, entry.recipientId, event)
}

const HANDLERS: OutgoingHandlers = {
  'outgoing.approved': applyApproved,
  'outgoing.issued': applyIssued,
  'outgoing.printed': applyPrinted,
  'outgoing.material_locked': (work, event) => dispose(work, event, 'locked'),
  'outgoing.material_kept': (work, event) => dispose(work, event, 'kept'),
  'outgoing.material_destroyed': (work, event) => dispose(work, event, 'destroyed'),
  'outgoing.sent': applySent,
  'outgoing.archived_here': (work, event) =>
    account(work, event, `here:${event.id}`, {
      docId: event.payload.docId,
      kind: 'archived_here',
      recipientId: null,
      ref: event.payload.archiveRef,
      copyNumbers: event.payload.copyNumbers,
    }),
  'outgoing.recipient_archive_filed': (work, event) =>
    account(work, event, `list:${event.payload.listId}`, {
      docId: event.payload.docId,
      kind: 'archived_at_recipient',
      recipientId: event.payload.recipientId,
      ref: event.payload.listRef,
      copyNumbers: event.payload.copyNumbers,
    }),
  'outgoing.copies_recovered': (work, event) =>
    account(work, event, `recovery:${event.payload.recoveryId}`, {
      docId: event.payload.docId,
      kind: 'returned',
      recipientId: event.payload.recipientId,
      ref: null,
      copyNumbers: event.payload.copyNumbers,
    }),
  ...returnHandlers,
}

/** Applies an event that passed check. */
export function applyOutgoingEvent(
  work: OutgoingWork,
  event: SliceEvent,
  ctx: SliceContext,
  policy: OutgoingPolicy,
): void {
  const type = event.type
  if (!isOutgoingEventType(type)) return
  // The table is keyed by type: the handler of `type` gets the event of `type`.
  const handler = HANDLERS[type] as OutgoingHandler<OutgoingEventType>
  handler(work, event as OutgoingSliceEvent<OutgoingEventType>, ctx, policy)
}
