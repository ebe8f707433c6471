import { describe, expect, it } from 'vitest'
import type { CarrierDestroyed } from '../../../src/registers/carrier/events.ts'
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
} from '../../support/fixtures.ts'

const registered = signed(
  'carrier.registered',
  registration({
    copies: [
      { id: 'c1', copyNumber: 1 },
      { id: 'c2', copyNumber: 2 },
      { id: 'c3', copyNumber: 3 },
    ],
  }),
  { at: local('2026-03-02T08:00') },
)
const approval = signed(
  'approval.granted',
  { subject: 'carrier.destroy', carrierIds: ['c1', 'c2'] },
  { at: T.morning },
)
const central = (extra: Partial<CarrierDestroyed> = {}): CarrierDestroyed => ({
  carrierIds: ['c1'],
  approvalId: approval.id,
  method: 'central',
  receiptNumber: '县保密局销毁回执 2026-017',
  ...extra,
})
const inHouse = (extra: Partial<CarrierDestroyed> = {}): CarrierDestroyed => ({
  carrierIds: ['c1'],
  approvalId: approval.id,
  method: 'in_house',
  destroyer: '王保密',
  supervisors: ['孙监销', '周监销'],
  ...extra,
})
const inHouseAllowed = makeContext({}, { allowInHouseDestruction: true })

describe('destruction (rule C-11)', () => {
  it('C-11 central destruction with a leader’s approval and the bureau’s receipt closes the item', () => {
    const e = signed('carrier.destroyed', central({ carrierIds: ['c1', 'c2'] }), { at: T.noon })
    const state = fold([registered, approval, e])
    expect(state.carriers.get('c1')).toMatchObject({
      state: 'destroyed',
      destroyedAt: T.noon,
      lastEventId: e.id,
    })
    expect(state.carriers.get('c2')?.state).toBe('destroyed')
    expect(state.carriers.get('c3')?.state).toBe('in_custody')
    expect(state.approvals.get(approval.id)).toEqual({
      id: approval.id,
      subject: 'carrier.destroy',
      actor: 'leader1',
      carrierIds: ['c1', 'c2'],
      grantedAt: T.morning,
    })
  })

  it('C-11 refuses destruction without an approval folded before it', () => {
    expect(refusal(check([registered], 'carrier.destroyed', central(), { at: T.noon }))).toBe('C-11')
    // the approval exists but sorts after the destruction
    const early = signed('carrier.destroyed', central(), { at: local('2026-03-02T08:30') })
    const state = fold([registered, approval, early])
    expect(refusedCodes(state)).toEqual(['C-11'])
    expect(state.carriers.get('c1')?.state).toBe('in_custody')
  })

  it('C-11 the approval must cover every carrier destroyed', () => {
    expect(
      refusal(
        check([registered, approval], 'carrier.destroyed', central({ carrierIds: ['c1', 'c3'] }), {
          at: T.noon,
        }),
      ),
    ).toBe('C-11')
    expect(
      refusal(
        check([registered, approval], 'carrier.destroyed', central({ carrierIds: ['c1', 'c1'] }), {
          at: T.noon,
        }),
      ),
    ).toBe('C-11')
  })

  it('C-11 central destruction needs the bureau’s receipt number', () => {
    expect(
      refusal(
        check([registered, approval], 'carrier.destroyed', central({ receiptNumber: ' ' }), { at: T.noon }),
      ),
    ).toBe('C-11')
    const { receiptNumber: _, ...noReceipt } = central()
    expect(refusal(check([registered, approval], 'carrier.destroyed', noReceipt, { at: T.noon }))).toBe(
      'C-11',
    )
  })

  it('C-11 the carrier must be in custody: not out, not already destroyed', () => {
    const out = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: T.morning + 1 })
    expect(refusal(check([registered, approval, out], 'carrier.destroyed', central(), { at: T.noon }))).toBe(
      'C-11',
    )
    const done = signed('carrier.destroyed', central(), { at: T.noon })
    expect(
      refusal(check([registered, approval, done], 'carrier.destroyed', central(), { at: T.close })),
    ).toBe('C-11')
    expect(
      refusal(
        check(
          [registered, approval, done],
          'carrier.handed_out',
          { carrierId: 'c1', reader: '刘' },
          { at: T.close },
        ),
      ),
    ).toBe('C-04')
  })

  it('C-11 in-house destruction is refused by default (送销 only)', () => {
    expect(refusal(check([registered, approval], 'carrier.destroyed', inHouse(), { at: T.noon }))).toBe(
      'C-11',
    )
    expect(
      refusedCodes(fold([registered, approval, signed('carrier.destroyed', inHouse(), { at: T.noon })])),
    ).toEqual(['C-11'])
  })

  it('C-11 where allowed, in-house destruction needs a destroyer and two supervisors, all distinct', () => {
    const h = [registered, approval]
    const at = { at: T.noon }
    expect(refusal(check(h, 'carrier.destroyed', inHouse(), at, inHouseAllowed))).toBeNull()
    expect(
      refusal(check(h, 'carrier.destroyed', inHouse({ supervisors: ['孙监销'] }), at, inHouseAllowed)),
    ).toBe('C-11')
    expect(refusal(check(h, 'carrier.destroyed', inHouse({ destroyer: '' }), at, inHouseAllowed))).toBe(
      'C-11',
    )
    expect(
      refusal(
        check(h, 'carrier.destroyed', inHouse({ supervisors: ['孙监销', '孙监销'] }), at, inHouseAllowed),
      ),
    ).toBe('C-11')
    expect(
      refusal(
        check(h, 'carrier.destroyed', inHouse({ supervisors: ['王保密', '孙监销'] }), at, inHouseAllowed),
      ),
    ).toBe('C-11')
    expect(
      refusal(check(h, 'carrier.destroyed', inHouse({ supervisors: ['孙监销', ''] }), at, inHouseAllowed)),
    ).toBe('C-11')
  })

  it('C-11 the approving leader may supervise unless the county bars it', () => {
    const withLeader = inHouse({ supervisors: ['李镇长', '孙监销'] })
    const h = [registered, approval]
    expect(refusal(check(h, 'carrier.destroyed', withLeader, { at: T.noon }, inHouseAllowed))).toBeNull()
    const barred = makeContext({}, { allowInHouseDestruction: true, barLeaderFromSupervising: true })
    expect(refusal(check(h, 'carrier.destroyed', withLeader, { at: T.noon }, barred))).toBe('C-11')
    expect(refusal(check(h, 'carrier.destroyed', inHouse(), { at: T.noon }, barred))).toBeNull()
  })

  it('C-11 four eyes: the leader who approved neither records the destruction nor destroys', () => {
    // chief1 holds the leader's and the officer's roles: one person, one part of the chain.
    const own = signed(
      'approval.granted',
      { subject: 'carrier.destroy', carrierIds: ['c1'] },
      { at: T.morning, actor: 'chief1' },
    )
    const byOwn = central({ approvalId: own.id })
    const r = check([registered, own], 'carrier.destroyed', byOwn, { at: T.noon, actor: 'chief1' })
    expect(r).toMatchObject({ ok: false, error: { code: 'C-11', details: { person: 'chief1' } } })
    expect(
      refusal(check([registered, own], 'carrier.destroyed', byOwn, { at: T.noon, actor: 'officer1' })),
    ).toBeNull()
    const folded = fold([
      registered,
      own,
      signed('carrier.destroyed', byOwn, { at: T.noon, actor: 'chief1' }),
    ])
    expect(refusedCodes(folded)).toEqual(['C-11'])
    expect(folded.carriers.get('c1')?.state).toBe('in_custody')
    // In-house: the approving leader (李镇长) destroying what they approved is approving their own act.
    const inHouseAllowed = makeContext({}, { allowInHouseDestruction: true })
    const leaderDestroys = inHouse({ destroyer: '李镇长', supervisors: ['王监销', '孙监销'] })
    expect(
      refusal(
        check([registered, approval], 'carrier.destroyed', leaderDestroys, { at: T.noon }, inHouseAllowed),
      ),
    ).toBe('C-11')
  })

  it('C-11 an approval names existing carriers that are not destroyed', () => {
    const unknown = { subject: 'carrier.destroy', carrierIds: ['zz'] }
    expect(refusal(check([registered], 'approval.granted', unknown, { at: T.morning }))).toBe(
      'CARRIER-UNKNOWN',
    )
    const twice = { subject: 'carrier.destroy', carrierIds: ['c1', 'c1'] }
    expect(refusal(check([registered], 'approval.granted', twice, { at: T.morning }))).toBe('C-11')
    const done = signed('carrier.destroyed', central(), { at: T.noon })
    const again = { subject: 'carrier.destroy', carrierIds: ['c1'] }
    expect(refusal(check([registered, approval, done], 'approval.granted', again, { at: T.close }))).toBe(
      'C-11',
    )
  })

  it('C-11 only a leader grants approvals; an officer drafting one is refused before signing', () => {
    const payload = { subject: 'carrier.destroy', carrierIds: ['c1'] }
    expect(
      refusal(check([registered], 'approval.granted', payload, { at: T.morning, actor: 'officer1' })),
    ).toBe('AUTH-ROLE')
    const state = fold([
      registered,
      signed('approval.granted', payload, { at: T.morning, actor: 'officer1' }),
    ])
    expect(state.approvals.size).toBe(0)
    expect(state.alerts.map((a) => a.kind)).toEqual(['role_not_allowed'])
  })
})
