import { describe, expect, it } from 'vitest'
import type { Carrier } from '../../../src/core/carrier-record.ts'
import type { CustodyEventPayloads } from '../../../src/registers/custody/events.ts'
import { type CustodyPolicy, DEFAULT_CUSTODY_POLICY } from '../../../src/registers/custody/policy.ts'
import {
  custodyDueSoon,
  documentsUnderHandling,
  overdueCustody,
} from '../../../src/registers/custody/queries.ts'
import { custodySlice } from '../../../src/registers/custody/slice.ts'
import { local } from '../../support/fixtures.ts'
import {
  awayAs,
  codes,
  custodyBuilder,
  custodyContext,
  custodyWork,
  destroyed,
  foldCustody,
  heldBy,
  received,
} from './custody-fixtures.ts'

const MIN = 60_000
const HOUR = 60 * MIN
/** The last instant (23:59:59.999) of a local day. */
const endOfDay = (date: string) => local(`${date}T00:00`) + 24 * HOUR - 1

function slip(
  carrier: Carrier,
  receivedAt: number,
  overrides: Partial<CustodyEventPayloads['custody.routing_opened']> = {},
): CustodyEventPayloads['custody.routing_opened'] {
  return {
    routingId: `r-${carrier.id}`,
    carrierId: carrier.id,
    slipNumber: `S-${carrier.id}`,
    urgency: 'normal',
    receivedAt,
    ...overrides,
  }
}

/** Opens one routing for a document received at `receivedAt` and returns it. */
function routed(
  receivedOn: string,
  receivedAt: number,
  urgency: CustodyEventPayloads['custody.routing_opened']['urgency'] = 'normal',
  policy?: CustodyPolicy,
) {
  const c = received('c1', '2026-0001', receivedOn)
  const ev = custodyBuilder()
  const fold = foldCustody(
    [ev('custody.routing_opened', slip(c, receivedAt, { urgency }), receivedAt + MIN)],
    custodyContext({ carriers: [c] }),
    policy,
  )
  expect(codes(fold)).toEqual([])
  const r = fold.state.routings.get('r-c1')
  if (r === undefined) throw new Error('no routing')
  return { fold, r }
}

describe('custody: routing of received documents (rule C-19)', () => {
  it('rule C-19: to the office head by the end of the next working day; circulation within 5 working days', () => {
    const R = local('2026-03-02T10:00') // Monday
    const { fold, r } = routed('2026-03-02', R)
    expect(r).toMatchObject({
      presentDueAt: endOfDay('2026-03-03'),
      circulationDueAt: endOfDay('2026-03-09'),
    })
    expect(overdueCustody(fold.state, r.presentDueAt)).toEqual([])
    expect(overdueCustody(fold.state, r.presentDueAt + 1)).toEqual([
      {
        rule: 'C-19',
        kind: 'presentation',
        routingId: 'r-c1',
        carrierId: 'c1',
        serial: '2026-0001',
        slipNumber: 'S-c1',
        dueAt: r.presentDueAt,
        since: r.presentDueAt,
      },
    ])
  })

  it('rule C-19: a document received the day before National Day goes to the office head on 8 October', () => {
    const { r } = routed('2026-09-30', local('2026-09-30T15:00'))
    expect(r.presentDueAt).toBe(endOfDay('2026-10-08'))
    // 8, 9, 10 (调休上班 Saturday), 12, 13 October.
    expect(r.circulationDueAt).toBe(endOfDay('2026-10-13'))
  })

  it('rule C-19: before Qingming (Friday 3 April) the next working day is Tuesday 7 April; a 调休 Sunday counts', () => {
    expect(routed('2026-04-03', local('2026-04-03T16:00')).r.presentDueAt).toBe(endOfDay('2026-04-07'))
    expect(routed('2026-09-19', local('2026-09-19T11:00')).r.presentDueAt).toBe(endOfDay('2026-09-20'))
  })

  it('rule C-19: an urgent document goes to a leader within 2 hours; the office head does not meet it', () => {
    const R = local('2026-03-02T17:00')
    const c = received('c1', '2026-0001', '2026-03-02')
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c] })
    const events = [
      ev('custody.routing_opened', slip(c, R, { urgency: 'meeting_notice' }), R + MIN),
      ev('custody.routing_presented', { routingId: 'r-c1', to: 'classifier1' }, R + 10 * MIN),
    ]
    const atHead = foldCustody(events, ctx)
    const r = atHead.state.routings.get('r-c1')
    expect(r).toMatchObject({ presentDueAt: R + 2 * HOUR, presentedAt: null })
    expect(overdueCustody(atHead.state, R + 2 * HOUR)).toEqual([])
    expect(overdueCustody(atHead.state, R + 2 * HOUR + 1).map((o) => [o.kind, o.since])).toEqual([
      ['presentation', R + 2 * HOUR],
    ])
    const atLeader = foldCustody(
      [...events, ev('custody.routing_presented', { routingId: 'r-c1', to: 'leader1' }, R + 2 * HOUR)],
      ctx,
    )
    expect(atLeader.state.routings.get('r-c1')?.presentedAt).toBe(R + 2 * HOUR)
    expect(overdueCustody(atLeader.state, R + 3 * HOUR)).toEqual([])
  })

  it('rule C-19: policy — 7 calendar days of circulation (never before the presentation deadline), 30-minute urgency', () => {
    const policy: CustodyPolicy = {
      ...DEFAULT_CUSTODY_POLICY,
      circulation: { days: 7, unit: 'calendar' },
      urgentWithinMs: 30 * MIN,
    }
    expect(routed('2026-03-02', local('2026-03-02T10:00'), 'normal', policy).r.circulationDueAt).toBe(
      endOfDay('2026-03-09'),
    )
    // 30 Sept + 7 = 7 October, still the holiday: clamped to the presentation deadline of 8 October.
    expect(routed('2026-09-30', local('2026-09-30T10:00'), 'normal', policy).r.circulationDueAt).toBe(
      endOfDay('2026-10-08'),
    )
    const R = local('2026-03-02T10:00')
    expect(routed('2026-03-02', R, 'urgent', policy).r.presentDueAt).toBe(R + 30 * MIN)
  })

  it('rule C-19: refuses a slip for an unknown or produced carrier, a wrong receipt time, a second slip or number', () => {
    const R = local('2026-03-02T10:00')
    const c1 = received('c1', '2026-0001', '2026-03-02')
    const own = received('c2', '2026-0002', '2026-03-02', { direction: 'produced' })
    const c3 = received('c3', '2026-0003', '2026-03-02')
    const ev = custodyBuilder()
    const fold = foldCustody(
      [
        ev('custody.routing_opened', slip(c1, R, { carrierId: 'c9' }), R),
        ev('custody.routing_opened', slip(own, R), R),
        ev('custody.routing_opened', slip(c1, local('2026-03-01T10:00')), R),
        ev('custody.routing_opened', slip(c1, R + HOUR), R),
        ev('custody.routing_opened', slip(c1, R), R + MIN),
        ev('custody.routing_opened', slip(c1, R, { routingId: 'r-x', slipNumber: 'S-x' }), R + 2 * MIN),
        ev('custody.routing_opened', slip(c3, R, { slipNumber: 'S-c1' }), R + 3 * MIN),
        ev('custody.routing_opened', slip(c3, R, { routingId: 'r-c1', slipNumber: 'S-c3' }), R + 4 * MIN),
      ],
      custodyContext({ carriers: [c1, own, c3] }),
    )
    expect(codes(fold)).toEqual(['C-19', 'C-19', 'C-19', 'C-19', 'C-19', 'C-19', 'CUSTODY-EXISTS'])
    expect(fold.refused.map((r) => r.eventId)).toEqual([
      'e001',
      'e002',
      'e003',
      'e004',
      'e006',
      'e007',
      'e008',
    ])
    expect(fold.refused[2]?.error.details).toMatchObject({
      receivedOn: '2026-03-02',
      receivedDay: '2026-03-01',
    })
    expect(fold.refused[4]?.error.details).toEqual({ carrierId: 'c1', routingId: 'r-c1' })
    expect(fold.refused[0]?.error.message.zh).toContain('（规则 C-19）')
    expect([...fold.state.routings.keys()]).toEqual(['r-c1'])
  })

  it('rule C-19: a slip in a year the calendar does not cover is accepted, its deadlines in ordinary working days', () => {
    const c = received('c1', '2027-0001', '2027-03-01')
    const ev = custodyBuilder()
    const fold = foldCustody(
      [ev('custody.routing_opened', slip(c, local('2027-03-01T10:00')), local('2027-03-01T10:05'))],
      custodyContext({ carriers: [c] }),
    )
    expect(codes(fold)).toEqual([])
    expect(fold.state.routings.get('r-c1')).toMatchObject({
      presentDueAt: endOfDay('2027-03-02'),
      circulationDueAt: endOfDay('2027-03-08'),
    })
  })

  it("rules C-19, B-04: presented only to users of the unit holding the office head's or a leader's post", () => {
    const R = local('2026-03-02T10:00')
    const c = received('c1', '2026-0001', '2026-03-02')
    const ev = custodyBuilder()
    const fold = foldCustody(
      [
        ev('custody.routing_opened', slip(c, R), R),
        ev('custody.routing_presented', { routingId: 'r-c1', to: 'leader2' }, R + MIN),
        ev('custody.routing_presented', { routingId: 'r-c1', to: 'officer1' }, R + 2 * MIN),
        ev('custody.routing_presented', { routingId: 'r-9', to: 'leader1' }, R + 3 * MIN),
        ev('custody.routing_presented', { routingId: 'r-c1', to: 'classifier1' }, R + 4 * MIN),
        ev('custody.routing_presented', { routingId: 'r-c1', to: 'chief1' }, R + 5 * MIN),
      ],
      custodyContext({ carriers: [c] }),
    )
    expect(codes(fold)).toEqual(['C-19', 'C-19', 'C-19'])
    expect(fold.refused[1]?.error.details).toMatchObject({ approver: 'officer1', held: [] })
    // The post recorded is the one the organisation register gives the reader at the time.
    const r = fold.state.routings.get('r-c1')
    expect(r?.presentations.map((p) => [p.to, p.post])).toEqual([
      ['classifier1', 'office_head'],
      ['chief1', 'responsible_leader'],
    ])
    expect(r?.presentedAt).toBe(R + 4 * MIN)
  })

  it('rule C-19: the slip closes only after presentation and once the carrier is back (跟踪督办)', () => {
    const R = local('2026-03-02T10:00')
    const c = received('c1', '2026-0001', '2026-03-02')
    const ev = custodyBuilder()
    const open = ev('custody.routing_opened', slip(c, R), R)
    const early = ev('custody.routing_closed', { routingId: 'r-c1' }, R + MIN)
    const present = ev('custody.routing_presented', { routingId: 'r-c1', to: 'leader1' }, R + 2 * MIN)
    const close = ev('custody.routing_closed', { routingId: 'r-c1' }, R + 3 * MIN)
    const events = [open, early, present, close]
    const held = foldCustody(events, custodyContext({ carriers: [heldBy(c, 'leader1')] }))
    expect(codes(held)).toEqual(['C-19', 'C-19'])
    expect(held.refused[1]?.error.details).toEqual({ routingId: 'r-c1', holders: ['leader1'] })
    expect(held.state.routings.get('r-c1')?.state).toBe('open')
    const borrowed = foldCustody(events, custodyContext({ carriers: [c], away: { c1: awayAs('C-06') } }))
    expect(borrowed.refused[1]?.error.details).toEqual({ routingId: 'r-c1', awayCode: 'C-06' })
    const back = foldCustody(events, custodyContext({ carriers: [c] }))
    expect(codes(back)).toEqual(['C-19'])
    expect(back.state.routings.get('r-c1')).toMatchObject({ state: 'closed', closedAt: R + 3 * MIN })
    // Destroyed or returned to the issuer (C-09) after the slip opened: done with, the slip may close.
    const work = custodyWork([open, present], custodyContext({ carriers: [c] }))
    expect(custodySlice.check(work, close, custodyContext({ carriers: [destroyed(c)] }))).toBeNull()
    expect(
      custodySlice.check(work, close, custodyContext({ carriers: [c], away: { c1: awayAs('C-09') } })),
    ).toBeNull()
    expect(
      custodySlice.check(work, close, custodyContext({ carriers: [c], away: { c1: awayAs('C-08') } }))?.code,
    ).toBe('C-19')
    const twice = foldCustody(
      [...events, ev('custody.routing_closed', { routingId: 'r-c1' }, R + 4 * MIN)],
      custodyContext({ carriers: [c] }),
    )
    expect(codes(twice)).toEqual(['C-19', 'CUSTODY-CLOSED'])
  })

  it('rule C-19: the follow-up list shows documents under handling with due times; due soon and late circulation', () => {
    const R = local('2026-03-02T10:00')
    const c1 = received('c1', '2026-0001', '2026-03-02')
    const c2 = received('c2', '2026-0002', '2026-03-02')
    const ev = custodyBuilder()
    const fold = foldCustody(
      [
        ev('custody.routing_opened', slip(c1, R), R),
        ev('custody.routing_opened', slip(c2, R + HOUR), R + HOUR),
        ev('custody.routing_presented', { routingId: 'r-c2', to: 'leader1' }, R + 2 * HOUR),
        ev('custody.routing_presented', { routingId: 'r-c1', to: 'leader1' }, R + 3 * HOUR),
        ev('custody.routing_closed', { routingId: 'r-c1' }, R + 4 * HOUR),
      ],
      custodyContext({ carriers: [c1, c2] }),
    )
    const circulationDue = endOfDay('2026-03-09')
    expect(custodyDueSoon(fold.state, circulationDue - HOUR, 2 * HOUR)).toEqual([
      {
        rule: 'C-19',
        kind: 'circulation',
        routingId: 'r-c2',
        carrierId: 'c2',
        serial: '2026-0002',
        slipNumber: 'S-c2',
        dueAt: circulationDue,
      },
    ])
    expect(custodyDueSoon(fold.state, circulationDue - 3 * HOUR, 2 * HOUR)).toEqual([])
    const list = documentsUnderHandling(fold.state, circulationDue + 1)
    expect(list.map((d) => [d.routingId, d.presentedAt, d.circulationDueAt])).toEqual([
      ['r-c2', R + 2 * HOUR, circulationDue],
    ])
    expect(list[0]?.overdue).toEqual([
      {
        rule: 'C-19',
        kind: 'circulation',
        routingId: 'r-c2',
        carrierId: 'c2',
        serial: '2026-0002',
        slipNumber: 'S-c2',
        dueAt: circulationDue,
        since: circulationDue,
      },
    ])
    expect(documentsUnderHandling(fold.state, circulationDue)[0]?.overdue).toEqual([])
  })
})
