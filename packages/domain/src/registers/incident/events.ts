import { z } from 'zod'
import { Level } from '../../core/levels.ts'
import type { EventDefinition } from '../../core/register-slice.ts'
import { Role } from '../../core/roles.ts'

/**
 * Events of the incident register (泄密事件, rules) and their payload schemas. Strict
 * objects, metadata only (rule S-01): ids, register numbers, levels, times and reference numbers.
 */
export const IncidentEventType = {
  Opened: 'incident.opened',
  Remedied: 'incident.remedied',
  ReportedToBureau: 'incident.reported_to_bureau',
  InvestigationConcluded: 'incident.investigation_concluded',
  CarrierMissing: 'incident.carrier_missing',
  CarrierFound: 'incident.carrier_found',
} as const
export type IncidentEventType = (typeof IncidentEventType)[keyof typeof IncidentEventType]

const entityId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/)
const shortText = z.string().max(200)
const note = z.string().min(1).max(500)
const ms = z.number().int().nonnegative()

/** rule X-01: a suspected leak or loss, from the moment it was discovered. */
export const incidentOpenedSchema = z.strictObject({
  incidentId: entityId,
  kind: z.enum(['suspected_leak', 'loss']),
  discoveredAt: ms,
  /** rule X-02: the missing item this incident is about, when it comes from one. */
  missingId: entityId.optional(),
  /** Register numbers of the carriers concerned (登记编号 / 份号), never titles. */
  carrierRefs: z.array(shortText.min(1)).max(50),
})
export type IncidentOpened = z.infer<typeof incidentOpenedSchema>

/** rule X-01: a remedial measure taken (补救措施). */
export const incidentRemediedSchema = z.strictObject({ incidentId: entityId, note })
export type IncidentRemedied = z.infer<typeof incidentRemediedSchema>

/** rule X-01: reported to the secrecy bureau; the event's time is the time of the report. */
export const incidentReportedToBureauSchema = z.strictObject({
  incidentId: entityId,
  reportRef: shortText.min(1),
})
export type IncidentReportedToBureau = z.infer<typeof incidentReportedToBureauSchema>

/** rule X-01: the written investigation result (书面查处结果) delivered. */
export const incidentInvestigationConcludedSchema = z.strictObject({
  incidentId: entityId,
  resultRef: shortText.min(1),
  note,
})
export type IncidentInvestigationConcluded = z.infer<typeof incidentInvestigationConcludedSchema>

/** rule X-02: a carrier that reconciliation (or an inspection, or a return) cannot find. */
export const incidentCarrierMissingSchema = z.strictObject({
  missingId: entityId,
  carrierId: entityId,
  itemRef: shortText.min(1),
  level: z.enum([
    Level.TopSecret,
    Level.Secret,
    Level.Confidential,
    Level.WorkSecret,
    Level.Internal,
    Level.Public,
  ]),
  source: z.enum(['reconciliation', 'inspection', 'return']),
  /** The reconciliation, inspection check or return entry that found it missing. */
  sourceRef: entityId,
  noticedAt: ms,
})
export type IncidentCarrierMissing = z.infer<typeof incidentCarrierMissingSchema>

/** rule X-02: the missing carrier found again, with a note on where. */
export const incidentCarrierFoundSchema = z.strictObject({ missingId: entityId, note })
export type IncidentCarrierFound = z.infer<typeof incidentCarrierFoundSchema>

export interface IncidentEventPayloads {
  'incident.opened': IncidentOpened
  'incident.remedied': IncidentRemedied
  'incident.reported_to_bureau': IncidentReportedToBureau
  'incident.investigation_concluded': IncidentInvestigationConcluded
  'incident.carrier_missing': IncidentCarrierMissing
  'incident.carrier_found': IncidentCarrierFound
}

function def<P>(schema: z.ZodType<P>, roles: readonly Role[]): EventDefinition<P> {
  return { schema, roles }
}

/** The officer keeps the register; a leader may open, remedy, report and conclude too. */
export const incidentEvents = {
  'incident.opened': def(incidentOpenedSchema, [Role.Officer, Role.Leader]),
  'incident.remedied': def(incidentRemediedSchema, [Role.Officer, Role.Leader]),
  'incident.reported_to_bureau': def(incidentReportedToBureauSchema, [Role.Officer, Role.Leader]),
  'incident.investigation_concluded': def(incidentInvestigationConcludedSchema, [Role.Officer, Role.Leader]),
  'incident.carrier_missing': def(incidentCarrierMissingSchema, [Role.Officer]),
  'incident.carrier_found': def(incidentCarrierFoundSchema, [Role.Officer]),
} as const satisfies Record<IncidentEventType, EventDefinition>

export function isIncidentEventType(type: string): type is IncidentEventType {
  return Object.hasOwn(incidentEvents, type)
}
