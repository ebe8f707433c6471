import type { SliceContext } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { APPROVER_POSTS, checkApprover, heldPost } from './approval-rules.ts'
import { blank, checkLoanDue, closed, loanHands, unknownLoan } from './loan-rules.ts'
import type { MovementPolicy } from './policy.ts'
import { isError, type MovementSliceEvent } from './rules.ts'
import type { Loan, LoanExtensionRequest, MovementWork } from './state.ts'

/**
 * Rule C-06, 续借: extending a loan of this unit's carriers. The borrower asks with their side's leader's
 * consent (recorded by the officer), our side's leader approves, and the new due date is judged by the
 * same rule as the loan's (checkLoanDue), counted from the approval that makes it take effect.
 */

function c06(zh: string, en: string, details?: Readonly<Record<string, unknown>>): DomainError {
  return domainError('C-06', `${zh}（规则 C-06）`, `${en} (rule C-06)`, details)
}

function openLoan(work: MovementWork, loanId: string): Loan | DomainError {
  const loan = work.loans.get(loanId)
  if (loan === undefined) return unknownLoan(loanId)
  return loan.returned === null ? loan : closed(loan.id)
}

/**
 * rule C-06: a request names an open loan with no other request pending, moves its due date later,
 * carries the borrower side's leader's signed consent (both sides approve, as for the loan), and comes
 * before the loan falls due. Choice: an overdue loan is not extended; the carriers come back first, so
 * that an extension never hides an overdue loan on the dashboard.
 */
export function checkLoanExtensionRequested(
  work: MovementWork,
  event: MovementSliceEvent<'movement.loan_extension_requested'>,
  policy: MovementPolicy,
): DomainError | null {
  const p = event.payload
  if (work.extensionRequests.has(p.requestId))
    return domainError(
      'MOVEMENT-EXISTS',
      `续借申请 ${p.requestId} 已存在`,
      `Extension request ${p.requestId} exists`,
    )
  const loan = openLoan(work, p.loanId)
  if (isError(loan)) return loan
  if (loan.extensionRequest !== null)
    return c06(
      `借阅登记 ${loan.id} 已有待批准的续借申请 ${loan.extensionRequest.requestId}`,
      `Loan ${loan.id} already has a pending extension request ${loan.extensionRequest.requestId}`,
      { loanId: loan.id, requestId: loan.extensionRequest.requestId },
    )
  if (event.atMs > loan.dueAt)
    return c06(
      `借阅登记 ${loan.id} 已逾期，须先归还，不能续借`,
      `Loan ${loan.id} is overdue: the carriers come back first, it is not extended`,
      { loanId: loan.id, dueAt: loan.dueAt },
    )
  if (p.newDueAt <= loan.dueAt)
    return c06('续借的归还日期须晚于原归还日期', 'An extension moves the due date later', {
      dueAt: loan.dueAt,
      newDueAt: p.newDueAt,
    })
  if (blank(p.borrowerApprover) || blank(p.borrowerApprovalRef))
    return c06(
      '续借须经借阅方领导签字同意，须登记其姓名和批准凭证',
      "An extension needs the borrower side's leader's signed consent: name and reference",
    )
  return (
    loanHands(loan.approvedBy, p.borrowerApprover, loan.borrower, event.actor) ??
    checkLoanDue(p.newDueAt, event.atMs, policy)
  )
}

export function applyLoanExtensionRequested(
  work: MovementWork,
  event: MovementSliceEvent<'movement.loan_extension_requested'>,
): void {
  const p = event.payload
  const loan = work.loans.get(p.loanId)
  if (loan === undefined) return
  const request: LoanExtensionRequest = {
    requestId: p.requestId,
    eventId: event.id,
    requestedBy: event.actor,
    borrowerApprover: p.borrowerApprover,
    borrowerApprovalRef: p.borrowerApprovalRef,
    newDueAt: p.newDueAt,
    at: event.atMs,
  }
  work.extensionRequests.set(p.requestId, loan.id)
  work.loans.set(loan.id, { ...loan, extensionRequest: request })
}

/**
 * rules C-06, B-04: our side's main or 主管 leader (organisation register, at the approval's time)
 * approves a pending request. Four eyes: the approver is neither the borrower, the borrower side's
 * leader, nor the officer who recorded the request. The new due date is judged again from the approval.
 */
export function checkLoanExtensionApproved(
  work: MovementWork,
  event: MovementSliceEvent<'movement.loan_extension_approved'>,
  ctx: SliceContext,
  policy: MovementPolicy,
): DomainError | null {
  const post = checkApprover('loan_extension', 'C-06', event, ctx)
  if (post !== null) return post
  const loanId = work.extensionRequests.get(event.payload.requestId)
  const loan = loanId === undefined ? undefined : work.loans.get(loanId)
  const request = loan?.extensionRequest
  if (loan === undefined || request?.requestId !== event.payload.requestId)
    return c06(
      `没有待批准的续借申请 ${event.payload.requestId}`,
      `No pending extension request ${event.payload.requestId}`,
      { requestId: event.payload.requestId },
    )
  if (loan.returned !== null) return closed(loan.id)
  return (
    loanHands(event.actor, request.borrowerApprover, loan.borrower, request.requestedBy) ??
    checkLoanDue(request.newDueAt, event.atMs, policy)
  )
}

export function applyLoanExtensionApproved(
  work: MovementWork,
  event: MovementSliceEvent<'movement.loan_extension_approved'>,
  ctx: SliceContext,
): void {
  const loanId = work.extensionRequests.get(event.payload.requestId)
  const loan = loanId === undefined ? undefined : work.loans.get(loanId)
  const request = loan?.extensionRequest
  if (loan === undefined || request === null || request === undefined) return
  const extension = {
    ...request,
    approvalEventId: event.id,
    approvedBy: event.actor,
    post: heldPost(ctx, event.actor, APPROVER_POSTS.loan_extension) ?? 'first_responsible',
    approvedAt: event.atMs,
    previousDueAt: loan.dueAt,
  }
  work.loans.set(loan.id, {
    ...loan,
    dueAt: request.newDueAt,
    extensions: [...loan.extensions, extension],
    extensionRequest: null,
  })
}
