import { describe, expect, it } from 'vitest'
import { DEFAULT_PERSONNEL_POLICY } from '../../../src/registers/personnel/policy.ts'
import { makeContext } from '../../support/fixtures.ts'
import { codes, fold, local, onboarding, POSTS, withPosts } from './personnel-fold.ts'

/** Who reviews entering and leaving a post and travel abroad (P-04; posts B-04), and four eyes. */

const T = local('2026-03-02T08:00')
const byActor = (actor: string) => onboarding('p1', T).map((e) => (e.id === 'p1-apr' ? { ...e, actor } : e))

describe('personnel register: the reviewing leader (P-04, B-04)', () => {
  it("rules P-04, B-04: the review is the 分管领导's or the main leader's in the organisation register, not any leader's", () => {
    expect(codes(fold(byActor('leader1')))).toEqual([])
    expect(codes(fold(byActor('leader2')))).toEqual([])
    // leader2 holds no post any more: the review is refused, so is taking the post.
    const noPost = fold(byActor('leader2'), DEFAULT_PERSONNEL_POLICY, withPosts({ ...POSTS, leader2: [] }))
    expect(codes(noPost)).toEqual(['P-04', 'P-04'])
    expect(noPost.refused[0]?.error.details).toMatchObject({ approver: 'leader2', held: [] })
    expect(noPost.refused[0]?.error.message.zh).toContain('分管保密工作领导')
    // Folded without the organisation register, no review can be checked.
    const noView = fold(byActor('leader1'), DEFAULT_PERSONNEL_POLICY, {
      ...makeContext(),
      directory: withPosts().directory,
    })
    expect(codes(noView)).toEqual(['P-04', 'P-04'])
  })

  it('rule P-04: nobody reviews their own post, even an officer who is also 分管领导 (four eyes)', () => {
    const own = onboarding('p1', T, { over: { userId: 'chief' } }).map((e) =>
      e.id === 'p1-apr' ? { ...e, actor: 'chief' } : e,
    )
    const f = fold(own, DEFAULT_PERSONNEL_POLICY, withPosts({ ...POSTS, chief: ['responsible_leader'] }))
    expect(codes(f)).toEqual(['P-04', 'P-04'])
    expect(f.refused[0]?.error.details).toEqual({ person: 'chief', parts: ['person concerned', 'approver'] })
    expect(f.state.approvals.size).toBe(0)
  })
})
