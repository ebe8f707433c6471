import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { DEFAULT_CALENDAR, deadlineEstimated } from '../../../src/core/work-calendar.ts'
import { DEFAULT_CLASSIFICATION_POLICY } from '../../../src/registers/classification/policy.ts'
import {
  effectiveStatus,
  escalationsDue,
  overdueDeterminations,
  periodicReviewsDue,
  secretItemsRegister,
} from '../../../src/registers/classification/queries.ts'
import { DAY, determined, ev, fold, item, local, proposal } from './classification-fold.ts'

/** Ordering, filters and statuses of the classification register's queries (D-02, D-04, D-06, D-08). */

const H = 3_600_000
const MIN = 60_000
const T0 = local('2026-03-02T09:00')

const propose = (itemId: string, at: number) =>
  ev(`${itemId}-p`, 'classification.proposed', 'officer1', at, proposal(itemId))
const escalate = (itemId: string, at: number) =>
  ev(`${itemId}-e`, 'classification.escalated', 'officer1', at, { itemId, authority: '县保密局' })

/** The state after `events`, all accepted. */
function folded(events: readonly SliceEvent[]) {
  const out = fold(events)
  expect(out.refused).toEqual([])
  return out.state
}

/** Item `itemId` proposed at `proposedAt`, reviewed an hour later and approved at `approvedAt`. */
function approvedAt(itemId: string, proposedAt: number, at: number): SliceEvent[] {
  return [
    propose(itemId, proposedAt),
    ev(`${itemId}-r`, 'classification.reviewed', 'classifier1', proposedAt + H, {
      itemId,
      proposalId: `${itemId}-p`,
      decision: 'approve',
    }),
    ev(`${itemId}-a`, 'classification.approved', 'leader1', at, { itemId, proposalId: `${itemId}-p` }),
  ]
}

const declassify = (itemId: string, at: number) =>
  ev(`${itemId}-c`, 'classification.change_proposed', 'officer1', at, {
    itemId,
    change: { kind: 'declassify' },
    reason: '已公开',
  })

describe('D-02 overdue determinations', () => {
  it('rule D-02: listed by due time, ties by item id, changes beside determinations, escalated ones apart', () => {
    const state = folded([
      ...determined('b', T0 - 50 * DAY),
      ...determined('a', T0 - 49 * DAY).slice(1),
      propose('e', T0 - 30 * DAY),
      declassify('b', T0 - 20 * DAY),
      declassify('a', T0 - 20 * DAY),
      propose('c', T0 - DAY),
      propose('x', T0 - 40 * DAY),
      escalate('x', T0 - 39 * DAY),
    ])
    const row = (itemId: string, proposalId: string, kind: string, dueAtMs: number) => ({
      itemId,
      proposalId,
      kind,
      dueAtMs,
    })
    expect(overdueDeterminations(state, T0 + 9 * DAY)).toEqual([
      row('e', 'e-p', 'determine', T0 - 20 * DAY),
      row('a', 'a-c', 'declassify', T0 - 10 * DAY),
      row('b', 'b-c', 'declassify', T0 - 10 * DAY),
    ])
    expect(overdueDeterminations(state, T0 + 9 * DAY + 1).map((r) => r.itemId)).toEqual(['e', 'a', 'b', 'c'])
  })
})

describe('D-04 escalations due', () => {
  const at = local('2026-03-02T10:00')

  it('rule D-04: escalations are listed by escalation time then id; a replied one is no longer listed', () => {
    const state = folded([
      propose('b', at - MIN),
      propose('a', at),
      propose('r', at),
      propose('z', at),
      escalate('z', at + H),
      escalate('r', at + H),
      escalate('a', at + 2 * H),
      escalate('b', at + 2 * H),
      ev('r-y', 'classification.reply_recorded', 'officer1', at + DAY, {
        itemId: 'r',
        reference: 'x',
        outcome: { kind: 'not_secret' },
      }),
    ])
    const rows = escalationsDue(state, at + 3 * H, DEFAULT_CALENDAR)
    expect(rows.map((r) => [r.itemId, r.escalatedAtMs, r.overdue])).toEqual([
      ['z', at + H, false],
      ['a', at + 2 * H, false],
      ['b', at + 2 * H, false],
    ])
  })

  it('rule D-04: an escalation whose deadline falls in a year without calendar data counts Monday to Friday there and shows overdue (estimated)', () => {
    const late = local('2026-12-28T10:00')
    const state = fold([propose('a', late), escalate('a', late + H)]).state
    const due = local('2027-01-11T23:59:59.999') // 29–31 Dec, then 1 (no holiday data), 4–8 and 11 Jan
    const [row] = escalationsDue(state, local('2027-06-01T00:00'), DEFAULT_CALENDAR)
    expect(row?.due).toEqual({ ok: true, value: due })
    expect(row?.overdue).toBe(true)
    expect(escalationsDue(state, due, DEFAULT_CALENDAR)[0]?.overdue).toBe(false)
    expect(deadlineEstimated(late + H, due, DEFAULT_CALENDAR)).toBe(true)
  })
})

describe('D-06 periodic reviews due', () => {
  it('rule D-06: listed by due date then id; open, returned and declassified items are not due', () => {
    const ret = ev('ret', 'classification.reviewed', 'classifier1', T0 + H, {
      itemId: 'o',
      proposalId: 'o-p',
      decision: 'return',
    })
    const events: SliceEvent[] = [
      ...determined('b', T0),
      ...determined('a', T0 + H).slice(1),
      ...determined('c', T0 - 30 * DAY),
      ...determined('d', T0).slice(1),
      ev('d-c', 'classification.change_proposed', 'officer1', T0 + DAY, {
        itemId: 'd',
        change: { kind: 'declassify' },
        reason: '已公开',
      }),
      ev('d-cr', 'classification.reviewed', 'classifier1', T0 + DAY + H, {
        itemId: 'd',
        proposalId: 'd-c',
        decision: 'approve',
      }),
      ev('d-ca', 'classification.approved', 'leader1', T0 + DAY + 2 * H, { itemId: 'd', proposalId: 'd-c' }),
      propose('o', T0),
      ret,
      propose('q', T0),
    ]
    const state = folded(events)
    const now = local('2027-06-01T00:00')
    expect(periodicReviewsDue(state, now, DEFAULT_CLASSIFICATION_POLICY, DEFAULT_CALENDAR)).toEqual([
      { itemId: 'c', dueAtMs: local('2027-01-31T00:00') },
      { itemId: 'a', dueAtMs: local('2027-03-02T00:00') },
      { itemId: 'b', dueAtMs: local('2027-03-02T00:00') },
    ])
  })
})

describe('effective status', () => {
  it('rule D-01: a returned proposal is returned, a declassified item declassified, an escalated one protected', () => {
    const [f, p] = determined('i1', T0) as [SliceEvent, SliceEvent]
    const ret = ev('ret', 'classification.reviewed', 'classifier1', T0 + H, {
      itemId: 'i1',
      proposalId: 'i1-p',
      decision: 'return',
    })
    expect(effectiveStatus(item([f, p, ret]), T0 + 2 * H)).toBe('returned')
    expect(effectiveStatus(item([f, p, escalate('i1', T0 + H)]), T0 + 2 * H)).toBe('protected')
    expect(effectiveStatus(item([f, p]), T0 + H)).toBe('proposed')
  })
})

describe('D-08 the year’s register', () => {
  it('rule D-08: numbered by approval time, ties by item id; reply determinations count; other years do not', () => {
    const at = local('2026-04-01T09:00')
    const reply = ev('x-y', 'classification.reply_recorded', 'officer1', at + 2 * H, {
      itemId: 'x',
      reference: '县保函1号',
      outcome: { kind: 'secret', level: 'confidential', periodYears: 5, scope: '班子' },
    })
    const state = folded([
      ...determined('old', local('2025-06-01T09:00')),
      ...approvedAt('b', at - H, at + 3 * H),
      ...approvedAt('a', at, at + 3 * H),
      propose('x', at + MIN),
      escalate('x', at + H),
      reply,
      ...determined('next', local('2027-01-05T09:00')).slice(1),
    ])
    const reg = secretItemsRegister(state, 2026)
    expect(reg.rows.map((r) => [r.number, r.itemId])).toEqual([
      [1, 'x'],
      [2, 'a'],
      [3, 'b'],
    ])
    expect(reg.rows[0]).toEqual({
      number: 1,
      itemId: 'x',
      docNumber: '镇发〔2026〕x号',
      level: 'confidential',
      periodYears: 5,
      scope: '班子',
      basis: { kind: 'derived', sourceDocNumber: '县委发〔2026〕1号' },
      approvedOn: '2026-04-01',
      approver: { kind: 'superior', authority: '县保密局', reference: '县保函1号' },
    })
    expect(secretItemsRegister(state, 2025).rows.map((r) => r.itemId)).toEqual(['old'])
    expect(secretItemsRegister(state, 2027)).toEqual({
      year: 2027,
      rows: [expect.objectContaining({ number: 1, itemId: 'next' })],
      dueBy: '2027-12-31',
    })
  })
})
