import { describe, expect, it } from 'vitest'
import type { Carrier } from '../../../src/core/carrier-record.ts'
import type { CustodyEventPayloads } from '../../../src/registers/custody/events.ts'
import { local } from '../../support/fixtures.ts'
import type { SliceFold } from '../../support/slice-fold.ts'
import {
  awayAs,
  codes,
  custodyBuilder,
  custodyContext,
  destroyed,
  foldCustody,
  heldBy,
  received,
} from './custody-fixtures.ts'

/** What each refusal of the routing slips (rule C-19) says, and the refusal paths the main tests miss. */

const MIN = 60_000
const R = local('2026-03-02T10:00')
const c1 = received('c1', '2026-0001', '2026-03-02')
const own = received('c2', '2026-0002', '2026-03-02', { direction: 'produced' })
const c3 = received('c3', '2026-0003', '2026-03-02')

function slip(
  c: Carrier,
  overrides: Partial<CustodyEventPayloads['custody.routing_opened']> = {},
): CustodyEventPayloads['custody.routing_opened'] {
  return {
    routingId: `r-${c.id}`,
    carrierId: c.id,
    slipNumber: `S-${c.id}`,
    urgency: 'normal',
    receivedAt: R,
    ...overrides,
  }
}

/** Each refusal as [code, zh, en]. */
function said(fold: SliceFold<unknown>): [string, string, string][] {
  return fold.refused.map((r) => [r.error.code, r.error.message.zh, r.error.message.en])
}

describe('custody: what the routing refusals say (rule C-19)', () => {
  it('rule C-19: opening a slip: the id, the number, the carrier, its direction, an open slip and the receipt time', () => {
    const ev = custodyBuilder()
    const fold = foldCustody(
      [
        ev('custody.routing_opened', slip(c1), R),
        ev('custody.routing_opened', slip(c1), R + MIN),
        ev('custody.routing_opened', slip(c3, { slipNumber: 'S-c1' }), R + MIN),
        ev(
          'custody.routing_opened',
          slip(c1, { carrierId: 'c9', routingId: 'r-9', slipNumber: 'S-9' }),
          R + MIN,
        ),
        ev('custody.routing_opened', slip(own), R + MIN),
        ev('custody.routing_opened', slip(c1, { routingId: 'r-x', slipNumber: 'S-x' }), R + MIN),
        ev('custody.routing_opened', slip(c3, { receivedAt: local('2026-03-01T10:00') }), R + MIN),
      ],
      custodyContext({ carriers: [c1, own, c3] }),
    )
    expect(said(fold)).toEqual([
      ['CUSTODY-EXISTS', '处理单 r-c1 已存在', 'Routing slip r-c1 already exists'],
      [
        'C-19',
        '处理单编号 S-c1 已被使用（规则 C-19）',
        'Routing slip number S-c1 is already in use (rule C-19)',
      ],
      [
        'C-19',
        '载体 c9 未在涉密载体台账中登记（规则 C-19）',
        'Carrier c9 is not in the carrier register (rule C-19)',
      ],
      [
        'C-19',
        '处理单只用于收文，载体 2026-0002 是本单位制发的（规则 C-19）',
        'Routing slips are for received documents; 2026-0002 was produced here (rule C-19)',
      ],
      [
        'C-19',
        '载体 2026-0001 已有未办结的处理单 r-c1（规则 C-19）',
        'Carrier 2026-0001 already has an open routing slip r-c1 (rule C-19)',
      ],
      [
        'C-19',
        '收文时间须在登记的收到日期 2026-03-02 且不晚于处理单（规则 C-19）',
        'The time of receipt must fall on the registered date received 2026-03-02 and not after the slip (rule C-19)',
      ],
    ])
    expect(fold.refused[0]?.error.details).toEqual({ id: 'r-c1' })
  })

  it('rule C-19: a carrier destroyed, archived or handed over gets no slip, each on its own', () => {
    const gone = ['C-19', '载体 2026-0001 已销毁、归档或移交，不再办理（规则 C-19）']
    const ev = custodyBuilder()
    const open = ev('custody.routing_opened', slip(c1), R + 5 * MIN)
    const wasDestroyed = foldCustody([open], custodyContext({ carriers: [destroyed(c1)] }))
    expect(said(wasDestroyed).map(([code, zh]) => [code, zh])).toEqual([gone])
    expect(wasDestroyed.refused[0]?.error.message.en).toBe(
      'Carrier 2026-0001 is destroyed, archived or handed over (rule C-19)',
    )
    const ctx = custodyContext({ carriers: [c1] })
    const archive = ev('custody.archived', { batchId: 'b1', archiveRef: 'A', carrierIds: ['c1'] }, R + MIN)
    expect(said(foldCustody([archive, open], ctx)).map(([code, zh]) => [code, zh])).toEqual([gone])
    const declare = ev(
      'custody.unit_closure_declared',
      { closureId: 'k1', kind: 'merged', decisionRef: '县委〔2026〕9号', receivingUnits: ['town-9'] },
      R + MIN,
      'leader1',
    )
    const handOver = ev(
      'custody.handed_over',
      {
        closureId: 'k1',
        batchId: 'h1',
        receivingUnit: 'town-9',
        receiptRef: '签收1',
        carrierIds: ['c1'],
        registers: false,
      },
      R + 2 * MIN,
    )
    const handed = foldCustody([declare, handOver, open], ctx)
    expect(said(handed).map(([code, zh]) => [code, zh])).toEqual([gone])
    expect(handed.state.routings.size).toBe(0)
  })

  it('rules C-19, B-04: presenting and closing: the user, the post, the slip, the presentation, and closed slips', () => {
    const ev = custodyBuilder()
    const fold = foldCustody(
      [
        ev('custody.routing_opened', slip(c1), R),
        ev('custody.routing_presented', { routingId: 'r-c1', to: 'leader2' }, R + MIN),
        ev('custody.routing_presented', { routingId: 'r-c1', to: 'officer1' }, R + 2 * MIN),
        ev('custody.routing_presented', { routingId: 'r-9', to: 'leader1' }, R + 3 * MIN),
        ev('custody.routing_closed', { routingId: 'r-c1' }, R + 4 * MIN),
        ev('custody.routing_presented', { routingId: 'r-c1', to: 'leader1' }, R + 5 * MIN),
        ev('custody.routing_closed', { routingId: 'r-c1' }, R + 6 * MIN),
        ev('custody.routing_presented', { routingId: 'r-c1', to: 'leader1' }, R + 7 * MIN),
      ],
      custodyContext({ carriers: [c1] }),
    )
    expect(said(fold)).toEqual([
      ['C-19', 'leader2 不是本单位用户（规则 C-19）', 'leader2 is not a user of this unit (rule C-19)'],
      [
        'C-19',
        'officer1 在组织机构台账中不是保密工作第一责任人（主要领导）或分管保密工作领导或办公室主任，不能批准（规则 C-19、B-04）',
        'officer1 does not hold the post first_responsible or responsible_leader or office_head in the organisation register and cannot approve (rules C-19, B-04)',
      ],
      ['C-19', '处理单 r-9 不存在（规则 C-19）', 'Routing slip r-9 does not exist (rule C-19)'],
      [
        'C-19',
        '处理单 S-c1 尚未送阅，不能办结（规则 C-19）',
        'Routing slip S-c1 was never presented and cannot be closed (rule C-19)',
      ],
      ['CUSTODY-CLOSED', '处理单 S-c1 已办结', 'Routing slip S-c1 is already closed'],
    ])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { to: 'leader2' },
      {
        approver: 'officer1',
        posts: ['first_responsible', 'responsible_leader', 'office_head'],
        held: [],
      },
      { routingId: 'r-9' },
      { routingId: 'r-c1' },
      { routingId: 'r-c1' },
    ])
  })

  it('rule C-19: a slip does not close while readers hold the carrier or it is away, naming them', () => {
    const ev = custodyBuilder()
    const events = [
      ev('custody.routing_opened', slip(c1), R),
      ev('custody.routing_presented', { routingId: 'r-c1', to: 'leader1' }, R + MIN),
      ev('custody.routing_closed', { routingId: 'r-c1' }, R + 2 * MIN),
    ]
    const twoReaders = heldBy(c1, 'leader1')
    const held = {
      ...twoReaders,
      holders: [...twoReaders.holders, { ...twoReaders.holders[0], reader: 'chief1' }],
    }
    expect(said(foldCustody(events, custodyContext({ carriers: [held as Carrier] })))).toEqual([
      [
        'C-19',
        '载体 2026-0001 仍在 leader1、chief1 手中，收回后方可办结（规则 C-19）',
        'Carrier 2026-0001 is still held by leader1, chief1; close the slip once it is back (rule C-19)',
      ],
    ])
    const away = foldCustody(events, custodyContext({ carriers: [c1], away: { c1: awayAs('C-08') } }))
    expect(said(away)).toEqual([
      [
        'C-19',
        '载体 2026-0001 尚未收回：载体不在保管中（规则 C-08）（规则 C-19）',
        'Carrier 2026-0001 is not back: The carrier is away (rule C-08) (rule C-19)',
      ],
    ])
    expect(codes(foldCustody(events, custodyContext({ carriers: [c1] })))).toEqual([])
  })
})
