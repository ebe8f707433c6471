import { describe, expect, it } from 'vitest'
import type { Carrier } from '../../../src/core/carrier-record.ts'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import type { CustodyEventPayloads } from '../../../src/registers/custody/events.ts'
import {
  custodyDueSoon,
  documentsUnderHandling,
  overdueCustody,
} from '../../../src/registers/custody/queries.ts'
import { local } from '../../support/fixtures.ts'
import { codes, custodyBuilder, custodyContext, foldCustody, received } from './custody-fixtures.ts'

/** Order and window of the follow-up queries of rule C-19 (处理单, 跟踪督办). */

const MIN = 60_000
const HOUR = 60 * MIN
const endOfDay = (date: string) => local(`${date}T00:00`) + 24 * HOUR - 1
const R = local('2026-03-02T10:00') // Monday
const carriers = ['c1', 'c2', 'c3', 'c4'].map((id, i) => received(id, `2026-000${i + 1}`, '2026-03-02'))

function slip(
  c: Carrier,
  receivedAt: number,
  urgency: CustodyEventPayloads['custody.routing_opened']['urgency'] = 'normal',
): CustodyEventPayloads['custody.routing_opened'] {
  return { routingId: `r-${c.id}`, carrierId: c.id, slipNumber: `S-${c.id}`, urgency, receivedAt }
}

/**
 * Four slips opened in the reverse of their expected order: r-c4 (urgent, received last) first, then
 * r-c3, then r-c2 and r-c1, both received at R (a tie broken by the routing id).
 */
function fourSlips(extra: (ev: ReturnType<typeof custodyBuilder>) => SliceEvent[] = () => []) {
  const [c1, c2, c3, c4] = carriers as [Carrier, Carrier, Carrier, Carrier]
  const ev = custodyBuilder()
  const fold = foldCustody(
    [
      ev('custody.routing_opened', slip(c4, R + 30 * MIN, 'urgent'), R + 30 * MIN),
      ev('custody.routing_opened', slip(c3, R + 20 * MIN), R + 40 * MIN),
      ev('custody.routing_opened', slip(c2, R), R + 50 * MIN),
      ev('custody.routing_opened', slip(c1, R), R + 60 * MIN),
      ...extra(ev),
    ],
    custodyContext({ carriers }),
  )
  expect(codes(fold)).toEqual([])
  return fold.state
}

const urgentDue = R + 30 * MIN + 2 * HOUR
const presentDue = endOfDay('2026-03-03')
const circulationDue = endOfDay('2026-03-09')

describe('custody: follow-up queries of the routing slips (rule C-19)', () => {
  it('rule C-19: overdue deadlines are listed by due time, then by routing id', () => {
    const state = fourSlips()
    expect([...state.routings.keys()]).toEqual(['r-c4', 'r-c3', 'r-c2', 'r-c1'])
    expect(state.routings.get('r-c4')).toMatchObject({
      presentDueAt: urgentDue,
      circulationDueAt: circulationDue,
    })
    const overdue = overdueCustody(state, circulationDue + 1)
    expect(overdue.map((o) => [o.kind, o.routingId, o.dueAt])).toEqual([
      ['presentation', 'r-c4', urgentDue],
      ['presentation', 'r-c1', presentDue],
      ['presentation', 'r-c2', presentDue],
      ['presentation', 'r-c3', presentDue],
      ['circulation', 'r-c1', circulationDue],
      ['circulation', 'r-c2', circulationDue],
      ['circulation', 'r-c3', circulationDue],
      ['circulation', 'r-c4', circulationDue],
    ])
  })

  it('rule C-19: deadlines due soon are listed by due time, then by routing id', () => {
    const state = fourSlips()
    expect(custodyDueSoon(state, R + 60 * MIN, 10 * 24 * HOUR).map((d) => [d.kind, d.routingId])).toEqual([
      ['presentation', 'r-c4'],
      ['presentation', 'r-c1'],
      ['presentation', 'r-c2'],
      ['presentation', 'r-c3'],
      ['circulation', 'r-c1'],
      ['circulation', 'r-c2'],
      ['circulation', 'r-c3'],
      ['circulation', 'r-c4'],
    ])
  })

  it('rule C-19: due soon includes a deadline exactly at now and exactly at the end of the window', () => {
    const state = fourSlips()
    const urgent = (now: number, within: number) =>
      custodyDueSoon(state, now, within)
        .filter((d) => d.routingId === 'r-c4')
        .map((d) => [d.kind, d.dueAt])
    expect(urgent(urgentDue - HOUR, HOUR)).toEqual([['presentation', urgentDue]])
    expect(urgent(urgentDue - HOUR, HOUR - 1)).toEqual([])
    expect(urgent(urgentDue, HOUR)).toEqual([['presentation', urgentDue]])
    expect(urgent(urgentDue + 1, HOUR)).toEqual([])
    expect(custodyDueSoon(state, presentDue, 0).map((d) => d.routingId)).toEqual(['r-c1', 'r-c2', 'r-c3'])
  })

  it('rule C-19: a deadline already met is not due soon, even inside the window', () => {
    const state = fourSlips((ev) => [
      ev('custody.routing_presented', { routingId: 'r-c4', to: 'leader1' }, R + 90 * MIN),
      ev('custody.routing_presented', { routingId: 'r-c2', to: 'leader1' }, R + 91 * MIN),
    ])
    expect(custodyDueSoon(state, urgentDue - HOUR, HOUR)).toEqual([])
    expect(custodyDueSoon(state, presentDue - HOUR, HOUR).map((d) => [d.kind, d.routingId])).toEqual([
      ['presentation', 'r-c1'],
      ['presentation', 'r-c3'],
    ])
  })

  it('rule C-19: the follow-up list is ordered by receipt, then by routing id', () => {
    const state = fourSlips()
    const list = documentsUnderHandling(state, R + 2 * HOUR)
    expect(list.map((d) => [d.routingId, d.receivedAt, d.urgency])).toEqual([
      ['r-c1', R, 'normal'],
      ['r-c2', R, 'normal'],
      ['r-c3', R + 20 * MIN, 'normal'],
      ['r-c4', R + 30 * MIN, 'urgent'],
    ])
    expect(list.every((d) => d.overdue.length === 0)).toBe(true)
  })
})
