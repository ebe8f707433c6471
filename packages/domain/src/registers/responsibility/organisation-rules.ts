import { directoryUser } from '../../core/key-directory.ts'
import type { SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import type { Role } from '../../core/roles.ts'
import { localDay } from '../../core/work-calendar.ts'
import type {
  OrganisationEventPayloads,
  OrganisationEventType,
  OrganisationPost,
} from './organisation-events.ts'
import { POST_LABEL_ZH } from './organisation-events.ts'
import type { Department, ResponsibilityWork } from './state.ts'

/** Block rules of the organisation register (rule B-04 and the signers of B-01). Null allows. */

export type OrganisationSliceEvent<T extends OrganisationEventType> = SliceEvent<
  T,
  OrganisationEventPayloads[T]
>

/**
 * rule B-04: the platform role a post needs. Choice: the first responsible person, the responsible
 * leader and the group head are leaders (they approve and sign); the officer post needs the officer
 * role and the classifier post the classifier role (D-09), so the platform can check what they sign.
 */
const POST_ROLE: Readonly<Record<OrganisationPost, Role | null>> = {
  first_responsible: 'leader',
  responsible_leader: 'leader',
  group_head: 'leader',
  secrecy_officer: 'officer',
  classifier: 'classifier',
  group_member: null,
  // The office head signs approvals (C-21), so the platform must know them as a leader-level signer.
  office_head: 'leader',
}

function unitUser(ctx: SliceContext, userId: string): DomainError | null {
  const user = directoryUser(ctx.directory, userId)
  if (user !== undefined && user.unit === ctx.unit) return null
  return domainError(
    'ORG-USER',
    `用户 ${userId} 不是本单位用户`,
    `User ${userId} is not a user of this unit`,
    {
      userId,
    },
  )
}

function exists(what: string, id: string | number): DomainError {
  return domainError('ORG-EXISTS', `${what} ${id} 已登记`, `${id} is already recorded`, { id })
}

function unknownDepartment(id: string): DomainError {
  return domainError(
    'B-01',
    `科室 ${id} 未登记（规则 B-01）`,
    `Department ${id} is not recorded (rule B-01)`,
    {
      departmentId: id,
    },
  )
}

/** An existing, open department. */
export function openDepartment(work: ResponsibilityWork, id: string): Department | DomainError {
  const d = work.departments.get(id)
  if (d === undefined) return unknownDepartment(id)
  if (d.closedYear !== null)
    return domainError('B-01', `科室 ${d.name} 已撤销`, `Department ${d.name} is closed`, {
      departmentId: id,
    })
  return d
}

export function isDomainError(x: object): x is DomainError {
  return 'code' in x && 'message' in x
}

export function checkDepartmentRecorded(
  work: ResponsibilityWork,
  event: OrganisationSliceEvent<'organisation.department_recorded'>,
): DomainError | null {
  return work.departments.has(event.payload.departmentId) ? exists('科室', event.payload.departmentId) : null
}

export function checkDepartmentClosed(
  work: ResponsibilityWork,
  event: OrganisationSliceEvent<'organisation.department_closed'>,
): DomainError | null {
  const d = openDepartment(work, event.payload.departmentId)
  return isDomainError(d) ? d : null
}

/** rules B-01, B-02: the head is a user of this unit; recording the same head again changes nothing. */
export function checkDepartmentHeadRecorded(
  work: ResponsibilityWork,
  event: OrganisationSliceEvent<'organisation.department_head_recorded'>,
  ctx: SliceContext,
): DomainError | null {
  const d = openDepartment(work, event.payload.departmentId)
  if (isDomainError(d)) return d
  const user = unitUser(ctx, event.payload.userId)
  if (user !== null) return user
  if (d.headId === event.payload.userId)
    return domainError(
      'ORG-UNCHANGED',
      `${event.payload.userId} 已是该科室负责人`,
      `${event.payload.userId} already heads this department`,
    )
  return null
}

/** rule B-04: a post goes to a user of this unit holding the platform role the post needs. */
export function checkPostAssigned(
  work: ResponsibilityWork,
  event: OrganisationSliceEvent<'organisation.post_assigned'>,
  ctx: SliceContext,
): DomainError | null {
  const { post, userId } = event.payload
  const missing = unitUser(ctx, userId)
  if (missing !== null) return missing
  const needed = POST_ROLE[post]
  if (needed !== null && !(directoryUser(ctx.directory, userId)?.roles ?? []).includes(needed))
    return domainError(
      'B-04',
      `${POST_LABEL_ZH[post]}须由具有${needed}角色的用户担任（规则 B-04）`,
      `The post ${post} needs a user with the ${needed} role (rule B-04)`,
      { post, userId, role: needed },
    )
  const current = post === 'group_member' ? work.groupMembers.get(userId) : work.posts.get(post)
  if (current?.userId === userId)
    return domainError(
      'ORG-UNCHANGED',
      `${userId} 已担任${POST_LABEL_ZH[post]}`,
      `${userId} already holds the post ${post}`,
    )
  return null
}

export function checkPostVacated(
  work: ResponsibilityWork,
  event: OrganisationSliceEvent<'organisation.post_vacated'>,
): DomainError | null {
  const { post, userId } = event.payload
  const current = post === 'group_member' ? work.groupMembers.get(userId) : work.posts.get(post)
  if (current?.userId === userId) return null
  return domainError(
    'ORG-NOT-HOLDER',
    `${userId} 未担任${POST_LABEL_ZH[post]}`,
    `${userId} does not hold the post ${post}`,
  )
}

/** rule B-04: a meeting is recorded once, and not before the day it is held. */
export function checkMeetingHeld(
  work: ResponsibilityWork,
  event: OrganisationSliceEvent<'organisation.meeting_held'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  if (work.meetings.has(p.meetingId)) return exists('会议', p.meetingId)
  if (p.heldOn > localDay(event.atMs, ctx.calendar).date)
    return domainError(
      'B-04',
      `会议日期 ${p.heldOn} 晚于登记日期，不能预先登记（规则 B-04）`,
      `A meeting on ${p.heldOn} cannot be recorded before it is held (rule B-04)`,
    )
  return null
}

/** rule B-04: one plan per year, for this year or the next. */
export function checkPlanFiled(
  work: ResponsibilityWork,
  event: OrganisationSliceEvent<'organisation.plan_filed'>,
  ctx: SliceContext,
): DomainError | null {
  const { year } = event.payload
  if (work.plans.has(year)) return exists('年度保密工作计划', year)
  if (year > localDay(event.atMs, ctx.calendar).year + 1)
    return domainError('B-04', `不能提前登记 ${year} 年计划`, `The plan for ${year} is too early (rule B-04)`)
  return null
}

/** rule B-04: one summary per year, not for a year that has not begun. */
export function checkSummaryFiled(
  work: ResponsibilityWork,
  event: OrganisationSliceEvent<'organisation.summary_filed'>,
  ctx: SliceContext,
): DomainError | null {
  const { year } = event.payload
  if (work.summaries.has(year)) return exists('年度保密工作总结', year)
  if (year > localDay(event.atMs, ctx.calendar).year)
    return domainError(
      'B-04',
      `${year} 年尚未开始，不能登记其工作总结（规则 B-04）`,
      `The summary of ${year} cannot be filed before that year (rule B-04)`,
    )
  return null
}
