import {
  DEFAULT_CALENDAR,
  DEFAULT_UNIT_POLICY,
  type EventEnvelope,
  type FoldContext,
  foldUnitRegister,
  type RegisterState,
} from '@secledger/domain'
import type { FormValues } from '@secledger/ui/logic'
import { describe, expect, it } from 'vitest'
import { agendaGroups } from '../src/register/agenda-rows.ts'
import { incidentPage } from '../src/register/incident/incident-page.ts'
import { filterIncidentRows, type IncidentRow, incidentRows } from '../src/register/incident/incident-rows.ts'
import {
  concludeIncident,
  escalateMissing,
  foundMissing,
  INCIDENT_ROW_STEPS,
  type IncidentContext,
  type IncidentStep,
  openIncidentStep,
  remedyIncident,
  reportIncident,
  reportMissing,
} from '../src/register/workflows/incident.ts'
import { startValues, workflowForm } from '../src/register/workflows/workflow-form.ts'
import { directoryOf, makeUser, type TestUser, UNIT, WORKDAY_10AM } from './fixtures.ts'
import { dryRunAs, registeredAs, signAs } from './signed-events.ts'

const officer = makeUser('officer1', ['officer'])
const leader = makeUser('leader1', ['leader'])
const CTX: FoldContext = {
  unit: UNIT,
  directory: directoryOf(officer, leader),
  calendar: DEFAULT_CALENDAR,
  policy: DEFAULT_UNIT_POLICY,
}
const MIN = 60_000
const HOUR = 3_600_000
const DAY = 24 * HOUR
const T0 = WORKDAY_10AM

function contextOf(
  events: readonly EventEnvelope[],
  user: TestUser,
  now: number,
  rowId: string | null = null,
): IncidentContext {
  const state = foldUnitRegister(events, CTX)
  const base = {
    state,
    directory: CTX.directory,
    userId: user.id,
    isOfficer: user.entry.roles.includes('officer'),
    isLeader: user.entry.roles.includes('leader'),
    now,
  }
  const row = rowId === null ? null : (incidentRows(state, now).find((r) => r.id === rowId) ?? null)
  return incidentPage.context(base, row)
}

function formOf(step: IncidentStep, ctx: IncidentContext, user: TestUser, now: number, typed: FormValues) {
  return workflowForm(
    step,
    ctx,
    { ...startValues(step, ctx), ...typed },
    dryRunAs(ctx.state, CTX, user, step.type, now),
    'zh-CN',
  )
}

/** Fills a step as `user` would, checks the domain takes it, and signs what it builds. */
function take(
  events: readonly EventEnvelope[],
  step: IncidentStep,
  user: TestUser,
  now: number,
  typed: FormValues = {},
  rowId: string | null = null,
): EventEnvelope {
  const ctx = contextOf(events, user, now, rowId)
  expect(step.available(ctx)).toBe(true)
  const form = formOf(step, ctx, user, now, typed)
  expect(form.fieldErrors).toEqual({})
  expect(form.refusal).toBeNull()
  return signAs(user, step.type, form.payload, now)
}

function rowOf(events: readonly EventEnvelope[], id: string, now: number): IncidentRow | undefined {
  const state = foldUnitRegister(events, CTX)
  expect(state.refused).toEqual([])
  return incidentRows(state, now).find((r) => r.id === id)
}

const offered = (events: readonly EventEnvelope[], user: TestUser, now: number, id: string) => {
  const ctx = contextOf(events, user, now, id)
  return INCIDENT_ROW_STEPS.filter((s) => s.available(ctx)).map((s) => s.id)
}

const registered = (serial: string, ids: readonly string[], level: string, atMs: number) =>
  registeredAs(officer, serial, ids, atMs, level)

const carriers = [
  registered('2026-0001', ['c1', 'c2'], 'secret', T0 - HOUR),
  registered('2026-0002', ['c3'], 'top_secret', T0 - HOUR),
]

/** An inventory (C-13) that could not find c1 (机密) nor c3 (绝密). */
const inventoryGap = [
  ...carriers,
  signAs(officer, 'custody.inventory_opened', { inventoryId: 'q1' }, T0),
  signAs(officer, 'custody.inventory_confirmed', { inventoryId: 'q1', carrierIds: ['c2'] }, T0 + MIN),
  signAs(officer, 'custody.inventory_missing', { inventoryId: 'q1', carrierId: 'c1' }, T0 + 2 * MIN),
  signAs(officer, 'custody.inventory_missing', { inventoryId: 'q1', carrierId: 'c3' }, T0 + 3 * MIN),
  signAs(officer, 'custody.inventory_closed', { inventoryId: 'q1' }, T0 + 4 * MIN),
]

const todo = (state: RegisterState, now: number) =>
  agendaGroups(state, now, { userId: 'officer1', roles: ['officer'] })

describe('the incident register through its configured steps (rules X-01, X-02)', () => {
  it('X-01: opened with the next number, it owes the report within 24 hours; remedied, reported, concluded', () => {
    const opened = take(carriers, openIncidentStep, officer, T0 + 30 * MIN, {
      kind: 'suspected_leak',
      discoveredAt: T0,
      carrierRefs: ['c1', '2026-外-7'],
    })
    expect(opened.payload).toEqual({
      incidentId: 'SJ-2026-001',
      kind: 'suspected_leak',
      discoveredAt: T0,
      carrierRefs: ['c1', '2026-外-7'],
    })
    const events = [...carriers, opened]
    expect(rowOf(events, 'SJ-2026-001', T0 + HOUR)).toMatchObject({
      category: 'suspected_leak',
      level: 'secret',
      carriers: ['2026-0001 第 1 份', '2026-外-7'],
      state: 'open',
      open: true,
      overdue: false,
      next: { rule: 'X-01', kind: 'report_to_bureau', dueAt: T0 + DAY },
    })
    // the next one takes the next number
    expect(
      formOf(openIncidentStep, contextOf(events, leader, T0 + HOUR), leader, T0 + HOUR, {}).payload,
    ).toMatchObject({ incidentId: 'SJ-2026-002' })

    // the written result before the report to the bureau is refused with the rule's message
    const early = formOf(
      concludeIncident,
      contextOf(events, officer, T0 + HOUR, 'SJ-2026-001'),
      officer,
      T0 + HOUR,
      {
        resultRef: '县保查〔2026〕1号',
        note: '已查明经过',
      },
    )
    expect(early.refusal?.code).toBe('X-01')
    expect(early.refusal?.message.zh).toContain('须先报告保密局，再报书面查处结果')

    events.push(
      take(events, remedyIncident, officer, T0 + HOUR, { note: '已收回全部复印件并封存' }, 'SJ-2026-001'),
    )
    // a leader may take the steps too (events.ts: officer or leader)
    events.push(
      take(events, reportIncident, leader, T0 + 2 * HOUR, { reportRef: '镇保报〔2026〕1号' }, 'SJ-2026-001'),
    )
    expect(offered(events, officer, T0 + 3 * HOUR, 'SJ-2026-001')).toEqual([
      'incident-remedy',
      'incident-conclude',
    ])
    const reported = rowOf(events, 'SJ-2026-001', T0 + 3 * HOUR)
    expect(reported).toMatchObject({ state: 'reported', late: [], next: { kind: 'written_result' } })
    // three calendar months, to the end of that day (policy.ts endOfDayMonthsLater)
    expect(new Date((reported?.next?.dueAt ?? 0) + 1).toISOString()).toBe('2026-06-04T16:00:00.000Z')
    expect(reported?.incident?.remedies).toHaveLength(1)

    events.push(
      take(
        events,
        concludeIncident,
        officer,
        T0 + 20 * DAY,
        { resultRef: '县保查〔2026〕1号', note: '未造成泄密，已批评教育' },
        'SJ-2026-001',
      ),
    )
    expect(rowOf(events, 'SJ-2026-001', T0 + 21 * DAY)).toMatchObject({
      state: 'concluded',
      open: false,
      next: null,
    })
    expect(offered(events, officer, T0 + 21 * DAY, 'SJ-2026-001')).toEqual([])
  })

  it('X-01: past 24 hours the report is overdue on the row, in 只看逾期 and in the 待办, which opens the row', () => {
    const events = [
      ...carriers,
      take(carriers, openIncidentStep, officer, T0, {
        kind: 'loss',
        discoveredAt: T0 - HOUR,
        carrierRefs: [],
      }),
    ]
    const state = foldUnitRegister(events, CTX)
    expect(filterIncidentRows(incidentRows(state, T0 + 22 * HOUR), { overdueOnly: true })).toEqual([])
    const late = filterIncidentRows(incidentRows(state, T0 + 24 * HOUR), { overdueOnly: true })
    expect(late.map((r) => [r.id, r.next?.kind])).toEqual([['SJ-2026-001', 'report_to_bureau']])
    expect(filterIncidentRows(incidentRows(state, T0), { keyword: 'sj-2026' })).toHaveLength(1)
    expect(filterIncidentRows(incidentRows(state, T0), { category: 'missing' })).toHaveLength(0)
    expect(filterIncidentRows(incidentRows(state, T0), { status: 'closed' })).toHaveLength(0)

    const overdue = todo(state, T0 + 24 * HOUR).overdue.filter((r) => r.register === 'incident')
    expect(overdue.map((r) => [r.rule, r.subject, r.target])).toEqual([
      [
        'X-01',
        { kind: 'incident', ref: 'SJ-2026-001', itemRef: null },
        { name: 'incident', query: { q: 'SJ-2026-001' } },
      ],
    ])

    // reported late: accepted, and the row keeps the mark
    events.push(
      take(
        events,
        reportIncident,
        officer,
        T0 + 26 * HOUR,
        { reportRef: '镇保报〔2026〕2号' },
        'SJ-2026-001',
      ),
    )
    expect(rowOf(events, 'SJ-2026-001', T0 + 27 * HOUR)).toMatchObject({
      late: ['report_to_bureau'],
      overdue: false,
    })
  })

  it('X-01: a discovery later than the record is refused', () => {
    const form = formOf(openIncidentStep, contextOf(carriers, officer, T0), officer, T0, {
      kind: 'loss',
      discoveredAt: T0 + HOUR,
    })
    expect(form.refusal?.code).toBe('X-01')
    expect(form.refusal?.message.zh).toContain('发现时间晚于登记时间')
  })

  it('S-03: a note carrying a classification marking is refused beside the field', () => {
    const events = [
      ...carriers,
      take(carriers, openIncidentStep, officer, T0, { kind: 'loss', discoveredAt: T0 }),
    ]
    const form = formOf(
      remedyIncident,
      contextOf(events, officer, T0 + MIN, 'SJ-2026-001'),
      officer,
      T0 + MIN,
      {
        note: '机密★10年 关于某项工作的内容已收回',
      },
    )
    expect(form.refusal?.code).toBe('S-03')
    expect(form.ruleField).toBe('note')
  })

  it('X-02: a carrier an inventory could not find is reported missing from that gap; its days run from the inventory', () => {
    const state = foldUnitRegister(inventoryGap, CTX)
    const gapAt = [...state.registers.custody.anomalies.values()].find((a) => a.carrierId === 'c3')?.openedAt
    const ctx = contextOf(inventoryGap, officer, T0 + HOUR)
    const form = formOf(reportMissing, ctx, officer, T0 + HOUR, {})
    // not chosen yet: asked beside the fields, no refusal above them
    expect(Object.keys(form.fieldErrors)).toEqual(['carrierId', 'sourceRef'])
    expect(form.refusal).toBeNull()
    expect(form.fields[1]?.options.map((o) => [o.value, o.label.zh])).toEqual([
      ['q1', '清查盘点 2026-03-04 · 缺 2026-0001 第 1 份、2026-0002 第 1 份'],
    ])

    const missing = take(inventoryGap, reportMissing, officer, T0 + HOUR, {
      carrierId: 'c3',
      sourceRef: 'q1',
    })
    expect(missing.payload).toEqual({
      missingId: 'QS-2026-001',
      carrierId: 'c3',
      itemRef: '2026-0002 第 1 份',
      level: 'top_secret',
      source: 'reconciliation',
      sourceRef: 'q1',
      noticedAt: gapAt,
    })
    const events = [...inventoryGap, missing]
    // rule X-02: 绝密, 10 days from the inventory's find
    expect(rowOf(events, 'QS-2026-001', T0 + 2 * HOUR)).toMatchObject({
      category: 'missing',
      state: 'searching',
      level: 'top_secret',
      next: { rule: 'X-02', kind: 'leak', dueAt: (gapAt ?? 0) + 10 * DAY },
    })
    // the same carrier is not offered twice, and typed anyway it is refused
    const again = contextOf(events, officer, T0 + 2 * HOUR)
    expect(reportMissing.fields(again).carrierId?.options?.map((o) => o.value)).toEqual(['c1', 'c2'])
    expect(
      formOf(reportMissing, again, officer, T0 + 2 * HOUR, { carrierId: 'c3', sourceRef: 'q1' }).refusal
        ?.code,
    ).toBe('X-02')
    // due soon in the 待办 before it becomes a leak, opening the missing carrier's row
    const soon = todo(foldUnitRegister(events, CTX), (gapAt ?? 0) + 9 * DAY).dueSoon.filter(
      (r) => r.rule === 'X-02',
    )
    expect(soon.map((r) => [r.subject, r.target])).toEqual([
      [
        { kind: 'incident', ref: 'QS-2026-001', itemRef: '2026-0002 第 1 份' },
        { name: 'incident', query: { q: 'QS-2026-001' } },
      ],
    ])
  })

  it('X-02: only the officer reports a missing carrier or records it found', () => {
    const state = foldUnitRegister(inventoryGap, CTX)
    expect(reportMissing.available(contextOf(inventoryGap, leader, T0 + HOUR))).toBe(false)
    const typed = formOf(reportMissing, contextOf(inventoryGap, leader, T0 + HOUR), leader, T0 + HOUR, {
      carrierId: 'c1',
      sourceRef: 'q1',
    })
    expect(typed.refusal).not.toBeNull()
    expect(state.refused).toEqual([])
    const events = [
      ...inventoryGap,
      take(inventoryGap, reportMissing, officer, T0 + HOUR, { carrierId: 'c1', sourceRef: 'q1' }),
    ]
    expect(offered(events, leader, T0 + 2 * HOUR, 'QS-2026-001')).toEqual(['incident-escalate'])
    expect(offered(events, officer, T0 + 2 * HOUR, 'QS-2026-001')).toEqual([
      'incident-escalate',
      'incident-found',
    ])
  })

  it('X-02: still missing past its limit it is a leak whose 24 hours run from then; handled as an incident, the clock stays', () => {
    const missing = take(inventoryGap, reportMissing, officer, T0 + HOUR, {
      carrierId: 'c3',
      sourceRef: 'q1',
    })
    const events = [...inventoryGap, missing]
    const noticedAt = (missing.payload as { noticedAt: number }).noticedAt
    const leakAt = noticedAt + 10 * DAY
    expect(rowOf(events, 'QS-2026-001', leakAt + HOUR)).toMatchObject({
      state: 'leak',
      leakAt,
      overdue: false,
      next: { rule: 'X-01', kind: 'report_to_bureau', dueAt: leakAt + DAY },
    })
    // the domain's automatic incident (`missing:<id>`) is overdue in the 待办 and opens the missing row
    const overdue = todo(foldUnitRegister(events, CTX), leakAt + DAY + HOUR).overdue.filter(
      (r) => r.rule === 'X-01',
    )
    expect(overdue.map((r) => [r.subject, r.target])).toEqual([
      [
        { kind: 'incident', ref: 'QS-2026-001', itemRef: '2026-0002 第 1 份' },
        { name: 'incident', query: { q: 'QS-2026-001' } },
      ],
    ])

    const now = leakAt + DAY + 2 * HOUR
    const escalated = take(events, escalateMissing, officer, now, {}, 'QS-2026-001')
    expect(escalated.payload).toEqual({
      kind: 'loss',
      incidentId: 'SJ-2026-001',
      missingId: 'QS-2026-001',
      discoveredAt: leakAt,
      carrierRefs: ['c3'],
    })
    events.push(escalated)
    expect(rowOf(events, 'QS-2026-001', now)).toMatchObject({
      state: 'escalated',
      link: 'SJ-2026-001',
      next: null,
    })
    expect(rowOf(events, 'SJ-2026-001', now)).toMatchObject({
      level: 'top_secret',
      carriers: ['2026-0002 第 1 份'],
      overdue: true,
      next: { kind: 'report_to_bureau', dueAt: leakAt + DAY },
    })
    expect(offered(events, officer, now, 'QS-2026-001')).toEqual(['incident-found'])
  })

  it('X-02: found again, the missing carrier closes; an incident not yet reported closes as found', () => {
    const missing = take(inventoryGap, reportMissing, officer, T0 + HOUR, {
      carrierId: 'c1',
      sourceRef: 'q1',
    })
    const events = [...inventoryGap, missing]
    events.push(take(events, escalateMissing, officer, T0 + 2 * HOUR, { kind: 'loss' }, 'QS-2026-001'))
    // before its limit, the incident's clock starts when it is opened
    expect(rowOf(events, 'SJ-2026-001', T0 + 2 * HOUR)?.next).toMatchObject({
      kind: 'report_to_bureau',
      dueAt: T0 + 2 * HOUR + DAY,
    })
    events.push(
      take(events, foundMissing, officer, T0 + 3 * HOUR, { note: '在档案柜夹层中找到' }, 'QS-2026-001'),
    )
    expect(rowOf(events, 'QS-2026-001', T0 + 4 * HOUR)).toMatchObject({
      state: 'found',
      open: false,
      next: null,
    })
    expect(rowOf(events, 'SJ-2026-001', T0 + 4 * HOUR)).toMatchObject({
      state: 'closed_found',
      open: false,
      next: null,
    })
    expect(offered(events, officer, T0 + 4 * HOUR, 'QS-2026-001')).toEqual([])
    expect(offered(events, officer, T0 + 4 * HOUR, 'SJ-2026-001')).toEqual([])
  })
})
