import { describe, expect, it } from 'vitest'
import type { MovementEventPayloads as P } from '../../../src/registers/movement/events.ts'
import { borrowed, codes, consultation, eventBuilder, foldMovements, loan } from './movement-fixtures.ts'

/** Refusal paths of lending out (rules C-06, C-21) that the main loan tests do not reach. */

const approve: P['movement.loan_out_approved'] = {
  carrierIds: ['c1'],
  borrower: '县农业农村局',
}

/** An approval to lend archived files (rule C-21 special case), with its stated reason. */
function filesApproval(archiveFileIds: string[], carrierIds: string[] = []): P['movement.loan_out_approved'] {
  return { ...approve, carrierIds, archiveFileIds, specialReason: '上级专项检查调阅' }
}

function filesLoan(loanId: string, archiveFileIds: string[], approvalId: string): P['movement.loaned_out'] {
  return loan({ loanId, carrierIds: [], archiveFileIds, approvalId })
}

describe('movement register: lending refusals (C-06, C-21)', () => {
  it('rule C-06: a loan id already used by a loan or by a borrowing in is refused (MOVEMENT-EXISTS)', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', approve),
      ev('movement.loaned_out', loan()),
      ev('movement.loan_out_approved', { ...approve, carrierIds: ['c2'] }),
      ev('movement.loaned_out', loan({ carrierIds: ['c2'], approvalId: 'm003' })),
      ev('movement.borrow_in_approved', { lender: '邻镇党政办', itemIds: ['x1'] }),
      ev('movement.borrowed_in', borrowed({ approvalId: 'm005' })),
      ev('movement.loaned_out', loan({ loanId: 'B1', carrierIds: ['c2'], approvalId: 'm003' })),
      ev('movement.loaned_out', loan({ loanId: 'L2', carrierIds: ['c2'], approvalId: 'm003' })),
    ])
    expect(codes(fold)).toEqual(['MOVEMENT-EXISTS', 'MOVEMENT-EXISTS'])
    expect(fold.refused.map((r) => [r.eventId, r.error.details])).toEqual([
      ['m004', { loanId: 'L1' }],
      ['m007', { loanId: 'B1' }],
    ])
    expect(fold.refused[1]?.error.message.en).toContain('B1')
    expect(fold.state.loans.get('L1')).toMatchObject({ carrierIds: ['c1'], eventId: 'm002' })
    expect([...fold.state.loans.keys()]).toEqual(['L1', 'L2'])
    expect(fold.state.borrowed.get('B1')?.eventId).toBe('m006')
    expect(fold.state.approvals.get('m003')?.usedBy).toBe('m008')
  })

  it('rule C-06: an approval and a loan list at least one carrier or archived file', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', { ...approve, carrierIds: [] }),
      ev('movement.loan_out_approved', approve),
      ev('movement.loaned_out', loan({ carrierIds: [], approvalId: 'm002' })),
      ev('movement.loaned_out', loan({ approvalId: 'm002' })),
    ])
    expect(codes(fold)).toEqual(['C-06', 'C-06'])
    expect(fold.refused.map((r) => r.eventId)).toEqual(['m001', 'm003'])
    expect(fold.refused[0]?.error.message.en).toContain('approval lists its carriers')
    expect(fold.refused[1]?.error.message.en).toContain('A loan lists its carriers')
    expect([...fold.state.approvals.keys()]).toEqual(['m002'])
    expect(fold.state.loans.get('L1')).toMatchObject({ carrierIds: ['c1'], eventId: 'm004' })
  })

  it('rules C-06, B-04: the refusal names the posts that approve a loan; the office head is refused', () => {
    const ev = eventBuilder()
    const fold = foldMovements([ev('movement.loan_out_approved', approve)], {
      posts: { leader1: ['office_head'] },
    })
    expect(codes(fold)).toEqual(['C-06'])
    expect(fold.refused[0]?.error.message.zh).toContain(
      '不是保密工作第一责任人（主要领导）或分管保密工作领导，不能批准',
    )
    expect(fold.refused[0]?.error.details).toEqual({
      approver: 'leader1',
      posts: ['first_responsible', 'responsible_leader'],
      held: ['office_head'],
    })
    expect(fold.state.approvals.size).toBe(0)
  })

  it('rule C-06: carriers and archived files go on one loan, each listed once across both lists', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', { ...approve, carrierIds: ['c1', 'c1'] }),
      ev('movement.loan_out_approved', filesApproval(['A-2020-1', 'A-2020-1'], ['c1'])),
      ev('movement.loan_out_approved', filesApproval(['A-2020-1'], ['c1'])),
      ev('movement.loaned_out', loan({ archiveFileIds: ['A-2020-1'], approvalId: 'm003' })),
    ])
    expect(codes(fold)).toEqual(['C-06', 'C-06'])
    expect(fold.refused.map((r) => [r.eventId, r.error.details])).toEqual([
      ['m001', { id: 'c1' }],
      ['m002', { id: 'A-2020-1' }],
    ])
    expect([...fold.state.approvals.keys()]).toEqual(['m003'])
    expect(fold.state.loans.get('L1')).toMatchObject({ carrierIds: ['c1'], archiveFileIds: ['A-2020-1'] })
    expect(fold.state.carriersAway.get('c1')).toMatchObject({ rule: 'C-06', refId: 'L1', status: 'out' })
    expect(fold.state.filesAway.get('A-2020-1')).toMatchObject({ rule: 'C-06', refId: 'L1', status: 'out' })
  })

  it('rule C-06: returning a loan never registered is refused under C-06 and changes nothing', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', approve),
      ev('movement.loaned_out', loan()),
      ev('movement.loan_returned', { loanId: 'L9', returnedIds: ['c1'], damagedIds: [] }),
    ])
    expect(codes(fold)).toEqual(['C-06'])
    expect(fold.refused[0]?.error.details).toEqual({ loanId: 'L9' })
    expect(fold.refused[0]?.error.message.en).toContain('Loan L9 is not registered')
    expect(fold.state.loans.get('L1')?.returned).toBeNull()
    expect(fold.state.carriersAway.get('c1')?.refId).toBe('L1')
  })
})

describe('movement register: lending archived files (C-21)', () => {
  it('rule C-21: a file is lent when no open consultation holds it (none at all, closed ones, other files)', () => {
    const ev = eventBuilder()
    const alone = foldMovements([
      ev('movement.loan_out_approved', filesApproval(['A-2020-1'])),
      ev('movement.loaned_out', filesLoan('L1', ['A-2020-1'], 'm001')),
    ])
    expect(codes(alone)).toEqual([])
    expect(alone.state.filesAway.get('A-2020-1')).toMatchObject({ refId: 'L1', status: 'out' })

    const ev2 = eventBuilder()
    const others = foldMovements([
      ev2('movement.consultation_registered', consultation()),
      ev2('movement.consultation_closed', { consultationId: 'Q1', missingFileIds: [] }),
      ev2(
        'movement.consultation_registered',
        consultation({
          consultationId: 'Q2',
          files: [{ fileId: 'A-2020-2', level: 'internal', part: '全卷' }],
        }),
      ),
      ev2('movement.loan_out_approved', filesApproval(['A-2020-1'])),
      ev2('movement.loaned_out', filesLoan('L1', ['A-2020-1'], 'm004')),
    ])
    expect(codes(others)).toEqual([])
    expect(others.state.loans.get('L1')?.archiveFileIds).toEqual(['A-2020-1'])
  })

  it('rule C-21: every listed file is checked; one under an open consultation of several files blocks the loan', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev(
        'movement.consultation_registered',
        consultation({
          files: [
            { fileId: 'A-2020-1', level: 'internal', part: '全卷' },
            { fileId: 'A-2020-2', level: 'internal', part: '全卷' },
          ],
        }),
      ),
      ev('movement.loan_out_approved', filesApproval(['A-2020-3', 'A-2020-1'])),
      ev('movement.loaned_out', filesLoan('L1', ['A-2020-3', 'A-2020-1'], 'm002')),
    ])
    expect(codes(fold)).toEqual(['C-21'])
    const error = fold.refused[0]?.error
    expect(error?.details).toEqual({ fileId: 'A-2020-1' })
    expect(error?.message.zh).toContain('案卷 A-2020-1 正在查阅中')
    expect(error?.message.en).toContain('Archived file A-2020-1 is being consulted')
    expect(fold.state.loans.size).toBe(0)
    expect(fold.state.filesAway.size).toBe(0)
  })

  it('rule C-21: a file already lent out is not lent again, and the refusal says it is away', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', filesApproval(['A-2020-1'])),
      ev('movement.loaned_out', filesLoan('L1', ['A-2020-1'], 'm001')),
      ev('movement.loan_out_approved', filesApproval(['A-2020-1'])),
      ev('movement.loaned_out', filesLoan('L2', ['A-2020-1'], 'm003')),
    ])
    expect(codes(fold)).toEqual(['C-21'])
    const error = fold.refused[0]?.error
    expect(error?.details).toEqual({ fileId: 'A-2020-1' })
    expect(error?.message.zh).toContain('案卷 A-2020-1 已借出或缺失')
    expect(error?.message.en).toContain('Archived file A-2020-1 is lent out or missing')
    expect([...fold.state.loans.keys()]).toEqual(['L1'])
    expect(fold.state.approvals.get('m003')?.usedBy).toBeNull()
  })
})
