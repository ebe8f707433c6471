import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import {
  decontaminationEndingSoon,
  departureHandOvers,
  inDecontamination,
  personnelOnPost,
  personnelYearSummary,
} from '../../../src/registers/personnel/queries.ts'
import { DAY, ev, fold, HOUR, leaving, local, onboarding, registered, session } from './personnel-fold.ts'

/** Orders, boundaries and year figures of the personnel queries (rules P-01, P-03, C-12, T-01..T-03). */

const T = local('2026-03-02T08:00')
const L = local('2026-06-01T09:00')
const CAL = DEFAULT_CALENDAR

function trip(personId: string, id: string, at: number, departsOn: string): SliceEvent[] {
  return [
    ev(`${id}-ap`, 'personnel.approved', 'leader1', at - HOUR, { personId, subject: 'travel_abroad' }),
    ev(id, 'personnel.travel_abroad', 'officer1', at, {
      personId,
      approvalId: `${id}-ap`,
      departsOn,
      returnsOn: departsOn,
      destination: '泰国',
    }),
  ]
}

describe('who is on a post (P-01)', () => {
  it('P-01 by level (core, important, general), then by id, whatever the order of registration', () => {
    const f = fold([
      ...onboarding('a', T, { level: 'general' }),
      ...onboarding('c', T, { level: 'core' }),
      ...onboarding('d', T + DAY, { level: 'important' }),
      ...onboarding('b', T + 2 * DAY, { level: 'core' }),
    ])
    expect(f.refused).toEqual([])
    expect(personnelOnPost(f.state).map((o) => [o.personId, o.level])).toEqual([
      ['b', 'core'],
      ['c', 'core'],
      ['d', 'important'],
      ['a', 'general'],
    ])
  })
})

describe('the 脱密期 list (P-03)', () => {
  it('P-03 listed from the instant of the approval of leaving, not one ms before; not once back on a post', () => {
    const base = [...onboarding('p1', T), ...leaving('p1', L)]
    const f = fold(base)
    expect(inDecontamination(f.state, L + HOUR - 1)).toEqual([])
    expect(inDecontamination(f.state, L + HOUR).map((d) => d.personId)).toEqual(['p1'])
    const back = onboarding('p1', L + DAY, { skip: ['reg', 'trn'] }).map((e) =>
      e.type === 'personnel.took_post'
        ? { ...e, id: `${e.id}2`, payload: { personId: 'p1', approvalId: 'p1-apr2' } }
        : { ...e, id: `${e.id}2` },
    )
    const again = fold([...base, ...back])
    expect(again.refused).toEqual([])
    expect(inDecontamination(again.state, L + 2 * DAY)).toEqual([])
  })

  it('P-03 counts the trips from the approval of leaving up to, not including, the end of the period', () => {
    const end = local('2028-06-01T00:00')
    const f = fold([
      ...onboarding('p1', T),
      ...trip('p1', 'before', L + HOUR - 1, '2026-06-02'),
      ...leaving('p1', L),
      ...trip('p1', 'at-start', L + HOUR, '2026-06-03'),
      ...trip('p1', 'last-ms', end - 1, '2028-06-01'),
      ...trip('p1', 'at-end', end, '2028-06-02'),
    ])
    expect(f.refused).toEqual([])
    expect(f.state.persons.get('p1')?.travels).toHaveLength(4)
    expect(inDecontamination(f.state, L + 3 * HOUR)).toEqual([
      {
        personId: 'p1',
        level: 'important',
        months: 24,
        startsAtMs: L + HOUR,
        endsAtMs: end,
        travelsDuring: 2,
      },
    ])
  })

  it('P-03 ending soonest first, ties by id; “ending soon” includes an end exactly at the horizon', () => {
    const f = fold([
      ...onboarding('x', T, { level: 'core' }),
      ...onboarding('z', T + DAY),
      ...onboarding('y', T + 2 * DAY),
      ...leaving('x', L, { months: 36 }),
      ...leaving('z', L, { months: 12 }),
      ...leaving('y', L, { months: 12 }),
    ])
    expect(f.refused).toEqual([])
    const now = L + 3 * HOUR
    const yearEnd = local('2027-06-01T00:00')
    expect(inDecontamination(f.state, now).map((d) => [d.personId, d.endsAtMs])).toEqual([
      ['y', yearEnd],
      ['z', yearEnd],
      ['x', local('2029-06-01T00:00')],
    ])
    expect(decontaminationEndingSoon(f.state, now, yearEnd - now).map((d) => d.personId)).toEqual(['y', 'z'])
    expect(decontaminationEndingSoon(f.state, now, yearEnd - now - 1)).toEqual([])
  })
})

describe('hand-over list (C-12)', () => {
  it('C-12 departures in order of leaving, ties by event id', () => {
    const f = fold([
      ...onboarding('x', T),
      ...onboarding('z', T + DAY),
      ...onboarding('y', T + 2 * DAY),
      ...leaving('x', L + DAY),
      ...leaving('z', L),
      ...leaving('y', L),
    ])
    expect(f.refused).toEqual([])
    expect(departureHandOvers(f.state).map((d) => [d.eventId, d.leftAtMs])).toEqual([
      ['y-lft', L + 2 * HOUR],
      ['z-lft', L + 2 * HOUR],
      ['x-lft', L + DAY + 2 * HOUR],
    ])
  })
})

describe('year figures of the personnel register', () => {
  const T25 = local('2025-03-03T08:00')
  const now = L + DAY
  const f = fold([
    ...onboarding('a', T25),
    ...onboarding('b', T25, { level: 'core' }),
    ...trip('a', 'a-t25', T25 + 10 * DAY, '2025-08-01'),
    ...leaving('a', L),
    ...trip('a', 'a-t26', L + 3 * HOUR, '2027-01-05'),
    ...onboarding('c', T, { level: 'general' }),
    registered('d', T, { startsOn: '2026-09-01' }),
    registered('e', T, { startsOn: '2026-03-02' }),
    registered('f', T, { startsOn: '2026-03-02' }),
    session('f-trn', '2026-03-04', T + 2 * DAY, [{ personId: 'f' }], { hours: 1.5 }),
    ev('plan', 'training.plan_adopted', 'leader1', T, { year: 2026, planRef: '计划', plannedSessions: 4 }),
  ])

  it('T-01 the 2026 figures count posts, departures, trips and sessions of 2026 only', () => {
    expect(f.refused).toEqual([])
    expect(personnelYearSummary(f.state, 2026, now, CAL)).toEqual({
      year: 2026,
      onPostByLevel: { core: 1, important: 0, general: 1 },
      tookPost: 1,
      leftPost: 1,
      travelsAbroad: 0,
      sessions: 2,
      trainingHours: 3.5,
      attendances: 2,
      coverageShare: 2 / 6,
      untrainedStaff: 4,
      planAdopted: true,
      planOverdue: false,
      untaughtNewStaff: 1,
      taughtLate: 1,
    })
  })

  it('T-01 the 2025 figures count the posts taken then, one since left, and that year’s trip', () => {
    expect(personnelYearSummary(f.state, 2025, now, CAL)).toMatchObject({
      tookPost: 2,
      leftPost: 0,
      travelsAbroad: 1,
      sessions: 2,
      trainingHours: 4,
      attendances: 2,
      planAdopted: false,
      planOverdue: true,
      taughtLate: 0,
    })
    expect(personnelYearSummary(f.state, 2027, now, CAL).travelsAbroad).toBe(1)
  })
})
