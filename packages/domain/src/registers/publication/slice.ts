import type { RegisterSlice, SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import {
  applyBureauReplied,
  applyEscalated,
  applyLeakFound,
  applyLeakStep,
  applyPublished,
  applyReviewed,
  applyReviewer,
  applySubmitted,
  applyWithholdingConfirmed,
  applyWithholdingProposed,
} from './apply.ts'
import { isPublicationEventType, PUBLICATION_EVENTS, type PublicationEventType } from './events.ts'
import { DEFAULT_PUBLICATION_POLICY, type PublicationPolicy } from './policy.ts'
import {
  checkBureauReplied,
  checkEscalated,
  checkLeakFound,
  checkLeakStep,
  checkPublished,
  checkReviewed,
  checkReviewerDesignated,
  checkReviewerRevoked,
  checkSubmitted,
  checkWithholdingConfirmed,
  checkWithholdingProposed,
  type PublicationSliceEvent,
} from './rules.ts'
import {
  emptyPublicationWork,
  forkPublicationWork,
  type PublicationState,
  type PublicationWork,
  viewPublicationWork,
} from './state.ts'

// The unit fold hands a slice only its own event types, already parsed against their schemas.
function typed<T extends PublicationEventType>(event: SliceEvent, _type: T): PublicationSliceEvent<T> {
  return event as PublicationSliceEvent<T>
}

function checkPublicationEvent(
  work: PublicationWork,
  event: SliceEvent,
  ctx: SliceContext,
): DomainError | null {
  const type = event.type
  if (!isPublicationEventType(type))
    return domainError(
      'PUB-TYPE',
      `信息公开审查台账不处理事件 ${type}`,
      `The publication register has no event ${type}`,
    )
  switch (type) {
    case 'publication.reviewer_designated':
      return checkReviewerDesignated(typed(event, type), ctx)
    case 'publication.reviewer_revoked':
      return checkReviewerRevoked(work, typed(event, type))
    case 'publication.submitted':
      return checkSubmitted(work, typed(event, type))
    case 'publication.reviewed':
      return checkReviewed(work, typed(event, type), ctx)
    case 'publication.escalated':
      return checkEscalated(work, typed(event, type))
    case 'publication.bureau_replied':
      return checkBureauReplied(work, typed(event, type))
    case 'publication.published':
      return checkPublished(work, typed(event, type))
    case 'publication.withholding_proposed':
      return checkWithholdingProposed(work, typed(event, type))
    case 'publication.withholding_confirmed':
      return checkWithholdingConfirmed(work, typed(event, type), ctx)
    case 'publication.leak_found':
      return checkLeakFound(work, typed(event, type))
    case 'publication.leak_taken_down':
    case 'publication.leak_traced':
    case 'publication.leak_reported':
    case 'publication.leak_closed':
      return checkLeakStep(work, typed(event, type))
  }
}

function applyPublicationEvent(work: PublicationWork, event: SliceEvent): void {
  const type = event.type
  if (!isPublicationEventType(type)) return
  switch (type) {
    case 'publication.reviewer_designated':
    case 'publication.reviewer_revoked':
      applyReviewer(work, typed(event, type))
      break
    case 'publication.submitted':
      applySubmitted(work, typed(event, type))
      break
    case 'publication.reviewed':
      applyReviewed(work, typed(event, type))
      break
    case 'publication.escalated':
      applyEscalated(work, typed(event, type))
      break
    case 'publication.bureau_replied':
      applyBureauReplied(work, typed(event, type))
      break
    case 'publication.published':
      applyPublished(work, typed(event, type))
      break
    case 'publication.withholding_proposed':
      applyWithholdingProposed(work, typed(event, type))
      break
    case 'publication.withholding_confirmed':
      applyWithholdingConfirmed(work, typed(event, type))
      break
    case 'publication.leak_found':
      applyLeakFound(work, typed(event, type))
      break
    case 'publication.leak_taken_down':
    case 'publication.leak_traced':
    case 'publication.leak_reported':
    case 'publication.leak_closed':
      applyLeakStep(work, typed(event, type))
      break
  }
}

export interface PublicationSlice extends RegisterSlice<PublicationWork, PublicationState> {
  readonly policy: PublicationPolicy
}

/**
 * Publication review (rules R-01..R-06) as a slice of the unit fold. The block rules do not depend
 * on the policy (its deadlines only matter to the queries); the slice carries it for them.
 */
export function createPublicationSlice(
  policy: PublicationPolicy = DEFAULT_PUBLICATION_POLICY,
): PublicationSlice {
  return {
    name: 'publication',
    policy,
    events: PUBLICATION_EVENTS,
    empty: emptyPublicationWork,
    fork: forkPublicationWork,
    view: viewPublicationWork,
    check: checkPublicationEvent,
    apply: applyPublicationEvent,
  }
}

export const publicationSlice: PublicationSlice = createPublicationSlice()
