import { z } from 'zod'
import type { EventDefinition } from '../../core/register-slice.ts'
import { Role } from '../../core/roles.ts'
import {
  archiveFileRegisteredSchema,
  consultationApprovedSchema,
  consultationClosedSchema,
  consultationExcerptRecordedSchema,
  consultationRegisteredSchema,
} from './archive-events.ts'
import { entityId, ids, levelSchema, ms, name, names, note, shortText } from './event-fields.ts'

/**
 * Events of the movement register: carriers leaving the officer's reading circulation (借出 / 借入 C-06,
 * 携带外出 C-08, 知悉范围扩大 C-03, 涉密电子文件使用 C-16, 案卷查阅 C-21). Strict objects, metadata only
 * (rule S-01): ids, names, counts, dates and references, never a document's content. Approvals are
 * events of their own, signed by a leader, referenced by their event id; the approver's post is what the
 * organisation register says the signer holds at the event's time (rule B-04), never a post in the payload.
 * The archived files' events (C-10, C-21) are in archive-events.ts.
 */
export const MovementEventType = {
  ScopeWideningApproved: 'movement.scope_widening_approved',
  ScopeWidened: 'movement.scope_widened',
  LoanOutApproved: 'movement.loan_out_approved',
  LoanedOut: 'movement.loaned_out',
  LoanReturned: 'movement.loan_returned',
  LoanExtensionRequested: 'movement.loan_extension_requested',
  LoanExtensionApproved: 'movement.loan_extension_approved',
  BorrowInApproved: 'movement.borrow_in_approved',
  BorrowedIn: 'movement.borrowed_in',
  BorrowedCopyRecorded: 'movement.borrowed_copy_recorded',
  ReturnedToLender: 'movement.returned_to_lender',
  CarryOutApproved: 'movement.carry_out_approved',
  CarriedOut: 'movement.carried_out',
  TripReturned: 'movement.trip_returned',
  ElectronicUseApproved: 'movement.electronic_use_approved',
  ElectronicUseRegistered: 'movement.electronic_use_registered',
  ArchiveFileRegistered: 'movement.archive_file_registered',
  ConsultationApproved: 'movement.consultation_approved',
  ConsultationRegistered: 'movement.consultation_registered',
  ConsultationExcerptRecorded: 'movement.consultation_excerpt_recorded',
  ConsultationClosed: 'movement.consultation_closed',
  AnomalyResolved: 'movement.anomaly_resolved',
} as const
export type MovementEventType = (typeof MovementEventType)[keyof typeof MovementEventType]

/** rule C-16: what is done with a classified electronic file (阅读、使用、复制、销毁). */
export const electronicActionSchema = z.enum(['read', 'use', 'copy', 'destroy'])
export type ElectronicAction = z.infer<typeof electronicActionSchema>

/** rule C-03: a leader approves widening a carrier's need-to-know scope to `readers`. */
export const scopeWideningApprovedSchema = z.strictObject({
  carrierId: entityId,
  readers: names,
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

/**
 * rule C-06 (续借): the borrower asks to keep the carriers longer, with their side's leader's signed
 * consent, as for the loan; the officer records the request against the open loan.
 */
export const loanExtensionRequestedSchema = z.strictObject({
  requestId: entityId,
  loanId: entityId,
  newDueAt: ms,
  borrowerApprover: shortText,
  borrowerApprovalRef: shortText,
})

/** rule C-06 (续借): our side's leader approves the request; the loan's due date moves to the new one. */
export const loanExtensionApprovedSchema = z.strictObject({ requestId: entityId })

/** rule C-06: our leader approves borrowing `itemIds` from another unit (借阅方领导签字). */
export const borrowInApprovedSchema = z.strictObject({ lender: name, itemIds: ids.min(1) })

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
  'movement.loan_extension_requested': z.infer<typeof loanExtensionRequestedSchema>
  'movement.loan_extension_approved': z.infer<typeof loanExtensionApprovedSchema>
  'movement.borrow_in_approved': z.infer<typeof borrowInApprovedSchema>
  'movement.borrowed_in': z.infer<typeof borrowedInSchema>
  'movement.borrowed_copy_recorded': z.infer<typeof borrowedCopyRecordedSchema>
  'movement.returned_to_lender': z.infer<typeof returnedToLenderSchema>
  'movement.carry_out_approved': z.infer<typeof carryOutApprovedSchema>
  'movement.carried_out': z.infer<typeof carriedOutSchema>
  'movement.trip_returned': z.infer<typeof tripReturnedSchema>
  'movement.electronic_use_approved': z.infer<typeof electronicUseApprovedSchema>
  'movement.electronic_use_registered': z.infer<typeof electronicUseRegisteredSchema>
  'movement.archive_file_registered': z.infer<typeof archiveFileRegisteredSchema>
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
  'movement.loan_extension_requested': def(loanExtensionRequestedSchema, officer),
  'movement.loan_extension_approved': def(loanExtensionApprovedSchema, leader),
  'movement.borrow_in_approved': def(borrowInApprovedSchema, leader),
  'movement.borrowed_in': def(borrowedInSchema, officer),
  'movement.borrowed_copy_recorded': def(borrowedCopyRecordedSchema, officer),
  'movement.returned_to_lender': def(returnedToLenderSchema, officer),
  'movement.carry_out_approved': def(carryOutApprovedSchema, leader),
  'movement.carried_out': def(carriedOutSchema, officer),
  'movement.trip_returned': def(tripReturnedSchema, officer),
  'movement.electronic_use_approved': def(electronicUseApprovedSchema, leader),
  'movement.electronic_use_registered': def(electronicUseRegisteredSchema, user),
  'movement.archive_file_registered': def(archiveFileRegisteredSchema, officer),
  'movement.consultation_approved': def(consultationApprovedSchema, leader),
  'movement.consultation_registered': def(consultationRegisteredSchema, officer),
  'movement.consultation_excerpt_recorded': def(consultationExcerptRecordedSchema, officer),
  'movement.consultation_closed': def(consultationClosedSchema, officer),
  'movement.anomaly_resolved': def(movementAnomalyResolvedSchema, officer),
} as const satisfies Record<MovementEventType, EventDefinition>

export function isMovementEventType(type: string): type is MovementEventType {
  return Object.hasOwn(movementEvents, type)
}
