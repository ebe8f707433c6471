import { z } from 'zod'
import { Level } from '../../core/levels.ts'
import type { EventDefinition } from '../../core/register-slice.ts'
import { Role } from '../../core/roles.ts'

/**
 * Events of the classification register (定密台账, rules D-01..D-09) and their payload schemas.
 * Every object is strict: anything beyond the schema is refused (rule S-01: metadata only).
 */
export const ClassificationEventType = {
  Proposed: 'classification.proposed',
  Reviewed: 'classification.reviewed',
  Approved: 'classification.approved',
  Escalated: 'classification.escalated',
  ReplyRecorded: 'classification.reply_recorded',
  ChangeProposed: 'classification.change_proposed',
  ReviewedPeriodic: 'classification.reviewed_periodic',
  ClassifierFiled: 'classification.classifier_filed',
} as const
export type ClassificationEventType = (typeof ClassificationEventType)[keyof typeof ClassificationEventType]

const MAX_TEXT = 200
const MAX_NOTE = 500

const entityId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/)
// An id's form, not free text (rule S-03 screens only free text).
const eventId = entityId
const shortText = z.string().max(MAX_TEXT)
const note = z.string().max(MAX_NOTE)
/** Only state secrets are determined (定密); 工作秘密 and below are not. */
const stateSecretLevel = z.enum([Level.TopSecret, Level.Secret, Level.Confidential])
/** rule D-03: null = unspecified = the level's maximum; the range is a block rule with its own message. */
const period = z.number().int().nullable()

/** rule D-01: 定密依据: a catalogue item (original authority) or the source document (derived). */
export const classificationBasisSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('catalogue'), item: shortText.min(1) }),
  z.strictObject({ kind: z.literal('derived'), sourceDocNumber: shortText.min(1) }),
])
export type ClassificationBasis = z.infer<typeof classificationBasisSchema>

/** rule D-01 step 1: the drafter's (承办人) proposal, recorded by the officer. */
export const classificationProposedSchema = z.strictObject({
  itemId: entityId,
  // Screened for markings elsewhere (rule S-03); stored as given.
  subject: shortText.min(1),
  docNumber: shortText.optional(),
  level: stateSecretLevel,
  periodYears: period,
  scope: note.min(1),
  basis: classificationBasisSchema,
})
export type ClassificationProposed = z.infer<typeof classificationProposedSchema>

/** rule D-01 step 2 (and D-05): the classifier's review of the open proposal. */
export const classificationReviewedSchema = z.strictObject({
  itemId: entityId,
  proposalId: eventId,
  decision: z.enum(['approve', 'return']),
  note: note.optional(),
})
export type ClassificationReviewed = z.infer<typeof classificationReviewedSchema>

/** rule D-01 step 3 (and D-05): the main or responsible leader's approval (B-04) of a reviewed proposal. */
export const classificationApprovedSchema = z.strictObject({
  itemId: entityId,
  proposalId: eventId,
  note: note.optional(),
})
export type ClassificationApproved = z.infer<typeof classificationApprovedSchema>

/** rule D-04: the unit cannot decide; the item is protected as proposed and sent up. */
export const classificationEscalatedSchema = z.strictObject({
  itemId: entityId,
  authority: shortText.min(1),
  note: note.optional(),
})
export type ClassificationEscalated = z.infer<typeof classificationEscalatedSchema>

/** rule D-04: the superior's reply decides an escalated item. */
export const classificationReplyRecordedSchema = z.strictObject({
  itemId: entityId,
  reference: shortText.min(1),
  outcome: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('secret'),
      level: stateSecretLevel,
      periodYears: period,
      scope: note.min(1),
    }),
    z.strictObject({ kind: z.literal('not_secret') }),
  ]),
})
export type ClassificationReplyRecorded = z.infer<typeof classificationReplyRecordedSchema>

/** rule D-05: a change of a determined item, then reviewed and approved like a determination. */
export const classificationChangeProposedSchema = z.strictObject({
  itemId: entityId,
  change: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('level'), level: stateSecretLevel, periodYears: period }),
    z.strictObject({ kind: z.literal('period'), periodYears: period }),
    z.strictObject({ kind: z.literal('declassify') }),
  ]),
  reason: note.min(1),
})
export type ClassificationChangeProposed = z.infer<typeof classificationChangeProposedSchema>

/** rule D-06: a periodic review done. */
export const classificationReviewedPeriodicSchema = z.strictObject({
  itemId: entityId,
  outcome: z.enum(['kept', 'changed', 'declassified']),
  note: note.optional(),
})
export type ClassificationReviewedPeriodic = z.infer<typeof classificationReviewedPeriodicSchema>

/**
 * rule D-09: the filing with the secrecy bureau of the classifier (定密责任人) whom the unit leader
 * designated in the organisation register (B-04); the filing does not make anyone classifier.
 */
export const classificationClassifierFiledSchema = z.strictObject({
  classifierId: entityId,
  filingRef: shortText.min(1),
})
export type ClassificationClassifierFiled = z.infer<typeof classificationClassifierFiledSchema>

export interface ClassificationEventPayloads {
  'classification.proposed': ClassificationProposed
  'classification.reviewed': ClassificationReviewed
  'classification.approved': ClassificationApproved
  'classification.escalated': ClassificationEscalated
  'classification.reply_recorded': ClassificationReplyRecorded
  'classification.change_proposed': ClassificationChangeProposed
  'classification.reviewed_periodic': ClassificationReviewedPeriodic
  'classification.classifier_filed': ClassificationClassifierFiled
}

function def<P>(schema: z.ZodType<P>, roles: readonly Role[]): EventDefinition<P> {
  return { schema, roles }
}

/** Schemas and signing roles (ARCHITECTURE decision 3). The officer records on behalf of the 承办人. */
export const CLASSIFICATION_EVENTS = {
  'classification.proposed': def(classificationProposedSchema, [Role.Officer]),
  'classification.reviewed': def(classificationReviewedSchema, [Role.Classifier]),
  'classification.approved': def(classificationApprovedSchema, [Role.Leader]),
  'classification.escalated': def(classificationEscalatedSchema, [Role.Officer]),
  'classification.reply_recorded': def(classificationReplyRecordedSchema, [Role.Officer]),
  'classification.change_proposed': def(classificationChangeProposedSchema, [Role.Officer]),
  'classification.reviewed_periodic': def(classificationReviewedPeriodicSchema, [Role.Classifier]),
  'classification.classifier_filed': def(classificationClassifierFiledSchema, [Role.Leader]),
} as const satisfies { [K in ClassificationEventType]: EventDefinition<ClassificationEventPayloads[K]> }

export function isClassificationEventType(type: string): type is ClassificationEventType {
  return Object.hasOwn(CLASSIFICATION_EVENTS, type)
}
