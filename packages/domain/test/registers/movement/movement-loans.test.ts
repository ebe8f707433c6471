import { describe, expect, it } from 'vitest'
import type { MovementEventPayloads as P } from '../../../src/registers/movement/events.ts'
import { DEFAULT_MOVEMENT_POLICY } from '../../../src/registers/movement/policy.ts'
import {
  movementsDueSoon,
  openMovementAnomalies,
  overdueMovements,
} from '../../../src/registers/movement/queries.ts'
import { createMovementSlice, movementCarrierAway } from '../../../src/registers/movement/slice.ts'
import { codes, DAY, eventBuilder, foldMovements, HOUR, loan, START, trip } from './movement-fixtures.ts'

const approve: P['movement.loan_out_approved'] = {
  carrierIds: ['c1'],
  borrower: '县农业农村局',
}

describe('movement register: lending out (C-06)', () => {
  it("rule C-06: a loan needs our leader's recorded approval; with it the carrier is away", () => {
    const ev = eventBuilder()
    const refused = foldMovements([ev('movement.loaned_out', loan({ approvalId: 'm009' }))])
    expect(codes(refused)).toEqual(['C-06'])
    expect(refused.state.loans.size).toBe(0)

    const ev2 = eventBuilder()
    const fold = foldMovements([
      ev2('movement.loan_out_approved', approve),
      ev2('movement.loaned_out', loan()),
    ])
    expect(codes(fold)).toEqual([])
    expect(fold.state.loans.get('L1')).toMatchObject({
      borrower: '县农业农村局',
      approvedBy: 'leader1',
      returned: null,
    })
    expect(fold.state.approvals.get('m001')?.usedBy).toBe('m002')
    const away = movementCarrierAway(fold.state, 'c1')
    expect(away).toMatchObject({ code: 'C-06', holder: '县农业农村局', since: START + 2 * 60_000 })
    expect(away?.zh).toContain('规则 C-06')
    expect(movementCarrierAway(fold.state, 'c2')).toBeNull()
  })

  it('rules C-06, B-04: our side approves by the main leader or the 主管领导, never the office head or an officer', () => {
    const ev = eventBuilder()
    const fold = foldMovements(
      [
        ev('movement.loan_out_approved', approve, { actor: 'chief1' }),
        ev('movement.loan_out_approved', approve, { actor: 'officer1' }),
        ev('movement.loan_out_approved', approve),
        ev('movement.loaned_out', loan({ approvalId: 'm003' })),
      ],
      { posts: { leader1: ['responsible_leader'], chief1: ['office_head'] } },
    )
    expect(codes(fold)).toEqual(['C-06', 'ROLE'])
    expect(fold.refused[0]?.error.details).toMatchObject({ approver: 'chief1', held: ['office_head'] })
    expect(fold.state.approvals.get('m003')?.post).toBe('responsible_leader')
    expect(fold.state.loans.get('L1')?.approvalId).toBe('m003')
  })

  it("rule C-06: the borrower side's leader and its approval reference are registered", () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', approve),
      ev('movement.loaned_out', loan({ borrowerApprover: ' ' })),
      ev('movement.loaned_out', loan({ borrowerApprovalRef: '' })),
      ev('movement.loaned_out', loan()),
    ])
    expect(codes(fold)).toEqual(['C-06', 'C-06'])
    expect(fold.state.loans.get('L1')?.eventId).toBe('m004')
  })

  it('rule C-06: the approval covers this borrower and these carriers, once', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', approve),
      ev('movement.loaned_out', loan({ borrower: '县财政局' })),
      ev('movement.loaned_out', loan({ carrierIds: ['c1', 'c2'] })),
      ev('movement.loaned_out', loan({ carrierIds: ['c1', 'c1'] })),
      ev('movement.loaned_out', loan()),
      ev('movement.loan_returned', { loanId: 'L1', returnedIds: ['c1'], damagedIds: [] }),
      ev('movement.loaned_out', loan({ loanId: 'L2' })),
    ])
    expect(codes(fold)).toEqual(['C-06', 'C-06', 'C-06', 'C-06'])
    expect(fold.refused.at(-1)?.error.details).toMatchObject({ usedBy: 'm005' })
  })

  it('rule C-06: only carriers registered and in custody are lent (not out, destroyed, away, already lent)', () => {
    const ev = eventBuilder()
    const fold = foldMovements(
      [
        ev('movement.loan_out_approved', { ...approve, carrierIds: ['d1'] }),
        ev('movement.loan_out_approved', { ...approve, carrierIds: ['nope'] }),
        ev('movement.loan_out_approved', { ...approve, carrierIds: ['out1', 'c2', 'c1'] }),
        ev('movement.loaned_out', loan({ carrierIds: ['out1'], approvalId: 'm003' })),
        ev('movement.loaned_out', loan({ carrierIds: ['c2'], approvalId: 'm003' })),
        ev('movement.loaned_out', loan({ carrierIds: ['c1'], approvalId: 'm003' })),
        ev('movement.loan_out_approved', { ...approve, carrierIds: ['c1'] }),
        ev('movement.loaned_out', loan({ loanId: 'L2', approvalId: 'm007' })),
      ],
      { away: { c2: { code: 'C-10', zh: '已归档', en: 'archived', holder: 'archive', since: 0 } } },
    )
    expect(codes(fold)).toEqual(['C-06', 'C-06', 'C-06', 'C-06', 'C-06'])
    expect(fold.refused.map((r) => r.eventId)).toEqual(['m001', 'm002', 'm004', 'm005', 'm008'])
    expect(fold.refused[3]?.error.details).toMatchObject({ awayCode: 'C-10' })
    expect(fold.refused[4]?.error.message.zh).toContain('已借出')
    expect([...fold.state.loans.keys()]).toEqual(['L1'])
  })

  it('rule C-06: a carrier on a trip (C-08) is not lent', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.carry_out_approved', {
        carrierIds: ['c1'],
        abroad: false,
        foreignAffairs: false,
      }),
      ev('movement.carried_out', trip()),
      ev('movement.loan_out_approved', approve),
      ev('movement.loaned_out', loan({ approvalId: 'm003' })),
    ])
    expect(codes(fold)).toEqual(['C-06'])
    expect(fold.refused[0]?.error.message.en).toContain('T1')
  })

  it('rule C-06 (deadline): due after the loan and within the longest loan (boundary inclusive)', () => {
    const at = START + 2 * 60_000
    const run = (dueAt: number, maxLoanDays = DEFAULT_MOVEMENT_POLICY.maxLoanDays) => {
      const ev = eventBuilder()
      const slice = createMovementSlice({ ...DEFAULT_MOVEMENT_POLICY, maxLoanDays })
      return codes(
        foldMovements(
          [ev('movement.loan_out_approved', approve), ev('movement.loaned_out', loan({ dueAt }))],
          { slice },
        ),
      )
    }
    expect(run(at)).toEqual(['C-06'])
    expect(run(at + 1)).toEqual([])
    expect(run(at + 30 * DAY)).toEqual([])
    expect(run(at + 30 * DAY + 1)).toEqual(['C-06'])
    expect(run(at + 10 * DAY + 1, 10)).toEqual(['C-06'])
    expect(run(at + 10 * DAY, 10)).toEqual([])
  })

  it('rule C-06 (deadline): an open loan is overdue strictly after its due time, due soon before', () => {
    const ev = eventBuilder()
    const dueAt = START + 7 * DAY
    const events = [ev('movement.loan_out_approved', approve), ev('movement.loaned_out', loan({ dueAt }))]
    const { state } = foldMovements(events)
    expect(overdueMovements(state, dueAt)).toEqual([])
    expect(overdueMovements(state, dueAt + 1)).toEqual([
      {
        rule: 'C-06',
        kind: 'loan_out',
        id: 'L1',
        counterpart: '县农业农村局',
        itemIds: ['c1'],
        dueAt,
        since: START + 2 * 60_000,
      },
    ])
    expect(movementsDueSoon(state, dueAt - HOUR, HOUR).map((d) => d.id)).toEqual(['L1'])
    expect(movementsDueSoon(state, dueAt - HOUR - 1, HOUR)).toEqual([])
    expect(movementsDueSoon(state, dueAt + 1, HOUR)).toEqual([])
    const back = foldMovements([
      ...events,
      ev(
        'movement.loan_returned',
        { loanId: 'L1', returnedIds: ['c1'], damagedIds: [] },
        { at: dueAt + DAY },
      ),
    ])
    expect(overdueMovements(back.state, dueAt + 2 * DAY)).toEqual([])
    expect(back.state.loans.get('L1')?.returned).toMatchObject({ at: dueAt + DAY, anomalyId: null })
  })

  it('rule C-06: the return is checked; a missing item stays away under an anomaly resolvable with a note', () => {
    const ev = eventBuilder()
    const events = [
      ev('movement.loan_out_approved', { ...approve, carrierIds: ['c1', 'c2'] }),
      ev('movement.loaned_out', loan({ carrierIds: ['c1', 'c2'] })),
      ev('movement.loan_returned', { loanId: 'L1', returnedIds: ['c1', 'c9'], damagedIds: [] }),
      ev('movement.loan_returned', { loanId: 'L1', returnedIds: ['c1'], damagedIds: ['c2'] }),
      ev('movement.loan_returned', { loanId: 'L1', returnedIds: ['c1'], damagedIds: [] }),
      ev('movement.loan_returned', { loanId: 'L1', returnedIds: ['c1', 'c2'], damagedIds: [] }),
    ]
    const fold = foldMovements(events)
    expect(codes(fold)).toEqual(['C-06', 'C-06', 'MOVEMENT-CLOSED'])
    const [anomaly] = openMovementAnomalies(fold.state)
    expect(anomaly).toMatchObject({
      id: 'loan_incomplete:m005',
      rule: 'C-06',
      missingIds: ['c2'],
      refId: 'L1',
    })
    expect(movementCarrierAway(fold.state, 'c1')).toBeNull()
    expect(movementCarrierAway(fold.state, 'c2')).toMatchObject({ code: 'C-06' })
    expect(movementCarrierAway(fold.state, 'c2')?.zh).toContain('未归还')

    const lost = foldMovements([
      ...events,
      ev('movement.anomaly_resolved', {
        anomalyId: 'loan_incomplete:m005',
        note: '已报告保密局',
        recovered: false,
      }),
    ])
    expect(openMovementAnomalies(lost.state)).toEqual([])
    expect(movementCarrierAway(lost.state, 'c2')?.zh).toContain('遗失')

    const found = foldMovements([
      ...events,
      ev('movement.anomaly_resolved', {
        anomalyId: 'loan_incomplete:m005',
        note: '对方补还',
        recovered: true,
      }),
      ev('movement.anomaly_resolved', { anomalyId: 'loan_incomplete:m005', note: '再次', recovered: true }),
      ev('movement.anomaly_resolved', { anomalyId: 'loan_incomplete:nope', note: '无', recovered: true }),
    ])
    expect(codes(found).slice(-2)).toEqual(['MOVEMENT-CLOSED', 'MOVEMENT-UNKNOWN'])
    expect(found.state.anomalies.get('loan_incomplete:m005')).toMatchObject({
      note: '对方补还',
      recovered: true,
    })
    expect(movementCarrierAway(found.state, 'c2')).toBeNull()
  })

  it('rule C-06: a damaged carrier is back in custody but opens an anomaly', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', approve),
      ev('movement.loaned_out', loan()),
      ev('movement.loan_returned', {
        loanId: 'L1',
        returnedIds: ['c1'],
        damagedIds: ['c1'],
        note: '封皮破损',
      }),
    ])
    expect(openMovementAnomalies(fold.state)).toMatchObject([{ damagedIds: ['c1'], missingIds: [] }])
    expect(movementCarrierAway(fold.state, 'c1')).toBeNull()
  })
})
