import type { EventDefinition, RegisterSlice, SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import {
  applyApproved,
  applyAttendanceAdded,
  applyCertificateIssued,
  applyCommitmentSigned,
  applyFiled,
  applyLeftPost,
  applyLeftUnit,
  applyPlanAdopted,
  applyRegistered,
  applySessionRecorded,
  applyTookPost,
  applyTravelAbroad,
} from './apply.ts'
import { type PersonnelEventPayloads, personnelEvents } from './events.ts'
import { checkLeftPost, checkLeftUnit, checkTravelAbroad } from './leave-rules.ts'
import { DEFAULT_PERSONNEL_POLICY, type PersonnelPolicy } from './policy.ts'
import {
  checkApproved,
  checkCertificateIssued,
  checkCommitmentSigned,
  checkFiled,
  checkRegistered,
  checkTookPost,
} from './rules.ts'
import {
  emptyPersonnelWork,
  forkPersonnelWork,
  type PersonnelState,
  type PersonnelWork,
  viewPersonnelWork,
} from './state.ts'
import { type TrainingEventPayloads, trainingEvents } from './training-events.ts'
import { checkAttendanceAdded, checkPlanAdopted, checkSessionRecorded } from './training-rules.ts'

type Payloads = PersonnelEventPayloads & TrainingEventPayloads
type Ev<K extends keyof Payloads> = SliceEvent<K, Payloads[K]>

// The unit fold hands a slice only its own event types, already parsed against their schemas.
function as<K extends keyof Payloads>(_type: K, event: SliceEvent): Ev<K> {
  return event as Ev<K>
}

/** Every event type of the personnel and training register with its schema and signing roles. */
export const PERSONNEL_SLICE_EVENTS: Readonly<Record<keyof Payloads, EventDefinition>> = {
  ...personnelEvents,
  ...trainingEvents,
}

function unknownType(type: string): DomainError {
  return domainError(
    'PERSONNEL-TYPE',
    `涉密人员台账不处理事件 ${type}`,
    `The personnel register has no event ${type}`,
  )
}

function check(
  work: PersonnelWork,
  event: SliceEvent,
  ctx: SliceContext,
  policy: PersonnelPolicy,
): DomainError | null {
  switch (event.type) {
    case 'personnel.registered':
      return checkRegistered(work, as('personnel.registered', event), ctx)
    case 'personnel.left_unit':
      return checkLeftUnit(work, as('personnel.left_unit', event), ctx)
    case 'personnel.filed':
      return checkFiled(work, as('personnel.filed', event))
    case 'personnel.certificate_issued':
      return checkCertificateIssued(work, as('personnel.certificate_issued', event), ctx, policy)
    case 'personnel.commitment_signed':
      return checkCommitmentSigned(work, as('personnel.commitment_signed', event))
    case 'personnel.approved':
      return checkApproved(work, as('personnel.approved', event), policy, ctx)
    case 'personnel.took_post':
      return checkTookPost(work, as('personnel.took_post', event), ctx, policy)
    case 'personnel.left_post':
      return checkLeftPost(work, as('personnel.left_post', event), ctx)
    case 'personnel.travel_abroad':
      return checkTravelAbroad(work, as('personnel.travel_abroad', event), ctx)
    case 'training.plan_adopted':
      return checkPlanAdopted(work, as('training.plan_adopted', event))
    case 'training.session_recorded':
      return checkSessionRecorded(work, as('training.session_recorded', event), ctx)
    case 'training.attendance_added':
      return checkAttendanceAdded(work, as('training.attendance_added', event))
    default:
      return unknownType(event.type)
  }
}

function apply(work: PersonnelWork, event: SliceEvent, ctx: SliceContext, policy: PersonnelPolicy): void {
  switch (event.type) {
    case 'personnel.registered':
      applyRegistered(work, as('personnel.registered', event))
      return
    case 'personnel.left_unit':
      applyLeftUnit(work, as('personnel.left_unit', event))
      return
    case 'personnel.filed':
      applyFiled(work, as('personnel.filed', event))
      return
    case 'personnel.certificate_issued':
      applyCertificateIssued(work, as('personnel.certificate_issued', event))
      return
    case 'personnel.commitment_signed':
      applyCommitmentSigned(work, as('personnel.commitment_signed', event))
      return
    case 'personnel.approved':
      applyApproved(work, as('personnel.approved', event))
      return
    case 'personnel.took_post':
      applyTookPost(work, as('personnel.took_post', event))
      return
    case 'personnel.left_post':
      applyLeftPost(work, as('personnel.left_post', event), ctx.calendar, policy)
      return
    case 'personnel.travel_abroad':
      applyTravelAbroad(work, as('personnel.travel_abroad', event))
      return
    case 'training.plan_adopted':
      applyPlanAdopted(work, as('training.plan_adopted', event))
      return
    case 'training.session_recorded':
      applySessionRecorded(work, as('training.session_recorded', event))
      return
    case 'training.attendance_added':
      applyAttendanceAdded(work, as('training.attendance_added', event))
      return
    default:
      return
  }
}

/**
 * The classified-personnel and training register (rules P-01..P-05, T-01..T-03) as one slice of the
 * unit fold: P-01 and T-02 need the training record. The policy is fixed when the slice is built.
 */
export function createPersonnelSlice(
  policy: PersonnelPolicy = DEFAULT_PERSONNEL_POLICY,
): RegisterSlice<PersonnelWork, PersonnelState> {
  return {
    name: 'personnel',
    events: PERSONNEL_SLICE_EVENTS,
    empty: emptyPersonnelWork,
    fork: forkPersonnelWork,
    view: viewPersonnelWork,
    check: (work, event, ctx) => check(work, event, ctx, policy),
    apply: (work, event, ctx) => apply(work, event, ctx, policy),
  }
}

export const personnelSlice: RegisterSlice<PersonnelWork, PersonnelState> = createPersonnelSlice()
