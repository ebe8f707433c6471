import { describe, expect, it } from 'vitest'
import type { UnitPost } from '../../../src/core/unit-view.ts'
import type { MovementEventPayloads } from '../../../src/registers/movement/events.ts'
import { DEFAULT_MOVEMENT_POLICY, type MovementPolicy } from '../../../src/registers/movement/policy.ts'
import {
  carrierMovements,
  openMovementAnomalies,
  overdueMovements,
} from '../../../src/registers/movement/queries.ts'
import { createMovementSlice, movementCarrierAway } from '../../../src/registers/movement/slice.ts'
import { codes, DAY, eventBuilder, foldMovements, HOUR, loan, MIN, START, trip } from './movement-fixtures.ts'

type Approval = MovementEventPayloads['movement.carry_out_approved']

function approval(overrides: Partial<Approval> = {}): Approval {
  return { carrierIds: ['c1'], abroad: false, foreignAffairs: false, ...overrides }
}

/**
 * An approval (m001) by leader1 holding `post` in the organisation register (rule B-04, default the
 * main leader's), then the trip (m002); the refusal codes.
 */
function attempt(
  a: Partial<Approval> & { readonly post?: UnitPost },
  t: Partial<MovementEventPayloads['movement.carried_out']>,
  policy: Partial<MovementPolicy> = {},
): string[] {
  const ev = eventBuilder()
  const slice = createMovementSlice({ ...DEFAULT_MOVEMENT_POLICY, ...policy })
  const { post = 'first_responsible', ...rest } = a
  const carrierIds = t.carrierIds ?? rest.carrierIds ?? ['c1']
  return codes(
    foldMovements(
      [
        ev('movement.carry_out_approved', approval({ carrierIds, ...rest })),
        ev('movement.carried_out', trip({ carrierIds, ...t })),
      ],
      { slice, posts: { leader1: [post] } },
    ),
  )
}

const two = { bearers: ['王保密', '李镇长'] }

describe('movement register: carrying out of the office (C-08)', () => {
  it("rule C-08: the main leader's approval is needed; the 主管领导 only where the county allows it", () => {
    expect(attempt({}, {})).toEqual([])
    expect(attempt({ post: 'responsible_leader' }, {})).toEqual(['C-08', 'C-08'])
    expect(attempt({ post: 'office_head' }, {}, { allowInChargeCarryOutBelowTopSecret: true })).toEqual([
      'C-08',
      'C-08',
    ])
    expect(
      attempt({ post: 'responsible_leader' }, {}, { allowInChargeCarryOutBelowTopSecret: true }),
    ).toEqual([])
    const ev = eventBuilder()
    expect(codes(foldMovements([ev('movement.carried_out', trip())]))).toEqual(['C-08'])
  })

  it('rule C-08: even where the county allows the 主管领导, 绝密 goes out only with the main leader', () => {
    const allow = { allowInChargeCarryOutBelowTopSecret: true }
    expect(attempt({ post: 'responsible_leader', carrierIds: ['ts1'] }, two, allow)).toEqual(['C-08', 'C-08'])
    expect(attempt({ post: 'first_responsible', carrierIds: ['ts1'] }, two, allow)).toEqual([])
  })

  it('rule C-08: 绝密 and electronic carriers go out with two or more distinct people', () => {
    for (const id of ['ts1', 'e1', 'm1']) {
      expect(attempt({ carrierIds: [id] }, {})).toEqual(['C-08'])
      expect(attempt({ carrierIds: [id] }, { bearers: ['王保密', '王保密'] })).toEqual(['C-08'])
      expect(attempt({ carrierIds: [id] }, { bearers: ['王保密', ' 王保密'] })).toEqual(['C-08'])
      expect(attempt({ carrierIds: [id] }, two)).toEqual([])
    }
    expect(attempt({ carrierIds: ['c1', 'e1'] }, {})).toEqual(['C-08'])
    expect(attempt({ carrierIds: ['c1', 'c2'] }, {})).toEqual([])
  })

  it('rule C-08: 绝密 never goes abroad; abroad needs the main leader and the exit approval', () => {
    const permit = { abroad: true, exitPermitRef: '出境批〔2026〕1号' }
    expect(attempt({ carrierIds: ['ts1'], abroad: true }, { ...two, ...permit })).toEqual(['C-08', 'C-08'])
    expect(attempt({ abroad: true }, { abroad: true })).toEqual(['C-08'])
    expect(attempt({ abroad: true }, permit)).toEqual([])
    expect(attempt({ abroad: true }, {})).toEqual([])
    expect(attempt({}, permit)).toEqual(['C-08'])
    expect(
      attempt({ post: 'responsible_leader', abroad: true }, permit, {
        allowInChargeCarryOutBelowTopSecret: true,
      }),
    ).toEqual(['C-08', 'C-08'])
    // A carrier below the state-secret levels needs no exit approval.
    expect(attempt({ carrierIds: ['int1'], abroad: true }, { abroad: true })).toEqual([])
  })

  it("rule C-08: never to a foreign-affairs event, unless the county allows it with the main leader's approval", () => {
    const fa = { foreignAffairs: true }
    expect(attempt(fa, fa)).toEqual(['C-08', 'C-08'])
    const allow = { allowForeignAffairsWithMainLeader: true, allowInChargeCarryOutBelowTopSecret: true }
    expect(attempt(fa, fa, allow)).toEqual([])
    expect(attempt({ ...fa, post: 'responsible_leader' }, fa, allow)).toEqual(['C-08', 'C-08'])
    expect(attempt({}, fa, allow)).toEqual(['C-08'])
  })

  it('rule C-08: only carriers in custody go out, once per approval; while out the carrier is away', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.carry_out_approved', approval({ carrierIds: ['out1', 'c1'] })),
      ev('movement.carried_out', trip({ carrierIds: ['out1'] })),
      ev('movement.carried_out', trip({ carrierIds: ['c1', 'c2'] })),
      ev('movement.carried_out', trip({ plannedReturnAt: START + 4 * MIN })),
      ev('movement.carried_out', trip({ plannedReturnAt: START + 5 * MIN + 1 })),
      ev('movement.carried_out', trip({ tripId: 'T2' })),
      ev('movement.carry_out_approved', approval()),
      ev('movement.carried_out', trip({ tripId: 'T3', approvalId: 'm007' })),
      ev('movement.loan_out_approved', { carrierIds: ['c1'], borrower: 'x' }),
      ev('movement.loaned_out', loan({ borrower: 'x', approvalId: 'm009' })),
    ])
    expect(codes(fold)).toEqual(['C-08', 'C-08', 'C-08', 'C-08', 'C-08', 'C-06'])
    expect([...fold.state.trips.keys()]).toEqual(['T1'])
    expect(movementCarrierAway(fold.state, 'c1')).toMatchObject({
      code: 'C-08',
      holder: 'officer1',
      persons: ['officer1'],
      since: START + 5 * MIN,
    })
  })

  it('rules C-08, C-12: a trip of two bearers names each of them as holding its carriers', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.carry_out_approved', approval()),
      ev('movement.carried_out', trip(two)),
      ev('movement.loan_out_approved', { carrierIds: ['c2'], borrower: '县档案馆' }),
      ev('movement.loaned_out', loan({ carrierIds: ['c2'], borrower: '县档案馆', approvalId: 'm003' })),
    ])
    expect(codes(fold)).toEqual([])
    expect(movementCarrierAway(fold.state, 'c1')).toMatchObject({
      holder: '王保密、李镇长',
      persons: two.bearers,
    })
    // A loan names its borrower only: no group to spell out.
    expect(movementCarrierAway(fold.state, 'c2')).not.toHaveProperty('persons')
  })

  it('rule C-08: the return check closes the trip; missing, damaged or custody not kept is an anomaly', () => {
    const ev = eventBuilder()
    const events = [
      ev('movement.carry_out_approved', approval({ carrierIds: ['c1', 'c2'] })),
      ev('movement.carried_out', trip({ carrierIds: ['c1', 'c2'] })),
    ]
    const ok = foldMovements([
      ...events,
      ev('movement.trip_returned', {
        tripId: 'T1',
        returnedIds: ['c2', 'c1'],
        damagedIds: [],
        custodyKept: true,
      }),
    ])
    expect(codes(ok)).toEqual([])
    expect(ok.state.trips.get('T1')?.returned).toMatchObject({ anomalyId: null, custodyKept: true })
    expect(movementCarrierAway(ok.state, 'c1')).toBeNull()

    const ev2 = eventBuilder()
    const base = [
      ev2('movement.carry_out_approved', approval({ carrierIds: ['c1', 'c2'] })),
      ev2('movement.carried_out', trip({ carrierIds: ['c1', 'c2'] })),
    ]
    const breach = foldMovements([
      ...base,
      ev2('movement.trip_returned', { tripId: 'T9', returnedIds: [], damagedIds: [], custodyKept: true }),
      ev2('movement.trip_returned', {
        tripId: 'T1',
        returnedIds: ['c1', 'c2'],
        damagedIds: [],
        custodyKept: false,
      }),
      ev2('movement.trip_returned', {
        tripId: 'T1',
        returnedIds: ['c1', 'c2'],
        damagedIds: [],
        custodyKept: true,
      }),
    ])
    expect(codes(breach)).toEqual(['C-08', 'MOVEMENT-CLOSED'])
    expect(openMovementAnomalies(breach.state)).toMatchObject([
      { id: 'trip_incomplete:m004', rule: 'C-08', custodyBreach: true, missingIds: [] },
    ])

    const missing = foldMovements([
      ...base,
      ev2(
        'movement.trip_returned',
        { tripId: 'T1', returnedIds: ['c1'], damagedIds: [], custodyKept: true },
        { at: START + DAY },
      ),
    ])
    const [a] = openMovementAnomalies(missing.state)
    expect(a).toMatchObject({ kind: 'trip_incomplete', missingIds: ['c2'] })
    expect(movementCarrierAway(missing.state, 'c2')).toMatchObject({ code: 'C-08' })
    expect(carrierMovements(missing.state, 'c2')).toEqual([
      {
        kind: 'trip',
        rule: 'C-08',
        id: 'T1',
        holder: 'officer1 → 县委办公室',
        from: START + 2 * MIN,
        dueAt: START + 8 * HOUR,
        returnedAt: START + DAY,
        missing: true,
        damaged: false,
        lateReturn: true,
      },
    ])
  })

  it('rule C-08 (deadline): an open trip is overdue strictly after its planned return', () => {
    const ev = eventBuilder()
    const { state } = foldMovements([
      ev('movement.carry_out_approved', approval()),
      ev('movement.carried_out', trip()),
    ])
    const planned = START + 8 * HOUR
    expect(overdueMovements(state, planned)).toEqual([])
    expect(overdueMovements(state, planned + 1)).toEqual([
      {
        rule: 'C-08',
        kind: 'trip',
        id: 'T1',
        counterpart: 'officer1',
        itemIds: ['c1'],
        dueAt: planned,
        since: START + 2 * MIN,
      },
    ])
  })

  it("rule C-08: a carrier's 去向 lists its loans and trips in order", () => {
    const ev = eventBuilder()
    const { state } = foldMovements([
      ev('movement.carry_out_approved', approval()),
      ev('movement.carried_out', trip()),
      ev('movement.trip_returned', { tripId: 'T1', returnedIds: ['c1'], damagedIds: [], custodyKept: true }),
      ev('movement.loan_out_approved', { carrierIds: ['c1'], borrower: '县农业农村局' }),
      ev('movement.loaned_out', loan({ approvalId: 'm004' })),
    ])
    expect(
      carrierMovements(state, 'c1').map((m) => [m.kind, m.id, m.returnedAt === null, m.lateReturn]),
    ).toEqual([
      ['trip', 'T1', false, false],
      ['loan_out', 'L1', true, false],
    ])
    expect(carrierMovements(state, 'c2')).toEqual([])
  })
})
