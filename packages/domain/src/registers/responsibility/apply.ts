import type { SliceContext } from '../../core/register-slice.ts'
import { localDay } from '../../core/work-calendar.ts'
import { templateContentHash } from './hash.ts'
import type { OrganisationSliceEvent } from './organisation-rules.ts'
import type { ResponsibilitySliceEvent } from './rules.ts'
import {
  type ResponsibilityBook,
  type ResponsibilityWork,
  type SupersededReason,
  templateKey,
} from './state.ts'

/** Applies events that passed check. Entries are replaced, never edited in place (fork is shallow). */

/**
 * rule B-02: books of the change's year and later whose signer is no longer the one recorded stop
 * counting. Choice: books of past years stay in force as the record of those years.
 */
function supersede(
  work: ResponsibilityWork,
  atMs: number,
  fromYear: number,
  reason: SupersededReason,
  affected: (b: ResponsibilityBook) => boolean,
): void {
  for (const b of work.books.values())
    if (b.supersededAt === null && b.year >= fromYear && affected(b))
      work.books.set(b.id, { ...b, supersededAt: atMs, supersededReason: reason })
}

export function applyDepartmentRecorded(
  work: ResponsibilityWork,
  event: OrganisationSliceEvent<'organisation.department_recorded'>,
): void {
  const p = event.payload
  work.departments.set(p.departmentId, {
    id: p.departmentId,
    name: p.name,
    recordedAt: event.atMs,
    closedYear: null,
    headId: null,
    headSince: null,
  })
}

export function applyDepartmentClosed(
  work: ResponsibilityWork,
  event: OrganisationSliceEvent<'organisation.department_closed'>,
  ctx: SliceContext,
): void {
  const d = work.departments.get(event.payload.departmentId)
  if (d !== undefined)
    work.departments.set(d.id, { ...d, closedYear: localDay(event.atMs, ctx.calendar).year })
}

export function applyDepartmentHeadRecorded(
  work: ResponsibilityWork,
  event: OrganisationSliceEvent<'organisation.department_head_recorded'>,
  ctx: SliceContext,
): void {
  const { departmentId, userId } = event.payload
  const d = work.departments.get(departmentId)
  if (d === undefined) return
  work.departments.set(d.id, { ...d, headId: userId, headSince: event.atMs })
  supersede(
    work,
    event.atMs,
    localDay(event.atMs, ctx.calendar).year,
    'department_head_changed',
    (b) => b.departmentId === departmentId && b.departmentSignerId !== userId,
  )
}

export function applyPostAssigned(
  work: ResponsibilityWork,
  event: OrganisationSliceEvent<'organisation.post_assigned'>,
  ctx: SliceContext,
): void {
  const { post, userId } = event.payload
  const holding = { post, userId, since: event.atMs, eventId: event.id }
  if (post === 'group_member') {
    work.groupMembers.set(userId, holding)
    return
  }
  work.posts.set(post, holding)
  if (post === 'first_responsible')
    supersede(
      work,
      event.atMs,
      localDay(event.atMs, ctx.calendar).year,
      'first_responsible_changed',
      (b) => b.unitSignerId !== userId,
    )
}

export function applyPostVacated(
  work: ResponsibilityWork,
  event: OrganisationSliceEvent<'organisation.post_vacated'>,
): void {
  const { post, userId } = event.payload
  if (post === 'group_member') work.groupMembers.delete(userId)
  else work.posts.delete(post)
  work.vacatedAt.set(post, event.atMs)
}

export function applyMeetingHeld(
  work: ResponsibilityWork,
  event: OrganisationSliceEvent<'organisation.meeting_held'>,
): void {
  const p = event.payload
  work.meetings.set(p.meetingId, {
    id: p.meetingId,
    eventId: event.id,
    heldOn: p.heldOn,
    attendeeIds: [...p.attendeeIds],
    recordedAt: event.atMs,
  })
}

export function applyAnnualDocument(
  target: Map<number, { year: number; documentRef: string; filedAt: number; eventId: string }>,
  event: OrganisationSliceEvent<'organisation.plan_filed' | 'organisation.summary_filed'>,
): void {
  const p = event.payload
  target.set(p.year, { year: p.year, documentRef: p.documentRef, filedAt: event.atMs, eventId: event.id })
}

export function applyTemplate(
  work: ResponsibilityWork,
  event: ResponsibilitySliceEvent<'responsibility.template_published' | 'responsibility.template_adopted'>,
): void {
  const published = event.type === 'responsibility.template_published'
  const payload = event.payload
  const template = 'template' in payload ? payload.template : payload
  work.templates.set(templateKey(template.templateId, template.version), {
    templateId: template.templateId,
    version: template.version,
    contentHash: 'contentHash' in payload ? payload.contentHash : templateContentHash(template),
    source: published ? 'published' : 'adopted',
    eventId: event.id,
    recordedAt: event.atMs,
  })
}

export function applyBookDrafted(
  work: ResponsibilityWork,
  event: ResponsibilitySliceEvent<'responsibility.book_drafted'>,
): void {
  const p = event.payload
  work.books.set(p.bookId, {
    id: p.bookId,
    eventId: event.id,
    year: p.year,
    departmentId: p.departmentId,
    templateId: p.templateId,
    templateVersion: p.templateVersion,
    unitSignerId: p.unitSignerId,
    departmentSignerId: p.departmentSignerId,
    contentHash: p.contentHash,
    draftedAt: event.atMs,
    unitSignedAt: null,
    unitSignatureId: null,
    departmentSignedAt: null,
    departmentSignatureId: null,
    supersededAt: null,
    supersededReason: null,
  })
}

export function applyBookSigned(
  work: ResponsibilityWork,
  event: ResponsibilitySliceEvent<'responsibility.book_signed'>,
): void {
  const b = work.books.get(event.payload.bookId)
  if (b === undefined) return
  if (event.actor === b.unitSignerId)
    work.books.set(b.id, { ...b, unitSignedAt: event.atMs, unitSignatureId: event.id })
  else work.books.set(b.id, { ...b, departmentSignedAt: event.atMs, departmentSignatureId: event.id })
}
