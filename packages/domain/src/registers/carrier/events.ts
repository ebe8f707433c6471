import { z } from 'zod'
import type { EventEnvelope } from '../../core/event-envelope.ts'
import { Level } from '../../core/levels.ts'
import { Role } from '../../core/roles.ts'

/**
 * Events of the carrier register (涉密载体台账) and their payload schemas.
 * Every object is strict: a payload carrying anything beyond its schema is refused (rule S-01:
 * registers hold metadata only, so an extra field could smuggle body text onto the server).
 */
export const CarrierEventType = {
  Registered: 'carrier.registered',
  HandedOut: 'carrier.handed_out',
  TakenBack: 'carrier.taken_back',
  Copied: 'carrier.copied',
  ApprovalGranted: 'approval.granted',
  Destroyed: 'carrier.destroyed',
  AnomalyResolved: 'anomaly.resolved',
} as const
export type CarrierEventType = (typeof CarrierEventType)[keyof typeof CarrierEventType]

/** rule S-01: a title is a label, not content. */
export const MAX_TITLE_LENGTH = 200
const MAX_TEXT = 200
const MAX_NOTE = 500
const MAX_LIST = 500

const ID = /^[A-Za-z0-9_.:-]{1,64}$/

const entityId = z.string().regex(ID)
// An event id is looked up, never stored on its own: a wrong one simply matches nothing. It has an id's
// form, so rule S-03 does not take it for free text (every take-back would be screened for its id).
const eventId = z.string().regex(ID)
const shortText = z.string().max(MAX_TEXT)
const levelSchema = z.enum([
  Level.TopSecret,
  Level.Secret,
  Level.Confidential,
  Level.WorkSecret,
  Level.Internal,
  Level.Public,
])
const copySchema = z.strictObject({
  id: entityId,
  copyNumber: z.number().int().nullable(),
})

/** rule C-01: what a registration records. `serial` is `YYYY-NNNN` (year, then the unit's sequence). */
export const carrierRegisteredSchema = z.strictObject({
  kind: z.enum(['paper', 'electronic', 'medium']),
  direction: z.enum(['received', 'produced']),
  issuer: shortText.min(1),
  docNumber: shortText,
  title: z.string().max(MAX_TITLE_LENGTH),
  level: levelSchema,
  periodYears: z.number().int().nullable(),
  scope: z.string().max(MAX_NOTE),
  serial: z.string().regex(/^\d{4}-\d{1,8}$/),
  receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  copies: z.array(copySchema).min(1).max(MAX_LIST),
  /** rule C-18: an unclassified document of the 中共中央, kept as classified (作密件保管). */
  centralUnclassified: z.boolean().optional(),
})
export type CarrierRegistered = z.infer<typeof carrierRegisteredSchema>

/**
 * 补录 (a late entry, issue 11 item 4): when a hand-out or return happened, where it is recorded later
 * (the event's own time stays when it was recorded). Deadlines and overnight absence are judged on it.
 */
const happenedAt = z.number().int().nonnegative().optional()

/** rules C-04, C-05. `dueAt` (ms) only when handed out outside a working day's office hours. */
export const carrierHandedOutSchema = z.strictObject({
  carrierId: entityId,
  reader: shortText.min(1),
  dueAt: z.number().int().nonnegative().optional(),
  happenedAt,
})
export type CarrierHandedOut = z.infer<typeof carrierHandedOutSchema>

export const carrierTakenBackSchema = z.strictObject({
  carrierId: entityId,
  handOutId: eventId,
  happenedAt,
})
export type CarrierTakenBack = z.infer<typeof carrierTakenBackSchema>

/** A calendar day that exists (2026-02-30 is refused, never rolled over to March). */
const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day
  }, '日期不存在')

/**
 * rule C-07: who approved a copy, under which decision, and when. `unit_leader`: this unit's leader
 * (a user id, whose post the organisation register says); otherwise the organ's approver as signed.
 */
export const copyApprovalSchema = z.strictObject({
  authority: z.enum(['originating_authority', 'issuing_organ', 'superior', 'unit_leader']),
  approver: z.string().trim().min(1).max(MAX_TEXT),
  /** The decision or document recording it (批复文号, 审批单号). */
  reference: z.string().trim().min(1).max(MAX_TEXT),
  approvedOn: calendarDay,
})
export type CopyApproval = z.infer<typeof copyApprovalSchema>

/**
 * rule C-07: where the copies were made: the unit's designated office device (M-07, from the device
 * register) or a licensed copying point the county lists. Never a free-text place (a public copy shop).
 */
export const copyPlaceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('unit_device'), deviceId: entityId }),
  z.strictObject({ kind: z.literal('licensed_point'), pointId: entityId }),
])
export type CopyPlace = z.infer<typeof copyPlaceSchema>

/** rule C-07. */
export const carrierCopiedSchema = z.strictObject({
  originalId: entityId,
  copies: z.array(copySchema).min(1).max(MAX_LIST),
  /** Required for 秘密 and above (and C-18 documents); the rules say whose. */
  approval: copyApprovalSchema.optional(),
  /** Required for 秘密 and above (and C-18 documents): where the copies were made. */
  place: copyPlaceSchema.optional(),
})
export type CarrierCopied = z.infer<typeof carrierCopiedSchema>

/** A leader's approval (only subject so far: destruction, rule C-11). */
export const approvalGrantedSchema = z.strictObject({
  subject: z.literal('carrier.destroy'),
  carrierIds: z.array(entityId).min(1).max(MAX_LIST),
  note: z.string().max(MAX_NOTE).optional(),
})
export type ApprovalGranted = z.infer<typeof approvalGrantedSchema>

/** rule C-11. */
export const carrierDestroyedSchema = z.strictObject({
  carrierIds: z.array(entityId).min(1).max(MAX_LIST),
  approvalId: eventId,
  method: z.enum(['central', 'in_house']),
  destroyer: shortText.optional(),
  supervisors: z.array(shortText).max(20).optional(),
  receiptNumber: shortText.optional(),
})
export type CarrierDestroyed = z.infer<typeof carrierDestroyedSchema>

export const anomalyResolvedSchema = z.strictObject({
  anomalyId: z.string().min(1).max(MAX_TEXT),
  note: z.string().max(MAX_NOTE),
})
export type AnomalyResolved = z.infer<typeof anomalyResolvedSchema>

export const carrierEventSchemas = {
  'carrier.registered': carrierRegisteredSchema,
  'carrier.handed_out': carrierHandedOutSchema,
  'carrier.taken_back': carrierTakenBackSchema,
  'carrier.copied': carrierCopiedSchema,
  'approval.granted': approvalGrantedSchema,
  'carrier.destroyed': carrierDestroyedSchema,
  'anomaly.resolved': anomalyResolvedSchema,
} as const satisfies Record<CarrierEventType, z.ZodType>

/** Payload type of each event type. */
export interface CarrierEventPayloads {
  'carrier.registered': CarrierRegistered
  'carrier.handed_out': CarrierHandedOut
  'carrier.taken_back': CarrierTakenBack
  'carrier.copied': CarrierCopied
  'approval.granted': ApprovalGranted
  'carrier.destroyed': CarrierDestroyed
  'anomaly.resolved': AnomalyResolved
}

/** A parsed carrier-register event. */
export type CarrierEvent = {
  [T in CarrierEventType]: EventEnvelope<T, CarrierEventPayloads[T]>
}[CarrierEventType]

/** Roles allowed to sign each event type (checked by screenEvent before anything else). */
export const CARRIER_EVENT_ROLES: Readonly<Record<CarrierEventType, readonly Role[]>> = {
  'carrier.registered': [Role.Officer],
  'carrier.handed_out': [Role.Officer],
  'carrier.taken_back': [Role.Officer],
  'carrier.copied': [Role.Officer],
  'approval.granted': [Role.Leader],
  'carrier.destroyed': [Role.Officer],
  'anomaly.resolved': [Role.Officer],
}

const CARRIER_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(carrierEventSchemas))

export function isCarrierEventType(type: string): type is CarrierEventType {
  return CARRIER_EVENT_TYPES.has(type)
}
