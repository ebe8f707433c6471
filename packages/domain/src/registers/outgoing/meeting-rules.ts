import type { Level } from '../../core/levels.ts'
import type { SliceContext } from '../../core/register-slice.ts'
import { type DomainError, domainError, err, ok, type Result } from '../../core/result.ts'
import type { UnitView } from '../../core/unit-view.ts'
import { endOfWorkingDay, type WorkCalendar } from '../../core/work-calendar.ts'
import type { OutgoingPolicy } from './policy.ts'
import { exists, firstRepeat, type OutgoingSliceEvent, refuse } from './rules.ts'
import type { OutgoingWork } from './state.ts'

/** Block rules of meeting documents (rule C-14): handed out against the attendee list, collected after. */

/**
 * rule C-14: when a meeting document is due back. 绝密 at once, at the meeting's end (绝密文件必须立即
 * 收回). Others (reading, default policy): by the close of office hours of the day the meeting ends
 * (会后统一收回, like C-05's 下班前交回); a meeting ending after hours or on a day off hands back at its end.
 */
export function meetingDue(
  level: Level,
  endsAt: number,
  calendar: WorkCalendar,
  policy: OutgoingPolicy,
): Result<number> {
  if (level === 'top_secret' || policy.meetingCollection === 'meeting_end') return ok(endsAt)
  const close = endOfWorkingDay(endsAt, calendar)
  if (!close.ok) return err(close.error)
  return ok(close.value ?? endsAt)
}

/** A carrier that can go out to a meeting: registered, in the officer's custody, away in no register. */
export function checkCarrierInCustody(
  work: OutgoingWork,
  view: UnitView,
  carrierId: string,
  rule: string,
): DomainError | null {
  const carrier = view.carriers.get(carrierId)
  if (carrier === undefined)
    return refuse(rule, `涉密载体台账中没有载体 ${carrierId}`, `No carrier ${carrierId} in the register`, {
      carrierId,
    })
  if (carrier.state !== 'in_custody')
    return refuse(
      rule,
      `载体 ${carrier.serial} 不在保密员保管中（${carrier.state === 'out' ? '已借出' : '已销毁'}）`,
      `Carrier ${carrier.serial} is not in the officer's custody (${carrier.state})`,
      { carrierId, state: carrier.state },
    )
  const meetingId = work.atMeeting.get(carrierId)
  if (meetingId !== undefined)
    return refuse(
      'C-14',
      `载体 ${carrier.serial} 在会议 ${meetingId} 上尚未收回`,
      `Carrier ${carrier.serial} is still out at meeting ${meetingId}`,
      {
        carrierId,
        meetingId,
      },
    )
  if (work.returned.has(carrierId))
    return refuse(
      'C-09',
      `载体 ${carrier.serial} 已清退`,
      `Carrier ${carrier.serial} has been returned to its issuer`,
      {
        carrierId,
      },
    )
  const away = view.carrierAway(carrierId)
  return away === null ? null : domainError(away.code, away.zh, away.en, { carrierId, holder: away.holder })
}

/** rule C-14: hand-out of carriers of the register to listed attendees. */
export function checkMeetingHandedOut(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.meeting_handed_out'>,
  ctx: SliceContext,
  policy: OutgoingPolicy,
): DomainError | null {
  const p = event.payload
  if (work.meetings.has(p.meetingId)) return exists('会议', p.meetingId)
  const view = ctx.view
  if (view === undefined)
    return refuse(
      'C-14',
      '无法核对会议文件：涉密载体台账不可用',
      'Cannot check meeting documents: the carrier register is not available',
    )
  if (p.endsAt < event.atMs)
    return refuse(
      'C-14',
      '会议结束时间早于文件分发时间',
      'The meeting ends before the documents are handed out',
    )
  const attendee = firstRepeat(p.attendees)
  if (attendee !== undefined)
    return refuse('C-14', `参会人员清单中 ${attendee} 重复`, `Attendee ${attendee} is listed twice`)
  const carrier = firstRepeat(p.items.map((i) => i.carrierId))
  if (carrier !== undefined)
    return refuse('C-14', `载体 ${carrier} 重复分发`, `Carrier ${carrier} is handed out twice`)
  for (const item of p.items) {
    if (!p.attendees.includes(item.attendee))
      return refuse(
        'C-14',
        `${item.attendee} 不在参会人员清单中，不能分发会议文件`,
        `${item.attendee} is not on the attendee list and gets no meeting document`,
        { attendee: item.attendee },
      )
    const custody = checkCarrierInCustody(work, view, item.carrierId, 'C-14')
    if (custody !== null) return custody
    const level = view.carriers.get(item.carrierId)?.level ?? 'top_secret'
    const due = meetingDue(level, p.endsAt, ctx.calendar, policy)
    if (!due.ok) return due.error
  }
  return null
}

/** rule C-14: each collected or missing carrier is one still out at this meeting. */
export function checkMeetingCollected(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.meeting_collected'>,
): DomainError | null {
  const p = event.payload
  const meeting = work.meetings.get(p.meetingId)
  if (meeting === undefined)
    return refuse(
      'C-14',
      `没有会议 ${p.meetingId} 的文件分发记录`,
      `No hand-out recorded for meeting ${p.meetingId}`,
    )
  const ids = [...p.collected, ...p.missing]
  if (ids.length === 0)
    return refuse(
      'C-14',
      '收回记录须列明收回或缺失的载体',
      'A collection names the carriers collected or missing',
    )
  const repeated = firstRepeat(ids)
  if (repeated !== undefined)
    return refuse('C-14', `载体 ${repeated} 重复列出`, `Carrier ${repeated} is listed twice`)
  for (const id of ids)
    if (!meeting.items.some((i) => i.carrierId === id && i.status === 'out'))
      return refuse(
        'C-14',
        `载体 ${id} 不是会议 ${p.meetingId} 上尚未收回的文件`,
        `Carrier ${id} is not out at meeting ${p.meetingId}`,
        { carrierId: id },
      )
  return null
}
