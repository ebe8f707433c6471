import { describe, expect, it } from 'vitest'
import { isOverdue, overdueHandOuts } from '../../../src/registers/carrier/queries.ts'
import { check, fold, local, refusal, refusedCodes, registration, signed, T } from '../../support/fixtures.ts'

const registered = signed('carrier.registered', registration(), { at: local('2026-03-02T08:00') })
const handOut = (reader: string, at: number, extra: { dueAt?: number } = {}, device = 'pc1') =>
  signed('carrier.handed_out', { carrierId: 'c1', reader, ...extra }, { at, device })
const takeBack = (handOutId: string, at: number, device = 'pc1') =>
  signed('carrier.taken_back', { carrierId: 'c1', handOutId }, { at, device })

describe('circulation (rules C-04, C-05)', () => {
  it('C-04 hands out from custody and takes back to custody', () => {
    const out = handOut('刘读者', T.morning)
    const state = fold([registered, out])
    const carrier = state.carriers.get('c1')
    expect(carrier?.state).toBe('out')
    expect(carrier?.holders).toEqual([
      { id: out.id, reader: '刘读者', handedOutAt: T.morning, dueAt: T.close },
    ])
    const back = fold([registered, out, takeBack(out.id, T.noon)]).carriers.get('c1')
    expect(back?.state).toBe('in_custody')
    expect(back?.holders).toEqual([])
    expect(back?.updatedAt).toBe(T.noon)
  })

  it('C-04 refuses handing a carrier that is out to a second reader (no 横传)', () => {
    const out = handOut('刘读者', T.morning)
    const r = check(
      [registered, out],
      'carrier.handed_out',
      { carrierId: 'c1', reader: '陈读者' },
      { at: T.noon },
    )
    expect(refusal(r)).toBe('C-04')
    expect(r.ok ? null : r.error.message.zh).toContain('横传')
  })

  it('C-04 a concurrent offline hand-out becomes an anomaly and both holders are kept', () => {
    const a = handOut('刘读者', T.morning, {}, 'pc1')
    const b = handOut('陈读者', local('2026-03-02T10:00'), {}, 'pc2')
    const state = fold([b, registered, a])
    const carrier = state.carriers.get('c1')
    expect(carrier?.state).toBe('out')
    expect(carrier?.holders.map((h) => h.reader)).toEqual(['刘读者', '陈读者'])
    expect(state.refused).toEqual([])
    expect(state.anomalies).toEqual([
      {
        id: `concurrent_hand_out:${b.id}`,
        kind: 'concurrent_hand_out',
        carrierId: 'c1',
        eventIds: [a.id, b.id],
        openedAt: local('2026-03-02T10:00'),
        resolvedAt: null,
        note: null,
        resolvedBy: null,
      },
    ])
    // each holder is taken back on its own; the carrier is in custody only after both
    const one = fold([registered, a, b, takeBack(a.id, T.noon)]).carriers.get('c1')
    expect(one?.state).toBe('out')
    expect(one?.holders.map((h) => h.reader)).toEqual(['陈读者'])
    const both = fold([registered, a, b, takeBack(a.id, T.noon), takeBack(b.id, T.noon + 1, 'pc2')])
    expect(both.carriers.get('c1')?.state).toBe('in_custody')
  })

  it('C-04 refuses a take-back that matches no open hand-out, and a hand-out of an unknown carrier', () => {
    const out = handOut('刘读者', T.morning)
    const back = takeBack(out.id, T.noon)
    expect(
      refusal(
        check(
          [registered, out, back],
          'carrier.taken_back',
          { carrierId: 'c1', handOutId: out.id },
          { at: T.close },
        ),
      ),
    ).toBe('C-04')
    const twice = fold([registered, out, back, takeBack(out.id, T.close, 'pc2')])
    expect(refusedCodes(twice)).toEqual(['C-04'])
    expect(
      refusal(check([registered], 'carrier.handed_out', { carrierId: 'nope', reader: '刘' }, { at: T.noon })),
    ).toBe('CARRIER-UNKNOWN')
  })

  it('C-05 during office hours the due time is the end of the working day; an earlier time may be set', () => {
    expect(fold([registered, handOut('刘', T.morning)]).carriers.get('c1')?.holders[0]?.dueAt).toBe(T.close)
    const early = local('2026-03-02T11:00')
    expect(
      fold([registered, handOut('刘', T.morning, { dueAt: early })]).carriers.get('c1')?.holders[0]?.dueAt,
    ).toBe(early)
    const late = { carrierId: 'c1', reader: '刘', dueAt: T.close + 1 }
    expect(refusal(check([registered], 'carrier.handed_out', late, { at: T.morning }))).toBe('C-05')
    const before = { carrierId: 'c1', reader: '刘', dueAt: T.morning }
    expect(refusal(check([registered], 'carrier.handed_out', before, { at: T.morning }))).toBe('C-05')
    expect(refusedCodes(fold([registered, handOut('刘', T.morning, { dueAt: T.close + 1 })]))).toEqual([
      'C-05',
    ])
  })

  it('C-05 after office hours the officer must set a due time no later than the end of that day', () => {
    expect(
      refusal(
        check([registered], 'carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: T.evening }),
      ),
    ).toBe('C-05')
    const endOfDay = local('2026-03-02T23:59:59.999')
    const atEnd = { carrierId: 'c1', reader: '刘', dueAt: endOfDay }
    expect(refusal(check([registered], 'carrier.handed_out', atEnd, { at: T.evening }))).toBeNull()
    const nextDay = { carrierId: 'c1', reader: '刘', dueAt: T.midnight }
    expect(refusal(check([registered], 'carrier.handed_out', nextDay, { at: T.evening }))).toBe('C-05')
    const state = fold([registered, handOut('刘', T.evening, { dueAt: local('2026-03-02T21:00') })])
    expect(state.carriers.get('c1')?.holders[0]?.dueAt).toBe(local('2026-03-02T21:00'))
  })

  it('C-05 on a weekend or holiday the officer sets the due time the same way', () => {
    const saturday = local('2026-03-07T10:00')
    expect(
      refusal(check([registered], 'carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: saturday })),
    ).toBe('C-05')
    const ok = { carrierId: 'c1', reader: '刘', dueAt: local('2026-03-07T16:00') }
    expect(refusal(check([registered], 'carrier.handed_out', ok, { at: saturday }))).toBeNull()
    const nationalDay = local('2026-10-01T10:00')
    expect(
      refusal(
        check([registered], 'carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: nationalDay }),
      ),
    ).toBe('C-05')
    // a 调休 Saturday is a working day: end of office hours applies
    const early = signed('carrier.registered', registration({ receivedOn: '2026-02-28' }), {
      at: local('2026-02-28T08:00'),
    })
    const makeup = local('2026-02-28T10:00')
    expect(fold([early, handOut('刘', makeup)]).carriers.get('c1')?.holders[0]?.dueAt).toBe(
      local('2026-02-28T17:30'),
    )
  })

  it('C-05 a hand-out in a year without holiday data is due at the close of an ordinary working day (Monday 2027-03-01), never refused', () => {
    const reg2027 = signed(
      'carrier.registered',
      registration({ serial: '2027-0001', receivedOn: '2027-03-01' }),
      {
        at: local('2027-03-01T08:00'),
      },
    )
    const state = fold([
      reg2027,
      signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: local('2027-03-01T09:00') }),
    ])
    expect(refusedCodes(state)).toEqual([])
    expect(state.carriers.get('c1')?.state).toBe('out')
    expect(state.carriers.get('c1')?.holders[0]?.dueAt).toBe(local('2027-03-01T17:30'))
  })

  it('C-05 a carrier is overdue once out past its due time', () => {
    const out = handOut('刘读者', T.morning)
    const state = fold([registered, out])
    const carrier = state.carriers.get('c1')
    if (!carrier) throw new Error('missing')
    expect(isOverdue(carrier, T.close)).toBe(false)
    expect(isOverdue(carrier, T.close + 1)).toBe(true)
    expect(overdueHandOuts(state, T.close)).toEqual([])
    expect(overdueHandOuts(state, T.close + 1)).toEqual([{ carrier, handOut: carrier.holders[0] }])
    const back = fold([registered, out, takeBack(out.id, T.evening)])
    const returned = back.carriers.get('c1')
    expect(returned && isOverdue(returned, T.tuesday)).toBe(false)
    expect(overdueHandOuts(back, T.tuesday)).toEqual([])
  })

  it('C-05 overdue hand-outs are listed earliest due first', () => {
    const two = signed(
      'carrier.registered',
      registration({ serial: '2026-0002', copies: [{ id: 'c2', copyNumber: 2 }] }),
      { at: local('2026-03-02T08:10') },
    )
    const a = handOut('刘', T.morning)
    const b = signed(
      'carrier.handed_out',
      { carrierId: 'c2', reader: '陈', dueAt: local('2026-03-02T10:00') },
      { at: T.morning },
    )
    const list = overdueHandOuts(fold([registered, two, a, b]), T.tuesday)
    expect(list.map((o) => o.carrier.id)).toEqual(['c2', 'c1'])
  })
})
