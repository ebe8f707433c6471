import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import type { CustodyEventPayloads as P } from '../../../src/registers/custody/events.ts'
import { archivingReminders } from '../../../src/registers/custody/queries.ts'
import { custodySlice } from '../../../src/registers/custody/slice.ts'
import { local } from '../../support/fixtures.ts'
import {
  awayAs,
  codes,
  custodyBuilder,
  custodyContext,
  custodyWork,
  foldCustody,
  received,
  viewOf,
} from './custody-fixtures.ts'

/** Rules C-10, C-21: taking carriers out of the archive (出档 / 调档) with a leader's approval. */

const A = local('2026-01-12T10:00')
const MIN = 60_000
const c1 = received('c1', '2025-0001', '2025-03-10')
const c2 = received('c2', '2025-0002', '2025-06-20')
const c3 = received('c3', '2025-0003', '2025-11-02')
const archive: P['custody.archived'] = {
  batchId: 'b1',
  archiveRef: '2025-永久-001',
  carrierIds: ['c1', 'c2'],
}
const approval = (o: Partial<P['custody.withdrawal_approved']> = {}): P['custody.withdrawal_approved'] => ({
  carrierIds: ['c1'],
  requester: '张三',
  reason: '县纪委调阅原件',
  ...o,
})

describe('custody: taking carriers out of the archive (rules C-10, C-21)', () => {
  it("rules C-10, C-21: with a leader's approval the officer takes a carrier out; it is back in custody", () => {
    const ev = custodyBuilder()
    const ctx = custodyContext({ carriers: [c1, c2, c3] })
    const events = [
      ev('custody.archived', archive, A),
      ev('custody.withdrawal_approved', approval(), A + MIN, 'leader1'),
      ev('custody.withdrawn', { approvalId: 'e002', carrierIds: ['c1'] }, A + 2 * MIN),
    ]
    const fold = foldCustody(events, ctx)
    expect(codes(fold)).toEqual([])
    expect([...fold.state.archived.keys()]).toEqual(['c2'])
    expect(fold.state.withdrawals).toEqual([
      {
        carrierId: 'c1',
        archiveRef: '2025-永久-001',
        batchId: 'b1',
        approvalId: 'e002',
        approvedBy: 'leader1',
        requester: '张三',
        eventId: 'e003',
        at: A + 2 * MIN,
        by: 'officer1',
      },
    ])
    expect(fold.state.withdrawalApprovals.get('e002')).toMatchObject({
      post: 'first_responsible',
      usedBy: 'e003',
    })
    const work = custodyWork(events, ctx)
    expect(custodySlice.carrierAway?.(work, 'c1')).toBeNull()
    expect(custodySlice.carrierAway?.(work, 'c2')).toMatchObject({ code: 'C-10' })
    // rule C-10: out of the archive, it is due for archiving again (no one keeps documents privately).
    const due = archivingReminders(fold.state, viewOf(ctx), A + 3 * MIN, DEFAULT_CALENDAR)
    expect(due[0]?.items.map((i) => i.carrierId)).toEqual(['c1', 'c3'])
    const again = foldCustody(
      [...events, ev('custody.archived', { ...archive, batchId: 'b2', carrierIds: ['c1'] }, A + 3 * MIN)],
      ctx,
    )
    expect(codes(again)).toEqual([])
  })

  it('rules C-21, B-04: the approval is a leader post of the organisation register, for archived carriers', () => {
    const ev = custodyBuilder()
    const fold = foldCustody(
      [
        ev('custody.archived', archive, A),
        ev('custody.withdrawal_approved', approval(), A + MIN, 'officer1'),
        ev('custody.withdrawal_approved', approval(), A + 2 * MIN, 'leader1'),
        ev('custody.withdrawal_approved', approval({ carrierIds: ['c1', 'c3'] }), A + 3 * MIN, 'chief1'),
        ev('custody.withdrawal_approved', approval({ reason: '  ' }), A + 4 * MIN, 'chief1'),
        ev('custody.withdrawal_approved', approval(), A + 5 * MIN, 'chief1'),
      ],
      custodyContext({
        carriers: [c1, c2, c3],
        posts: { leader1: ['office_head'], chief1: ['responsible_leader'] },
      }),
    )
    expect(codes(fold)).toEqual(['ROLE', 'C-21', 'C-21', 'C-21'])
    expect(fold.refused[1]?.error.details).toMatchObject({ approver: 'leader1', held: ['office_head'] })
    expect(fold.refused[2]?.error.details).toEqual({ carrierIds: ['c3'] })
    expect(fold.refused[2]?.error.message.zh).toContain('载体 2025-0003 不在档案中，不能出档')
    expect(fold.refused[3]?.error.message.zh).toContain('特殊情况出档须写明理由')
    expect([...fold.state.withdrawalApprovals.values()].map((a) => [a.id, a.post])).toEqual([
      ['e006', 'responsible_leader'],
    ])
  })

  it('rule C-21 (four eyes): no leader approves their own request, nor records the withdrawal they approved', () => {
    const ev = custodyBuilder()
    const fold = foldCustody(
      [
        ev('custody.archived', archive, A),
        ev('custody.withdrawal_approved', approval({ requester: ' leader1' }), A + MIN, 'leader1'),
        ev('custody.withdrawal_approved', approval(), A + 2 * MIN, 'chief1'),
        ev('custody.withdrawn', { approvalId: 'e003', carrierIds: ['c1'] }, A + 3 * MIN, 'chief1'),
        ev('custody.withdrawn', { approvalId: 'e003', carrierIds: ['c1'] }, A + 4 * MIN),
      ],
      custodyContext({ carriers: [c1, c2] }),
    )
    expect(codes(fold)).toEqual(['C-21', 'C-21'])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { person: 'leader1', parts: ['approving leader', 'requester'] },
      { person: 'chief1', parts: ['approving leader', 'registering officer'] },
    ])
    expect(fold.state.withdrawals.map((w) => [w.carrierId, w.approvedBy, w.by])).toEqual([
      ['c1', 'chief1', 'officer1'],
    ])
  })

  it('rules C-10, C-21: a withdrawal needs an earlier, unused approval covering each carrier still archived', () => {
    const ev = custodyBuilder()
    const fold = foldCustody(
      [
        ev('custody.archived', archive, A),
        ev('custody.withdrawn', { approvalId: 'e003', carrierIds: ['c1'] }, A + MIN),
        ev('custody.withdrawal_approved', approval(), A + 2 * MIN, 'leader1'),
        ev('custody.withdrawn', { approvalId: 'e003', carrierIds: ['c1', 'c2'] }, A + 3 * MIN),
        ev('custody.withdrawn', { approvalId: 'e003', carrierIds: ['c1'] }, A + 4 * MIN),
        ev('custody.withdrawn', { approvalId: 'e003', carrierIds: ['c1'] }, A + 5 * MIN),
      ],
      custodyContext({ carriers: [c1, c2] }),
    )
    expect(codes(fold)).toEqual(['C-21', 'C-21', 'C-21'])
    expect(fold.refused[0]?.error.details).toEqual({ approvalId: 'e003' })
    expect(fold.refused[1]?.error.details).toEqual({ notCovered: ['c2'] })
    expect(fold.refused[2]?.error.details).toEqual({ approvalId: 'e003', usedBy: 'e005' })
  })

  it('rule C-21: a carrier lent or consulted with its file (another register) is not taken out meanwhile', () => {
    const ev = custodyBuilder()
    const events = [
      ev('custody.archived', archive, A),
      ev('custody.withdrawal_approved', approval(), A + MIN, 'leader1'),
    ]
    const work = custodyWork(events, custodyContext({ carriers: [c1, c2] }))
    const lent = custodyContext({ carriers: [c1, c2], away: { c1: awayAs('C-06') } })
    const error = custodySlice.check(
      work,
      ev('custody.withdrawn', { approvalId: 'e002', carrierIds: ['c1'] }, A + 2 * MIN),
      lent,
    )
    expect(error?.code).toBe('C-21')
    expect(error?.details).toEqual({ carrierId: 'c1', awayCode: 'C-06' })
    expect(error?.message.zh).toContain('载体 2025-0001 不在档案室')
  })
})
