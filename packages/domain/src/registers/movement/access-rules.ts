import { distinctHands } from '../../core/approvals.ts'
import { directoryUser } from '../../core/key-directory.ts'
import type { SliceContext } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { APPROVER, checkApprover, part, REGISTRAR } from './approval-rules.ts'
import {
  approvalFor,
  checkCovered,
  checkDistinct,
  consumeApproval,
  isError,
  type MovementSliceEvent,
  registeredCarrier,
} from './rules.ts'
import type { MovementWork } from './state.ts'

/** Rules C-03 (need-to-know scope) and C-16 (classified electronic files): check and apply. */

/**
 * rule C-03 (approval): widening a carrier's scope needs a leader's recorded approval. Choice: any leader
 * post of the organisation register may approve (001 篇15 一2 未经批准，不许随意扩大范围 names no post);
 * the approval names the readers, and nobody widens the scope to themselves (four eyes).
 */
export function checkScopeWideningApproved(
  event: MovementSliceEvent<'movement.scope_widening_approved'>,
  ctx: SliceContext,
): DomainError | null {
  const c = registeredCarrier(ctx, event.payload.carrierId, 'C-03')
  if (isError(c)) return c
  return (
    checkApprover('scope_widening', 'C-03', event, ctx) ??
    checkDistinct(event.payload.readers, 'C-03') ??
    distinctHands('C-03', [
      APPROVER(event.actor),
      ...event.payload.readers.map((r) => part('新增知悉人', 'added reader', r)),
    ])
  )
}

/** rule C-03: the widening, only to readers the approval for this carrier names. */
export function checkScopeWidened(
  work: MovementWork,
  event: MovementSliceEvent<'movement.scope_widened'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  const c = registeredCarrier(ctx, p.carrierId, 'C-03')
  if (isError(c)) return c
  const a = approvalFor(work, p.approvalId, 'scope_widening', 'C-03', event)
  if (isError(a)) return a
  if (a.carrierId !== p.carrierId)
    return domainError(
      'C-03',
      `批准 ${a.id} 针对的是另一载体（规则 C-03）`,
      `Approval ${a.id} is for another carrier (rule C-03)`,
      { approvalId: a.id, carrierId: p.carrierId },
    )
  return (
    checkDistinct(p.readers, 'C-03') ??
    checkCovered(p.readers, a.readers, 'C-03') ??
    distinctHands('C-03', [APPROVER(a.by), REGISTRAR(event.actor)])
  )
}

export function applyScopeWidened(
  work: MovementWork,
  event: MovementSliceEvent<'movement.scope_widened'>,
): void {
  const p = event.payload
  const current = work.scopes.get(p.carrierId) ?? []
  const added = p.readers
    .filter((reader) => !current.some((g) => g.reader === reader))
    .map((reader) => ({ reader, approvalId: p.approvalId, eventId: event.id, at: event.atMs }))
  work.scopes.set(p.carrierId, [...current, ...added])
  consumeApproval(work, p.approvalId, event.id)
}

const ACTION_ZH = { read: '阅读', use: '使用', copy: '复制', destroy: '销毁' } as const

/**
 * rule C-16 (approval): the subject is a registered electronic file, approved by the holder of the
 * 主管领导 or main leader post (rule B-04).
 */
export function checkElectronicUseApproved(
  event: MovementSliceEvent<'movement.electronic_use_approved'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  const c = registeredCarrier(ctx, p.carrierId, 'C-16')
  if (isError(c)) return c
  if (c.kind !== 'electronic')
    return domainError(
      'C-16',
      `载体 ${c.serial} 不是涉密电子文件（规则 C-16）`,
      `Carrier ${c.serial} is not an electronic file (rule C-16)`,
      { carrierId: c.id, kind: c.kind },
    )
  // rule C-16: 000 涉密电子文件 七 says 单位的主管领导; the main leader stands above and may sign too.
  // Nobody approves their own use (four eyes).
  return (
    checkApprover('electronic_use', 'C-16', event, ctx) ??
    distinctHands('C-16', [APPROVER(event.actor), part('使用人', 'user', p.user)])
  )
}

/**
 * rule C-16 (register): the registration names the approved user and action and is signed by the user.
 * Choice: the user signs the event personally (actor = user), or the officer records it stating that the
 * user signed the paper register (`userSigned`); an officer's entry without the user's signature is
 * refused. A destroyed file is neither read nor destroyed again.
 */
export function checkElectronicUseRegistered(
  work: MovementWork,
  event: MovementSliceEvent<'movement.electronic_use_registered'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  const c = registeredCarrier(ctx, p.carrierId, 'C-16')
  if (isError(c)) return c
  const a = approvalFor(work, p.approvalId, 'electronic_use', 'C-16', event)
  if (isError(a)) return a
  if (a.carrierId !== p.carrierId || a.action !== p.action || a.user !== p.user)
    return domainError(
      'C-16',
      `批准 ${a.id} 是对 ${a.user} ${ACTION_ZH[a.action]} ${a.carrierId} 的批准，与登记不符（规则 C-16）`,
      `Approval ${a.id} covers ${a.user} to ${a.action} ${a.carrierId}, not this registration (rule C-16)`,
      { approvalId: a.id },
    )
  const hands = distinctHands('C-16', [APPROVER(a.by), part('登记人', 'registrant', event.actor)])
  if (hands !== null) return hands
  const isOfficer = directoryUser(ctx.directory, event.actor)?.roles.includes('officer') ?? false
  if (event.actor === p.user || (isOfficer && p.userSigned)) return null
  return domainError(
    'C-16',
    '涉密电子文件使用登记须由使用人本人签字（规则 C-16）',
    'The registration of a classified electronic file is signed by its user (rule C-16)',
    { user: p.user, actor: event.actor },
  )
}

export function applyElectronicUseRegistered(
  work: MovementWork,
  event: MovementSliceEvent<'movement.electronic_use_registered'>,
): void {
  const p = event.payload
  const a = work.approvals.get(p.approvalId)
  if (a === undefined) return
  work.electronicUses.push({
    eventId: event.id,
    carrierId: p.carrierId,
    action: p.action,
    user: p.user,
    approvalId: a.id,
    approvedBy: a.by,
    post: a.post,
    signature: event.actor === p.user ? 'personal' : 'paper',
    recordedBy: event.actor,
    at: event.atMs,
  })
  consumeApproval(work, a.id, event.id)
}
