import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import { DEFAULT_CLASSIFICATION_POLICY } from '../../../src/registers/classification/policy.ts'
import {
  effectiveStatus,
  periodicReviewsDue,
  secretItemsRegister,
} from '../../../src/registers/classification/queries.ts'
import { codes, DAY, determined, ev, fold, item, local, proposal } from './classification-fold.ts'

/** A determined item's life: changes (D-05), periodic review (D-06), expiry (D-07), the year's register (D-08). */

const H = 3_600_000
const T0 = local('2026-03-02T09:00')

describe('D-05 changes', () => {
  const evs = determined('i1', T0)
  const change = (id: string, c: unknown, at: number) =>
    ev(id, 'classification.change_proposed', 'officer1', at, { itemId: 'i1', change: c, reason: '情况变化' })
  const review = (id: string, pid: string, at: number) =>
    ev(id, 'classification.reviewed', 'classifier1', at, {
      itemId: 'i1',
      proposalId: pid,
      decision: 'approve',
    })
  const approve = (id: string, pid: string, at: number) =>
    ev(id, 'classification.approved', 'leader1', at, { itemId: 'i1', proposalId: pid })

  it('D-05 a level change goes through review and approval and keeps the original start date', () => {
    const t = T0 + 100 * DAY
    const it = item([
      ...evs,
      change('c', { kind: 'level', level: 'confidential', periodYears: 5 }, t),
      review('cr', 'c', t + H),
      approve('ca', 'c', t + 2 * H),
    ])
    expect(it.determination).toMatchObject({ level: 'confidential', periodYears: 5, startOn: '2026-03-02' })
    expect(it.determination?.expiresAtMs).toBe(local('2031-03-02T00:00'))
    expect(it.firstDetermination?.level).toBe('secret')
  })

  it('D-05 refuses approving a change without review, and a period change beyond D-03', () => {
    const t = T0 + 100 * DAY
    expect(
      codes([...evs, change('c', { kind: 'period', periodYears: 15 }, t), approve('ca', 'c', t + H)]),
    ).toEqual(['D-05'])
    expect(codes([...evs, change('c', { kind: 'period', periodYears: 25 }, t)])).toEqual(['D-03'])
  })

  it('D-05 early declassification takes the same three steps', () => {
    const t = T0 + 100 * DAY
    const all = [
      ...evs,
      change('c', { kind: 'declassify' }, t),
      review('cr', 'c', t + H),
      approve('ca', 'c', t + 2 * H),
    ]
    expect(effectiveStatus(item(all.slice(0, -1)), t + 2 * H)).toBe('secret')
    expect(effectiveStatus(item(all), t + 3 * H)).toBe('declassified')
  })
})

describe('D-06 periodic review', () => {
  const evs = determined('i1', T0)
  it('D-06 an item is due for review a year after determination (default), or after the unit interval', () => {
    const state = fold(evs).state
    const due = local('2027-03-02T00:00')
    expect(periodicReviewsDue(state, due - 1, DEFAULT_CLASSIFICATION_POLICY, DEFAULT_CALENDAR)).toEqual([])
    expect(periodicReviewsDue(state, due, DEFAULT_CLASSIFICATION_POLICY, DEFAULT_CALENDAR)).toEqual([
      { itemId: 'i1', dueAtMs: due },
    ])
    const three = { ...DEFAULT_CLASSIFICATION_POLICY, reviewIntervalYears: 3 }
    expect(periodicReviewsDue(state, due, three, DEFAULT_CALENDAR)).toEqual([])
  })

  it('D-06 a review that keeps the item resets the clock; a declassifying outcome without D-05 steps is refused', () => {
    const kept = ev('k', 'classification.reviewed_periodic', 'classifier1', local('2027-03-05T10:00'), {
      itemId: 'i1',
      outcome: 'kept',
    })
    const state = fold([...evs, kept]).state
    expect(
      periodicReviewsDue(state, local('2027-06-01T00:00'), DEFAULT_CLASSIFICATION_POLICY, DEFAULT_CALENDAR),
    ).toEqual([])
    expect(
      periodicReviewsDue(state, local('2028-03-05T00:00'), DEFAULT_CLASSIFICATION_POLICY, DEFAULT_CALENDAR),
    ).toHaveLength(1)
    const dec = ev('d', 'classification.reviewed_periodic', 'classifier1', local('2027-03-05T10:00'), {
      itemId: 'i1',
      outcome: 'declassified',
    })
    expect(codes([...evs, dec])).toEqual(['D-05'])
  })
})

describe('D-07 automatic declassification', () => {
  it('D-07 a determined item is declassified at the end of its period, with no event', () => {
    const it = item(determined('i1', T0, { level: 'confidential', periodYears: 1 }))
    const end = local('2027-03-02T00:00')
    expect(effectiveStatus(it, end - 1)).toBe('secret')
    expect(effectiveStatus(it, end)).toBe('expired')
  })

  it('D-07 an expired item cannot be extended afterwards and is no longer due for review', () => {
    const evs = determined('i1', T0, { level: 'confidential', periodYears: 1 })
    const ext = ev('x', 'classification.change_proposed', 'officer1', local('2027-03-02T09:00'), {
      itemId: 'i1',
      change: { kind: 'period', periodYears: 5 },
      reason: '延长',
    })
    expect(codes([...evs, ext])).toEqual(['D-07'])
    expect(
      periodicReviewsDue(
        fold(evs).state,
        local('2027-03-02T00:00'),
        DEFAULT_CLASSIFICATION_POLICY,
        DEFAULT_CALENDAR,
      ),
    ).toEqual([])
  })
})

describe('D-08 国家秘密事项登记表', () => {
  it('D-08 lists the items determined in the year, numbered in approval order, and is due by year end', () => {
    const evs = [
      ...determined('b', local('2026-05-01T09:00')),
      ...determined('a', local('2026-02-01T09:00'), { level: 'confidential', periodYears: null }),
      ...determined('c', local('2025-12-01T09:00')),
      ev('open', 'classification.proposed', 'officer1', local('2026-06-01T09:00'), proposal('open')),
    ]
    const reg = secretItemsRegister(fold(evs).state, 2026)
    expect(reg.dueBy).toBe('2026-12-31')
    expect(reg.rows.map((r) => [r.number, r.itemId, r.level, r.periodYears, r.approvedOn])).toEqual([
      [1, 'a', 'confidential', 10, '2026-02-01'],
      [2, 'b', 'secret', 10, '2026-05-01'],
    ])
    expect(reg.rows[0]).toMatchObject({
      scope: '镇领导班子',
      approver: { kind: 'leader', userId: 'leader1' },
    })
    expect(reg.rows[0]?.basis).toEqual({ kind: 'derived', sourceDocNumber: '县委发〔2026〕1号' })
  })
})
