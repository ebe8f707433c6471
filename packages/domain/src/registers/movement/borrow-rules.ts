import { distinctHands } from '../../core/approvals.ts'
import type { SliceContext } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { checkApprover, part, REGISTRAR } from './approval-rules.ts'
import { blank, closed, exists, unknownLoan } from './loan-rules.ts'
import {
  approvalFor,
  checkCovered,
  checkDistinct,
  checkReturnList,
  consumeApproval,
  isError,
  type MovementSliceEvent,
  openAnomalyIfAny,
} from './rules.ts'
import type { BorrowedIn, MovementWork } from './state.ts'

/** Rule C-06 for carriers borrowed in from another unit: approvals, copies, giving back. */

/**
 * rule C-06 (approval): our leader approves borrowing in (借阅方领导签字): the holder of the main leader's
 * or the 主管领导's post (rule B-04).
 */
export function checkBorrowInApproved(
  event: MovementSliceEvent<'movement.borrow_in_approved'>,
  ctx: SliceContext,
): DomainError | null {
  return checkApprover('borrow_in', 'C-06', event, ctx) ?? checkDistinct(event.payload.itemIds, 'C-06')
}

/** rule C-06 (approval + deadline): borrowing in with both sides' approvals and a date to give back. */
export function checkBorrowedIn(
  work: MovementWork,
  event: MovementSliceEvent<'movement.borrowed_in'>,
): DomainError | null {
  const p = event.payload
  if (work.loans.has(p.loanId) || work.borrowed.has(p.loanId)) return exists(p.loanId)
  const a = approvalFor(work, p.approvalId, 'borrow_in', 'C-06', event)
  if (isError(a)) return a
  const itemIds = p.items.map((i) => i.itemId)
  const listed =
    (a.lender === p.lender
      ? null
      : domainError(
          'C-06',
          `批准 ${a.id} 是向 ${a.lender} 借入的，不是 ${p.lender}（规则 C-06）`,
          `Approval ${a.id} is for borrowing from ${a.lender}, not ${p.lender} (rule C-06)`,
        )) ??
    checkDistinct(itemIds, 'C-06') ??
    checkCovered(itemIds, a.itemIds, 'C-06')
  if (listed !== null) return listed
  if (blank(p.lenderApprover) || blank(p.lenderApprovalRef))
    return domainError(
      'C-06',
      '借入须经提供方领导签字批准，须登记其姓名和批准凭证（规则 C-06）',
      "Borrowing needs the lending side's leader's signed approval: name and reference (rule C-06)",
    )
  // Four eyes: the two sides' leaders and the officer who registers the borrowing are different people.
  const hands = distinctHands('C-06', [
    part('借阅方领导', "borrowing side's leader", a.by),
    part('出借方领导', "lending side's leader", p.lenderApprover),
    REGISTRAR(event.actor),
  ])
  if (hands !== null) return hands
  if (p.dueAt <= event.atMs)
    return domainError(
      'C-06',
      '借入须登记归还日期（规则 C-06）',
      'Borrowing registers the date to give the carriers back (rule C-06)',
      { dueAt: p.dueAt },
    )
  return null
}

export function applyBorrowedIn(work: MovementWork, event: MovementSliceEvent<'movement.borrowed_in'>): void {
  const p = event.payload
  const entry: BorrowedIn = {
    id: p.loanId,
    eventId: event.id,
    lender: p.lender,
    items: p.items,
    lenderApprover: p.lenderApprover,
    lenderApprovalRef: p.lenderApprovalRef,
    approvalId: p.approvalId,
    borrowedAt: event.atMs,
    dueAt: p.dueAt,
    copies: [],
    returned: null,
  }
  work.borrowed.set(entry.id, entry)
  consumeApproval(work, p.approvalId, event.id)
}

function openBorrowed(work: MovementWork, loanId: string): BorrowedIn | DomainError {
  const b = work.borrowed.get(loanId)
  if (b === undefined) return unknownLoan(loanId)
  return b.returned === null ? b : closed(b.id)
}

/**
 * rule C-06 (block): the borrower does not excerpt or copy a borrowed carrier, unless the lending side's
 * leader signed for it (确需摘抄、复印时，要经提供方领导签字并注明); the reference is recorded.
 */
export function checkBorrowedCopyRecorded(
  work: MovementWork,
  event: MovementSliceEvent<'movement.borrowed_copy_recorded'>,
): DomainError | null {
  const p = event.payload
  const b = openBorrowed(work, p.loanId)
  if (isError(b)) return b
  if (!b.items.some((i) => i.itemId === p.itemId))
    return domainError(
      'C-06',
      `${p.itemId} 不是本次借入的载体（规则 C-06）`,
      `${p.itemId} was not borrowed here (rule C-06)`,
    )
  if (b.copies.some((c) => c.copyId === p.copyId))
    return domainError(
      'MOVEMENT-EXISTS',
      `摘抄/复印 ${p.copyId} 已登记`,
      `Copy ${p.copyId} is already registered`,
    )
  if (blank(p.lenderApprovalRef ?? ''))
    return domainError(
      'C-06',
      `借阅人员不得${p.mode === 'copy' ? '复印' : '摘抄'}借入的载体，确需时须经提供方领导签字并注明（规则 C-06）`,
      `A borrowed carrier is not ${p.mode === 'copy' ? 'copied' : 'excerpted'} without the lending side's leader's signed approval (rule C-06)`,
      { loanId: b.id, itemId: p.itemId },
    )
  return null
}

export function applyBorrowedCopyRecorded(
  work: MovementWork,
  event: MovementSliceEvent<'movement.borrowed_copy_recorded'>,
): void {
  const p = event.payload
  const b = work.borrowed.get(p.loanId)
  if (b === undefined) return
  const copy = {
    eventId: event.id,
    copyId: p.copyId,
    itemId: p.itemId,
    mode: p.mode,
    lenderApprovalRef: p.lenderApprovalRef ?? '',
    at: event.atMs,
  }
  work.borrowed.set(b.id, { ...b, copies: [...b.copies, copy] })
}

/** rule C-06: giving borrowed carriers back; only what was borrowed. */
export function checkReturnedToLender(
  work: MovementWork,
  event: MovementSliceEvent<'movement.returned_to_lender'>,
): DomainError | null {
  const b = openBorrowed(work, event.payload.loanId)
  if (isError(b)) return b
  const itemIds = b.items.map((i) => i.itemId)
  return checkReturnList(itemIds, event.payload.returnedIds, [], 'C-06')
}

/** A borrowed carrier this unit cannot give back is an anomaly (traced with the lender, X-02). */
export function applyReturnedToLender(
  work: MovementWork,
  event: MovementSliceEvent<'movement.returned_to_lender'>,
): void {
  const p = event.payload
  const b = work.borrowed.get(p.loanId)
  if (b === undefined) return
  const missingIds = b.items.map((i) => i.itemId).filter((id) => !p.returnedIds.includes(id))
  const anomalyId = openAnomalyIfAny(work, event, {
    kind: 'borrowed_return_incomplete',
    rule: 'C-06',
    refId: b.id,
    missingIds,
    damagedIds: [],
    custodyBreach: false,
  })
  work.borrowed.set(b.id, {
    ...b,
    returned: { eventId: event.id, at: event.atMs, missingIds, damagedIds: [], anomalyId },
  })
}
