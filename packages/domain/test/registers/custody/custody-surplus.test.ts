import { describe, expect, it } from 'vitest'
import type { CustodyEventPayloads as P } from '../../../src/registers/custody/events.ts'
import { closureStatus, openCustodyAnomalies } from '../../../src/registers/custody/queries.ts'
import { local } from '../../support/fixtures.ts'
import { codes, custodyBuilder, custodyContext, foldCustody, received, viewOf } from './custody-fixtures.ts'

/** Rule C-13, 物多帐少: an item found at the inventory that the register does not list. */

const I = local('2026-03-16T09:00')
const MIN = 60_000
const c1 = received('c1', '2026-0001', '2026-01-05')
/** The surplus item once registered: the same day, after it was found (10:00). */
const c9 = received('c9', '2026-0009', '2026-03-16')
const found: P['custody.inventory_surplus'] = {
  inventoryId: 'q1',
  surplusId: 's1',
  docNumber: '县委发〔2025〕9号',
  level: 'secret',
}

describe('custody: surplus items at the inventory (rule C-13, 物多帐少)', () => {
  it('rule C-13: a surplus item is an open item at once and breaks 帐物相符 of its inventory', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c1] })
    const fold = foldCustody(
      [
        ev('custody.inventory_opened', { inventoryId: 'q1' }, I),
        ev('custody.inventory_confirmed', { inventoryId: 'q1', carrierIds: ['c1'] }, I + MIN),
        ev('custody.inventory_surplus', found, I + 2 * MIN),
        ev('custody.inventory_closed', { inventoryId: 'q1' }, I + 3 * MIN),
      ],
      ctx,
    )
    expect(codes(fold)).toEqual([])
    expect(fold.state.inventories.get('q1')).toMatchObject({
      confirmed: ['c1'],
      missing: [],
      surplus: ['s1'],
      matched: false,
    })
    expect(openCustodyAnomalies(fold.state)).toEqual([
      {
        id: 'surplus:e003',
        kind: 'surplus',
        inventoryId: 'q1',
        carrierId: null,
        surplus: { surplusId: 's1', docNumber: '县委发〔2025〕9号', level: 'secret', note: null },
        serial: '',
        eventIds: ['e003'],
        openedAt: I + 2 * MIN,
        resolvedAt: null,
        resolution: null,
        incidentRef: null,
        note: null,
        resolvedBy: null,
      },
    ])
    // rule C-17: an open item keeps the unit from closing like any inventory gap.
    expect(closureStatus(fold.state, viewOf(ctx)).openAnomalies).toEqual(['surplus:e003'])
  })

  it('rule C-13: found only during an open inventory, under a surplus id used once', () => {
    const ev = custodyBuilder()
    const fold = foldCustody(
      [
        ev('custody.inventory_surplus', found, I - MIN),
        ev('custody.inventory_opened', { inventoryId: 'q1' }, I),
        ev('custody.inventory_surplus', found, I + MIN),
        ev('custody.inventory_surplus', { ...found, docNumber: '另一份' }, I + 2 * MIN),
        ev('custody.inventory_closed', { inventoryId: 'q1' }, I + 3 * MIN),
        ev('custody.inventory_surplus', { ...found, surplusId: 's2' }, I + 4 * MIN),
      ],
      custodyContext({ carriers: [c1] }),
    )
    expect(codes(fold)).toEqual(['C-13', 'CUSTODY-EXISTS', 'C-13'])
    expect(fold.refused.map((r) => r.eventId)).toEqual(['e001', 'e004', 'e006'])
    expect(fold.state.inventories.get('q1')?.surplus).toEqual(['s1'])
  })

  it('rules C-13, C-01: resolved by its registration after it was found, or explained; never as "found"', () => {
    const ev = custodyBuilder()
    const R = local('2026-03-16T11:00')
    const events = [
      ev('custody.inventory_opened', { inventoryId: 'q1' }, I),
      ev('custody.inventory_surplus', found, I + MIN),
      ev(
        'custody.inventory_surplus',
        { ...found, surplusId: 's2', docNumber: '县委发〔2025〕9号之二' },
        I + 2 * MIN,
      ),
    ]
    const resolve = (anomalyId: string, rest: object, at: number) =>
      ev(
        'custody.anomaly_resolved',
        { anomalyId, note: '已核实', ...rest } as P['custody.anomaly_resolved'],
        at,
      )
    const fold = foldCustody(
      [
        ...events,
        resolve('surplus:e002', { resolution: 'found' }, R),
        resolve('surplus:e002', { resolution: 'registered', carrierId: 'c8' }, R + MIN),
        resolve('surplus:e002', { resolution: 'registered', carrierId: 'c1' }, R + 2 * MIN),
        resolve('surplus:e002', { resolution: 'registered', carrierId: 'c9' }, R + 4 * MIN),
        resolve('surplus:e003', { resolution: 'registered', carrierId: 'c9' }, R + 5 * MIN),
        resolve('surplus:e003', { resolution: 'explained', note: '系邻镇误送，已退回' }, R + 6 * MIN),
      ],
      custodyContext({ carriers: [c1, c9] }),
    )
    expect(codes(fold)).toEqual(['C-13', 'C-13', 'C-13', 'C-13'])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { anomalyId: 'surplus:e002', kind: 'surplus', resolution: 'found' },
      { anomalyId: 'surplus:e002', carrierId: 'c8' },
      { anomalyId: 'surplus:e002', carrierId: 'c1' },
      { anomalyId: 'surplus:e003', carrierId: 'c9', registeredFor: 'surplus:e002' },
    ])
    expect(fold.refused[2]?.error.message.zh).toContain('载体 2026-0001 在清查发现多出物品之前已登记')
    expect(fold.state.anomalies.get('surplus:e002')).toMatchObject({
      resolution: 'registered',
      carrierId: 'c9',
    })
    expect(fold.state.anomalies.get('surplus:e003')).toMatchObject({
      resolution: 'explained',
      carrierId: null,
      note: '系邻镇误送，已退回',
    })
    expect(openCustodyAnomalies(fold.state)).toEqual([])
  })

  it('rule C-13: a missing or unconfirmed carrier is found or reported, never "registered" or "explained"', () => {
    const ev = custodyBuilder()
    const fold = foldCustody(
      [
        ev('custody.inventory_opened', { inventoryId: 'q1' }, I),
        ev('custody.inventory_closed', { inventoryId: 'q1' }, I + MIN),
        ev(
          'custody.anomaly_resolved',
          { anomalyId: 'unconfirmed:e002:c1', resolution: 'explained', note: '?' },
          I + 2 * MIN,
        ),
        ev(
          'custody.anomaly_resolved',
          { anomalyId: 'unconfirmed:e002:c1', resolution: 'registered', carrierId: 'c1', note: '?' },
          I + 3 * MIN,
        ),
        ev(
          'custody.anomaly_resolved',
          { anomalyId: 'unconfirmed:e002:c1', resolution: 'found', note: '在柜中' },
          I + 4 * MIN,
        ),
      ],
      custodyContext({ carriers: [c1] }),
    )
    expect(codes(fold)).toEqual(['C-13', 'C-13'])
    expect(fold.refused[0]?.error.details).toEqual({
      anomalyId: 'unconfirmed:e002:c1',
      kind: 'unconfirmed',
      resolution: 'explained',
    })
    expect(fold.refused[0]?.error.message.zh).toContain('须查找到或作为泄密事件报告')
    expect(fold.state.anomalies.get('unconfirmed:e002:c1')?.resolution).toBe('found')
  })
})
