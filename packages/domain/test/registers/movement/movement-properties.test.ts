import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { openMovementAnomalies } from '../../../src/registers/movement/queries.ts'
import type { MovementState } from '../../../src/registers/movement/state.ts'
import {
  borrowed,
  consultation,
  DAY,
  eventBuilder,
  foldMovements,
  loan,
  MIN,
  START,
  trip,
} from './movement-fixtures.ts'

const T0 = START + 10 * MIN

/** A pool hitting C-03, C-06, C-08, C-16 and C-21, accepted and refused, some events at the same instant. */
function pool(): SliceEvent[] {
  const ev = eventBuilder()
  const at = (minutes: number) => ({ at: T0 + minutes * MIN })
  return [
    // m001..m004: approvals
    ev('movement.scope_widening_approved', { carrierId: 'c1', readers: ['张三'] }, at(0)),
    ev('movement.loan_out_approved', { carrierIds: ['c1', 'c2'], borrower: '县农业农村局' }, at(0)),
    ev(
      'movement.carry_out_approved',
      { carrierIds: ['ts1', 'e1'], abroad: false, foreignAffairs: false },
      at(0),
    ),
    ev('movement.electronic_use_approved', { carrierId: 'e1', action: 'copy', user: 'classifier1' }, at(0)),
    // m005..m007
    ev('movement.borrow_in_approved', { lender: '邻镇党政办', itemIds: ['x1', 'x2'] }, at(0)),
    ev('movement.consultation_approved', { archiveFileIds: ['A-1'], consultant: '李四' }, at(0)),
    ev('movement.carry_out_approved', { carrierIds: ['ts1'], abroad: true, foreignAffairs: true }, at(0)),
    // C-03
    ev('movement.scope_widened', { carrierId: 'c1', readers: ['张三'], approvalId: 'm001' }, at(1)),
    ev('movement.scope_widened', { carrierId: 'c1', readers: ['张三'], approvalId: 'm001' }, at(1)),
    // C-06 out: the same instant races two loans of c1
    ev('movement.loaned_out', loan({ carrierIds: ['c1', 'c2'], approvalId: 'm002' }), at(2)),
    ev('movement.loaned_out', loan({ loanId: 'L2', approvalId: 'm002' }), at(2)),
    ev('movement.loan_returned', { loanId: 'L1', returnedIds: ['c1'], damagedIds: [] }, at(30)),
    // C-08: one bearer refused, two accepted; the same carrier cannot be lent meanwhile
    ev('movement.carried_out', trip({ carrierIds: ['ts1', 'e1'], approvalId: 'm003' }), at(3)),
    ev(
      'movement.carried_out',
      trip({ carrierIds: ['ts1', 'e1'], bearers: ['甲', '乙'], approvalId: 'm003' }),
      at(3),
    ),
    ev(
      'movement.trip_returned',
      { tripId: 'T1', returnedIds: ['ts1', 'e1'], damagedIds: [], custodyKept: false },
      at(40),
    ),
    // C-16
    ev(
      'movement.electronic_use_registered',
      { carrierId: 'e1', action: 'copy', user: 'classifier1', approvalId: 'm004', userSigned: false },
      at(4),
    ),
    ev(
      'movement.electronic_use_registered',
      { carrierId: 'e1', action: 'copy', user: 'classifier1', approvalId: 'm004', userSigned: false },
      { ...at(4), actor: 'classifier1' },
    ),
    // C-06 in
    ev(
      'movement.borrowed_in',
      borrowed({
        approvalId: 'm005',
        items: [
          { itemId: 'x1', docNumber: 'a', level: 'secret' },
          { itemId: 'x2', docNumber: 'b', level: 'secret' },
        ],
      }),
      at(5),
    ),
    ev('movement.borrowed_copy_recorded', { loanId: 'B1', itemId: 'x1', copyId: 'k1', mode: 'copy' }, at(6)),
    ev(
      'movement.borrowed_copy_recorded',
      { loanId: 'B1', itemId: 'x1', copyId: 'k2', mode: 'excerpt', lenderApprovalRef: '邻批1号' },
      at(6),
    ),
    ev('movement.returned_to_lender', { loanId: 'B1', returnedIds: ['x1'] }, at(50)),
    // C-21
    ev('movement.consultation_registered', consultation({ location: 'office' }), at(7)),
    ev(
      'movement.consultation_registered',
      consultation({ files: [{ fileId: 'A-1', level: 'secret', part: '第2件' }], approvalId: 'm006' }),
      at(7),
    ),
    ev(
      'movement.consultation_excerpt_recorded',
      {
        consultationId: 'Q1',
        excerptId: 'x1',
        fileId: 'A-1',
        withinRegisteredPart: true,
        checkedBy: '王保密',
        stamped: true,
      },
      at(8),
    ),
    ev(
      'movement.consultation_excerpt_recorded',
      {
        consultationId: 'Q1',
        excerptId: 'x2',
        fileId: 'A-1',
        withinRegisteredPart: false,
        checkedBy: '王保密',
        stamped: true,
      },
      at(8),
    ),
    ev('movement.consultation_closed', { consultationId: 'Q1', missingFileIds: ['A-1'] }, at(9)),
    ev(
      'movement.carried_out',
      trip({
        tripId: 'T2',
        carrierIds: ['ts1'],
        bearers: ['甲', '乙'],
        abroad: true,
        foreignAffairs: true,
        approvalId: 'm007',
      }),
      at(10),
    ),
  ]
}

/** Every event id the state refers to (entries, approvals, checks, anomalies and their resolutions). */
function idsInState(s: MovementState): Set<string> {
  const ids = new Set<string>()
  const add = (...list: (string | null | undefined)[]) => {
    for (const id of list) if (id !== null && id !== undefined) ids.add(id)
  }
  for (const a of s.approvals.values()) add(a.id, a.usedBy)
  for (const grants of s.scopes.values()) for (const g of grants) add(g.eventId, g.approvalId)
  for (const l of s.loans.values()) add(l.eventId, l.approvalId, l.returned?.eventId)
  for (const b of s.borrowed.values())
    add(b.eventId, b.approvalId, b.returned?.eventId, ...b.copies.map((c) => c.eventId))
  for (const t of s.trips.values()) add(t.eventId, t.approvalId, t.returned?.eventId)
  for (const u of s.electronicUses) add(u.eventId, u.approvalId)
  for (const c of s.consultations.values())
    add(c.eventId, c.approvalId, c.closed?.eventId, ...c.excerpts.map((x) => x.eventId))
  for (const a of s.anomalies.values()) add(a.eventId, a.resolvedBy)
  return ids
}

/** Away entries agree with the open loans and trips and with the anomalies. */
function expectAwayConsistent(s: MovementState): void {
  for (const l of s.loans.values())
    if (l.returned === null) {
      for (const id of l.carrierIds)
        expect(s.carriersAway.get(id)).toMatchObject({ refId: l.id, status: 'out' })
      for (const id of l.archiveFileIds)
        expect(s.filesAway.get(id)).toMatchObject({ refId: l.id, status: 'out' })
    }
  for (const t of s.trips.values())
    if (t.returned === null)
      for (const id of t.carrierIds)
        expect(s.carriersAway.get(id)).toMatchObject({ refId: t.id, status: 'out' })
  for (const e of [...s.carriersAway.values(), ...s.filesAway.values()]) {
    if (e.status === 'out') {
      const open = e.rule === 'C-06' ? s.loans.get(e.refId)?.returned : s.trips.get(e.refId)?.returned
      expect(open).toBeNull()
      continue
    }
    // Missing: under an open anomaly; lost: its anomaly was resolved as not recovered.
    const a = s.anomalies.get(e.anomalyId ?? '')
    expect(a).toBeDefined()
    if (e.status === 'missing') expect(a?.resolvedAt).toBeNull()
    else expect(a?.recovered).toBe(false)
  }
}

/** An officer resolves every open anomaly after the last event. */
function resolutions(state: MovementState, after: number): SliceEvent[] {
  return openMovementAnomalies(state).map((a, i) => ({
    id: `r${String(i + 1).padStart(3, '0')}`,
    type: 'movement.anomaly_resolved',
    actor: 'officer1',
    atMs: after + (i + 1) * MIN,
    payload: { anomalyId: a.id, note: '已查明并记录', recovered: i % 2 === 0 },
  }))
}

describe('movement fold properties', () => {
  const events = pool()
  const reference = foldMovements(events)

  it('rules C-03, C-06, C-08, C-16, C-21: the pool exercises refusals of each rule and opens anomalies', () => {
    const refused = new Set(reference.refused.map((r) => r.error.code))
    for (const code of ['C-03', 'C-06', 'C-08', 'C-16', 'C-21']) expect(refused).toContain(code)
    expect(reference.state.loans.get('L1')?.returned?.missingIds).toEqual(['c2'])
    expect(
      openMovementAnomalies(reference.state)
        .map((a) => a.kind)
        .sort(),
    ).toEqual(['borrowed_return_incomplete', 'consultation_incomplete', 'loan_incomplete', 'trip_incomplete'])
  })

  it('rules C-06, C-08: any permutation folds to deeply equal state and refusals; no refused event is in state', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        (shuffled) => {
          const fold = foldMovements(shuffled)
          expect(fold.state).toEqual(reference.state)
          expect(fold.refused).toEqual(reference.refused)
          const inState = idsInState(fold.state)
          for (const r of fold.refused) expect(inState.has(r.eventId)).toBe(false)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('rules C-06, C-08, C-21: for any subset, away entries are consistent and every anomaly is resolvable', () => {
    const last = Math.max(...events.map((e) => e.atMs)) + DAY
    fc.assert(
      fc.property(fc.subarray(events), (subset) => {
        const fold = foldMovements(subset)
        const inState = idsInState(fold.state)
        for (const r of fold.refused) expect(inState.has(r.eventId)).toBe(false)
        expectAwayConsistent(fold.state)
        const fixes = resolutions(fold.state, last)
        const resolved = foldMovements([...subset, ...fixes])
        expect(resolved.refused).toEqual(fold.refused)
        expect(openMovementAnomalies(resolved.state)).toEqual([])
        expect([...resolved.state.carriersAway.values()].some((e) => e.status === 'missing')).toBe(false)
        expectAwayConsistent(resolved.state)
      }),
      { numRuns: 100 },
    )
  })
})
