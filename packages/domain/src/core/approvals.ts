import { type DomainError, domainError } from './result.ts'
import type { UnitPost, UnitView } from './unit-view.ts'

/** Chinese names of the organisation posts (B-04), for refusals of every register. */
export const UNIT_POST_LABEL_ZH: Readonly<Record<UnitPost, string>> = {
  first_responsible: '保密工作第一责任人（主要领导）',
  responsible_leader: '分管保密工作领导',
  secrecy_officer: '保密员',
  classifier: '定密责任人',
  group_head: '保密工作领导小组组长',
  group_member: '保密工作领导小组成员',
  office_head: '办公室主任',
}

/** One part played in an approval chain: who requested, approved, witnessed, lent, received… */
export interface ChainPart {
  /** The part, in Chinese and English, for the refusal ('申请人' / 'requester'). */
  readonly zh: string
  readonly en: string
  /** The person's user id (or, for people outside the platform, their recorded name). */
  readonly person: string
}

/**
 * Four eyes: the people of one approval chain are distinct. Nobody approves their own request or act,
 * witnesses their own destruction or signs for both sides of a loan; a person holding two posts (an
 * officer who is also office head) is still one person, so they cannot fill two parts of one chain.
 * Returns the refusal under `rule` naming the first two parts the same person fills, or null.
 */
export function distinctHands(rule: string, chain: readonly ChainPart[]): DomainError | null {
  for (let i = 0; i < chain.length; i++) {
    const a = chain[i] as ChainPart
    for (let j = i + 1; j < chain.length; j++) {
      const b = chain[j] as ChainPart
      if (a.person !== b.person) continue
      return domainError(
        rule,
        `${a.person} 不能既是${a.zh}又是${b.zh}：同一审批链须由不同的人担任（规则 ${rule}）`,
        `${a.person} cannot be both ${a.en} and ${b.en}: one approval chain needs different people (rule ${rule})`,
        { person: a.person, parts: [a.en, b.en] },
      )
    }
  }
  return null
}

/**
 * rules B-04, B-05: the approver holds one of `posts` in the organisation register at the event's time
 * (the unit view at this point of the fold), whatever the event itself says. A slice folded without the
 * unit view cannot check it, so the approval is refused.
 */
export function requirePost(
  rule: string,
  view: Pick<UnitView, 'postsOf'> | undefined,
  approver: string,
  posts: readonly UnitPost[],
): DomainError | null {
  const wanted = posts.map((p) => UNIT_POST_LABEL_ZH[p]).join('或')
  if (view === undefined)
    return domainError(
      rule,
      `无法核对${approver}的职务：组织机构台账不可用（规则 ${rule}、B-04）`,
      `Cannot check ${approver}'s post: the organisation register is not available (rules ${rule}, B-04)`,
      { approver, posts },
    )
  const held = view.postsOf(approver)
  if (posts.some((p) => held.includes(p))) return null
  return domainError(
    rule,
    `${approver} 在组织机构台账中不是${wanted}，不能批准（规则 ${rule}、B-04）`,
    `${approver} does not hold the post ${posts.join(' or ')} in the organisation register and cannot approve (rules ${rule}, B-04)`,
    { approver, posts, held },
  )
}
