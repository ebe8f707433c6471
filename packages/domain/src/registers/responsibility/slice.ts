import type { RegisterSlice, SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import {
  applyAnnualDocument,
  applyBookDrafted,
  applyBookSigned,
  applyDepartmentClosed,
  applyDepartmentHeadRecorded,
  applyDepartmentRecorded,
  applyMeetingHeld,
  applyPostAssigned,
  applyPostVacated,
  applyTemplate,
} from './apply.ts'
import { isResponsibilityEventType, RESPONSIBILITY_EVENTS, type ResponsibilityEventType } from './events.ts'
import type { OrganisationEventType } from './organisation-events.ts'
import {
  checkDepartmentClosed,
  checkDepartmentHeadRecorded,
  checkDepartmentRecorded,
  checkMeetingHeld,
  checkPlanFiled,
  checkPostAssigned,
  checkPostVacated,
  checkSummaryFiled,
  type OrganisationSliceEvent,
} from './organisation-rules.ts'
import { DEFAULT_RESPONSIBILITY_POLICY, type ResponsibilityPolicy } from './policy.ts'
import {
  checkBookDrafted,
  checkBookSigned,
  checkTemplateAdopted,
  checkTemplatePublished,
  type ResponsibilitySliceEvent,
} from './rules.ts'
import {
  emptyResponsibilityWork,
  forkResponsibilityWork,
  type ResponsibilityState,
  type ResponsibilityWork,
  viewResponsibilityWork,
} from './state.ts'

// The unit fold hands a slice only its own event types, already parsed against their schemas.
function org<T extends OrganisationEventType>(event: SliceEvent, _type: T): OrganisationSliceEvent<T> {
  return event as OrganisationSliceEvent<T>
}
function book<T extends ResponsibilityEventType>(event: SliceEvent, _type: T): ResponsibilitySliceEvent<T> {
  return event as ResponsibilitySliceEvent<T>
}

function checkResponsibilityEvent(
  work: ResponsibilityWork,
  event: SliceEvent,
  ctx: SliceContext,
): DomainError | null {
  const type = event.type
  if (!isResponsibilityEventType(type))
    return domainError(
      'RESP-TYPE',
      `责任书台账不处理事件 ${type}`,
      `The responsibility register has no event ${type}`,
    )
  switch (type) {
    case 'organisation.department_recorded':
      return checkDepartmentRecorded(work, org(event, type))
    case 'organisation.department_closed':
      return checkDepartmentClosed(work, org(event, type))
    case 'organisation.department_head_recorded':
      return checkDepartmentHeadRecorded(work, org(event, type), ctx)
    case 'organisation.post_assigned':
      return checkPostAssigned(work, org(event, type), ctx)
    case 'organisation.post_vacated':
      return checkPostVacated(work, org(event, type))
    case 'organisation.meeting_held':
      return checkMeetingHeld(work, org(event, type), ctx)
    case 'organisation.plan_filed':
      return checkPlanFiled(work, org(event, type), ctx)
    case 'organisation.summary_filed':
      return checkSummaryFiled(work, org(event, type), ctx)
    case 'responsibility.template_published':
      return checkTemplatePublished(work, book(event, type))
    case 'responsibility.template_adopted':
      return checkTemplateAdopted(work, book(event, type))
    case 'responsibility.book_drafted':
      return checkBookDrafted(work, book(event, type), ctx)
    case 'responsibility.book_signed':
      return checkBookSigned(work, book(event, type), ctx)
  }
}

function applyResponsibilityEvent(work: ResponsibilityWork, event: SliceEvent, ctx: SliceContext): void {
  const type = event.type
  if (!isResponsibilityEventType(type)) return
  switch (type) {
    case 'organisation.department_recorded':
      applyDepartmentRecorded(work, org(event, type))
      break
    case 'organisation.department_closed':
      applyDepartmentClosed(work, org(event, type), ctx)
      break
    case 'organisation.department_head_recorded':
      applyDepartmentHeadRecorded(work, org(event, type), ctx)
      break
    case 'organisation.post_assigned':
      applyPostAssigned(work, org(event, type), ctx)
      break
    case 'organisation.post_vacated':
      applyPostVacated(work, org(event, type))
      break
    case 'organisation.meeting_held':
      applyMeetingHeld(work, org(event, type))
      break
    case 'organisation.plan_filed':
      applyAnnualDocument(work.plans, org(event, type))
      break
    case 'organisation.summary_filed':
      applyAnnualDocument(work.summaries, org(event, type))
      break
    case 'responsibility.template_published':
    case 'responsibility.template_adopted':
      applyTemplate(work, book(event, type))
      break
    case 'responsibility.book_drafted':
      applyBookDrafted(work, book(event, type))
      break
    case 'responsibility.book_signed':
      applyBookSigned(work, book(event, type))
      break
  }
}

/** The policy's type, so callers building the slice and the queries pass one object. */
export interface ResponsibilitySlice extends RegisterSlice<ResponsibilityWork, ResponsibilityState> {
  readonly policy: ResponsibilityPolicy
}

/**
 * Responsibility books and the secrecy organisation (rules B-01..B-04) as a slice of the unit fold.
 * The fold's block rules do not depend on the policy (dates only matter to the reminder queries), but
 * the slice carries it so the queries read the same configuration.
 */
export function createResponsibilitySlice(
  policy: ResponsibilityPolicy = DEFAULT_RESPONSIBILITY_POLICY,
): ResponsibilitySlice {
  return {
    name: 'responsibility',
    policy,
    events: RESPONSIBILITY_EVENTS,
    empty: emptyResponsibilityWork,
    fork: forkResponsibilityWork,
    view: viewResponsibilityWork,
    check: checkResponsibilityEvent,
    apply: applyResponsibilityEvent,
  }
}

export const responsibilitySlice: ResponsibilitySlice = createResponsibilitySlice()
