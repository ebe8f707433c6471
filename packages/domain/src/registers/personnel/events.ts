import { z } from 'zod'
import type { EventDefinition } from '../../core/register-slice.ts'
import { Role } from '../../core/roles.ts'
import { SecrecyPostLevel } from './policy.ts'

/**
 * Events of the classified-personnel register (涉密人员管理台账, rules P-01..P-05) and their payload
 * schemas. Strict objects, metadata only (rule S-01): ids, names, levels, dates and references.
 */
export const PersonnelEventType = {
  Registered: 'personnel.registered',
  LeftUnit: 'personnel.left_unit',
  Filed: 'personnel.filed',
  CertificateIssued: 'personnel.certificate_issued',
  CommitmentSigned: 'personnel.commitment_signed',
  Approved: 'personnel.approved',
  TookPost: 'personnel.took_post',
  LeftPost: 'personnel.left_post',
  TravelAbroad: 'personnel.travel_abroad',
} as const
export type PersonnelEventType = (typeof PersonnelEventType)[keyof typeof PersonnelEventType]

/** rule P-05: every employment type is registered; none is exempt from the P, T and B rules. */
export const EmploymentType = {
  CivilServant: 'civil_servant',
  PublicInstitution: 'public_institution',
  Contract: 'contract',
  Temporary: 'temporary',
  Intern: 'intern',
} as const
export type EmploymentType = (typeof EmploymentType)[keyof typeof EmploymentType]

export const EMPLOYMENT_TYPE_LABEL_ZH: Readonly<Record<EmploymentType, string>> = {
  civil_servant: '公务员',
  public_institution: '事业编制人员',
  contract: '合同制人员',
  temporary: '临时聘用人员',
  intern: '实习生',
}

export const entityIdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/)
// An id's form, not free text (rule S-03 screens only free text).
const eventId = entityIdSchema
const shortText = z.string().max(200)
/** A local date 'YYYY-MM-DD'; calendar validity is checked by the rules against the unit's calendar. */
export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const postLevelSchema = z.enum([SecrecyPostLevel.Core, SecrecyPostLevel.Important, SecrecyPostLevel.General])

/** rule P-05: an entry of the staff register, with its employment type. */
export const personnelRegisteredSchema = z.strictObject({
  personId: entityIdSchema,
  name: shortText.min(1),
  employmentType: z.enum([
    EmploymentType.CivilServant,
    EmploymentType.PublicInstitution,
    EmploymentType.Contract,
    EmploymentType.Temporary,
    EmploymentType.Intern,
  ]),
  /** First working day at the unit (T-02: taught before this day). */
  startsOn: localDateSchema,
  /** The person's platform user, when they have one (a leader may not approve for themself, P-04). */
  userId: entityIdSchema.optional(),
})
export type PersonnelRegistered = z.infer<typeof personnelRegisteredSchema>

/** The person leaves the unit (离职/调离); a classified post is left first (P-03). */
export const personnelLeftUnitSchema = z.strictObject({ personId: entityIdSchema, leftOn: localDateSchema })
export type PersonnelLeftUnit = z.infer<typeof personnelLeftUnitSchema>

/** rule P-01: filed (备案) with the secrecy bureau for a classified post at a level. */
export const personnelFiledSchema = z.strictObject({
  personId: entityIdSchema,
  post: shortText.min(1),
  level: postLevelSchema,
  filingRef: shortText.min(1),
})
export type PersonnelFiled = z.infer<typeof personnelFiledSchema>

/** rule P-01: the certificate (持证上岗), issued after passed training. */
export const personnelCertificateIssuedSchema = z.strictObject({
  personId: entityIdSchema,
  certificateNumber: shortText.min(1),
})
export type PersonnelCertificateIssued = z.infer<typeof personnelCertificateIssuedSchema>

/** rule P-02: 保密承诺书 on taking the post, 离岗保密承诺书 on leaving it. */
export const personnelCommitmentSignedSchema = z.strictObject({
  personId: entityIdSchema,
  kind: z.enum(['on_post', 'departure']),
  documentRef: shortText.optional(),
})
export type PersonnelCommitmentSigned = z.infer<typeof personnelCommitmentSignedSchema>

export const PersonnelApprovalSubject = {
  TakePost: 'take_post',
  LeavePost: 'leave_post',
  TravelAbroad: 'travel_abroad',
} as const
export type PersonnelApprovalSubject =
  (typeof PersonnelApprovalSubject)[keyof typeof PersonnelApprovalSubject]

/**
 * rule P-04: the responsible leader's review, signed by the leader who holds that post in the
 * organisation register (B-04). For leaving, it may set the 脱密期 within the policy's range (P-03);
 * the period runs from this approval.
 */
export const personnelApprovedSchema = z.strictObject({
  personId: entityIdSchema,
  subject: z.enum([
    PersonnelApprovalSubject.TakePost,
    PersonnelApprovalSubject.LeavePost,
    PersonnelApprovalSubject.TravelAbroad,
  ]),
  decontaminationMonths: z.number().int().positive().max(120).optional(),
  note: z.string().max(500).optional(),
})
export type PersonnelApproved = z.infer<typeof personnelApprovedSchema>

/** rules P-01, P-02, P-04, T-02: on the post, under a leader's approval (event id). */
export const personnelTookPostSchema = z.strictObject({ personId: entityIdSchema, approvalId: eventId })
export type PersonnelTookPost = z.infer<typeof personnelTookPostSchema>

/**
 * rules P-03, P-04, C-12: leaving the post. The booleans are the officer's attestations, each checked
 * with its rule's code. `carriersHandedOver` is cross-checked by the unit fold against the carrier
 * register (C-12); `carrierIds` lists what was handed over.
 */
export const personnelLeftPostSchema = z.strictObject({
  personId: entityIdSchema,
  approvalId: eventId,
  reminderTalkHeld: z.boolean(),
  accessRevoked: z.boolean(),
  carriersHandedOver: z.boolean(),
  carrierIds: z.array(entityIdSchema).max(1000).optional(),
})
export type PersonnelLeftPost = z.infer<typeof personnelLeftPostSchema>

/** rule P-04: travel abroad (出国/出境) under a leader's approval. */
export const personnelTravelAbroadSchema = z.strictObject({
  personId: entityIdSchema,
  approvalId: eventId,
  departsOn: localDateSchema,
  returnsOn: localDateSchema,
  destination: shortText.min(1),
})
export type PersonnelTravelAbroad = z.infer<typeof personnelTravelAbroadSchema>

export interface PersonnelEventPayloads {
  'personnel.registered': PersonnelRegistered
  'personnel.left_unit': PersonnelLeftUnit
  'personnel.filed': PersonnelFiled
  'personnel.certificate_issued': PersonnelCertificateIssued
  'personnel.commitment_signed': PersonnelCommitmentSigned
  'personnel.approved': PersonnelApproved
  'personnel.took_post': PersonnelTookPost
  'personnel.left_post': PersonnelLeftPost
  'personnel.travel_abroad': PersonnelTravelAbroad
}

function def<P>(schema: z.ZodType<P>, roles: readonly Role[]): EventDefinition<P> {
  return { schema, roles }
}

/** The officer keeps the register (commitments are signed on paper and recorded); a leader approves. */
export const personnelEvents = {
  'personnel.registered': def(personnelRegisteredSchema, [Role.Officer]),
  'personnel.left_unit': def(personnelLeftUnitSchema, [Role.Officer]),
  'personnel.filed': def(personnelFiledSchema, [Role.Officer]),
  'personnel.certificate_issued': def(personnelCertificateIssuedSchema, [Role.Officer]),
  'personnel.commitment_signed': def(personnelCommitmentSignedSchema, [Role.Officer]),
  'personnel.approved': def(personnelApprovedSchema, [Role.Leader]),
  'personnel.took_post': def(personnelTookPostSchema, [Role.Officer]),
  'personnel.left_post': def(personnelLeftPostSchema, [Role.Officer]),
  'personnel.travel_abroad': def(personnelTravelAbroadSchema, [Role.Officer]),
} as const satisfies Record<PersonnelEventType, EventDefinition>

export function isPersonnelEventType(type: string): type is PersonnelEventType {
  return Object.hasOwn(personnelEvents, type)
}
