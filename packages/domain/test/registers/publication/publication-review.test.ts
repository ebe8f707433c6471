import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import {
  escalatedItems,
  pendingReviews,
  publicationRegister,
} from '../../../src/registers/publication/queries.ts'
import { codes } from '../responsibility/responsibility-fold.ts'
import { designated, foldPublication, itemSteps, MIN, P0, reviewed, SUBMISSION } from './publication-fold.ts'

function accepted(events: readonly SliceEvent[]): SliceEvent[] {
  const refused = new Set(foldPublication(events).refused.map((r) => r.eventId))
  return events.filter((e) => !refused.has(e.id))
}

describe('publication review', () => {
  it('R-01 publishing without a completed review is refused, and changes nothing', () => {
    const { ev, review, publish } = itemSteps()
    const events = [
      ...designated(ev),
      review('section_head', 'pass', P0 + MIN, 'head1'),
      publish(P0 + 10 * MIN),
      publish(P0 + 10 * MIN, { itemId: 'nope' }),
    ]
    const f = foldPublication(events)
    expect(codes(f)).toEqual(['R-01', 'R-01'])
    expect(f.state.items.get('i1')?.state).toBe('first_passed')
    expect(publicationRegister(f.state)).toEqual([])
    expect(f.state).toEqual(foldPublication(accepted(events)).state)
  })

  it('R-01 a reviewed item may be published only on the reviewed channel and scope', () => {
    const { ev, publish } = itemSteps()
    const f = foldPublication([
      ...reviewed(ev),
      publish(P0 + 10 * MIN, { channel: '微信公众号' }),
      publish(P0 + 10 * MIN, { scope: '全网' }),
    ])
    expect(codes(f)).toEqual(['R-01', 'R-01'])
    expect(f.state.items.get('i1')?.state).toBe('approved')
  })

  it('R-02 the first review is by a designated section head, then the responsible leader and the classifier', () => {
    const { ev, review } = itemSteps()
    const f = foldPublication([
      ...designated(ev),
      review('responsible_leader', 'pass', P0 + MIN, 'leader1'),
      review('section_head', 'pass', P0 + 2 * MIN, 'head2'),
      review('section_head', 'pass', P0 + 3 * MIN, 'head1'),
      review('classifier', 'pass', P0 + 4 * MIN, 'leader2'),
      review('responsible_leader', 'pass', P0 + 5 * MIN, 'leader1'),
    ])
    expect(codes(f)).toEqual(['R-02', 'R-02', 'R-02'])
    expect(f.state.items.get('i1')?.state).toBe('first_passed')
    expect(pendingReviews(f.state)).toEqual([
      { itemId: 'i1', waitingFor: ['classifier'], since: P0 + 5 * MIN },
    ])
  })

  it('R-02 the two steps are signed by distinct people (one person with two hats signs once)', () => {
    const { ev, review } = itemSteps()
    const f = foldPublication([
      ev('publication.reviewer_designated', { userId: 'boss', post: 'section_head' }, P0 - MIN, 'leader1'),
      ev('publication.reviewer_designated', { userId: 'clerk', post: 'section_head' }, P0 - MIN, 'leader1'),
      ev('publication.submitted', SUBMISSION, P0, 'clerk'),
      review('section_head', 'pass', P0 + MIN, 'clerk'),
      review('section_head', 'pass', P0 + 2 * MIN, 'boss'),
      review('responsible_leader', 'pass', P0 + 3 * MIN, 'boss'),
      review('responsible_leader', 'pass', P0 + 4 * MIN, 'leader1'),
      review('classifier', 'pass', P0 + 5 * MIN, 'leader1'),
    ])
    expect(codes(f)).toEqual(['R-02', 'R-02', 'R-02'])
    expect(f.state.items.get('i1')?.state).toBe('first_passed')
  })

  it('R-02 a return at any step ends the item', () => {
    const { ev, review, publish } = itemSteps()
    const f = foldPublication([
      ...designated(ev),
      review('section_head', 'return', P0 + MIN, 'head1'),
      publish(P0 + 10 * MIN),
    ])
    expect(f.state.items.get('i1')?.state).toBe('returned')
    expect(codes(f)).toEqual(['R-01'])
  })

  it('R-03 a published item is registered with time, publisher, approver, channel and scope', () => {
    const { ev, publish } = itemSteps()
    const f = foldPublication([
      ...reviewed(ev),
      publish(P0 + 10 * MIN, { publishedAt: P0 + MIN }),
      publish(P0 + 10 * MIN, { publishedAt: P0 + 20 * MIN }),
      publish(P0 + 10 * MIN),
      publish(P0 + 11 * MIN),
    ])
    expect(codes(f)).toEqual(['R-03', 'R-03', 'PUB-STATE'])
    expect(publicationRegister(f.state)).toEqual([
      {
        itemId: 'i1',
        title: SUBMISSION.title,
        publishedAt: P0 + 10 * MIN,
        publisher: 'clerk',
        approver: 'leader1',
        channel: SUBMISSION.channel,
        scope: SUBMISSION.scope,
        eventId: 'p009',
      },
    ])
  })

  it('R-04 an unclear item is escalated; it waits for the bureau, whose recorded reply decides it', () => {
    const { ev, review, publish } = itemSteps()
    const base = [
      ...designated(ev),
      ev('publication.escalated', { itemId: 'i1', bureau: '县保密局' }, P0 + MIN, 'officer1'),
      review('section_head', 'pass', P0 + 2 * MIN, 'head1'),
      publish(P0 + 3 * MIN),
    ]
    const waiting = foldPublication(base)
    expect(codes(waiting)).toEqual(['R-04', 'R-04'])
    expect(escalatedItems(waiting.state)).toEqual([{ itemId: 'i1', since: P0 + MIN }])
    const yes = foldPublication([
      ...base,
      ev(
        'publication.bureau_replied',
        { itemId: 'i1', decision: 'publish', replyRef: '县保密局复函1号' },
        P0 + 5 * MIN,
      ),
      publish(P0 + 10 * MIN),
    ])
    expect(codes(yes)).toEqual(['R-04', 'R-04'])
    expect(publicationRegister(yes.state)[0]?.approver).toBe('bureau:县保密局复函1号')
    const no = foldPublication([
      ...base,
      ev(
        'publication.bureau_replied',
        { itemId: 'i1', decision: 'not_publish', replyRef: '2号' },
        P0 + 5 * MIN,
      ),
      ev('publication.bureau_replied', { itemId: 'i1', decision: 'publish', replyRef: '3号' }, P0 + 6 * MIN),
      publish(P0 + 10 * MIN),
    ])
    expect(no.state.items.get('i1')?.state).toBe('not_publishable')
    expect(codes(no).slice(2)).toEqual(['R-04', 'R-04'])
    expect(escalatedItems(no.state)).toEqual([])
  })

  it('R-05 withholding needs a stated reason and two confirmations by 保密审查责任人 and 分管领导', () => {
    const { ev, propose, confirm, publish } = itemSteps()
    const blankReason = propose('exempt', '   ', P0 + MIN)
    const f = foldPublication([
      ...designated(ev),
      blankReason,
      confirm('review_officer', P0 + 2 * MIN, 'officer1'),
      propose('exempt', '涉及个人隐私', P0 + 3 * MIN),
      confirm('review_officer', P0 + 4 * MIN, 'head1'),
      confirm('responsible_leader', P0 + 4 * MIN, 'classifier1'),
      confirm('review_officer', P0 + 5 * MIN, 'officer1'),
      publish(P0 + 6 * MIN),
      confirm('review_officer', P0 + 7 * MIN, 'officer1'),
    ])
    expect(codes(f)).toEqual(['R-05', 'R-05', 'R-05', 'R-05', 'R-05', 'R-05'])
    expect(f.state.items.get('i1')?.state).toBe('withholding')
    expect(pendingReviews(f.state)[0]?.waitingFor).toEqual(['responsible_leader'])
    const done = foldPublication([
      ...designated(ev),
      propose('deferred', '正在研究', P0 + MIN),
      confirm('review_officer', P0 + 2 * MIN, 'officer1'),
      confirm('responsible_leader', P0 + 3 * MIN, 'leader1'),
    ])
    expect(codes(done)).toEqual([])
    expect(done.state.items.get('i1')?.state).toBe('withheld')
  })

  it('R-05 the two confirmations come from two different persons, even one holding both posts', () => {
    const { ev, propose, confirm } = itemSteps()
    const f = foldPublication([
      ...designated(ev),
      ev('publication.reviewer_designated', { userId: 'boss', post: 'review_officer' }, P0, 'leader1'),
      propose('deferred', '正在研究', P0 + MIN),
      confirm('review_officer', P0 + 2 * MIN, 'boss'),
      confirm('responsible_leader', P0 + 3 * MIN, 'boss'),
    ])
    expect(codes(f)).toEqual(['R-05'])
    expect(f.state.items.get('i1')?.state).toBe('withholding')
  })
})
