import { describe, expect, it } from 'vitest'
import type { EventEnvelope } from '../../src/core/event-envelope.ts'
import { unitDueSoon, unitOpenAnomalies, unitOverdue } from '../../src/unit/agenda.ts'
import { device } from '../registers/device/device-fold.ts'
import { approval, issue, print } from '../registers/outgoing/outgoing-fixtures.ts'
import { local, signed } from '../support/fixtures.ts'
import {
  agendaContext,
  at,
  organisationPosts,
  registered,
  registered2,
  validHistory,
} from './unit-agenda-fixtures.ts'

/** The order of the unit agenda's lists, and the years its periodic queries are asked for. */

const ctx = agendaContext
const DAY = 86_400_000

describe('the unit agenda: order of items', () => {
  it('rules C-09, C-20: two duties of one subject due at the same instant are both listed, by rule', () => {
    // Print job `c1` left its material after hours (due by the end of the day); carrier c1 is to be
    // returned to its issuer by the same day: same register, subject and due time, two rules.
    const events = [
      registered,
      ...organisationPosts(at('08:05')),
      signed(
        'device.user_book_signed',
        { bookId: 'b1', user: 'staff-a' },
        { at: at('08:10'), actor: 'leader1' },
      ),
      signed('device.registered', device(), { at: at('08:11') }),
      signed('outgoing.approved', approval(), { at: at('09:00'), actor: 'leader1' }),
      signed('outgoing.issued', issue(), { at: at('09:01') }),
      signed('outgoing.printed', print({ printJobId: 'c1' }), { at: at('19:00') }),
      signed(
        'outgoing.return_scheduled',
        { carrierId: 'c1', returnBy: '2026-03-02', toUnit: '县委办公室', noticeRef: 'N-1' },
        { at: at('19:05') },
      ),
    ]
    const state = validHistory(events)
    const due = local('2026-03-03T00:00') - 1
    const outgoing = unitOverdue(state, local('2026-03-03T10:00'), ctx).filter(
      (i) => i.register === 'outgoing',
    )
    expect(outgoing).toEqual([
      { register: 'outgoing', rule: 'C-09', subject: 'c1', dueAt: due, since: due },
      { register: 'outgoing', rule: 'C-20', subject: 'c1', dueAt: due, since: due },
    ])
  })

  it('rule I-01: due soon asks next year too when the window reaches into it', () => {
    const empty = validHistory([])
    const soon = unitDueSoon(empty, local('2025-12-28T10:00'), 7 * DAY, ctx)
    expect(soon.filter((i) => i.rule === 'I-01').map((i) => [i.subject, i.dueAt])).toEqual([
      ['2025-Q4', local('2026-01-01T00:00')],
      ['2026-new_year', local('2026-01-01T00:00')],
    ])
  })
})

describe('the unit agenda: order of anomalies', () => {
  const missing = (missingId: string, level: 'top_secret' | 'secret', noticedAt: number) =>
    signed(
      'incident.carrier_missing',
      {
        missingId,
        carrierId: `c-${missingId}`,
        itemRef: `item-${missingId}`,
        level,
        source: 'inspection',
        sourceRef: 'chk1',
        noticedAt,
      },
      { at: at('11:00') },
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

  it('rule C-13: anomalies opened at the same instant sort by register, then by id', () => {
    // m2 becomes a leak sooner than m1 (the incident register lists it first); m3 was noticed earlier.
    const state = validHistory([
      registered,
      registered2,
      ...inventory,
      missing('m2', 'top_secret', at('10:03')),
      missing('m1', 'secret', at('10:03')),
      missing('m3', 'secret', at('09:30')),
    ])
    const gap = inventory[2] as EventEnvelope
    expect(unitOpenAnomalies(state).map((a) => [a.register, a.id, a.openedAt])).toEqual([
      ['incident', 'm3', at('09:30')],
      ['custody', `missing:${gap.id}`, at('10:03')],
      ['incident', 'm1', at('10:03')],
      ['incident', 'm2', at('10:03')],
    ])
  })

  it('rule M-02: a forbidden connection of a classified computer is an open device anomaly, by event id', () => {
    const reported = signed(
      'device.connection_reported',
      { deviceId: 'pc1', network: 'internet' },
      { at: at('09:00') },
    )
    const state = validHistory([
      ...organisationPosts(at('08:05')),
      signed(
        'device.user_book_signed',
        { bookId: 'b1', user: 'staff-a' },
        { at: at('08:10'), actor: 'leader1' },
      ),
      signed('device.registered', device(), { at: at('08:11') }),
      reported,
    ])
    expect(unitOpenAnomalies(state)).toEqual([
      { register: 'device', id: reported.id, kind: 'public_network_connection', openedAt: at('09:00') },
    ])
  })
})
