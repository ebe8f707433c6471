import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import { addMonthsToDate, startOfDate, startOfYear } from '../../../src/registers/personnel/dates.ts'
import { DEFAULT_PERSONNEL_POLICY } from '../../../src/registers/personnel/policy.ts'
import { trainedBy } from '../../../src/registers/personnel/rules.ts'
import { personnelSlice } from '../../../src/registers/personnel/slice.ts'
import type { PersonnelState, PersonnelWork } from '../../../src/registers/personnel/state.ts'
import {
  CTX,
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

/** What each accepted event writes into the register, field by field. */

const T = local('2026-03-02T08:00')
const L = local('2026-06-01T09:00')

function work(state: PersonnelState): PersonnelWork {
  return {
    persons: new Map(state.persons),
    approvals: new Map(state.approvals),
    sessions: new Map(state.sessions),
    plans: new Map(state.plans),
  }
}

describe('personnel register entries', () => {
  it('P-05 a registration writes the whole staff entry; without a platform user the user is null', () => {
    const f = fold([
      registered('p1', T, { employmentType: 'intern' }),
      registered('p2', T, { userId: 'staff1' }),
    ])
    expect(f.state.persons.get('p1')).toEqual({
      id: 'p1',
      eventId: 'p1-reg',
      name: '姓名p1',
      employmentType: 'intern',
      startsOn: '2026-03-02',
      userId: null,
      registeredAtMs: T,
      leftUnitOn: null,
      filing: null,
      certificate: null,
      commitments: [],
      post: null,
      departures: [],
      travels: [],
    })
    expect(f.state.persons.get('p2')?.userId).toBe('staff1')
  })

  it('P-01 P-02 P-04 onboarding writes filing, certificate, commitments with their documents, approval and post', () => {
    const events = onboarding('p1', T).map((e) =>
      e.id === 'p1-com' ? { ...e, payload: { personId: 'p1', kind: 'on_post', documentRef: '承诺书1' } } : e,
    )
    const plain = ev('c2', 'personnel.commitment_signed', 'officer1', T + 7 * HOUR, {
      personId: 'p1',
      kind: 'departure',
    })
    const p = fold([...events, plain]).state
    const person = p.persons.get('p1')
    expect(person?.filing).toEqual({
      post: '机要员',
      level: 'important',
      filingRef: '保备〔2026〕3号',
      eventId: 'p1-fil',
      atMs: T + HOUR,
    })
    expect(person?.certificate).toEqual({ number: '证p1', eventId: 'p1-cer', atMs: T + 3 * HOUR })
    expect(person?.commitments).toEqual([
      { kind: 'on_post', documentRef: '承诺书1', eventId: 'p1-com', atMs: T + 4 * HOUR },
      { kind: 'departure', documentRef: null, eventId: 'c2', atMs: T + 7 * HOUR },
    ])
    expect(p.approvals.get('p1-apr')).toEqual({
      id: 'p1-apr',
      personId: 'p1',
      subject: 'take_post',
      by: 'leader1',
      atMs: T + 5 * HOUR,
      decontaminationMonths: null,
      usedBy: 'p1-pst',
    })
    expect(person?.post).toEqual({
      post: '机要员',
      level: 'important',
      filingRef: '保备〔2026〕3号',
      certificateNumber: '证p1',
      approvalId: 'p1-apr',
      eventId: 'p1-pst',
      sinceMs: T + 6 * HOUR,
    })
  })

  it('P-03 C-12 leaving the day after the approval: the 脱密期 runs from the approval day; no carrier list: empty', () => {
    const leave = leaving('p1', L, { months: 7, over: { carrierIds: undefined } }).map((e) =>
      e.id === 'p1-lft' ? { ...e, atMs: L + DAY } : e,
    )
    const f = fold([...onboarding('p1', T, { level: 'general' }), ...leave])
    expect(f.refused).toEqual([])
    expect(f.state.approvals.get('p1-lap')).toMatchObject({ decontaminationMonths: 7, usedBy: 'p1-lft' })
    expect(f.state.persons.get('p1')?.departures).toEqual([
      {
        eventId: 'p1-lft',
        post: '机要员',
        level: 'general',
        approvalId: 'p1-lap',
        approvedAtMs: L + HOUR,
        onPostSinceMs: T + 6 * HOUR,
        leftAtMs: L + DAY,
        decontaminationMonths: 7,
        decontaminationEndsAtMs: local('2027-01-01T00:00'),
        carrierIds: [],
      },
    ])
  })

  it('P-04 travel abroad writes the trip and uses the approval', () => {
    const f = fold([
      registered('p1', T),
      ev('ta', 'personnel.approved', 'leader2', L, {
        personId: 'p1',
        subject: 'travel_abroad',
        note: '探亲',
      }),
      ev('tr', 'personnel.travel_abroad', 'officer1', L + HOUR, {
        personId: 'p1',
        approvalId: 'ta',
        departsOn: '2026-07-01',
        returnsOn: '2026-07-10',
        destination: '新加坡',
      }),
    ])
    expect(f.state.persons.get('p1')?.travels).toEqual([
      {
        eventId: 'tr',
        approvalId: 'ta',
        departsOn: '2026-07-01',
        returnsOn: '2026-07-10',
        destination: '新加坡',
        atMs: L + HOUR,
      },
    ])
    expect(f.state.approvals.get('ta')).toMatchObject({ by: 'leader2', usedBy: 'tr' })
  })

  it('T-03 plan, session and added attendance are written with their scores (absent score: null)', () => {
    const f = fold([
      registered('a', T),
      registered('b', T),
      registered('c', T),
      ev('plan', 'training.plan_adopted', 'leader1', T, { year: 2026, planRef: '计划', plannedSessions: 4 }),
      session('s1', '2026-03-02', T + HOUR, [{ personId: 'a', score: 80 }, { personId: 'b' }], {
        kind: 'test',
      }),
      ev('x1', 'training.attendance_added', 'officer1', T + 2 * HOUR, {
        sessionId: 's1',
        attendee: { personId: 'c', score: 70 },
      }),
    ])
    expect(f.state.plans.get(2026)).toEqual({
      year: 2026,
      planRef: '计划',
      plannedSessions: 4,
      eventId: 'plan',
      by: 'leader1',
      atMs: T,
    })
    expect(f.state.sessions.get('s1')).toEqual({
      id: 's1',
      eventId: 's1-s',
      kind: 'test',
      heldOn: '2026-03-02',
      hours: 2,
      topic: '保密法专题讲座',
      attendees: [
        { personId: 'a', score: 80, eventId: 's1-s' },
        { personId: 'b', score: null, eventId: 's1-s' },
        { personId: 'c', score: 70, eventId: 'x1' },
      ],
      recordedAtMs: T + HOUR,
    })
  })
})

describe('trained by a date (rules P-01, T-02)', () => {
  const f = fold([
    registered('a', T),
    registered('b', T),
    registered('c', T),
    session('s1', '2026-03-02', T + HOUR, [{ personId: 'a' }]),
    session('s2', '2026-03-02', T + HOUR, [{ personId: 'b', score: 59 }], { kind: 'test' }),
  ])
  const w = work(f.state)

  it('T-02 a session counts from the day it is held, not before', () => {
    expect(trainedBy(w, 'a', '2026-03-01', DEFAULT_PERSONNEL_POLICY)).toBe(false)
    expect(trainedBy(w, 'a', '2026-03-02', DEFAULT_PERSONNEL_POLICY)).toBe(true)
  })

  it('P-01 only the person’s own attendance counts, scored at or above the pass mark', () => {
    expect(trainedBy(w, 'c', '2026-03-02', DEFAULT_PERSONNEL_POLICY)).toBe(false)
    expect(trainedBy(w, 'b', '2026-03-02', DEFAULT_PERSONNEL_POLICY)).toBe(false)
    expect(trainedBy(w, 'b', '2026-03-02', { ...DEFAULT_PERSONNEL_POLICY, passScore: 59 })).toBe(true)
  })
})

describe('personnel calendar arithmetic (rule P-03)', () => {
  it('P-03 months are added on calendar dates, the day clamped to the month’s end', () => {
    expect(addMonthsToDate('2026-08-31', 6)).toBe('2027-02-28')
    expect(addMonthsToDate('2027-08-31', 6)).toBe('2028-02-29')
    expect(addMonthsToDate('2026-01-31', 3)).toBe('2026-04-30')
    expect(addMonthsToDate('2026-12-15', 1)).toBe('2027-01-15')
    expect(addMonthsToDate('2026-11-30', 1)).toBe('2026-12-30')
    expect(addMonthsToDate('2026-03-02', 24)).toBe('2028-03-02')
    expect(addMonthsToDate('0999-05-01', 0)).toBe('0999-05-01')
  })

  it('P-03 local midnights of dates and years; an impossible date throws', () => {
    expect(startOfDate('2026-03-02', DEFAULT_CALENDAR)).toBe(local('2026-03-02T00:00'))
    expect(startOfYear(2027, DEFAULT_CALENDAR)).toBe(local('2027-01-01T00:00'))
    expect(() => startOfDate('2026-02-29', DEFAULT_CALENDAR)).toThrow(RangeError)
  })
})

describe('personnel slice', () => {
  it('P-05 the slice refuses an event type it does not keep and names itself', () => {
    const error = personnelSlice.check(
      personnelSlice.empty(),
      ev('x', 'carrier.registered', 'officer1', T, {}),
      CTX,
    )
    expect(error?.code).toBe('PERSONNEL-TYPE')
    expect(error?.message.en).toContain('carrier.registered')
    expect(error?.message.zh).toContain('carrier.registered')
    expect(personnelSlice.name).toBe('personnel')
  })
})
