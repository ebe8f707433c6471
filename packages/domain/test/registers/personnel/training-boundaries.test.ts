import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import {
  taughtLate,
  trainingCoverage,
  trainingPlanStatus,
  untaughtNewStaff,
} from '../../../src/registers/personnel/training-queries.ts'
import { codes, ev, fold, HOUR, local, registered, session } from './personnel-fold.ts'

/** Refusal branches, date boundaries and orders of the education record (rules T-01..T-03, P-05). */

const T = local('2026-03-02T09:00')
const NEXT = local('2027-01-02T09:00')
const CAL = DEFAULT_CALENDAR

const left = (id: string, personId: string, leftOn: string) =>
  ev(id, 'personnel.left_unit', 'officer1', T + HOUR, { personId, leftOn })
const add = (id: string, sessionId: string, personId: string, at: number) =>
  ev(id, 'training.attendance_added', 'officer1', at, { sessionId, attendee: { personId } })

describe('education record: refusals (T-03, P-05)', () => {
  it('T-03 refuses a second session under the same id; the first stays as recorded', () => {
    const f = fold([
      registered('a', T),
      registered('b', T),
      session('s1', '2026-03-02', T + HOUR, [{ personId: 'a' }]),
      { ...session('s1', '2026-03-02', T + 2 * HOUR, [{ personId: 'b' }]), id: 'again' },
    ])
    expect(codes(f)).toEqual(['TRAINING-EXISTS'])
    expect(f.state.sessions.get('s1')?.attendees.map((a) => a.personId)).toEqual(['a'])
  })

  it('T-03 refuses a session on a day that is not a calendar date', () => {
    const f = fold([registered('a', T), session('s1', '2026-02-29', T + HOUR, [{ personId: 'a' }])])
    expect(codes(f)).toEqual(['TRAINING-DATE'])
    expect(f.state.sessions.size).toBe(0)
  })

  it('P-05 refuses a whole session when any attendee is not in the staff register', () => {
    const f = fold([
      registered('a', T),
      session('s1', '2026-03-02', T + HOUR, [{ personId: 'a' }, { personId: 'ghost' }]),
    ])
    expect(codes(f)).toEqual(['P-05'])
    expect(f.state.sessions.size).toBe(0)
  })

  it('P-05 T-02 someone who leaves on the day of the session, or starts after it, may attend it', () => {
    const f = fold([
      registered('a', T),
      registered('b', T, { startsOn: '2026-04-01' }),
      left('a-out', 'a', '2026-03-02'),
      session('s1', '2026-03-02', T + 2 * HOUR, [{ personId: 'a' }, { personId: 'b' }]),
    ])
    expect(f.refused).toEqual([])
    expect(f.state.sessions.get('s1')?.attendees.map((a) => a.personId)).toEqual(['a', 'b'])
  })

  it('T-03 P-05 attendance added later: refused for anyone already listed, or gone before the session', () => {
    const f = fold([
      registered('a', T),
      registered('b', T),
      registered('c', T),
      registered('d', T),
      session('s1', '2026-03-02', T + HOUR, [{ personId: 'a' }, { personId: 'b' }]),
      left('c-out', 'c', '2026-03-01'),
      left('d-out', 'd', '2026-03-05'),
      add('x1', 's1', 'b', T + 2 * HOUR),
      add('x2', 's1', 'c', T + 2 * HOUR),
      add('x3', 's1', 'd', T + 2 * HOUR),
    ])
    expect(f.refused.map((r) => [r.eventId, r.error.code])).toEqual([
      ['x1', 'T-03'],
      ['x2', 'PERSONNEL-LEFT-UNIT'],
    ])
    expect(f.state.sessions.get('s1')?.attendees.map((a) => a.personId)).toEqual(['a', 'b', 'd'])
  })
})

describe('education record: T-01 coverage at the year’s edges', () => {
  // Registered in reverse id order (one ms apart) so that the order of the missing list comes from the query.
  const f = fold([
    registered('z', T, { startsOn: '2026-01-01' }),
    registered('y', T + 1, { startsOn: '2026-12-31' }),
    registered('x', T + 2, { startsOn: '2025-01-01' }),
    registered('w', T + 3, { startsOn: '2027-01-01' }),
    registered('v', T + 4, { startsOn: '2025-01-01' }),
    registered('u', T + 5, { startsOn: '2025-01-01' }),
    left('x-out', 'x', '2026-01-01'),
    session('s-first', '2026-01-01', T + 2 * HOUR, [{ personId: 'z' }]),
    session('s-before', '2025-12-31', T + 2 * HOUR, [{ personId: 'u' }]),
    session('s-last', '2026-12-31', NEXT, [{ personId: 'y' }]),
    session('s-after', '2027-01-01', NEXT, [{ personId: 'v' }]),
  ])
  const due = local('2027-01-01T00:00')

  it('T-01 staff from the first to the last day of the year count; sessions on those days count', () => {
    expect(f.refused).toEqual([])
    expect(trainingCoverage(f.state, 2026, due - 1, CAL)).toEqual({
      year: 2026,
      staffCount: 5,
      trainedCount: 2,
      share: 2 / 5,
      missing: [
        { personId: 'u', employmentType: 'civil_servant' },
        { personId: 'v', employmentType: 'civil_servant' },
        { personId: 'x', employmentType: 'civil_servant' },
      ],
      dueAtMs: due,
      overdueSinceMs: null,
    })
  })

  it('T-01 nobody missing: no gap, even after the year', () => {
    const all = fold([registered('a', T), session('s', '2026-03-02', T + HOUR, [{ personId: 'a' }])])
    expect(trainingCoverage(all.state, 2026, NEXT, CAL)).toMatchObject({ share: 1, overdueSinceMs: null })
  })
})

describe('education record: T-02 reminders and late teaching', () => {
  it('T-02 untaught staff: overdue from the first instant of the first day; ties by id; leavers left out', () => {
    const f = fold([
      registered('c', T, { startsOn: '2026-03-10' }),
      registered('b', T + 1, { startsOn: '2026-03-10' }),
      registered('a', T, { startsOn: '2026-03-12' }),
      registered('gone', T, { startsOn: '2026-03-01' }),
      left('gone-out', 'gone', '2026-03-02'),
    ])
    const start = local('2026-03-10T00:00')
    expect(untaughtNewStaff(f.state, start - 1, CAL).map((u) => [u.personId, u.overdue])).toEqual([
      ['b', false],
      ['c', false],
      ['a', false],
    ])
    expect(untaughtNewStaff(f.state, start, CAL).map((u) => [u.personId, u.overdue])).toEqual([
      ['b', true],
      ['c', true],
      ['a', false],
    ])
  })

  it('T-02 taught late: judged on the earliest session whatever the order recorded, among that year’s starters', () => {
    const f = fold([
      registered('z', T, { startsOn: '2026-03-02' }),
      registered('y', T, { startsOn: '2026-03-02' }),
      registered('x', T, { startsOn: '2026-03-02' }),
      registered('old', T, { startsOn: '2025-06-01' }),
      session('s1', '2026-03-05', T + 4 * 24 * HOUR, [{ personId: 'z' }, { personId: 'old' }]),
      session('s2', '2026-03-01', T + 5 * 24 * HOUR, [{ personId: 'z' }, { personId: 'y' }]),
      session('s3', '2026-03-06', T + 6 * 24 * HOUR, [{ personId: 'y' }, { personId: 'x' }]),
      session('s4', '2026-03-02', T + 7 * 24 * HOUR, [{ personId: 'w' }]),
    ])
    // s4 names nobody registered: refused, so it does not count for anyone.
    expect(codes(f)).toEqual(['P-05'])
    expect(taughtLate(f.state, 2026).map((s) => s.personId)).toEqual(['x'])
    expect(taughtLate(f.state, 2025).map((s) => s.personId)).toEqual(['old'])
    const onTheDay = fold([
      registered('b', T),
      registered('a', T),
      session('s', '2026-03-02', T + HOUR, [{ personId: 'a' }]),
    ])
    expect(taughtLate(onTheDay.state, 2026)).toEqual([])
    const both = fold([
      registered('b', T),
      registered('a', T + 1),
      session('s', '2026-03-03', T + 24 * HOUR, [{ personId: 'b' }, { personId: 'a' }]),
    ])
    expect(taughtLate(both.state, 2026).map((s) => s.personId)).toEqual(['a', 'b'])
  })
})

describe('education record: T-03 plan status', () => {
  it('T-03 no plan is null; sessions held are counted for that year only', () => {
    const f = fold([
      registered('a', T),
      session('s25', '2025-12-31', T + HOUR, [{ personId: 'a' }]),
      session('s26', '2026-01-01', T + HOUR, [{ personId: 'a' }]),
      session('s27', '2027-01-01', NEXT, [{ personId: 'a' }]),
    ])
    const status = trainingPlanStatus(f.state, 2026, T, CAL)
    expect(status.plan).toBeNull()
    expect(status.sessionsHeld).toBe(1)
    const planned = fold([
      ev('p', 'training.plan_adopted', 'leader1', T, { year: 2026, planRef: 'r', plannedSessions: 2 }),
    ])
    expect(trainingPlanStatus(planned.state, 2026, T, CAL).plan).toMatchObject({
      eventId: 'p',
      plannedSessions: 2,
    })
  })
})
