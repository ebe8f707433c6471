import { z } from 'zod'
import type { EventDefinition } from '../../core/register-slice.ts'
import { Role } from '../../core/roles.ts'
import {
  ORGANISATION_EVENTS,
  type OrganisationEventPayloads,
  type OrganisationEventType,
} from './organisation-events.ts'

/**
 * Events of the responsibility books (保密工作责任书, rules B-01..B-03). The county publishes templates
 * in its own doc; a township records the version it uses (adoption, hash-checked) so that its fold
 * never depends on another doc. Books are drafted with a content hash and signed online by both parties.
 */
export const ResponsibilityEventType = {
  TemplatePublished: 'responsibility.template_published',
  TemplateAdopted: 'responsibility.template_adopted',
  BookDrafted: 'responsibility.book_drafted',
  BookSigned: 'responsibility.book_signed',
} as const
export type ResponsibilityEventType = (typeof ResponsibilityEventType)[keyof typeof ResponsibilityEventType]

const entityId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/)
const clause = z.string().min(1).max(500)
const clauses = z.array(clause).min(1).max(50)
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/)
const year = z.number().int().min(2000).max(2100)

/** rule B-03: the template's content: goals, duties, rewards and penalties (目标, 职责, 奖惩). */
export const responsibilityTemplateContentSchema = z.strictObject({
  templateId: entityId,
  version: z.number().int().min(1),
  title: z.string().min(1).max(200),
  goals: clauses,
  duties: clauses,
  rewards: clauses,
  penalties: clauses,
})
export type ResponsibilityTemplateContent = z.infer<typeof responsibilityTemplateContentSchema>

/** rule B-03: the county publishes a template version (county doc). */
export const responsibilityTemplatePublishedSchema = responsibilityTemplateContentSchema
export type ResponsibilityTemplatePublished = z.infer<typeof responsibilityTemplatePublishedSchema>

/** rule B-03: the unit records the county's version it uses, with its hash (a copy that was altered is refused). */
export const responsibilityTemplateAdoptedSchema = z.strictObject({
  template: responsibilityTemplateContentSchema,
  contentHash: sha256Hex,
})
export type ResponsibilityTemplateAdopted = z.infer<typeof responsibilityTemplateAdoptedSchema>

/** rule B-01: a book for one department and year, naming both signers, on one template version. */
export const responsibilityBookDraftedSchema = z.strictObject({
  bookId: entityId,
  year,
  departmentId: entityId,
  templateId: entityId,
  templateVersion: z.number().int().min(1),
  /** The unit's first responsible person (第一责任人). */
  unitSignerId: entityId,
  /** The department's responsible person (科室负责人). */
  departmentSignerId: entityId,
  /** `bookContentHash` of the fields above and the template's hash. */
  contentHash: sha256Hex,
})
export type ResponsibilityBookDrafted = z.infer<typeof responsibilityBookDraftedSchema>

/** rule B-01: one party's online signature (the event's own signature is the signing act). */
export const responsibilityBookSignedSchema = z.strictObject({ bookId: entityId, contentHash: sha256Hex })
export type ResponsibilityBookSigned = z.infer<typeof responsibilityBookSignedSchema>

export interface ResponsibilityEventPayloads extends OrganisationEventPayloads {
  'responsibility.template_published': ResponsibilityTemplatePublished
  'responsibility.template_adopted': ResponsibilityTemplateAdopted
  'responsibility.book_drafted': ResponsibilityBookDrafted
  'responsibility.book_signed': ResponsibilityBookSigned
}
export type ResponsibilitySliceEventType = ResponsibilityEventType | OrganisationEventType

function def<P>(schema: z.ZodType<P>, roles: readonly Role[]): EventDefinition<P> {
  return { schema, roles }
}

/**
 * Signing roles. Any member may sign a book: department heads are often plain staff; the rule that
 * only the named signer signs is a block rule of the slice (B-01).
 */
export const RESPONSIBILITY_EVENTS = {
  ...ORGANISATION_EVENTS,
  'responsibility.template_published': def(responsibilityTemplatePublishedSchema, [Role.County]),
  'responsibility.template_adopted': def(responsibilityTemplateAdoptedSchema, [Role.Officer]),
  'responsibility.book_drafted': def(responsibilityBookDraftedSchema, [Role.Officer]),
  'responsibility.book_signed': def(responsibilityBookSignedSchema, [
    Role.Leader,
    Role.Officer,
    Role.Classifier,
    Role.Staff,
  ]),
} as const satisfies {
  [K in ResponsibilitySliceEventType]: EventDefinition<ResponsibilityEventPayloads[K]>
}

export function isResponsibilityEventType(type: string): type is ResponsibilitySliceEventType {
  return Object.hasOwn(RESPONSIBILITY_EVENTS, type)
}
