import { requirePost } from '../../core/approvals.ts'
import { directoryUser } from '../../core/key-directory.ts'
import type { SliceContext } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import type { UnitPost } from '../../core/unit-view.ts'
import { localDay } from '../../core/work-calendar.ts'
import { type CustodyPolicy, routingDeadlines } from './policy.ts'
import { type CustodySliceEvent, exists, GONE_FOR_GOOD_CODES, viewCarrier } from './rules.ts'
import type { CustodyWork, Routing } from './state.ts'

/** Block rules of the routing of received documents (rule C-19: 处理单, 送阅, 跟踪督办). */

function c19(zh: string, en: string, details?: Readonly<Record<string, unknown>>): DomainError {
  return domainError('C-19', `${zh}（规则 C-19）`, `${en} (rule C-19)`, details)
}

/** An open routing, or the refusal. */
export function openRouting(work: CustodyWork, id: string): Routing | DomainError {
  const r = work.routings.get(id)
  if (r === undefined)
    return c19(`处理单 ${id} 不存在`, `Routing slip ${id} does not exist`, { routingId: id })
  if (r.state !== 'open')
    return domainError(
      'CUSTODY-CLOSED',
      `处理单 ${r.slipNumber} 已办结`,
      `Routing slip ${r.slipNumber} is already closed`,
      {
        routingId: id,
      },
    )
  return r
}

function isError(x: Routing | DomainError): x is DomainError {
  return 'code' in x && 'message' in x
}

/**
 * rule C-19: a received document registered in the carrier register gets one routing slip at a time;
 * its time of receipt is on the register's date received (the deadlines run from it) and not after
 * the slip. Choice: a carrier archived, handed over or destroyed is no longer "under handling".
 */
export function checkRoutingOpened(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.routing_opened'>,
  ctx: SliceContext,
  policy: CustodyPolicy,
): DomainError | null {
  const p = event.payload
  if (work.routings.has(p.routingId)) return exists('处理单', 'Routing slip', p.routingId)
  if (work.slipNumbers.has(p.slipNumber))
    return c19(`处理单编号 ${p.slipNumber} 已被使用`, `Routing slip number ${p.slipNumber} is already in use`)
  const c = viewCarrier(ctx, p.carrierId)
  if (c === undefined)
    return c19(
      `载体 ${p.carrierId} 未在涉密载体台账中登记`,
      `Carrier ${p.carrierId} is not in the carrier register`,
      {
        carrierId: p.carrierId,
      },
    )
  if (c.direction !== 'received')
    return c19(
      `处理单只用于收文，载体 ${c.serial} 是本单位制发的`,
      `Routing slips are for received documents; ${c.serial} was produced here`,
      {
        carrierId: c.id,
      },
    )
  if (c.state === 'destroyed' || work.archived.has(c.id) || work.handedOver.has(c.id))
    return c19(
      `载体 ${c.serial} 已销毁、归档或移交，不再办理`,
      `Carrier ${c.serial} is destroyed, archived or handed over`,
      {
        carrierId: c.id,
      },
    )
  const open = work.openRoutings.get(c.id)
  if (open !== undefined)
    return c19(
      `载体 ${c.serial} 已有未办结的处理单 ${open}`,
      `Carrier ${c.serial} already has an open routing slip ${open}`,
      {
        carrierId: c.id,
        routingId: open,
      },
    )
  const day = localDay(p.receivedAt, ctx.calendar).date
  if (p.receivedAt > event.atMs || day !== c.receivedOn)
    return c19(
      `收文时间须在登记的收到日期 ${c.receivedOn} 且不晚于处理单`,
      `The time of receipt must fall on the registered date received ${c.receivedOn} and not after the slip`,
      { carrierId: c.id, receivedOn: c.receivedOn, receivedDay: day },
    )
  const due = routingDeadlines(p.receivedAt, p.urgency, policy, ctx.calendar)
  return due.ok ? null : due.error
}

/**
 * rules C-19, B-04: who reads and signs a routing slip (阅批): the office head (办公室主任) or a leader, by
 * the posts the organisation register gives them; a leader's post first, since for an urgent document
 * only a leader meets the deadline (随收随送 有关领导).
 */
export const PRESENT_POSTS: readonly UnitPost[] = ['first_responsible', 'responsible_leader', 'office_head']

/** The post `to` holds for 阅批 at this point of the fold (a leader's post before the office head's). */
export function presentedPost(ctx: SliceContext, to: string): UnitPost {
  const held = ctx.view?.postsOf(to) ?? []
  return PRESENT_POSTS.find((p) => held.includes(p)) ?? 'office_head'
}

/** rules C-19, B-04: presented for 阅批 to a user of this unit holding one of PRESENT_POSTS now. */
export function checkRoutingPresented(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.routing_presented'>,
  ctx: SliceContext,
): DomainError | null {
  const r = openRouting(work, event.payload.routingId)
  if (isError(r)) return r
  const { to } = event.payload
  const user = directoryUser(ctx.directory, to)
  if (user === undefined || user.unit !== ctx.unit)
    return c19(`${to} 不是本单位用户`, `${to} is not a user of this unit`, { to })
  return requirePost('C-19', ctx.view, to, PRESENT_POSTS)
}

/**
 * rule C-19: the officer follows the document until it is back (跟踪督办): the slip closes only after it
 * was presented, and while the carrier register shows it back in custody: not held by a reader, not
 * away in another register (a carrier returned to its issuer, C-09, or destroyed is done with).
 */
export function checkRoutingClosed(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.routing_closed'>,
  ctx: SliceContext,
): DomainError | null {
  const r = openRouting(work, event.payload.routingId)
  if (isError(r)) return r
  if (r.presentations.length === 0)
    return c19(
      `处理单 ${r.slipNumber} 尚未送阅，不能办结`,
      `Routing slip ${r.slipNumber} was never presented and cannot be closed`,
      {
        routingId: r.id,
      },
    )
  const c = viewCarrier(ctx, r.carrierId)
  if (c === undefined || c.state === 'destroyed') return null
  if (c.state === 'out' || c.holders.length > 0)
    return c19(
      `载体 ${c.serial} 仍在 ${c.holders.map((h) => h.reader).join('、')} 手中，收回后方可办结`,
      `Carrier ${c.serial} is still held by ${c.holders.map((h) => h.reader).join(', ')}; close the slip once it is back`,
      { routingId: r.id, holders: c.holders.map((h) => h.reader) },
    )
  const away = ctx.view?.carrierAway(c.id) ?? null
  if (away !== null && !GONE_FOR_GOOD_CODES.includes(away.code))
    return c19(`载体 ${c.serial} 尚未收回：${away.zh}`, `Carrier ${c.serial} is not back: ${away.en}`, {
      routingId: r.id,
      awayCode: away.code,
    })
  return null
}
