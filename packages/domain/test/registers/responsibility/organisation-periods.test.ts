import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import {
  organisationDuties,
  organisationDutiesDueSoon,
} from '../../../src/registers/responsibility/organisation-queries.ts'
import { DEFAULT_RESPONSIBILITY_POLICY, endOfMonthDay } from '../../../src/registers/responsibility/policy.ts'
import { local } from '../../support/fixtures.ts'
import { codes, foldResponsibility, respEvent } from './responsibility-fold.ts'

/** Period edges of the leading group's duties (rule B-04): meetings per period, plan, summary. */

const cal = DEFAULT_CALENDAR
const H = 3_600_000
const DAY = 24 * H
const Q2 = local('2026-04-01T00:00')

function meetings(list: readonly [string, string, number][]): SliceEvent[] {
  const ev = respEvent()
  return list.map(([meetingId, heldOn, at]) =>
    ev('organisation.meeting_held', { meetingId, heldOn, attendeeIds: ['leader1'] }, at),
  )
}

const meetingDuties = (
  events: readonly SliceEvent[],
  nowMs: number,
  policy = DEFAULT_RESPONSIBILITY_POLICY,
) =>
  organisationDuties(foldResponsibility(events).state, 2026, nowMs, cal, policy).filter(
    (d) => d.kind === 'meeting',
  )

describe('leading-group meetings by period (B-04)', () => {
  it('B-04 a period is listed from its first instant; its meeting is due by its last', () => {
    expect(meetingDuties([], Q2 - 1).map((d) => d.period)).toEqual(['2026-01-01'])
    expect(meetingDuties([], Q2).map((d) => [d.period, d.dueAt])).toEqual([
      ['2026-01-01', Q2 - 1],
      ['2026-04-01', local('2026-07-01T00:00') - 1],
    ])
    const q4 = meetingDuties([], local('2026-12-15T09:00')).at(-1)
    expect(q4).toMatchObject({ period: '2026-10-01', dueAt: local('2027-01-01T00:00') - 1 })
  })

  it('B-04 overdue strictly after the period’s last instant', () => {
    expect(meetingDuties([], Q2 - 1)[0]?.overdue).toBe(false)
    expect(meetingDuties([], Q2)[0]?.overdue).toBe(true)
  })

  it('B-04 a meeting held on the last day counts for its period; one on the next period’s first day does not', () => {
    const events = meetings([
      ['m-q2', '2026-04-01', local('2026-04-01T15:00')],
      ['m-q1b', '2026-03-31', local('2026-04-02T10:00')],
      ['m-q1a', '2026-02-10', local('2026-04-03T10:00')],
    ])
    expect(codes(foldResponsibility(events))).toEqual([])
    const duties = meetingDuties(events, local('2026-04-05T09:00'))
    expect(duties.map((d) => [d.period, d.metAt, d.overdue])).toEqual([
      ['2026-01-01', local('2026-04-02T10:00'), false],
      ['2026-04-01', local('2026-04-01T15:00'), false],
    ])
    const none = meetings([['m-q2', '2026-04-01', local('2026-04-01T15:00')]])
    expect(meetingDuties(none, local('2026-04-05T09:00'))[0]).toEqual({
      rule: 'B-04',
      kind: 'meeting',
      period: '2026-01-01',
      dueAt: Q2 - 1,
      metAt: null,
      overdue: true,
    })
  })

  it('B-04 with monthly meetings November ends on 30 November and December on 31 December', () => {
    const monthly = { ...DEFAULT_RESPONSIBILITY_POLICY, meetingPeriodMonths: 1 as const }
    const events = meetings([['m-dec', '2026-12-05', local('2026-12-05T10:00')]])
    const duties = meetingDuties(events, local('2026-12-20T09:00'), monthly)
    expect(duties).toHaveLength(12)
    expect(duties.slice(-2).map((d) => [d.period, d.dueAt, d.metAt])).toEqual([
      ['2026-11-01', local('2026-12-01T00:00') - 1, null],
      ['2026-12-01', local('2027-01-01T00:00') - 1, local('2026-12-05T10:00')],
    ])
  })

  it('B-04 with half-yearly meetings there are two periods', () => {
    const halfYear = { ...DEFAULT_RESPONSIBILITY_POLICY, meetingPeriodMonths: 6 as const }
    expect(meetingDuties([], local('2026-12-20T09:00'), halfYear).map((d) => [d.period, d.dueAt])).toEqual([
      ['2026-01-01', local('2026-07-01T00:00') - 1],
      ['2026-07-01', local('2027-01-01T00:00') - 1],
    ])
  })
})

describe('duties falling due soon (B-04)', () => {
  const policy = {
    ...DEFAULT_RESPONSIBILITY_POLICY,
    planDue: { month: 1, day: 20 },
    summaryDue: { month: 2, day: 15 },
  }
  const planDue = local('2026-01-21T00:00') - 1
  const summaryDue = local('2026-02-16T00:00') - 1
  const q1Due = Q2 - 1
  const empty = foldResponsibility([]).state

  it('B-04 soonest first, both ends of the window included, nothing outside it', () => {
    const now = local('2026-01-10T09:00')
    const soon = (from: number, within: number) =>
      organisationDutiesDueSoon(empty, 2026, from, within, cal, policy).map((d) => d.kind)
    expect(soon(now, q1Due - now)).toEqual(['plan', 'summary', 'meeting'])
    expect(soon(now, q1Due - now - 1)).toEqual(['plan', 'summary'])
    expect(soon(planDue, 0)).toEqual(['plan'])
    expect(soon(planDue + 1, summaryDue - planDue - 1)).toEqual(['summary'])
    expect(organisationDutiesDueSoon(empty, 2026, now, planDue - now, cal, policy)).toEqual([
      { rule: 'B-04', kind: 'plan', period: '2026', dueAt: planDue, metAt: null, overdue: false },
    ])
  })

  it('B-04 a duty already met is not due soon', () => {
    const ev = respEvent()
    const filed = foldResponsibility([
      ev('organisation.plan_filed', { year: 2026, documentRef: '计划' }, local('2026-01-06T09:00')),
    ])
    const now = local('2026-01-10T09:00')
    expect(
      organisationDutiesDueSoon(filed.state, 2026, now, 90 * DAY, cal, policy).map((d) => d.kind),
    ).toEqual(['summary', 'meeting'])
  })
})

describe('policy dates (B-01, B-04)', () => {
  it('B-04 a policy day is that day of the month, clamped to the month’s last day', () => {
    expect(endOfMonthDay(2026, { month: 2, day: 10 }, cal)).toBe(local('2026-02-11T00:00') - 1)
    expect(endOfMonthDay(2026, { month: 4, day: 31 }, cal)).toBe(local('2026-05-01T00:00') - 1)
    expect(endOfMonthDay(2028, { month: 2, day: 29 }, cal)).toBe(local('2028-03-01T00:00') - 1)
    expect(endOfMonthDay(2026, { month: 12, day: 31 }, cal)).toBe(local('2027-01-01T00:00') - 1)
  })
})
