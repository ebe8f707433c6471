import { distinctHands, requirePost, UNIT_POST_LABEL_ZH } from '../../core/approvals.ts'
import { directoryUser } from '../../core/key-directory.ts'
import type { SliceContext } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { Role } from '../../core/roles.ts'
import type { ClassificationState, Proposal } from './state.ts'

/**
 * Who signs the steps of a determination (D-01, D-05, D-06, D-09). Posts come from the organisation
 * register (B-04) at the event's time, through the unit view; the register's own filing event records
 * only the filing with the secrecy bureau, never who the classifier is.
 */

/**
 * rules D-09, B-04: a review (D-01 step 2, D-05, D-06) is signed by the unit's classifier (定密责任人)
 * of the organisation register, filed with the secrecy bureau.
 */
export function checkClassifierSigns(
  state: ClassificationState,
  actor: string,
  ctx: SliceContext,
): DomainError | null {
  const post = requirePost('D-09', ctx.view, actor, ['classifier'])
  if (post !== null) return post
  if (state.classifiers.has(actor)) return null
  return domainError(
    'D-09',
    '只有经单位领导指定并报保密局备案的定密责任人才能审核（规则 D-09）',
    'Only a classifier designated by the leader and filed with the secrecy bureau may review (rule D-09)',
    { actor },
  )
}

/**
 * rules D-01, D-05, B-04: the approval (step 3) is the main or the responsible leader's, read from the
 * organisation register; `rule` is D-01 for a determination, D-05 for a change.
 */
export function checkLeaderApproves(rule: string, actor: string, ctx: SliceContext): DomainError | null {
  return requirePost(rule, ctx.view, actor, ['first_responsible', 'responsible_leader'])
}

/**
 * rules D-01, D-05: four eyes: proposer, reviewer and approver are three people; nobody reviews or
 * approves their own proposal, nor approves their own review, whatever posts they hold.
 */
export function threeHands(rule: string, pending: Proposal, actor: string): DomainError | null {
  return distinctHands(rule, [
    { zh: '拟定人', en: 'proposer', person: pending.proposedBy },
    ...(pending.review === null ? [] : [{ zh: '审核人', en: 'reviewer', person: pending.review.by }]),
    {
      zh: pending.review === null ? '审核人' : '审批人',
      en: pending.review === null ? 'reviewer' : 'approver',
      person: actor,
    },
  ])
}

/**
 * rule D-09: the filing names a user of this unit holding the classifier role who is, at the event's
 * time, the classifier of the organisation register (the unit leader's designation, B-04).
 */
export function checkClassifierFiled(classifierId: string, ctx: SliceContext): DomainError | null {
  const user = directoryUser(ctx.directory, classifierId)
  if (!user || user.unit !== ctx.unit || !user.roles.includes(Role.Classifier))
    return domainError(
      'D-09',
      '只能指定本单位具有定密责任人角色的用户（规则 D-09）',
      'Only a user of this unit holding the classifier role can be designated (rule D-09)',
      { classifierId },
    )
  const held = ctx.view?.postsOf(classifierId) ?? []
  if (held.includes('classifier')) return null
  return domainError(
    'D-09',
    `${classifierId} 在组织机构台账中不是${UNIT_POST_LABEL_ZH.classifier}，须先由单位领导指定再备案（规则 D-09、B-04）`,
    `${classifierId} is not the classifier in the organisation register: designate them there before filing (rules D-09, B-04)`,
    { classifierId, held },
  )
}
