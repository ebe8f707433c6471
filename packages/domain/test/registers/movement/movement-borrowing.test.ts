import { describe, expect, it } from 'vitest'
import type { MovementEventPayloads as P } from '../../../src/registers/movement/events.ts'
import { openMovementAnomalies, overdueMovements } from '../../../src/registers/movement/queries.ts'
import { borrowed, codes, DAY, eventBuilder, foldMovements, START } from './movement-fixtures.ts'

describe('movement register: borrowing in (C-06)', () => {
  const approveIn: P['movement.borrow_in_approved'] = {
    lender: '邻镇党政办',
    itemIds: ['x1', 'x2'],
  }

  it("rule C-06: borrowing in needs our leader's approval, the lender's leader and reference, and a due date", () => {
    const ev = eventBuilder()
    const fold = foldMovements(
      [
        ev('movement.borrowed_in', borrowed()),
        ev('movement.borrow_in_approved', approveIn, { actor: 'chief1' }),
        ev('movement.borrow_in_approved', approveIn),
        ev('movement.borrowed_in', borrowed({ approvalId: 'm003', lender: '县档案馆' })),
        ev('movement.borrowed_in', borrowed({ approvalId: 'm003', lenderApprovalRef: '' })),
        ev('movement.borrowed_in', borrowed({ approvalId: 'm003', dueAt: START })),
        ev(
          'movement.borrowed_in',
          borrowed({ approvalId: 'm003', items: [{ itemId: 'x3', docNumber: '', level: 'secret' }] }),
        ),
        ev('movement.borrowed_in', borrowed({ approvalId: 'm003' })),
      ],
      { posts: { leader1: ['first_responsible'], chief1: ['office_head'] } },
    )
    expect(codes(fold)).toEqual(['C-06', 'C-06', 'C-06', 'C-06', 'C-06', 'C-06'])
    expect(fold.state.borrowed.get('B1')).toMatchObject({
      lender: '邻镇党政办',
      eventId: 'm008',
      returned: null,
    })
  })

  it("rule C-06: a borrowed carrier is not excerpted or copied without the lender's leader's approval", () => {
    const ev = eventBuilder()
    const fold = foldMovements([
      ev('movement.borrow_in_approved', approveIn),
      ev('movement.borrowed_in', borrowed()),
      ev('movement.borrowed_copy_recorded', { loanId: 'B1', itemId: 'x1', copyId: 'k1', mode: 'excerpt' }),
      ev('movement.borrowed_copy_recorded', {
        loanId: 'B1',
        itemId: 'x1',
        copyId: 'k1',
        mode: 'copy',
        lenderApprovalRef: ' ',
      }),
      ev('movement.borrowed_copy_recorded', {
        loanId: 'B1',
        itemId: 'x2',
        copyId: 'k1',
        mode: 'copy',
        lenderApprovalRef: 'r',
      }),
      ev('movement.borrowed_copy_recorded', {
        loanId: 'B1',
        itemId: 'x1',
        copyId: 'k1',
        mode: 'copy',
        lenderApprovalRef: '邻镇批字1号',
      }),
    ])
    expect(codes(fold)).toEqual(['C-06', 'C-06', 'C-06'])
    expect(fold.state.borrowed.get('B1')?.copies).toEqual([
      {
        eventId: 'm006',
        copyId: 'k1',
        itemId: 'x1',
        mode: 'copy',
        lenderApprovalRef: '邻镇批字1号',
        at: START + 6 * 60_000,
      },
    ])
  })

  it('rule C-06: borrowed carriers are given back by the due date; one not given back is an anomaly', () => {
    const ev = eventBuilder()
    const dueAt = START + 5 * DAY
    const events = [
      ev('movement.borrow_in_approved', approveIn),
      ev(
        'movement.borrowed_in',
        borrowed({
          items: [
            { itemId: 'x1', docNumber: 'a', level: 'secret' },
            { itemId: 'x2', docNumber: 'b', level: 'secret' },
          ],
        }),
      ),
    ]
    const open = foldMovements(events)
    expect(overdueMovements(open.state, dueAt)).toEqual([])
    expect(overdueMovements(open.state, dueAt + 1)).toMatchObject([
      { rule: 'C-06', kind: 'borrowed_in', id: 'B1', counterpart: '邻镇党政办' },
    ])
    const back = foldMovements([
      ...events,
      ev('movement.returned_to_lender', { loanId: 'B1', returnedIds: ['x1', 'x1'] }),
      ev('movement.returned_to_lender', { loanId: 'B1', returnedIds: ['x1'] }),
      ev('movement.borrowed_copy_recorded', {
        loanId: 'B1',
        itemId: 'x1',
        copyId: 'k1',
        mode: 'copy',
        lenderApprovalRef: 'r',
      }),
    ])
    expect(codes(back)).toEqual(['C-06', 'MOVEMENT-CLOSED'])
    expect(overdueMovements(back.state, dueAt + 1)).toEqual([])
    expect(openMovementAnomalies(back.state)).toMatchObject([
      { kind: 'borrowed_return_incomplete', missingIds: ['x2'] },
    ])
  })
})
