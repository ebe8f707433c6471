import { z } from 'zod'
import { UNIT_POST_LABEL_ZH } from '../../core/approvals.ts'
import type { EventDefinition } from '../../core/register-slice.ts'
import { Role } from '../../core/roles.ts'

/**
 * Events of the unit's secrecy organisation (保密组织, rule B-04, and the signers of rule B-01):
 * departments and their heads, the posts of the leading group, meetings, the annual plan and summary.
 * Metadata only (rule S-01): ids, dates and document references, never minutes or plan text.
 */
export const OrganisationEventType = {
  DepartmentRecorded: 'organisation.department_recorded',
  DepartmentClosed: 'organisation.department_closed',
  DepartmentHeadRecorded: 'organisation.department_head_recorded',
  PostAssigned: 'organisation.post_assigned',
  PostVacated: 'organisation.post_vacated',
  MeetingHeld: 'organisation.meeting_held',
  PlanFiled: 'organisation.plan_filed',
  SummaryFiled: 'organisation.summary_filed',
} as const
export type OrganisationEventType = (typeof OrganisationEventType)[keyof typeof OrganisationEventType]

/**
 * rule B-04 posts. `first_responsible` is the unit's 第一责任人 who signs every book (rule B-01);
 * `group_head` / `group_member` form the 保密工作领导小组; one holder per post except group members.
 */
export const OrganisationPost = {
  FirstResponsible: 'first_responsible',
  ResponsibleLeader: 'responsible_leader',
  SecrecyOfficer: 'secrecy_officer',
  Classifier: 'classifier',
  GroupHead: 'group_head',
  GroupMember: 'group_member',
  /** 办公室主任: approves consulting classified archived files (C-21) and custody hand-overs. */
  OfficeHead: 'office_head',
} as const
export type OrganisationPost = (typeof OrganisationPost)[keyof typeof OrganisationPost]

export const POST_LABEL_ZH: Readonly<Record<OrganisationPost, string>> = UNIT_POST_LABEL_ZH

const entityId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/)
const shortText = z.string().max(200)
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const year = z.number().int().min(2000).max(2100)
const postSchema = z.enum([
  OrganisationPost.FirstResponsible,
  OrganisationPost.ResponsibleLeader,
  OrganisationPost.SecrecyOfficer,
  OrganisationPost.Classifier,
  OrganisationPost.GroupHead,
  OrganisationPost.GroupMember,
  OrganisationPost.OfficeHead,
])

/** A department (科室 / 站所) of the unit: each one signs a book every year (rule B-01). */
export const organisationDepartmentRecordedSchema = z.strictObject({
  departmentId: entityId,
  name: shortText.min(1),
})
export type OrganisationDepartmentRecorded = z.infer<typeof organisationDepartmentRecordedSchema>

/** A department abolished: it no longer owes a book. */
export const organisationDepartmentClosedSchema = z.strictObject({ departmentId: entityId })
export type OrganisationDepartmentClosed = z.infer<typeof organisationDepartmentClosedSchema>

/** rules B-01, B-02: the department's responsible person (科室负责人); a new one means re-signing. */
export const organisationDepartmentHeadRecordedSchema = z.strictObject({
  departmentId: entityId,
  userId: entityId,
})
export type OrganisationDepartmentHeadRecorded = z.infer<typeof organisationDepartmentHeadRecordedSchema>

/** rule B-04 (and B-02 for `first_responsible`): a post given to a user of the unit. */
export const organisationPostAssignedSchema = z.strictObject({ post: postSchema, userId: entityId })
export type OrganisationPostAssigned = z.infer<typeof organisationPostAssignedSchema>

/** rule B-04: a post left empty (the reminder then shows the gap). */
export const organisationPostVacatedSchema = z.strictObject({ post: postSchema, userId: entityId })
export type OrganisationPostVacated = z.infer<typeof organisationPostVacatedSchema>

/** rule B-04: a meeting of the leading group (保密工作领导小组会议). */
export const organisationMeetingHeldSchema = z.strictObject({
  meetingId: entityId,
  heldOn: localDate,
  attendeeIds: z.array(entityId).min(1).max(100),
  minutesRef: shortText.optional(),
})
export type OrganisationMeetingHeld = z.infer<typeof organisationMeetingHeldSchema>

/** rule B-04: the year's secrecy work plan (年度保密工作计划), by reference. */
export const organisationPlanFiledSchema = z.strictObject({ year, documentRef: shortText.min(1) })
export type OrganisationPlanFiled = z.infer<typeof organisationPlanFiledSchema>

/** rule B-04: the year's secrecy work summary (年度保密工作总结), by reference. */
export const organisationSummaryFiledSchema = z.strictObject({ year, documentRef: shortText.min(1) })
export type OrganisationSummaryFiled = z.infer<typeof organisationSummaryFiledSchema>

export interface OrganisationEventPayloads {
  'organisation.department_recorded': OrganisationDepartmentRecorded
  'organisation.department_closed': OrganisationDepartmentClosed
  'organisation.department_head_recorded': OrganisationDepartmentHeadRecorded
  'organisation.post_assigned': OrganisationPostAssigned
  'organisation.post_vacated': OrganisationPostVacated
  'organisation.meeting_held': OrganisationMeetingHeld
  'organisation.plan_filed': OrganisationPlanFiled
  'organisation.summary_filed': OrganisationSummaryFiled
}

function def<P>(schema: z.ZodType<P>, roles: readonly Role[]): EventDefinition<P> {
  return { schema, roles }
}

/** The officer keeps the organisation register; a leader may record it too (appointments are theirs). */
const KEEPERS = [Role.Officer, Role.Leader] as const

export const ORGANISATION_EVENTS = {
  'organisation.department_recorded': def(organisationDepartmentRecordedSchema, KEEPERS),
  'organisation.department_closed': def(organisationDepartmentClosedSchema, KEEPERS),
  'organisation.department_head_recorded': def(organisationDepartmentHeadRecordedSchema, KEEPERS),
  'organisation.post_assigned': def(organisationPostAssignedSchema, KEEPERS),
  'organisation.post_vacated': def(organisationPostVacatedSchema, KEEPERS),
  'organisation.meeting_held': def(organisationMeetingHeldSchema, KEEPERS),
  'organisation.plan_filed': def(organisationPlanFiledSchema, KEEPERS),
  'organisation.summary_filed': def(organisationSummaryFiledSchema, KEEPERS),
} as const satisfies { [K in OrganisationEventType]: EventDefinition<OrganisationEventPayloads[K]> }
