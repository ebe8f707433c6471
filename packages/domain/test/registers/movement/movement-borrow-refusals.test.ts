import { describe, expect, it } from 'vitest'
import type { MovementEventPayloads as P } from '../../../src/registers/movement/events.ts'
import { borrowed, codes, eventBuilder, foldMovements, loan, MIN, START } from './movement-fixtures.ts'

/** What each refusal of borrowing in (rule C-06) says, and the paths the main borrowing tests do not reach. */

const approveIn: P['movement.borrow_in_approved'] = {
  lender: '邻镇党政办',
  itemIds: ['x1', 'x2'],
}

describe('movement register: borrowing in refusals (C-06)', () => {
  it('rules C-06, B-04: our main leader or 主管领导 approves borrowing in, for each item once; the refusal says so', () => {
    const ev = eventBuilder()
    const fold = foldMovements(
      [
        ev('movement.borrow_in_approved', approveIn, { actor: 'chief1' }),
        ev('movement.borrow_in_approved', { ...approveIn, itemIds: ['x1', 'x1'] }),
      ],
      { posts: { leader1: ['responsible_leader'], chief1: ['office_head', 'group_member'] } },
    )
    expect(codes(fold)).toEqual(['C-06', 'C-06'])
    expect(fold.refused[0]?.error.message.zh).toContain(
      'chief1 在组织机构台账中不是保密工作第一责任人（主要领导）或分管保密工作领导',
    )
    expect(fold.refused[0]?.error.details).toMatchObject({ held: ['office_head', 'group_member'] })
    expect(fold.refused[1]?.error.details).toEqual({ id: 'x1' })
    expect(fold.state.approvals.size).toBe(0)
  })

  it('rule C-06: a borrowing id already used by a borrowing or by a loan out is refused (MOVEMENT-EXISTS)', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.borrow_in_approved', approveIn),
      ev('movement.borrowed_in', borrowed({ approvalId: 'm001' })),
      ev('movement.borrow_in_approved', approveIn),
      ev('movement.borrowed_in', borrowed({ approvalId: 'm003', lender: '邻镇党政办' })),
      ev('movement.loan_out_approved', { carrierIds: ['c1'], borrower: '县农业农村局' }),
      ev('movement.loaned_out', loan({ approvalId: 'm005' })),
      ev('movement.borrowed_in', borrowed({ loanId: 'L1', approvalId: 'm003' })),
      ev('movement.borrowed_in', borrowed({ loanId: 'B2', approvalId: 'm003' })),
    ])
    expect(codes(fold)).toEqual(['MOVEMENT-EXISTS', 'MOVEMENT-EXISTS'])
    expect(fold.refused.map((r) => [r.eventId, r.error.details])).toEqual([
      ['m004', { loanId: 'B1' }],
      ['m007', { loanId: 'L1' }],
    ])
    expect([...fold.state.borrowed.keys()]).toEqual(['B1', 'B2'])
    expect(fold.state.borrowed.get('B1')?.eventId).toBe('m002')
  })

  it('rule C-06: without our approval the refusal names the approval; items are listed once; due strictly after', () => {
    const ev = eventBuilder()
    const items = [
      { itemId: 'x1', docNumber: 'a', level: 'secret' as const },
      { itemId: 'x1', docNumber: 'b', level: 'secret' as const },
    ]
    const fold = foldMovements([
      ev('movement.borrowed_in', borrowed({ approvalId: 'm009' })),
      ev('movement.borrow_in_approved', approveIn),
      ev('movement.borrowed_in', borrowed({ approvalId: 'm002', items })),
      ev('movement.borrowed_in', borrowed({ approvalId: 'm002', dueAt: START + 4 * MIN })),
      ev('movement.borrowed_in', borrowed({ approvalId: 'm002', dueAt: START + 5 * MIN + 1 })),
    ])
    expect(codes(fold)).toEqual(['C-06', 'C-06', 'C-06'])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { approvalId: 'm009' },
      { id: 'x1' },
      { dueAt: START + 4 * MIN },
    ])
    expect(fold.refused[0]?.error.message.zh).toContain('没有领导的借入批准记录 m009')
    expect(fold.state.borrowed.get('B1')).toMatchObject({ eventId: 'm005', dueAt: START + 5 * MIN + 1 })
  })
})

describe('movement register: copies of borrowed carriers (C-06)', () => {
  it("rule C-06: the refusal says whether it is an excerpt or a copy that lacks the lender's signature", () => {
    const ev = eventBuilder()
    const copy = { loanId: 'B1', itemId: 'x1', copyId: 'k1' }
    const fold = foldMovements([
      ev('movement.borrow_in_approved', approveIn),
      ev('movement.borrowed_in', borrowed()),
      ev('movement.borrowed_copy_recorded', { ...copy, mode: 'excerpt' }),
      ev('movement.borrowed_copy_recorded', { ...copy, mode: 'copy', lenderApprovalRef: ' ' }),
    ])
    expect(codes(fold)).toEqual(['C-06', 'C-06'])
    const [excerpt, copied] = fold.refused.map((r) => r.error)
    expect(excerpt?.message.zh).toContain('借阅人员不得摘抄借入的载体')
    expect(excerpt?.message.en).toContain('A borrowed carrier is not excerpted without')
    expect(copied?.message.zh).toContain('借阅人员不得复印借入的载体')
    expect(copied?.message.en).toContain('A borrowed carrier is not copied without')
    expect(excerpt?.details).toEqual({ loanId: 'B1', itemId: 'x1' })
  })

  it('rule C-06: a copy id is registered once per borrowing (MOVEMENT-EXISTS)', () => {
    const ev = eventBuilder()
    const copy = {
      loanId: 'B1',
      itemId: 'x1',
      copyId: 'k1',
      mode: 'copy',
      lenderApprovalRef: '邻镇批字1号',
    } as const
    const fold = foldMovements([
      ev('movement.borrow_in_approved', approveIn),
      ev('movement.borrowed_in', borrowed()),
      ev('movement.borrowed_copy_recorded', copy),
      ev('movement.borrowed_copy_recorded', { ...copy, mode: 'excerpt' }),
      ev('movement.borrowed_copy_recorded', { ...copy, copyId: 'k2' }),
    ])
    expect(codes(fold)).toEqual(['MOVEMENT-EXISTS'])
    expect(fold.refused[0]?.eventId).toBe('m004')
    expect(fold.refused[0]?.error.message.en).toContain('Copy k1 is already registered')
    expect(fold.state.borrowed.get('B1')?.copies.map((c) => [c.copyId, c.mode, c.eventId])).toEqual([
      ['k1', 'copy', 'm003'],
      ['k2', 'copy', 'm005'],
    ])
  })
})
