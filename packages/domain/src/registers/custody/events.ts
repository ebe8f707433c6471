import { z } from 'zod'
import { Level } from '../../core/levels.ts'
import type { EventDefinition } from '../../core/register-slice.ts'
import { Role } from '../../core/roles.ts'
import { RoutingUrgency } from './policy.ts'

/**
 * Events of the officer's custody duties over carriers: archiving and taking out of the archive (rules
 * C-10, C-21), periodic inventory (C-13), closing a unit (C-17) and the routing of received documents (C-19). Strict objects, metadata
 * only (rule S-01): ids, references, counts and times, never a document's text.
 */
export const CustodyEventType = {
  Archived: 'custody.archived',
  WithdrawalApproved: 'custody.withdrawal_approved',
  Withdrawn: 'custody.withdrawn',
  InventoryOpened: 'custody.inventory_opened',
  InventoryConfirmed: 'custody.inventory_confirmed',
  InventoryMissing: 'custody.inventory_missing',
  InventorySurplus: 'custody.inventory_surplus',
  InventoryClosed: 'custody.inventory_closed',
  AnomalyResolved: 'custody.anomaly_resolved',
  RoutingOpened: 'custody.routing_opened',
  RoutingPresented: 'custody.routing_presented',
  RoutingClosed: 'custody.routing_closed',
  ClosureDeclared: 'custody.unit_closure_declared',
  HandedOver: 'custody.handed_over',
  UnitClosed: 'custody.unit_closed',
} as const
export type CustodyEventType = (typeof CustodyEventType)[keyof typeof CustodyEventType]

const entityId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/)
const shortText = z.string().max(200)
const ref = shortText.min(1)
const note = z.string().min(1).max(500)
const ms = z.number().int().nonnegative()
/** A batch of carriers, each named once. */
const carrierIds = z
  .array(entityId)
  .min(1)
  .max(500)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate carrier id' })

/** rule C-10: carriers moved into the archive (立卷归档) under an archive reference (案卷号). */
export const custodyArchivedSchema = z.strictObject({ batchId: entityId, archiveRef: ref, carrierIds })
export type CustodyArchived = z.infer<typeof custodyArchivedSchema>

/**
 * rules C-10, C-21: a leader approves taking archived carriers out of the archive (出档 / 调档) for
 * `requester`; files are not taken out, so the approval states the special case (`reason`).
 */
export const custodyWithdrawalApprovedSchema = z.strictObject({ carrierIds, requester: ref, reason: ref })
export type CustodyWithdrawalApproved = z.infer<typeof custodyWithdrawalApprovedSchema>

/** rules C-10, C-21: the carriers taken out of the archive, back in the officer's custody, against the approval. */
export const custodyWithdrawnSchema = z.strictObject({
  approvalId: entityId,
  carrierIds,
  note: note.optional(),
})
export type CustodyWithdrawn = z.infer<typeof custodyWithdrawnSchema>

/** rule C-13: an inventory (清查) opens; the carriers in custody at this moment are to be confirmed. */
export const custodyInventoryOpenedSchema = z.strictObject({ inventoryId: entityId })
export type CustodyInventoryOpened = z.infer<typeof custodyInventoryOpenedSchema>

/** rule C-13: carriers seen and confirmed present. */
export const custodyInventoryConfirmedSchema = z.strictObject({ inventoryId: entityId, carrierIds })
export type CustodyInventoryConfirmed = z.infer<typeof custodyInventoryConfirmedSchema>

/** rule C-13: a carrier reported missing during the inventory. */
export const custodyInventoryMissingSchema = z.strictObject({
  inventoryId: entityId,
  carrierId: entityId,
  note: note.optional(),
})
export type CustodyInventoryMissing = z.infer<typeof custodyInventoryMissingSchema>

/**
 * rule C-13: an item found at the inventory that the register does not list (物多帐少): recorded as found
 * (metadata only, S-01), an open item until it is registered as a carrier or explained.
 */
export const custodyInventorySurplusSchema = z.strictObject({
  inventoryId: entityId,
  surplusId: entityId,
  docNumber: shortText.optional(),
  level: z
    .enum([Level.TopSecret, Level.Secret, Level.Confidential, Level.WorkSecret, Level.Internal, Level.Public])
    .optional(),
  note: note.optional(),
})
export type CustodyInventorySurplus = z.infer<typeof custodyInventorySurplusSchema>

/** rule C-13: the inventory closes; 帐物相符 is computed and every gap becomes an anomaly. */
export const custodyInventoryClosedSchema = z.strictObject({ inventoryId: entityId, note: note.optional() })
export type CustodyInventoryClosed = z.infer<typeof custodyInventoryClosedSchema>

const anomalyId = z.string().min(1).max(200)

/**
 * rule C-13: an inventory gap resolved: the carrier was found, or it was reported as an incident
 * (rules) under the incident register's reference. A surplus item (物多帐少) is resolved by
 * its registration in the carrier register (`carrierId`) or by an explanation (the note).
 */
export const custodyAnomalyResolvedSchema = z.discriminatedUnion('resolution', [
  z.strictObject({ anomalyId, resolution: z.literal('found'), note }),
  z.strictObject({ anomalyId, resolution: z.literal('incident'), incidentRef: entityId, note }),
  z.strictObject({ anomalyId, resolution: z.literal('registered'), carrierId: entityId, note }),
  z.strictObject({ anomalyId, resolution: z.literal('explained'), note }),
])
export type CustodyAnomalyResolved = z.infer<typeof custodyAnomalyResolvedSchema>

const urgencySchema = z.enum([
  RoutingUrgency.Normal,
  RoutingUrgency.Urgent,
  RoutingUrgency.MeetingNotice,
  RoutingUrgency.TimeCritical,
])

/** rule C-19: a received document gets its routing slip (处理单 / 呈批传阅笺). */
export const custodyRoutingOpenedSchema = z.strictObject({
  routingId: entityId,
  carrierId: entityId,
  /** Number of the slip, unique in the unit. */
  slipNumber: ref,
  urgency: urgencySchema,
  /** Time of receipt; the deadlines run from it. Its local date is the register's date received. */
  receivedAt: ms,
})
export type CustodyRoutingOpened = z.infer<typeof custodyRoutingOpenedSchema>

/**
 * rule C-19: the document presented for 阅批 to `to`, the office head (办公室主任) or a leader: the post is
 * the one `to` holds in the organisation register (rule B-04) at the event's time.
 */
export const custodyRoutingPresentedSchema = z.strictObject({ routingId: entityId, to: entityId })
export type CustodyRoutingPresented = z.infer<typeof custodyRoutingPresentedSchema>

/** rule C-19: circulation finished and the document back with the officer (跟踪督办 ends). */
export const custodyRoutingClosedSchema = z.strictObject({ routingId: entityId, note: note.optional() })
export type CustodyRoutingClosed = z.infer<typeof custodyRoutingClosedSchema>

/** rule C-17: the unit is abolished or merged (撤销/合并) by the decision `decisionRef`. */
export const custodyClosureDeclaredSchema = z.strictObject({
  closureId: entityId,
  kind: z.enum(['abolished', 'merged']),
  decisionRef: ref,
  /** The unit taking over its functions and/or its superior: the only acceptable receivers. */
  receivingUnits: z
    .array(ref)
    .min(1)
    .max(5)
    .refine((u) => new Set(u).size === u.length, { message: 'duplicate unit' }),
})
export type CustodyClosureDeclared = z.infer<typeof custodyClosureDeclaredSchema>

/** rule C-17: one hand-over batch, registered and signed for by the receiving unit (登记、签收). */
export const custodyHandedOverSchema = z
  .strictObject({
    closureId: entityId,
    batchId: entityId,
    receivingUnit: ref,
    /** The receiving unit's signed receipt (签收单). */
    receiptRef: ref,
    carrierIds: z
      .array(entityId)
      .max(500)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'duplicate carrier id' }),
    /** The registers (登记簿 / 台账) go in this batch. */
    registers: z.boolean(),
  })
  .refine((p) => p.carrierIds.length > 0 || p.registers, { message: 'empty hand-over' })
export type CustodyHandedOver = z.infer<typeof custodyHandedOverSchema>

/** rule C-17: the unit is closed; refused while anything is left in custody. */
export const custodyUnitClosedSchema = z.strictObject({ closureId: entityId, note: note.optional() })
export type CustodyUnitClosed = z.infer<typeof custodyUnitClosedSchema>

export interface CustodyEventPayloads {
  'custody.archived': CustodyArchived
  'custody.withdrawal_approved': CustodyWithdrawalApproved
  'custody.withdrawn': CustodyWithdrawn
  'custody.inventory_opened': CustodyInventoryOpened
  'custody.inventory_confirmed': CustodyInventoryConfirmed
  'custody.inventory_missing': CustodyInventoryMissing
  'custody.inventory_surplus': CustodyInventorySurplus
  'custody.inventory_closed': CustodyInventoryClosed
  'custody.anomaly_resolved': CustodyAnomalyResolved
  'custody.routing_opened': CustodyRoutingOpened
  'custody.routing_presented': CustodyRoutingPresented
  'custody.routing_closed': CustodyRoutingClosed
  'custody.unit_closure_declared': CustodyClosureDeclared
  'custody.handed_over': CustodyHandedOver
  'custody.unit_closed': CustodyUnitClosed
}

function def<P>(schema: z.ZodType<P>, roles: readonly Role[]): EventDefinition<P> {
  return { schema, roles }
}

const officer = [Role.Officer] as const
const leader = [Role.Leader] as const

/**
 * Schemas and signing roles. The officer keeps custody and records every step; the unit's leader
 * approves taking carriers out of the archive, declares the closure (on the superior's decision) and
 * signs its end.
 */
export const custodyEvents = {
  'custody.archived': def(custodyArchivedSchema, officer),
  'custody.withdrawal_approved': def(custodyWithdrawalApprovedSchema, leader),
  'custody.withdrawn': def(custodyWithdrawnSchema, officer),
  'custody.inventory_opened': def(custodyInventoryOpenedSchema, officer),
  'custody.inventory_confirmed': def(custodyInventoryConfirmedSchema, officer),
  'custody.inventory_missing': def(custodyInventoryMissingSchema, officer),
  'custody.inventory_surplus': def(custodyInventorySurplusSchema, officer),
  'custody.inventory_closed': def(custodyInventoryClosedSchema, officer),
  'custody.anomaly_resolved': def(custodyAnomalyResolvedSchema, officer),
  'custody.routing_opened': def(custodyRoutingOpenedSchema, officer),
  'custody.routing_presented': def(custodyRoutingPresentedSchema, officer),
  'custody.routing_closed': def(custodyRoutingClosedSchema, officer),
  'custody.unit_closure_declared': def(custodyClosureDeclaredSchema, leader),
  'custody.handed_over': def(custodyHandedOverSchema, officer),
  'custody.unit_closed': def(custodyUnitClosedSchema, leader),
} as const satisfies Record<CustodyEventType, EventDefinition>

export function isCustodyEventType(type: string): type is CustodyEventType {
  return Object.hasOwn(custodyEvents, type)
}
