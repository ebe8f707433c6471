import type { RegisterSlice, SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import {
  applyApproved,
  applyChangeProposed,
  applyClassifierFiled,
  applyEscalated,
  applyProposed,
  applyReply,
  applyReviewed,
  applyReviewedPeriodic,
} from './apply.ts'
import { CLASSIFICATION_EVENTS, type ClassificationEventPayloads } from './events.ts'
import { type ClassificationPolicy, DEFAULT_CLASSIFICATION_POLICY } from './policy.ts'
import {
  checkApproved,
  checkChangeProposed,
  checkEscalated,
  checkProposed,
  checkReply,
  checkReviewed,
  checkReviewedPeriodic,
} from './rules.ts'
import { checkClassifierFiled } from './signing-rules.ts'
import type { ClassificationState, ClassificationWork } from './state.ts'

type Ev<K extends keyof ClassificationEventPayloads> = SliceEvent<K, ClassificationEventPayloads[K]>

// The unit fold hands a slice only its own event types, already parsed against their schemas.
function as<K extends keyof ClassificationEventPayloads>(_type: K, event: SliceEvent): Ev<K> {
  return event as Ev<K>
}

function unknownType(type: string): DomainError {
  return domainError(
    'CLS-TYPE',
    `定密台账不处理事件 ${type}`,
    `The classification register has no event ${type}`,
  )
}

/**
 * The classification register (定密, rules D-01..D-09) as a slice of the unit's fold. The policy is
 * fixed when the slice is built: UnitPolicy does not carry the classification settings (yet).
 */
export function createClassificationSlice(
  policy: ClassificationPolicy = DEFAULT_CLASSIFICATION_POLICY,
): RegisterSlice<ClassificationWork, ClassificationState> {
  return {
    name: 'classification',
    events: CLASSIFICATION_EVENTS,
    empty: () => ({ items: new Map(), classifiers: new Map() }),
    fork: (work) => ({ items: new Map(work.items), classifiers: new Map(work.classifiers) }),
    view: (work) => ({ items: work.items, classifiers: work.classifiers }),
    check(work: ClassificationWork, event: SliceEvent, ctx: SliceContext): DomainError | null {
      switch (event.type) {
        case 'classification.proposed':
          return checkProposed(work, as('classification.proposed', event), policy)
        case 'classification.reviewed':
          return checkReviewed(work, as('classification.reviewed', event), ctx)
        case 'classification.approved':
          return checkApproved(work, as('classification.approved', event), ctx)
        case 'classification.escalated':
          return checkEscalated(work, as('classification.escalated', event))
        case 'classification.reply_recorded':
          return checkReply(work, as('classification.reply_recorded', event))
        case 'classification.change_proposed':
          return checkChangeProposed(work, as('classification.change_proposed', event))
        case 'classification.reviewed_periodic':
          return checkReviewedPeriodic(work, as('classification.reviewed_periodic', event), ctx)
        case 'classification.classifier_filed':
          return checkClassifierFiled(as('classification.classifier_filed', event).payload.classifierId, ctx)
        default:
          return unknownType(event.type)
      }
    },
    apply(work: ClassificationWork, event: SliceEvent, ctx: SliceContext): void {
      switch (event.type) {
        case 'classification.proposed':
          applyProposed(work, as('classification.proposed', event))
          break
        case 'classification.reviewed':
          applyReviewed(work, as('classification.reviewed', event))
          break
        case 'classification.approved':
          applyApproved(work, as('classification.approved', event), ctx.calendar)
          break
        case 'classification.escalated':
          applyEscalated(work, as('classification.escalated', event))
          break
        case 'classification.reply_recorded':
          applyReply(work, as('classification.reply_recorded', event), ctx.calendar)
          break
        case 'classification.change_proposed':
          applyChangeProposed(work, as('classification.change_proposed', event))
          break
        case 'classification.reviewed_periodic':
          applyReviewedPeriodic(work, as('classification.reviewed_periodic', event))
          break
        case 'classification.classifier_filed':
          applyClassifierFiled(work, as('classification.classifier_filed', event))
          break
        default:
          break
      }
    },
  }
}

export const classificationSlice: RegisterSlice<ClassificationWork, ClassificationState> =
  createClassificationSlice()
