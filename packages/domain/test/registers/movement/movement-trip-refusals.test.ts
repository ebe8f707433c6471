import { describe, expect, it } from 'vitest'
import type { UnitPost } from '../../../src/core/unit-view.ts'
import type { MovementEventPayloads as P } from '../../../src/registers/movement/events.ts'
import { DEFAULT_MOVEMENT_POLICY, type MovementPolicy } from '../../../src/registers/movement/policy.ts'
import { createMovementSlice, movementCarrierAway } from '../../../src/registers/movement/slice.ts'
import { codes, eventBuilder, foldMovements, START, trip } from './movement-fixtures.ts'

/** What each refusal of rule C-08 says, and the refusal paths the main trip tests do not reach. */

type Approval = P['movement.carry_out_approved']
const approval = (o: Partial<Approval> = {}): Approval => ({
  carrierIds: ['c1'],
  abroad: false,
  foreignAffairs: false,
  ...o,
})
const two = ['王保密', '李镇长']

/**
 * An approval (m001) by leader1 holding `post` (rule B-04, default the main leader's), then the trip
 * (m002) unless `t` is null; the fold under `policy`.
 */
function attempt(
  a: Partial<Approval> & { readonly post?: UnitPost },
  t: Partial<P['movement.carried_out']> | null,
  policy: Partial<MovementPolicy> = {},
) {
  const ev = eventBuilder()
  const slice = createMovementSlice({ ...DEFAULT_MOVEMENT_POLICY, ...policy })
  const { post = 'first_responsible', ...rest } = a
  const carrierIds = t?.carrierIds ?? rest.carrierIds ?? ['c1']
  const events = [ev('movement.carry_out_approved', approval({ carrierIds, ...rest }))]
  if (t !== null) events.push(ev('movement.carried_out', trip({ carrierIds, ...t })))
  return foldMovements(events, { slice, posts: { leader1: [post] } })
}

/** The single refusal of a fold: its code and both messages. */
function refusal(fold: ReturnType<typeof attempt>) {
  expect(fold.refused).toHaveLength(1)
  const error = fold.refused[0]?.error
  return { code: error?.code, zh: error?.message.zh, en: error?.message.en, details: error?.details }
}

const allowInCharge = { allowInChargeCarryOutBelowTopSecret: true }

describe('movement register: what the C-08 approval refusals say', () => {
  it('rule C-08: the 主管领导 (where allowed) approves neither 绝密, naming it, nor going abroad', () => {
    const ts = refusal(
      attempt({ post: 'responsible_leader', carrierIds: ['c1', 'ts1'] }, null, allowInCharge),
    )
    expect(ts.zh).toContain('绝密载体 2026-0003 携带外出须经主要领导批准')
    expect(ts.en).toContain("Top-secret carriers 2026-0003 go out only with the main leader's approval")
    const abroad = refusal(attempt({ post: 'responsible_leader', abroad: true }, null, allowInCharge))
    expect(abroad.zh).toContain('携带涉密载体出境须经主要领导批准')
    expect(abroad.en).toContain("Going abroad needs the main leader's approval")
  })

  it('rule C-08: 绝密 never goes abroad, even with the main leader, and the refusal names it', () => {
    const error = refusal(attempt({ carrierIds: ['ts1', 'c1'], abroad: true }, null))
    expect(error.zh).toContain('绝密载体 2026-0003 不得携带出境')
    expect(error.en).toContain('Top-secret carriers 2026-0003 never go abroad')
  })

  it('rule C-08: a foreign-affairs event is refused outright, or, where allowed, for any post but the main leader', () => {
    const never = refusal(attempt({ foreignAffairs: true }, null))
    expect(never.zh).toContain('禁止携带涉密载体参加涉外活动')
    expect(never.en).toContain('Carriers never go to foreign-affairs events')
    expect(never.details).toEqual({ foreignAffairs: true })
    const allow = { allowForeignAffairsWithMainLeader: true, ...allowInCharge }
    const inCharge = refusal(attempt({ foreignAffairs: true, post: 'responsible_leader' }, null, allow))
    expect(inCharge.zh).toContain('携带涉密载体参加涉外活动须经主要领导批准')
    expect(inCharge.en).toContain(
      "Carriers go to a foreign-affairs event only with the main leader's approval",
    )
  })

  it('rule C-08: an approval lists registered carriers, each once', () => {
    const twice = refusal(attempt({ carrierIds: ['c1', 'c1'] }, null))
    expect(twice).toMatchObject({ code: 'C-08', details: { id: 'c1' } })
    const unknown = refusal(attempt({ carrierIds: ['c1', 'nope'] }, null))
    expect(unknown).toMatchObject({ code: 'C-08', details: { carrierId: 'nope' } })
    expect(attempt({ carrierIds: ['nope'] }, null).state.approvals.size).toBe(0)
  })
})

describe('movement register: what the C-08 trip refusals say', () => {
  it('rule C-08: a trip id is registered once (MOVEMENT-EXISTS)', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.carry_out_approved', approval()),
      ev('movement.carried_out', trip()),
      ev('movement.carry_out_approved', approval({ carrierIds: ['c2'] })),
      ev('movement.carried_out', trip({ carrierIds: ['c2'], approvalId: 'm003' })),
    ])
    expect(codes(fold)).toEqual(['MOVEMENT-EXISTS'])
    expect(fold.refused[0]?.error.message.en).toContain('Trip T1 already exists')
    expect(fold.state.trips.get('T1')?.carrierIds).toEqual(['c1'])
    expect(fold.state.approvals.get('m003')?.usedBy).toBeNull()
  })

  it('rule C-08: a trip lists each carrier once, and each bearer once (trimmed)', () => {
    const carriers = refusal(attempt({ carrierIds: ['c1'] }, { carrierIds: ['c1', 'c1'] }))
    expect(carriers).toMatchObject({ code: 'C-08', details: { id: 'c1' } })
    const bearers = refusal(attempt({}, { bearers: ['王保密', ' 王保密'] }))
    expect(bearers.zh).toContain('携带人重复登记')
    expect(bearers.en).toContain('A bearer is listed twice')
    expect(bearers.details).toEqual({ bearers: ['王保密', ' 王保密'] })
  })

  it('rule C-08: the refusal says whether the approval lacks going abroad or the foreign-affairs event', () => {
    const abroad = refusal(attempt({}, { abroad: true, exitPermitRef: '出境批1号' }))
    expect(abroad.zh).toContain('批准 m001 未包括出境')
    expect(abroad.en).toContain('Approval m001 does not cover going abroad')
    const allow = { allowForeignAffairsWithMainLeader: true }
    const fa = refusal(
      attempt({ abroad: true }, { abroad: true, foreignAffairs: true, exitPermitRef: '出境批1号' }, allow),
    )
    expect(fa.zh).toContain('批准 m001 未包括参加涉外活动')
    expect(fa.en).toContain('Approval m001 does not cover a foreign-affairs event')
    const home = refusal(attempt({}, { foreignAffairs: true }, allow))
    expect(home.zh).toContain('未包括参加涉外活动')
  })

  it('rule C-08: abroad, any state-secret carrier among others needs a non-blank exit approval', () => {
    const mixed = { carrierIds: ['int1', 'c1'], abroad: true }
    const none = refusal(attempt(mixed, mixed))
    expect(none.zh).toContain('携带国家秘密载体出境须办理出境批准手续并登记')
    expect(none.en).toContain('Carrying state secrets abroad needs the exit approval, registered')
    expect(refusal(attempt(mixed, { ...mixed, exitPermitRef: '  ' })).code).toBe('C-08')
    expect(codes(attempt(mixed, { ...mixed, exitPermitRef: '出境批1号' }))).toEqual([])
  })

  it('rule C-08: a trip registers a planned return after it starts', () => {
    const error = refusal(attempt({}, { plannedReturnAt: START + 2 * 60_000 }))
    expect(error.zh).toContain('外出须登记预计返回时间')
    expect(error.en).toContain('A trip registers its planned return')
    expect(error.details).toEqual({ plannedReturnAt: START + 2 * 60_000 })
  })

  it('rule C-08: bearers are stored trimmed; all of them hold the carriers while away', () => {
    const fold = attempt({ carrierIds: ['e1'] }, { bearers: [' 王保密 ', '李镇长'] })
    expect(codes(fold)).toEqual([])
    expect(fold.state.trips.get('T1')?.bearers).toEqual(two)
    expect(movementCarrierAway(fold.state, 'e1')?.holder).toBe('王保密、李镇长')
  })
})

describe('movement register: C-08 return check refusals', () => {
  it('rule C-08: an unknown trip, or an item that did not go, is refused under C-08; a missing carrier stays missing', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.carry_out_approved', approval({ carrierIds: ['c1', 'c2'] })),
      ev('movement.carried_out', trip({ carrierIds: ['c1', 'c2'] })),
      ev('movement.trip_returned', { tripId: 'T9', returnedIds: [], damagedIds: [], custodyKept: true }),
      ev('movement.trip_returned', { tripId: 'T1', returnedIds: ['c3'], damagedIds: [], custodyKept: true }),
      ev('movement.trip_returned', { tripId: 'T1', returnedIds: ['c1'], damagedIds: [], custodyKept: true }),
    ])
    expect(codes(fold)).toEqual(['C-08', 'C-08'])
    expect(fold.refused[0]?.error.message.zh).toContain('外出登记 T9 不存在')
    expect(fold.refused[0]?.error.message.en).toContain('Trip T9 is not registered')
    expect(fold.refused[1]?.error.details).toEqual({ notOut: ['c3'] })
    expect(fold.state.carriersAway.get('c2')).toMatchObject({ rule: 'C-08', refId: 'T1', status: 'missing' })
    expect(fold.state.carriersAway.has('c1')).toBe(false)
  })
})
