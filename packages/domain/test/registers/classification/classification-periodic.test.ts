import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { DAY, determined, ev, fold, local, proposal } from './classification-fold.ts'

/** rule D-06: a periodic review records a kept item, or a change (D-05) open or approved since the last review. */

const H = 3_600_000
const T0 = local('2026-03-02T09:00')
const T = T0 + 100 * DAY

const change = (id: string, c: unknown, at: number) =>
  ev(id, 'classification.change_proposed', 'officer1', at, { itemId: 'i1', change: c, reason: '情况变化' })
const steps = (pid: string, at: number): SliceEvent[] => [
  ev(`${pid}-r`, 'classification.reviewed', 'classifier1', at + H, {
    itemId: 'i1',
    proposalId: pid,
    decision: 'approve',
  }),
  ev(`${pid}-a`, 'classification.approved', 'leader1', at + 2 * H, { itemId: 'i1', proposalId: pid }),
]
const periodic = (id: string, outcome: string, at: number, actor = 'classifier1', itemId = 'i1') =>
  ev(id, 'classification.reviewed_periodic', actor, at, { itemId, outcome })

function refusals(events: readonly SliceEvent[]): [string, string][] {
  return fold(events).refused.map((r) => [r.eventId, r.error.code])
}

describe('D-06 periodic review outcomes', () => {
  const evs = determined('i1', T0)

  it('rule D-09: a periodic review by a classifier who was not filed is refused', () => {
    const out = fold([...evs, periodic('k', 'kept', T, 'classifier2')])
    expect(out.refused.map((r) => [r.eventId, r.error.code])).toEqual([['k', 'D-09']])
    expect(out.refused[0]?.error.details).toEqual({ actor: 'classifier2' })
    expect(out.state.items.get('i1')?.lastPeriodicReview).toBeNull()
  })

  it('rule D-06: kept is recorded for an item in force, with who, when and the note', () => {
    const kept = ev('k', 'classification.reviewed_periodic', 'classifier1', T, {
      itemId: 'i1',
      outcome: 'kept',
      note: '仍需保密',
    })
    const out = fold([...evs, kept])
    expect(out.refused).toEqual([])
    expect(out.state.items.get('i1')?.history.at(-1)).toEqual({
      eventId: 'k',
      type: 'classification.reviewed_periodic',
      by: 'classifier1',
      atMs: T,
      note: '仍需保密',
    })
    expect(out.state.items.get('i1')?.lastPeriodicReview).toEqual({
      eventId: 'k',
      by: 'classifier1',
      atMs: T,
      outcome: 'kept',
    })
  })

  it('rule D-06: kept is refused for an item not yet determined or already expired', () => {
    const open = ev('i2-p', 'classification.proposed', 'officer1', T0, proposal('i2'))
    const short = determined('i3', T0, { level: 'confidential', periodYears: 1 }).slice(1)
    const out = fold([...evs, open, ...short, periodic('k2', 'kept', T, 'classifier1', 'i2')])
    expect(out.refused.map((r) => [r.eventId, r.error.code])).toEqual([['k2', 'D-06']])
    expect(out.refused[0]?.error.details).toEqual({ itemId: 'i2' })
    const expiry = local('2027-03-02T00:00')
    expect(refusals([...evs, ...short, periodic('k3', 'kept', expiry - 1, 'classifier1', 'i3')])).toEqual([])
    expect(refusals([...evs, ...short, periodic('k3', 'kept', expiry, 'classifier1', 'i3')])).toEqual([
      ['k3', 'D-06'],
    ])
  })

  it('rule D-05: changed is recorded while a level or period change is open, not a declassification', () => {
    const level = change('c', { kind: 'level', level: 'confidential', periodYears: 5 }, T)
    const period = change('c', { kind: 'period', periodYears: 5 }, T)
    const declassify = change('c', { kind: 'declassify' }, T)
    expect(refusals([...evs, level, periodic('p', 'changed', T + H)])).toEqual([])
    expect(refusals([...evs, period, periodic('p', 'changed', T + H)])).toEqual([])
    expect(refusals([...evs, declassify, periodic('p', 'changed', T + H)])).toEqual([['p', 'D-05']])
    expect(refusals([...evs, declassify, periodic('p', 'declassified', T + H)])).toEqual([])
    expect(refusals([...evs, period, periodic('p', 'declassified', T + H)])).toEqual([['p', 'D-05']])
  })

  it('rule D-05: changed is recorded after a period change approved since the determination', () => {
    const out = fold([
      ...evs,
      change('c', { kind: 'period', periodYears: 5 }, T),
      ...steps('c', T),
      periodic('p', 'changed', T + 3 * H),
    ])
    expect(out.refused).toEqual([])
    expect(out.state.items.get('i1')?.lastPeriodicReview?.outcome).toBe('changed')
  })

  it('rule D-05: declassified is recorded after an approved declassification, not after a level change', () => {
    const dec = [...evs, change('c', { kind: 'declassify' }, T), ...steps('c', T)]
    expect(refusals([...dec, periodic('p', 'declassified', T + 3 * H)])).toEqual([])
    expect(refusals([...dec, periodic('p', 'changed', T + 3 * H)])).toEqual([['p', 'D-05']])
    const lvl = [
      ...evs,
      change('c', { kind: 'level', level: 'confidential', periodYears: null }, T),
      ...steps('c', T),
    ]
    expect(refusals([...lvl, periodic('p', 'declassified', T + 3 * H)])).toEqual([['p', 'D-05']])
  })

  it('rule D-05: a change approved before the last periodic review does not count for the next one', () => {
    const events = [
      ...evs,
      change('c', { kind: 'period', periodYears: 5 }, T),
      ...steps('c', T),
      periodic('p1', 'changed', T + 3 * H),
      periodic('p2', 'changed', T + 300 * DAY),
    ]
    expect(refusals(events)).toEqual([['p2', 'D-05']])
  })

  it('rule D-05: changed or declassified is refused when nothing was proposed', () => {
    expect(refusals([...evs, periodic('p', 'changed', T), periodic('q', 'declassified', T)])).toEqual([
      ['p', 'D-05'],
      ['q', 'D-05'],
    ])
    const open = ev('i2-p', 'classification.proposed', 'officer1', T0, proposal('i2'))
    expect(refusals([...evs, open, periodic('p', 'changed', T, 'classifier1', 'i2')])).toEqual([
      ['p', 'D-05'],
    ])
  })
})
