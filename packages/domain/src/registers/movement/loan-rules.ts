import { distinctHands } from '../../core/approvals.ts'
import type { SliceContext } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { APPROVER, checkApprover, part } from './approval-rules.ts'
import { filesCarriers } from './archive-file-rules.ts'
import type { MovementPolicy } from './policy.ts'
import {
  approvalFor,
  carriersInCustody,
  checkCovered,
  checkDistinct,
  checkReturnList,
  consumeApproval,
  isError,
  type MovementSliceEvent,
  markAway,
  openAnomalyIfAny,
  registeredCarrier,
} from './rules.ts'
import type { AwayEntry, Loan, MovementWork } from './state.ts'

/** Rule C-06 (borrowing, both directions), with the C-21 special case of lending an archived file. */

const DAY = 86_400_000

export function exists(id: string): DomainError {
  return domainError('MOVEMENT-EXISTS', `借阅登记 ${id} 已存在`, `Loan ${id} already exists`, { loanId: id })
}

export function unknownLoan(id: string): DomainError {
  return domainError(
    'C-06',
    `借阅登记 ${id} 不存在（规则 C-06）`,
    `Loan ${id} is not registered (rule C-06)`,
    {
      loanId: id,
    },
  )
}

export function closed(id: string): DomainError {
  return domainError('MOVEMENT-CLOSED', `借阅登记 ${id} 已归还结清`, `Loan ${id} is already closed`, {
    loanId: id,
  })
}

export function blank(text: string): boolean {
  return text.trim() === ''
}

/** rule C-06 (four eyes): the lender's and the borrower's sides are different people, leaders included. */
export function loanHands(
  approver: string,
  borrowerApprover: string,
  borrower: string,
  lender: string,
): DomainError | null {
  return distinctHands('C-06', [
    part('出借方领导', "lending side's leader", approver),
    part('借阅方领导', "borrowing side's leader", borrowerApprover),
    part('借阅人', 'borrower', borrower),
    part('出借经办人', 'lender', lender),
  ])
}

/**
 * rule C-06 (deadline): a loan is due after `fromMs` (the loan, or the approval of its extension) and
 * within the policy's longest loan; an extension (续借) is judged by this same rule.
 */
export function checkLoanDue(dueAt: number, fromMs: number, policy: MovementPolicy): DomainError | null {
  if (dueAt > fromMs && dueAt - fromMs <= policy.maxLoanDays * DAY) return null
  return domainError(
    'C-06',
    `借阅须定归还日期，且不超过 ${policy.maxLoanDays} 天（规则 C-06）`,
    `A loan has a due date after the loan and within ${policy.maxLoanDays} days (rule C-06)`,
    { dueAt },
  )
}

/**
 * rule C-06 (approval): our side's leader approves lending out. Choice: the holder of the main leader's
 * or the 主管领导's post (004 五 不经过主管领导的批准，不准…借给外单位), not the office head; no leader
 * approves a loan to themselves. Rule C-21: archived files are lent only in a special case, which the
 * approval states.
 */
export function checkLoanOutApproved(
  event: MovementSliceEvent<'movement.loan_out_approved'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  const files = p.archiveFileIds ?? []
  const post =
    checkApprover('loan_out', 'C-06', event, ctx) ??
    distinctHands('C-06', [APPROVER(event.actor), part('借阅人', 'borrower', p.borrower)])
  if (post !== null) return post
  if (p.carrierIds.length + files.length === 0)
    return domainError(
      'C-06',
      '借出批准须列明载体（规则 C-06）',
      'A loan approval lists its carriers (rule C-06)',
    )
  const error = checkDistinct([...p.carrierIds, ...files], 'C-06')
  if (error !== null) return error
  for (const id of p.carrierIds) {
    const c = registeredCarrier(ctx, id, 'C-06')
    if (isError(c)) return c
  }
  if (files.length > 0 && blank(p.specialReason ?? ''))
    return domainError(
      'C-21',
      '案卷概不外借；特殊情况须经领导批准并写明理由（规则 C-21）',
      'Archived files are not lent out; a special case needs a leader approval stating the reason (rule C-21)',
      { archiveFileIds: files },
    )
  return null
}

/** rule C-21: an archived file lent out, missing, or under consultation is not lent again. */
function checkFileAvailable(work: MovementWork, fileId: string): DomainError | null {
  const away = work.filesAway.get(fileId)
  const consulted = [...work.consultations.values()].some(
    (c) => c.closed === null && c.files.some((f) => f.fileId === fileId),
  )
  if (away === undefined && !consulted) return null
  return domainError(
    'C-21',
    away === undefined
      ? `案卷 ${fileId} 正在查阅中（规则 C-21）`
      : `案卷 ${fileId} 已借出或缺失（规则 C-21）`,
    away === undefined
      ? `Archived file ${fileId} is being consulted (rule C-21)`
      : `Archived file ${fileId} is lent out or missing (rule C-21)`,
    { fileId },
  )
}

/**
 * rule C-06 (approval + deadline): both sides' leaders approved, registered, due within the policy's
 * longest loan; only carriers in the officer's custody go.
 */
export function checkLoanedOut(
  work: MovementWork,
  event: MovementSliceEvent<'movement.loaned_out'>,
  ctx: SliceContext,
  policy: MovementPolicy,
): DomainError | null {
  const p = event.payload
  const files = p.archiveFileIds ?? []
  if (work.loans.has(p.loanId) || work.borrowed.has(p.loanId)) return exists(p.loanId)
  if (p.carrierIds.length + files.length === 0)
    return domainError('C-06', '借出登记须列明载体（规则 C-06）', 'A loan lists its carriers (rule C-06)')
  const a = approvalFor(work, p.approvalId, 'loan_out', 'C-06', event)
  if (isError(a)) return a
  if (a.borrower !== p.borrower)
    return domainError(
      'C-06',
      `批准 ${a.id} 是借给 ${a.borrower} 的，不是 ${p.borrower}（规则 C-06）`,
      `Approval ${a.id} is for lending to ${a.borrower}, not ${p.borrower} (rule C-06)`,
      { approvalId: a.id },
    )
  const listed =
    checkDistinct([...p.carrierIds, ...files], 'C-06') ??
    checkCovered(p.carrierIds, a.carrierIds, 'C-06') ??
    checkCovered(files, a.archiveFileIds, 'C-21')
  if (listed !== null) return listed
  if (blank(p.borrowerApprover) || blank(p.borrowerApprovalRef))
    return domainError(
      'C-06',
      '借阅须经借阅方领导签字批准，须登记其姓名和批准凭证（规则 C-06）',
      "A loan needs the borrower side's leader's signed approval: name and reference (rule C-06)",
    )
  const hands = loanHands(a.by, p.borrowerApprover, p.borrower, event.actor)
  if (hands !== null) return hands
  const due = checkLoanDue(p.dueAt, event.atMs, policy)
  if (due !== null) return due
  const carriers = carriersInCustody(work, ctx, p.carrierIds, 'C-06')
  if (isError(carriers)) return carriers
  for (const f of files) {
    const error = checkFileAvailable(work, f)
    if (error !== null) return error
  }
  return null
}

export function away(rule: AwayEntry['rule'], refId: string, holder: string, since: number): AwayEntry {
  return { rule, refId, holder, since, status: 'out', anomalyId: null }
}

/** rules C-06, C-21: the archived carriers of lent registered files go out with them. */
export function applyLoanedOut(
  work: MovementWork,
  event: MovementSliceEvent<'movement.loaned_out'>,
  ctx: SliceContext,
): void {
  const p = event.payload
  const a = work.approvals.get(p.approvalId)
  const fileCarrierIds = filesCarriers(work, ctx, p.archiveFileIds ?? [])
  const loan: Loan = {
    id: p.loanId,
    eventId: event.id,
    carrierIds: p.carrierIds,
    archiveFileIds: p.archiveFileIds ?? [],
    borrower: p.borrower,
    borrowerKind: p.borrowerKind,
    borrowerApprover: p.borrowerApprover,
    borrowerApprovalRef: p.borrowerApprovalRef,
    approvalId: p.approvalId,
    approvedBy: a?.by ?? '',
    loanedAt: event.atMs,
    dueAt: p.dueAt,
    extensions: [],
    extensionRequest: null,
    fileCarrierIds,
    returned: null,
  }
  work.loans.set(loan.id, loan)
  consumeApproval(work, p.approvalId, event.id)
  markAway(work.carriersAway, loan.carrierIds, away('C-06', loan.id, loan.borrower, event.atMs))
  markAway(work.filesAway, loan.archiveFileIds, away('C-06', loan.id, loan.borrower, event.atMs))
  markAway(
    work.carriersAway,
    Object.values(fileCarrierIds).flat(),
    away('C-06', loan.id, loan.borrower, event.atMs),
  )
}

/** rule C-06: the return of an open loan, item by item. Returning late is allowed and shows as late. */
export function checkLoanReturned(
  work: MovementWork,
  event: MovementSliceEvent<'movement.loan_returned'>,
): DomainError | null {
  const p = event.payload
  const loan = work.loans.get(p.loanId)
  if (loan === undefined) return unknownLoan(p.loanId)
  if (loan.returned !== null) return closed(loan.id)
  return checkReturnList([...loan.carrierIds, ...loan.archiveFileIds], p.returnedIds, p.damagedIds, 'C-06')
}

/** Closes the loan; what did not come back stays away as missing, under an anomaly. */
export function applyLoanReturned(
  work: MovementWork,
  event: MovementSliceEvent<'movement.loan_returned'>,
): void {
  const p = event.payload
  const loan = work.loans.get(p.loanId)
  if (loan === undefined) return
  const missingIds = [...loan.carrierIds, ...loan.archiveFileIds].filter((id) => !p.returnedIds.includes(id))
  const anomalyId = openAnomalyIfAny(work, event, {
    kind: 'loan_incomplete',
    rule: 'C-06',
    refId: loan.id,
    missingIds,
    damagedIds: p.damagedIds,
    custodyBreach: false,
  })
  work.loans.set(loan.id, {
    ...loan,
    returned: { eventId: event.id, at: event.atMs, missingIds, damagedIds: p.damagedIds, anomalyId },
  })
  const back = (map: Map<string, AwayEntry>, id: string, returned: boolean) => {
    if (map.get(id)?.refId !== loan.id) return
    if (returned) map.delete(id)
    else map.set(id, { ...away('C-06', loan.id, loan.borrower, loan.loanedAt), status: 'missing', anomalyId })
  }
  for (const id of loan.carrierIds) back(work.carriersAway, id, p.returnedIds.includes(id))
  for (const id of loan.archiveFileIds) {
    const returned = p.returnedIds.includes(id)
    back(work.filesAway, id, returned)
    // rule C-21: a file's carriers come back, or stay missing, with their file.
    for (const carrierId of loan.fileCarrierIds[id] ?? []) back(work.carriersAway, carrierId, returned)
  }
}
