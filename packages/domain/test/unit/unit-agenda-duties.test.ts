import { describe, expect, it } from 'vitest'
import { type AgendaItem, unitDueSoon, unitOpenAnomalies, unitOverdue } from '../../src/unit/agenda.ts'
import { approval, issue } from '../registers/outgoing/outgoing-fixtures.ts'
import { local, signed } from '../support/fixtures.ts'
import { agendaContext, at, organisationPosts, registered, validHistory } from './unit-agenda-fixtures.ts'

/** The agenda's custody reminders (C-10, C-13) and outgoing duties (C-09, C-14), over the unit fold. */

const ctx = agendaContext
const DAY = 86_400_000
const of = (items: readonly AgendaItem[], register: AgendaItem['register']) =>
  items.filter((i) => i.register === register)

describe('the unit agenda: custody reminders (C-10, C-13)', () => {
  it('rule C-13: the first inventory falls due three months after the first registration, by its date', () => {
    const state = validHistory([registered])
    const due = local('2026-06-03T00:00') - 1
    const item = { register: 'custody', rule: 'C-13', subject: 'inventory:2026-06-02', dueAt: due }
    expect(of(unitDueSoon(state, due - 7 * DAY, 7 * DAY, ctx), 'custody')).toEqual([{ ...item, since: null }])
    expect(of(unitDueSoon(state, due - 7 * DAY, 7 * DAY - 1, ctx), 'custody')).toEqual([])
    // Due exactly now: still due soon, not yet overdue.
    expect(of(unitDueSoon(state, due, 0, ctx), 'custody')).toEqual([{ ...item, since: null }])
    expect(of(unitOverdue(state, due, ctx), 'custody')).toEqual([])
    expect(of(unitOverdue(state, due + 1, ctx), 'custody')).toEqual([{ ...item, since: due }])
    expect(of(unitDueSoon(state, due + 1, 7 * DAY, ctx), 'custody')).toEqual([])
  })

  it('rule C-13: a unit without carriers has no inventory to do yet', () => {
    const state = validHistory([])
    expect(of(unitDueSoon(state, at('10:00'), 400 * DAY, ctx), 'custody')).toEqual([])
    expect(of(unitOverdue(state, local('2027-06-01T10:00'), ctx), 'custody')).toEqual([])
  })

  it("rule C-10: a year's documents not archived are due by 31 March of the next year, by year", () => {
    const state = validHistory([registered])
    const due = local('2027-04-01T00:00') - 1
    const archiving = (items: AgendaItem[]) => of(items, 'custody').filter((i) => i.rule === 'C-10')
    expect(archiving(unitDueSoon(state, local('2026-12-31T10:00'), 120 * DAY, ctx))).toEqual([])
    expect(archiving(unitDueSoon(state, local('2027-01-05T10:00'), 120 * DAY, ctx))).toEqual([
      { register: 'custody', rule: 'C-10', subject: '2026', dueAt: due, since: null },
    ])
    expect(archiving(unitOverdue(state, due, ctx))).toEqual([])
    expect(archiving(unitOverdue(state, due + 1, ctx))).toEqual([
      { register: 'custody', rule: 'C-10', subject: '2026', dueAt: due, since: due },
    ])
  })
})

describe('the unit agenda: outgoing duties (C-09, C-14, C-20)', () => {
  const meeting = signed(
    'outgoing.meeting_handed_out',
    {
      meetingId: 'm1',
      endsAt: at('11:00'),
      attendees: ['leader1'],
      items: [{ carrierId: 'c1', attendee: 'leader1' }],
    },
    { at: at('09:00') },
  )
  const issued = [
    ...organisationPosts(at('08:30')),
    signed('outgoing.approved', approval(), { at: at('09:30'), actor: 'leader1' }),
    signed('outgoing.issued', issue(), { at: at('09:31') }),
  ]

  it('rule C-14: a meeting document not collected is due at the close of the day, then overdue, by meeting/carrier', () => {
    const state = validHistory([registered, meeting])
    const close = at('17:30')
    const item = { register: 'outgoing', rule: 'C-14', subject: 'm1/c1', dueAt: close }
    expect(of(unitDueSoon(state, at('12:00'), 6 * 3_600_000, ctx), 'outgoing')).toEqual([
      { ...item, since: null },
    ])
    expect(of(unitOverdue(state, close, ctx), 'outgoing')).toEqual([])
    expect(of(unitOverdue(state, close + 1, ctx), 'outgoing')).toEqual([{ ...item, since: close }])
  })

  it('rule C-09: a document of the year is reconciled and the result filed by 31 March of the next year', () => {
    const state = validHistory(issued)
    const due = local('2027-04-01T00:00') - 1
    expect(of(unitDueSoon(state, local('2027-03-30T10:00'), 2 * DAY, ctx), 'outgoing')).toEqual([
      { register: 'outgoing', rule: 'C-09', subject: '2026', dueAt: due, since: null },
      { register: 'outgoing', rule: 'C-09', subject: 'doc1', dueAt: due, since: null },
    ])
    expect(of(unitOverdue(state, due + 1, ctx), 'outgoing')).toEqual([
      { register: 'outgoing', rule: 'C-09', subject: '2026', dueAt: due, since: due },
      { register: 'outgoing', rule: 'C-09', subject: 'doc1', dueAt: due, since: due },
    ])
  })

  it('rule C-14: a carrier missing at collection is an open outgoing anomaly until resolved', () => {
    const collected = signed(
      'outgoing.meeting_collected',
      { meetingId: 'm1', collected: [], missing: ['c1'] },
      { at: at('11:00') },
    )
    const state = validHistory([registered, meeting, collected])
    const id = `meeting_missing:${collected.id}`
    expect(unitOpenAnomalies(state)).toEqual([
      { register: 'outgoing', id, kind: 'meeting_missing', openedAt: at('11:00') },
    ])
    const resolved = signed(
      'outgoing.anomaly_resolved',
      { anomalyId: id, outcome: 'found', note: '会场找到' },
      { at: at('12:00') },
    )
    expect(unitOpenAnomalies(validHistory([registered, meeting, collected, resolved]))).toEqual([])
  })
})
