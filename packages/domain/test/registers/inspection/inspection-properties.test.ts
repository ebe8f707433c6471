import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import type { InspectionState } from '../../../src/registers/inspection/state.ts'
import { local } from '../../support/fixtures.ts'
import { eventBuilder, finding, foldInspections, inspection } from './inspection-fold.ts'

const T0 = local('2026-03-02T10:00')
const H = 3_600_000

/** A pool hitting every I rule, accepted and refused, with several events at the same instant. */
function pool(): SliceEvent[] {
  const ev = eventBuilder()
  const answers = [
    ...Array.from({ length: 50 }, (_, i) => ({ no: i + 1, awarded: 2 })),
    ...Array.from({ length: 8 }, (_, i) => ({ no: 51 + i, deducted: 0 })),
    { no: 59, vetoed: false },
  ]
  return [
    ev('inspection.recorded', inspection(), T0),
    ev('inspection.recorded', inspection(), T0),
    ev('inspection.recorded', inspection({ inspectionId: 'b1', kind: 'bureau' }), T0),
    ev('inspection.recorded', inspection({ inspectionId: 'i9', areasChecked: ['weather'] }), T0),
    ev(
      'inspection.item_checked',
      { checkId: 'k1', inspectionId: 'i1', itemRef: '2026-0001', result: 'missing' },
      T0,
    ),
    ev(
      'inspection.item_checked',
      { checkId: 'k2', inspectionId: 'i1', itemRef: '2026-0002', result: 'differs' },
      T0,
    ),
    ev('inspection.anomaly_resolved', { anomalyId: 'k1', note: '已查明' }, T0 + H),
    ev('inspection.anomaly_resolved', { anomalyId: 'k1', note: '再次' }, T0 + H),
    ev('inspection.finding_recorded', finding(), T0 + H),
    ev('inspection.finding_recorded', finding({ findingId: 'f2', inspectionId: 'b1' }), T0 + H),
    ev(
      'inspection.opinion_recorded',
      { inspectionId: 'b1', opinionRef: 'op', receivedOn: '2026-03-02' },
      T0 + H,
    ),
    ev(
      'inspection.finding_recorded',
      finding({ findingId: 'f3', inspectionId: 'b1', severity: 'serious' }),
      T0 + 2 * H,
    ),
    ev('inspection.finding_reported_up', { findingId: 'f3', reportedTo: '书记' }, T0 + 2 * H),
    ev('inspection.finding_rectified', { findingId: 'f1', note: '整改' }, T0 + 3 * H, 'staff1'),
    ev(
      'inspection.finding_verified',
      { findingId: 'f1', outcome: 'fixed', note: '自验' },
      T0 + 4 * H,
      'staff1',
    ),
    ev('inspection.finding_verified', { findingId: 'f1', outcome: 'not_fixed', note: '不到位' }, T0 + 4 * H),
    ev(
      'inspection.finding_verified',
      { findingId: 'f1', outcome: 'fixed', note: '再验' },
      T0 + 4 * H,
      'leader1',
    ),
    ev('inspection.finding_rectified', { findingId: 'f1', note: '再整改' }, T0 + 5 * H, 'staff1'),
    ev(
      'inspection.finding_verified',
      { findingId: 'f1', outcome: 'fixed', note: '复查' },
      T0 + 6 * H,
      'leader1',
    ),
    ev('inspection.finding_rectified', { findingId: 'f3', note: '整改' }, T0 + 5 * H, 'staff1'),
    ev(
      'inspection.finding_verified',
      { findingId: 'f3', outcome: 'fixed', note: '复查' },
      T0 + 5 * H,
      'leader1',
    ),
    ev(
      'inspection.self_assessment_recorded',
      { assessmentId: 'a1', year: 2026, sheetId: 'common-59', answers },
      T0 + 6 * H,
    ),
    ev(
      'inspection.self_assessment_recorded',
      { assessmentId: 'a2', year: 2026, sheetId: 'common-59', answers: answers.slice(1) },
      T0 + 6 * H,
    ),
  ]
}

function eventIdsInState(s: InspectionState): string[] {
  return [
    ...[...s.inspections.values()].flatMap((i) => [i.eventId, ...(i.opinion ? [i.opinion.eventId] : [])]),
    ...[...s.checks.values()].map((c) => c.eventId),
    ...[...s.anomalies.values()].flatMap((a) => (a.resolutionEventId ? [a.resolutionEventId] : [])),
    ...[...s.findings.values()].flatMap((f) => [f.eventId, ...f.verifications.map((v) => v.eventId)]),
    ...[...s.assessments.values()].map((a) => a.eventId),
  ]
}

describe('inspection fold properties', () => {
  const events = pool()
  const reference = foldInspections(events)

  it('I-04 the pool exercises refusals of every I rule and a resolution of every anomaly kind', () => {
    const refused = new Set(reference.refused.map((r) => r.error.code))
    for (const code of ['I-02', 'I-03', 'I-04', 'I-05', 'INSPECTION-EXISTS']) expect(refused).toContain(code)
    expect(reference.state.anomalies.get('k1')?.resolvedAt).toBe(T0 + H)
    expect(reference.state.findings.get('f1')?.state).toBe('verified')
  })

  it('I-03 any permutation of the same events folds to deeply equal state and refusals; no refused event in state', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        (shuffled) => {
          const f = foldInspections(shuffled)
          expect(f.state).toEqual(reference.state)
          expect(f.refused).toEqual(reference.refused)
          const refused = new Set(f.refused.map((r) => r.eventId))
          for (const id of eventIdsInState(f.state)) expect(refused.has(id)).toBe(false)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('I-01 refusals never change state: dropping any refused event leaves the same state', () => {
    expect(reference.refused.length).toBeGreaterThan(5)
    for (const r of reference.refused) {
      const without = foldInspections(events.filter((e) => e.id !== r.eventId))
      expect(without.state).toEqual(reference.state)
    }
  })
})
