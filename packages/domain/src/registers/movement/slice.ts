import type { RegisterSlice, SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import type { CarrierAway } from '../../core/unit-view.ts'
import {
  applyElectronicUseRegistered,
  applyScopeWidened,
  checkElectronicUseApproved,
  checkElectronicUseRegistered,
  checkScopeWidened,
  checkScopeWideningApproved,
} from './access-rules.ts'
import { approvalOf } from './approval-rules.ts'
import { applyArchiveFileRegistered, checkArchiveFileRegistered } from './archive-file-rules.ts'
import {
  applyConsultationClosed,
  applyConsultationExcerpt,
  applyConsultationRegistered,
  checkConsultationApproved,
  checkConsultationClosed,
  checkConsultationExcerpt,
  checkConsultationRegistered,
} from './archive-rules.ts'
import {
  applyBorrowedCopyRecorded,
  applyBorrowedIn,
  applyReturnedToLender,
  checkBorrowedCopyRecorded,
  checkBorrowedIn,
  checkBorrowInApproved,
  checkReturnedToLender,
} from './borrow-rules.ts'
import { isMovementEventType, type MovementEventType, movementEvents } from './events.ts'
import {
  applyLoanExtensionApproved,
  applyLoanExtensionRequested,
  checkLoanExtensionApproved,
  checkLoanExtensionRequested,
} from './extension-rules.ts'
import {
  applyLoanedOut,
  applyLoanReturned,
  checkLoanedOut,
  checkLoanOutApproved,
  checkLoanReturned,
} from './loan-rules.ts'
import { DEFAULT_MOVEMENT_POLICY, type MovementPolicy } from './policy.ts'
import { applyAnomalyResolved, checkAnomalyResolved, type MovementSliceEvent } from './rules.ts'
import {
  emptyMovementWork,
  forkMovementWork,
  type MovementState,
  type MovementWork,
  viewMovementWork,
} from './state.ts'
import {
  applyCarriedOut,
  applyTripReturned,
  checkCarriedOut,
  checkCarryOutApproved,
  checkTripReturned,
} from './trip-rules.ts'

/** The unit fold has parsed the payload against `movementEvents[type].schema` before the slice sees it. */
function typed<T extends MovementEventType>(event: SliceEvent, _type: T): MovementSliceEvent<T> {
  return event as MovementSliceEvent<T>
}

function checkMovementEvent(
  work: MovementWork,
  event: SliceEvent,
  ctx: SliceContext,
  policy: MovementPolicy,
): DomainError | null {
  const type = event.type
  if (!isMovementEventType(type))
    return domainError(
      'MOVEMENT-UNKNOWN-TYPE',
      `载体去向登记不处理事件 ${type}`,
      `The movement register has no event ${type}`,
    )
  switch (type) {
    case 'movement.scope_widening_approved':
      return checkScopeWideningApproved(typed(event, type), ctx)
    case 'movement.scope_widened':
      return checkScopeWidened(work, typed(event, type), ctx)
    case 'movement.loan_out_approved':
      return checkLoanOutApproved(typed(event, type), ctx)
    case 'movement.loaned_out':
      return checkLoanedOut(work, typed(event, type), ctx, policy)
    case 'movement.loan_returned':
      return checkLoanReturned(work, typed(event, type))
    case 'movement.loan_extension_requested':
      return checkLoanExtensionRequested(work, typed(event, type), policy)
    case 'movement.loan_extension_approved':
      return checkLoanExtensionApproved(work, typed(event, type), ctx, policy)
    case 'movement.borrow_in_approved':
      return checkBorrowInApproved(typed(event, type), ctx)
    case 'movement.borrowed_in':
      return checkBorrowedIn(work, typed(event, type))
    case 'movement.borrowed_copy_recorded':
      return checkBorrowedCopyRecorded(work, typed(event, type))
    case 'movement.returned_to_lender':
      return checkReturnedToLender(work, typed(event, type))
    case 'movement.carry_out_approved':
      return checkCarryOutApproved(typed(event, type), ctx, policy)
    case 'movement.carried_out':
      return checkCarriedOut(work, typed(event, type), ctx, policy)
    case 'movement.trip_returned':
      return checkTripReturned(work, typed(event, type))
    case 'movement.electronic_use_approved':
      return checkElectronicUseApproved(typed(event, type), ctx)
    case 'movement.electronic_use_registered':
      return checkElectronicUseRegistered(work, typed(event, type), ctx)
    case 'movement.archive_file_registered':
      return checkArchiveFileRegistered(work, typed(event, type), ctx)
    case 'movement.consultation_approved':
      return checkConsultationApproved(typed(event, type), ctx)
    case 'movement.consultation_registered':
      return checkConsultationRegistered(work, typed(event, type), policy)
    case 'movement.consultation_excerpt_recorded':
      return checkConsultationExcerpt(work, typed(event, type))
    case 'movement.consultation_closed':
      return checkConsultationClosed(work, typed(event, type))
    case 'movement.anomaly_resolved':
      return checkAnomalyResolved(work, typed(event, type))
  }
}

/** Applies an event that passed check. */
function applyMovementEvent(work: MovementWork, event: SliceEvent, ctx: SliceContext): void {
  const type = event.type
  if (!isMovementEventType(type)) return
  const approval = approvalOf(event, type, ctx)
  if (approval !== null) {
    work.approvals.set(approval.id, approval)
    return
  }
  switch (type) {
    case 'movement.scope_widened':
      applyScopeWidened(work, typed(event, type))
      return
    case 'movement.loaned_out':
      applyLoanedOut(work, typed(event, type), ctx)
      return
    case 'movement.loan_returned':
      applyLoanReturned(work, typed(event, type))
      return
    case 'movement.loan_extension_requested':
      applyLoanExtensionRequested(work, typed(event, type))
      return
    case 'movement.loan_extension_approved':
      applyLoanExtensionApproved(work, typed(event, type), ctx)
      return
    case 'movement.borrowed_in':
      applyBorrowedIn(work, typed(event, type))
      return
    case 'movement.borrowed_copy_recorded':
      applyBorrowedCopyRecorded(work, typed(event, type))
      return
    case 'movement.returned_to_lender':
      applyReturnedToLender(work, typed(event, type))
      return
    case 'movement.carried_out':
      applyCarriedOut(work, typed(event, type))
      return
    case 'movement.trip_returned':
      applyTripReturned(work, typed(event, type))
      return
    case 'movement.electronic_use_registered':
      applyElectronicUseRegistered(work, typed(event, type))
      return
    case 'movement.archive_file_registered':
      applyArchiveFileRegistered(work, typed(event, type))
      return
    case 'movement.consultation_registered':
      applyConsultationRegistered(work, typed(event, type), ctx)
      return
    case 'movement.consultation_excerpt_recorded':
      applyConsultationExcerpt(work, typed(event, type))
      return
    case 'movement.consultation_closed':
      applyConsultationClosed(work, typed(event, type))
      return
    case 'movement.anomaly_resolved':
      applyAnomalyResolved(work, typed(event, type))
      return
    default:
      return
  }
}

const AWAY_ZH = { 'C-06': '借出', 'C-08': '携带外出', 'C-21': '随案卷调阅' } as const
const AWAY_EN = {
  'C-06': 'lent out',
  'C-08': 'carried out',
  'C-21': 'consulted with its archived file',
} as const

/**
 * rules C-06, C-08: a carrier on an open loan or trip is away; one that did not come back stays away as
 * missing until its anomaly is resolved (recovered: back in custody; not recovered: lost, still away).
 */
export function movementCarrierAway(
  work: Pick<MovementState, 'carriersAway'>,
  carrierId: string,
): CarrierAway | null {
  const e = work.carriersAway.get(carrierId)
  if (e === undefined) return null
  const rule = e.rule
  if (e.status === 'out')
    return {
      code: rule,
      zh: `载体已${AWAY_ZH[rule]}（${e.holder}，${e.refId}），${rule === 'C-06' ? '归还' : '返回查验'}前不得分发、复制或销毁（规则 ${rule}）`,
      en: `The carrier is ${AWAY_EN[rule]} (${e.holder}, ${e.refId}) and cannot be handed out, copied or destroyed until it is back (rule ${rule})`,
      holder: e.holder,
      ...(e.persons === undefined ? {} : { persons: e.persons }),
      since: e.since,
    }
  const lost = e.status === 'lost'
  return {
    code: rule,
    zh: `载体${AWAY_ZH[rule]}后${lost ? '遗失' : '未归还'}（${e.anomalyId ?? e.refId}），不在保管中（规则 ${rule}）`,
    en: `The carrier ${lost ? 'was lost' : 'did not come back'} after it was ${AWAY_EN[rule]} (${e.anomalyId ?? e.refId}) and is not in custody (rule ${rule})`,
    holder: e.holder,
    ...(e.persons === undefined ? {} : { persons: e.persons }),
    since: e.since,
  }
}

/** The movement register (C-03, C-06, C-08, C-16, C-21) as a slice of the unit fold. */
export function createMovementSlice(
  policy: MovementPolicy = DEFAULT_MOVEMENT_POLICY,
): RegisterSlice<MovementWork, MovementState> {
  return {
    name: 'movement',
    events: movementEvents,
    empty: emptyMovementWork,
    fork: forkMovementWork,
    view: viewMovementWork,
    check: (work, event, ctx) => checkMovementEvent(work, event, ctx, policy),
    apply: (work, event, ctx) => applyMovementEvent(work, event, ctx),
    carrierAway: movementCarrierAway,
  }
}

export const movementSlice: RegisterSlice<MovementWork, MovementState> = createMovementSlice()
