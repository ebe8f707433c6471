import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareEvents, type EventEnvelope } from '../../../src/core/event-envelope.ts'
import { checkEvent } from '../../../src/unit/check-event.ts'
import { createUnitRegister, foldUnitRegister } from '../../../src/unit/unit-fold.ts'
import type { RegisterState } from '../../../src/unit/unit-state.ts'
import { eventPool } from '../../support/event-pool.ts'
import { makeContext } from '../../support/fixtures.ts'

const ctx = makeContext()
const pool = eventPool()
const byOrder = (events: readonly EventEnvelope[]) => events.slice().sort(compareEvents)

/** A subset of the pool, and a permutation of it. */
const subsetAndPermutation = fc
  .shuffledSubarray(pool, { minLength: 1 })
  .chain((subset) => fc.tuple(fc.constant(subset), fc.shuffledSubarray(subset, { minLength: subset.length })))

/** Every event id that the state shows as having taken effect. */
function effectiveIds(state: RegisterState): Set<string> {
  const ids = new Set<string>()
  for (const c of state.carriers.values()) {
    ids.add(c.createdBy)
    ids.add(c.lastEventId)
    for (const h of c.holders) ids.add(h.id)
  }
  for (const id of state.approvals.keys()) ids.add(id)
  for (const id of state.serials.values()) ids.add(id)
  for (const a of state.anomalies) {
    if (a.kind === 'refused_event') continue // names a refused event; applies nothing
    for (const id of a.eventIds) ids.add(id)
    if (a.resolvedBy) ids.add(a.resolvedBy)
  }
  return ids
}

function meaning(state: RegisterState) {
  return {
    carriers: state.carriers,
    approvals: state.approvals,
    anomalies: state.anomalies.filter((a) => a.kind !== 'refused_event'),
    serials: state.serials,
  }
}

describe('register fold properties (ARCHITECTURE decisions 1–3)', () => {
  it('the pool exercises anomalies, refusals and alerts', () => {
    const state = foldUnitRegister(pool, ctx)
    const merged = state.anomalies.filter((a) => a.kind !== 'refused_event')
    expect(merged.map((a) => a.kind).sort()).toEqual(['concurrent_hand_out', 'duplicate_serial'])
    expect(new Set(state.refused.map((r) => r.error.code))).toEqual(
      new Set(['CARRIER-EXISTS', 'S-02', 'C-04', 'C-05', 'C-07', 'C-11', 'ANOMALY-CLOSED']),
    )
    expect(new Set(state.alerts.map((a) => a.kind))).toEqual(
      new Set(['malformed_payload', 'bad_signature', 'wrong_unit', 'unknown_actor', 'role_not_allowed']),
    )
  })

  it('any permutation of the same events folds to the same state', () => {
    fc.assert(
      fc.property(subsetAndPermutation, ([subset, permuted]) => {
        expect(foldUnitRegister(permuted, ctx)).toEqual(foldUnitRegister(byOrder(subset), ctx))
      }),
      { numRuns: 150 },
    )
  })

  it('any split among replicas (fold a part, ingest the rest in random batches, with repeats) gives the same state', () => {
    fc.assert(
      fc.property(
        subsetAndPermutation,
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.nat(),
        ([subset, permuted], cuts, repeatSeed) => {
          const reference = foldUnitRegister(subset, ctx)
          const bounds = [...new Set(cuts.map((c) => c % (permuted.length + 1)))].sort((a, b) => a - b)
          const parts: EventEnvelope[][] = []
          let from = 0
          for (const to of [...bounds, permuted.length]) {
            parts.push(permuted.slice(from, to))
            from = to
          }
          const [first = [], ...rest] = parts
          const register = createUnitRegister(ctx)
          register.ingest(first)
          for (const part of rest) register.ingest(part)
          // repeats change nothing (idempotent by id) and return the same state object
          const before = register.state
          const again = permuted.filter((_, i) => (i + repeatSeed) % 3 === 0)
          expect(register.ingest(again)).toBe(before)
          expect(register.state).toEqual(reference)
          for (const e of subset) expect(register.has(e.id)).toBe(true)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('no refused or alerted event takes effect, each refused one is named by an anomaly, and removing them changes nothing else', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: 1 }), (subset) => {
        const state = foldUnitRegister(subset, ctx)
        const rejected = new Set([
          ...state.refused.map((r) => r.eventId),
          ...state.alerts.map((a) => a.eventId),
        ])
        const shown = effectiveIds(state)
        for (const id of rejected) expect(shown.has(id)).toBe(false)
        // Issue 11 item 3: merging never drops a signed event: each refused one is named by an anomaly.
        const named = state.anomalies.filter((a) => a.kind === 'refused_event').map((a) => a.eventIds[0])
        expect(named.sort()).toEqual(state.refused.map((r) => r.eventId).sort())
        const clean = foldUnitRegister(
          subset.filter((e) => !rejected.has(e.id)),
          ctx,
        )
        expect(meaning(clean)).toEqual(meaning(state))
      }),
      { numRuns: 150 },
    )
  })

  it('the fold runs the block rules of checkEvent: what checkEvent allows is applied, what it refuses is refused or opens an anomaly', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: 1 }), (subset) => {
        const register = createUnitRegister(ctx)
        for (const event of byOrder(subset)) {
          const before = register.state
          const verdict = checkEvent(before, event, ctx)
          const after = register.ingest([event])
          if (after.alerts.length > before.alerts.length) continue // failed screening: not a rule matter
          const refused = after.refused.length > before.refused.length
          if (verdict.ok) {
            expect(refused).toBe(false)
            continue
          }
          // Merge conflicts (C-04: the carrier is out; C-01: the serial is used) are refused by checkEvent but
          // folded as anomalies, unless another rule refuses the event too.
          const conflict = ['C-04', 'C-01'].includes(verdict.error.code)
          if (refused) {
            if (!conflict) expect(after.refused.at(-1)?.error.code).toBe(verdict.error.code)
            continue
          }
          expect(conflict).toBe(true)
          const opened = after.anomalies.at(-1)
          expect(after.anomalies.length).toBe(before.anomalies.length + 1)
          expect(opened?.eventIds).toContain(event.id)
        }
      }),
      { numRuns: 100 },
    )
  })

  it('a forged approval (officer key, actor leader1) changes nothing and raises an alert, in any history', () => {
    const forged = pool.find(
      (e) =>
        e.type === 'approval.granted' &&
        e.actor === 'leader1' &&
        e.device === 'pc3' &&
        e.payload &&
        (e.payload as { carrierIds: string[] }).carrierIds[0] === 'c1',
    )
    if (!forged) throw new Error('pool lacks the forged approval')
    const others = pool.filter((e) => e !== forged)
    fc.assert(
      fc.property(fc.shuffledSubarray(others), (subset) => {
        const without = foldUnitRegister(subset, ctx)
        const withForged = foldUnitRegister([...subset, forged], ctx)
        expect(meaning(withForged)).toEqual(meaning(without))
        expect(withForged.alerts.filter((a) => a.eventId === forged.id)).toEqual([
          {
            eventId: forged.id,
            kind: 'bad_signature',
            actor: 'leader1',
            type: 'approval.granted',
            at: forged.at,
          },
        ])
      }),
      { numRuns: 100 },
    )
  })

  it('events with an unknown actor, a wrong role or a wrong unit are alerted in any history', () => {
    const suspects = pool.filter((e) => ['stranger', 'classifier1', 'officer2', 'leader2'].includes(e.actor))
    expect(suspects).toHaveLength(4)
    fc.assert(
      fc.property(fc.shuffledSubarray(pool), (subset) => {
        const state = foldUnitRegister(subset, ctx)
        const alerted = new Map(state.alerts.map((a) => [a.eventId, a.kind]))
        for (const e of suspects.filter((s) => subset.includes(s))) {
          const expected = {
            stranger: 'unknown_actor',
            classifier1: 'role_not_allowed',
            officer2: 'wrong_unit',
            leader2: 'wrong_unit',
          }[e.actor]
          expect(alerted.get(e.id)).toBe(expected)
        }
      }),
      { numRuns: 100 },
    )
  })
})
