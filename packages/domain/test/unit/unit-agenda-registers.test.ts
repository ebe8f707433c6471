import { describe, expect, it } from 'vitest'
import { localDay } from '../../src/core/work-calendar.ts'
import { escalationsDue } from '../../src/registers/classification/queries.ts'
import { type AgendaItem, unitDueSoon, unitOverdue } from '../../src/unit/agenda.ts'
import { determined, proposal } from '../registers/classification/classification-fold.ts'
import { local, signed } from '../support/fixtures.ts'
import { agendaContext, organisationPosts, signedForUnit, validHistory } from './unit-agenda-fixtures.ts'

/** The agenda adapters of the classification (D-02, D-04, D-06) and incident registers. */

const ctx = agendaContext
const HOUR = 3_600_000
const DAY = 24 * HOUR
const T = local('2026-03-02T09:00')
const of = (items: readonly AgendaItem[], register: AgendaItem['register'], rule: string) =>
  items.filter((i) => i.register === register && i.rule === rule)

describe('the unit agenda: classification (D-02, D-04, D-06)', () => {
  it('rule D-02: a proposal due exactly now is due soon, not overdue; one ms later it is overdue', () => {
    const state = validHistory([signed('classification.proposed', proposal('i1'), { at: T })])
    const due = state.registers.classification.items.get('i1')?.pending?.dueAtMs ?? 0
    const item = { register: 'classification', rule: 'D-02', subject: 'i1', dueAt: due }
    expect(of(unitDueSoon(state, due, 0, ctx), 'classification', 'D-02')).toEqual([{ ...item, since: null }])
    expect(of(unitOverdue(state, due, ctx), 'classification', 'D-02')).toEqual([])
    expect(of(unitOverdue(state, due + 1, ctx), 'classification', 'D-02')).toEqual([{ ...item, since: due }])
    expect(of(unitDueSoon(state, due + 1, DAY, ctx), 'classification', 'D-02')).toEqual([])
  })

  it('rule D-04: an escalation awaits the reply for ten working days, then is overdue, by item id', () => {
    const state = validHistory([
      signed('classification.proposed', proposal('i2'), { at: T }),
      signed('classification.escalated', { itemId: 'i2', authority: '县保密局' }, { at: T + HOUR }),
    ])
    const [escalation] = escalationsDue(state.registers.classification, T, ctx.calendar)
    const due = escalation?.due.ok ? escalation.due.value : 0
    expect(localDay(due, ctx.calendar).date).toBe('2026-03-16')
    const item = { register: 'classification', rule: 'D-04', subject: 'i2', dueAt: due }
    expect(of(unitDueSoon(state, due - DAY, DAY, ctx), 'classification', 'D-04')).toEqual([
      { ...item, since: null },
    ])
    expect(of(unitOverdue(state, due, ctx), 'classification', 'D-04')).toEqual([])
    expect(of(unitOverdue(state, due + 1, ctx), 'classification', 'D-04')).toEqual([{ ...item, since: due }])
  })

  it('rule D-06: a periodic review falls due a year after the determination: overdue from that instant', () => {
    const t = local('2025-03-03T09:00')
    const state = validHistory([...organisationPosts(t - 2 * HOUR), ...signedForUnit(determined('i3', t))])
    const overdue = (now: number) => of(unitOverdue(state, now, ctx), 'classification', 'D-06')
    const soon = (now: number, within: number) =>
      of(unitDueSoon(state, now, within, ctx), 'classification', 'D-06')
    const [first] = soon(local('2026-02-20T09:00'), 30 * DAY)
    const due = first?.dueAt ?? 0
    expect(first).toEqual({
      register: 'classification',
      rule: 'D-06',
      subject: 'i3',
      dueAt: due,
      since: null,
    })
    expect(localDay(due, ctx.calendar).year).toBe(2026)
    expect(soon(due - 1, 1)).toEqual([first])
    expect(overdue(due - 1)).toEqual([])
    expect(soon(due, DAY)).toEqual([])
    expect(overdue(due)).toEqual([{ ...first, since: due }])
  })
})

describe('the unit agenda: incidents (X-01, X-02)', () => {
  const opened = signed(
    'incident.opened',
    { incidentId: 'inc1', kind: 'loss', discoveredAt: T, carrierRefs: ['2026-0001'] },
    { at: T + 10 * 60_000 },
  )

  it('rule X-01: a deadline met is no longer due soon', () => {
    const x01 = (state: ReturnType<typeof validHistory>) =>
      of(unitDueSoon(state, T + HOUR, 2 * DAY, ctx), 'incident', 'X-01').map((i) => [i.subject, i.dueAt])
    expect(x01(validHistory([opened]))).toEqual([['inc1', T + DAY]])
    const reported = signed(
      'incident.reported_to_bureau',
      { incidentId: 'inc1', reportRef: '报〔2026〕1号' },
      { at: T + 2 * HOUR },
    )
    expect(x01(validHistory([opened, reported]))).toEqual([])
  })

  it('rule X-02: a missing carrier about to be a leak is due soon until its limit, not once an incident covers it', () => {
    const missing = signed(
      'incident.carrier_missing',
      {
        missingId: 'm1',
        carrierId: 'c9',
        itemRef: '2026-0009',
        level: 'secret',
        source: 'inspection',
        sourceRef: 'chk1',
        noticedAt: T,
      },
      { at: T },
    )
    const leak = T + 60 * DAY
    const state = validHistory([missing])
    const x02 = (s: ReturnType<typeof validHistory>, now: number) =>
      of(unitDueSoon(s, now, DAY, ctx), 'incident', 'X-02')
    expect(x02(state, leak - 1)).toEqual([
      { register: 'incident', rule: 'X-02', subject: 'm1', dueAt: leak, since: null },
    ])
    // At its limit it is treated as a leak: an automatic incident, no longer a missing item due soon.
    expect(x02(state, leak)).toEqual([])
    const covered = validHistory([
      missing,
      signed(
        'incident.opened',
        { incidentId: 'inc2', kind: 'loss', discoveredAt: T, carrierRefs: ['2026-0009'], missingId: 'm1' },
        { at: T + HOUR },
      ),
    ])
    expect(x02(covered, leak - 1)).toEqual([])
  })
})
