import { describe, expect, it } from 'vitest'
import { isStateSecret, levelMarking } from '../../../src/core/levels.ts'
import type { Result } from '../../../src/core/result.ts'
import { isOverdue, overdueHandOuts } from '../../../src/registers/carrier/queries.ts'
import { createUnitRegister } from '../../../src/unit/unit-fold.ts'
import {
  check,
  copyPayload,
  fold,
  local,
  makeContext,
  refusal,
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
const error = (r: Result<void>) => (r.ok ? null : r.error)

describe('rule details: messages, details and edge cases', () => {
  it('C-04 says whether the carrier is out or destroyed', () => {
    const out = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: T.morning })
    const second = error(
      check([registered, out], 'carrier.handed_out', { carrierId: 'c1', reader: '陈' }, { at: T.noon }),
    )
    expect(second?.message.zh).toContain('横传')
    expect(second?.message.en).toContain('reader to reader')
    expect(second?.details).toEqual({ state: 'out' })
    const approval = signed(
      'approval.granted',
      { subject: 'carrier.destroy', carrierIds: ['c2'] },
      { at: T.morning },
    )
    const gone = signed(
      'carrier.destroyed',
      { carrierIds: ['c2'], approvalId: approval.id, method: 'central', receiptNumber: 'X' },
      {
        at: T.noon,
      },
    )
    const destroyed = error(
      check(
        [registered, approval, gone],
        'carrier.handed_out',
        { carrierId: 'c2', reader: '陈' },
        { at: T.close - 1 },
      ),
    )
    expect(destroyed?.message.zh).toContain('已销毁')
    expect(destroyed?.message.en).toContain('destroyed')
    expect(destroyed?.details).toEqual({ state: 'destroyed' })
  })

  it('C-04 a take-back must name one of the open hand-outs', () => {
    const out = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: T.morning })
    const wrong = error(
      check(
        [registered, out],
        'carrier.taken_back',
        { carrierId: 'c1', handOutId: registered.id },
        { at: T.noon },
      ),
    )
    expect(wrong?.code).toBe('C-04')
    expect(wrong?.details).toEqual({ handOutId: registered.id })
    expect(
      refusal(
        check(
          [registered, out],
          'carrier.taken_back',
          { carrierId: 'c1', handOutId: out.id },
          { at: T.noon },
        ),
      ),
    ).toBeNull()
  })

  it('C-11 says why a carrier cannot be destroyed, with the details', () => {
    const approval = signed(
      'approval.granted',
      { subject: 'carrier.destroy', carrierIds: ['c1', 'c2'] },
      { at: T.morning },
    )
    const out = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: T.morning + 1 })
    const central = { approvalId: approval.id, method: 'central', receiptNumber: 'X' }
    const isOut = error(
      check(
        [registered, approval, out],
        'carrier.destroyed',
        { carrierIds: ['c1'], ...central },
        { at: T.noon },
      ),
    )
    expect(isOut?.message.zh).toContain('借出')
    expect(isOut?.message.en).toContain('out')
    expect(isOut?.details).toEqual({ carrierId: 'c1', state: 'out' })
    const done = signed('carrier.destroyed', { carrierIds: ['c2'], ...central }, { at: T.noon })
    const again = error(
      check(
        [registered, approval, done],
        'carrier.destroyed',
        { carrierIds: ['c2'], ...central },
        { at: T.close },
      ),
    )
    expect(again?.message.zh).toContain('已销毁')
    expect(again?.message.en).toContain('already destroyed')
    expect(again?.details).toEqual({ carrierId: 'c2', state: 'destroyed' })
    const notCovered = error(
      check([registered, approval], 'carrier.destroyed', { carrierIds: ['c3'], ...central }, { at: T.noon }),
    )
    expect(notCovered?.details).toEqual({ carrierId: 'c3' })
    const noApproval = error(
      check([registered], 'carrier.destroyed', { carrierIds: ['c1'], ...central }, { at: T.noon }),
    )
    expect(noApproval?.details).toEqual({ approvalId: approval.id })
    const destroyedApproval = error(
      check(
        [registered, approval, done],
        'approval.granted',
        { subject: 'carrier.destroy', carrierIds: ['c2'] },
        { at: T.close },
      ),
    )
    expect(destroyedApproval?.details).toEqual({ carrierId: 'c2' })
  })

  it('C-11 names and witnesses are compared trimmed', () => {
    const approval = signed(
      'approval.granted',
      { subject: 'carrier.destroy', carrierIds: ['c1'] },
      { at: T.morning },
    )
    const ctx = makeContext({}, { allowInHouseDestruction: true, barLeaderFromSupervising: true })
    const inHouse = (destroyer: string, supervisors: string[]) => ({
      carrierIds: ['c1'],
      approvalId: approval.id,
      method: 'in_house',
      destroyer,
      supervisors,
    })
    const at = { at: T.noon }
    expect(
      refusal(check([registered, approval], 'carrier.destroyed', inHouse('  ', ['孙', '周']), at, ctx)),
    ).toBe('C-11')
    expect(
      refusal(check([registered, approval], 'carrier.destroyed', inHouse('王', [' 孙 ', '孙']), at, ctx)),
    ).toBe('C-11')
    expect(
      refusal(check([registered, approval], 'carrier.destroyed', inHouse(' 孙', ['孙', '周']), at, ctx)),
    ).toBe('C-11')
    expect(
      refusal(check([registered, approval], 'carrier.destroyed', inHouse('王', [' 李镇长 ', '周']), at, ctx)),
    ).toBe('C-11')
    expect(
      refusal(check([registered, approval], 'carrier.destroyed', inHouse('王', ['孙', '周']), at, ctx)),
    ).toBeNull()
    const { destroyer: _, ...noDestroyer } = inHouse('王', ['孙', '周'])
    expect(refusal(check([registered, approval], 'carrier.destroyed', noDestroyer, at, ctx))).toBe('C-11')
    const { supervisors: __, ...noSupervisors } = inHouse('王', ['孙', '周'])
    expect(refusal(check([registered, approval], 'carrier.destroyed', noSupervisors, at, ctx))).toBe('C-11')
  })

  it('D-03 explains that lower levels have no period, and gives the maximum otherwise', () => {
    const low = error(
      check([], 'carrier.registered', registration({ level: 'internal', title: 'x', periodYears: 3 }), {
        at: T.morning,
      }),
    )
    expect(low?.message.zh).toContain('不设保密期限')
    expect(low?.details).toBeUndefined()
    const high = error(check([], 'carrier.registered', registration({ periodYears: 25 }), { at: T.morning }))
    expect(high?.message.zh).toContain('1 至 20 年')
    expect(high?.details).toEqual({ max: 20 })
  })

  it('C-01 a refused id or a missing carrier names it in the details', () => {
    expect(
      error(check([registered], 'carrier.registered', registration({ serial: '2026-0002' }), { at: T.noon }))
        ?.details,
    ).toEqual({
      carrierId: 'c1',
    })
    const unknown = error(check([], 'carrier.handed_out', { carrierId: 'zz', reader: '刘' }, { at: T.noon }))
    expect(unknown?.details).toEqual({ carrierId: 'zz' })
    expect(unknown?.message.zh).toContain('zz')
    expect(unknown?.message.en).toContain('zz')
  })

  it('S-01 and malformed payloads name the offending fields', () => {
    expect(
      error(check([], 'carrier.registered', { ...registration(), level: 'x' }, { at: T.morning }))?.details,
    ).toEqual({
      fields: ['level'],
    })
    const nested = registration({ copies: [{ id: 'c1', copyNumber: 1, extra: 1 } as never] })
    expect(error(check([], 'carrier.registered', nested, { at: T.morning }))).toMatchObject({
      code: 'S-01',
      details: { fields: ['copies.0'] },
    })
    // only the title is limited by S-01; another over-long field is plainly malformed
    const longIssuer = registration({ issuer: '长'.repeat(201) })
    expect(refusal(check([], 'carrier.registered', longIssuer, { at: T.morning }))).toBe('EVT-MALFORMED')
    const shortTitle = { ...registration(), title: 5 }
    expect(refusal(check([], 'carrier.registered', shortTitle, { at: T.morning }))).toBe('EVT-MALFORMED')
  })

  it('a user with several roles may act in any of them', () => {
    const byChief = { at: T.morning, actor: 'chief1' as const }
    expect(refusal(check([], 'carrier.registered', registration(), byChief))).toBeNull()
    const state = fold([signed('carrier.registered', registration(), byChief)])
    expect(state.carriers.size).toBe(1)
    expect(state.alerts).toEqual([])
  })

  it('an envelope whose id is not a string is malformed', () => {
    const e = { ...registered, id: 42 as unknown as string }
    const state = fold([e], makeContext({ verify: () => true }))
    expect(state.alerts.map((a) => a.kind)).toEqual(['malformed_payload'])
  })

  it('C-07 a copy is registered on time even when its original was late', () => {
    const late = signed('carrier.registered', registration({ receivedOn: '2026-02-20' }), {
      at: local('2026-03-02T08:00'),
    })
    const copy = signed('carrier.copied', copyPayload('c1', [{ id: 'k1', copyNumber: 9 }]), {
      at: T.morning,
    })
    const state = fold([late, copy])
    expect(state.carriers.get('c1')?.lateRegistration).toBe(true)
    expect(state.carriers.get('k1')?.lateRegistration).toBe(false)
  })

  it('C-05 a carrier with two holders is overdue when either is; the list is by due time, then hand-out id', () => {
    const a = signed(
      'carrier.handed_out',
      { carrierId: 'c1', reader: '刘', dueAt: local('2026-03-02T10:00') },
      { at: T.morning },
    )
    const b = signed(
      'carrier.handed_out',
      { carrierId: 'c1', reader: '陈' },
      { at: T.morning + 1, device: 'pc2' },
    )
    const c = signed(
      'carrier.handed_out',
      { carrierId: 'c2', reader: '杨', dueAt: local('2026-03-02T10:00') },
      { at: T.morning + 2 },
    )
    const d = signed(
      'carrier.handed_out',
      { carrierId: 'c3', reader: '周', dueAt: local('2026-03-02T09:30') },
      { at: T.morning + 3 },
    )
    const state = fold([registered, a, b, c, d])
    const c1 = state.carriers.get('c1')
    if (!c1) throw new Error('missing')
    expect(isOverdue(c1, local('2026-03-02T11:00'))).toBe(true)
    expect(isOverdue(c1, local('2026-03-02T10:00'))).toBe(false)
    const list = overdueHandOuts(state, local('2026-03-02T18:00'))
    const tie = [a.id, c.id].sort()
    expect(list.map((o) => o.handOut.id)).toEqual([d.id, ...tie, b.id])
    expect(overdueHandOuts(state, local('2026-03-02T09:45')).map((o) => o.carrier.id)).toEqual(['c3'])
  })

  it('an ingest never changes an earlier snapshot, the empty one included', () => {
    const register = createUnitRegister(makeContext())
    const empty = register.state
    register.ingest([registered])
    expect(empty.carriers.size).toBe(0)
    expect(empty.serials.size).toBe(0)
    expect(empty.size).toBe(0)
  })

  it('D-03 markings and state-secret levels', () => {
    expect(levelMarking('secret', null)).toBe('机密★20年')
    expect(levelMarking('top_secret', 5)).toBe('绝密★5年')
    expect(levelMarking('internal', null)).toBe('内部')
    expect(['top_secret', 'secret', 'confidential'].every((l) => isStateSecret(l as 'secret'))).toBe(true)
    expect(['work_secret', 'internal', 'public'].some((l) => isStateSecret(l as 'secret'))).toBe(false)
  })
})
