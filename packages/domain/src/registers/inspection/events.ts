import { z } from 'zod'
import type { EventDefinition } from '../../core/register-slice.ts'
import { Role } from '../../core/roles.ts'

/**
 * Events of the inspection register (保密检查 / 整改, rules I-01..I-05) and their payload schemas.
 * Strict objects, metadata only (rule S-01): ids, dates, areas, register numbers and short notes.
 */
export const InspectionEventType = {
  Recorded: 'inspection.recorded',
  OpinionRecorded: 'inspection.opinion_recorded',
  ItemChecked: 'inspection.item_checked',
  AnomalyResolved: 'inspection.anomaly_resolved',
  FindingRecorded: 'inspection.finding_recorded',
  FindingReportedUp: 'inspection.finding_reported_up',
  FindingRectified: 'inspection.finding_rectified',
  FindingVerified: 'inspection.finding_verified',
  SelfAssessmentRecorded: 'inspection.self_assessment_recorded',
} as const
export type InspectionEventType = (typeof InspectionEventType)[keyof typeof InspectionEventType]

const entityId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/)
const shortText = z.string().max(200)
const note = z.string().min(1).max(500)
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/**
 * rule I-01 kinds: the unit's own quarterly inspection, a spot check (抽查), a holiday check
 * (节前检查), and an inspection by the secrecy bureau (rule I-04: ends in a written opinion).
 */
export const InspectionKind = {
  Quarterly: 'quarterly',
  Spot: 'spot',
  Holiday: 'holiday',
  Bureau: 'bureau',
} as const
export type InspectionKind = (typeof InspectionKind)[keyof typeof InspectionKind]

/** rules I-01, I-02: an inspection held, against a published checklist version. */
export const inspectionRecordedSchema = z.strictObject({
  inspectionId: entityId,
  kind: z.enum([
    InspectionKind.Quarterly,
    InspectionKind.Spot,
    InspectionKind.Holiday,
    InspectionKind.Bureau,
  ]),
  heldOn: date,
  /** Names of the inspectors (检查人员), at least one. */
  inspectors: z.array(shortText.min(1)).min(1).max(20),
  checklistId: entityId,
  areasChecked: z.array(entityId).min(1).max(50),
})
export type InspectionRecorded = z.infer<typeof inspectionRecordedSchema>

/** rule I-04: the bureau's written opinion (检查意见) on its inspection. */
export const inspectionOpinionRecordedSchema = z.strictObject({
  inspectionId: entityId,
  /** Reference of the written opinion (文号 or registration number). */
  opinionRef: shortText.min(1),
  receivedOn: date,
})
export type InspectionOpinionRecorded = z.infer<typeof inspectionOpinionRecordedSchema>

/** rule I-03: one item checked against the register (对照台帐查实物). */
export const inspectionItemCheckedSchema = z.strictObject({
  checkId: entityId,
  inspectionId: entityId,
  /** Register number of the entry or the item's marking (登记编号 / 份号), never a title. */
  itemRef: shortText.min(1),
  /** match; registered but not found; found but not registered; found but details differ. */
  result: z.enum(['match', 'missing', 'unregistered', 'differs']),
})
export type InspectionItemChecked = z.infer<typeof inspectionItemCheckedSchema>

/** rule I-03: a mismatch resolved by the officer, with a note. */
export const inspectionAnomalyResolvedSchema = z.strictObject({ anomalyId: entityId, note })
export type InspectionAnomalyResolved = z.infer<typeof inspectionAnomalyResolvedSchema>

/** rule I-04: a finding with its responsible person (a user of the unit) and deadline (整改期限). */
export const inspectionFindingRecordedSchema = z.strictObject({
  findingId: entityId,
  inspectionId: entityId,
  area: entityId,
  severity: z.enum(['general', 'serious']),
  responsible: entityId,
  /** Last day of the rectification period, inclusive. */
  dueOn: date,
})
export type InspectionFindingRecorded = z.infer<typeof inspectionFindingRecordedSchema>

/** rule I-04: a serious finding reported up (向负责人报告). */
export const inspectionFindingReportedUpSchema = z.strictObject({
  findingId: entityId,
  reportedTo: shortText.min(1),
})
export type InspectionFindingReportedUp = z.infer<typeof inspectionFindingReportedUpSchema>

/** rule I-04: rectification declared done (整改完成), awaiting verification. */
export const inspectionFindingRectifiedSchema = z.strictObject({ findingId: entityId, note })
export type InspectionFindingRectified = z.infer<typeof inspectionFindingRectifiedSchema>

/** rule I-04: verification by someone other than the responsible person; not_fixed reopens it. */
export const inspectionFindingVerifiedSchema = z.strictObject({
  findingId: entityId,
  outcome: z.enum(['fixed', 'not_fixed']),
  note,
})
export type InspectionFindingVerified = z.infer<typeof inspectionFindingVerifiedSchema>

const sheetAnswerSchema = z.union([
  z.strictObject({ no: z.number().int().positive(), awarded: z.number().nonnegative() }),
  z.strictObject({ no: z.number().int().positive(), notApplicable: z.literal(true) }),
  z.strictObject({ no: z.number().int().positive(), deducted: z.number().nonnegative() }),
  z.strictObject({ no: z.number().int().positive(), vetoed: z.boolean() }),
])

/** rule I-05: a self-assessment (自查自评) on a published sheet; the score is computed, not typed. */
export const inspectionSelfAssessmentRecordedSchema = z.strictObject({
  assessmentId: entityId,
  year: z.number().int().min(2000).max(2100),
  sheetId: entityId,
  answers: z.array(sheetAnswerSchema).max(200),
})
export type InspectionSelfAssessmentRecorded = z.infer<typeof inspectionSelfAssessmentRecordedSchema>

export interface InspectionEventPayloads {
  'inspection.recorded': InspectionRecorded
  'inspection.opinion_recorded': InspectionOpinionRecorded
  'inspection.item_checked': InspectionItemChecked
  'inspection.anomaly_resolved': InspectionAnomalyResolved
  'inspection.finding_recorded': InspectionFindingRecorded
  'inspection.finding_reported_up': InspectionFindingReportedUp
  'inspection.finding_rectified': InspectionFindingRectified
  'inspection.finding_verified': InspectionFindingVerified
  'inspection.self_assessment_recorded': InspectionSelfAssessmentRecorded
}

function def<P>(schema: z.ZodType<P>, roles: readonly Role[]): EventDefinition<P> {
  return { schema, roles }
}

/**
 * Schemas and signing roles. The officer keeps the register, a leader (the leading group) may record
 * too; the responsible person declares rectification (any unit member); verification is by an officer
 * or leader, never the responsible person (checked in the rules).
 */
export const inspectionEvents = {
  'inspection.recorded': def(inspectionRecordedSchema, [Role.Officer, Role.Leader]),
  'inspection.opinion_recorded': def(inspectionOpinionRecordedSchema, [Role.Officer, Role.Leader]),
  'inspection.item_checked': def(inspectionItemCheckedSchema, [Role.Officer, Role.Leader]),
  'inspection.anomaly_resolved': def(inspectionAnomalyResolvedSchema, [Role.Officer]),
  'inspection.finding_recorded': def(inspectionFindingRecordedSchema, [Role.Officer, Role.Leader]),
  'inspection.finding_reported_up': def(inspectionFindingReportedUpSchema, [Role.Officer, Role.Leader]),
  'inspection.finding_rectified': def(inspectionFindingRectifiedSchema, [
    Role.Officer,
    Role.Leader,
    Role.Staff,
  ]),
  'inspection.finding_verified': def(inspectionFindingVerifiedSchema, [Role.Officer, Role.Leader]),
  'inspection.self_assessment_recorded': def(inspectionSelfAssessmentRecordedSchema, [
    Role.Officer,
    Role.Leader,
  ]),
} as const satisfies Record<InspectionEventType, EventDefinition>

export function isInspectionEventType(type: string): type is InspectionEventType {
  return Object.hasOwn(inspectionEvents, type)
}
