import { type ChainPart, distinctHands, requirePost } from '../../core/approvals.ts'
import type { SliceContext } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import type { UnitPost } from '../../core/unit-view.ts'
import { type CustodySliceEvent, viewCarrier } from './rules.ts'
import type { CustodyWork, WithdrawalApproval } from './state.ts'

/**
 * Rules C-10, C-21: taking carriers out of the archive (出档 / 调档). Archived files are not taken out
 * (案卷…概不外借); a special case needs a leader's approval stating it, and the carriers come back into the
 * officer's custody (they are then on the inventory, C-13, and due for archiving again, C-10).
 */

/**
 * rules C-21, B-04: "a leader's approval" (领导批准): the main leader or the 分管保密工作领导 at the event's
 * time. Choice: not the office head, who approves consulting files in the archive room, not taking them out.
 */
export const WITHDRAWAL_POSTS: readonly UnitPost[] = ['first_responsible', 'responsible_leader']

function c21(zh: string, en: string, details?: Readonly<Record<string, unknown>>): DomainError {
  return domainError('C-21', `${zh}（规则 C-21）`, `${en} (rule C-21)`, details)
}

const APPROVER = (person: string): ChainPart => ({ zh: '批准领导', en: 'approving leader', person })
const REQUESTER = (person: string): ChainPart => ({ zh: '调档人', en: 'requester', person: person.trim() })
const REGISTRAR = (person: string): ChainPart => ({ zh: '经办保密员', en: 'registering officer', person })

/** Carriers of `ids` not in the archive here now (never archived, taken out already, handed over). */
function notArchived(work: CustodyWork, ids: readonly string[]): string[] {
  return ids.filter((id) => !work.archived.has(id) || work.handedOver.has(id))
}

function notArchivedError(ctx: SliceContext, ids: readonly string[]): DomainError {
  const serials = ids.map((id) => viewCarrier(ctx, id)?.serial ?? id)
  return c21(
    `载体 ${serials.join('、')} 不在档案中，不能出档`,
    `Carriers ${serials.join(', ')} are not in the archive and cannot be taken out`,
    { carrierIds: ids },
  )
}

/**
 * rules C-10, C-21 (approval): the approver holds a leader's post, the carriers are in the archive, the
 * special case is stated, and nobody approves their own request (four eyes).
 */
export function checkWithdrawalApproved(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.withdrawal_approved'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  const post = requirePost('C-21', ctx.view, event.actor, WITHDRAWAL_POSTS)
  if (post !== null) return post
  const absent = notArchived(work, p.carrierIds)
  if (absent.length > 0) return notArchivedError(ctx, absent)
  if (p.reason.trim() === '')
    return c21(
      '案卷不得带出；特殊情况出档须写明理由',
      'Files are not taken out; a special case states its reason',
    )
  return distinctHands('C-21', [APPROVER(event.actor), REQUESTER(p.requester)])
}

export function applyWithdrawalApproved(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.withdrawal_approved'>,
  ctx: SliceContext,
): void {
  const p = event.payload
  const held = ctx.view?.postsOf(event.actor) ?? []
  work.withdrawalApprovals.set(event.id, {
    id: event.id,
    carrierIds: p.carrierIds,
    requester: p.requester.trim(),
    reason: p.reason,
    by: event.actor,
    post: WITHDRAWAL_POSTS.find((x) => held.includes(x)) ?? 'first_responsible',
    at: event.atMs,
    usedBy: null,
  })
}

function approvalFor(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.withdrawn'>,
): WithdrawalApproval | DomainError {
  const id = event.payload.approvalId
  const a = work.withdrawalApprovals.get(id)
  if (a === undefined || a.at > event.atMs)
    return c21(`没有领导的出档批准记录 ${id}`, `No leader's recorded approval ${id} to take carriers out`, {
      approvalId: id,
    })
  if (a.usedBy !== null)
    return c21(
      `出档批准 ${id} 已用于 ${a.usedBy}，每次须单独批准`,
      `Approval ${id} was already used by ${a.usedBy}; each withdrawal needs its own`,
      { approvalId: id, usedBy: a.usedBy },
    )
  return a
}

/**
 * rules C-10, C-21: the withdrawal, against an approval that covers its carriers; each is still in the
 * archive and not away in another register meanwhile (lent or consulted with its file, C-06/C-21).
 * Four eyes: the approving leader does not also record the withdrawal.
 */
export function checkWithdrawn(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.withdrawn'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  const a = approvalFor(work, event)
  if ('code' in a) return a
  const uncovered = p.carrierIds.filter((id) => !a.carrierIds.includes(id))
  if (uncovered.length > 0)
    return c21(
      `出档批准 ${a.id} 未包括 ${uncovered.join('、')}`,
      `Approval ${a.id} does not cover ${uncovered.join(', ')}`,
      {
        notCovered: uncovered,
      },
    )
  const absent = notArchived(work, p.carrierIds)
  if (absent.length > 0) return notArchivedError(ctx, absent)
  for (const id of p.carrierIds) {
    // The unit composes the other registers before this one: any away code but C-10 is theirs.
    const away = ctx.view?.carrierAway(id) ?? null
    if (away !== null && away.code !== 'C-10')
      return c21(
        `载体 ${viewCarrier(ctx, id)?.serial ?? id} 不在档案室：${away.zh}`,
        `Carrier ${viewCarrier(ctx, id)?.serial ?? id} is not in the archive room: ${away.en}`,
        { carrierId: id, awayCode: away.code },
      )
  }
  // The officer may take out what they asked for themselves: the leader's approval is the other hand.
  return distinctHands('C-21', [APPROVER(a.by), REGISTRAR(event.actor)])
}

export function applyWithdrawn(work: CustodyWork, event: CustodySliceEvent<'custody.withdrawn'>): void {
  const p = event.payload
  const a = work.withdrawalApprovals.get(p.approvalId)
  if (a === undefined) return
  for (const carrierId of p.carrierIds) {
    const archived = work.archived.get(carrierId)
    if (archived === undefined) continue
    work.withdrawals.push({
      carrierId,
      archiveRef: archived.archiveRef,
      batchId: archived.batchId,
      approvalId: a.id,
      approvedBy: a.by,
      requester: a.requester,
      eventId: event.id,
      at: event.atMs,
      by: event.actor,
    })
    work.archived.delete(carrierId)
  }
  work.withdrawalApprovals.set(a.id, { ...a, usedBy: event.id })
}
