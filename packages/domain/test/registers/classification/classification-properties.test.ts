import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { createClassificationSlice } from '../../../src/registers/classification/slice.ts'
import type { ClassificationState } from '../../../src/registers/classification/state.ts'
import { compareSliceEvents } from '../../support/slice-fold.ts'
import { CTX, DAY, determined, ev, fold, local, proposal } from './classification-fold.ts'

const H = 3_600_000
const T0 = local('2026-03-02T09:00')

/** Every event id the state holds, wherever it sits. */
function plain(state: ClassificationState): string {
  return JSON.stringify({ items: [...state.items.entries()], classifiers: [...state.classifiers.entries()] })
}

/** A fixed pool hitting every event type and several refusals (unfiled reviewer, no review, D-03, D-01). */
function pool(): SliceEvent[] {
  return [
    ...determined('i1', T0),
    ...determined('i2', T0 + DAY, { level: 'confidential', periodYears: null }).slice(1),
    ev('bad-period', 'classification.proposed', 'officer1', T0 + H, proposal('i3', { periodYears: 40 })),
    ev(
      'bad-basis',
      'classification.proposed',
      'officer1',
      T0 + H,
      proposal('i4', { basis: { kind: 'catalogue', item: 'x' } }),
    ),
    ev('i5-p', 'classification.proposed', 'officer1', T0 + 2 * DAY, proposal('i5')),
    ev('unfiled', 'classification.reviewed', 'classifier2', T0 + 2 * DAY + H, {
      itemId: 'i5',
      proposalId: 'i5-p',
      decision: 'approve',
    }),
    ev('early', 'classification.approved', 'leader1', T0 + 2 * DAY + 2 * H, {
      itemId: 'i5',
      proposalId: 'i5-p',
    }),
    ev('esc', 'classification.escalated', 'officer1', T0 + 3 * DAY, { itemId: 'i5', authority: '县保密局' }),
    ev('rep', 'classification.reply_recorded', 'officer1', T0 + 6 * DAY, {
      itemId: 'i5',
      reference: 'r1',
      outcome: { kind: 'secret', level: 'secret', periodYears: 5, scope: '班子' },
    }),
    ev('chg', 'classification.change_proposed', 'officer1', T0 + 9 * DAY, {
      itemId: 'i1',
      change: { kind: 'period', periodYears: 5 },
      reason: '调整',
    }),
    ev('chg-r', 'classification.reviewed', 'classifier1', T0 + 9 * DAY + H, {
      itemId: 'i1',
      proposalId: 'chg',
      decision: 'approve',
    }),
    ev('chg-a', 'classification.approved', 'leader1', T0 + 9 * DAY + 2 * H, {
      itemId: 'i1',
      proposalId: 'chg',
    }),
    ev('per', 'classification.reviewed_periodic', 'classifier1', T0 + 400 * DAY, {
      itemId: 'i2',
      outcome: 'kept',
    }),
  ]
}

describe('classification fold properties', () => {
  it('D-01..D-09 any permutation of the same events, in fold order, gives the same state and refusals', () => {
    const events = pool()
    const reference = fold(events)
    expect(reference.refused.map((r) => r.eventId).sort()).toEqual([
      'bad-basis',
      'bad-period',
      'early',
      'unfiled',
    ])
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        (perm) => {
          const out = fold(perm)
          expect(out.state).toEqual(reference.state)
          expect(out.refused).toEqual(reference.refused)
        },
      ),
      { numRuns: 100 },
    )
  })

  it('D-01..D-09 no refused event appears in the state, for any subset of the pool', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(pool()), (subset) => {
        const out = fold(subset)
        const text = plain(out.state)
        for (const r of out.refused) expect(text).not.toContain(`"${r.eventId}"`)
        for (const e of subset)
          if (!out.refused.some((r) => r.eventId === e.id)) expect(text).toContain(`"${e.id}"`)
      }),
      { numRuns: 200 },
    )
  })

  it('D-01..D-09 a refused event never changes state: check leaves the working state as it was', () => {
    const slice = createClassificationSlice()
    fc.assert(
      fc.property(fc.shuffledSubarray(pool()), (subset) => {
        const work = slice.fork(slice.empty())
        for (const e of [...subset].sort(compareSliceEvents)) {
          const before = plain(slice.view(work))
          const error = slice.check(work, e, CTX)
          expect(plain(slice.view(work))).toBe(before)
          if (!error) slice.apply(work, e, CTX)
        }
      }),
      { numRuns: 100 },
    )
  })

  it('fork isolates: applying to a fork leaves the original untouched', () => {
    const slice = createClassificationSlice()
    const work = slice.fork(slice.empty())
    const [f, p] = determined('i1', T0)
    if (!f || !p) throw new Error('fixture')
    slice.apply(work, f, CTX)
    const copy = slice.fork(work)
    slice.apply(copy, p, CTX)
    expect(slice.view(work).items.size).toBe(0)
    expect(slice.view(copy).items.size).toBe(1)
  })
})
