import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { classificationSlice } from '../../../src/registers/classification/slice.ts'
import { CTX, DAY, determined, ev, fold, local, proposal } from './classification-fold.ts'

/** Refusal paths of the classification register (D-01..D-09) around unknown, stale and closed items. */

const H = 3_600_000
const T0 = local('2026-03-02T09:00')

const review = (id: string, itemId: string, proposalId: string, at: number, actor = 'classifier1') =>
  ev(id, 'classification.reviewed', actor, at, { itemId, proposalId, decision: 'approve' })
const returned = (id: string, itemId: string, proposalId: string, at: number) =>
  ev(id, 'classification.reviewed', 'classifier1', at, { itemId, proposalId, decision: 'return' })
const approve = (id: string, itemId: string, proposalId: string, at: number, actor = 'leader1') =>
  ev(id, 'classification.approved', actor, at, { itemId, proposalId })
const escalate = (id: string, itemId: string, at: number) =>
  ev(id, 'classification.escalated', 'officer1', at, { itemId, authority: '县保密局' })
const reply = (id: string, itemId: string, at: number, outcome: unknown = { kind: 'not_secret' }) =>
  ev(id, 'classification.reply_recorded', 'officer1', at, { itemId, reference: '县保函1号', outcome })
const change = (id: string, itemId: string, c: unknown, at: number) =>
  ev(id, 'classification.change_proposed', 'officer1', at, { itemId, change: c, reason: '情况变化' })
const periodic = (id: string, itemId: string, outcome: string, at: number, actor = 'classifier1') =>
  ev(id, 'classification.reviewed_periodic', actor, at, { itemId, outcome })

/** Refusals as [eventId, code]. */
function refusals(events: readonly SliceEvent[]): [string, string][] {
  return fold(events).refused.map((r) => [r.eventId, r.error.code])
}

describe('unknown items', () => {
  it('rule D-01: every step on an item the register does not hold is refused as unknown', () => {
    const [f] = determined('i1', T0)
    const t = T0 + H
    const out = fold([
      f as SliceEvent,
      review('r', 'zz', 'p', t),
      approve('a', 'zz', 'p', t),
      escalate('e', 'zz', t),
      reply('y', 'zz', t),
      change('c', 'zz', { kind: 'declassify' }, t),
      periodic('k', 'zz', 'kept', t),
    ])
    expect(out.refused.map((r) => r.error.code)).toEqual(Array(6).fill('CLS-UNKNOWN'))
    expect(out.refused.map((r) => r.error.details)).toEqual(Array(6).fill({ itemId: 'zz' }))
    expect(out.state.items.size).toBe(0)
  })

  it('rule D-01: an event type foreign to the register is refused by check and ignored by apply', () => {
    const work = classificationSlice.fork(classificationSlice.empty())
    const foreign = ev('x', 'telegram.received', 'officer1', T0, {})
    expect(classificationSlice.check(work, foreign, CTX)?.code).toBe('CLS-TYPE')
    classificationSlice.apply(work, foreign, CTX)
    expect(work.items.size + work.classifiers.size).toBe(0)
  })
})

describe('proposals (rule D-01)', () => {
  it('rule D-01: an item id in use (open or determined) cannot be proposed again', () => {
    const evs = [
      ...determined('i1', T0),
      ev('i2-p', 'classification.proposed', 'officer1', T0, proposal('i2')),
      ev('dup1', 'classification.proposed', 'officer1', T0 + DAY, proposal('i1', { level: 'confidential' })),
      ev('dup2', 'classification.proposed', 'officer1', T0 + DAY, proposal('i2', { level: 'confidential' })),
    ]
    const out = fold(evs)
    expect(out.refused.map((r) => [r.eventId, r.error.code])).toEqual([
      ['dup1', 'CLS-EXISTS'],
      ['dup2', 'CLS-EXISTS'],
    ])
    expect(out.refused[0]?.error.details).toEqual({ itemId: 'i1' })
    expect(out.state.items.get('i1')?.status).toBe('determined')
    expect(out.state.items.get('i2')?.pending?.id).toBe('i2-p')
  })
})

describe('reviews and approvals (rules D-01, D-05)', () => {
  const [f, p, r] = determined('i1', T0) as [SliceEvent, SliceEvent, SliceEvent, SliceEvent]

  it('rule D-01: a review or approval naming another proposal than the open one is stale', () => {
    expect(refusals([f, p, review('r1', 'i1', 'old', T0 + H), approve('a1', 'i1', 'old', T0 + H)])).toEqual([
      ['a1', 'CLS-STALE'],
      ['r1', 'CLS-STALE'],
    ])
    expect(refusals([f, p, r, approve('a1', 'i1', 'old', T0 + 2 * H)])).toEqual([['a1', 'CLS-STALE']])
  })

  it('rule D-01: a proposal is reviewed once; the second review is refused and the first stays', () => {
    const out = fold([f, p, r, review('r2', 'i1', 'i1-p', T0 + 2 * H)])
    expect(out.refused.map((x) => [x.eventId, x.error.code])).toEqual([['r2', 'CLS-REVIEWED']])
    expect(out.state.items.get('i1')?.pending?.review).toEqual({
      eventId: 'i1-r',
      by: 'classifier1',
      atMs: T0 + H,
    })
  })

  it('rule D-01: a returned proposal can be neither reviewed nor approved until proposed again', () => {
    const out = fold([
      f,
      p,
      returned('ret', 'i1', 'i1-p', T0 + H),
      review('r2', 'i1', 'i1-p', T0 + 2 * H),
      approve('a2', 'i1', 'i1-p', T0 + 3 * H),
    ])
    expect(out.refused.map((x) => [x.eventId, x.error.code])).toEqual([
      ['r2', 'CLS-NOT-PENDING'],
      ['a2', 'CLS-NOT-PENDING'],
    ])
    expect(out.state.items.get('i1')?.status).toBe('returned')
  })

  it('rule D-05: a determined item without an open change has nothing to review or approve', () => {
    const evs = determined('i1', T0)
    expect(
      refusals([...evs, review('r2', 'i1', 'i1-p', T0 + DAY), approve('a2', 'i1', 'i1-p', T0 + DAY)]),
    ).toEqual([
      ['a2', 'CLS-NOT-PENDING'],
      ['r2', 'CLS-NOT-PENDING'],
    ])
  })

  it('rule D-04: an escalated item refuses approval as awaiting the superior', () => {
    const out = fold([f, p, r, escalate('esc', 'i1', T0 + 2 * H), approve('a', 'i1', 'i1-p', T0 + 3 * H)])
    expect(out.refused.map((x) => [x.eventId, x.error.code])).toEqual([['a', 'D-04']])
    expect(out.refused[0]?.error.details).toEqual({ itemId: 'i1' })
    expect(out.state.items.get('i1')?.status).toBe('escalated')
  })

  it('rule D-05: a change approved without review, or by its own reviewer, is refused under D-05', () => {
    const t = T0 + 100 * DAY
    const base = [
      ev('fb', 'classification.classifier_filed', 'leader1', T0, { classifierId: 'boss', filingRef: 'x' }),
      ...determined('i1', T0),
      change('c', 'i1', { kind: 'level', level: 'confidential', periodYears: null }, t),
    ]
    const out = fold([
      ...base,
      approve('a0', 'i1', 'c', t + H),
      review('cr', 'i1', 'c', t + 2 * H, 'boss'),
      approve('a1', 'i1', 'c', t + 3 * H, 'boss'),
    ])
    expect(out.refused.map((x) => [x.eventId, x.error.code])).toEqual([
      ['a0', 'D-05'],
      ['a1', 'D-05'],
    ])
    expect(out.refused[1]?.error.details).toEqual({ person: 'boss', parts: ['reviewer', 'approver'] })
    expect(out.state.items.get('i1')?.determination?.level).toBe('secret')
  })
})

describe('escalation and reply (rule D-04)', () => {
  it('rule D-04: only an undecided determination is escalated: not a determined, returned or escalated one', () => {
    const [f, p] = determined('i2', T0) as [SliceEvent, SliceEvent]
    const out = fold([
      ...determined('i1', T0),
      escalate('e1', 'i1', T0 + DAY),
      p,
      f,
      returned('ret', 'i2', 'i2-p', T0 + H),
      escalate('e2', 'i2', T0 + DAY),
      ev('i3-p', 'classification.proposed', 'officer1', T0, proposal('i3')),
      escalate('e3', 'i3', T0 + H),
      escalate('e4', 'i3', T0 + 2 * H),
    ])
    expect(out.refused.map((x) => [x.eventId, x.error.code])).toEqual([
      ['e4', 'D-04'],
      ['e1', 'D-04'],
      ['e2', 'D-04'],
    ])
    expect(out.state.items.get('i3')?.escalation?.eventId).toBe('e3')
    expect(out.state.items.get('i1')?.escalation).toBeNull()
  })

  it('rule D-03: a secret reply with a period beyond the level maximum is refused', () => {
    const [f, p] = determined('i1', T0) as [SliceEvent, SliceEvent]
    const bad = { kind: 'secret', level: 'confidential', periodYears: 11, scope: '班子' }
    const out = fold([f, p, escalate('esc', 'i1', T0 + H), reply('y', 'i1', T0 + DAY, bad)])
    expect(out.refused.map((x) => [x.eventId, x.error.code])).toEqual([['y', 'D-03']])
    expect(out.state.items.get('i1')?.status).toBe('escalated')
  })
})

describe('changes (rule D-05)', () => {
  it('rule D-05: only a determined item can change: not an open proposal nor a declassified item', () => {
    const t = T0 + 10 * DAY
    const out = fold([
      ev('i2-p', 'classification.proposed', 'officer1', T0, proposal('i2')),
      change('c2', 'i2', { kind: 'declassify' }, t),
      ...determined('i1', T0),
      change('d', 'i1', { kind: 'declassify' }, t),
      review('dr', 'i1', 'd', t + H),
      approve('da', 'i1', 'd', t + 2 * H),
      change('c1', 'i1', { kind: 'period', periodYears: 5 }, t + 3 * H),
    ])
    expect(out.refused.map((x) => [x.eventId, x.error.code])).toEqual([
      ['c2', 'D-05'],
      ['c1', 'D-05'],
    ])
    expect(out.refused[0]?.error.details).toEqual({ itemId: 'i2' })
  })

  it('rule D-05: one open change at a time', () => {
    const t = T0 + 10 * DAY
    const out = fold([
      ...determined('i1', T0),
      change('c1', 'i1', { kind: 'period', periodYears: 5 }, t),
      change('c2', 'i1', { kind: 'declassify' }, t + H),
    ])
    expect(out.refused.map((x) => [x.eventId, x.error.code])).toEqual([['c2', 'D-05']])
    expect(out.refused[0]?.error.message.zh).toBe('事项 i1 已有待办的变更（规则 D-05）')
    expect(out.state.items.get('i1')?.pending?.id).toBe('c1')
  })

  it('rule D-03: a level change checks the period against the new level', () => {
    const t = T0 + 10 * DAY
    expect(
      refusals([
        ...determined('i1', T0),
        change('c', 'i1', { kind: 'level', level: 'confidential', periodYears: 15 }, t),
      ]),
    ).toEqual([['c', 'D-03']])
    expect(
      refusals([
        ...determined('i1', T0),
        change('c', 'i1', { kind: 'level', level: 'top_secret', periodYears: 25 }, t),
      ]),
    ).toEqual([])
  })

  it('rule D-07: a change one ms before the expiry is accepted; at the expiry it is refused', () => {
    const evs = determined('i1', T0, { level: 'confidential', periodYears: 1 })
    const end = local('2027-03-02T00:00')
    expect(refusals([...evs, change('c', 'i1', { kind: 'period', periodYears: 5 }, end - 1)])).toEqual([])
    expect(refusals([...evs, change('c', 'i1', { kind: 'period', periodYears: 5 }, end)])).toEqual([
      ['c', 'D-07'],
    ])
  })
})
