import { describe, expect, it } from 'vitest'
import {
  closureStatus,
  documentsUnderHandling,
  overdueCustody,
} from '../../../src/registers/custody/queries.ts'
import { custodySlice } from '../../../src/registers/custody/slice.ts'
import { local } from '../../support/fixtures.ts'
import {
  awayAs,
  closureDeclaration,
  codes,
  custodyBuilder,
  custodyContext,
  custodyWork,
  destroyed,
  foldCustody,
  handOverBatch,
  heldBy,
  received,
  viewOf,
} from './custody-fixtures.ts'

const D = local('2026-06-01T09:00')
const MIN = 60_000
const c1 = received('c1', '2026-0001', '2026-01-05')
const c2 = received('c2', '2026-0002', '2026-01-06')
const c3 = received('c3', '2026-0003', '2026-01-07')
const c4 = received('c4', '2026-0004', '2026-01-08')
const c5 = received('c5', '2026-0005', '2026-01-09')

describe('custody: closing a unit (rule C-17)', () => {
  it('rule C-17: unit_closed is refused while carriers are left, listing each with the reason', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({
      carriers: [c1, heldBy(c2, 'leader1'), c3, destroyed(c4), c5, received('c6', '2026-0006', '2026-01-10')],
      away: { c5: awayAs('C-09'), c3: awayAs('C-06') },
    })
    const fold = foldCustody(
      [
        ev('custody.archived', { batchId: 'a1', archiveRef: 'A', carrierIds: ['c6'] }, D - MIN),
        ev('custody.unit_closure_declared', closureDeclaration, D, 'leader1'),
        ev('custody.handed_over', handOverBatch('h1', [], { registers: true }), D + MIN),
        ev('custody.unit_closed', { closureId: 'k1' }, D + 2 * MIN, 'leader1'),
      ],
      ctx,
    )
    expect(codes(fold)).toEqual(['C-17'])
    expect(fold.refused[0]?.error.details).toEqual({
      left: [
        { carrierId: 'c1', serial: '2026-0001', reason: 'in_custody', awayCode: null },
        { carrierId: 'c2', serial: '2026-0002', reason: 'held_by_reader', awayCode: null },
        { carrierId: 'c3', serial: '2026-0003', reason: 'away', awayCode: 'C-06' },
        { carrierId: 'c6', serial: '2026-0006', reason: 'archived', awayCode: null },
      ],
    })
    expect(fold.refused[0]?.error.message.zh).toContain('（规则 C-17）')
    expect(fold.state.closure?.closedAt).toBeNull()
    expect(closureStatus(fold.state, viewOf(ctx))).toMatchObject({
      registersHandedOver: true,
      canClose: false,
    })
  })

  it('rule C-17: after every carrier and the registers are handed over the unit closes; then the register is read-only', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c1, c2, destroyed(c3)] })
    const before = [
      ev('custody.archived', { batchId: 'a1', archiveRef: 'A', carrierIds: ['c2'] }, D - MIN),
      ev('custody.unit_closure_declared', closureDeclaration, D, 'leader1'),
      ev('custody.handed_over', handOverBatch('h1', ['c1', 'c2']), D + MIN),
    ]
    const close = ev('custody.unit_closed', { closureId: 'k1', note: '移交完毕' }, D + 3 * MIN, 'leader1')
    const noRegisters = foldCustody([...before, close], ctx)
    expect(codes(noRegisters)).toEqual(['C-17'])
    expect(noRegisters.refused[0]?.error.details).toEqual({ registersHandedOver: false })
    const registers = ev(
      'custody.handed_over',
      handOverBatch('h2', [], { registers: true, receivingUnit: 'county-office' }),
      D + 2 * MIN,
    )
    const after = [
      ev('custody.archived', { batchId: 'a2', archiveRef: 'A', carrierIds: ['c1'] }, D + 4 * MIN),
      ev('custody.inventory_opened', { inventoryId: 'q1' }, D + 5 * MIN),
    ]
    const fold = foldCustody([...before, registers, close, ...after], ctx)
    expect(codes(fold)).toEqual(['C-17', 'C-17'])
    expect(fold.state.closure).toMatchObject({
      closedAt: D + 3 * MIN,
      closedBy: 'leader1',
      registersHandedOverAt: D + 2 * MIN,
    })
    expect(
      fold.state.closure?.batches.map((b) => [b.id, b.receivingUnit, b.receiptRef, b.carrierIds]),
    ).toEqual([
      ['h1', 'town-9', '签收-h1', ['c1', 'c2']],
      ['h2', 'county-office', '签收-h2', []],
    ])
    expect(fold.refused[0]?.error.details).toEqual({ closureId: 'k1' })
    const beforeClose = foldCustody([...before, registers], ctx)
    expect(closureStatus(beforeClose.state, viewOf(ctx))).toMatchObject({ left: [], canClose: true })
  })

  it('rule C-17: handed-over carriers are away for good with code C-17 and the receiving unit as holder', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c1, c2] })
    const events = [
      ev('custody.archived', { batchId: 'a1', archiveRef: 'A', carrierIds: ['c1'] }, D - MIN),
      ev('custody.unit_closure_declared', closureDeclaration, D, 'leader1'),
      ev('custody.handed_over', handOverBatch('h1', ['c1']), D + MIN),
    ]
    const work = custodyWork(events, ctx)
    expect(custodySlice.carrierAway?.(work, 'c1')).toMatchObject({
      code: 'C-17',
      holder: 'town-9',
      since: D + MIN,
    })
    expect(custodySlice.carrierAway?.(work, 'c2')).toBeNull()
    const again = foldCustody(
      [...events, ev('custody.handed_over', handOverBatch('h2', ['c1']), D + 2 * MIN)],
      ctx,
    )
    expect(again.refused[0]?.error.details).toEqual({
      problems: [{ carrierId: 'c1', problem: 'handed_over' }],
    })
  })

  it('rule C-17: refuses hand-over without a closureDeclaration, to a unit not named, of carriers not back; one closureDeclaration', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c1, heldBy(c2, 'leader1'), c3], away: { c3: awayAs('C-08') } })
    const fold = foldCustody(
      [
        ev('custody.handed_over', handOverBatch('h0', ['c1']), D - MIN),
        ev('custody.unit_closure_declared', closureDeclaration, D, 'leader1'),
        ev('custody.unit_closure_declared', { ...closureDeclaration, closureId: 'k2' }, D + MIN, 'leader1'),
        ev('custody.unit_closure_declared', { ...closureDeclaration, closureId: 'k3' }, D + MIN, 'officer1'),
        ev('custody.handed_over', handOverBatch('h1', ['c1'], { receivingUnit: 'town-7' }), D + 2 * MIN),
        ev('custody.handed_over', handOverBatch('h2', ['c1', 'c2', 'c3']), D + 3 * MIN),
        ev('custody.handed_over', handOverBatch('h3', ['c1'], { closureId: 'k2' }), D + 4 * MIN),
        ev('custody.handed_over', handOverBatch('h4', ['c1']), D + 5 * MIN),
        ev('custody.handed_over', handOverBatch('h4', [], { registers: true }), D + 6 * MIN),
        ev('custody.handed_over', handOverBatch('h5', [], { registers: false }), D + 7 * MIN),
        ev('custody.unit_closed', { closureId: 'k1' }, D + 8 * MIN, 'officer1'),
      ],
      ctx,
    )
    expect(codes(fold)).toEqual([
      'C-17',
      'C-17',
      'ROLE',
      'C-17',
      'C-17',
      'C-17',
      'CUSTODY-EXISTS',
      'MALFORMED',
      'ROLE',
    ])
    expect(fold.refused[4]?.error.details).toEqual({
      problems: [
        { carrierId: 'c2', problem: 'held_by_reader' },
        { carrierId: 'c3', problem: 'away', awayCode: 'C-08' },
      ],
    })
    expect([...fold.state.handedOver.keys()]).toEqual(['c1'])
    expect(fold.state.closure?.id).toBe('k1')
  })

  it('rule C-17: a document under handling goes along with its slip and leaves the follow-up list', () => {
    const ev = custodyBuilder()
    const R = local('2026-03-02T10:00')
    const c = received('c1', '2026-0001', '2026-03-02')
    const fold = foldCustody(
      [
        ev(
          'custody.routing_opened',
          { routingId: 'r1', carrierId: 'c1', slipNumber: 'S1', urgency: 'normal', receivedAt: R },
          R,
        ),
        ev('custody.unit_closure_declared', closureDeclaration, R + MIN, 'leader1'),
        ev('custody.handed_over', handOverBatch('h1', ['c1'], { registers: true }), R + 2 * MIN),
        ev('custody.unit_closed', { closureId: 'k1' }, R + 3 * MIN, 'leader1'),
      ],
      custodyContext({ carriers: [c] }),
    )
    expect(codes(fold)).toEqual([])
    expect(fold.state.routings.get('r1')).toMatchObject({ state: 'handed_over', closedAt: R + 2 * MIN })
    expect(documentsUnderHandling(fold.state, R + 30 * 86_400_000)).toEqual([])
    // The presentation deadline was missed before the hand-over and stays on record.
    expect(overdueCustody(fold.state, R + 30 * 86_400_000).map((o) => o.kind)).toEqual(['presentation'])
  })

  it('rule C-17: a carrier whose loss was reported as an incident (C-13) is not left; its entry goes with the registers', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c1, c2] })
    const fold = foldCustody(
      [
        ev('custody.inventory_opened', { inventoryId: 'q1' }, D - 10 * MIN),
        ev('custody.inventory_confirmed', { inventoryId: 'q1', carrierIds: ['c1'] }, D - 9 * MIN),
        ev('custody.inventory_closed', { inventoryId: 'q1' }, D - 8 * MIN),
        ev('custody.unit_closure_declared', closureDeclaration, D, 'leader1'),
        ev('custody.handed_over', handOverBatch('h1', ['c1'], { registers: true }), D + MIN),
        ev('custody.unit_closed', { closureId: 'k1' }, D + 2 * MIN, 'leader1'),
        ev(
          'custody.anomaly_resolved',
          {
            anomalyId: 'unconfirmed:e003:c2',
            resolution: 'incident',
            incidentRef: 'x-1',
            note: '已报县保密局',
          },
          D + 3 * MIN,
        ),
        ev('custody.unit_closed', { closureId: 'k1' }, D + 4 * MIN, 'leader1'),
      ],
      ctx,
    )
    expect(codes(fold)).toEqual(['C-17'])
    expect(fold.refused[0]?.error.details).toMatchObject({
      left: [{ carrierId: 'c2', reason: 'in_custody' }],
    })
    expect(fold.state.closure?.closedAt).toBe(D + 4 * MIN)
  })

  it('rule C-17: the unit does not close with an inventory open or an inventory gap unresolved (C-13)', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c1] })
    const base = [
      ev('custody.unit_closure_declared', closureDeclaration, D, 'leader1'),
      ev('custody.inventory_opened', { inventoryId: 'q1' }, D + MIN),
      ev('custody.inventory_missing', { inventoryId: 'q1', carrierId: 'c1' }, D + 2 * MIN),
      ev('custody.handed_over', handOverBatch('h1', ['c1'], { registers: true }), D + 3 * MIN),
    ]
    const closeAt = (at: number) => ev('custody.unit_closed', { closureId: 'k1' }, at, 'leader1')
    const whileOpen = foldCustody([...base, closeAt(D + 4 * MIN)], ctx)
    expect(whileOpen.refused[0]?.error.details).toEqual({ openInventoryId: 'q1' })
    const closeInv = ev('custody.inventory_closed', { inventoryId: 'q1' }, D + 5 * MIN)
    const withGap = foldCustody([...base, closeInv, closeAt(D + 6 * MIN)], ctx)
    expect(withGap.refused[0]?.error).toMatchObject({
      code: 'C-17',
      details: { openAnomalies: ['missing:e003'] },
    })
    expect(closureStatus(withGap.state, viewOf(ctx))).toMatchObject({
      openAnomalies: ['missing:e003'],
      canClose: false,
    })
    const resolve = ev(
      'custody.anomaly_resolved',
      { anomalyId: 'missing:e003', resolution: 'found', note: '找到后已移交' },
      D + 7 * MIN,
    )
    const done = foldCustody([...base, closeInv, resolve, closeAt(D + 8 * MIN)], ctx)
    expect(codes(done)).toEqual([])
    expect(done.state.closure?.closedAt).toBe(D + 8 * MIN)
  })
})
