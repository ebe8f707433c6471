import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import { DEFAULT_CUSTODY_POLICY } from '../../../src/registers/custody/policy.ts'
import { inventoryReminder, openCustodyAnomalies } from '../../../src/registers/custody/queries.ts'
import type { IncidentState } from '../../../src/registers/incident/state.ts'
import { local } from '../../support/fixtures.ts'
import {
  awayAs,
  codes,
  custodyBuilder,
  custodyContext,
  destroyed,
  foldCustody,
  heldBy,
  received,
  viewOf,
} from './custody-fixtures.ts'

const I = local('2026-03-16T09:00')
const MIN = 60_000
const c1 = received('c1', '2026-0001', '2026-01-05')
const c2 = received('c2', '2026-0002', '2026-01-06')
const c3 = received('c3', '2026-0003', '2026-01-07')

describe('custody: periodic inventory (rule C-13)', () => {
  it('rule C-13: every carrier in custody at opening confirmed → 帐物相符, no anomaly', () => {
    const ev = custodyBuilder()
    // c4 is destroyed and c5 borrowed out (C-06): neither is expected; c3 is with a reader, still expected.
    const ctx = custodyContext({
      carriers: [
        c1,
        c2,
        heldBy(c3, 'leader1'),
        destroyed(received('c4', '2026-0004', '2026-01-08')),
        received('c5', '2026-0005', '2026-01-09'),
      ],
      away: { c5: awayAs('C-06') },
    })
    const fold = foldCustody(
      [
        ev('custody.inventory_opened', { inventoryId: 'q1' }, I),
        ev('custody.inventory_confirmed', { inventoryId: 'q1', carrierIds: ['c1', 'c2'] }, I + MIN),
        ev('custody.inventory_confirmed', { inventoryId: 'q1', carrierIds: ['c3'] }, I + 2 * MIN),
        ev('custody.inventory_closed', { inventoryId: 'q1' }, I + 3 * MIN),
      ],
      ctx,
    )
    expect(codes(fold)).toEqual([])
    const inv = fold.state.inventories.get('q1')
    expect(inv).toMatchObject({
      expected: ['c1', 'c2', 'c3'],
      state: 'closed',
      closedAt: I + 3 * MIN,
      confirmed: ['c1', 'c2', 'c3'],
      missing: [],
      unconfirmed: [],
      matched: true,
    })
    expect(fold.state.openInventoryId).toBeNull()
    expect(fold.state.anomalies.size).toBe(0)
  })

  it('rule C-13: missing and unconfirmed carriers become anomalies with stable ids at closing', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c1, c2, c3] })
    const fold = foldCustody(
      [
        ev('custody.inventory_opened', { inventoryId: 'q1' }, I),
        ev('custody.inventory_confirmed', { inventoryId: 'q1', carrierIds: ['c1'] }, I + MIN),
        ev(
          'custody.inventory_missing',
          { inventoryId: 'q1', carrierId: 'c2', note: '柜中未见' },
          I + 2 * MIN,
        ),
        ev('custody.inventory_closed', { inventoryId: 'q1' }, I + 3 * MIN),
      ],
      ctx,
    )
    expect(codes(fold)).toEqual([])
    expect(fold.state.inventories.get('q1')).toMatchObject({
      confirmed: ['c1'],
      missing: ['c2'],
      unconfirmed: ['c3'],
      matched: false,
    })
    expect(openCustodyAnomalies(fold.state).map((a) => [a.id, a.kind, a.carrierId, a.serial])).toEqual([
      ['missing:e003', 'missing', 'c2', '2026-0002'],
      ['unconfirmed:e004:c3', 'unconfirmed', 'c3', '2026-0003'],
    ])
    expect(fold.state.anomalies.get('missing:e003')?.eventIds).toEqual(['e003', 'e004'])
  })

  it('rule C-13: a carrier reported missing and found before closing is no anomaly', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c1] })
    const fold = foldCustody(
      [
        ev('custody.inventory_opened', { inventoryId: 'q1' }, I),
        ev('custody.inventory_missing', { inventoryId: 'q1', carrierId: 'c1' }, I + MIN),
        ev('custody.inventory_confirmed', { inventoryId: 'q1', carrierIds: ['c1'] }, I + 2 * MIN),
        ev('custody.inventory_closed', { inventoryId: 'q1' }, I + 3 * MIN),
      ],
      ctx,
    )
    expect(codes(fold)).toEqual([])
    expect(fold.state.inventories.get('q1')?.matched).toBe(true)
    expect(fold.state.inventories.get('q1')?.marks.get('c1')).toMatchObject({
      status: 'confirmed',
      missingEventId: 'e002',
    })
  })

  it('rule C-13: a carrier archived during the inventory is accounted for, not an anomaly', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c1, c2] })
    const fold = foldCustody(
      [
        ev('custody.inventory_opened', { inventoryId: 'q1' }, I),
        ev('custody.inventory_confirmed', { inventoryId: 'q1', carrierIds: ['c1'] }, I + MIN),
        ev('custody.archived', { batchId: 'b1', archiveRef: 'A', carrierIds: ['c2'] }, I + 2 * MIN),
        ev('custody.inventory_closed', { inventoryId: 'q1' }, I + 3 * MIN),
      ],
      ctx,
    )
    expect(codes(fold)).toEqual([])
    expect(fold.state.inventories.get('q1')).toMatchObject({
      leftCustody: ['c2'],
      unconfirmed: [],
      matched: true,
    })
  })

  it('rule C-13: refuses a second open inventory, strays, double marks and closed or unknown inventories', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c1, c2, destroyed(c3)] })
    const fold = foldCustody(
      [
        ev('custody.inventory_opened', { inventoryId: 'q1' }, I),
        ev('custody.inventory_opened', { inventoryId: 'q2' }, I + MIN),
        ev('custody.inventory_confirmed', { inventoryId: 'q1', carrierIds: ['c1', 'c3'] }, I + 2 * MIN),
        ev('custody.inventory_confirmed', { inventoryId: 'q1', carrierIds: ['c1'] }, I + 3 * MIN),
        ev('custody.inventory_confirmed', { inventoryId: 'q1', carrierIds: ['c1'] }, I + 4 * MIN),
        ev('custody.inventory_missing', { inventoryId: 'q1', carrierId: 'c1' }, I + 5 * MIN),
        ev('custody.inventory_missing', { inventoryId: 'q1', carrierId: 'c2' }, I + 6 * MIN),
        ev('custody.inventory_missing', { inventoryId: 'q1', carrierId: 'c2' }, I + 7 * MIN),
        ev('custody.inventory_closed', { inventoryId: 'q9' }, I + 8 * MIN),
        ev('custody.inventory_closed', { inventoryId: 'q1' }, I + 9 * MIN),
        ev('custody.inventory_closed', { inventoryId: 'q1' }, I + 10 * MIN),
        ev('custody.inventory_opened', { inventoryId: 'q1' }, I + 11 * MIN),
        ev('custody.inventory_opened', { inventoryId: 'q2' }, I + 12 * MIN),
      ],
      ctx,
    )
    expect(codes(fold)).toEqual(['C-13', 'C-13', 'C-13', 'C-13', 'C-13', 'C-13', 'C-13', 'CUSTODY-EXISTS'])
    expect(fold.refused.map((r) => r.eventId)).toEqual([
      'e002',
      'e003',
      'e005',
      'e006',
      'e008',
      'e009',
      'e011',
      'e012',
    ])
    expect(fold.refused[0]?.error.details).toEqual({ openInventoryId: 'q1' })
    expect(fold.refused[1]?.error.details).toEqual({ inventoryId: 'q1', carrierIds: ['c3'] })
    expect(fold.refused[1]?.error.message.zh).toContain('（规则 C-13）')
    expect([...fold.state.inventories.keys()]).toEqual(['q1', 'q2'])
    expect(fold.state.openInventoryId).toBe('q2')
  })

  it('rule C-13: an anomaly is resolved once, as found or as an incident with its reference', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c1, c2] })
    const fold = foldCustody(
      [
        ev('custody.inventory_opened', { inventoryId: 'q1' }, I),
        ev('custody.inventory_missing', { inventoryId: 'q1', carrierId: 'c1' }, I + MIN),
        ev('custody.inventory_closed', { inventoryId: 'q1' }, I + 2 * MIN),
        ev(
          'custody.anomaly_resolved',
          { anomalyId: 'missing:e002', resolution: 'found', note: '在档案柜找到' },
          I + 3 * MIN,
        ),
        ev(
          'custody.anomaly_resolved',
          { anomalyId: 'missing:e002', resolution: 'found', note: '再次' },
          I + 4 * MIN,
        ),
        ev(
          'custody.anomaly_resolved',
          { anomalyId: 'unconfirmed:e003:c2', resolution: 'incident', note: '未找到' } as never,
          I + 5 * MIN,
        ),
        ev(
          'custody.anomaly_resolved',
          { anomalyId: 'unconfirmed:e003:c2', resolution: 'incident', incidentRef: 'x-1', note: '已报告' },
          I + 6 * MIN,
        ),
        ev('custody.anomaly_resolved', { anomalyId: 'nope', resolution: 'found', note: 'x' }, I + 7 * MIN),
      ],
      ctx,
    )
    expect(codes(fold)).toEqual(['C-13', 'MALFORMED', 'C-13'])
    expect(fold.state.anomalies.get('missing:e002')).toMatchObject({
      resolution: 'found',
      resolvedAt: I + 3 * MIN,
      note: '在档案柜找到',
    })
    expect(fold.state.anomalies.get('unconfirmed:e003:c2')).toMatchObject({
      resolution: 'incident',
      incidentRef: 'x-1',
      resolvedBy: 'officer1',
    })
    expect(openCustodyAnomalies(fold.state)).toEqual([])
  })

  it('rule C-13: with the incident register composed, the reference must be about the carrier (X-02)', () => {
    const incident: IncidentState = {
      incidents: new Map(),
      missing: new Map([
        ['mi-1', { carrierId: 'c1' } as never],
        ['mi-2', { carrierId: 'c2' } as never],
      ]),
    }
    const ctx = custodyContext({ carriers: [c1], registers: { incident } })
    const ev = custodyBuilder()
    const base = [
      ev('custody.inventory_opened', { inventoryId: 'q1' }, I),
      ev('custody.inventory_closed', { inventoryId: 'q1' }, I + MIN),
    ]
    const wrong = ev(
      'custody.anomaly_resolved',
      { anomalyId: 'unconfirmed:e002:c1', resolution: 'incident', incidentRef: 'mi-2', note: '报' },
      I + 2 * MIN,
    )
    const right = ev(
      'custody.anomaly_resolved',
      { anomalyId: 'unconfirmed:e002:c1', resolution: 'incident', incidentRef: 'mi-1', note: '报' },
      I + 3 * MIN,
    )
    const fold = foldCustody([...base, wrong, right], ctx)
    expect(codes(fold)).toEqual(['C-13'])
    expect(fold.refused[0]?.eventId).toBe(wrong.id)
    expect(fold.state.anomalies.get('unconfirmed:e002:c1')?.incidentRef).toBe('mi-1')
  })

  it('rule C-13: the reminder shows the next inventory due 3 months after the last closing (boundary), overdue since', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c1] })
    const fold = foldCustody(
      [
        ev('custody.inventory_opened', { inventoryId: 'q1' }, I),
        ev('custody.inventory_confirmed', { inventoryId: 'q1', carrierIds: ['c1'] }, I + MIN),
        ev('custody.inventory_closed', { inventoryId: 'q1' }, I + 2 * MIN),
        ev('custody.inventory_opened', { inventoryId: 'q2' }, I + 3 * MIN),
      ],
      ctx,
    )
    const due = local('2026-06-17T00:00') - 1
    const at = (now: number) => inventoryReminder(fold.state, now, DEFAULT_CALENDAR)
    expect(at(due)).toEqual({
      rule: 'C-13',
      lastInventoryId: 'q1',
      lastClosedAt: I + 2 * MIN,
      lastMatched: true,
      openInventoryId: 'q2',
      nextDueAt: due,
      overdue: false,
      since: null,
    })
    expect(at(due + 1)).toMatchObject({ overdue: true, since: due })
    const monthly = inventoryReminder(fold.state, due, DEFAULT_CALENDAR, {
      ...DEFAULT_CUSTODY_POLICY,
      inventoryIntervalMonths: 1,
    })
    expect(monthly).toMatchObject({ nextDueAt: local('2026-04-17T00:00') - 1, overdue: true })
  })

  it('rule C-13: before any inventory the interval runs from the first registered carrier', () => {
    const ctx = custodyContext({ carriers: [c2, c1] })
    const state = foldCustody([], ctx).state
    const due = local('2026-04-06T00:00') - 1
    expect(
      inventoryReminder(state, due + 1, DEFAULT_CALENDAR, DEFAULT_CUSTODY_POLICY, viewOf(ctx)),
    ).toMatchObject({
      lastInventoryId: null,
      nextDueAt: due,
      overdue: true,
      since: due,
    })
    expect(inventoryReminder(state, due + 1, DEFAULT_CALENDAR)).toMatchObject({
      nextDueAt: null,
      overdue: false,
    })
  })
})
