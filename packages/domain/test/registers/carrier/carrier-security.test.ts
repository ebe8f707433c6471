import { describe, expect, it } from 'vitest'
import { createUnitRegister } from '../../../src/unit/unit-fold.ts'
import {
  check,
  fold,
  local,
  makeContext,
  refusal,
  refusedCodes,
  registration,
  signed,
  T,
  UNIT,
} from '../../support/fixtures.ts'

const registered = signed('carrier.registered', registration(), { at: local('2026-03-02T08:00') })
const approvalPayload = { subject: 'carrier.destroy', carrierIds: ['c1'] }

describe('screening (ARCHITECTURE decision 3)', () => {
  it('a forged approval (officer key, actor leader1) changes nothing and raises an alert', () => {
    const forged = signed('approval.granted', approvalPayload, {
      at: T.morning,
      actor: 'leader1',
      signer: 'officer1',
    })
    const destroy = signed(
      'carrier.destroyed',
      { carrierIds: ['c1'], approvalId: forged.id, method: 'central', receiptNumber: 'XB-1' },
      { at: T.noon },
    )
    const state = fold([registered, forged, destroy])
    expect(state.approvals.size).toBe(0)
    expect(state.carriers.get('c1')?.state).toBe('in_custody')
    expect(state.alerts).toEqual([
      {
        eventId: forged.id,
        kind: 'bad_signature',
        actor: 'leader1',
        type: 'approval.granted',
        at: forged.at,
      },
    ])
    expect(refusedCodes(state)).toEqual(['C-11'])
    expect(state.carriers).toEqual(fold([registered]).carriers)
  })

  it('a tampered payload (id no longer matches) is a bad signature', () => {
    const e = signed('carrier.registered', registration(), { at: T.morning })
    const state = fold([{ ...e, payload: { ...registration(), serial: '2026-0099' } }])
    expect(state.carriers.size).toBe(0)
    expect(state.alerts.map((a) => a.kind)).toEqual(['bad_signature'])
  })

  it('an unknown actor is alerted', () => {
    const e = signed('carrier.registered', registration(), { at: T.morning, actor: 'stranger' })
    const state = fold([e])
    expect(state.carriers.size).toBe(0)
    expect(state.alerts.map((a) => a.kind)).toEqual(['unknown_actor'])
    expect(
      refusal(check([], 'carrier.registered', registration(), { at: T.morning, actor: 'stranger' })),
    ).toBe('AUTH-ACTOR')
  })

  it('a wrong role is alerted (classifier registering, leader handing out)', () => {
    const e = signed('carrier.registered', registration(), { at: T.morning, actor: 'classifier1' })
    const h = signed(
      'carrier.handed_out',
      { carrierId: 'c1', reader: '刘' },
      { at: T.noon, actor: 'leader1' },
    )
    const state = fold([registered, e, h])
    expect(state.alerts.map((a) => a.kind)).toEqual(['role_not_allowed', 'role_not_allowed'])
    expect(state.carriers.get('c1')?.state).toBe('in_custody')
  })

  it('a wrong unit is alerted: another unit’s user, or an event addressed to another unit', () => {
    const fromTown2 = signed('carrier.registered', registration(), {
      at: T.morning,
      actor: 'officer2',
      unit: 'town-2',
    })
    const claimsUnit = signed('carrier.registered', registration(), { at: T.morning, actor: 'officer2' })
    const misaddressed = signed('carrier.registered', registration(), { at: T.morning, unit: 'town-2' })
    const state = fold([fromTown2, claimsUnit, misaddressed])
    expect(state.carriers.size).toBe(0)
    expect(state.alerts.map((a) => a.kind)).toEqual(['wrong_unit', 'wrong_unit', 'wrong_unit'])
    expect(
      refusal(check([], 'carrier.registered', registration(), { at: T.morning, actor: 'officer2' })),
    ).toBe('AUTH-UNIT')
    expect(refusal(check([], 'carrier.registered', registration(), { at: T.morning, unit: 'town-2' }))).toBe(
      'AUTH-UNIT',
    )
  })

  it('an unknown type and a malformed envelope are alerted', () => {
    const unknown = signed('carrier.lost' as 'carrier.registered', registration(), { at: T.morning })
    const badAt = { ...registered, id: 'f'.repeat(64), at: 'yesterday' }
    const state = fold([unknown, badAt])
    expect(state.alerts.map((a) => a.kind).sort()).toEqual(['malformed_payload', 'unknown_type'])
    expect(
      refusal(check([], 'carrier.lost' as 'carrier.registered', registration(), { at: T.morning })),
    ).toBe('EVT-TYPE')
  })

  it('the fold verifies signatures itself when no verifier is given', () => {
    const forged = signed('carrier.registered', registration(), { at: T.morning, signer: 'leader1' })
    const { verify: _, ...rest } = makeContext()
    const register = createUnitRegister({ ...rest, unit: UNIT })
    expect(register.ingest([registered]).carriers.size).toBe(1)
    expect(register.ingest([forged]).alerts.map((a) => a.kind)).toEqual(['bad_signature'])
  })
})

describe('directory lookups', () => {
  it('an actor named after an Object property is unknown, not a crash', () => {
    for (const actor of ['__proto__', 'constructor', 'toString']) {
      const e = { ...signed('carrier.registered', registration(), { at: T.morning }), actor }
      expect(fold([e], makeContext({ verify: () => true })).alerts.map((a) => a.kind)).toEqual([
        'unknown_actor',
      ])
      expect(
        refusal(
          check([], 'carrier.registered', registration(), { at: T.morning, actor: actor as 'officer1' }),
        ),
      ).toBe('AUTH-ACTOR')
    }
  })
})
