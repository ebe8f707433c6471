import type { SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { checkPeriod } from '../../core/secrecy-period.ts'
import type {
  ClassificationApproved,
  ClassificationChangeProposed,
  ClassificationEscalated,
  ClassificationProposed,
  ClassificationReplyRecorded,
  ClassificationReviewed,
  ClassificationReviewedPeriodic,
} from './events.ts'
import type { ClassificationPolicy } from './policy.ts'
import { checkClassifierSigns, checkLeaderApproves, threeHands } from './signing-rules.ts'
import type { ClassificationItem, ClassificationState } from './state.ts'

/** Block rules of the classification register. Each returns the refusal, or null to allow. */

type Ev<P> = SliceEvent<string, P>

function unknownItem(id: string): DomainError {
  return domainError(
    'CLS-UNKNOWN',
    `定密台账中没有事项 ${id}`,
    `No item ${id} in the classification register`,
    {
      itemId: id,
    },
  )
}

function notPending(id: string): DomainError {
  return domainError(
    'CLS-NOT-PENDING',
    `事项 ${id} 没有待办的定密或变更`,
    `Item ${id} has no open proposal`,
    {
      itemId: id,
    },
  )
}

function staleProposal(id: string): DomainError {
  return domainError(
    'CLS-STALE',
    `事项 ${id} 的审核或审批所指的拟定意见不是当前待办的意见`,
    `The review or approval of item ${id} names a proposal that is not the open one`,
    { itemId: id },
  )
}

/** rule D-07: in force at `ms` (determined and the period not yet run out). */
export function inForce(item: ClassificationItem, ms: number): boolean {
  return item.status === 'determined' && item.determination !== null && ms < item.determination.expiresAtMs
}

export function checkProposed(
  state: ClassificationState,
  e: Ev<ClassificationProposed>,
  policy: ClassificationPolicy,
): DomainError | null {
  const p = e.payload
  const existing = state.items.get(p.itemId)
  // A returned determination may be proposed again (it keeps its D-02 deadline); otherwise ids are fresh.
  if (existing && existing.status !== 'returned')
    return domainError(
      'CLS-EXISTS',
      `定密事项标识 ${p.itemId} 已存在`,
      `Item id ${p.itemId} already exists`,
      {
        itemId: p.itemId,
      },
    )
  // rule D-01: a township has no original classification authority; it derives from a source document.
  if (p.basis.kind === 'catalogue' && !policy.allowOriginalClassification)
    return domainError(
      'D-01',
      '本单位没有原始定密权，须以来源文件为依据派生定密（规则 D-01）',
      'This unit has no original classification authority: cite the source document (derived classification, rule D-01)',
    )
  return checkPeriod(p.level, p.periodYears)
}

export function checkReviewed(
  state: ClassificationState,
  e: Ev<ClassificationReviewed>,
  ctx: SliceContext,
): DomainError | null {
  const item = state.items.get(e.payload.itemId)
  if (!item) return unknownItem(e.payload.itemId)
  if (item.status === 'escalated') return escalatedAwaitsReply(item.id)
  if (!item.pending || item.status === 'returned') return notPending(item.id)
  if (item.pending.id !== e.payload.proposalId) return staleProposal(item.id)
  if (item.pending.review)
    return domainError(
      'CLS-REVIEWED',
      `事项 ${item.id} 的意见已审核`,
      `The proposal for item ${item.id} is already reviewed`,
    )
  return (
    checkClassifierSigns(state, e.actor, ctx) ??
    threeHands(item.pending.kind === 'determine' ? 'D-01' : 'D-05', item.pending, e.actor)
  )
}

function escalatedAwaitsReply(id: string): DomainError {
  return domainError(
    'D-04',
    `事项 ${id} 已报上级确定，以上级答复为准（规则 D-04）`,
    `Item ${id} was escalated: the superior's reply decides it (rule D-04)`,
    { itemId: id },
  )
}

export function checkApproved(
  state: ClassificationState,
  e: Ev<ClassificationApproved>,
  ctx: SliceContext,
): DomainError | null {
  const item = state.items.get(e.payload.itemId)
  if (!item) return unknownItem(e.payload.itemId)
  if (item.status === 'escalated') return escalatedAwaitsReply(item.id)
  if (!item.pending || item.status === 'returned') return notPending(item.id)
  if (item.pending.id !== e.payload.proposalId) return staleProposal(item.id)
  const rule = item.pending.kind === 'determine' ? 'D-01' : 'D-05'
  if (!item.pending.review)
    return domainError(
      rule,
      `须经定密责任人审核同意后才能审批（规则 ${rule}）`,
      `Approval needs the classifier's positive review first (rule ${rule})`,
      { itemId: item.id },
    )
  // Two signed steps means two people: a leader who is also the classifier cannot approve their own
  // review (an inspector reads 审核 and 审批 as separate signatures), nor anyone their own proposal.
  return checkLeaderApproves(rule, e.actor, ctx) ?? threeHands(rule, item.pending, e.actor)
}

export function checkEscalated(
  state: ClassificationState,
  e: Ev<ClassificationEscalated>,
): DomainError | null {
  const item = state.items.get(e.payload.itemId)
  if (!item) return unknownItem(e.payload.itemId)
  // Decision: only an open determination is escalated (a change of a determined item is decided here).
  if (item.status !== 'pending' || item.pending?.kind !== 'determine')
    return domainError(
      'D-04',
      `只有尚未确定的定密事项才能报上级确定（规则 D-04）`,
      'Only an undecided determination can be escalated (rule D-04)',
      { itemId: item.id },
    )
  return null
}

export function checkReply(
  state: ClassificationState,
  e: Ev<ClassificationReplyRecorded>,
): DomainError | null {
  const item = state.items.get(e.payload.itemId)
  if (!item) return unknownItem(e.payload.itemId)
  if (item.status !== 'escalated')
    return domainError(
      'D-04',
      `事项 ${item.id} 没有待上级答复的报请（规则 D-04）`,
      `Item ${item.id} has no escalation awaiting a reply (rule D-04)`,
      { itemId: item.id },
    )
  const o = e.payload.outcome
  return o.kind === 'secret' ? checkPeriod(o.level, o.periodYears) : null
}

export function checkChangeProposed(
  state: ClassificationState,
  e: Ev<ClassificationChangeProposed>,
): DomainError | null {
  const item = state.items.get(e.payload.itemId)
  if (!item) return unknownItem(e.payload.itemId)
  const det = item.determination
  if (item.status !== 'determined' || !det)
    return domainError(
      'D-05',
      '只有已确定的国家秘密事项才能变更或解密（规则 D-05）',
      'Only a determined state secret can be changed or declassified (rule D-05)',
      { itemId: item.id },
    )
  // rule D-07: once the period has run out the item is declassified; an extension comes too late.
  if (!inForce(item, e.atMs))
    return domainError(
      'D-07',
      '保密期限已满，事项已自动解密，不能再变更（规则 D-07）',
      'The secrecy period has ended and the item is declassified: it can no longer be changed (rule D-07)',
      { itemId: item.id },
    )
  if (item.pending)
    return domainError(
      'D-05',
      `事项 ${item.id} 已有待办的变更（规则 D-05）`,
      `Item ${item.id} already has an open change (rule D-05)`,
    )
  const c = e.payload.change
  if (c.kind === 'level') return checkPeriod(c.level, c.periodYears)
  if (c.kind === 'period') return checkPeriod(det.level, c.periodYears)
  return null
}

export function checkReviewedPeriodic(
  state: ClassificationState,
  e: Ev<ClassificationReviewedPeriodic>,
  ctx: SliceContext,
): DomainError | null {
  const item = state.items.get(e.payload.itemId)
  if (!item) return unknownItem(e.payload.itemId)
  const filed = checkClassifierSigns(state, e.actor, ctx)
  if (filed) return filed
  if (e.payload.outcome === 'kept') {
    if (inForce(item, e.atMs)) return null
    return domainError(
      'D-06',
      '只有仍在保密期限内的国家秘密事项才能审核后维持（规则 D-06）',
      'Only a state secret still within its period can be kept (rule D-06)',
      { itemId: item.id },
    )
  }
  // Decision: a periodic review does not change or declassify by itself (D-05: the same three steps);
  // its outcome is recorded only when a change of that kind is open or approved since the last review.
  const kinds = e.payload.outcome === 'declassified' ? ['declassify'] : ['change_level', 'change_period']
  const since = item.lastPeriodicReview?.atMs ?? item.determination?.approvedAtMs ?? 0
  const open = item.pending !== null && kinds.includes(item.pending.kind)
  const done = item.changes.some((ch) => kinds.includes(ch.kind) && ch.approvedAtMs >= since)
  if (open || done) return null
  return domainError(
    'D-05',
    '定期审核结论为变更或解密的，须按定密程序提出并审批（规则 D-05）',
    'A periodic review that changes or declassifies needs a change proposed, reviewed and approved (rule D-05)',
    { itemId: item.id },
  )
}
