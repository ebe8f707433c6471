import { z } from 'zod'
import { Level } from '../../core/levels.ts'
import type { EventDefinition } from '../../core/register-slice.ts'
import { Role } from '../../core/roles.ts'

/**
 * Events of the outgoing classified documents register (制发三密文件登记, rules C-09, C-14, C-15, C-20)
 * and their payload schemas. Strict objects, metadata only (rule S-01): ids, document and copy numbers,
 * counts, units, persons, dates and references, short notes; never a title or a document body.
 */
export const OutgoingEventType = {
  Approved: 'outgoing.approved',
  Issued: 'outgoing.issued',
  Printed: 'outgoing.printed',
  MaterialLocked: 'outgoing.material_locked',
  MaterialKept: 'outgoing.material_kept',
  MaterialDestroyed: 'outgoing.material_destroyed',
  Sent: 'outgoing.sent',
  ArchivedHere: 'outgoing.archived_here',
  RecipientArchiveFiled: 'outgoing.recipient_archive_filed',
  CopiesRecovered: 'outgoing.copies_recovered',
  Reconciled: 'outgoing.reconciled',
  ReturnFiled: 'outgoing.return_filed',
  MeetingHandedOut: 'outgoing.meeting_handed_out',
  MeetingCollected: 'outgoing.meeting_collected',
  ReturnScheduled: 'outgoing.return_scheduled',
  ReturnedToIssuer: 'outgoing.returned_to_issuer',
  AnomalyResolved: 'outgoing.anomaly_resolved',
} as const
export type OutgoingEventType = (typeof OutgoingEventType)[keyof typeof OutgoingEventType]

const entityId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/)
/** `<kind>:<event id>`; event ids are 64 hex digits in the log. */
const anomalyId = z.string().regex(/^[a-z_]{1,32}:[A-Za-z0-9_.:-]{1,64}$/)
const shortText = z.string().max(200)
const ref = shortText.min(1)
const note = z.string().min(1).max(500)
const ms = z.number().int().nonnegative()
const count = z.number().int().nonnegative().max(100_000)
const copyNumber = z.number().int().min(1).max(9999)
const copyNumbers = z.array(copyNumber).min(1).max(1000)
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
/** 三密 only: this register holds outgoing state secrets. */
const stateSecretLevel = z.enum([Level.TopSecret, Level.Secret, Level.Confidential])

/** Intermediate material of classified printing (rule C-20); spoiled copies (残次品) are counted by the job. */
export const MaterialKind = {
  Draft: 'draft',
  Revision: 'revision',
  SignedDraft: 'signed_draft',
  Proof: 'proof',
  Stencil: 'stencil',
  WastePage: 'waste_page',
  Defective: 'defective',
} as const
export type MaterialKind = (typeof MaterialKind)[keyof typeof MaterialKind]
const listedMaterialKind = z.enum(['draft', 'revision', 'signed_draft', 'proof', 'stencil', 'waste_page'])
const materialKind = z.enum([
  'draft',
  'revision',
  'signed_draft',
  'proof',
  'stencil',
  'waste_page',
  'defective',
])

/** rule C-15: 机要交通 and a designated person are the allowed channels; the others exist to be refused. */
export const SendChannel = {
  ConfidentialCourier: 'confidential_courier',
  DesignatedPerson: 'designated_person',
  OrdinaryPost: 'ordinary_post',
  RegisteredPost: 'registered_post',
  ExchangeStation: 'exchange_station',
  Entrusted: 'entrusted',
  PublicFax: 'public_fax',
  Internet: 'internet',
} as const
export type SendChannel = (typeof SendChannel)[keyof typeof SendChannel]
const channelSchema = z.enum([
  'confidential_courier',
  'designated_person',
  'ordinary_post',
  'registered_post',
  'exchange_station',
  'entrusted',
  'public_fax',
  'internet',
])

/**
 * rule C-15: a leader signs the document out (签发) with the approved number of copies and the
 * distribution (分发范围). `local`: a recipient in the same city (市内), who signs on receipt. The
 * signer's post is read from the organisation register (B-04), never claimed here.
 */
export const outgoingApprovedSchema = z.strictObject({
  approvalId: entityId,
  docId: entityId,
  copies: z.number().int().min(1).max(9999),
  recipients: z.array(z.strictObject({ recipientId: entityId, unitName: ref, local: z.boolean() })).max(200),
})

/** rule C-15: the document entered in the 发文登记 with its 发文顺序号 (`YYYY-NNNN`), against the approval. */
export const outgoingIssuedSchema = z.strictObject({
  docId: entityId,
  approvalId: entityId,
  sequenceNo: z.string().regex(/^\d{4}-\d{1,8}$/),
  docNumber: ref,
  level: stateSecretLevel,
  periodYears: z.number().int().min(1).max(30).nullable(),
})

/**
 * rules C-15, C-20: a print job on a named computer. `approvedCount` is what the job was ordered for,
 * `printedCount` what came out, `spoiledCount` the spoiled copies (残次品); the good ones carry copy
 * numbers (份号) from `firstCopyNumber` on. `material`: the other intermediate material it left.
 */
export const outgoingPrintedSchema = z.strictObject({
  printJobId: entityId,
  docId: entityId,
  deviceId: entityId,
  approvedCount: count,
  printedCount: count,
  spoiledCount: count,
  firstCopyNumber: copyNumber,
  material: z.array(z.strictObject({ kind: listedMaterialKind, count: count.min(1) })).max(6),
})

const materialRef = { printJobId: entityId, kind: materialKind, count: count.min(1) }

/** rule C-20: material awaiting destruction locked away (in the 保密柜) before the day ends. */
export const outgoingMaterialLockedSchema = z.strictObject(materialRef)

/** rule C-20: material kept, registered in the carrier register as `carrierId`, held like the document. */
export const outgoingMaterialKeptSchema = z.strictObject({ ...materialRef, carrierId: entityId })

/** rules C-20, C-11: material destroyed; `destructionRef` is the C-11 approval / 送销 hand-over list. */
export const outgoingMaterialDestroyedSchema = z.strictObject({ ...materialRef, destructionRef: ref })

/**
 * rule C-15: copies sent to one recipient. `courierRef`: the 机要交通 receipt number; `bearer`: the
 * designated person; `signedBy`: who signed the hand-over (交接签字) or the receipt (收文签字).
 */
export const outgoingSentSchema = z.strictObject({
  sendId: entityId,
  docId: entityId,
  recipientId: entityId,
  copyNumbers,
  channel: channelSchema,
  courierRef: ref.optional(),
  bearer: ref.optional(),
  signedBy: ref.optional(),
})

/** rule C-09: copies archived in this unit (本单位存档), with the archive reference (案卷号). */
export const outgoingArchivedHereSchema = z.strictObject({ docId: entityId, copyNumbers, archiveRef: ref })

/** rule C-09: a recipient's 存档清单, filed here against the outgoing entry. */
export const outgoingRecipientArchiveFiledSchema = z.strictObject({
  listId: entityId,
  docId: entityId,
  recipientId: entityId,
  copyNumbers,
  listRef: ref,
})

/** rule C-09: copies a recipient returned (清退回收). */
export const outgoingCopiesRecoveredSchema = z.strictObject({
  recoveryId: entityId,
  docId: entityId,
  recipientId: entityId,
  copyNumbers,
})

/** rule C-09: the reconciliation of one outgoing document (帐物相符 check), in Q1 of the next year. */
export const outgoingReconciledSchema = z.strictObject({ docId: entityId })

/** rule C-09: the year's return result filed with the secrecy bureau (报市国家保密局备案). */
export const outgoingReturnFiledSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  filingRef: ref,
})

/** rule C-14: meeting documents (carriers of the register) handed out against the attendee list. */
export const outgoingMeetingHandedOutSchema = z.strictObject({
  meetingId: entityId,
  endsAt: ms,
  attendees: z.array(entityId).min(1).max(500),
  items: z
    .array(z.strictObject({ carrierId: entityId, attendee: entityId }))
    .min(1)
    .max(500),
})

/** rule C-14: collection after the meeting; a missing carrier opens an anomaly. */
export const outgoingMeetingCollectedSchema = z.strictObject({
  meetingId: entityId,
  collected: z.array(entityId).max(500),
  missing: z.array(entityId).max(500),
})

/** rule C-09: a superior unit's return schedule (清退通知) for a received carrier. */
export const outgoingReturnScheduledSchema = z.strictObject({
  carrierId: entityId,
  returnBy: localDate,
  toUnit: ref,
  noticeRef: ref,
})

/** rule C-09: received carriers returned to the issuing unit, against its signed receipt. */
export const outgoingReturnedToIssuerSchema = z.strictObject({
  carrierIds: z.array(entityId).min(1).max(500),
  toUnit: ref,
  receiptRef: ref,
})

/**
 * Resolution of an anomaly (rules C-09, C-14). 'found': the item turned up (the note says where);
 * 'incident': not found, handled as the incident `incidentId` (rule X-02). `bureauReportRef`: the
 * report of a reconciliation gap to the secrecy bureau.
 */
export const outgoingAnomalyResolvedSchema = z.strictObject({
  anomalyId,
  outcome: z.enum(['found', 'incident']),
  note,
  incidentId: entityId.optional(),
  bureauReportRef: ref.optional(),
})

export interface OutgoingEventPayloads {
  'outgoing.approved': z.infer<typeof outgoingApprovedSchema>
  'outgoing.issued': z.infer<typeof outgoingIssuedSchema>
  'outgoing.printed': z.infer<typeof outgoingPrintedSchema>
  'outgoing.material_locked': z.infer<typeof outgoingMaterialLockedSchema>
  'outgoing.material_kept': z.infer<typeof outgoingMaterialKeptSchema>
  'outgoing.material_destroyed': z.infer<typeof outgoingMaterialDestroyedSchema>
  'outgoing.sent': z.infer<typeof outgoingSentSchema>
  'outgoing.archived_here': z.infer<typeof outgoingArchivedHereSchema>
  'outgoing.recipient_archive_filed': z.infer<typeof outgoingRecipientArchiveFiledSchema>
  'outgoing.copies_recovered': z.infer<typeof outgoingCopiesRecoveredSchema>
  'outgoing.reconciled': z.infer<typeof outgoingReconciledSchema>
  'outgoing.return_filed': z.infer<typeof outgoingReturnFiledSchema>
  'outgoing.meeting_handed_out': z.infer<typeof outgoingMeetingHandedOutSchema>
  'outgoing.meeting_collected': z.infer<typeof outgoingMeetingCollectedSchema>
  'outgoing.return_scheduled': z.infer<typeof outgoingReturnScheduledSchema>
  'outgoing.returned_to_issuer': z.infer<typeof outgoingReturnedToIssuerSchema>
  'outgoing.anomaly_resolved': z.infer<typeof outgoingAnomalyResolvedSchema>
}

function def<P>(schema: z.ZodType<P>, roles: readonly Role[]): EventDefinition<P> {
  return { schema, roles }
}

const officer = [Role.Officer] as const

/** The officer keeps the register; a leader signs documents out and may file the year's result. */
export const outgoingEvents = {
  'outgoing.approved': def(outgoingApprovedSchema, [Role.Leader]),
  'outgoing.issued': def(outgoingIssuedSchema, officer),
  'outgoing.printed': def(outgoingPrintedSchema, officer),
  'outgoing.material_locked': def(outgoingMaterialLockedSchema, officer),
  'outgoing.material_kept': def(outgoingMaterialKeptSchema, officer),
  'outgoing.material_destroyed': def(outgoingMaterialDestroyedSchema, officer),
  'outgoing.sent': def(outgoingSentSchema, officer),
  'outgoing.archived_here': def(outgoingArchivedHereSchema, officer),
  'outgoing.recipient_archive_filed': def(outgoingRecipientArchiveFiledSchema, officer),
  'outgoing.copies_recovered': def(outgoingCopiesRecoveredSchema, officer),
  'outgoing.reconciled': def(outgoingReconciledSchema, officer),
  'outgoing.return_filed': def(outgoingReturnFiledSchema, [Role.Officer, Role.Leader]),
  'outgoing.meeting_handed_out': def(outgoingMeetingHandedOutSchema, officer),
  'outgoing.meeting_collected': def(outgoingMeetingCollectedSchema, officer),
  'outgoing.return_scheduled': def(outgoingReturnScheduledSchema, officer),
  'outgoing.returned_to_issuer': def(outgoingReturnedToIssuerSchema, officer),
  'outgoing.anomaly_resolved': def(outgoingAnomalyResolvedSchema, officer),
} as const satisfies Record<OutgoingEventType, EventDefinition>

export function isOutgoingEventType(type: string): type is OutgoingEventType {
  return Object.hasOwn(outgoingEvents, type)
}
