import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { DAY, ev, fold, HOUR, leaving, local, onboarding, registered, session } from './personnel-fold.ts'

const T = local('2026-03-02T08:00')
const L = local('2026-06-01T09:00')

/** A pool hitting every P and T rule, accepted and refused, with events at the same instant. */
function pool(): SliceEvent[] {
  return [
    ...onboarding('p1', T),
    ...leaving('p1', L),
    ...onboarding('p2', T, { skip: ['fil'] }),
    ...onboarding('p3', T, { skip: ['trn', 'cer'], over: { employmentType: 'intern' } }),
    ...onboarding('p4', T, { skip: ['com'], level: 'core' }),
    ...onboarding('p5', T, { skip: ['apr'], over: { employmentType: 'temporary' } }),
    ...onboarding('p6', T, { level: 'core' }),
    ...leaving('p6', L, { months: 12 }),
    ev('x-ghost', 'personnel.filed', 'officer1', T + HOUR, {
      personId: 'ghost',
      post: 'p',
      level: 'general',
      filingRef: 'r',
    }),
    ev('x-dup', 'training.session_recorded', 'officer1', T + 2 * HOUR, {
      sessionId: 'p1-trn',
      kind: 'video',
      heldOn: '2026-03-02',
      hours: 1,
      topic: '警示教育片',
      attendees: [{ personId: 'p2' }],
    }),
    session('s-same', '2026-03-02', T + 2 * HOUR, [{ personId: 'p2' }, { personId: 'p2' }]),
    ev('plan', 'training.plan_adopted', 'leader1', T, { year: 2026, planRef: '计划', plannedSessions: 4 }),
    ev('plan-b', 'training.plan_adopted', 'leader1', T, {
      year: 2026,
      planRef: '计划二',
      plannedSessions: 2,
    }),
    ev('tap', 'personnel.approved', 'leader1', L + DAY, { personId: 'p6', subject: 'travel_abroad' }),
    ev('trip', 'personnel.travel_abroad', 'officer1', L + DAY, {
      personId: 'p6',
      approvalId: 'tap',
      departsOn: '2026-07-01',
      returnsOn: '2026-07-05',
      destination: '泰国',
    }),
    ev('trip-2', 'personnel.travel_abroad', 'officer1', L + DAY, {
      personId: 'p6',
      approvalId: 'tap',
      departsOn: '2026-08-01',
      returnsOn: '2026-08-05',
      destination: '泰国',
    }),
    registered('late', T + DAY, { startsOn: '2026-03-02' }),
    ...onboarding('p7', T),
    ...leaving('p7', L, { over: { carriersHandedOver: false } }),
  ]
}

describe('personnel fold properties', () => {
  const events = pool()
  const reference = fold(events)

  it('P-01 the pool exercises refusals of every P rule, T-02, T-03 and C-12 paths', () => {
    const refused = new Set(reference.refused.map((r) => r.error.code))
    for (const code of ['P-01', 'P-02', 'P-03', 'P-04', 'P-05', 'T-02', 'T-03', 'C-12'])
      expect(refused).toContain(code)
    expect(reference.state.persons.get('p1')?.departures).toHaveLength(1)
  })

  it('P-05 any permutation of the same events folds to deeply equal state and refusals', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        (shuffled) => {
          const f = fold(shuffled)
          expect(f.state).toEqual(reference.state)
          expect(f.refused).toEqual(reference.refused)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('P-04 no refused event id appears in state; refusals never change state', () => {
    const refused = new Set(reference.refused.map((r) => r.eventId))
    const ids: string[] = []
    for (const p of reference.state.persons.values()) {
      ids.push(p.eventId, ...p.commitments.map((c) => c.eventId), ...p.travels.map((t) => t.eventId))
      ids.push(...p.departures.map((d) => d.eventId))
      if (p.filing) ids.push(p.filing.eventId)
      if (p.certificate) ids.push(p.certificate.eventId)
      if (p.post) ids.push(p.post.eventId)
    }
    for (const a of reference.state.approvals.values()) ids.push(a.id, ...(a.usedBy ? [a.usedBy] : []))
    for (const s of reference.state.sessions.values())
      ids.push(s.eventId, ...s.attendees.map((a) => a.eventId))
    for (const p of reference.state.plans.values()) ids.push(p.eventId)
    for (const id of ids) expect(refused.has(id)).toBe(false)
    // Dropping every refused event gives the same state: each refusal changed nothing.
    expect(fold(events.filter((e) => !refused.has(e.id))).state).toEqual(reference.state)
  })
})
