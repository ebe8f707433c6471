import { describe, expect, it } from 'vitest'
import { publicationSlice } from '../../../src/registers/publication/slice.ts'
import { codes } from '../responsibility/responsibility-fold.ts'
import {
  designated,
  foldPublication,
  itemSteps,
  MIN,
  P0,
  PUB_CTX,
  PUB_POSTS,
  pubContext,
  pubEvent,
} from './publication-fold.ts'

/** Distinct persons for each signed step of publication review and of withholding. */

describe('four eyes (rule R-02)', () => {
  it('rule R-02: the submitter cannot sign the first review, even when designated section head', () => {
    const { ev, review } = itemSteps()
    const f = foldPublication([
      ev('publication.reviewer_designated', { userId: 'clerk', post: 'section_head' }, P0 - MIN, 'leader1'),
      ...designated(ev),
      review('section_head', 'pass', P0 + MIN, 'clerk'),
    ])
    expect(codes(f)).toEqual(['R-02'])
    expect(f.refused[0]?.error.details).toEqual({ person: 'clerk', parts: ['submitter', 'section head'] })
    expect(f.state.items.get('i1')).toMatchObject({ state: 'submitted', reviews: [] })
  })

  it('rule R-02: the section head cannot sign the second step too; others then complete it', () => {
    const { ev, review } = itemSteps()
    const f = foldPublication([
      ev('publication.reviewer_designated', { userId: 'boss', post: 'section_head' }, P0 - MIN, 'leader1'),
      ...designated(ev),
      review('section_head', 'pass', P0 + MIN, 'boss'),
      review('classifier', 'pass', P0 + 2 * MIN, 'boss'),
      review('classifier', 'pass', P0 + 3 * MIN, 'classifier1'),
      review('responsible_leader', 'pass', P0 + 4 * MIN, 'leader1'),
    ])
    expect(codes(f)).toEqual(['R-02'])
    expect(f.refused[0]?.error.details).toEqual({ person: 'boss', parts: ['section head', 'classifier'] })
    expect(f.state.items.get('i1')).toMatchObject({ state: 'approved', approver: 'leader1' })
  })

  it('rules R-02, B-04: a reviewer unknown to the directory holds no post, checked by the slice itself', () => {
    const work = publicationSlice.fork(publicationSlice.empty())
    const ev = pubEvent()
    const steps = [
      ...designated(ev),
      ev(
        'publication.reviewed',
        { itemId: 'i1', capacity: 'section_head', decision: 'pass' },
        P0 + MIN,
        'head1',
      ),
    ]
    for (const e of steps) publicationSlice.apply(work, e, PUB_CTX)
    const ghost = ev(
      'publication.reviewed',
      { itemId: 'i1', capacity: 'classifier', decision: 'pass' },
      P0 + 2 * MIN,
      'ghost',
    )
    expect(publicationSlice.check(work, ghost, PUB_CTX)).toMatchObject({
      code: 'R-02',
      details: { approver: 'ghost', posts: ['classifier'], held: [] },
    })
  })
})

describe('withholding confirmations (rule R-05)', () => {
  it('rule R-05: each confirmation capacity signs once, even by a second eligible person', () => {
    const { ev, propose, confirm } = itemSteps()
    const f = foldPublication([
      ...designated(ev),
      ev('publication.reviewer_designated', { userId: 'boss', post: 'review_officer' }, P0, 'leader1'),
      propose('deferred', '正在研究', P0 + MIN),
      confirm('review_officer', P0 + 2 * MIN, 'officer1'),
      confirm('review_officer', P0 + 3 * MIN, 'boss'),
    ])
    expect(codes(f)).toEqual(['R-05'])
    expect(f.refused[0]?.error.details).toEqual({ actor: 'boss' })
    expect(f.state.items.get('i1')?.withholding?.confirmations).toEqual([
      { capacity: 'review_officer', by: 'officer1', at: P0 + 2 * MIN, eventId: 'p006' },
    ])
  })

  it('rules R-05, B-04: the refusal says which designation or organisation post the confirmation lacks', () => {
    const { ev, propose, confirm } = itemSteps()
    const f = foldPublication([
      ...designated(ev),
      propose('deferred', '正在研究', P0 + MIN),
      confirm('review_officer', P0 + 2 * MIN, 'leader1'),
      confirm('responsible_leader', P0 + 3 * MIN, 'officer1'),
    ])
    expect(f.refused.map((r) => r.error.message.zh)).toEqual([
      '须由指定的保密审查责任人确认（规则 R-05）',
      'officer1 在组织机构台账中不是分管保密工作领导，不能批准（规则 R-05、B-04）',
    ])
  })

  it("rules R-05, B-04: the proposer does not confirm their own withholding; the 分管领导 is the organisation register's", () => {
    const { ev, propose, confirm } = itemSteps()
    const events = [
      ...designated(ev),
      ev('publication.reviewer_designated', { userId: 'clerk', post: 'review_officer' }, P0, 'leader1'),
      propose('deferred', '正在研究', P0 + MIN),
      confirm('review_officer', P0 + 2 * MIN, 'clerk'),
      confirm('review_officer', P0 + 3 * MIN, 'officer1'),
      confirm('responsible_leader', P0 + 4 * MIN, 'leader1'),
    ]
    const f = foldPublication(events)
    expect(codes(f)).toEqual(['R-05'])
    expect(f.refused[0]?.error.details).toEqual({ person: 'clerk', parts: ['proposer', 'review officer'] })
    expect(f.state.items.get('i1')?.state).toBe('withheld')
    // leader1 no longer holds the post in the organisation register: the leader's confirmation is refused.
    const left = foldPublication(events, undefined, pubContext({ ...PUB_POSTS, leader1: [] }))
    expect(codes(left)).toEqual(['R-05', 'R-05'])
    expect(left.refused[1]?.error.details).toMatchObject({
      approver: 'leader1',
      posts: ['responsible_leader'],
    })
    expect(left.state.items.get('i1')?.state).toBe('withholding')
  })
})
