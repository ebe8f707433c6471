import { describe, expect, it } from 'vitest'
import type { MovementEventPayloads as P } from '../../../src/registers/movement/events.ts'
import { movementCarrierAway, movementSlice } from '../../../src/registers/movement/slice.ts'
import { makeContext } from '../../support/fixtures.ts'
import { foldSlice } from '../../support/slice-fold.ts'
import { codes, eventBuilder, foldMovements, loan, MIN, START, trip } from './movement-fixtures.ts'

/** What the shared movement checks say (approvals, custody, lists) and how an away carrier is described. */

const lend = (carrierIds: string[]): P['movement.loan_out_approved'] => ({
  carrierIds,
  borrower: '县农业农村局',
})

describe('movement register: shared refusals (rules C-06, C-08)', () => {
  it('rule C-06: a carrier away on a loan is refused, naming the loan and whether it came back', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', lend(['c1', 'c2'])),
      ev('movement.loaned_out', loan({ carrierIds: ['c1', 'c2'] })),
      ev('movement.loan_returned', { loanId: 'L1', returnedIds: ['c1'], damagedIds: [] }),
      ev('movement.loan_out_approved', lend(['c2'])),
      ev('movement.loaned_out', loan({ loanId: 'L2', carrierIds: ['c2'], approvalId: 'm004' })),
      ev('movement.loan_out_approved', lend(['c1'])),
      ev('movement.loaned_out', loan({ loanId: 'L3', approvalId: 'm006' })),
      ev('movement.loan_out_approved', lend(['c1'])),
      ev('movement.loaned_out', loan({ loanId: 'L4', approvalId: 'm008' })),
    ])
    expect(codes(fold)).toEqual(['C-06', 'C-06'])
    const [missing, out] = fold.refused.map((r) => r.error)
    expect(missing?.message.zh).toContain('载体 2026-0002 已借出（L1）且未归还，不在保管中')
    expect(missing?.message.en).toContain('Carrier 2026-0002 is away (L1, missing)')
    expect(missing?.details).toEqual({ carrierId: 'c2', refId: 'L1' })
    expect(out?.message.zh).toContain('载体 2026-0001 已借出（L3），不在保管中')
    expect(out?.message.en).toContain('Carrier 2026-0001 is away (L3, out)')
    expect([...fold.state.loans.keys()]).toEqual(['L1', 'L3'])
  })

  it('rule C-06: what an approval does not cover, and return lists with foreign or unreturned damaged items, are named', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', lend(['c1', 'c2'])),
      ev('movement.loaned_out', loan({ carrierIds: ['c1', 'c2', 'm1'] })),
      ev('movement.loaned_out', loan({ carrierIds: ['c1', 'c2'] })),
      ev('movement.loan_returned', { loanId: 'L1', returnedIds: ['c1', 'c9'], damagedIds: [] }),
      ev('movement.loan_returned', { loanId: 'L1', returnedIds: ['c1'], damagedIds: ['c2'] }),
    ])
    expect(codes(fold)).toEqual(['C-06', 'C-06', 'C-06'])
    const [covered, foreign, damaged] = fold.refused.map((r) => r.error)
    expect(covered?.message.zh).toContain('批准未包括 m1（规则 C-06）')
    expect(covered?.message.en).toContain('The approval does not cover m1 (rule C-06)')
    expect(covered?.details).toEqual({ notCovered: ['m1'] })
    expect(foreign?.message.zh).toContain('c9 不在本次登记的物品中')
    expect(foreign?.message.en).toContain('c9 did not go out with this entry')
    expect(damaged?.message.zh).toContain('损坏的 c2 须列为已归还')
    expect(damaged?.message.en).toContain('Damaged c2 must be listed as returned')
    expect(fold.state.loans.get('L1')?.returned).toBeNull()
  })

  it('rules C-06, B-04: a destroyed carrier and one not registered are told apart; without a unit view no approval', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', lend(['d1'])),
      ev('movement.loan_out_approved', lend(['nope'])),
    ])
    const [destroyed, unknown] = fold.refused.map((r) => r.error)
    expect(destroyed?.message.zh).toContain('载体 2026-0007 已销毁')
    expect(destroyed?.message.en).toContain('Carrier 2026-0007 is destroyed')
    expect(unknown?.message.zh).toContain('载体 nope 未在涉密载体台账中登记')
    expect(unknown?.message.en).toContain('Carrier nope is not in the carrier register')
    const ev2 = eventBuilder()
    const blind = foldSlice(movementSlice, [ev2('movement.loan_out_approved', lend(['c1']))], makeContext())
    // Without the unit view neither the organisation register nor the carrier register can be read.
    expect(blind.refused.map((r) => r.error.code)).toEqual(['C-06'])
    expect(blind.refused[0]?.error.message.zh).toContain('组织机构台账不可用')
  })

  it('rule C-06: an approval of another kind is no loan approval; one recorded at the same instant, before it, is', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.carry_out_approved', {
        carrierIds: ['c1'],
        abroad: false,
        foreignAffairs: false,
      }),
      ev('movement.loaned_out', loan()),
    ])
    expect(codes(fold)).toEqual(['C-06'])
    expect(fold.refused[0]?.error.message.zh).toContain('没有领导的借出批准记录 m001')
    const ev2 = eventBuilder()
    const at = START + MIN
    const same = foldMovements([
      ev2('movement.loan_out_approved', lend(['c1']), { at }),
      ev2('movement.loaned_out', loan(), { at }),
    ])
    expect(codes(same)).toEqual([])
    expect(same.state.loans.get('L1')?.loanedAt).toBe(at)
  })
})

describe('movement register: how an away carrier is described (rules C-06, C-08)', () => {
  it('rules C-06, C-08: out on a loan or a trip, with its holder and entry, until it is back', () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.loan_out_approved', lend(['c1'])),
      ev('movement.loaned_out', loan()),
      ev('movement.carry_out_approved', {
        carrierIds: ['c2'],
        abroad: false,
        foreignAffairs: false,
      }),
      ev('movement.carried_out', trip({ carrierIds: ['c2'], approvalId: 'm003' })),
    ])
    expect(movementCarrierAway(fold.state, 'c1')).toMatchObject({
      zh: '载体已借出（县农业农村局，L1），归还前不得分发、复制或销毁（规则 C-06）',
      en: 'The carrier is lent out (县农业农村局, L1) and cannot be handed out, copied or destroyed until it is back (rule C-06)',
    })
    expect(movementCarrierAway(fold.state, 'c2')).toMatchObject({
      code: 'C-08',
      zh: '载体已携带外出（officer1，T1），返回查验前不得分发、复制或销毁（规则 C-08）',
      en: 'The carrier is carried out (officer1, T1) and cannot be handed out, copied or destroyed until it is back (rule C-08)',
    })
  })

  it('rule C-06: not back at the return check, then lost, naming the anomaly', () => {
    const ev = eventBuilder()
    const events = [
      ev('movement.loan_out_approved', lend(['c1'])),
      ev('movement.loaned_out', loan()),
      ev('movement.loan_returned', { loanId: 'L1', returnedIds: [], damagedIds: [] }),
    ]
    const missing = movementCarrierAway(foldMovements(events).state, 'c1')
    expect(missing).toMatchObject({
      code: 'C-06',
      zh: '载体借出后未归还（loan_incomplete:m003），不在保管中（规则 C-06）',
      en: 'The carrier did not come back after it was lent out (loan_incomplete:m003) and is not in custody (rule C-06)',
    })
    const resolve = ev('movement.anomaly_resolved', {
      anomalyId: 'loan_incomplete:m003',
      note: '已报告',
      recovered: false,
    })
    const lost = movementCarrierAway(foldMovements([...events, resolve]).state, 'c1')
    expect(lost?.zh).toBe('载体借出后遗失（loan_incomplete:m003），不在保管中（规则 C-06）')
    expect(lost?.en).toBe(
      'The carrier was lost after it was lent out (loan_incomplete:m003) and is not in custody (rule C-06)',
    )
  })
})
