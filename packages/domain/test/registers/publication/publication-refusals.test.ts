import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { publicationSlice } from '../../../src/registers/publication/slice.ts'
import { CTX, codes } from '../responsibility/responsibility-fold.ts'
import { designated, foldPublication, itemSteps, MIN, P0, pubEvent, reviewed } from './publication-fold.ts'

/** Refusal paths of publication review (R-01..R-05) in every state an item can be in. */

const escalate = (ev: ReturnType<typeof pubEvent>, atMs: number, itemId = 'i1') =>
  ev('publication.escalated', { itemId, bureau: '县保密局' }, atMs, 'officer1')
const reply = (
  ev: ReturnType<typeof pubEvent>,
  decision: 'publish' | 'not_publish',
  atMs: number,
  itemId = 'i1',
) => ev('publication.bureau_replied', { itemId, decision, replyRef: '复函1号' }, atMs, 'officer1')

describe('unknown items and users', () => {
  it('rule R-01: every step on an item never submitted is refused under R-01', () => {
    const ev = pubEvent()
    const f = foldPublication([
      ...designated(ev),
      ev(
        'publication.reviewed',
        { itemId: 'zz', capacity: 'section_head', decision: 'pass' },
        P0 + MIN,
        'head1',
      ),
      escalate(ev, P0 + MIN, 'zz'),
      reply(ev, 'publish', P0 + MIN, 'zz'),
      ev(
        'publication.withholding_proposed',
        { itemId: 'zz', kind: 'exempt', reason: '隐私' },
        P0 + MIN,
        'clerk',
      ),
      ev(
        'publication.withholding_confirmed',
        { itemId: 'zz', capacity: 'review_officer' },
        P0 + MIN,
        'officer1',
      ),
    ])
    expect(codes(f)).toEqual(['R-01', 'R-01', 'R-01', 'R-01', 'R-01'])
    expect(f.refused.map((r) => r.error.details)).toEqual(Array(5).fill({ itemId: 'zz' }))
    expect([...f.state.items.keys()]).toEqual(['i1'])
  })

  it('rule R-02: a reviewer designation naming a user unknown to the directory is refused', () => {
    const ev = pubEvent()
    const f = foldPublication([
      ev('publication.reviewer_designated', { userId: 'nobody', post: 'section_head' }, P0, 'leader1'),
    ])
    expect(codes(f)).toEqual(['PUB-USER'])
    expect(f.state.reviewers.size).toBe(0)
  })

  it('rule R-02: an event type foreign to the register is refused by check and ignored by apply', () => {
    const work = publicationSlice.fork(publicationSlice.empty())
    const foreign: SliceEvent = {
      id: 'z',
      type: 'telegram.received',
      actor: 'officer1',
      atMs: P0,
      payload: {},
    }
    expect(publicationSlice.check(work, foreign, CTX)?.code).toBe('PUB-TYPE')
    publicationSlice.apply(work, foreign, CTX)
    expect(work.items.size + work.reviewers.size + work.incidents.size).toBe(0)
  })
})

describe('review steps in the wrong state (rule R-02)', () => {
  it('rule R-02: a second first review is refused as done', () => {
    const { ev, review } = itemSteps()
    const f = foldPublication([
      ...designated(ev),
      ev('publication.reviewer_designated', { userId: 'head2', post: 'section_head' }, P0 - MIN, 'leader1'),
      review('section_head', 'pass', P0 + MIN, 'head1'),
      review('section_head', 'pass', P0 + 2 * MIN, 'head2'),
    ])
    expect(codes(f)).toEqual(['R-02'])
    expect(f.refused[0]?.error.message.zh).toBe('初审已完成（规则 R-02）')
    expect(f.state.items.get('i1')?.reviews).toHaveLength(1)
  })

  it('rule R-02: each second-step capacity signs once, even by another person holding the role', () => {
    const { ev, review } = itemSteps()
    const f = foldPublication([
      ...designated(ev),
      review('section_head', 'pass', P0 + MIN, 'head1'),
      review('responsible_leader', 'pass', P0 + 2 * MIN, 'leader1'),
      review('responsible_leader', 'pass', P0 + 3 * MIN, 'leader2'),
    ])
    expect(codes(f)).toEqual(['R-02'])
    expect(f.refused[0]?.error.message.en).toBe('This second-step review is already signed (rule R-02)')
    expect(f.state.items.get('i1')).toMatchObject({ state: 'first_passed', approver: null })
  })

  it('rules R-02, B-04: the refusal names the organisation post the second step lacks', () => {
    const { ev, review } = itemSteps()
    const f = foldPublication([
      ...designated(ev),
      review('section_head', 'pass', P0 + MIN, 'head1'),
      review('responsible_leader', 'pass', P0 + 2 * MIN, 'classifier1'),
      review('classifier', 'pass', P0 + 3 * MIN, 'leader1'),
    ])
    expect(f.refused.map((r) => r.error.message.zh)).toEqual([
      'classifier1 在组织机构台账中不是分管保密工作领导，不能批准（规则 R-02、B-04）',
      'leader1 在组织机构台账中不是定密责任人，不能批准（规则 R-02、B-04）',
    ])
    expect(f.refused.map((r) => r.error.details)).toEqual([
      { approver: 'classifier1', posts: ['responsible_leader'], held: ['classifier'] },
      { approver: 'leader1', posts: ['classifier'], held: ['responsible_leader'] },
    ])
  })

  it('rule R-04: an escalated item takes no first or second review', () => {
    const { ev, review } = itemSteps()
    const f = foldPublication([
      ...designated(ev),
      review('section_head', 'pass', P0 + MIN, 'head1'),
      escalate(ev, P0 + 2 * MIN),
      review('responsible_leader', 'pass', P0 + 3 * MIN, 'leader1'),
      escalate(ev, P0 + 4 * MIN),
    ])
    expect(codes(f)).toEqual(['R-04', 'R-04'])
    expect(f.state.items.get('i1')?.escalation).toMatchObject({ bureau: '县保密局', at: P0 + 2 * MIN })
  })

  it('rule R-02: an approved or returned item is in the wrong state for any further review', () => {
    const { ev, review } = itemSteps()
    const approved = foldPublication([
      ...reviewed(ev),
      review('section_head', 'pass', P0 + 10 * MIN, 'head1'),
      review('classifier', 'pass', P0 + 11 * MIN, 'boss'),
      escalate(ev, P0 + 12 * MIN),
    ])
    expect(codes(approved)).toEqual(['PUB-STATE', 'PUB-STATE', 'PUB-STATE'])
    expect(approved.refused.map((r) => r.error.details)).toEqual(Array(3).fill({ state: 'approved' }))
    const e2 = pubEvent()
    const returned = foldPublication([
      ...designated(e2),
      itemSteps(e2).review('section_head', 'pass', P0 + MIN, 'head1'),
      itemSteps(e2).review('classifier', 'return', P0 + 2 * MIN, 'classifier1'),
      itemSteps(e2).review('responsible_leader', 'pass', P0 + 3 * MIN, 'leader1'),
    ])
    expect(codes(returned)).toEqual(['PUB-STATE'])
    expect(returned.state.items.get('i1')?.state).toBe('returned')
  })

  it('rule R-05: an item proposed for withholding takes no review and no escalation', () => {
    const { ev, review, propose } = itemSteps()
    const f = foldPublication([
      ...designated(ev),
      propose('exempt', '涉及个人隐私', P0 + MIN),
      review('section_head', 'pass', P0 + 2 * MIN, 'head1'),
      escalate(ev, P0 + 3 * MIN),
      propose('deferred', '再议', P0 + 4 * MIN),
    ])
    expect(codes(f)).toEqual(['R-05', 'R-05', 'R-05'])
    expect(f.state.items.get('i1')?.withholding?.kind).toBe('exempt')
  })
})

describe('escalation and the bureau (rule R-04)', () => {
  it('rule R-04: an item may be escalated after the first review; the bureau replies once, to it only', () => {
    const { ev, review } = itemSteps()
    const f = foldPublication([
      ...designated(ev),
      reply(ev, 'publish', P0 + MIN),
      review('section_head', 'pass', P0 + 2 * MIN, 'head1'),
      escalate(ev, P0 + 3 * MIN),
      reply(ev, 'not_publish', P0 + 4 * MIN),
      reply(ev, 'publish', P0 + 5 * MIN),
      escalate(ev, P0 + 6 * MIN),
    ])
    expect(codes(f)).toEqual(['R-04', 'R-04', 'R-04'])
    expect(f.refused[0]?.error.message.zh).toBe('信息 i1 未报保密局（规则 R-04）')
    expect(f.refused[2]?.error.message.zh).toBe('保密局答复信息 i1 不予公开（规则 R-04）')
    expect(f.state.items.get('i1')?.escalation?.reply).toEqual({
      decision: 'not_publish',
      ref: '复函1号',
      at: P0 + 4 * MIN,
    })
  })
})

describe('publishing (rules R-01, R-03)', () => {
  it('rule R-03: publishing at the very instant of approval is accepted', () => {
    const { ev, publish } = itemSteps()
    const f = foldPublication([...reviewed(ev), publish(P0 + 5 * MIN, { publishedAt: P0 + 3 * MIN })])
    expect(codes(f)).toEqual([])
    expect(f.state.items.get('i1')?.publication?.publishedAt).toBe(P0 + 3 * MIN)
  })

  it('rule R-01: a submitted item names its state in the refusal', () => {
    const { ev, publish } = itemSteps()
    const f = foldPublication([...designated(ev), publish(P0 + MIN)])
    expect(f.refused[0]?.error).toMatchObject({ code: 'R-01', details: { state: 'submitted' } })
  })

  it('rule R-05: an item proposed for or withheld is never published', () => {
    const { ev, propose, confirm, publish } = itemSteps()
    const f = foldPublication([
      ...reviewed(ev),
      propose('exempt', '涉及个人隐私', P0 + 4 * MIN),
      publish(P0 + 5 * MIN),
      confirm('review_officer', P0 + 6 * MIN, 'officer1'),
      confirm('responsible_leader', P0 + 7 * MIN, 'leader1'),
      publish(P0 + 10 * MIN),
    ])
    expect(codes(f)).toEqual(['R-05', 'R-05'])
    expect(f.state.items.get('i1')).toMatchObject({ state: 'withheld', publication: null })
  })

  it('rule R-05: a published item cannot be proposed for withholding', () => {
    const { ev, propose, publish } = itemSteps()
    const f = foldPublication([
      ...reviewed(ev),
      publish(P0 + 10 * MIN),
      propose('exempt', '隐私', P0 + 11 * MIN),
    ])
    expect(codes(f)).toEqual(['PUB-STATE'])
    expect(f.state.items.get('i1')?.withholding).toBeNull()
  })
})

describe('withholding proposals (rule R-05)', () => {
  it('rule R-05: withholding may be proposed after the first review, and after approval', () => {
    const { ev, review, propose } = itemSteps()
    const first = foldPublication([
      ...designated(ev),
      review('section_head', 'pass', P0 + MIN, 'head1'),
      propose('deferred', '正在研究', P0 + 2 * MIN),
    ])
    expect(codes(first)).toEqual([])
    expect(first.state.items.get('i1')?.withholding).toMatchObject({ kind: 'deferred', proposedBy: 'clerk' })
    const e2 = pubEvent()
    const approved = foldPublication([...reviewed(e2), itemSteps(e2).propose('exempt', '隐私', P0 + 4 * MIN)])
    expect(codes(approved)).toEqual([])
    expect(approved.state.items.get('i1')?.state).toBe('withholding')
  })
})
