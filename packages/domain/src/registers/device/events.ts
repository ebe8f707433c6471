import { z } from 'zod'
import { Level } from '../../core/levels.ts'
import type { EventDefinition } from '../../core/register-slice.ts'
import { Role } from '../../core/roles.ts'

/**
 * Events of the computer, medium and office-device register (计算机及移动存储介质台账, rules M-01..M-11)
 * and of the users' responsibility books (rule B-05). Strict objects, metadata only (rule S-01):
 * numbers, classes, levels, persons and references, never content.
 */
export const DeviceEventType = {
  UserBookSigned: 'device.user_book_signed',
  Registered: 'device.registered',
  Assigned: 'device.assigned',
  NetworkConnected: 'device.network_connected',
  ConnectionReported: 'device.connection_reported',
  MediumBound: 'device.medium_bound',
  MediumUsed: 'device.medium_used',
  MediumUseReported: 'device.medium_use_reported',
  ClassifiedFileStored: 'device.classified_file_stored',
  Reclassified: 'device.reclassified',
  ReuseApproved: 'device.reuse_approved',
  Sanitized: 'device.sanitized',
  Reused: 'device.reused',
  UseApproved: 'device.use_approved',
  Used: 'device.used',
  RepairApproved: 'device.repair_approved',
  RepairStarted: 'device.repair_started',
  RepairReturned: 'device.repair_returned',
  SecurityChecked: 'device.security_checked',
  DisposalApproved: 'device.disposal_approved',
  Disposed: 'device.disposed',
  ConfigChanged: 'device.config_changed',
  NetworkApproved: 'device.network_approved',
  FiledWithBureau: 'device.filed_with_bureau',
  CheckRecorded: 'device.check_recorded',
  AnomalyResolved: 'device.anomaly_resolved',
} as const
export type DeviceEventType = (typeof DeviceEventType)[keyof typeof DeviceEventType]

const entityId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/)
const shortText = z.string().max(200)
const ref = shortText.min(1)
const ms = z.number().int().nonnegative()
const levelSchema = z.enum([
  Level.TopSecret,
  Level.Secret,
  Level.Confidential,
  Level.WorkSecret,
  Level.Internal,
  Level.Public,
])

export const DeviceKind = {
  Computer: 'computer',
  Medium: 'medium',
  OfficeDevice: 'office_device',
  Phone: 'phone',
  Network: 'network',
} as const
export type DeviceKind = (typeof DeviceKind)[keyof typeof DeviceKind]

const kindSchema = z.enum(['computer', 'medium', 'office_device', 'phone', 'network'])
/** internet and public: 公共信息网络; internal: a non-classified office network; classified: a 涉密网络. */
const networkSchema = z.enum(['internet', 'public', 'internal', 'classified'])
export type NetworkClass = z.infer<typeof networkSchema>

/**
 * rule B-05: the user's responsibility book, signed by the leader (the actor) with the user. The
 * 主要领导 (M-05) and the 单位责任领导 (B-05) are whoever holds that post in the organisation register
 * (B-04) at the event's time; the register keeps no designation of its own.
 */
export const deviceUserBookSignedSchema = z.strictObject({ bookId: entityId, user: entityId })

/**
 * rules M-01, M-07, M-08: registration with its number (编号) and responsible person (责任人, the
 * keeper of an office device, the owner of a phone). `level` is the highest level it may hold (classified
 * devices) or null. May be empty in the schema so the refusal names the rule (M-01 / M-07 / M-08).
 */
export const deviceRegisteredSchema = z.strictObject({
  deviceId: entityId,
  number: shortText.min(1),
  kind: kindSchema,
  classified: z.boolean(),
  level: levelSchema.nullable(),
  responsible: z.union([entityId, z.literal('')]),
  model: shortText.optional(),
})

/** rules M-01, B-05: a new responsible person. */
export const deviceAssignedSchema = z.strictObject({
  deviceId: entityId,
  responsible: z.union([entityId, z.literal('')]),
})

/** rules M-02, M-11: a computer connected to a network; a 涉密网络 is named by its device id. */
export const deviceNetworkConnectedSchema = z.strictObject({
  deviceId: entityId,
  network: networkSchema,
  networkId: entityId.optional(),
})

/** rule M-02: a connection found (inspection, self-check), reported after the fact. */
export const deviceConnectionReportedSchema = z.strictObject({ deviceId: entityId, network: networkSchema })

/** rule M-03: a classified medium bound to a named classified computer. */
export const deviceMediumBoundSchema = z.strictObject({ mediumId: entityId, computerId: entityId })

/** rule M-03: a medium used on a computer (recorded before use, the UI asks first). */
export const deviceMediumUsedSchema = z.strictObject({ mediumId: entityId, computerId: entityId })

/** rule M-03: a use found after the fact. */
export const deviceMediumUseReportedSchema = z.strictObject({ mediumId: entityId, computerId: entityId })

/** rule M-09: the device stored a classified file of `level`. */
export const deviceClassifiedFileStoredSchema = z.strictObject({ deviceId: entityId, level: levelSchema })

/** rule M-09: a change of class or level; never back to non-classified use. */
export const deviceReclassifiedSchema = z.strictObject({
  deviceId: entityId,
  classified: z.boolean(),
  level: levelSchema.nullable(),
})

/** rule M-09: the office head's approval to put a classified device to another use. */
export const deviceReuseApprovedSchema = z.strictObject({ deviceId: entityId, purpose: ref })

/** rule M-09: technical sanitization (保密技术处理) by qualified staff `by`. */
export const deviceSanitizedSchema = z.strictObject({ deviceId: entityId, by: ref })

/** rule M-09: the reuse itself, against the approval; the device stays classified. */
export const deviceReusedSchema = z.strictObject({
  deviceId: entityId,
  approvalId: entityId,
  responsible: entityId,
})

/** rule M-10: the office's approval for `user` to use a classified computer until `untilMs`. */
export const deviceUseApprovedSchema = z.strictObject({ deviceId: entityId, user: entityId, untilMs: ms })

/** rule M-10: an entry of the computer's use log. */
export const deviceUsedSchema = z.strictObject({
  deviceId: entityId,
  user: entityId,
  approvalId: entityId.optional(),
})

/** rule M-04: a leader approves a repair. */
export const deviceRepairApprovedSchema = z.strictObject({ deviceId: entityId })

/** rule M-04: the repair starts, at a designated site (定点维修) or on site under supervision. */
export const deviceRepairStartedSchema = z.strictObject({
  deviceId: entityId,
  approvalId: entityId.optional(),
  site: z.enum(['designated', 'on_site']),
  repairer: ref,
  supervisor: ref.optional(),
  diskRemoved: z.boolean(),
})

export const deviceRepairReturnedSchema = z.strictObject({ deviceId: entityId })

/** rule M-04: the security check after a repair. */
export const deviceSecurityCheckedSchema = z.strictObject({ deviceId: entityId, passed: z.boolean() })

/** rule M-05: approval of a replacement (any leader) or a scrap (the main leader). */
export const deviceDisposalApprovedSchema = z.strictObject({
  deviceId: entityId,
  disposal: z.enum(['replace', 'scrap']),
})

/**
 * rule M-05: the replacement or scrap. `diskTo` names where the removed disk went; 'sold' and
 * 'unclassified_use' exist so the refusal is explicit (never sold, never on a non-classified computer).
 */
export const deviceDisposedSchema = z.strictObject({
  deviceId: entityId,
  approvalId: entityId.optional(),
  disposal: z.enum(['replace', 'scrap']),
  diskRemoved: z.boolean(),
  diskTo: z.enum(['bureau', 'kept_classified', 'sold', 'unclassified_use']),
  diskReceipt: ref.optional(),
})

/** rule M-11: a configuration change; a 涉密网络 needs the bureau's prior consent. */
export const deviceConfigChangedSchema = z.strictObject({
  deviceId: entityId,
  changeId: entityId,
  bureauConsentRef: ref.optional(),
})

/** rule M-11: the bureau's on-site test and approval of a 涉密网络. */
export const deviceNetworkApprovedSchema = z.strictObject({ deviceId: entityId, testRef: ref })

/** rules M-05, M-11: a filing with the secrecy bureau (备案) of a disposal, repair or config change. */
export const deviceFiledWithBureauSchema = z.strictObject({
  deviceId: entityId,
  subject: z.enum(['disposal', 'repair', 'config']),
  /** The `device.disposed` / `device.repair_started` event id, or the config change's changeId. */
  refId: entityId,
  filingRef: ref,
})

/** rules M-06, M-08: a recorded check item; a failed one opens an anomaly. */
export const deviceCheckRecordedSchema = z.strictObject({
  checkId: entityId,
  item: z.enum(['software', 'phones_excluded']),
  deviceId: entityId.nullable(),
  passed: z.boolean(),
})

export const deviceAnomalyResolvedSchema = z.strictObject({ anomalyId: entityId, note: shortText.min(1) })

export interface DeviceEventPayloads {
  'device.user_book_signed': z.infer<typeof deviceUserBookSignedSchema>
  'device.registered': z.infer<typeof deviceRegisteredSchema>
  'device.assigned': z.infer<typeof deviceAssignedSchema>
  'device.network_connected': z.infer<typeof deviceNetworkConnectedSchema>
  'device.connection_reported': z.infer<typeof deviceConnectionReportedSchema>
  'device.medium_bound': z.infer<typeof deviceMediumBoundSchema>
  'device.medium_used': z.infer<typeof deviceMediumUsedSchema>
  'device.medium_use_reported': z.infer<typeof deviceMediumUseReportedSchema>
  'device.classified_file_stored': z.infer<typeof deviceClassifiedFileStoredSchema>
  'device.reclassified': z.infer<typeof deviceReclassifiedSchema>
  'device.reuse_approved': z.infer<typeof deviceReuseApprovedSchema>
  'device.sanitized': z.infer<typeof deviceSanitizedSchema>
  'device.reused': z.infer<typeof deviceReusedSchema>
  'device.use_approved': z.infer<typeof deviceUseApprovedSchema>
  'device.used': z.infer<typeof deviceUsedSchema>
  'device.repair_approved': z.infer<typeof deviceRepairApprovedSchema>
  'device.repair_started': z.infer<typeof deviceRepairStartedSchema>
  'device.repair_returned': z.infer<typeof deviceRepairReturnedSchema>
  'device.security_checked': z.infer<typeof deviceSecurityCheckedSchema>
  'device.disposal_approved': z.infer<typeof deviceDisposalApprovedSchema>
  'device.disposed': z.infer<typeof deviceDisposedSchema>
  'device.config_changed': z.infer<typeof deviceConfigChangedSchema>
  'device.network_approved': z.infer<typeof deviceNetworkApprovedSchema>
  'device.filed_with_bureau': z.infer<typeof deviceFiledWithBureauSchema>
  'device.check_recorded': z.infer<typeof deviceCheckRecordedSchema>
  'device.anomaly_resolved': z.infer<typeof deviceAnomalyResolvedSchema>
}

function def<P>(schema: z.ZodType<P>, roles: readonly Role[]): EventDefinition<P> {
  return { schema, roles }
}

const officer = [Role.Officer] as const
const leader = [Role.Leader] as const

/**
 * Schemas and signing roles: the officer keeps the register; approvals and books are signed by a
 * leader. The post an approval needs (M-05 主要领导, M-09 办公室主任, M-10 经办公室批准, B-05 单位责任领导)
 * is read from the organisation register (B-04) when the event is checked, never from the payload.
 */
export const deviceEvents = {
  'device.user_book_signed': def(deviceUserBookSignedSchema, leader),
  'device.registered': def(deviceRegisteredSchema, officer),
  'device.assigned': def(deviceAssignedSchema, officer),
  'device.network_connected': def(deviceNetworkConnectedSchema, officer),
  'device.connection_reported': def(deviceConnectionReportedSchema, officer),
  'device.medium_bound': def(deviceMediumBoundSchema, officer),
  'device.medium_used': def(deviceMediumUsedSchema, officer),
  'device.medium_use_reported': def(deviceMediumUseReportedSchema, officer),
  'device.classified_file_stored': def(deviceClassifiedFileStoredSchema, officer),
  'device.reclassified': def(deviceReclassifiedSchema, officer),
  'device.reuse_approved': def(deviceReuseApprovedSchema, leader),
  'device.sanitized': def(deviceSanitizedSchema, officer),
  'device.reused': def(deviceReusedSchema, officer),
  'device.use_approved': def(deviceUseApprovedSchema, leader),
  'device.used': def(deviceUsedSchema, officer),
  'device.repair_approved': def(deviceRepairApprovedSchema, leader),
  'device.repair_started': def(deviceRepairStartedSchema, officer),
  'device.repair_returned': def(deviceRepairReturnedSchema, officer),
  'device.security_checked': def(deviceSecurityCheckedSchema, officer),
  'device.disposal_approved': def(deviceDisposalApprovedSchema, leader),
  'device.disposed': def(deviceDisposedSchema, officer),
  'device.config_changed': def(deviceConfigChangedSchema, officer),
  'device.network_approved': def(deviceNetworkApprovedSchema, officer),
  'device.filed_with_bureau': def(deviceFiledWithBureauSchema, officer),
  'device.check_recorded': def(deviceCheckRecordedSchema, officer),
  'device.anomaly_resolved': def(deviceAnomalyResolvedSchema, officer),
} as const satisfies Record<DeviceEventType, EventDefinition>

export function isDeviceEventType(type: string): type is DeviceEventType {
  return Object.hasOwn(deviceEvents, type)
}
