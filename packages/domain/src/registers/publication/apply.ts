import type { PublicationSliceEvent } from './rules.ts'
import { type LeakIncident, type PublicationItem, type PublicationWork, reviewerKey } from './state.ts'

/** Applies events that passed check; items and incidents are replaced, never edited in place. */

function update(work: PublicationWork, id: string, change: (i: PublicationItem) => PublicationItem): void {
  const i = work.items.get(id)
  if (i !== undefined) work.items.set(id, change(i))
}

function updateIncident(work: PublicationWork, id: string, change: (i: LeakIncident) => LeakIncident): void {
  const i = work.incidents.get(id)
  if (i !== undefined) work.incidents.set(id, change(i))
}

export function applySubmitted(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.submitted'>,
): void {
  const p = event.payload
  work.items.set(p.itemId, {
    id: p.itemId,
    eventId: event.id,
    title: p.title,
    channel: p.channel,
    scope: p.scope,
    submitter: event.actor,
    submittedAt: event.atMs,
    state: 'submitted',
    reviews: [],
    approvedAt: null,
    approver: null,
    escalation: null,
    withholding: null,
    publication: null,
    takenDownAt: null,
  })
}

/** rule R-02: a return ends the item; the second step completes when both of its reviews passed. */
export function applyReviewed(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.reviewed'>,
): void {
  const p = event.payload
  update(work, p.itemId, (i) => {
    const reviews = [
      ...i.reviews,
      { capacity: p.capacity, by: event.actor, at: event.atMs, decision: p.decision, eventId: event.id },
    ]
    if (p.decision === 'return') return { ...i, reviews, state: 'returned' }
    if (p.capacity === 'section_head') return { ...i, reviews, state: 'first_passed' }
    const leader = reviews.find((r) => r.capacity === 'responsible_leader')
    const classifier = reviews.some((r) => r.capacity === 'classifier')
    if (leader === undefined || !classifier) return { ...i, reviews }
    return { ...i, reviews, state: 'approved', approvedAt: event.atMs, approver: leader.by }
  })
}

export function applyEscalated(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.escalated'>,
): void {
  update(work, event.payload.itemId, (i) => ({
    ...i,
    state: 'escalated',
    escalation: { bureau: event.payload.bureau, at: event.atMs, eventId: event.id, reply: null },
  }))
}

/** rule R-04: the reply decides; "publish" completes the review with the reply as approver. */
export function applyBureauReplied(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.bureau_replied'>,
): void {
  const p = event.payload
  update(work, p.itemId, (i) => {
    if (i.escalation === null) return i
    const escalation = { ...i.escalation, reply: { decision: p.decision, ref: p.replyRef, at: event.atMs } }
    return p.decision === 'publish'
      ? { ...i, escalation, state: 'approved', approvedAt: event.atMs, approver: `bureau:${p.replyRef}` }
      : { ...i, escalation, state: 'not_publishable' }
  })
}

export function applyPublished(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.published'>,
): void {
  const p = event.payload
  update(work, p.itemId, (i) => ({
    ...i,
    state: 'published',
    publication: {
      publishedAt: p.publishedAt,
      publisher: event.actor,
      approver: i.approver ?? '',
      channel: p.channel,
      scope: p.scope,
      eventId: event.id,
    },
  }))
}

export function applyWithholdingProposed(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.withholding_proposed'>,
): void {
  const p = event.payload
  update(work, p.itemId, (i) => ({
    ...i,
    state: 'withholding',
    withholding: {
      kind: p.kind,
      reason: p.reason,
      proposedBy: event.actor,
      proposedAt: event.atMs,
      eventId: event.id,
      confirmations: [],
    },
  }))
}

/** rule R-05: withheld once both confirmations are in. */
export function applyWithholdingConfirmed(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.withholding_confirmed'>,
): void {
  const p = event.payload
  update(work, p.itemId, (i) => {
    if (i.withholding === null) return i
    const confirmations = [
      ...i.withholding.confirmations,
      { capacity: p.capacity, by: event.actor, at: event.atMs, eventId: event.id },
    ]
    return {
      ...i,
      state: confirmations.length >= 2 ? 'withheld' : 'withholding',
      withholding: { ...i.withholding, confirmations },
    }
  })
}

export function applyReviewer(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.reviewer_designated' | 'publication.reviewer_revoked'>,
): void {
  const key = reviewerKey(event.payload.post, event.payload.userId)
  if (event.type === 'publication.reviewer_revoked') work.reviewers.delete(key)
  else if (!work.reviewers.has(key)) work.reviewers.set(key, event.atMs)
}

export function applyLeakFound(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.leak_found'>,
): void {
  const p = event.payload
  work.incidents.set(p.incidentId, {
    id: p.incidentId,
    eventId: event.id,
    foundAt: p.foundAt,
    recordedAt: event.atMs,
    location: p.location,
    level: p.level,
    itemId: p.itemId ?? null,
    takenDownAt: null,
    tracedAt: null,
    reportedAt: null,
    reportRef: null,
    closedAt: null,
  })
}

/** rule R-06: a take-down also marks the registered item it came from. */
export function applyLeakStep(
  work: PublicationWork,
  event: PublicationSliceEvent<
    | 'publication.leak_taken_down'
    | 'publication.leak_traced'
    | 'publication.leak_reported'
    | 'publication.leak_closed'
  >,
): void {
  const at = event.atMs
  const id = event.payload.incidentId
  switch (event.type) {
    case 'publication.leak_taken_down': {
      updateIncident(work, id, (i) => ({ ...i, takenDownAt: at }))
      const itemId = work.incidents.get(id)?.itemId
      if (itemId !== null && itemId !== undefined) update(work, itemId, (i) => ({ ...i, takenDownAt: at }))
      return
    }
    case 'publication.leak_traced':
      updateIncident(work, id, (i) => ({ ...i, tracedAt: at }))
      break
    case 'publication.leak_reported': {
      const ref = 'reportRef' in event.payload ? event.payload.reportRef : null
      updateIncident(work, id, (i) => ({ ...i, reportedAt: at, reportRef: ref }))
      break
    }
    case 'publication.leak_closed':
      updateIncident(work, id, (i) => ({ ...i, closedAt: at }))
      break
  }
}
