import { describe, expect, it } from 'vitest'
import { publicationSlice } from '../../../src/registers/publication/slice.ts'
import { CTX, codes } from '../responsibility/responsibility-fold.ts'
import { designated, foldPublication, itemSteps, MIN, P0, pubEvent } from './publication-fold.ts'

/** Distinct persons for each signed step of publication review and of withholding. */

describe('four eyes (rule R-02)', () => {
  const distinct = 'Submitter and reviewers must be different persons (rule R-02)'

  it('rule R-02: the submitter cannot sign the first review, even when designated section head', () => {
    const { ev, review } = itemSteps()
    const f = foldPublication([
      ev('publication.reviewer_designated', { userId: 'clerk', post: 'section_head' }, P0 - MIN, 'leader1'),
      ...designated(ev),
      review('section_head', 'pass', P0 + MIN, 'clerk'),
    ])
    expect(f.refused.map((r) => [r.error.code, r.error.message.en])).toEqual([['R-02', distinct]])
    expect(f.refused[0]?.error.details).toEqual({ actor: 'clerk' })
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
    expect(f.refused.map((r) => [r.error.code, r.error.message.en])).toEqual([['R-02', distinct]])
    expect(f.state.items.get('i1')).toMatchObject({ state: 'approved', approver: 'leader1' })
  })

  it('rule R-02: a reviewer unknown to the directory holds no role, checked by the slice itself', () => {
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
    for (const e of steps) publicationSlice.apply(work, e, CTX)
    const ghost = ev(
      'publication.reviewed',
      { itemId: 'i1', capacity: 'classifier', decision: 'pass' },
      P0 + 2 * MIN,
      'ghost',
    )
    expect(publicationSlice.check(work, ghost, CTX)).toMatchObject({
      code: 'R-02',
      details: { actor: 'ghost' },
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

  it('rule R-05: the refusal says which designation or role the confirmation lacks', () => {
    const { ev, propose, confirm } = itemSteps()
    const f = foldPublication([
      ...designated(ev),
      propose('deferred', '正在研究', P0 + MIN),
      confirm('review_officer', P0 + 2 * MIN, 'leader1'),
      confirm('responsible_leader', P0 + 3 * MIN, 'officer1'),
    ])
    expect(f.refused.map((r) => r.error.message.zh)).toEqual([
      '须由指定的保密审查责任人确认（规则 R-05）',
      '须由分管领导确认（规则 R-05）',
    ])
  })
})
