import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import type { IncidentState } from '../../../src/registers/incident/state.ts'
import { local } from '../../support/fixtures.ts'
import { eventBuilder, foldIncidents } from '../inspection/inspection-fold.ts'

const D = local('2026-03-02T10:00')
const H = 3_600_000
const DAY = 24 * H

/** A pool hitting, accepted and refused, with several events at the same instant. */
function pool(): SliceEvent[] {
  const ev = eventBuilder()
  const missing = (missingId: string, carrierId: string, level: 'top_secret' | 'secret') => ({
    missingId,
    carrierId,
    itemRef: `ref-${carrierId}`,
    level,
    source: 'reconciliation' as const,
    sourceRef: 'rec1',
    noticedAt: D,
  })
  return [
    ev('incident.carrier_missing', missing('m1', 'c1', 'top_secret'), D),
    ev('incident.carrier_missing', missing('m2', 'c1', 'secret'), D),
    ev('incident.carrier_missing', missing('m3', 'c3', 'secret'), D),
    ev(
      'incident.opened',
      { incidentId: 'x1', kind: 'loss', discoveredAt: D, missingId: 'm1', carrierRefs: [] },
      D + H,
    ),
    ev(
      'incident.opened',
      { incidentId: 'x2', kind: 'loss', discoveredAt: D, missingId: 'm1', carrierRefs: [] },
      D + H,
    ),
    ev(
      'incident.opened',
      { incidentId: 'x3', kind: 'suspected_leak', discoveredAt: D + 9 * H, carrierRefs: [] },
      D + H,
    ),
    ev('incident.remedied', { incidentId: 'x1', note: '封存' }, D + 2 * H),
    ev('incident.investigation_concluded', { incidentId: 'x1', resultRef: 'r', note: 'n' }, D + 2 * H),
    ev('incident.reported_to_bureau', { incidentId: 'x1', reportRef: 'rep' }, D + 3 * H),
    ev('incident.reported_to_bureau', { incidentId: 'x1', reportRef: 'rep2' }, D + 3 * H),
    ev('incident.carrier_found', { missingId: 'm3', note: '找到' }, D + DAY),
    ev('incident.carrier_found', { missingId: 'm3', note: '又找到' }, D + DAY),
    ev('incident.carrier_found', { missingId: 'm1', note: '找到' }, D + DAY),
    ev('incident.investigation_concluded', { incidentId: 'x1', resultRef: 'r', note: 'n' }, D + 30 * DAY),
  ]
}

function eventIdsInState(s: IncidentState): string[] {
  return [
    ...[...s.incidents.values()].flatMap((i) => [i.eventId, ...i.remedies.map((r) => r.eventId)]),
    ...[...s.missing.values()].flatMap((m) => [m.eventId, ...(m.foundEventId ? [m.foundEventId] : [])]),
  ]
}

describe('incident fold properties', () => {
  const events = pool()
  const reference = foldIncidents(events)

  it('X-01 the pool exercises refusals of X-01 and X-02 and closes both kinds', () => {
    const refused = new Set(reference.refused.map((r) => r.error.code))
    for (const code of ['X-01', 'X-02', 'INCIDENT-EXISTS']) expect(refused).toContain(code)
    expect(reference.state.incidents.get('x1')?.state).toBe('concluded')
    expect(reference.state.missing.get('m3')?.foundAt).toBe(D + DAY)
  })

  it('X-02 any permutation of the same events folds to deeply equal state and refusals; no refused event in state', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        (shuffled) => {
          const f = foldIncidents(shuffled)
          expect(f.state).toEqual(reference.state)
          expect(f.refused).toEqual(reference.refused)
          const refused = new Set(f.refused.map((r) => r.eventId))
          for (const id of eventIdsInState(f.state)) expect(refused.has(id)).toBe(false)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('X-01 refusals never change state: dropping any refused event leaves the same state', () => {
    expect(reference.refused.length).toBeGreaterThan(4)
    for (const r of reference.refused) {
      const without = foldIncidents(events.filter((e) => e.id !== r.eventId))
      expect(without.state).toEqual(reference.state)
    }
  })
})
