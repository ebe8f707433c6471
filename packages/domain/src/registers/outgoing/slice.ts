import type { RegisterSlice, SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import type { CarrierAway } from '../../core/unit-view.ts'
import { DEFAULT_CALENDAR, startOfLocalDate } from '../../core/work-calendar.ts'
import { applyOutgoingEvent } from './apply.ts'
import { isOutgoingEventType, type OutgoingEventType, outgoingEvents } from './events.ts'
import { checkMeetingCollected, checkMeetingHandedOut } from './meeting-rules.ts'
import { DEFAULT_OUTGOING_POLICY, type MonthDay, monthDayDate, type OutgoingPolicy } from './policy.ts'
import {
  checkMaterialDestroyed,
  checkMaterialKept,
  checkMaterialLocked,
  checkPrinted,
} from './print-rules.ts'
import {
  checkAnomalyResolved,
  checkReconciled,
  checkReturnedToIssuer,
  checkReturnFiled,
  checkReturnScheduled,
} from './return-rules.ts'
import {
  checkApproved,
  checkArchivedHere,
  checkCopiesRecovered,
  checkIssued,
  checkRecipientArchiveFiled,
  checkSent,
  type OutgoingSliceEvent,
} from './rules.ts'
import {
  emptyOutgoingWork,
  forkOutgoingWork,
  type OutgoingState,
  type OutgoingWork,
  viewOutgoingWork,
} from './state.ts'

/** The unit fold has parsed the payload against `outgoingEvents[type].schema` before the slice sees it. */
function typed<T extends OutgoingEventType>(event: SliceEvent, _type: T): OutgoingSliceEvent<T> {
  return event as OutgoingSliceEvent<T>
}

function checkOutgoingEvent(
  work: OutgoingWork,
  event: SliceEvent,
  ctx: SliceContext,
  policy: OutgoingPolicy,
): DomainError | null {
  const type = event.type
  if (!isOutgoingEventType(type))
    return domainError('OUTGOING-UNKNOWN-TYPE', `未知事件类型 ${type}`, `Unknown event type ${type}`)
  switch (type) {
    case 'outgoing.approved':
      return checkApproved(work, typed(event, type), policy, ctx)
    case 'outgoing.issued':
      return checkIssued(work, typed(event, type), ctx.calendar)
    case 'outgoing.printed':
      return checkPrinted(work, typed(event, type), ctx)
    case 'outgoing.material_locked':
      return checkMaterialLocked(work, typed(event, type))
    case 'outgoing.material_kept':
      return checkMaterialKept(work, typed(event, type), ctx)
    case 'outgoing.material_destroyed':
      return checkMaterialDestroyed(work, typed(event, type))
    case 'outgoing.sent':
      return checkSent(work, typed(event, type))
    case 'outgoing.archived_here':
      return checkArchivedHere(work, typed(event, type))
    case 'outgoing.recipient_archive_filed':
      return checkRecipientArchiveFiled(work, typed(event, type))
    case 'outgoing.copies_recovered':
      return checkCopiesRecovered(work, typed(event, type))
    case 'outgoing.reconciled':
      return checkReconciled(work, typed(event, type), ctx)
    case 'outgoing.return_filed':
      return checkReturnFiled(work, typed(event, type), ctx)
    case 'outgoing.meeting_handed_out':
      return checkMeetingHandedOut(work, typed(event, type), ctx, policy)
    case 'outgoing.meeting_collected':
      return checkMeetingCollected(work, typed(event, type))
    case 'outgoing.return_scheduled':
      return checkReturnScheduled(work, typed(event, type), ctx)
    case 'outgoing.returned_to_issuer':
      return checkReturnedToIssuer(work, typed(event, type), ctx)
    case 'outgoing.anomaly_resolved':
      return checkAnomalyResolved(work, typed(event, type), ctx, policy)
  }
}

/**
 * rules C-14, C-09: a carrier out at a meeting (or missing from it, or lost) and a carrier returned to
 * its issuer are away from the officer's custody; the carrier fold refuses to hand out, copy or destroy them.
 */
function outgoingCarrierAway(work: OutgoingWork, carrierId: string): CarrierAway | null {
  const returned = work.returned.get(carrierId)
  if (returned !== undefined)
    return {
      code: 'C-09',
      zh: `载体已清退至 ${returned.toUnit}（规则 C-09）`,
      en: `The carrier has been returned to ${returned.toUnit} (rule C-09)`,
      holder: returned.toUnit,
      since: returned.at,
    }
  const meetingId = work.atMeeting.get(carrierId)
  const meeting = meetingId === undefined ? undefined : work.meetings.get(meetingId)
  const item = meeting?.items.find((i) => i.carrierId === carrierId)
  if (meeting === undefined || item === undefined) return null
  const state = {
    out: ['尚未收回', 'is not collected yet'],
    missing: ['收回时缺失，正在查找', 'was missing at collection and is being traced'],
    lost: ['未能找回，已按泄密事件处理', 'was not found and is handled as an incident'],
    collected: ['已收回', 'is collected'],
  }[item.status]
  return {
    code: 'C-14',
    zh: `载体在会议 ${meeting.id} 上分发给 ${item.attendee}，${state[0]}（规则 C-14）`,
    en: `The carrier was handed out to ${item.attendee} at meeting ${meeting.id} and ${state[1]} (rule C-14)`,
    holder: item.attendee,
    since: meeting.handedOutAt,
  }
}

function validMonthDay(md: MonthDay): boolean {
  // A common year: 29 February would vanish three years in four.
  return startOfLocalDate(monthDayDate(2001, md), DEFAULT_CALENDAR) !== null
}

/** The outgoing classified documents register as a slice of the unit fold (rules C-09, C-14, C-15, C-20). */
export function createOutgoingSlice(
  policy: OutgoingPolicy = DEFAULT_OUTGOING_POLICY,
): RegisterSlice<OutgoingWork, OutgoingState> {
  if (!validMonthDay(policy.reconcileBy) || !validMonthDay(policy.bureauFilingBy))
    throw new RangeError('outgoing policy: reconcileBy and bureauFilingBy must be days of a common year')
  return {
    name: 'outgoing',
    events: outgoingEvents,
    empty: emptyOutgoingWork,
    fork: forkOutgoingWork,
    view: viewOutgoingWork,
    check: (work, event, ctx) => checkOutgoingEvent(work, event, ctx, policy),
    apply: (work, event, ctx) => applyOutgoingEvent(work, event, ctx, policy),
    carrierAway: outgoingCarrierAway,
  }
}

export const outgoingSlice: RegisterSlice<OutgoingWork, OutgoingState> = createOutgoingSlice()
