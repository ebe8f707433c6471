import { describe, expect, it } from 'vitest'
import type { EventEnvelope } from '../../src/core/event-envelope.ts'
import { type AgendaItem, unitDueSoon, unitOpenAnomalies, unitOverdue } from '../../src/unit/agenda.ts'
import { proposal } from '../registers/classification/classification-fold.ts'
import { device } from '../registers/device/device-fold.ts'
import { finding, inspection } from '../registers/inspection/inspection-fold.ts'
import { DAY, HOUR, loan, MIN, START } from '../registers/movement/movement-fixtures.ts'
import { approval, issue } from '../registers/outgoing/outgoing-fixtures.ts'
import { session, registered as staff } from '../registers/personnel/personnel-fold.ts'
import { receipt } from '../registers/telegram/telegram-fold.ts'
import { fold, local, registration, signed, T } from '../support/fixtures.ts'
import {
  agendaContext,
  at,
  organisationPosts,
  registered,
  registered2,
  validHistory,
} from './unit-agenda-fixtures.ts'

/**
 * The officer's agenda (待办) across every register, over histories of signed events folded by the
 * unit fold: overdue (since the due time), due soon (not yet overdue), open anomalies; identifiers only.
 */

const ctx = agendaContext

const of = (items: readonly AgendaItem[], register: AgendaItem['register']) =>
  items.filter((i) => i.register === register)

/** A fold that must not refuse anything nor raise an alert: the histories below are all valid. */
function valid(events: readonly EventEnvelope[]) {
  const state = validHistory(events)
  expect(state.alerts).toEqual([])
  return state
}

const handOut = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: T.morning })

/** Deadlines of the classification, device, incident and publication registers, from 09:00. */
const found = at('09:00')
const otherRegisters = [
  ...organisationPosts(at('08:30')),
  signed('classification.proposed', proposal('i1'), { at: found }),
  signed('device.user_book_signed', { bookId: 'b1', user: 'staff-a' }, { at: found + MIN, actor: 'leader1' }),
  signed('device.registered', device(), { at: found + 2 * MIN }),
  signed(
    'incident.opened',
    { incidentId: 'inc1', kind: 'loss', discoveredAt: found, carrierRefs: ['2026-0001'] },
    { at: found + 3 * MIN },
  ),
  signed(
    'incident.carrier_missing',
    {
      missingId: 'm1',
      carrierId: 'c9',
      itemRef: '2026-0009',
      level: 'secret',
      source: 'inspection',
      sourceRef: 'chk1',
      noticedAt: found,
    },
    { at: found + 4 * MIN },
  ),
  signed(
    'publication.leak_found',
    { incidentId: 'x1', foundAt: found, location: '镇政府门户网站', level: 'secret' },
    { at: found + 5 * MIN },
  ),
]
const person = signed('personnel.registered', staff('p1', 0, { startsOn: '2026-03-09' }).payload, {
  at: at('09:00'),
})

describe('the unit agenda: overdue', () => {
  it('rule C-05: a hand-out still out after closing time is overdue since its due time, until taken back', () => {
    const state = valid([registered, handOut])
    expect(of(unitOverdue(state, T.close, ctx), 'carrier')).toEqual([])
    expect(of(unitOverdue(state, T.evening, ctx), 'carrier')).toEqual([
      { register: 'carrier', rule: 'C-05', subject: 'c1', dueAt: T.close, since: T.close },
    ])
    const takenBack = signed(
      'carrier.taken_back',
      { carrierId: 'c1', handOutId: handOut.id },
      { at: T.evening },
    )
    const back = valid([registered, handOut, takenBack])
    expect(of(unitOverdue(back, T.evening + HOUR, ctx), 'carrier')).toEqual([])
    expect(of(unitDueSoon(back, T.morning, 12 * HOUR, ctx), 'carrier')).toEqual([])
  })

  it('rules E-01, E-03: a telegram not acknowledged within 15 minutes is overdue; its handling is due soon', () => {
    const received = signed('telegram.received', receipt({ receivedAt: at('09:00') }), { at: at('09:00') })
    const state = valid([received])
    expect(of(unitOverdue(state, at('09:20'), ctx), 'telegram')).toEqual([
      { register: 'telegram', rule: 'E-01', subject: 't1', dueAt: at('09:15'), since: at('09:15') },
    ])
    expect(of(unitDueSoon(state, at('09:20'), 3 * DAY, ctx), 'telegram')).toEqual([
      { register: 'telegram', rule: 'E-03', subject: 't1', dueAt: at('09:00') + 3 * DAY, since: null },
    ])
    const acknowledged = signed('telegram.acknowledged', { telegramId: 't1' }, { at: at('09:25') })
    expect(of(unitOverdue(valid([received, acknowledged]), at('09:30'), ctx), 'telegram')).toEqual([])
  })

  it('rule I-04: an inspection finding past its due date is overdue since the end of that day', () => {
    const dueAt = local('2026-04-01T00:00') - 1
    const state = valid([
      signed('inspection.recorded', inspection(), { at: at('10:00') }),
      signed('inspection.finding_recorded', finding({ responsible: 'leader1' }), { at: at('10:05') }),
    ])
    const findings = (items: AgendaItem[]) => of(items, 'inspection').filter((i) => i.rule === 'I-04')
    expect(findings(unitDueSoon(state, local('2026-03-30T09:00'), 2 * DAY, ctx))).toEqual([
      { register: 'inspection', rule: 'I-04', subject: 'f1', dueAt, since: null },
    ])
    expect(findings(unitOverdue(state, local('2026-03-31T23:00'), ctx))).toEqual([])
    expect(findings(unitOverdue(state, local('2026-04-02T09:00'), ctx))).toEqual([
      { register: 'inspection', rule: 'I-04', subject: 'f1', dueAt, since: dueAt },
    ])
  })

  it('rules C-06, C-19: a loan past its due date and a routing slip not presented in time, by their ids', () => {
    const approved = signed(
      'movement.loan_out_approved',
      { carrierIds: ['c1'], borrower: '县农业农村局' },
      { at: START + MIN, actor: 'leader1' },
    )
    const loaned = signed('movement.loaned_out', loan({ approvalId: approved.id, dueAt: START + 7 * DAY }), {
      at: START + 2 * MIN,
    })
    const routed = signed(
      'custody.routing_opened',
      { routingId: 'r1', carrierId: 'c2', slipNumber: 'S-1', urgency: 'normal', receivedAt: at('08:30') },
      { at: START + 3 * MIN },
    )
    const state = valid([...organisationPosts(START), registered, registered2, approved, loaned, routed])
    const presentDueAt = local('2026-03-04T00:00') - 1
    const circulationDueAt = local('2026-03-10T00:00') - 1
    const overdue = unitOverdue(state, START + 8 * DAY, ctx)
    expect(overdue.filter((i) => i.register === 'movement' || i.register === 'custody')).toEqual([
      { register: 'custody', rule: 'C-19', subject: 'r1', dueAt: presentDueAt, since: presentDueAt },
      { register: 'movement', rule: 'C-06', subject: 'L1', dueAt: START + 7 * DAY, since: START + 7 * DAY },
      { register: 'custody', rule: 'C-19', subject: 'r1', dueAt: circulationDueAt, since: circulationDueAt },
    ])
    const returned = signed(
      'movement.loan_returned',
      { loanId: 'L1', returnedIds: ['c1'], damagedIds: [] },
      { at: START + 9 * DAY },
    )
    const back = valid([
      ...organisationPosts(START),
      registered,
      registered2,
      approved,
      loaned,
      routed,
      returned,
    ])
    expect(of(unitOverdue(back, START + 9 * DAY + 1, ctx), 'movement')).toEqual([])
  })
  it('rules D-02, M-06, X-01, X-02, R-06: proposals, software checks, incidents and published leaks', () => {
    const state = valid(otherRegisters)
    const registers = ['classification', 'device', 'incident', 'publication']
    const now = found + 25 * HOUR
    const mine = (items: AgendaItem[]) => items.filter((i) => registers.includes(i.register))
    expect(mine(unitOverdue(state, now, ctx))).toEqual([
      { register: 'publication', rule: 'R-06', subject: 'x1', dueAt: found + HOUR, since: found + HOUR },
      { register: 'incident', rule: 'X-01', subject: 'inc1', dueAt: found + DAY, since: found + DAY },
      { register: 'publication', rule: 'R-06', subject: 'x1', dueAt: found + DAY, since: found + DAY },
    ])
    const proposalDue = state.registers.classification.items.get('i1')?.pending?.dueAtMs ?? 0
    expect(mine(unitDueSoon(state, now, 92 * DAY, ctx))).toEqual([
      { register: 'classification', rule: 'D-02', subject: 'i1', dueAt: proposalDue, since: null },
      { register: 'incident', rule: 'X-02', subject: 'm1', dueAt: found + 60 * DAY, since: null },
      { register: 'device', rule: 'M-06', subject: 'pc1', dueAt: found + 2 * MIN + 90 * DAY, since: null },
      {
        register: 'incident',
        rule: 'X-01',
        subject: 'inc1',
        dueAt: local('2026-06-03T00:00') - 1,
        since: null,
      },
    ])
    expect(proposalDue).toBeGreaterThan(now)
    expect(mine(unitOverdue(state, proposalDue + 1, ctx)).map((i) => [i.rule, i.subject])).toContainEqual([
      'D-02',
      'i1',
    ])
    expect(unitOpenAnomalies(state)).toEqual([
      { register: 'incident', id: 'm1', kind: 'missing', openedAt: found },
    ])
  })

  it('rules T-01, T-02: a new member of staff untaught before the first day, then taught', () => {
    const firstDay = local('2026-03-09T00:00')
    const untaught = valid([person])
    const personnel = (items: AgendaItem[]) => of(items, 'personnel').filter((i) => i.rule !== 'T-03')
    expect(personnel(unitDueSoon(untaught, at('10:00'), 7 * DAY, ctx))).toEqual([
      { register: 'personnel', rule: 'T-02', subject: 'p1', dueAt: firstDay, since: null },
    ])
    expect(personnel(unitOverdue(untaught, local('2026-03-10T09:00'), ctx))).toEqual([
      { register: 'personnel', rule: 'T-02', subject: 'p1', dueAt: firstDay, since: firstDay },
    ])
    const yearEnd = local('2027-01-01T00:00')
    expect(personnel(unitDueSoon(untaught, local('2026-12-20T09:00'), 30 * DAY, ctx))).toEqual([
      { register: 'personnel', rule: 'T-01', subject: 'p1', dueAt: yearEnd, since: null },
    ])
    expect(personnel(unitOverdue(untaught, local('2027-01-05T09:00'), ctx))).toEqual([
      { register: 'personnel', rule: 'T-02', subject: 'p1', dueAt: firstDay, since: firstDay },
      { register: 'personnel', rule: 'T-01', subject: 'p1', dueAt: yearEnd, since: yearEnd },
    ])
    const taught = valid([
      person,
      signed('training.session_recorded', session('s1', '2026-03-05', 0, [{ personId: 'p1' }]).payload, {
        at: local('2026-03-05T16:00'),
      }),
    ])
    expect(personnel(unitOverdue(taught, local('2027-01-05T09:00'), ctx))).toEqual([])
    expect(personnel(unitDueSoon(taught, local('2026-12-20T09:00'), 30 * DAY, ctx))).toEqual([])
  })
})

describe('the unit agenda: periodic duties', () => {
  it('rules I-01, T-03, B-04: an empty unit’s periodic duties are overdue in the year they fell due, due soon before', () => {
    const empty = fold([], ctx)
    const newYear = local('2026-01-01T00:00')
    const planDue = local('2026-02-01T00:00') - 1
    const festival = local('2026-02-15T00:00')
    expect(unitOverdue(empty, at('10:00'), ctx)).toEqual([
      { register: 'inspection', rule: 'I-01', subject: '2025-Q4', dueAt: newYear, since: newYear },
      { register: 'inspection', rule: 'I-01', subject: '2026-new_year', dueAt: newYear, since: newYear },
      { register: 'personnel', rule: 'T-03', subject: '2026', dueAt: planDue, since: planDue },
      {
        register: 'inspection',
        rule: 'I-01',
        subject: '2026-spring_festival',
        dueAt: festival,
        since: festival,
      },
    ])
    const endOfMarch = local('2026-04-01T00:00') - 1
    expect(unitDueSoon(empty, at('10:00'), 30 * DAY, ctx)).toEqual([
      {
        register: 'responsibility',
        rule: 'B-04',
        subject: 'meeting:2026-01-01',
        dueAt: endOfMarch,
        since: null,
      },
      { register: 'responsibility', rule: 'B-04', subject: 'plan:2026', dueAt: endOfMarch, since: null },
      { register: 'inspection', rule: 'I-01', subject: '2026-Q1', dueAt: endOfMarch + 1, since: null },
    ])
    // 2027 is not in the calendar: its holiday checks are left out (CAL-YEAR), not thrown; 2026's gaps
    // fell due last year and drop off, but the last quarter fell due on 1 January.
    const nextYear = local('2027-01-01T00:00')
    expect(unitOverdue(empty, local('2027-01-05T10:00'), ctx)).toEqual([
      { register: 'inspection', rule: 'I-01', subject: '2026-Q4', dueAt: nextYear, since: nextYear },
    ])
  })
})

describe('the unit agenda: due soon', () => {
  it('rules C-05, C-06: due soon runs from nowMs to nowMs + withinMs inclusive; an overdue item is not due soon', () => {
    const approved = signed(
      'movement.loan_out_approved',
      { carrierIds: ['c2'], borrower: '县农业农村局' },
      { at: START + MIN, actor: 'leader1' },
    )
    const loaned = signed(
      'movement.loaned_out',
      loan({ carrierIds: ['c2'], approvalId: approved.id, dueAt: START + 7 * DAY }),
      { at: START + 2 * MIN },
    )
    const state = valid([...organisationPosts(START), registered, registered2, handOut, approved, loaned])
    const W = 2 * HOUR
    const soon = (now: number, register: AgendaItem['register']) =>
      of(unitDueSoon(state, now, W, ctx), register).map((i) => i.subject)
    const late = (now: number, register: AgendaItem['register']) =>
      of(unitOverdue(state, now, ctx), register).map((i) => i.subject)
    for (const [register, dueAt, subject] of [
      ['carrier', T.close, 'c1'],
      ['movement', START + 7 * DAY, 'L1'],
    ] as const) {
      expect(soon(dueAt - W - 1, register)).toEqual([])
      expect(soon(dueAt - W, register)).toEqual([subject])
      expect(soon(dueAt, register)).toEqual([subject])
      expect(late(dueAt, register)).toEqual([])
      expect(soon(dueAt + 1, register)).toEqual([])
      expect(late(dueAt + 1, register)).toEqual([subject])
    }
    expect(of(unitDueSoon(state, T.close - W, W, ctx), 'carrier')).toEqual([
      { register: 'carrier', rule: 'C-05', subject: 'c1', dueAt: T.close, since: null },
    ])
  })
})

const concurrent = signed(
  'carrier.handed_out',
  { carrierId: 'c1', reader: '陈' },
  { at: T.morning + 5, device: 'pc2' },
)
const inventory = [
  signed('custody.inventory_opened', { inventoryId: 'q1' }, { at: at('10:00') }),
  signed('custody.inventory_confirmed', { inventoryId: 'q1', carrierIds: ['c1'] }, { at: at('10:01') }),
  signed(
    'custody.inventory_missing',
    { inventoryId: 'q1', carrierId: 'c2', note: '柜中未见' },
    { at: at('10:02') },
  ),
  signed('custody.inventory_closed', { inventoryId: 'q1' }, { at: at('10:03') }),
]

describe('the unit agenda: open anomalies', () => {
  it('rules C-04, C-05, C-13: a concurrent hand-out and an inventory gap, oldest first, until resolved', () => {
    const history = [registered, registered2, handOut, concurrent, ...inventory]
    const missing = inventory[2] as EventEnvelope
    const state = valid(history)
    // Two readers hold c1 after the merge: one overdue item for the carrier, not two.
    expect(of(unitOverdue(state, T.evening, ctx), 'carrier')).toEqual([
      { register: 'carrier', rule: 'C-05', subject: 'c1', dueAt: T.close, since: T.close },
    ])
    expect(unitOpenAnomalies(state)).toEqual([
      {
        register: 'carrier',
        id: `concurrent_hand_out:${concurrent.id}`,
        kind: 'concurrent_hand_out',
        openedAt: T.morning + 5,
      },
      { register: 'custody', id: `missing:${missing.id}`, kind: 'missing', openedAt: at('10:03') },
    ])
    const resolved = signed(
      'anomaly.resolved',
      { anomalyId: `concurrent_hand_out:${concurrent.id}`, note: '已核实：陈某借阅为误录' },
      { at: at('11:00') },
    )
    expect(unitOpenAnomalies(valid([...history, resolved])).map((a) => a.register)).toEqual(['custody'])
  })
})

describe('the unit agenda: order and content', () => {
  it('rules C-05, E-01: items due at the same time sort by register then subject, whatever the event order', () => {
    const events = [
      registered,
      registered2,
      handOut,
      signed('carrier.handed_out', { carrierId: 'c2', reader: '陈' }, { at: at('09:10') }),
      signed('telegram.received', receipt({ receivedAt: at('17:15') }), { at: at('17:15') }),
    ]
    const forward = valid(events)
    const backward = valid([...events].reverse())
    const overdue = unitOverdue(forward, T.evening, ctx)
    expect(overdue.filter((i) => i.dueAt === T.close).map((i) => [i.register, i.rule, i.subject])).toEqual([
      ['carrier', 'C-05', 'c1'],
      ['carrier', 'C-05', 'c2'],
      ['telegram', 'E-01', 't1'],
    ])
    expect(unitOverdue(backward, T.evening, ctx)).toEqual(overdue)
    expect(unitDueSoon(backward, T.morning, 4 * DAY, ctx)).toEqual(
      unitDueSoon(forward, T.morning, 4 * DAY, ctx),
    )
    const key = (i: AgendaItem) => [i.dueAt, i.register, i.subject] as const
    for (let n = 1; n < overdue.length; n++) {
      const [a, b] = [key(overdue[n - 1] as AgendaItem), key(overdue[n] as AgendaItem)]
      expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2])))).toBe(true)
    }
  })

  it('rule S-04: items carry ids, rule IDs, register names and kinds only, never a title, name or note', () => {
    const approved = signed(
      'movement.loan_out_approved',
      { carrierIds: ['c3'], borrower: '县农业农村局' },
      { at: START + MIN, actor: 'leader1' },
    )
    const history = [
      registered,
      registered2,
      signed(
        'carrier.registered',
        registration({ serial: '2026-0003', title: '关于＊＊＊', copies: [{ id: 'c3', copyNumber: 1 }] }),
        { at: at('08:02') },
      ),
      handOut,
      concurrent,
      approved,
      signed('movement.loaned_out', loan({ carrierIds: ['c3'], approvalId: approved.id }), {
        at: START + 2 * MIN,
      }),
      signed('telegram.received', receipt({ receivedAt: at('09:00') }), { at: at('09:00') }),
      signed('inspection.recorded', inspection(), { at: at('09:30') }),
      signed('inspection.finding_recorded', finding({ responsible: 'leader1' }), { at: at('09:31') }),
      ...inventory,
      signed('outgoing.approved', approval(), { at: at('11:00'), actor: 'leader1' }),
      signed('outgoing.issued', issue(), { at: at('11:01') }),
      signed(
        'movement.loan_returned',
        { loanId: 'L1', returnedIds: [], damagedIds: [], note: '少一份，正在查找' },
        { at: START + 10 * DAY },
      ),
      ...otherRegisters,
      person,
    ]
    const state = valid(history)
    const now = START + 40 * DAY
    const items = [...unitOverdue(state, now, ctx), ...unitDueSoon(state, now, 400 * DAY, ctx)]
    const anomalies = unitOpenAnomalies(state)
    // Every register contributes to this history's agenda.
    expect(new Set([...items, ...anomalies].map((i) => i.register)).size).toBe(12)
    expect(new Set(anomalies.map((a) => a.register))).toEqual(
      new Set(['carrier', 'custody', 'movement', 'incident']),
    )
    const strings: [string, string][] = []
    const walk = (value: unknown, key: string) => {
      if (typeof value === 'string') strings.push([key, value])
      else if (typeof value === 'object' && value !== null)
        for (const [k, v] of Object.entries(value)) walk(v, Array.isArray(value) ? key : k)
    }
    walk([...items, ...anomalies], '')
    expect(strings.length).toBeGreaterThan(0)
    for (const [key, value] of strings) {
      expect(['register', 'rule', 'subject', 'kind', 'id']).toContain(key)
      expect(value).toMatch(/^[A-Za-z0-9_.:/-]+$/)
    }
    for (const o of [...items, ...anomalies])
      expect(Object.keys(o).sort()).toEqual(
        'dueAt' in o
          ? ['dueAt', 'register', 'rule', 'since', 'subject']
          : ['id', 'kind', 'openedAt', 'register'],
      )
  })
})
