import { describe, expect, it } from 'vitest'
import type { MovementEventPayloads as P } from '../../../src/registers/movement/events.ts'
import { overdueMovements } from '../../../src/registers/movement/queries.ts'
import { codes, DAY, eventBuilder, foldMovements, loan, MIN, START } from './movement-fixtures.ts'

/** Rule C-06, 续借: a loan extension is requested (with the borrower side's consent) and approved by us. */

const lend: P['movement.loan_out_approved'] = { carrierIds: ['c1'], borrower: '县农业农村局' }
/** The loan L1 (m002) is due 7 days after START. */
const DUE = START + 7 * DAY

function request(
  o: Partial<P['movement.loan_extension_requested']> = {},
): P['movement.loan_extension_requested'] {
  return {
    requestId: 'X1',
    loanId: 'L1',
    newDueAt: DUE + 7 * DAY,
    borrowerApprover: '赵局长',
    borrowerApprovalRef: '农借〔2026〕5号',
    ...o,
  }
}

describe('movement register: loan extension (C-06 续借)', () => {
  it('rule C-06: requested, then approved by our leader; the due date moves and the history is kept', () => {
    const ev = eventBuilder()
    const at = START + 5 * DAY
    const fold = foldMovements([
      ev('movement.loan_out_approved', lend),
      ev('movement.loaned_out', loan({ dueAt: DUE })),
      ev('movement.loan_extension_requested', request(), { at }),
      ev('movement.loan_extension_approved', { requestId: 'X1' }, { at: at + MIN }),
    ])
    expect(codes(fold)).toEqual([])
    const l1 = fold.state.loans.get('L1')
    expect(l1?.dueAt).toBe(DUE + 7 * DAY)
    expect(l1?.extensionRequest).toBeNull()
    expect(l1?.extensions).toEqual([
      {
        requestId: 'X1',
        eventId: 'm003',
        requestedBy: 'officer1',
        borrowerApprover: '赵局长',
        borrowerApprovalRef: '农借〔2026〕5号',
        newDueAt: DUE + 7 * DAY,
        at,
        approvalEventId: 'm004',
        approvedBy: 'leader1',
        post: 'first_responsible',
        approvedAt: at + MIN,
        previousDueAt: DUE,
      },
    ])
    // rule C-06 (deadline): overdue only after the new due date.
    expect(overdueMovements(fold.state, DUE + DAY)).toEqual([])
    expect(overdueMovements(fold.state, DUE + 7 * DAY + 1).map((d) => d.id)).toEqual(['L1'])
  })

  it('rule C-06: until approved the loan keeps its due date, and a second request waits for the first', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', lend),
      ev('movement.loaned_out', loan({ dueAt: DUE })),
      ev('movement.loan_extension_requested', request()),
      ev('movement.loan_extension_requested', request({ requestId: 'X2' })),
      ev('movement.loan_extension_requested', request()),
    ])
    expect(codes(fold)).toEqual(['C-06', 'MOVEMENT-EXISTS'])
    expect(fold.refused[0]?.error.details).toEqual({ loanId: 'L1', requestId: 'X1' })
    expect(fold.state.loans.get('L1')).toMatchObject({ dueAt: DUE, extensionRequest: { requestId: 'X1' } })
    expect(overdueMovements(fold.state, DUE + 1).map((d) => d.id)).toEqual(['L1'])
  })

  it('rule C-06: the new due date is judged by the loan rule: later, within the longest loan, both sides', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', lend),
      ev('movement.loaned_out', loan({ dueAt: DUE })),
      ev('movement.loan_extension_requested', request({ loanId: 'L9' })),
      ev('movement.loan_extension_requested', request({ newDueAt: DUE })),
      // 30 days at most from the request, as from the loan.
      ev('movement.loan_extension_requested', request({ newDueAt: START + 5 * MIN + 30 * DAY + 1 })),
      ev('movement.loan_extension_requested', request({ borrowerApprover: ' ' })),
      ev('movement.loan_extension_requested', request({ borrowerApprovalRef: '' })),
      ev('movement.loan_extension_requested', request({ newDueAt: START + 8 * MIN + 30 * DAY })),
    ])
    expect(codes(fold)).toEqual(['C-06', 'C-06', 'C-06', 'C-06', 'C-06'])
    expect(fold.refused[0]?.error.details).toEqual({ loanId: 'L9' })
    expect(fold.refused[1]?.error.message.zh).toContain('续借的归还日期须晚于原归还日期')
    expect(fold.refused[2]?.error.message.zh).toContain('借阅须定归还日期，且不超过 30 天')
    expect(fold.refused[3]?.error.message.zh).toContain('续借须经借阅方领导签字同意')
    expect(fold.state.loans.get('L1')?.extensionRequest?.eventId).toBe('m008')
  })

  it('rule C-06: an overdue or returned loan is not extended; the carriers come back first', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', lend),
      ev('movement.loaned_out', loan({ dueAt: DUE })),
      ev('movement.loan_extension_requested', request(), { at: DUE + 1 }),
      ev('movement.loan_returned', { loanId: 'L1', returnedIds: ['c1'], damagedIds: [] }, { at: DUE + 2 }),
      ev('movement.loan_extension_requested', request({ requestId: 'X2' }), { at: DUE + 3 }),
    ])
    expect(codes(fold)).toEqual(['C-06', 'MOVEMENT-CLOSED'])
    expect(fold.refused[0]?.error.message.zh).toContain('已逾期，须先归还，不能续借')
    expect(fold.state.loans.get('L1')?.extensions).toEqual([])
  })

  it('rules C-06, B-04: our main or 主管 leader (organisation register) approves a pending request, once', () => {
    const ev = eventBuilder()
    const at = START + 5 * DAY
    const posts = { leader1: ['responsible_leader'], chief1: ['office_head'] } as const
    const fold = foldMovements(
      [
        ev('movement.loan_out_approved', lend),
        ev('movement.loaned_out', loan({ dueAt: DUE })),
        ev('movement.loan_extension_approved', { requestId: 'X1' }, { at }),
        ev('movement.loan_extension_requested', request({ newDueAt: DUE + 20 * DAY }), { at }),
        ev('movement.loan_extension_approved', { requestId: 'X1' }, { at: at + MIN, actor: 'chief1' }),
        ev('movement.loan_extension_approved', { requestId: 'X1' }, { at: at + 2 * MIN }),
        ev('movement.loan_extension_approved', { requestId: 'X1' }, { at: at + 3 * MIN }),
      ],
      { posts },
    )
    expect(codes(fold)).toEqual(['C-06', 'C-06', 'C-06'])
    expect(fold.refused.map((r) => r.eventId)).toEqual(['m003', 'm005', 'm007'])
    expect(fold.refused[0]?.error.details).toEqual({ requestId: 'X1' })
    expect(fold.refused[1]?.error.details).toMatchObject({ approver: 'chief1', held: ['office_head'] })
    expect(fold.refused[2]?.error.message.zh).toContain('没有待批准的续借申请 X1')
    expect(fold.state.loans.get('L1')).toMatchObject({ dueAt: DUE + 20 * DAY, extensionRequest: null })
    expect(fold.state.loans.get('L1')?.extensions[0]?.post).toBe('responsible_leader')
  })

  it('rule C-06: the new due date is judged again from the approval that makes it take effect', () => {
    const ev = eventBuilder()
    const newDueAt = DUE + 20 * DAY
    const fold = foldMovements([
      ev('movement.loan_out_approved', lend),
      ev('movement.loaned_out', loan({ dueAt: DUE })),
      ev('movement.loan_extension_requested', request({ newDueAt }), { at: START + 5 * DAY }),
      ev('movement.loan_extension_approved', { requestId: 'X1' }, { at: newDueAt }),
    ])
    expect(codes(fold)).toEqual(['C-06'])
    expect(fold.refused[0]?.error.details).toEqual({ dueAt: newDueAt })
    expect(fold.state.loans.get('L1')?.dueAt).toBe(DUE)
  })

  it('rule C-06 (four eyes): the approver is not the borrower side, nor the officer who recorded the request', () => {
    const ev = eventBuilder()
    const at = START + DAY
    const fold = foldMovements([
      ev('movement.loan_out_approved', lend),
      ev('movement.loaned_out', loan({ dueAt: DUE })),
      // Our leader who approved the loan cannot consent for the borrower's side.
      ev('movement.loan_extension_requested', request({ borrowerApprover: 'leader1' }), { at }),
      // chief1 records the request as an officer, then cannot approve it as a leader.
      ev('movement.loan_extension_requested', request(), { at, actor: 'chief1' }),
      ev('movement.loan_extension_approved', { requestId: 'X1' }, { at: at + MIN, actor: 'chief1' }),
      ev('movement.loan_extension_approved', { requestId: 'X1' }, { at: at + 2 * MIN }),
    ])
    expect(codes(fold)).toEqual(['C-06', 'C-06'])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { person: 'leader1', parts: ["lending side's leader", "borrowing side's leader"] },
      { person: 'chief1', parts: ["lending side's leader", 'lender'] },
    ])
    expect(fold.state.loans.get('L1')?.extensions.map((x) => [x.requestedBy, x.approvedBy])).toEqual([
      ['chief1', 'leader1'],
    ])
  })
})
