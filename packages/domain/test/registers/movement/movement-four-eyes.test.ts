import { describe, expect, it } from 'vitest'
import type { MovementEventPayloads as P } from '../../../src/registers/movement/events.ts'
import {
  borrowed,
  codes,
  consultation,
  eventBuilder,
  foldMovements,
  loan,
  trip,
} from './movement-fixtures.ts'

/**
 * Four eyes in the movement register (issue 11 item 1): one person fills one part of an approval chain,
 * whatever posts or roles they hold. chief1 is both a leader (分管领导) and an officer: the case of one
 * person holding two posts.
 */

const lend: P['movement.loan_out_approved'] = { carrierIds: ['c1'], borrower: '县农业农村局' }

describe('movement register: four eyes on loans (C-06)', () => {
  it('rule C-06: no leader approves a loan to themselves', () => {
    const ev = eventBuilder()
    const fold = foldMovements([ev('movement.loan_out_approved', { ...lend, borrower: 'leader1' })])
    expect(codes(fold)).toEqual(['C-06'])
    expect(fold.refused[0]?.error.details).toEqual({
      person: 'leader1',
      parts: ['approving leader', 'borrower'],
    })
    expect(fold.state.approvals.size).toBe(0)
  })

  it('rule C-06: nobody signs for both sides of a loan, nor approves and registers it', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', { ...lend, borrower: '王五' }),
      // Our leader cannot also be the borrowing side's leader.
      ev(
        'movement.loaned_out',
        loan({ borrower: '王五', borrowerKind: 'person', borrowerApprover: 'leader1' }),
      ),
      // The officer who lends cannot be the borrower.
      ev('movement.loan_out_approved', { ...lend, borrower: 'officer1' }),
      ev('movement.loaned_out', loan({ loanId: 'L2', borrower: 'officer1', approvalId: 'm003' })),
      // chief1 approves as a leader, then registers the loan as an officer: one person, two parts.
      ev('movement.loan_out_approved', { ...lend, carrierIds: ['c2'] }, { actor: 'chief1' }),
      ev('movement.loaned_out', loan({ loanId: 'L3', carrierIds: ['c2'], approvalId: 'm005' }), {
        actor: 'chief1',
      }),
      ev('movement.loaned_out', loan({ loanId: 'L4', carrierIds: ['c2'], approvalId: 'm005' })),
    ])
    expect(codes(fold)).toEqual(['C-06', 'C-06', 'C-06'])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { person: 'leader1', parts: ["lending side's leader", "borrowing side's leader"] },
      { person: 'officer1', parts: ['borrower', 'lender'] },
      { person: 'chief1', parts: ["lending side's leader", 'lender'] },
    ])
    expect(fold.refused[0]?.error.message.zh).toContain('leader1 不能既是出借方领导又是借阅方领导')
    expect([...fold.state.loans.keys()]).toEqual(['L4'])
  })

  it("rule C-06: borrowing in, our leader is not the lender's leader, nor the one who registers it", () => {
    const ev = eventBuilder()
    const approveIn = { lender: '邻镇党政办', itemIds: ['x1'] }
    const fold = foldMovements([
      ev('movement.borrow_in_approved', approveIn),
      ev('movement.borrowed_in', borrowed({ lenderApprover: 'leader1' })),
      ev('movement.borrow_in_approved', approveIn, { actor: 'chief1' }),
      ev('movement.borrowed_in', borrowed({ loanId: 'B2', approvalId: 'm003' }), { actor: 'chief1' }),
      ev('movement.borrowed_in', borrowed({ loanId: 'B3', approvalId: 'm003' })),
    ])
    expect(codes(fold)).toEqual(['C-06', 'C-06'])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { person: 'leader1', parts: ["borrowing side's leader", "lending side's leader"] },
      { person: 'chief1', parts: ["borrowing side's leader", 'registering officer'] },
    ])
    expect([...fold.state.borrowed.keys()]).toEqual(['B3'])
  })
})

describe('movement register: four eyes on trips (C-08)', () => {
  const carryOut: P['movement.carry_out_approved'] = {
    carrierIds: ['c1'],
    abroad: false,
    foreignAffairs: false,
  }

  it('rule C-08: the approving leader neither carries the carriers out nor registers the trip', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.carry_out_approved', carryOut),
      ev('movement.carried_out', trip({ bearers: ['leader1', '王保密'] })),
      ev('movement.carried_out', trip({ tripId: 'T2' })),
    ])
    expect(codes(fold)).toEqual(['C-08'])
    expect(fold.refused[0]?.error.details).toEqual({
      person: 'leader1',
      parts: ['approving leader', 'bearer'],
    })
    expect([...fold.state.trips.keys()]).toEqual(['T2'])
  })

  it('rule C-08: chief1, a leader and an officer, does not approve a trip they then register', () => {
    const ev = eventBuilder()
    const allow = { posts: { leader1: ['first_responsible'], chief1: ['first_responsible'] } } as const
    const fold = foldMovements(
      [
        ev('movement.carry_out_approved', carryOut, { actor: 'chief1' }),
        ev('movement.carried_out', trip(), { actor: 'chief1' }),
        ev('movement.carried_out', trip({ bearers: ['王保密'] })),
      ],
      allow,
    )
    expect(codes(fold)).toEqual(['C-08'])
    expect(fold.refused[0]?.error.details).toEqual({
      person: 'chief1',
      parts: ['approving leader', 'registering officer'],
    })
    expect(fold.state.trips.get('T1')?.approvedBy).toBe('chief1')
  })
})

describe('movement register: four eyes on archive consultation (C-21)', () => {
  const secret: P['movement.consultation_registered']['files'] = [
    { fileId: 'A-2019-7', level: 'secret', part: '卷内第2件' },
  ]

  it('rule C-21: the office head does not approve their own consultation, nor register one they approved', () => {
    const ev = eventBuilder()
    const posts = { leader1: ['office_head'], chief1: ['office_head'] } as const
    const fold = foldMovements(
      [
        ev('movement.consultation_approved', { archiveFileIds: ['A-2019-7'], consultant: 'leader1' }),
        ev(
          'movement.consultation_approved',
          { archiveFileIds: ['A-2019-7'], consultant: '李四' },
          {
            actor: 'chief1',
          },
        ),
        ev('movement.consultation_registered', consultation({ files: secret, approvalId: 'm002' }), {
          actor: 'chief1',
        }),
        ev('movement.consultation_registered', consultation({ files: secret, approvalId: 'm002' })),
      ],
      { posts },
    )
    expect(codes(fold)).toEqual(['C-21', 'C-21'])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { person: 'leader1', parts: ['approving leader', 'consultant'] },
      { person: 'chief1', parts: ['approving leader', 'registering officer'] },
    ])
    expect(fold.state.consultations.get('Q1')?.eventId).toBe('m004')
  })

  it('rule C-21: the consultant does not check their own excerpt', () => {
    const ev = eventBuilder()
    const excerpt = { consultationId: 'Q1', fileId: 'A-2020-1', withinRegisteredPart: true, stamped: true }
    const fold = foldMovements([
      ev('movement.consultation_registered', consultation()),
      ev('movement.consultation_excerpt_recorded', { ...excerpt, excerptId: 'x1', checkedBy: ' 李四' }),
      ev('movement.consultation_excerpt_recorded', { ...excerpt, excerptId: 'x2', checkedBy: 'officer1' }),
    ])
    expect(codes(fold)).toEqual(['C-21'])
    expect(fold.refused[0]?.error.details).toEqual({ person: '李四', parts: ['consultant', 'checker'] })
    expect(fold.state.consultations.get('Q1')?.excerpts.map((x) => x.excerptId)).toEqual(['x2'])
  })
})
