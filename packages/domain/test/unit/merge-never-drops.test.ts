import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EventEnvelope } from '../../src/core/event-envelope.ts'
import { possibleLosses } from '../../src/registers/carrier/queries.ts'
import { checkEvent } from '../../src/unit/check-event.ts'
import { draftOf, fold, local, makeContext, registration, signed, T } from '../support/fixtures.ts'

/**
 * Issue 11 item 3: merging never drops a signed event. Two or three offline replicas start from one
 * history, each records only what checkEvent allows on its own replica, then everything is merged.
 */

const ctx = makeContext()
const CARRIERS = ['c1', 'c2', 'c3'] as const
const start: EventEnvelope[] = [
  signed(
    'carrier.registered',
    registration({
      copies: CARRIERS.map((id, i) => ({ id, copyNumber: i + 1 })),
    }),
    { at: local('2026-03-02T08:40') },
  ),
]
const approval = signed(
  'approval.granted',
  { subject: 'carrier.destroy', carrierIds: ['c1', 'c2'] },
  { at: local('2026-03-02T08:50') },
)
start.push(approval)

type Op = { kind: 'hand_out' | 'take_back' | 'destroy'; carrier: (typeof CARRIERS)[number] }
const op = fc.record({
  kind: fc.constantFrom('hand_out', 'take_back', 'destroy'),
  carrier: fc.constantFrom(...CARRIERS),
}) as fc.Arbitrary<Op>

/** One replica's offline work: each op becomes an event only if checkEvent allows it there. */
function replicaEvents(ops: readonly Op[], device: string, offset: number): EventEnvelope[] {
  const mine: EventEnvelope[] = []
  ops.forEach((o, i) => {
    const at = T.morning + offset + i * 60_000
    const state = fold([...start, ...mine])
    const carrier = state.carriers.get(o.carrier)
    const payload =
      o.kind === 'hand_out'
        ? { carrierId: o.carrier, reader: `读者${device}` }
        : o.kind === 'take_back'
          ? { carrierId: o.carrier, handOutId: carrier?.holders[0]?.id ?? 'none' }
          : {
              carrierIds: [o.carrier],
              approvalId: approval.id,
              method: 'central' as const,
              receiptNumber: `销-${device}-${i}`,
            }
    const type =
      o.kind === 'hand_out'
        ? 'carrier.handed_out'
        : o.kind === 'take_back'
          ? 'carrier.taken_back'
          : 'carrier.destroyed'
    const draft = draftOf(type, payload, { at, device })
    if (!checkEvent(state, draft, ctx).ok) return
    mine.push(signed(type, payload, { at, device }))
  })
  return mine
}

describe('merging never drops a signed event (issue 11 item 3)', () => {
  it('rules C-04, C-11: every event valid on its own replica is applied or named by an anomaly after the merge', () => {
    fc.assert(
      fc.property(fc.array(fc.array(op, { maxLength: 6 }), { minLength: 2, maxLength: 3 }), (replicas) => {
        const signedOnDevice = replicas.flatMap((ops, r) => replicaEvents(ops, `pc${r + 1}`, r * 7_000))
        const merged = fold([...start, ...signedOnDevice])
        const refused = new Set(merged.refused.map((x) => x.eventId))
        const named = new Set(merged.anomalies.flatMap((a) => a.eventIds))
        for (const event of signedOnDevice) {
          if (refused.has(event.id)) expect(named.has(event.id)).toBe(true)
        }
        // The cautious reading: a destroyed carrier some replica still lent or returned is a possible loss.
        for (const carrier of possibleLosses(merged)) expect(carrier.state).toBe('destroyed')
      }),
      { numRuns: 80 },
    )
  })

  it('rules C-04, C-11: a copy lent on one device after another recorded its destruction is a possible loss until a note', () => {
    const destroyed = signed(
      'carrier.destroyed',
      { carrierIds: ['c1'], approvalId: approval.id, method: 'central', receiptNumber: '销-1' },
      { at: T.morning, device: 'pc1' },
    )
    const lent = signed(
      'carrier.handed_out',
      { carrierId: 'c1', reader: '刘' },
      { at: T.morning + 60_000, device: 'pc2' },
    )
    const merged = fold([...start, destroyed, lent])
    expect(merged.carriers.get('c1')?.state).toBe('destroyed')
    expect(merged.anomalies.find((a) => a.eventIds.includes(lent.id))).toMatchObject({
      kind: 'refused_event',
      carrierId: 'c1',
      resolvedAt: null,
    })
    expect(possibleLosses(merged).map((c) => c.id)).toEqual(['c1'])
    const note = signed(
      'anomaly.resolved',
      { anomalyId: `refused_event:${lent.id}`, note: '核实：销毁前已收回，pc2 误录' },
      { at: T.noon },
    )
    expect(possibleLosses(fold([...start, destroyed, lent, note]))).toEqual([])
  })
})
