import { describe, expect, it } from 'vitest'
import { isOverdue, openAnomalies } from '../../../src/registers/carrier/queries.ts'
import { check, fold, local, refusal, refusedCodes, registration, signed, T } from '../../support/fixtures.ts'

/** 补录 (issue 11 item 4): a hand-out or return recorded after it happened, judged on when it happened. */

const registered = signed('carrier.registered', registration(), { at: local('2026-03-02T08:40') })
const monday10 = local('2026-03-02T10:00')

describe('late entries (补录) of hand-outs and returns (rules C-04, C-05)', () => {
  it('rules C-04, C-05: a hand-out recorded on Tuesday that happened on Monday is due at Monday’s closing, and keeps both times', () => {
    const late = signed(
      'carrier.handed_out',
      { carrierId: 'c1', reader: '刘', happenedAt: monday10 },
      { at: T.tuesday },
    )
    const state = fold([registered, late])
    expect(refusedCodes(state)).toEqual([])
    const carrier = state.carriers.get('c1')
    expect(carrier?.holders).toEqual([
      { id: late.id, reader: '刘', handedOutAt: monday10, dueAt: T.close, recordedAt: T.tuesday },
    ])
    // Overdue since Monday's closing, although it was only recorded on Tuesday.
    expect(carrier && isOverdue(carrier, T.tuesday)).toBe(true)
    // An ordinary hand-out keeps one time.
    const now = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: T.morning })
    expect(fold([registered, now]).carriers.get('c1')?.holders[0]).not.toHaveProperty('recordedAt')
  })

  it('rule C-05: a return recorded the next morning that happened the evening before is no overnight absence', () => {
    const handOut = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: T.noon })
    const backLate = signed(
      'carrier.taken_back',
      { carrierId: 'c1', handOutId: handOut.id, happenedAt: T.close },
      { at: T.tuesday },
    )
    expect(openAnomalies(fold([registered, handOut, backLate]))).toEqual([])
    const backNextDay = signed(
      'carrier.taken_back',
      { carrierId: 'c1', handOutId: handOut.id },
      { at: T.tuesday },
    )
    expect(openAnomalies(fold([registered, handOut, backNextDay])).map((a) => a.kind)).toEqual(['overnight'])
  })

  it('rule C-04: a late entry cannot have happened after it is recorded, before the carrier’s last change, or a return before its hand-out', () => {
    const at = { at: T.noon }
    expect(
      refusal(
        check([registered], 'carrier.handed_out', { carrierId: 'c1', reader: '刘', happenedAt: T.close }, at),
      ),
    ).toBe('C-04')
    const beforeRegistration = { carrierId: 'c1', reader: '刘', happenedAt: local('2026-03-02T08:00') }
    expect(refusal(check([registered], 'carrier.handed_out', beforeRegistration, at))).toBe('C-04')
    const handOut = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: T.noon })
    const back = { carrierId: 'c1', handOutId: handOut.id, happenedAt: monday10 }
    expect(check([registered, handOut], 'carrier.taken_back', back, { at: T.close })).toMatchObject({
      ok: false,
      error: { code: 'C-04', details: { happenedAt: monday10, notBefore: T.noon } },
    })
    const fine = { carrierId: 'c1', handOutId: handOut.id, happenedAt: local('2026-03-02T16:00') }
    expect(refusal(check([registered, handOut], 'carrier.taken_back', fine, { at: T.tuesday }))).toBeNull()
  })

  it('rule C-04: an anomaly that arose meanwhile is not cleared by a backdated return, only by a resolution note', () => {
    const first = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: monday10 })
    const second = signed(
      'carrier.handed_out',
      { carrierId: 'c1', reader: '陈' },
      { at: monday10 + 5 * 60_000, device: 'pc2' },
    )
    // Recorded at 11:00: 刘 had in fact returned it at 10:01, before 陈's hand-out was recorded.
    const backdated = signed(
      'carrier.taken_back',
      { carrierId: 'c1', handOutId: first.id, happenedAt: monday10 + 60_000 },
      { at: local('2026-03-02T11:00') },
    )
    const state = fold([registered, first, second, backdated])
    expect(refusedCodes(state)).toEqual([])
    expect(openAnomalies(state).map((a) => a.id)).toEqual([`concurrent_hand_out:${second.id}`])
    const note = signed(
      'anomaly.resolved',
      { anomalyId: `concurrent_hand_out:${second.id}`, note: '刘某 10:01 已交回，补录' },
      { at: local('2026-03-02T11:30') },
    )
    expect(openAnomalies(fold([registered, first, second, backdated, note]))).toEqual([])
  })
})
