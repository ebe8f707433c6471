import { describe, expect, it } from 'vitest'
import { custodySlice } from '../../../src/registers/custody/slice.ts'
import { local } from '../../support/fixtures.ts'
import type { SliceFold } from '../../support/slice-fold.ts'
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
} from './custody-fixtures.ts'

/** What each refusal of closing a unit (rule C-17) and of a carrier batch (C-10, C-17) says. */

const D = local('2026-06-01T09:00')
const MIN = 60_000
const c1 = received('c1', '2026-0001', '2026-01-05')
const c2 = received('c2', '2026-0002', '2026-01-06')
const c3 = received('c3', '2026-0003', '2026-01-07')
const c4 = received('c4', '2026-0004', '2026-01-08')
const c5 = received('c5', '2026-0005', '2026-01-09')
const c6 = received('c6', '2026-0006', '2026-06-01')

/** Each refusal as [code, zh, en]. */
function said(fold: SliceFold<unknown>): [string, string, string][] {
  return fold.refused.map((r) => [r.error.code, r.error.message.zh, r.error.message.en])
}

describe('custody: what the closure refusals say (rule C-17)', () => {
  it('rule C-17: one closureDeclaration; hand-over and closing name the closure, the receiving unit and the batch', () => {
    const ev = custodyBuilder()
    const fold = foldCustody(
      [
        ev('custody.unit_closure_declared', closureDeclaration, D, 'leader1'),
        ev('custody.unit_closure_declared', { ...closureDeclaration, closureId: 'k2' }, D + MIN, 'leader1'),
        ev('custody.handed_over', handOverBatch('h0', [], { closureId: 'k9', registers: true }), D + 2 * MIN),
        ev(
          'custody.handed_over',
          handOverBatch('h0', [], { receivingUnit: 'town-x', registers: true }),
          D + 3 * MIN,
        ),
        ev('custody.handed_over', handOverBatch('h1', [], { registers: true }), D + 4 * MIN),
        ev('custody.handed_over', handOverBatch('h1', [], { registers: true }), D + 5 * MIN),
      ],
      custodyContext({ carriers: [] }),
    )
    expect(said(fold)).toEqual([
      [
        'C-17',
        '本单位的撤销/合并已登记（县委〔2026〕9号）（规则 C-17）',
        "The unit's closure is already declared (县委〔2026〕9号) (rule C-17)",
      ],
      [
        'C-17',
        '未登记撤销/合并决定 k9，不能按撤销移交或关闭单位（规则 C-17）',
        'No closure k9 is declared; nothing can be handed over or closed under it (rule C-17)',
      ],
      [
        'C-17',
        'town-x 不是撤销/合并决定指定的接收单位（town-9、county-office）（规则 C-17）',
        'town-x is not a receiving unit named in the decision (town-9, county-office) (rule C-17)',
      ],
      ['CUSTODY-EXISTS', '移交批次 h1 已存在', 'Hand-over batch h1 already exists'],
    ])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { closureId: 'k1', requested: 'k2' },
      { closureId: 'k9' },
      { receivingUnit: 'town-x', receivingUnits: ['town-9', 'county-office'] },
      { id: 'h1' },
    ])
  })

  it('rule C-17: the hand-over lists each carrier that cannot go and why; archived and routed ones go along', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({
      carriers: [heldBy(c1, 'leader1'), destroyed(c2), c3, c4, c5, c6],
      away: { c3: awayAs('C-06') },
    })
    const fold = foldCustody(
      [
        ev('custody.archived', { batchId: 'a1', archiveRef: 'A', carrierIds: ['c5'] }, D - 2 * MIN),
        ev(
          'custody.routing_opened',
          { routingId: 'r6', carrierId: 'c6', slipNumber: 'S6', urgency: 'normal', receivedAt: D - MIN },
          D - MIN,
        ),
        ev('custody.unit_closure_declared', closureDeclaration, D, 'leader1'),
        ev('custody.handed_over', handOverBatch('h1', ['c4']), D + MIN),
        ev(
          'custody.handed_over',
          handOverBatch('h2', ['c1', 'c2', 'c3', 'c4', 'c9', 'c5', 'c6']),
          D + 2 * MIN,
        ),
        ev('custody.handed_over', handOverBatch('h3', ['c5', 'c6']), D + 3 * MIN),
      ],
      ctx,
    )
    expect(said(fold)).toEqual([
      [
        'C-17',
        '以下载体不能移交：c1（在阅文人手中，须先收回）、c2（已销毁）、c3（不在保密员保管中）、c4（已移交）、c9（未在涉密载体台账中登记）（规则 C-17）',
        "These carriers cannot be handed over: c1 (held by a reader; collect it first), c2 (destroyed), c3 (away from the officer's custody), c4 (handed over), c9 (not in the carrier register) (rule C-17)",
      ],
    ])
    expect([...fold.state.handedOver.keys()]).toEqual(['c4', 'c5', 'c6'])
  })

  it('rule C-10: the archiving refusal says a carrier is archived already or still under handling', () => {
    const ev = custodyBuilder()
    const fold = foldCustody(
      [
        ev('custody.archived', { batchId: 'a1', archiveRef: 'A', carrierIds: ['c5'] }, D - 2 * MIN),
        ev(
          'custody.routing_opened',
          { routingId: 'r6', carrierId: 'c6', slipNumber: 'S6', urgency: 'normal', receivedAt: D - MIN },
          D - MIN,
        ),
        ev('custody.archived', { batchId: 'a2', archiveRef: 'A', carrierIds: ['c5', 'c6'] }, D),
      ],
      custodyContext({ carriers: [c5, c6] }),
    )
    expect(said(fold)).toEqual([
      [
        'C-10',
        '以下载体不能归档：c5（已归档）、c6（仍在传阅办理中（规则 C-19））（规则 C-10）',
        'These carriers cannot be archived: c5 (already archived), c6 (still under handling (rule C-19)) (rule C-10)',
      ],
    ])
  })

  it('rule C-17: closing names the carriers left, the open inventory, the gaps and the registers not handed over', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c1, c2] })
    const close = (at: number) => ev('custody.unit_closed', { closureId: 'k1' }, at, 'leader1')
    const steps = [
      ev('custody.unit_closure_declared', closureDeclaration, D, 'leader1'),
      close(D + MIN),
      ev('custody.inventory_opened', { inventoryId: 'q1' }, D + 2 * MIN),
      ev('custody.inventory_missing', { inventoryId: 'q1', carrierId: 'c2' }, D + 3 * MIN),
      ev('custody.inventory_missing', { inventoryId: 'q1', carrierId: 'c1' }, D + 4 * MIN),
      ev('custody.handed_over', handOverBatch('h1', ['c1', 'c2']), D + 5 * MIN),
      close(D + 6 * MIN),
      ev('custody.inventory_closed', { inventoryId: 'q1' }, D + 7 * MIN),
      close(D + 8 * MIN),
      ev(
        'custody.anomaly_resolved',
        { anomalyId: 'missing:e004', resolution: 'found', note: '已找到' },
        D + 9 * MIN,
      ),
      ev(
        'custody.anomaly_resolved',
        { anomalyId: 'missing:e005', resolution: 'found', note: '已找到' },
        D + 10 * MIN,
      ),
      close(D + 11 * MIN),
      ev('custody.handed_over', handOverBatch('h2', [], { registers: true }), D + 12 * MIN),
      close(D + 13 * MIN),
      ev('custody.inventory_opened', { inventoryId: 'q2' }, D + 14 * MIN),
    ]
    const fold = foldCustody(steps, ctx)
    expect(said(fold)).toEqual([
      [
        'C-17',
        '仍有 2 件载体未移交：2026-0001、2026-0002，不能关闭单位（规则 C-17）',
        '2 carriers are not handed over yet: 2026-0001, 2026-0002; the unit cannot close (rule C-17)',
      ],
      [
        'C-17',
        '清查 q1 尚未结束，不能关闭单位（规则 C-17）',
        'Inventory q1 is still open; the unit cannot close (rule C-17)',
      ],
      [
        'C-17',
        '帐物不符 missing:e005、missing:e004 尚未处理，不能关闭单位（规则 C-17）',
        'Mismatches missing:e005, missing:e004 are not resolved; the unit cannot close (rule C-17)',
      ],
      [
        'C-17',
        '登记簿（台账）尚未移交签收，不能关闭单位（规则 C-17）',
        'The registers have not been handed over against a receipt; the unit cannot close (rule C-17)',
      ],
      [
        'C-17',
        '本单位已撤销/合并并关闭（县委〔2026〕9号），保管登记不再接受新记录（规则 C-17）',
        'The unit was closed (县委〔2026〕9号); its custody register takes no new entries (rule C-17)',
      ],
    ])
    expect(fold.refused[2]?.error.details).toEqual({ openAnomalies: ['missing:e004', 'missing:e005'] })
    expect(codes(fold)).toHaveLength(5)
    expect(fold.state.closure?.closedAt).toBe(D + 13 * MIN)
  })

  it('rules C-10, C-17: an archived carrier is described in its file; once handed over, as gone to the receiving unit', () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c1, c2] })
    const events = [
      ev('custody.archived', { batchId: 'a1', archiveRef: '2026-永久-3', carrierIds: ['c1', 'c2'] }, D - MIN),
      ev('custody.unit_closure_declared', closureDeclaration, D, 'leader1'),
      ev('custody.handed_over', handOverBatch('h1', ['c1'], { receivingUnit: 'county-office' }), D + MIN),
    ]
    const work = custodyWork(events, ctx)
    expect(custodySlice.carrierAway?.(work, 'c2')).toEqual({
      code: 'C-10',
      zh: '载体已立卷归档（案卷 2026-永久-3），存于档案室（规则 C-10）',
      en: 'The carrier is archived (file 2026-永久-3) in the archive room (rule C-10)',
      holder: 'archive',
      since: D - MIN,
    })
    expect(custodySlice.carrierAway?.(work, 'c1')).toEqual({
      code: 'C-17',
      zh: '载体已随单位撤销/合并移交 county-office（规则 C-17）',
      en: 'The carrier was handed over to county-office when the unit closed (rule C-17)',
      holder: 'county-office',
      since: D + MIN,
    })
  })
})
