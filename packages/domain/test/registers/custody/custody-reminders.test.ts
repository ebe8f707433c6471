import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import { DEFAULT_CUSTODY_POLICY } from '../../../src/registers/custody/policy.ts'
import {
  archivingReminders,
  carrierYear,
  closureStatus,
  custodyReminders,
  inventoryReminder,
  openCustodyAnomalies,
} from '../../../src/registers/custody/queries.ts'
import { local } from '../../support/fixtures.ts'
import { carrierFixture } from '../../support/slice-fold.ts'
import { codes, custodyBuilder, custodyContext, foldCustody, received, viewOf } from './custody-fixtures.ts'

/** Order, selection and fallbacks of the custody reminders (rules C-10, C-13) and closure status (C-17). */

const MIN = 60_000
const I = local('2026-03-16T09:00')
const c1 = received('c1', '2026-0001', '2026-01-05')
const c2 = received('c2', '2026-0002', '2026-01-06')
const c3 = received('c3', '2026-0003', '2026-01-07')

describe('custody: inventory reminders and gaps (rule C-13)', () => {
  it('rule C-13: open gaps are listed by opening time, then by id, whatever order they were recorded in', () => {
    const ev = custodyBuilder()
    const fold = foldCustody(
      [
        ev('custody.inventory_opened', { inventoryId: 'q1' }, I),
        ev('custody.inventory_missing', { inventoryId: 'q1', carrierId: 'c3' }, I + MIN),
        ev('custody.inventory_missing', { inventoryId: 'q1', carrierId: 'c2' }, I + 2 * MIN),
        ev('custody.inventory_closed', { inventoryId: 'q1' }, I + 3 * MIN),
        ev('custody.inventory_opened', { inventoryId: 'q2' }, I + 4 * MIN),
        ev('custody.inventory_missing', { inventoryId: 'q2', carrierId: 'c1' }, I + 5 * MIN),
        ev('custody.inventory_confirmed', { inventoryId: 'q2', carrierIds: ['c2', 'c3'] }, I + 6 * MIN),
        ev('custody.inventory_closed', { inventoryId: 'q2' }, I + 7 * MIN),
      ],
      custodyContext({ carriers: [c1, c2, c3] }),
    )
    expect(codes(fold)).toEqual([])
    expect([...fold.state.anomalies.keys()]).toEqual([
      'unconfirmed:e004:c1',
      'missing:e003',
      'missing:e002',
      'missing:e006',
    ])
    expect(openCustodyAnomalies(fold.state).map((a) => [a.id, a.openedAt])).toEqual([
      ['missing:e002', I + 3 * MIN],
      ['missing:e003', I + 3 * MIN],
      ['unconfirmed:e004:c1', I + 3 * MIN],
      ['missing:e006', I + 7 * MIN],
    ])
  })

  it('rule C-13: the reminder counts from the latest closed inventory, not from the carriers registered', () => {
    const Q2 = local('2026-04-01T09:00')
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c1] })
    const fold = foldCustody(
      [
        ev('custody.inventory_opened', { inventoryId: 'q1' }, I),
        ev('custody.inventory_closed', { inventoryId: 'q1' }, I + MIN),
        ev('custody.inventory_opened', { inventoryId: 'q2' }, Q2),
        ev('custody.inventory_confirmed', { inventoryId: 'q2', carrierIds: ['c1'] }, Q2 + MIN),
        ev('custody.inventory_closed', { inventoryId: 'q2' }, Q2 + 2 * MIN),
      ],
      ctx,
    )
    expect(fold.state.inventories.get('q1')?.matched).toBe(false)
    const due = local('2026-07-02T00:00') - 1
    const reminder = inventoryReminder(fold.state, due, DEFAULT_CALENDAR, DEFAULT_CUSTODY_POLICY, viewOf(ctx))
    expect(reminder).toEqual({
      rule: 'C-13',
      lastInventoryId: 'q2',
      lastClosedAt: Q2 + 2 * MIN,
      lastMatched: true,
      openInventoryId: null,
      nextDueAt: due,
      overdue: false,
      since: null,
    })
  })

  it('rule C-13: an inventory still open is not the last inventory; the first is due from the first carrier', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c2, c1, c3] })
    const fold = foldCustody([ev('custody.inventory_opened', { inventoryId: 'q1' }, I)], ctx)
    const due = local('2026-04-06T00:00') - 1
    expect(inventoryReminder(fold.state, I, DEFAULT_CALENDAR, DEFAULT_CUSTODY_POLICY, viewOf(ctx))).toEqual({
      rule: 'C-13',
      lastInventoryId: null,
      lastClosedAt: null,
      lastMatched: null,
      openInventoryId: 'q1',
      nextDueAt: due,
      overdue: false,
      since: null,
    })
    const none = foldCustody([], ctx).state
    expect(custodyReminders(none, viewOf(ctx), due + 1, DEFAULT_CALENDAR).inventory).toMatchObject({
      nextDueAt: due,
      overdue: true,
      since: due,
    })
  })
})

describe('custody: archiving reminders (rule C-10)', () => {
  const now = local('2026-02-02T09:00')

  it('rule C-10: reminders come oldest year first, items by serial (not by id or view order)', () => {
    const ctx = custodyContext({
      carriers: [
        received('a', '2025-0003', '2025-06-01'),
        received('b', '2025-0001', '2025-07-01'),
        received('old', '2024-0009', '2024-05-06'),
        received('c', '2025-0002', '2025-08-01'),
      ],
    })
    const reminders = archivingReminders(foldCustody([], ctx).state, viewOf(ctx), now, DEFAULT_CALENDAR)
    expect(reminders.map((r) => [r.year, r.overdue, r.items.map((i) => i.carrierId)])).toEqual([
      [2024, true, ['old']],
      [2025, false, ['b', 'c', 'a']],
    ])
    expect(reminders[0]).toMatchObject({
      dueAt: local('2025-04-01T00:00') - 1,
      since: local('2025-04-01T00:00') - 1,
    })
  })

  it('rule C-10: a carrier belongs to the year it was received, even when registered in the next year', () => {
    const late = received('late', '2026-0001', '2025-12-31', {
      registeredAt: local('2026-01-02T10:00'),
      lateRegistration: true,
    })
    expect(carrierYear(late, DEFAULT_CALENDAR)).toBe(2025)
    const ctx = custodyContext({ carriers: [late] })
    const reminders = archivingReminders(foldCustody([], ctx).state, viewOf(ctx), now, DEFAULT_CALENDAR)
    expect(reminders.map((r) => [r.year, r.items.map((i) => i.carrierId)])).toEqual([[2025, ['late']]])
  })

  it('rule C-10: without a valid date received, the year is that of the registration', () => {
    const odd = carrierFixture({ receivedOn: '2025-02-30', registeredAt: local('2026-01-02T10:00') })
    expect(carrierYear(odd, DEFAULT_CALENDAR)).toBe(2026)
  })
})

describe('custody: closure status (rule C-17)', () => {
  const D = local('2026-06-01T09:00')
  const declaration = {
    closureId: 'k1',
    kind: 'merged' as const,
    decisionRef: '县委〔2026〕9号',
    receivingUnits: ['town-9'],
  }
  const registers = {
    closureId: 'k1',
    batchId: 'h1',
    receivingUnit: 'town-9',
    receiptRef: '签收-h1',
    carrierIds: [],
    registers: true,
  }

  it('rule C-17: without a declared closure nothing is handed over and the unit cannot close', () => {
    const ctx = custodyContext({ carriers: [] })
    expect(closureStatus(foldCustody([], ctx).state, viewOf(ctx))).toEqual({
      closure: null,
      left: [],
      openInventoryId: null,
      openAnomalies: [],
      registersHandedOver: false,
      canClose: false,
    })
  })

  it('rule C-17: the unit can close only once declared, with the registers handed over and no inventory open', () => {
    const ctx = custodyContext({ carriers: [] })
    const ev = custodyBuilder()
    const declare = ev('custody.unit_closure_declared', declaration, D, 'leader1')
    const handOver = ev('custody.handed_over', registers, D + 2 * MIN)
    const status = (events: Parameters<typeof foldCustody>[0]) => {
      const fold = foldCustody(events, ctx)
      expect(codes(fold)).toEqual([])
      return closureStatus(fold.state, viewOf(ctx))
    }
    expect(status([declare])).toMatchObject({ registersHandedOver: false, canClose: false })
    expect(status([declare, handOver])).toMatchObject({ registersHandedOver: true, canClose: true })
    const inventory = ev('custody.inventory_opened', { inventoryId: 'q1' }, D + MIN)
    expect(status([declare, inventory, handOver])).toMatchObject({
      openInventoryId: 'q1',
      registersHandedOver: true,
      canClose: false,
    })
    const close = ev('custody.unit_closed', { closureId: 'k1' }, D + 3 * MIN, 'leader1')
    const closed = status([declare, handOver, close])
    expect(closed.closure?.closedAt).toBe(D + 3 * MIN)
    expect(closed).toMatchObject({ registersHandedOver: true, canClose: false })
  })
})
