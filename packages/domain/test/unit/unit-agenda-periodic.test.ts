import { describe, expect, it } from 'vitest'
import { type AgendaItem, unitDueSoon, unitOverdue } from '../../src/unit/agenda.ts'
import { finding, inspection } from '../registers/inspection/inspection-fold.ts'
import { leaving, onboarding } from '../registers/personnel/personnel-fold.ts'
import { local, signed } from '../support/fixtures.ts'
import { agendaContext, organisationPosts, signedForUnit, validHistory } from './unit-agenda-fixtures.ts'

/** The agenda's periodic and standing duties (I-01, I-04, T-03, P-03, B-01, B-04) over the unit fold. */

const ctx = agendaContext
const DAY = 86_400_000
const of = (items: readonly AgendaItem[], register: AgendaItem['register'], rule?: string) =>
  items.filter((i) => i.register === register && (rule === undefined || i.rule === rule))

describe('the unit agenda: inspections (I-01, I-04)', () => {
  const held = (heldOn: string, inspectionId = 'i1') =>
    signed('inspection.recorded', inspection({ inspectionId, heldOn }), { at: local(`${heldOn}T16:00`) })

  it('rule I-01: a quarter with an inspection and a holiday checked in its window are no longer due', () => {
    const now = local('2026-04-28T18:00')
    const empty = validHistory([])
    const dueSoon = (state: ReturnType<typeof validHistory>) =>
      of(unitDueSoon(state, now, 7 * DAY, ctx), 'inspection', 'I-01').map((i) => i.subject)
    expect(dueSoon(empty)).toEqual(['2026-labour_day'])
    expect(dueSoon(validHistory([held('2026-04-28')]))).toEqual([])
    const lateJuly = local('2026-07-02T10:00')
    const overdue = (state: ReturnType<typeof validHistory>) =>
      of(unitOverdue(state, lateJuly, ctx), 'inspection', 'I-01').map((i) => i.subject)
    expect(overdue(validHistory([held('2026-03-02'), held('2026-04-28', 'i2')]))).toEqual([
      '2025-Q4',
      '2026-new_year',
      '2026-spring_festival',
    ])
    expect(overdue(empty)).toContain('2026-Q2')
    // A quarter inspected is not due soon either.
    const march = local('2026-03-25T10:00')
    const quarters = (state: ReturnType<typeof validHistory>) =>
      of(unitDueSoon(state, march, 10 * DAY, ctx), 'inspection', 'I-01').map((i) => i.subject)
    expect(quarters(empty)).toEqual(['2026-Q1'])
    expect(quarters(validHistory([held('2026-03-02')]))).toEqual([])
  })

  it('rule I-01: at the end of a quarter without inspection it is overdue, no longer due soon', () => {
    const end = local('2026-04-01T00:00')
    const empty = validHistory([])
    const q1 = (items: AgendaItem[]) => of(items, 'inspection', 'I-01').filter((i) => i.subject === '2026-Q1')
    expect(q1(unitOverdue(empty, end, ctx))).toEqual([
      { register: 'inspection', rule: 'I-01', subject: '2026-Q1', dueAt: end, since: end },
    ])
    expect(q1(unitDueSoon(empty, end, DAY, ctx))).toEqual([])
  })

  it('rule I-04: a serious finding is reported up within three days, then overdue, by finding id', () => {
    const recorded = local('2026-03-02T10:05')
    const due = recorded + 3 * DAY
    const state = validHistory([
      signed('inspection.recorded', inspection(), { at: local('2026-03-02T10:00') }),
      signed('inspection.finding_recorded', finding({ severity: 'serious', responsible: 'leader1' }), {
        at: recorded,
      }),
    ])
    const report = (items: AgendaItem[]) => of(items, 'inspection', 'I-04').filter((i) => i.dueAt === due)
    const item = { register: 'inspection', rule: 'I-04', subject: 'f1', dueAt: due }
    expect(report(unitDueSoon(state, recorded, 3 * DAY, ctx))).toEqual([{ ...item, since: null }])
    expect(report(unitOverdue(state, due, ctx))).toEqual([])
    expect(report(unitOverdue(state, due + 1, ctx))).toEqual([{ ...item, since: due }])
    expect(report(unitDueSoon(state, due + 1, 3 * DAY, ctx))).toEqual([])
  })
})

describe('the unit agenda: personnel (T-03, P-03)', () => {
  it("rule T-03: the year's training plan adopted is no longer overdue", () => {
    const now = local('2026-03-02T10:00')
    const plan = signed(
      'training.plan_adopted',
      { year: 2026, planRef: '培训计划〔2026〕1号', plannedSessions: 4 },
      { at: local('2026-01-10T10:00'), actor: 'leader1' },
    )
    expect(of(unitOverdue(validHistory([]), now, ctx), 'personnel', 'T-03').map((i) => i.subject)).toEqual([
      '2026',
    ])
    expect(of(unitOverdue(validHistory([plan]), now, ctx), 'personnel', 'T-03')).toEqual([])
    const january = local('2026-01-25T10:00')
    expect(
      of(unitDueSoon(validHistory([]), january, 10 * DAY, ctx), 'personnel', 'T-03').map((i) => i.subject),
    ).toEqual(['2026'])
    expect(of(unitDueSoon(validHistory([plan]), january, 10 * DAY, ctx), 'personnel', 'T-03')).toEqual([])
  })

  it('rule P-03: a 脱密期 ending within the window is due soon, by person id', () => {
    const start = local('2026-03-02T08:00')
    const left = local('2026-03-05T09:00')
    const events = [
      ...organisationPosts(start - 3_600_000),
      ...signedForUnit([
        ...onboarding('p1', start),
        ...leaving('p1', left, { months: 12, over: { carrierIds: [] } }),
      ]),
    ]
    const state = validHistory(events)
    const endsAt =
      state.registers.personnel.persons.get('p1')?.departures.at(-1)?.decontaminationEndsAtMs ?? 0
    expect(endsAt).toBeGreaterThan(left + 360 * DAY)
    const p03 = (now: number, within: number) => of(unitDueSoon(state, now, within, ctx), 'personnel', 'P-03')
    expect(p03(endsAt - 10 * DAY, 10 * DAY)).toEqual([
      { register: 'personnel', rule: 'P-03', subject: 'p1', dueAt: endsAt, since: null },
    ])
    expect(p03(endsAt - 10 * DAY, 10 * DAY - 1)).toEqual([])
  })
})

describe('the unit agenda: responsibility (B-01, B-04)', () => {
  const departments = [
    signed(
      'organisation.department_recorded',
      { departmentId: 'd2', name: '财政所' },
      { at: local('2026-01-05T10:00') },
    ),
    signed(
      'organisation.department_recorded',
      { departmentId: 'd1', name: '党政办' },
      { at: local('2026-01-05T10:01') },
    ),
  ]

  it('rule B-01: each department without a book in force is due by 31 March, then overdue, by department id', () => {
    const state = validHistory(departments)
    const due = local('2026-04-01T00:00') - 1
    const books = (items: AgendaItem[]) => of(items, 'responsibility', 'B-01')
    expect(books(unitDueSoon(state, local('2026-03-20T10:00'), 30 * DAY, ctx))).toEqual([
      { register: 'responsibility', rule: 'B-01', subject: 'd1', dueAt: due, since: null },
      { register: 'responsibility', rule: 'B-01', subject: 'd2', dueAt: due, since: null },
    ])
    expect(books(unitOverdue(state, due, ctx))).toEqual([])
    expect(books(unitOverdue(state, due + 1, ctx))).toEqual([
      { register: 'responsibility', rule: 'B-01', subject: 'd1', dueAt: due, since: due },
      { register: 'responsibility', rule: 'B-01', subject: 'd2', dueAt: due, since: due },
    ])
  })

  it("rule B-04: the leading group's meeting and the plan, once met, are no longer due", () => {
    const met = validHistory([
      signed(
        'organisation.meeting_held',
        { meetingId: 'g1', heldOn: '2026-02-10', attendeeIds: ['leader1'] },
        { at: local('2026-02-10T16:00') },
      ),
      signed(
        'organisation.plan_filed',
        { year: 2026, documentRef: '保密工作计划〔2026〕' },
        { at: local('2026-02-11T10:00') },
      ),
    ])
    const now = local('2026-03-02T10:00')
    expect(
      of(unitDueSoon(validHistory([]), now, 30 * DAY, ctx), 'responsibility', 'B-04').map((i) => i.subject),
    ).toEqual(['meeting:2026-01-01', 'plan:2026'])
    expect(of(unitDueSoon(met, now, 30 * DAY, ctx), 'responsibility', 'B-04')).toEqual([])
  })
})
