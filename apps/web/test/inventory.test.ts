import {
  DEFAULT_CALENDAR,
  DEFAULT_UNIT_POLICY,
  type EventEnvelope,
  type FoldContext,
  foldUnitRegister,
  type RegisterState,
} from '@secledger/domain'
import type { Inventory } from '@secledger/domain/registers/custody'
import { describe, expect, it } from 'vitest'
import { custodyAnomalyRows } from '../src/register/inventory/anomaly-rows.ts'
import { inventoryDuty } from '../src/register/inventory/inventory-duty.ts'
import {
  filterRows,
  inventoryCounts,
  inventoryRows,
  openInventoryOf,
  pastInventories,
} from '../src/register/inventory/inventory-rows.ts'
import { parseScan, resolveScan } from '../src/register/inventory/scan.ts'
import { directoryOf, makeUser, UNIT, WORKDAY_10AM } from './fixtures.ts'
import { signAs } from './signed-events.ts'

const officer = makeUser('officer1', ['officer'])
const leader = makeUser('leader1', ['leader'])
const CTX: FoldContext = {
  unit: UNIT,
  directory: directoryOf(officer, leader),
  calendar: DEFAULT_CALENDAR,
  policy: DEFAULT_UNIT_POLICY,
}
const MIN = 60_000
const DAY = 86_400_000

function registered(serial: string, copies: readonly [string, number | null][], atMs: number): EventEnvelope {
  return signAs(
    officer,
    'carrier.registered',
    {
      kind: 'paper',
      direction: 'received',
      issuer: '县委办公室',
      docNumber: `县委发〔2026〕${serial.slice(-1)}号`,
      title: '关于＊＊＊',
      // 秘密 and above need copy numbers (C-02): an unnumbered registration is 内部
      level: copies.some(([, n]) => n === null) ? 'internal' : 'secret',
      periodYears: null,
      scope: '镇领导班子',
      serial,
      receivedOn: '2026-03-04',
      copies: copies.map(([id, copyNumber]) => ({ id, copyNumber })),
    },
    atMs,
  )
}

// Four carriers in custody: 2026-0001 copies 1 and 2, 2026-0002 (no copy number), 2026-0003 copy 1.
const T0 = WORKDAY_10AM
const setup = [
  registered(
    '2026-0001',
    [
      ['c1', 1],
      ['c2', 2],
    ],
    T0,
  ),
  registered('2026-0002', [['c3', null]], T0 + MIN),
  registered('2026-0003', [['c4', 1]], T0 + 2 * MIN),
]
const OPEN = T0 + DAY

function fold(events: readonly EventEnvelope[]): RegisterState {
  const state = foldUnitRegister(events, CTX)
  expect(state.refused).toEqual([])
  return state
}

function opened(state: RegisterState): Inventory {
  const inv = openInventoryOf(state.registers.custody)
  if (inv === null) throw new Error('no open inventory')
  return inv
}

describe('the inventory checklist read from the custody register (rule C-13)', () => {
  it('C-13: the carriers in custody when it opened are expected; marks show as confirmed or missing', () => {
    const events = [
      ...setup,
      signAs(officer, 'custody.inventory_opened', { inventoryId: 'q1' }, OPEN),
      // registered after opening: not expected in this inventory
      registered('2026-0009', [['c9', null]], OPEN + MIN),
      signAs(
        officer,
        'custody.inventory_confirmed',
        { inventoryId: 'q1', carrierIds: ['c1', 'c3'] },
        OPEN + 2 * MIN,
      ),
      signAs(
        officer,
        'custody.inventory_missing',
        { inventoryId: 'q1', carrierId: 'c4', note: '柜中未见' },
        OPEN + 3 * MIN,
      ),
    ]
    const state = fold(events)
    const inv = opened(state)
    const rows = inventoryRows(state, inv)
    expect(rows.map((r) => [r.serial, r.copyNumber, r.status])).toEqual([
      ['2026-0001', 1, 'confirmed'],
      ['2026-0001', 2, 'pending'],
      ['2026-0002', null, 'confirmed'],
      ['2026-0003', 1, 'missing'],
    ])
    expect(rows[3]).toMatchObject({ note: '柜中未见', markedAt: OPEN + 3 * MIN })
    expect(inventoryCounts(inv, rows)).toEqual({
      expected: 4,
      confirmed: 2,
      missing: 1,
      pending: 1,
      left: 0,
      surplus: 0,
    })
    expect(filterRows(rows, { keyword: '0001', status: 'pending' }).map((r) => r.id)).toEqual(['c2'])
  })

  it('C-13 C-10: a carrier archived after opening has left custody: accounted for, not asked for', () => {
    const state = fold([
      ...setup,
      signAs(officer, 'custody.inventory_opened', { inventoryId: 'q1' }, OPEN),
      signAs(
        officer,
        'custody.archived',
        { batchId: 'a1', archiveRef: '2026-永久-001', carrierIds: ['c3'] },
        OPEN + MIN,
      ),
    ])
    const rows = inventoryRows(state, opened(state))
    expect(rows.find((r) => r.id === 'c3')?.status).toBe('left')
    expect(resolveScan(state, opened(state), '2026-0002')).toMatchObject({ kind: 'left', carrierId: 'c3' })
  })

  it('C-13: closing turns gaps into anomalies; the past inventory shows its result', () => {
    const state = fold([
      ...setup,
      signAs(officer, 'custody.inventory_opened', { inventoryId: 'q1' }, OPEN),
      signAs(
        officer,
        'custody.inventory_confirmed',
        { inventoryId: 'q1', carrierIds: ['c1', 'c2'] },
        OPEN + MIN,
      ),
      signAs(
        officer,
        'custody.inventory_missing',
        { inventoryId: 'q1', carrierId: 'c4', note: '柜中未见' },
        OPEN + 2 * MIN,
      ),
      signAs(
        officer,
        'custody.inventory_surplus',
        {
          inventoryId: 'q1',
          surplusId: 's1',
          docNumber: '市委发〔2025〕7号',
          level: 'confidential',
          note: '抽屉内',
        },
        OPEN + 3 * MIN,
      ),
      signAs(officer, 'custody.inventory_closed', { inventoryId: 'q1' }, OPEN + 4 * MIN),
    ])
    expect(openInventoryOf(state.registers.custody)).toBeNull()
    expect(pastInventories(state.registers.custody)).toEqual([
      {
        id: 'q1',
        openedAt: OPEN,
        closedAt: OPEN + 4 * MIN,
        expected: 4,
        confirmed: 2,
        missing: 1,
        unconfirmed: 1,
        leftCustody: 0,
        surplus: 1,
        matched: false,
      },
    ])
    const { open, resolved } = custodyAnomalyRows(state)
    expect(resolved).toEqual([])
    expect(open.map((r) => [r.kind, r.subject, r.note])).toEqual([
      ['surplus', '市委发〔2025〕7号', '抽屉内'],
      // both opened at closing: by register number
      ['unconfirmed', '2026-0002', null],
      ['missing', '2026-0003 第 1 份', '柜中未见'],
    ])
    expect(open[0]).toMatchObject({ level: 'confidential', inventoryOpenedAt: OPEN })
  })
})

describe('the scan box of an inventory (rule C-13)', () => {
  it('reads 登记编号 with 份号 in the ways an officer types them, and full-width input', () => {
    expect(parseScan('2026-0004 第 3 份')).toEqual({ key: '2026-0004', copyNumber: 3 })
    expect(parseScan('2026-0004第3份')).toEqual({ key: '2026-0004', copyNumber: 3 })
    expect(parseScan(' 2026-0004#3 ')).toEqual({ key: '2026-0004', copyNumber: 3 })
    expect(parseScan('2026-0004 / 3')).toEqual({ key: '2026-0004', copyNumber: 3 })
    expect(parseScan('2026-0004 3')).toEqual({ key: '2026-0004', copyNumber: 3 })
    expect(parseScan('２０２６－０００４　第３份')).toEqual({ key: '2026-0004', copyNumber: 3 })
    // a dash belongs to the serial (a copy made here is 2026-0004-F1)
    expect(parseScan('2026-0004-F1')).toEqual({ key: '2026-0004-F1', copyNumber: null })
    expect(parseScan('   ')).toBeNull()
  })

  it('C-13: a scan confirms an expected copy; several copies need the 份号; strangers are told apart', () => {
    const state = fold([...setup, signAs(officer, 'custody.inventory_opened', { inventoryId: 'q1' }, OPEN)])
    const inv = opened(state)
    expect(resolveScan(state, inv, '2026-0001 第2份')).toEqual({
      kind: 'confirm',
      carrierId: 'c2',
      name: '2026-0001 第 2 份',
    })
    expect(resolveScan(state, inv, '2026-0001')).toEqual({
      kind: 'ambiguous',
      serial: '2026-0001',
      copies: [1, 2],
    })
    expect(resolveScan(state, inv, '2026-0002')).toMatchObject({ kind: 'confirm', carrierId: 'c3' })
    // a label carries the carrier's id
    expect(resolveScan(state, inv, 'c4')).toMatchObject({ kind: 'confirm', carrierId: 'c4' })
    expect(resolveScan(state, inv, '2026-0077')).toEqual({ kind: 'unknown', text: '2026-0077' })
    expect(resolveScan(state, inv, '')).toEqual({ kind: 'empty' })
  })

  it('C-13: a confirmed copy is not confirmed twice; a missing one found again is; a later one is not expected', () => {
    const state = fold([
      ...setup,
      signAs(officer, 'custody.inventory_opened', { inventoryId: 'q1' }, OPEN),
      registered('2026-0009', [['c9', null]], OPEN + MIN),
      signAs(
        officer,
        'custody.inventory_confirmed',
        { inventoryId: 'q1', carrierIds: ['c1'] },
        OPEN + 2 * MIN,
      ),
      signAs(officer, 'custody.inventory_missing', { inventoryId: 'q1', carrierId: 'c4' }, OPEN + 3 * MIN),
    ])
    const inv = opened(state)
    expect(resolveScan(state, inv, '2026-0001#1')).toMatchObject({ kind: 'already', carrierId: 'c1' })
    expect(resolveScan(state, inv, '2026-0003 1')).toMatchObject({ kind: 'confirm', carrierId: 'c4' })
    expect(resolveScan(state, inv, '2026-0009')).toMatchObject({ kind: 'not_expected', carrierId: 'c9' })
  })
})

describe('the inventory as a periodic duty (rule C-13)', () => {
  const ctx = { calendar: DEFAULT_CALENDAR, policy: DEFAULT_UNIT_POLICY }

  it('C-13: before the first inventory the agenda dates it from the first carrier registered', () => {
    const state = fold(setup)
    const duty = inventoryDuty(state, T0 + 200 * DAY, ctx)
    expect(duty).toMatchObject({ rule: 'C-13', overdue: true, lastClosedAt: null, lastMatched: null })
    expect(duty.nextDueAt).not.toBeNull()
    const early = inventoryDuty(state, T0 + DAY, ctx)
    expect(early).toMatchObject({ overdue: false, dueSoon: false, nextDueAt: duty.nextDueAt })
    // due within the 待办's window (three working days)
    expect(inventoryDuty(state, (duty.nextDueAt ?? 0) - DAY, ctx)).toMatchObject({
      overdue: false,
      dueSoon: true,
    })
  })

  it('C-13: after a closing the next one is due an interval later, with the last result', () => {
    const closedAt = OPEN + MIN
    const state = fold([
      ...setup,
      signAs(officer, 'custody.inventory_opened', { inventoryId: 'q1' }, OPEN),
      signAs(
        officer,
        'custody.inventory_confirmed',
        { inventoryId: 'q1', carrierIds: ['c1', 'c2', 'c3', 'c4'] },
        OPEN,
      ),
      signAs(officer, 'custody.inventory_closed', { inventoryId: 'q1' }, closedAt),
    ])
    const duty = inventoryDuty(state, closedAt + DAY, ctx)
    expect(duty).toMatchObject({ overdue: false, dueSoon: false, lastClosedAt: closedAt, lastMatched: true })
    expect(duty.nextDueAt ?? 0).toBeGreaterThan(closedAt + 80 * DAY)
  })
})
