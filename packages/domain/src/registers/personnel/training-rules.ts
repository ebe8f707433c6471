import type { SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { localDay } from '../../core/work-calendar.ts'
import { isValidDate } from './dates.ts'
import { activePerson } from './rules.ts'
import type { PersonnelWork } from './state.ts'
import type { TrainingEventPayloads, TrainingEventType } from './training-events.ts'

/** Block rules of the education record (rules T-01..T-03, P-05). */

export type TrainingSliceEvent<T extends TrainingEventType> = SliceEvent<T, TrainingEventPayloads[T]>

/** rule T-03: one annual plan per year; a revision is a new plan document, not a second entry. */
export function checkPlanAdopted(
  work: PersonnelWork,
  event: TrainingSliceEvent<'training.plan_adopted'>,
): DomainError | null {
  const year = event.payload.year
  if (work.plans.has(year))
    return domainError(
      'TRAINING-PLAN-EXISTS',
      `${year}年度保密教育计划已登记`,
      `The ${year} secrecy education plan is already recorded`,
      { year },
    )
  return null
}

/**
 * rule P-05: an attendee is in the staff register (any employment type) and had not left the unit
 * before the session. A person may attend before their first day (T-02: taught before they start).
 */
function checkAttendee(work: PersonnelWork, personId: string, heldOn: string): DomainError | null {
  const p = work.persons.get(personId)
  if (p === undefined) {
    const missing = activePerson(work, personId)
    return 'code' in missing ? missing : null
  }
  if (p.leftUnitOn !== null && p.leftUnitOn < heldOn)
    return domainError(
      'PERSONNEL-LEFT-UNIT',
      `${p.name} 已于 ${p.leftUnitOn} 离开本单位`,
      `${p.name} left the unit on ${p.leftUnitOn}`,
      { personId },
    )
  return null
}

/** A session cannot be recorded before it is held (the register records what happened). */
function checkHeldOn(heldOn: string, atMs: number, ctx: SliceContext): DomainError | null {
  if (!isValidDate(heldOn, ctx.calendar))
    return domainError('TRAINING-DATE', `日期无效：${heldOn}`, `Not a valid date: ${heldOn}`)
  if (heldOn > localDay(atMs, ctx.calendar).date)
    return domainError(
      'TRAINING-DATE',
      `培训日期 ${heldOn} 晚于登记日期`,
      `The session date ${heldOn} is after the day it is recorded`,
      { heldOn },
    )
  return null
}

/** rule T-03: a session keeps type, hours, attendees and scores; attendees are listed once each. */
export function checkSessionRecorded(
  work: PersonnelWork,
  event: TrainingSliceEvent<'training.session_recorded'>,
  ctx: SliceContext,
): DomainError | null {
  const s = event.payload
  if (work.sessions.has(s.sessionId))
    return domainError(
      'TRAINING-EXISTS',
      `培训记录 ${s.sessionId} 已登记`,
      `Session ${s.sessionId} is already recorded`,
    )
  const date = checkHeldOn(s.heldOn, event.atMs, ctx)
  if (date !== null) return date
  const seen = new Set<string>()
  for (const a of s.attendees) {
    if (seen.has(a.personId))
      return domainError(
        'T-03',
        `参训人员 ${a.personId} 重复登记（规则 T-03）`,
        `Attendee ${a.personId} is listed twice (rule T-03)`,
        { personId: a.personId },
      )
    seen.add(a.personId)
    const error = checkAttendee(work, a.personId, s.heldOn)
    if (error !== null) return error
  }
  return null
}

/** rule T-03: attendance added to a recorded session, once per person. */
export function checkAttendanceAdded(
  work: PersonnelWork,
  event: TrainingSliceEvent<'training.attendance_added'>,
): DomainError | null {
  const { sessionId, attendee } = event.payload
  const s = work.sessions.get(sessionId)
  if (s === undefined)
    return domainError(
      'TRAINING-UNKNOWN',
      `培训记录 ${sessionId} 未登记`,
      `Session ${sessionId} is not recorded`,
      { sessionId },
    )
  if (s.attendees.some((a) => a.personId === attendee.personId))
    return domainError(
      'T-03',
      `参训人员 ${attendee.personId} 已登记（规则 T-03）`,
      `Attendee ${attendee.personId} is already recorded (rule T-03)`,
      { personId: attendee.personId },
    )
  return checkAttendee(work, attendee.personId, s.heldOn)
}
