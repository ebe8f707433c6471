import { localDay, type WorkCalendar } from '../../core/work-calendar.ts'
import { addMonthsToDate, startOfDate } from './dates.ts'
import type { PersonnelPolicy } from './policy.ts'
import type { PersonnelSliceEvent } from './rules.ts'
import type { Person, PersonnelWork } from './state.ts'
import type { TrainingSliceEvent } from './training-rules.ts'

/** Applies events that passed their checks; every change replaces an entry, never edits it. */

function update(work: PersonnelWork, id: string, change: (p: Person) => Person): void {
  const p = work.persons.get(id)
  if (p !== undefined) work.persons.set(id, change(p))
}

function useApproval(work: PersonnelWork, approvalId: string, eventId: string): void {
  const a = work.approvals.get(approvalId)
  if (a !== undefined) work.approvals.set(approvalId, { ...a, usedBy: eventId })
}

export function applyRegistered(
  work: PersonnelWork,
  event: PersonnelSliceEvent<'personnel.registered'>,
): void {
  const p = event.payload
  work.persons.set(p.personId, {
    id: p.personId,
    eventId: event.id,
    name: p.name,
    employmentType: p.employmentType,
    startsOn: p.startsOn,
    userId: p.userId ?? null,
    registeredAtMs: event.atMs,
    leftUnitOn: null,
    filing: null,
    certificate: null,
    commitments: [],
    post: null,
    departures: [],
    travels: [],
  })
}

export function applyLeftUnit(work: PersonnelWork, event: PersonnelSliceEvent<'personnel.left_unit'>): void {
  update(work, event.payload.personId, (p) => ({ ...p, leftUnitOn: event.payload.leftOn }))
}

export function applyFiled(work: PersonnelWork, event: PersonnelSliceEvent<'personnel.filed'>): void {
  const { post, level, filingRef } = event.payload
  update(work, event.payload.personId, (p) => ({
    ...p,
    filing: { post, level, filingRef, eventId: event.id, atMs: event.atMs },
  }))
}

export function applyCertificateIssued(
  work: PersonnelWork,
  event: PersonnelSliceEvent<'personnel.certificate_issued'>,
): void {
  update(work, event.payload.personId, (p) => ({
    ...p,
    certificate: { number: event.payload.certificateNumber, eventId: event.id, atMs: event.atMs },
  }))
}

export function applyCommitmentSigned(
  work: PersonnelWork,
  event: PersonnelSliceEvent<'personnel.commitment_signed'>,
): void {
  const c = event.payload
  update(work, c.personId, (p) => ({
    ...p,
    commitments: [
      ...p.commitments,
      { kind: c.kind, documentRef: c.documentRef ?? null, eventId: event.id, atMs: event.atMs },
    ],
  }))
}

export function applyApproved(work: PersonnelWork, event: PersonnelSliceEvent<'personnel.approved'>): void {
  const a = event.payload
  work.approvals.set(event.id, {
    id: event.id,
    personId: a.personId,
    subject: a.subject,
    by: event.actor,
    atMs: event.atMs,
    decontaminationMonths: a.decontaminationMonths ?? null,
    usedBy: null,
  })
}

export function applyTookPost(work: PersonnelWork, event: PersonnelSliceEvent<'personnel.took_post'>): void {
  const { personId, approvalId } = event.payload
  useApproval(work, approvalId, event.id)
  update(work, personId, (p) =>
    p.filing === null || p.certificate === null
      ? p
      : {
          ...p,
          post: {
            post: p.filing.post,
            level: p.filing.level,
            filingRef: p.filing.filingRef,
            certificateNumber: p.certificate.number,
            approvalId,
            eventId: event.id,
            sinceMs: event.atMs,
          },
        },
  )
}

/**
 * rule P-03: the 脱密期 runs from the approval of leaving. Decision: an approval that sets no length
 * gets the range's upper bound, as an unspecified secrecy period gets the maximum (D-03): the safe side.
 * It ends at local midnight starting the months' anniversary of the approval day.
 */
export function applyLeftPost(
  work: PersonnelWork,
  event: PersonnelSliceEvent<'personnel.left_post'>,
  calendar: WorkCalendar,
  policy: PersonnelPolicy,
): void {
  const e = event.payload
  const approval = work.approvals.get(e.approvalId)
  if (approval === undefined) return
  useApproval(work, e.approvalId, event.id)
  update(work, e.personId, (p) => {
    if (p.post === null) return p
    const months = approval.decontaminationMonths ?? policy.decontaminationMonths[p.post.level].maxMonths
    const endsOn = addMonthsToDate(localDay(approval.atMs, calendar).date, months)
    return {
      ...p,
      post: null,
      // Access revoked (P-03): the filing and the certificate end with the post.
      filing: null,
      certificate: null,
      departures: [
        ...p.departures,
        {
          eventId: event.id,
          post: p.post.post,
          level: p.post.level,
          approvalId: e.approvalId,
          approvedAtMs: approval.atMs,
          onPostSinceMs: p.post.sinceMs,
          leftAtMs: event.atMs,
          decontaminationMonths: months,
          decontaminationEndsAtMs: startOfDate(endsOn, calendar),
          carrierIds: [...(e.carrierIds ?? [])].sort(),
        },
      ],
    }
  })
}

export function applyTravelAbroad(
  work: PersonnelWork,
  event: PersonnelSliceEvent<'personnel.travel_abroad'>,
): void {
  const e = event.payload
  useApproval(work, e.approvalId, event.id)
  update(work, e.personId, (p) => ({
    ...p,
    travels: [
      ...p.travels,
      {
        eventId: event.id,
        approvalId: e.approvalId,
        departsOn: e.departsOn,
        returnsOn: e.returnsOn,
        destination: e.destination,
        atMs: event.atMs,
      },
    ],
  }))
}

export function applyPlanAdopted(
  work: PersonnelWork,
  event: TrainingSliceEvent<'training.plan_adopted'>,
): void {
  const p = event.payload
  work.plans.set(p.year, {
    year: p.year,
    planRef: p.planRef,
    plannedSessions: p.plannedSessions,
    eventId: event.id,
    by: event.actor,
    atMs: event.atMs,
  })
}

export function applySessionRecorded(
  work: PersonnelWork,
  event: TrainingSliceEvent<'training.session_recorded'>,
): void {
  const s = event.payload
  work.sessions.set(s.sessionId, {
    id: s.sessionId,
    eventId: event.id,
    kind: s.kind,
    heldOn: s.heldOn,
    hours: s.hours,
    topic: s.topic,
    attendees: s.attendees.map((a) => ({ personId: a.personId, score: a.score ?? null, eventId: event.id })),
    recordedAtMs: event.atMs,
  })
}

export function applyAttendanceAdded(
  work: PersonnelWork,
  event: TrainingSliceEvent<'training.attendance_added'>,
): void {
  const { sessionId, attendee } = event.payload
  const s = work.sessions.get(sessionId)
  if (s === undefined) return
  work.sessions.set(sessionId, {
    ...s,
    attendees: [
      ...s.attendees,
      { personId: attendee.personId, score: attendee.score ?? null, eventId: event.id },
    ],
  })
}
