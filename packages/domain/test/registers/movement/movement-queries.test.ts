import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import type { MovementEventPayloads as P } from '../../../src/registers/movement/events.ts'
import {
  carrierMovements,
  electronicUseApproved,
  electronicUses,
  movementsDueSoon,
  openMovementAnomalies,
  overdueMovements,
  widenedScope,
} from '../../../src/registers/movement/queries.ts'
import { carrierFixture } from '../../support/slice-fold.ts'
import {
  borrowed,
  CARRIERS,
  codes,
  DAY,
  type Ev,
  eventBuilder,
  foldMovements,
  HOUR,
  loan,
  MIN,
  START,
  trip,
} from './movement-fixtures.ts'

/** Order, selection and outcome columns of the movement queries (rules C-03, C-06, C-08, C-16). */

const lendTo = (carrierIds: string[]): P['movement.loan_out_approved'] => ({
  carrierIds,
  borrower: '县农业农村局',
})
const carryOut = (carrierIds: string[]): P['movement.carry_out_approved'] => ({
  carrierIds,
  abroad: false,
  foreignAffairs: false,
})
const borrowIn: P['movement.borrow_in_approved'] = {
  lender: '邻镇党政办',
  itemIds: ['x1'],
}
const bearers = ['officer1', '李四']

/** Loans L2 and L1 (same due time, L2 first), a borrowing B1 and a trip T1, opened in that order. */
function openMovements(ev: Ev): SliceEvent[] {
  return [
    ev('movement.loan_out_approved', lendTo(['c2'])),
    ev(
      'movement.loaned_out',
      loan({ loanId: 'L2', carrierIds: ['c2'], approvalId: 'm001', dueAt: START + 3 * DAY }),
    ),
    ev('movement.loan_out_approved', lendTo(['c1'])),
    ev('movement.loaned_out', loan({ approvalId: 'm003', dueAt: START + 3 * DAY })),
    ev('movement.borrow_in_approved', borrowIn),
    ev('movement.borrowed_in', borrowed({ approvalId: 'm005', dueAt: START + 2 * DAY })),
    ev('movement.carry_out_approved', carryOut(['arch1'])),
    ev('movement.carried_out', trip({ carrierIds: ['arch1'], bearers, approvalId: 'm007' })),
  ]
}

describe('movement queries: deadlines (rules C-06, C-08)', () => {
  it('rules C-06, C-08: overdue and due-soon lists are ordered by due time, then by id, across all kinds', () => {
    const ev = eventBuilder()
    const fold = foldMovements(openMovements(ev))
    expect(codes(fold)).toEqual([])
    const overdue = overdueMovements(fold.state, START + 10 * DAY)
    expect(overdue.map((d) => [d.kind, d.id, d.counterpart, d.itemIds, d.dueAt])).toEqual([
      ['trip', 'T1', 'officer1、李四', ['arch1'], START + 8 * HOUR],
      ['borrowed_in', 'B1', '邻镇党政办', ['x1'], START + 2 * DAY],
      ['loan_out', 'L1', '县农业农村局', ['c1'], START + 3 * DAY],
      ['loan_out', 'L2', '县农业农村局', ['c2'], START + 3 * DAY],
    ])
    expect(movementsDueSoon(fold.state, START + 8 * MIN, 10 * DAY).map((d) => d.id)).toEqual([
      'T1',
      'B1',
      'L1',
      'L2',
    ])
    // Due exactly now is due soon, not overdue.
    expect(movementsDueSoon(fold.state, START + 3 * DAY, 0).map((d) => d.id)).toEqual(['L1', 'L2'])
    expect(overdueMovements(fold.state, START + 3 * DAY).map((d) => d.id)).toEqual(['T1', 'B1'])
  })

  it('rule C-08: a trip back from its return check is no longer due or overdue', () => {
    const ev = eventBuilder()
    const opened = openMovements(ev)
    const back = ev('movement.trip_returned', {
      tripId: 'T1',
      returnedIds: ['arch1'],
      damagedIds: [],
      custodyKept: true,
    })
    const fold = foldMovements([...opened, back])
    expect(codes(fold)).toEqual([])
    expect(overdueMovements(fold.state, START + 10 * DAY).map((d) => d.id)).toEqual(['B1', 'L1', 'L2'])
    expect(movementsDueSoon(fold.state, START + 9 * MIN, 8 * HOUR)).toEqual([])
  })

  it('rules C-06, C-08: a loan and a trip with the same id and due time keep the loan first', () => {
    const ev = eventBuilder()
    const dueAt = START + 8 * HOUR
    const fold = foldMovements([
      ev('movement.loan_out_approved', lendTo(['c1'])),
      ev('movement.loaned_out', loan({ loanId: 'X1', approvalId: 'm001', dueAt })),
      ev('movement.carry_out_approved', carryOut(['arch1'])),
      ev(
        'movement.carried_out',
        trip({ tripId: 'X1', carrierIds: ['arch1'], approvalId: 'm003', plannedReturnAt: dueAt }),
      ),
    ])
    expect(codes(fold)).toEqual([])
    expect(overdueMovements(fold.state, dueAt + 1).map((d) => [d.kind, d.id])).toEqual([
      ['loan_out', 'X1'],
      ['trip', 'X1'],
    ])
  })
})

describe('movement queries: anomalies and 去向 (rules C-06, C-08)', () => {
  it('rules C-06, C-08: open anomalies are listed by opening time, then by id', () => {
    const ev = eventBuilder()
    const at = START + DAY
    const fold = foldMovements([
      ...openMovements(ev),
      ev(
        'movement.trip_returned',
        { tripId: 'T1', returnedIds: [], damagedIds: [], custodyKept: true },
        { at },
      ),
      ev('movement.loan_returned', { loanId: 'L1', returnedIds: [], damagedIds: [] }, { at }),
      ev('movement.returned_to_lender', { loanId: 'B1', returnedIds: [] }, { at: at + 1 }),
    ])
    expect(codes(fold)).toEqual([])
    expect([...fold.state.anomalies.keys()]).toEqual([
      'trip_incomplete:m009',
      'loan_incomplete:m010',
      'borrowed_return_incomplete:m011',
    ])
    expect(openMovementAnomalies(fold.state).map((a) => [a.id, a.openedAt])).toEqual([
      ['loan_incomplete:m010', at],
      ['trip_incomplete:m009', at],
      ['borrowed_return_incomplete:m011', at + 1],
    ])
  })

  it("rules C-06, C-08: a carrier's 去向 shows returned, damaged, missing and late per carrier", () => {
    const ev = eventBuilder()
    const dueAt = START + 3 * DAY
    const fold = foldMovements([
      ev('movement.loan_out_approved', lendTo(['c1', 'c2'])),
      ev('movement.loaned_out', loan({ carrierIds: ['c1', 'c2'], approvalId: 'm001', dueAt })),
      ev('movement.loan_returned', { loanId: 'L1', returnedIds: ['c1'], damagedIds: ['c1'] }, { at: dueAt }),
      ev('movement.loan_out_approved', lendTo(['c1'])),
      ev('movement.loaned_out', loan({ loanId: 'L2', approvalId: 'm004', dueAt: dueAt + DAY }), {
        at: dueAt + MIN,
      }),
    ])
    expect(codes(fold)).toEqual([])
    const base = { kind: 'loan_out', rule: 'C-06', holder: '县农业农村局' }
    expect(carrierMovements(fold.state, 'c1')).toEqual([
      {
        ...base,
        id: 'L1',
        from: START + 2 * MIN,
        dueAt,
        returnedAt: dueAt,
        missing: false,
        damaged: true,
        lateReturn: false,
      },
      {
        ...base,
        id: 'L2',
        from: dueAt + MIN,
        dueAt: dueAt + DAY,
        returnedAt: null,
        missing: false,
        damaged: false,
        lateReturn: false,
      },
    ])
    expect(carrierMovements(fold.state, 'c2')).toEqual([
      {
        ...base,
        id: 'L1',
        from: START + 2 * MIN,
        dueAt,
        returnedAt: dueAt,
        missing: true,
        damaged: false,
        lateReturn: false,
      },
    ])
  })

  it('rule C-08: the 去向 of a trip names all bearers and the destination', () => {
    const ev = eventBuilder()
    const fold = foldMovements(openMovements(ev))
    expect(carrierMovements(fold.state, 'arch1').map((m) => [m.kind, m.holder])).toEqual([
      ['trip', 'officer1、李四 → 县委办公室'],
    ])
  })
})

describe('movement queries: scope and electronic files (rules C-03, C-16)', () => {
  it('rule C-03: a carrier never widened has an empty widened scope', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.scope_widening_approved', { carrierId: 'c1', readers: ['张三'] }),
      ev('movement.scope_widened', { carrierId: 'c1', readers: ['张三'], approvalId: 'm001' }),
    ])
    expect(widenedScope(fold.state, 'c1').map((g) => g.reader)).toEqual(['张三'])
    expect(widenedScope(fold.state, 'c2')).toEqual([])
  })

  it("rule C-16: an electronic file's registrations and approvals are its own, per action", () => {
    const e2 = carrierFixture({ id: 'e2', serial: '2026-0010', kind: 'electronic' })
    const ev = eventBuilder()
    const approve = (carrierId: string, action: 'read' | 'copy') =>
      ev('movement.electronic_use_approved', { carrierId, action, user: 'classifier1' })
    const register = (carrierId: string, action: 'read' | 'copy', approvalId: string) =>
      ev(
        'movement.electronic_use_registered',
        { carrierId, action, user: 'classifier1', approvalId, userSigned: false },
        { actor: 'classifier1' },
      )
    const fold = foldMovements(
      [
        approve('e1', 'read'),
        approve('e2', 'copy'),
        register('e1', 'read', 'm001'),
        register('e2', 'copy', 'm002'),
      ],
      { carriers: [...CARRIERS, e2] },
    )
    expect(codes(fold)).toEqual([])
    expect(electronicUses(fold.state, 'e1').map((u) => [u.eventId, u.action])).toEqual([['m003', 'read']])
    expect(electronicUses(fold.state, 'e2').map((u) => [u.eventId, u.action])).toEqual([['m004', 'copy']])
    expect(electronicUseApproved(fold.state, 'e1', 'read')).toBe(true)
    expect(electronicUseApproved(fold.state, 'e2', 'copy')).toBe(true)
    expect(electronicUseApproved(fold.state, 'e1', 'copy')).toBe(false)
    expect(electronicUseApproved(fold.state, 'e2', 'read')).toBe(false)
  })
})
