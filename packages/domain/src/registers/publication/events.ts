import { z } from 'zod'
import { Level } from '../../core/levels.ts'
import type { EventDefinition } from '../../core/register-slice.ts'
import { Role } from '../../core/roles.ts'

/**
 * Events of the publication review register (信息公开保密审查, rules R-01..R-06). Metadata only
 * (rule S-01): the item's title, channel and scope, never the text that is published; free text
 * (reasons, notes) is screened for markings before saving (rule S-03, outside this slice).
 */
export const PublicationEventType = {
  ReviewerDesignated: 'publication.reviewer_designated',
  ReviewerRevoked: 'publication.reviewer_revoked',
  Submitted: 'publication.submitted',
  Reviewed: 'publication.reviewed',
  Escalated: 'publication.escalated',
  BureauReplied: 'publication.bureau_replied',
  Published: 'publication.published',
  WithholdingProposed: 'publication.withholding_proposed',
  WithholdingConfirmed: 'publication.withholding_confirmed',
  LeakFound: 'publication.leak_found',
  LeakTakenDown: 'publication.leak_taken_down',
  LeakTraced: 'publication.leak_traced',
  LeakReported: 'publication.leak_reported',
  LeakClosed: 'publication.leak_closed',
} as const
export type PublicationEventType = (typeof PublicationEventType)[keyof typeof PublicationEventType]

/** Designated reviewing posts: the 科室负责人 (first review, R-02) and the 保密审查责任人. */
export const ReviewerPost = { SectionHead: 'section_head', ReviewOfficer: 'review_officer' } as const
export type ReviewerPost = (typeof ReviewerPost)[keyof typeof ReviewerPost]

/** The capacity a review is signed in (rule R-02): first step, then the two of the second step. */
export const ReviewCapacity = {
  SectionHead: 'section_head',
  ResponsibleLeader: 'responsible_leader',
  Classifier: 'classifier',
} as const
export type ReviewCapacity = (typeof ReviewCapacity)[keyof typeof ReviewCapacity]

const entityId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/)
const shortText = z.string().max(200)
const note = z.string().max(500)
const ms = z.number().int().nonnegative()

export const publicationReviewerDesignatedSchema = z.strictObject({
  userId: entityId,
  post: z.enum([ReviewerPost.SectionHead, ReviewerPost.ReviewOfficer]),
})
export type PublicationReviewerDesignated = z.infer<typeof publicationReviewerDesignatedSchema>

export const publicationReviewerRevokedSchema = publicationReviewerDesignatedSchema
export type PublicationReviewerRevoked = z.infer<typeof publicationReviewerRevokedSchema>

/** rule R-01: an item put up for review before publication; the submitter is its publisher (谁发布谁负责). */
export const publicationSubmittedSchema = z.strictObject({
  itemId: entityId,
  title: shortText.min(1),
  /** Where it goes: 门户网站, 政务微信公众号, 公示栏… */
  channel: shortText.min(1),
  /** To whom: 社会公开, 系统内部… */
  scope: shortText.min(1),
})
export type PublicationSubmitted = z.infer<typeof publicationSubmittedSchema>

/** rule R-02: one review step, in one capacity. */
export const publicationReviewedSchema = z.strictObject({
  itemId: entityId,
  capacity: z.enum([ReviewCapacity.SectionHead, ReviewCapacity.ResponsibleLeader, ReviewCapacity.Classifier]),
  decision: z.enum(['pass', 'return']),
  note: note.optional(),
})
export type PublicationReviewed = z.infer<typeof publicationReviewedSchema>

/** rule R-04: an unclear item goes to the secrecy bureau. */
export const publicationEscalatedSchema = z.strictObject({
  itemId: entityId,
  bureau: shortText.min(1),
  note: note.optional(),
})
export type PublicationEscalated = z.infer<typeof publicationEscalatedSchema>

/** rule R-04: the bureau's recorded reply decides the escalated item. */
export const publicationBureauRepliedSchema = z.strictObject({
  itemId: entityId,
  decision: z.enum(['publish', 'not_publish']),
  replyRef: shortText.min(1),
})
export type PublicationBureauReplied = z.infer<typeof publicationBureauRepliedSchema>

/** rules: the publication, registered with time, channel and scope (publisher = actor). */
export const publicationPublishedSchema = z.strictObject({
  itemId: entityId,
  publishedAt: ms,
  channel: shortText.min(1),
  scope: shortText.min(1),
})
export type PublicationPublished = z.infer<typeof publicationPublishedSchema>

/** rule R-05: 免于公开 (exempt) or 暂不公开 (deferred), with the stated reason. */
export const publicationWithholdingProposedSchema = z.strictObject({
  itemId: entityId,
  kind: z.enum(['exempt', 'deferred']),
  reason: note.min(1),
})
export type PublicationWithholdingProposed = z.infer<typeof publicationWithholdingProposedSchema>

/** rule R-05: one of the two confirmations (审核确认). */
export const publicationWithholdingConfirmedSchema = z.strictObject({
  itemId: entityId,
  capacity: z.enum([ReviewerPost.ReviewOfficer, ReviewCapacity.ResponsibleLeader]),
})
export type PublicationWithholdingConfirmed = z.infer<typeof publicationWithholdingConfirmedSchema>

/** rule R-06: classified content found online. `location` is where (site, page id), never the content. */
export const publicationLeakFoundSchema = z.strictObject({
  incidentId: entityId,
  foundAt: ms,
  location: shortText.min(1),
  level: z.enum([Level.TopSecret, Level.Secret, Level.Confidential, Level.WorkSecret]),
  /** The registered item it came from, when known. */
  itemId: entityId.optional(),
})
export type PublicationLeakFound = z.infer<typeof publicationLeakFoundSchema>

const incidentRef = z.strictObject({ incidentId: entityId })
export const publicationLeakTakenDownSchema = incidentRef
export type PublicationLeakTakenDown = z.infer<typeof publicationLeakTakenDownSchema>
export const publicationLeakTracedSchema = z.strictObject({ incidentId: entityId, note: note.min(1) })
export type PublicationLeakTraced = z.infer<typeof publicationLeakTracedSchema>
export const publicationLeakReportedSchema = z.strictObject({
  incidentId: entityId,
  reportRef: shortText.min(1),
})
export type PublicationLeakReported = z.infer<typeof publicationLeakReportedSchema>
export const publicationLeakClosedSchema = z.strictObject({ incidentId: entityId, note: note.min(1) })
export type PublicationLeakClosed = z.infer<typeof publicationLeakClosedSchema>

export interface PublicationEventPayloads {
  'publication.reviewer_designated': PublicationReviewerDesignated
  'publication.reviewer_revoked': PublicationReviewerRevoked
  'publication.submitted': PublicationSubmitted
  'publication.reviewed': PublicationReviewed
  'publication.escalated': PublicationEscalated
  'publication.bureau_replied': PublicationBureauReplied
  'publication.published': PublicationPublished
  'publication.withholding_proposed': PublicationWithholdingProposed
  'publication.withholding_confirmed': PublicationWithholdingConfirmed
  'publication.leak_found': PublicationLeakFound
  'publication.leak_taken_down': PublicationLeakTakenDown
  'publication.leak_traced': PublicationLeakTraced
  'publication.leak_reported': PublicationLeakReported
  'publication.leak_closed': PublicationLeakClosed
}

function def<P>(schema: z.ZodType<P>, roles: readonly Role[]): EventDefinition<P> {
  return { schema, roles }
}

const MEMBERS = [Role.Officer, Role.Leader, Role.Classifier, Role.Staff] as const
const KEEPERS = [Role.Officer, Role.Leader] as const

/**
 * Signing roles. Any member may submit and publish (the publisher answers for it); section heads are
 * often staff, so a review is open to members and checked against the designation (section head,
 * 保密审查责任人) or the post in the organisation register (分管领导, 定密责任人, B-04).
 */
export const PUBLICATION_EVENTS = {
  'publication.reviewer_designated': def(publicationReviewerDesignatedSchema, [Role.Leader]),
  'publication.reviewer_revoked': def(publicationReviewerRevokedSchema, [Role.Leader]),
  'publication.submitted': def(publicationSubmittedSchema, MEMBERS),
  'publication.reviewed': def(publicationReviewedSchema, MEMBERS),
  'publication.escalated': def(publicationEscalatedSchema, [Role.Officer, Role.Leader, Role.Classifier]),
  'publication.bureau_replied': def(publicationBureauRepliedSchema, KEEPERS),
  'publication.published': def(publicationPublishedSchema, MEMBERS),
  'publication.withholding_proposed': def(publicationWithholdingProposedSchema, MEMBERS),
  'publication.withholding_confirmed': def(publicationWithholdingConfirmedSchema, MEMBERS),
  'publication.leak_found': def(publicationLeakFoundSchema, MEMBERS),
  'publication.leak_taken_down': def(publicationLeakTakenDownSchema, KEEPERS),
  'publication.leak_traced': def(publicationLeakTracedSchema, KEEPERS),
  'publication.leak_reported': def(publicationLeakReportedSchema, KEEPERS),
  'publication.leak_closed': def(publicationLeakClosedSchema, KEEPERS),
} as const satisfies { [K in PublicationEventType]: EventDefinition<PublicationEventPayloads[K]> }

export function isPublicationEventType(type: string): type is PublicationEventType {
  return Object.hasOwn(PUBLICATION_EVENTS, type)
}
