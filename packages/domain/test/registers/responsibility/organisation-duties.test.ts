import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import {
  missingPosts,
  organisationDuties,
  organisationDutiesDueSoon,
  organisationFigures,
} from '../../../src/registers/responsibility/organisation-queries.ts'
import { DEFAULT_RESPONSIBILITY_POLICY, endOfMonthDay } from '../../../src/registers/responsibility/policy.ts'
import { local } from '../../support/fixtures.ts'
import { codes, foldResponsibility, respEvent } from './responsibility-fold.ts'

const T0 = local('2026-01-05T09:00')
const H = 3_600_000
const cal = DEFAULT_CALENDAR

function posts(ev = respEvent()) {
  return [
    ev('organisation.post_assigned', { post: 'first_responsible', userId: 'leader1' }, T0, 'leader1'),
    ev('organisation.post_assigned', { post: 'responsible_leader', userId: 'leader2' }, T0, 'leader1'),
    ev('organisation.post_assigned', { post: 'secrecy_officer', userId: 'officer1' }, T0, 'leader1'),
    ev('organisation.post_assigned', { post: 'classifier', userId: 'classifier1' }, T0, 'leader1'),
    ev('organisation.post_assigned', { post: 'group_head', userId: 'leader1' }, T0, 'leader1'),
    ev('organisation.post_assigned', { post: 'group_member', userId: 'head1' }, T0, 'leader1'),
  ]
}

const fold = (events: Parameters<typeof foldResponsibility>[0]) => foldResponsibility(events)

describe('organisation (rule B-04)', () => {
  it('B-04 every required post filled leaves no gap; a vacated post shows since when', () => {
    const ev = respEvent()
    const full = fold(posts(ev))
    expect(codes(full)).toEqual([])
    expect(missingPosts(full.state)).toEqual([])
    const vacated = fold([
      ...posts(ev),
      ev('organisation.post_vacated', { post: 'classifier', userId: 'classifier1' }, T0 + H, 'leader1'),
    ])
    expect(missingPosts(vacated.state)).toEqual([{ post: 'classifier', since: T0 + H }])
    expect(missingPosts(fold([]).state).map((m) => m.since)).toEqual([null, null, null, null, null])
  })

  it('B-04 a post needs the matching platform role, and a user of this unit', () => {
    const ev = respEvent()
    const f = fold([
      ev('organisation.post_assigned', { post: 'classifier', userId: 'head1' }, T0, 'leader1'),
      ev('organisation.post_assigned', { post: 'first_responsible', userId: 'officer1' }, T0, 'leader1'),
      ev('organisation.post_assigned', { post: 'group_member', userId: 'far' }, T0, 'leader1'),
      ev('organisation.post_vacated', { post: 'classifier', userId: 'classifier1' }, T0, 'leader1'),
    ])
    expect(codes(f)).toEqual(['B-04', 'B-04', 'ORG-USER', 'ORG-NOT-HOLDER'])
    expect(f.state.posts.size + f.state.groupMembers.size).toBe(0)
  })

  it('B-04 a quarter without a group meeting is overdue from the quarter’s end; a meeting meets it', () => {
    const ev = respEvent()
    const q1End = local('2026-04-01T00:00') - 1
    const none = organisationDuties(fold([]).state, 2026, local('2026-04-02T09:00'), cal)
    expect(
      none.filter((d) => d.kind === 'meeting').map((d) => [d.period, d.dueAt === q1End, d.overdue]),
    ).toEqual([
      ['2026-01-01', true, true],
      ['2026-04-01', false, false],
    ])
    const met = fold([
      ev(
        'organisation.meeting_held',
        { meetingId: 'm1', heldOn: '2026-03-30', attendeeIds: ['leader1'] },
        T0 + 90 * 24 * H,
      ),
    ])
    expect(codes(met)).toEqual([])
    const q1 = organisationDuties(met.state, 2026, local('2026-04-02T09:00'), cal)[0]
    expect(q1?.overdue).toBe(false)
    expect(q1?.metAt).toBe(T0 + 90 * 24 * H)
  })

  it('B-04 a meeting cannot be recorded before it is held', () => {
    const ev = respEvent()
    const f = fold([
      ev(
        'organisation.meeting_held',
        { meetingId: 'm1', heldOn: '2026-01-06', attendeeIds: ['leader1'] },
        T0,
      ),
    ])
    expect(codes(f)).toEqual(['B-04'])
    expect(f.state.meetings.size).toBe(0)
  })

  it('B-04 the plan and the summary fall due on their policy dates; due soon before, overdue after', () => {
    const ev = respEvent()
    const planDue = endOfMonthDay(2026, DEFAULT_RESPONSIBILITY_POLICY.planDue, cal)
    const empty = fold([]).state
    const soon = organisationDutiesDueSoon(empty, 2026, planDue - 2 * 24 * H, 7 * 24 * H, cal)
    expect(soon.map((d) => d.kind)).toContain('plan')
    const late = organisationDuties(empty, 2026, planDue + 1, cal).find((d) => d.kind === 'plan')
    expect(late).toMatchObject({ overdue: true, dueAt: planDue, metAt: null })
    const filed = fold([
      ev('organisation.plan_filed', { year: 2026, documentRef: '镇保委〔2026〕1号' }, T0),
      ev('organisation.plan_filed', { year: 2026, documentRef: 'again' }, T0 + H),
      ev('organisation.summary_filed', { year: 2027, documentRef: 'too early' }, T0),
      ev('organisation.summary_filed', { year: 2025, documentRef: '2025 总结' }, T0),
    ])
    expect(codes(filed)).toEqual(['B-04', 'ORG-EXISTS'])
    const duties = organisationDuties(filed.state, 2026, planDue + 1, cal)
    expect(duties.find((d) => d.kind === 'plan')).toMatchObject({ overdue: false, metAt: T0 })
    const summary2025 = organisationDuties(filed.state, 2025, T0, cal).find((d) => d.kind === 'summary')
    expect(summary2025?.overdue).toBe(false)
    expect(organisationFigures(filed.state, 2026)).toMatchObject({ planFiled: true, summaryFiled: false })
  })

  it('B-04 endOfMonthDay clamps a day past the month’s end', () => {
    expect(endOfMonthDay(2026, { month: 2, day: 29 }, cal)).toBe(local('2026-03-01T00:00') - 1)
  })
})
