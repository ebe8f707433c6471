import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import type { CustodyState } from '../../../src/registers/custody/state.ts'
import { local } from '../../support/fixtures.ts'
import {
  awayAs,
  custodyBuilder,
  custodyContext,
  destroyed,
  foldCustody,
  heldBy,
  received,
} from './custody-fixtures.ts'

const MIN = 60_000
const T = local('2026-03-02T10:00')
const c1 = received('c1', '2026-0001', '2026-03-02')
const c2 = received('c2', '2026-0002', '2026-03-02')
const c3 = received('c3', '2026-0003', '2026-03-02')
const c4 = received('c4', '2026-0004', '2026-03-02')
const c5 = received('c5', '2026-0005', '2026-03-02')
const ctx = custodyContext({
  carriers: [c1, c2, heldBy(c3, 'leader1'), destroyed(c4), c5, received('c6', '2026-0006', '2026-03-02')],
  away: { c5: awayAs('C-06') },
})

/** A pool hitting C-10, C-13, C-17 and C-19, accepted and refused, with some events at the same instant. */
function pool(): SliceEvent[] {
  const ev = custodyBuilder()
  return [
    ev(
      'custody.routing_opened',
      { routingId: 'r1', carrierId: 'c1', slipNumber: 'S1', urgency: 'normal', receivedAt: T },
      T,
    ),
    ev(
      'custody.routing_opened',
      { routingId: 'r2', carrierId: 'c1', slipNumber: 'S2', urgency: 'urgent', receivedAt: T },
      T,
    ),
    ev(
      'custody.routing_opened',
      { routingId: 'r3', carrierId: 'c3', slipNumber: 'S3', urgency: 'urgent', receivedAt: T },
      T + MIN,
    ),
    ev('custody.routing_presented', { routingId: 'r1', to: 'leader1' }, T + 2 * MIN),
    ev('custody.routing_presented', { routingId: 'r3', to: 'classifier1' }, T + 2 * MIN),
    ev('custody.routing_closed', { routingId: 'r1' }, T + 3 * MIN),
    ev('custody.routing_closed', { routingId: 'r3' }, T + 3 * MIN),
    ev('custody.archived', { batchId: 'b1', archiveRef: 'A-1', carrierIds: ['c1'] }, T + 3 * MIN),
    ev('custody.archived', { batchId: 'b2', archiveRef: 'A-1', carrierIds: ['c2', 'c4'] }, T + 4 * MIN),
    ev('custody.inventory_opened', { inventoryId: 'q1' }, T + 5 * MIN),
    ev('custody.inventory_opened', { inventoryId: 'q2' }, T + 5 * MIN),
    ev('custody.inventory_confirmed', { inventoryId: 'q1', carrierIds: ['c2'] }, T + 6 * MIN),
    ev('custody.inventory_confirmed', { inventoryId: 'q1', carrierIds: ['c5'] }, T + 6 * MIN),
    ev('custody.inventory_missing', { inventoryId: 'q1', carrierId: 'c6', note: '未见' }, T + 6 * MIN),
    ev('custody.inventory_closed', { inventoryId: 'q1' }, T + 7 * MIN),
    ev(
      'custody.anomaly_resolved',
      { anomalyId: 'missing:e014', resolution: 'found', note: '已找到' },
      T + 8 * MIN,
    ),
    ev(
      'custody.unit_closure_declared',
      { closureId: 'k1', kind: 'abolished', decisionRef: '县委〔2026〕9号', receivingUnits: ['town-9'] },
      T + 9 * MIN,
      'leader1',
    ),
    ev(
      'custody.handed_over',
      {
        closureId: 'k1',
        batchId: 'h1',
        receivingUnit: 'town-9',
        receiptRef: 'R1',
        carrierIds: ['c1', 'c2'],
        registers: false,
      },
      T + 10 * MIN,
    ),
    ev(
      'custody.handed_over',
      {
        closureId: 'k1',
        batchId: 'h2',
        receivingUnit: 'town-8',
        receiptRef: 'R2',
        carrierIds: ['c6'],
        registers: true,
      },
      T + 10 * MIN,
    ),
    ev('custody.unit_closed', { closureId: 'k1' }, T + 11 * MIN, 'leader1'),
  ]
}

/** Every event id the state records as applied. */
function appliedIds(state: CustodyState): Set<string> {
  const ids = new Set<string>()
  for (const a of state.archived.values()) ids.add(a.eventId)
  for (const b of state.archiveBatches.values()) ids.add(b.eventId)
  for (const inv of state.inventories.values()) {
    ids.add(inv.eventId)
    if (inv.closeEventId !== null) ids.add(inv.closeEventId)
    for (const m of inv.marks.values()) ids.add(m.eventId)
  }
  for (const a of state.anomalies.values()) for (const id of a.eventIds) ids.add(id)
  for (const r of state.routings.values()) {
    ids.add(r.eventId)
    for (const p of r.presentations) ids.add(p.eventId)
  }
  if (state.closure !== null) {
    ids.add(state.closure.eventId)
    for (const b of state.closure.batches) ids.add(b.eventId)
  }
  return ids
}

describe('custody fold properties', () => {
  const events = pool()
  const reference = foldCustody(events, ctx)

  it('rule C-10, C-13, C-17, C-19: the pool exercises refusals of every rule and leaves an anomaly open', () => {
    const codes = new Set(reference.refused.map((r) => r.error.code))
    for (const code of ['C-10', 'C-13', 'C-17', 'C-19']) expect(codes).toContain(code)
    expect(reference.state.anomalies.size).toBe(2)
    expect(reference.refused.map((r) => r.eventId)).toEqual([
      'e002',
      'e007',
      'e009',
      'e011',
      'e013',
      'e019',
      'e020',
    ])
    expect([...reference.state.anomalies.values()].map((a) => [a.id, a.resolvedAt === null])).toEqual([
      ['unconfirmed:e015:c3', true],
      ['missing:e014', false],
    ])
    expect(reference.state.handedOver.size).toBe(2)
  })

  it('rule C-13: any permutation of the same events folds to deeply equal state and refusals; no refused event in state', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        (shuffled) => {
          const fold = foldCustody(shuffled, ctx)
          expect(fold.state).toEqual(reference.state)
          expect(fold.refused).toEqual(reference.refused)
          const applied = appliedIds(fold.state)
          for (const r of fold.refused) expect(applied.has(r.eventId)).toBe(false)
        },
      ),
      { numRuns: 100 },
    )
  })

  it('rule C-13: every open anomaly of any sub-history is resolvable by an officer with a note', () => {
    fc.assert(
      fc.property(fc.subarray(events), (subset) => {
        const fold = foldCustody(subset, ctx)
        const open = [...fold.state.anomalies.values()].filter((a) => a.resolvedAt === null)
        if (fold.state.closure?.closedAt != null) {
          expect(open).toEqual([])
          return
        }
        const resolutions = open.map(
          (a, i): SliceEvent => ({
            id: `z${String(i).padStart(3, '0')}`,
            type: 'custody.anomaly_resolved',
            actor: 'officer1',
            atMs: T + 60 * MIN + i,
            payload:
              i % 2 === 0
                ? { anomalyId: a.id, resolution: 'found', note: '已找到' }
                : { anomalyId: a.id, resolution: 'incident', incidentRef: 'x-1', note: '已报告' },
          }),
        )
        const after = foldCustody([...subset, ...resolutions], ctx)
        expect(after.refused).toEqual(fold.refused)
        for (const a of after.state.anomalies.values()) expect(a.resolvedAt).not.toBeNull()
      }),
      { numRuns: 100 },
    )
  })
})
