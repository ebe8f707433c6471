import { distinctHands, requirePost } from '../../core/approvals.ts'
import type { Carrier } from '../../core/carrier-record.ts'
import { isStateSecret } from '../../core/levels.ts'
import type { SliceContext } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import type { UnitPost } from '../../core/unit-view.ts'
import { APPROVER, heldPost, part, REGISTRAR } from './approval-rules.ts'
import { MIN_BEARERS, type MovementPolicy } from './policy.ts'
import {
  approvalFor,
  carriersInCustody,
  checkCovered,
  checkDistinct,
  checkReturnList,
  consumeApproval,
  isError,
  type MovementSliceEvent,
  markAway,
  openAnomalyIfAny,
  registeredCarrier,
} from './rules.ts'
import type { MovementWork, Trip } from './state.ts'

/** Rule C-08: carrying carriers out of the office, and the return check that closes the trip. */

function c08(zh: string, en: string, details?: Readonly<Record<string, unknown>>): DomainError {
  return domainError('C-08', `${zh}（规则 C-08）`, `${en} (rule C-08)`, details)
}

const isTopSecret = (c: Carrier) => c.level === 'top_secret'
/** A storage medium holding electronic files is what 000 涉密电子文件 六 describes, so it counts as electronic. */
const isElectronic = (c: Carrier) => c.kind === 'electronic' || c.kind === 'medium'

/**
 * rule C-08 (approval + block): who may approve what, by the post the approver holds in the organisation
 * register (B-04): the main leader (first_responsible) approves; the 主管领导 (responsible_leader) only below
 * 绝密 and only where the county allows it. 绝密 never goes abroad. Choice: going abroad (出境) needs the
 * main leader whatever the policy, as the law's exit procedure does. Foreign-affairs events are refused
 * unless the county allows them with the main leader's approval.
 */
function checkAuthority(
  post: UnitPost,
  carriers: readonly Carrier[],
  abroad: boolean,
  foreignAffairs: boolean,
  policy: MovementPolicy,
): DomainError | null {
  const topSecret = carriers.filter(isTopSecret).map((c) => c.serial)
  if (post !== 'first_responsible') {
    if (post !== 'responsible_leader' || !policy.allowInChargeCarryOutBelowTopSecret)
      return c08(
        '携带涉密载体外出须经主要领导批准',
        "Carrying carriers out needs the main leader's approval",
        {
          post,
        },
      )
    if (topSecret.length > 0)
      return c08(
        `绝密载体 ${topSecret.join('、')} 携带外出须经主要领导批准`,
        `Top-secret carriers ${topSecret.join(', ')} go out only with the main leader's approval`,
        { post },
      )
    if (abroad)
      return c08('携带涉密载体出境须经主要领导批准', "Going abroad needs the main leader's approval")
  }
  if (abroad && topSecret.length > 0)
    return c08(
      `绝密载体 ${topSecret.join('、')} 不得携带出境`,
      `Top-secret carriers ${topSecret.join(', ')} never go abroad`,
    )
  if (foreignAffairs && !(policy.allowForeignAffairsWithMainLeader && post === 'first_responsible'))
    return c08(
      policy.allowForeignAffairsWithMainLeader
        ? '携带涉密载体参加涉外活动须经主要领导批准'
        : '禁止携带涉密载体参加涉外活动',
      policy.allowForeignAffairsWithMainLeader
        ? "Carriers go to a foreign-affairs event only with the main leader's approval"
        : 'Carriers never go to foreign-affairs events',
      { foreignAffairs },
    )
  return null
}

/** rule C-08: the posts that may sign a carry-out at all; checkAuthority then judges the carriers. */
export function carryOutPosts(policy: MovementPolicy): UnitPost[] {
  return policy.allowInChargeCarryOutBelowTopSecret
    ? ['first_responsible', 'responsible_leader']
    : ['first_responsible']
}

export function checkCarryOutApproved(
  event: MovementSliceEvent<'movement.carry_out_approved'>,
  ctx: SliceContext,
  policy: MovementPolicy,
): DomainError | null {
  const p = event.payload
  const posts = carryOutPosts(policy)
  const error = requirePost('C-08', ctx.view, event.actor, posts) ?? checkDistinct(p.carrierIds, 'C-08')
  if (error !== null) return error
  const carriers: Carrier[] = []
  for (const id of p.carrierIds) {
    const c = registeredCarrier(ctx, id, 'C-08')
    if (isError(c)) return c
    carriers.push(c)
  }
  const post = heldPost(ctx, event.actor, posts) ?? 'first_responsible'
  return checkAuthority(post, carriers, p.abroad, p.foreignAffairs, policy)
}

/** rule C-08: distinct bearers, two or more with 绝密 or electronic carriers. */
function checkBearers(bearers: readonly string[], carriers: readonly Carrier[]): DomainError | null {
  const distinct = new Set(bearers.map((b) => b.trim()))
  if (distinct.size !== bearers.length) return c08('携带人重复登记', 'A bearer is listed twice', { bearers })
  const needsTwo = carriers.filter((c) => isTopSecret(c) || isElectronic(c)).map((c) => c.serial)
  if (needsTwo.length === 0 || distinct.size >= MIN_BEARERS) return null
  return c08(
    `绝密载体和涉密电子载体（${needsTwo.join('、')}）外出须有 ${MIN_BEARERS} 人以上同行`,
    `Top-secret and electronic carriers (${needsTwo.join(', ')}) go out with ${MIN_BEARERS} or more people`,
    { bearers: distinct.size },
  )
}

/**
 * rule C-08: the trip, against an approval that covers its carriers and whether it goes abroad or to a
 * foreign-affairs event. Choice: abroad, state-secret carriers also need the exit approval's reference
 * (出境批准手续, 001 篇15 七9). Levels are re-checked at departure: a carrier may have been re-classified.
 */
export function checkCarriedOut(
  work: MovementWork,
  event: MovementSliceEvent<'movement.carried_out'>,
  ctx: SliceContext,
  policy: MovementPolicy,
): DomainError | null {
  const p = event.payload
  if (work.trips.has(p.tripId))
    return domainError('MOVEMENT-EXISTS', `外出登记 ${p.tripId} 已存在`, `Trip ${p.tripId} already exists`)
  const a = approvalFor(work, p.approvalId, 'carry_out', 'C-08', event)
  if (isError(a)) return a
  const listed = checkDistinct(p.carrierIds, 'C-08') ?? checkCovered(p.carrierIds, a.carrierIds, 'C-08')
  if (listed !== null) return listed
  if ((p.abroad && !a.abroad) || (p.foreignAffairs && !a.foreignAffairs))
    return c08(
      `批准 ${a.id} 未包括${p.abroad && !a.abroad ? '出境' : '参加涉外活动'}`,
      `Approval ${a.id} does not cover ${p.abroad && !a.abroad ? 'going abroad' : 'a foreign-affairs event'}`,
      { approvalId: a.id },
    )
  const carriers = carriersInCustody(work, ctx, p.carrierIds, 'C-08')
  if (isError(carriers)) return carriers
  const error =
    checkAuthority(a.post, carriers, p.abroad, p.foreignAffairs, policy) ??
    checkBearers(p.bearers, carriers) ??
    // Four eyes: the approving leader neither carries the carriers out nor registers the trip.
    distinctHands('C-08', [APPROVER(a.by), ...p.bearers.map((b) => part('携带人', 'bearer', b))]) ??
    distinctHands('C-08', [APPROVER(a.by), REGISTRAR(event.actor)])
  if (error !== null) return error
  if (p.abroad && carriers.some((c) => isStateSecret(c.level)) && (p.exitPermitRef ?? '').trim() === '')
    return c08(
      '携带国家秘密载体出境须办理出境批准手续并登记',
      'Carrying state secrets abroad needs the exit approval, registered',
    )
  if (p.plannedReturnAt <= event.atMs)
    return c08('外出须登记预计返回时间', 'A trip registers its planned return', {
      plannedReturnAt: p.plannedReturnAt,
    })
  return null
}

export function applyCarriedOut(work: MovementWork, event: MovementSliceEvent<'movement.carried_out'>): void {
  const p = event.payload
  const a = work.approvals.get(p.approvalId)
  if (a === undefined) return
  const trip: Trip = {
    id: p.tripId,
    eventId: event.id,
    carrierIds: p.carrierIds,
    bearers: p.bearers.map((b) => b.trim()),
    destination: p.destination,
    abroad: p.abroad,
    foreignAffairs: p.foreignAffairs,
    exitPermitRef: p.exitPermitRef ?? null,
    approvalId: a.id,
    approvedBy: a.by,
    post: a.post,
    startedAt: event.atMs,
    plannedReturnAt: p.plannedReturnAt,
    returned: null,
  }
  work.trips.set(trip.id, trip)
  consumeApproval(work, a.id, event.id)
  markAway(work.carriersAway, trip.carrierIds, {
    rule: 'C-08',
    refId: trip.id,
    holder: trip.bearers.join('、'),
    persons: trip.bearers,
    since: event.atMs,
    status: 'out',
    anomalyId: null,
  })
}

/** rule C-08: the return check of an open trip. A late return is allowed and shows as late. */
export function checkTripReturned(
  work: MovementWork,
  event: MovementSliceEvent<'movement.trip_returned'>,
): DomainError | null {
  const p = event.payload
  const trip = work.trips.get(p.tripId)
  if (trip === undefined) return c08(`外出登记 ${p.tripId} 不存在`, `Trip ${p.tripId} is not registered`)
  if (trip.returned !== null)
    return domainError(
      'MOVEMENT-CLOSED',
      `外出登记 ${trip.id} 已返回查验`,
      `Trip ${trip.id} is already closed`,
    )
  return checkReturnList(trip.carrierIds, p.returnedIds, p.damagedIds, 'C-08')
}

/** Closes the trip; a missing or damaged carrier, or custody not kept (密不离人), is an anomaly. */
export function applyTripReturned(
  work: MovementWork,
  event: MovementSliceEvent<'movement.trip_returned'>,
): void {
  const p = event.payload
  const trip = work.trips.get(p.tripId)
  if (trip === undefined) return
  const missingIds = trip.carrierIds.filter((id) => !p.returnedIds.includes(id))
  const anomalyId = openAnomalyIfAny(work, event, {
    kind: 'trip_incomplete',
    rule: 'C-08',
    refId: trip.id,
    missingIds,
    damagedIds: p.damagedIds,
    custodyBreach: !p.custodyKept,
  })
  work.trips.set(trip.id, {
    ...trip,
    returned: {
      eventId: event.id,
      at: event.atMs,
      missingIds,
      damagedIds: p.damagedIds,
      anomalyId,
      custodyKept: p.custodyKept,
    },
  })
  for (const id of trip.carrierIds) {
    const entry = work.carriersAway.get(id)
    if (entry?.refId !== trip.id) continue
    if (p.returnedIds.includes(id)) work.carriersAway.delete(id)
    else work.carriersAway.set(id, { ...entry, status: 'missing', anomalyId })
  }
}
