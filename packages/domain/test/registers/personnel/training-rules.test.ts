import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import { DEFAULT_PERSONNEL_POLICY } from '../../../src/registers/personnel/policy.ts'
import { personnelYearSummary } from '../../../src/registers/personnel/queries.ts'
import {
  taughtLate,
  trainingCoverage,
  trainingPlanStatus,
  untaughtNewStaff,
} from '../../../src/registers/personnel/training-queries.ts'
import {
  codes,
  DAY,
  ev,
  fold,
  HOUR,
  leaving,
  local,
  onboarding,
  registered,
  session,
} from './personnel-fold.ts'

const T = local('2026-03-02T09:00')
const CAL = DEFAULT_CALENDAR

describe('education record', () => {
  it('T-01 coverage: share of staff with a session in the year, and who is missing, every employment type', () => {
    const f = fold([
      registered('a', T, { startsOn: '2025-01-01' }),
      registered('b', T, { startsOn: '2025-01-01', employmentType: 'intern' }),
      registered('c', T, { startsOn: '2025-01-01', employmentType: 'temporary' }),
      registered('d', T, { startsOn: '2027-01-04' }),
      registered('e', T, { startsOn: '2025-01-01' }),
      ev('e-out', 'personnel.left_unit', 'officer1', T + HOUR, { personId: 'e', leftOn: '2025-12-31' }),
      session('s1', '2026-03-02', T + 2 * HOUR, [{ personId: 'a' }, { personId: 'b', score: 10 }], {
        kind: 'test',
      }),
      session('s0', '2025-06-01', T + 3 * HOUR, [{ personId: 'c' }]),
    ])
    expect(f.refused).toEqual([])
    const cov = trainingCoverage(f.state, 2026, T + DAY, CAL)
    // d starts in 2027 and e left in 2025: neither counts in 2026; a failed test is still education.
    expect(cov).toMatchObject({ year: 2026, staffCount: 3, trainedCount: 2, overdueSinceMs: null })
    expect(cov.share).toBeCloseTo(2 / 3)
    expect(cov.missing).toEqual([{ personId: 'c', employmentType: 'temporary' }])
    const after = trainingCoverage(f.state, 2026, local('2027-01-01T00:00'), CAL)
    expect(after.overdueSinceMs).toBe(local('2027-01-01T00:00'))
    expect(trainingCoverage(f.state, 2025, T, CAL)).toMatchObject({ staffCount: 4, trainedCount: 1 })
    expect(trainingCoverage(fold([]).state, 2026, T, CAL).share).toBeNull()
  })

  it('T-02 reminder: staff with no session before their first day, overdue from that day; late teaching counted', () => {
    const f = fold([
      registered('new', T, { startsOn: '2026-03-05' }),
      registered('old', T, { startsOn: '2026-03-02' }),
      registered('late', T, { startsOn: '2026-03-02' }),
      session('s1', '2026-03-03', T + DAY, [{ personId: 'late' }]),
    ])
    const before = untaughtNewStaff(f.state, T + DAY, CAL)
    expect(before).toEqual([
      {
        personId: 'old',
        employmentType: 'civil_servant',
        startsAtMs: local('2026-03-02T00:00'),
        overdue: true,
      },
      {
        personId: 'new',
        employmentType: 'civil_servant',
        startsAtMs: local('2026-03-05T00:00'),
        overdue: false,
      },
    ])
    expect(taughtLate(f.state, 2026)).toEqual([{ personId: 'late', employmentType: 'civil_servant' }])
  })

  it('T-03 a session keeps type, hours, attendees and scores; an attendee is listed once', () => {
    const base = [registered('a', T), registered('b', T)]
    const f = fold([
      ...base,
      session('s1', '2026-03-02', T + HOUR, [{ personId: 'a', score: 95 }], { kind: 'contest', hours: 1.5 }),
    ])
    expect(f.state.sessions.get('s1')).toMatchObject({
      kind: 'contest',
      hours: 1.5,
      heldOn: '2026-03-02',
      attendees: [{ personId: 'a', score: 95, eventId: 's1-s' }],
    })
    const dup = session('s2', '2026-03-02', T + HOUR, [{ personId: 'a' }, { personId: 'a' }])
    expect(codes(fold([...base, dup]))).toEqual(['T-03'])
    expect(fold([...base, dup]).state.sessions.size).toBe(0)
    expect(
      codes(fold([...base, session('s3', '2026-03-02', T + HOUR, [{ personId: 'a' }], { hours: 1.2 })])),
    ).toEqual(['MALFORMED'])
    expect(codes(fold([...base, session('s4', '2026-03-02', T + HOUR, [])]))).toEqual(['MALFORMED'])
  })

  it('T-03 attendance added later counts; a second entry for the same person is refused', () => {
    const add = (id: string, personId: string, at: number) =>
      ev(id, 'training.attendance_added', 'officer1', at, { sessionId: 's1', attendee: { personId } })
    const f = fold([
      registered('a', T),
      registered('b', T),
      session('s1', '2026-03-02', T + HOUR, [{ personId: 'a' }]),
      add('x1', 'b', T + 2 * HOUR),
      add('x2', 'b', T + 3 * HOUR),
      add('x3', 'nobody', T + 3 * HOUR),
      { ...add('x4', 'b', T), payload: { sessionId: 'zz', attendee: { personId: 'b' } } },
    ])
    expect(f.refused.map((r) => [r.eventId, r.error.code])).toEqual([
      ['x4', 'TRAINING-UNKNOWN'],
      ['x2', 'T-03'],
      ['x3', 'P-05'],
    ])
    expect(f.state.sessions.get('s1')?.attendees.map((a) => a.personId)).toEqual(['a', 'b'])
  })

  it('T-03 refuses a session dated after the day it is recorded, or with an attendee who had left', () => {
    expect(codes(fold([registered('a', T), session('s', '2026-03-03', T, [{ personId: 'a' }])]))).toEqual([
      'TRAINING-DATE',
    ])
    const gone = fold([
      registered('a', T),
      ev('out', 'personnel.left_unit', 'officer1', T + HOUR, { personId: 'a', leftOn: '2026-03-01' }),
      session('s', '2026-03-02', T + 2 * HOUR, [{ personId: 'a' }]),
    ])
    expect(codes(gone)).toEqual(['PERSONNEL-LEFT-UNIT'])
  })

  it('T-03 reminder: the annual plan is due by 31 January; the gap shows from then until a plan is adopted', () => {
    const plan = ev('plan', 'training.plan_adopted', 'leader1', local('2026-02-10T10:00'), {
      year: 2026,
      planRef: '2026年保密教育计划',
      plannedSessions: 4,
    })
    const due = local('2026-02-01T00:00') - 1
    const none = fold([])
    expect(trainingPlanStatus(none.state, 2026, due, CAL).overdueSinceMs).toBeNull()
    expect(trainingPlanStatus(none.state, 2026, due + 1, CAL)).toMatchObject({
      dueAtMs: due,
      overdueSinceMs: due,
    })
    const f = fold([plan, { ...plan, id: 'plan2', atMs: plan.atMs + HOUR }])
    expect(codes(f)).toEqual(['TRAINING-PLAN-EXISTS'])
    expect(trainingPlanStatus(f.state, 2026, plan.atMs + DAY, CAL)).toMatchObject({
      overdueSinceMs: null,
      sessionsHeld: 0,
    })
    expect(codes(fold([{ ...plan, actor: 'officer1' }]))).toEqual(['ROLE'])
    const march = { ...DEFAULT_PERSONNEL_POLICY, planDueMonthDay: '03-31' }
    expect(trainingPlanStatus(none.state, 2026, due + 1, CAL, march).overdueSinceMs).toBeNull()
  })

  it('T-01 T-03 the year summary gives the figures of the annual report', () => {
    const L = local('2026-06-01T09:00')
    const f = fold([...onboarding('p1', T), ...onboarding('p2', T, { level: 'core' }), ...leaving('p1', L)])
    const s = personnelYearSummary(f.state, 2026, L + DAY, CAL)
    expect(s).toMatchObject({
      onPostByLevel: { core: 1, important: 0, general: 0 },
      tookPost: 2,
      leftPost: 1,
      sessions: 2,
      trainingHours: 4,
      attendances: 2,
      coverageShare: 1,
      untrainedStaff: 0,
      planAdopted: false,
      planOverdue: true,
      untaughtNewStaff: 0,
      taughtLate: 0,
    })
  })
})
