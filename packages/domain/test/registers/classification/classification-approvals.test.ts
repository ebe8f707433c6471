import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { classificationSlice } from '../../../src/registers/classification/slice.ts'
import { makeContext } from '../../support/fixtures.ts'
import { refusalCodes } from '../../support/slice-fold.ts'
import { CTX, determined, ev, fold, local, POSTS, proposal, withPosts } from './classification-fold.ts'

/** Who signs the steps of a determination (D-01, D-05, D-09; posts B-04) and four eyes. */

const H = 3_600_000
const T0 = local('2026-03-02T09:00')
const review = (id: string, actor: string, at: number, proposalId = 'i1-p') =>
  ev(id, 'classification.reviewed', actor, at, { itemId: 'i1', proposalId, decision: 'approve' })
const approve = (id: string, actor: string, at: number, proposalId = 'i1-p') =>
  ev(id, 'classification.approved', actor, at, { itemId: 'i1', proposalId })

describe('classification: posts of the organisation register and four eyes', () => {
  it('rules D-01, B-04: the approver is the main or responsible leader of the organisation register', () => {
    const events = determined('i1', T0)
    expect(refusalCodes(fold(events))).toEqual([])
    // leader1 holds no post any more: a leader's role alone does not approve.
    const noPost = fold(events, undefined, withPosts({ ...POSTS, leader1: [] }))
    expect(refusalCodes(noPost)).toEqual(['D-01'])
    expect(noPost.refused[0]?.error.message.zh).toContain('分管保密工作领导')
    expect(noPost.state.items.get('i1')?.status).toBe('pending')
    const main = fold(events, undefined, withPosts({ ...POSTS, leader1: ['first_responsible'] }))
    expect(refusalCodes(main)).toEqual([])
    // Folded without the organisation register, neither the review nor the approval can be checked.
    expect(refusalCodes(fold(events, undefined, makeContext()))).toEqual(['D-09', 'D-09', 'D-01'])
  })

  it('rules D-09, B-04: the reviewer is the classifier of the organisation register, filed with the bureau', () => {
    const [f, p, r] = determined('i1', T0)
    // classifier1 was filed; then the organisation register names classifier2 as 定密责任人 instead.
    const moved = withPosts({ ...POSTS, classifier1: [] })
    const work = classificationSlice.fork(classificationSlice.empty())
    for (const e of [f, p]) if (e !== undefined) classificationSlice.apply(work, e, CTX)
    const refusal = classificationSlice.check(work, r as SliceEvent, moved)
    expect(refusal?.code).toBe('D-09')
    expect(refusal?.details).toMatchObject({ approver: 'classifier1', held: [] })
    expect(classificationSlice.check(work, r as SliceEvent, CTX)).toBeNull()
    // A filing does not make anyone classifier: the filed user must hold the post.
    const file = ev('f2', 'classification.classifier_filed', 'leader1', T0, {
      classifierId: 'classifier1',
      filingRef: '2',
    })
    const refused = fold([file], undefined, moved)
    expect(refusalCodes(refused)).toEqual(['D-09'])
    expect(refused.refused[0]?.error.message.zh).toContain('组织机构台账')
    expect(refused.state.classifiers.size).toBe(0)
  })

  it('rules D-01, D-05: nobody reviews or approves their own proposal, nor approves their own review (four eyes)', () => {
    const file = (who: string) =>
      ev(`f-${who}`, 'classification.classifier_filed', 'leader1', T0 - H, {
        classifierId: who,
        filingRef: who,
      })
    // clerk (officer and classifier) records the proposal, then reviews it; chief (officer and leader) too.
    const own = fold([
      file('clerk'),
      file('classifier1'),
      ev('i1-p', 'classification.proposed', 'clerk', T0, proposal('i1')),
      review('r1', 'clerk', T0 + H),
      review('r2', 'classifier1', T0 + 2 * H),
      approve('a1', 'leader1', T0 + 3 * H),
    ])
    expect(own.refused.map((x) => [x.eventId, x.error.code])).toEqual([['r1', 'D-01']])
    expect(own.refused[0]?.error.details).toEqual({ person: 'clerk', parts: ['proposer', 'reviewer'] })
    const chief = fold([
      file('classifier1'),
      ev('i1-p', 'classification.proposed', 'chief', T0, proposal('i1')),
      review('r', 'classifier1', T0 + H),
      approve('a1', 'chief', T0 + 2 * H),
      approve('a2', 'leader1', T0 + 3 * H),
    ])
    expect(chief.refused.map((x) => [x.eventId, x.error.code])).toEqual([['a1', 'D-01']])
    expect(chief.refused[0]?.error.details).toEqual({ person: 'chief', parts: ['proposer', 'approver'] })
    expect(chief.state.items.get('i1')?.determination?.approver).toEqual({
      kind: 'leader',
      userId: 'leader1',
    })
  })
})
