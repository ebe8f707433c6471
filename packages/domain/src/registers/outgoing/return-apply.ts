import type { SliceContext } from '../../core/register-slice.ts'
import { endOfLocalDay, startOfLocalDate } from '../../core/work-calendar.ts'
import type { OutgoingHandlers } from './handlers.ts'
import { meetingDue } from './meeting-rules.ts'
import { endOfMonthDay, type OutgoingPolicy } from './policy.ts'
import type { MeetingItem } from './records.ts'
import type { OutgoingSliceEvent } from './rules.ts'
import { copyFigures, type OutgoingWork } from './state.ts'

/**
 * Applying return and reconciliation (rule C-09), meeting hand-outs (rule C-14) and anomaly resolutions.
 */

/** rule C-14: the change applies to the meeting's items of `ids`. */
function updateMeeting(
  work: OutgoingWork,
  meetingId: string,
  ids: ReadonlySet<string>,
  change: Partial<MeetingItem>,
): void {
  const m = work.meetings.get(meetingId)
  if (m === undefined) return
  work.meetings.set(meetingId, {
    ...m,
    items: m.items.map((i) => (ids.has(i.carrierId) ? { ...i, ...change } : i)),
  })
}

function applyMeetingCollected(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.meeting_collected'>,
): void {
  const p = event.payload
  const anomalyId = p.missing.length > 0 ? `meeting_missing:${event.id}` : null
  const common = { collectEventId: event.id }
  updateMeeting(work, p.meetingId, new Set(p.collected), {
    ...common,
    status: 'collected',
    collectedAt: event.atMs,
  })
  updateMeeting(work, p.meetingId, new Set(p.missing), { ...common, status: 'missing', anomalyId })
  for (const id of p.collected) work.atMeeting.delete(id)
  if (anomalyId === null) return
  work.anomalies.set(anomalyId, {
    id: anomalyId,
    kind: 'meeting_missing',
    eventId: event.id,
    subjectId: p.meetingId,
    carrierIds: [...p.missing].sort(),
    copyNumbers: [],
    recipientIds: [],
    openedAt: event.atMs,
    resolvedAt: null,
    resolvedBy: null,
    outcome: null,
    note: null,
    incidentId: null,
    bureauReportRef: null,
  })
}

function applyAnomalyResolved(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.anomaly_resolved'>,
): void {
  const p = event.payload
  const a = work.anomalies.get(p.anomalyId)
  if (a === undefined) return
  work.anomalies.set(a.id, {
    ...a,
    resolvedAt: event.atMs,
    resolvedBy: event.id,
    outcome: p.outcome,
    note: p.note,
    incidentId: p.incidentId ?? null,
    bureauReportRef: p.bureauReportRef ?? null,
  })
  if (a.kind !== 'meeting_missing') return
  const ids = new Set(a.carrierIds)
  if (p.outcome === 'found') {
    // Found again: back in the officer's custody, collected late.
    updateMeeting(work, a.subjectId, ids, {
      status: 'collected',
      collectedAt: event.atMs,
      collectEventId: event.id,
    })
    for (const id of ids) work.atMeeting.delete(id)
  } else updateMeeting(work, a.subjectId, ids, { status: 'lost' })
}

function applyReconciled(work: OutgoingWork, event: OutgoingSliceEvent<'outgoing.reconciled'>): void {
  const doc = work.documents.get(event.payload.docId)
  if (doc === undefined) return
  const figures = copyFigures(doc)
  const anomalyId = figures.gap > 0 ? `reconciliation_gap:${event.id}` : null
  work.documents.set(doc.id, {
    ...doc,
    reconciliation: { ...figures, eventId: event.id, at: event.atMs, anomalyId },
  })
  if (anomalyId === null) return
  const open = doc.copies.filter((c) => c.status === 'here' || c.status === 'sent')
  const recipientIds = [...new Set(open.flatMap((c) => (c.recipientId === null ? [] : [c.recipientId])))]
  work.anomalies.set(anomalyId, {
    id: anomalyId,
    kind: 'reconciliation_gap',
    eventId: event.id,
    subjectId: doc.id,
    carrierIds: [],
    copyNumbers: open.map((c) => c.number),
    recipientIds: recipientIds.sort(),
    openedAt: event.atMs,
    resolvedAt: null,
    resolvedBy: null,
    outcome: null,
    note: null,
    incidentId: null,
    bureauReportRef: null,
  })
}

function applyReturnFiled(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.return_filed'>,
  ctx: SliceContext,
  policy: OutgoingPolicy,
): void {
  const p = event.payload
  const dueAt =
    work.filings.get(p.year)?.dueAt ?? endOfMonthDay(p.year + 1, policy.bureauFilingBy, ctx.calendar)
  work.filings.set(p.year, {
    year: p.year,
    dueAt,
    filedAt: event.atMs,
    filingRef: p.filingRef,
    eventId: event.id,
  })
}

export const returnHandlers: Pick<
  OutgoingHandlers,
  | 'outgoing.reconciled'
  | 'outgoing.return_filed'
  | 'outgoing.meeting_handed_out'
  | 'outgoing.meeting_collected'
  | 'outgoing.return_scheduled'
  | 'outgoing.returned_to_issuer'
  | 'outgoing.anomaly_resolved'
> = {
  'outgoing.meeting_handed_out': (work, event, ctx, policy) => {
    const p = event.payload
    const items = p.items.map((i): MeetingItem => {
      const level = ctx.view?.carriers.get(i.carrierId)?.level ?? 'top_secret'
      const due = meetingDue(level, p.endsAt, ctx.calendar, policy)
      work.atMeeting.set(i.carrierId, p.meetingId)
      return {
        carrierId: i.carrierId,
        attendee: i.attendee,
        level,
        dueAt: due.ok ? due.value : p.endsAt,
        status: 'out',
        collectedAt: null,
        collectEventId: null,
        anomalyId: null,
      }
    })
    work.meetings.set(p.meetingId, {
      id: p.meetingId,
      eventId: event.id,
      endsAt: p.endsAt,
      attendees: p.attendees,
      handedOutAt: event.atMs,
      items,
    })
  },
  'outgoing.reconciled': applyReconciled,
  'outgoing.return_filed': applyReturnFiled,
  'outgoing.meeting_collected': applyMeetingCollected,
  'outgoing.return_scheduled': (work, event, ctx) => {
    const p = event.payload
    const start = startOfLocalDate(p.returnBy, ctx.calendar) ?? event.atMs
    work.schedules.set(p.carrierId, {
      carrierId: p.carrierId,
      eventId: event.id,
      returnBy: p.returnBy,
      // rule C-09 (reading): "return by" a date includes that whole day.
      dueAt: endOfLocalDay(start, ctx.calendar),
      toUnit: p.toUnit,
      noticeRef: p.noticeRef,
      at: event.atMs,
    })
  },
  'outgoing.returned_to_issuer': (work, event) => {
    const p = event.payload
    for (const carrierId of p.carrierIds)
      work.returned.set(carrierId, {
        carrierId,
        eventId: event.id,
        toUnit: p.toUnit,
        receiptRef: p.receiptRef,
        at: event.atMs,
      })
  },
  'outgoing.anomaly_resolved': applyAnomalyResolved,
}
