import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import {
  escalatedItems,
  pendingReviews,
  publicationRegister,
} from '../../../src/registers/publication/queries.ts'
import { codes } from '../responsibility/responsibility-fold.ts'
import {
  designated,
  foldPublication,
  itemSteps,
  MIN,
  P0,
  pubEvent,
  reviewed,
  SUBMISSION,
} from './publication-fold.ts'

/** What publication review records, and the order and filters of its queries (R-02..R-06). */

const H = 60 * MIN

type Ev = ReturnType<typeof pubEvent>
const submit = (ev: Ev, itemId: string, atMs: number) =>
  ev('publication.submitted', { ...SUBMISSION, itemId }, atMs, 'clerk')
describe('review records (rule R-02)', () => {
  it('rule R-02: approval completes with both second-step passes; the approver is the leader even if last is the classifier', () => {
    const { ev, review } = itemSteps()
    const f = foldPublication([
      ...designated(ev),
      review('section_head', 'pass', P0 + MIN, 'head1'),
      review('classifier', 'pass', P0 + 2 * MIN, 'classifier1'),
    ])
    expect(f.state.items.get('i1')).toMatchObject({ state: 'first_passed', approvedAt: null, approver: null })
    const done = foldPublication(reviewed(pubEvent()))
    expect(done.state.items.get('i1')).toMatchObject({
      state: 'approved',
      approvedAt: P0 + 3 * MIN,
      approver: 'leader1',
    })
    const e2 = pubEvent()
    const s = itemSteps(e2)
    const reversed = foldPublication([
      ...designated(e2),
      s.review('section_head', 'pass', P0 + MIN, 'head1'),
      s.review('classifier', 'pass', P0 + 2 * MIN, 'classifier1'),
      s.review('responsible_leader', 'pass', P0 + 3 * MIN, 'leader1'),
    ])
    expect(reversed.state.items.get('i1')).toMatchObject({
      state: 'approved',
      approvedAt: P0 + 3 * MIN,
      approver: 'leader1',
    })
    expect(reversed.state.items.get('i1')?.reviews.map((r) => [r.capacity, r.by, r.at, r.decision])).toEqual([
      ['section_head', 'head1', P0 + MIN, 'pass'],
      ['classifier', 'classifier1', P0 + 2 * MIN, 'pass'],
      ['responsible_leader', 'leader1', P0 + 3 * MIN, 'pass'],
    ])
  })

  it('rule R-02: a repeated designation keeps its first time; a revocation removes only that post', () => {
    const ev = pubEvent()
    const f = foldPublication([
      ev('publication.reviewer_designated', { userId: 'head1', post: 'section_head' }, P0, 'leader1'),
      ev('publication.reviewer_designated', { userId: 'head1', post: 'section_head' }, P0 + MIN, 'leader1'),
      ev('publication.reviewer_designated', { userId: 'head1', post: 'review_officer' }, P0 + MIN, 'leader1'),
      ev(
        'publication.reviewer_revoked',
        { userId: 'head1', post: 'review_officer' },
        P0 + 2 * MIN,
        'leader1',
      ),
    ])
    expect(codes(f)).toEqual([])
    expect([...f.state.reviewers]).toEqual([['section_head:head1', P0]])
  })
})

describe('withholding records (rule R-05)', () => {
  it('rule R-05: the proposal records kind, reason, proposer and time; each confirmation its signer', () => {
    const { ev, propose, confirm } = itemSteps()
    const f = foldPublication([
      ...designated(ev),
      propose('exempt', '涉及个人隐私', P0 + MIN),
      confirm('responsible_leader', P0 + 2 * MIN, 'leader1'),
    ])
    expect(f.state.items.get('i1')).toMatchObject({ state: 'withholding' })
    expect(f.state.items.get('i1')?.withholding).toEqual({
      kind: 'exempt',
      reason: '涉及个人隐私',
      proposedBy: 'clerk',
      proposedAt: P0 + MIN,
      eventId: 'p004',
      confirmations: [{ capacity: 'responsible_leader', by: 'leader1', at: P0 + 2 * MIN, eventId: 'p005' }],
    })
  })
})

describe('pending reviews and escalations (rules R-02, R-04, R-05)', () => {
  it('rule R-02: each open item is listed with what it waits for, by last activity then id', () => {
    const { ev, review } = itemSteps()
    const f = foldPublication([
      ...designated(ev),
      submit(ev, 'b', P0 + 5 * MIN),
      submit(ev, 'a', P0 + 5 * MIN),
      submit(ev, 'done', P0),
      ev(
        'publication.withholding_proposed',
        { itemId: 'done', kind: 'exempt', reason: '隐私' },
        P0 + MIN,
        'clerk',
      ),
      ev(
        'publication.withholding_confirmed',
        { itemId: 'done', capacity: 'review_officer' },
        P0 + 2 * MIN,
        'officer1',
      ),
      ev(
        'publication.withholding_confirmed',
        { itemId: 'done', capacity: 'responsible_leader' },
        P0 + 3 * MIN,
        'leader1',
      ),
      review('section_head', 'pass', P0 + 20 * MIN, 'head1'),
      review('responsible_leader', 'pass', P0 + 30 * MIN, 'leader1'),
      submit(ev, 'w', P0),
      ev(
        'publication.withholding_proposed',
        { itemId: 'w', kind: 'deferred', reason: '研究中' },
        P0 + 10 * MIN,
        'clerk',
      ),
      ev(
        'publication.withholding_confirmed',
        { itemId: 'w', capacity: 'responsible_leader' },
        P0 + 40 * MIN,
        'leader1',
      ),
    ])
    expect(codes(f)).toEqual([])
    expect(pendingReviews(f.state)).toEqual([
      { itemId: 'a', waitingFor: ['section_head'], since: P0 + 5 * MIN },
      { itemId: 'b', waitingFor: ['section_head'], since: P0 + 5 * MIN },
      { itemId: 'w', waitingFor: ['review_officer'], since: P0 + 10 * MIN },
      { itemId: 'i1', waitingFor: ['classifier'], since: P0 + 30 * MIN },
    ])
  })

  it('rule R-04: escalated items are listed by escalation time then id; answered ones drop out', () => {
    const ev = pubEvent()
    const esc = (itemId: string, at: number) =>
      ev('publication.escalated', { itemId, bureau: '县保密局' }, at, 'officer1')
    const f = foldPublication([
      submit(ev, 'c', P0),
      submit(ev, 'b', P0),
      submit(ev, 'a', P0),
      submit(ev, 'z', P0),
      esc('c', P0),
      esc('b', P0 + MIN),
      esc('a', P0 + MIN),
      esc('z', P0),
      ev(
        'publication.bureau_replied',
        { itemId: 'z', decision: 'publish', replyRef: '1号' },
        P0 + MIN,
        'officer1',
      ),
    ])
    expect(codes(f)).toEqual([])
    expect(escalatedItems(f.state)).toEqual([
      { itemId: 'c', since: P0 },
      { itemId: 'a', since: P0 + MIN },
      { itemId: 'b', since: P0 + MIN },
    ])
    expect(f.state.items.get('z')).toMatchObject({
      state: 'approved',
      approvedAt: P0 + MIN,
      approver: 'bureau:1号',
    })
  })
})

describe('the publication register (rule R-03)', () => {
  it('rule R-03: lines are in order of publication time, ties by item id', () => {
    const ev = pubEvent()
    const approve = (itemId: string, at: number): SliceEvent[] => [
      submit(ev, itemId, at),
      ev('publication.escalated', { itemId, bureau: '县保密局' }, at, 'officer1'),
      ev(
        'publication.bureau_replied',
        { itemId, decision: 'publish', replyRef: `${itemId}号` },
        at,
        'officer1',
      ),
    ]
    const pub = (itemId: string, publishedAt: number) =>
      ev(
        'publication.published',
        { itemId, publishedAt, channel: SUBMISSION.channel, scope: SUBMISSION.scope },
        P0 + H,
        'clerk',
      )
    const f = foldPublication([
      ...approve('c', P0),
      ...approve('b', P0),
      ...approve('a', P0),
      pub('c', P0 + MIN),
      pub('b', P0 + 2 * MIN),
      pub('a', P0 + 2 * MIN),
    ])
    expect(codes(f)).toEqual([])
    expect(publicationRegister(f.state).map((l) => [l.itemId, l.publishedAt, l.approver])).toEqual([
      ['c', P0 + MIN, 'bureau:c号'],
      ['a', P0 + 2 * MIN, 'bureau:a号'],
      ['b', P0 + 2 * MIN, 'bureau:b号'],
    ])
  })
})
