import { z } from 'zod'
import { Level } from '../../core/levels.ts'
import type { EventDefinition } from '../../core/register-slice.ts'
import { Role } from '../../core/roles.ts'

/**
 * Events of the movement register: carriers leaving the officer's reading circulation (借出 / 借入 C-06,
 * 携带外出 C-08, 知悉范围扩大 C-03, 涉密电子文件使用 C-16, 案卷查阅 C-21). Strict objects, metadata only
 * (rule S-01): ids, names, counts, dates and references, never a document's content. Approvals are
 * events of their own, signed by a leader, referenced by their event id.
 * Reference fields may be empty in the schema so that the refusal names the rule, not "malformed".
 */
export const MovementEventType = {
  ScopeWideningApproved: 'movement.scope_widening_approved',
  ScopeWidened: 'movement.scope_widened',
  LoanOutApproved: 'movement.loan_out_approved',
  LoanedOut: 'movement.loaned_out',
  LoanReturned: 'movement.loan_returned',
  BorrowInApproved: 'movement.borrow_in_approved',
  BorrowedIn: 'movement.borrowed_in',
  BorrowedCopyRecorded: 'movement.borrowed_copy_recorded',
  ReturnedToLender: 'movement.returned_to_lender',
  CarryOutApproved: 'movement.carry_out_approved',
  CarriedOut: 'movement.carried_out',
  TripReturned: 'movement.trip_returned',
  ElectronicUseApproved: 'movement.electronic_use_approved',
  ElectronicUseRegistered: 'movement.electronic_use_registered',
  ConsultationApproved: 'movement.consultation_approved',
  ConsultationRegistered: 'movement.consultation_registered',
  ConsultationExcerptRecorded: 'movement.consultation_excerpt_recorded',
  ConsultationClosed: 'movement.consultation_closed',
  AnomalyResolved: 'movement.anomaly_resolved',
} as const
export type MovementEventType = (typeof MovementEventType)[keyof typeof MovementEventType]

const entityId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/)
const ids = z.array(entityId).max(100)
const shortText = z.string().max(200)
const name = shortText.min(1)
const names = z.array(name).min(1).max(50)
const note = z.string().max(500)
const ms = z.number().int().nonnegative()
const postSchema = z.enum(['main', 'in_charge', 'office_head'])
const levelSchema = z.enum([
  Level.TopSecret,
  Level.Secret,
  Level.Confidential,
  Level.WorkSecret,
  Level.Internal,
  Level.Public,
])
/** rule C-16: what is done with a classified electronic file (阅读、使用、复制、销毁). */
export const electronicActionSchema = z.enum(['read', 'use', 'copy', 'destroy'])
export type ElectronicAction = z.infer<typeof electronicActionSchema>

/** rule C-03: a leader approves widening a carrier's need-to-know scope to `readers`. */
export const scopeWideningApprovedSchema = z.strictObject({
  carrierId: entityId,
  readers: names,
  post: postSchema,
})

/** rule C-03: the widening itself, against the approval. */
export const scopeWidenedSchema = z.strictObject({
  carrierId: entityId,
  readers: names,
  approvalId: entityId,
})

/**
 * rule C-06: our leader approves lending carriers (and, rule C-21 special case, archived files) to
 * `borrower`. Archived files need the special reason (案卷除特殊情况经领导批准者外，概不外借).
 */
export const loanOutApprovedSchema = z.strictObject({
  carrierIds: ids,
  archiveFileIds: ids.optional(),
  borrower: name,
  post: postSchema,
  specialReason: shortText.optional(),
})

/** rule C-06: the loan, registered with both sides' approvals and its due date. */
export const loanedOutSchema = z.strictObject({
  loanId: entityId,
  carrierIds: ids,
  archiveFileIds: ids.optional(),
  borrower: name,
  borrowerKind: z.enum(['unit', 'person']),
  /** The borrower side's approving leader (借阅方领导) and the reference of their signed approval. */
  borrowerApprover: shortText,
  borrowerApprovalRef: shortText,
  approvalId: entityId,
  dueAt: ms,
})

/** rule C-06: the return, checked item by item; what did not come back, or came back damaged, is listed. */
export const loanReturnedSchema = z.strictObject({
  loanId: entityId,
  returnedIds: ids,
  damagedIds: ids,
  note: note.optional(),
})

/** rule C-06: our leader approves borrowing `itemIds` from another unit (借阅方领导签字). */
export const borrowInApprovedSchema = z.strictObject({ lender: name, itemIds: ids.min(1), post: postSchema })

/** rule C-06: carriers borrowed in from `lender`, with the lender side's approval and the due date. */
export const borrowedInSchema = z.strictObject({
  loanId: entityId,
  lender: name,
  items: z
    .array(z.strictObject({ itemId: entityId, docNumber: shortText, level: levelSchema }))
    .min(1)
    .max(100),
  lenderApprover: shortText,
  lenderApprovalRef: shortText,
  approvalId: entityId,
  dueAt: ms,
})

/** rule C-06: an excerpt or copy of a borrowed carrier, only with the lender's leader's signed approval. */
export const borrowedCopyRecordedSchema = z.strictObject({
  loanId: entityId,
  itemId: entityId,
  copyId: entityId,
  mode: z.enum(['excerpt', 'copy']),
  lenderApprovalRef: shortText.optional(),
})

/** rule C-06: borrowed carriers given back to the lender; what could not be given back is listed. */
export const returnedToLenderSchema = z.strictObject({
  loanId: entityId,
  returnedIds: ids,
  note: note.optional(),
})

/** rule C-08: a leader approves carrying carriers out, saying whether abroad or to a foreign-affairs event. */
export const carryOutApprovedSchema = z.strictObject({
  carrierIds: ids.min(1),
  post: postSchema,
  abroad: z.boolean(),
  foreignAffairs: z.boolean(),
})

/** rule C-08: the trip (携带外出登记): bearers, destination, planned return, exit approval when abroad. */
export const carriedOutSchema = z.strictObject({
  tripId: entityId,
  carrierIds: ids.min(1),
  bearers: z.array(name).min(1).max(10),
  destination: name,
  abroad: z.boolean(),
  foreignAffairs: z.boolean(),
  exitPermitRef: shortText.optional(),
  approvalId: entityId,
  plannedReturnAt: ms,
})

/** rule C-08: the return check; `custodyKept` is the bearers' statement that 密不离人 held throughout. */
export const tripReturnedSchema = z.strictObject({
  tripId: entityId,
  returnedIds: ids,
  damagedIds: ids,
  custodyKept: z.boolean(),
  note: note.optional(),
})

/** rule C-16: the 主管领导 (or main leader) approves `user` to read/use/copy/destroy an electronic file. */
export const electronicUseApprovedSchema = z.strictObject({
  carrierId: entityId,
  action: electronicActionSchema,
  user: entityId,
  post: postSchema,
})

/**
 * rule C-16: the registration (登记、签字). Signed by the user personally (actor = user), or recorded by
 * the officer with `userSigned` stating the user signed the paper register.
 */
export const electronicUseRegisteredSchema = z.strictObject({
  carrierId: entityId,
  action: electronicActionSchema,
  user: entityId,
  approvalId: entityId,
  userSigned: z.boolean(),
})

/** rule C-21: the office head approves `consultant` consulting the archived files `archiveFileIds`. */
export const consultationApprovedSchema = z.strictObject({
  archiveFileIds: ids.min(1),
  consultant: name,
  post: postSchema,
})

/** rule C-21: a consultation registered (查档登记): who, from where, which files and which part of each. */
export const consultationRegisteredSchema = z.strictObject({
  consultationId: entityId,
  consultant: name,
  consultantUnit: name,
  /** A 基层单位 presents a letter of introduction stating what it consults. */
  fromBasicUnit: z.boolean(),
  introductionLetterRef: shortText.optional(),
  statedContent: shortText.optional(),
  files: z
    .array(z.strictObject({ fileId: entityId, level: levelSchema, part: name }))
    .min(1)
    .max(50),
  location: z.enum(['archive_room', 'archive_reading_room', 'office', 'elsewhere']),
  approvalId: entityId.optional(),
})

/** rule C-21: an excerpt (摘抄), from the registered part only, checked and stamped before it leaves. */
export const consultationExcerptRecordedSchema = z.strictObject({
  consultationId: entityId,
  excerptId: entityId,
  fileId: entityId,
  withinRegisteredPart: z.boolean(),
  checkedBy: shortText,
  stamped: z.boolean(),
})

/** rule C-21: the consultation ends; files not back in the archive are listed. */
export const consultationClosedSchema = z.strictObject({
  consultationId: entityId,
  missingFileIds: ids,
  note: note.optional(),
})

/** An anomaly resolved with a note; `recovered` says the missing items are back in custody. */
export const movementAnomalyResolvedSchema = z.strictObject({
  anomalyId: z.string().min(1).max(100),
  note: note.min(1),
  recovered: z.boolean(),
})

export interface MovementEventPayloads {
  'movement.scope_widening_approved': z.infer<typeof scopeWideningApprovedSchema>
  'movement.scope_widened': z.infer<typeof scopeWidenedSchema>
  'movement.loan_out_approved': z.infer<typeof loanOutApprovedSchema>
  'movement.loaned_out': z.infer<typeof loanedOutSchema>
  'movement.loan_returned': z.infer<typeof loanReturnedSchema>
  'movement.borrow_in_approved': z.infer<typeof borrowInApprovedSchema>
  'movement.borrowed_in': z.infer<typeof borrowedInSchema>
  'movement.borrowed_copy_recorded': z.infer<typeof borrowedCopyRecordedSchema>
  'movement.returned_to_lender': z.infer<typeof returnedToLenderSchema>
  'movement.carry_out_approved': z.infer<typeof carryOutApprovedSchema>
  'movement.carried_out': z.infer<typeof carriedOutSchema>
  'movement.trip_returned': z.infer<typeof tripReturnedSchema>
  'movement.electronic_use_approved': z.infer<typeof electronicUseApprovedSchema>
  'movement.electronic_use_registered': z.infer<typeof electronicUseRegisteredSchema>
  'movement.consultation_approved': z.infer<typeof consultationApprovedSchema>
  'movement.consultation_registered': z.infer<typeof consultationRegisteredSchema>
  'movement.consultation_excerpt_recorded': z.infer<typeof consultationExcerptRecordedSchema>
  'movement.consultation_closed': z.infer<typeof consultationClosedSchema>
  'movement.anomaly_resolved': z.infer<typeof movementAnomalyResolvedSchema>
}

function def<P>(schema: z.ZodType<P>, roles: readonly Role[]): EventDefinition<P> {
  return { schema, roles }
}

const leader = [Role.Leader] as const
const officer = [Role.Officer] as const
/** rule C-16: the user signs the registration personally, whatever their role. */
const user = [Role.Officer, Role.Leader, Role.Staff, Role.Classifier] as const

/** Schemas and signing roles: leaders sign approvals, the officer keeps the register. */
export const movementEvents = {
  'movement.scope_widening_approved': def(scopeWideningApprovedSchema, leader),
  'movement.scope_widened': def(scopeWidenedSchema, officer),
  'movement.loan_out_approved': def(loanOutApprovedSchema, leader),
  'movement.loaned_out': def(loanedOutSchema, officer),
  'movement.loan_returned': def(loanReturnedSchema, officer),
  'movement.borrow_in_approved': def(borrowInApprovedSchema, leader),
  'movement.borrowed_in': def(borrowedInSchema, officer),
  'movement.borrowed_copy_recorded': def(borrowedCopyRecordedSchema, officer),
  'movement.returned_to_lender': def(returnedToLenderSchema, officer),
  'movement.carry_out_approved': def(carryOutApprovedSchema, leader),
  'movement.carried_out': def(carriedOutSchema, officer),
  'movement.trip_returned': def(tripReturnedSchema, officer),
  'movement.electronic_use_approved': def(electronicUseApprovedSchema, leader),
  'movement.electronic_use_registered': def(electronicUseRegisteredSchema, user),
  'movement.consultation_approved': def(consultationApprovedSchema, leader),
  'movement.consultation_registered': def(consultationRegisteredSchema, officer),
  'movement.consultation_excerpt_recorded': def(consultationExcerptRecordedSchema, officer),
  'movement.consultation_closed': def(consultationClosedSchema, officer),
  'movement.anomaly_resolved': def(movementAnomalyResolvedSchema, officer),
} as const satisfies Record<MovementEventType, EventDefinition>

export function isMovementEventType(type: string): type is MovementEventType {
  return Object.hasOwn(movementEvents, type)
}
