import { carriersHeldBy } from '../../core/carrier-holdings.ts'
import type { SliceContext } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { isValidDate } from './dates.ts'
import {
  activePerson,
  badDate,
  isError,
  notOnPost,
  type PersonnelSliceEvent,
  usableApproval,
} from './rules.ts'
import type { PersonnelWork } from './state.ts'

/** Block rules of leaving a post, leaving the unit and travelling abroad (P-02, P-03, P-04, C-12). */

/** rule P-03: a person on a classified post leaves the post (with its hand-over) before the unit. */
export function checkLeftUnit(
  work: PersonnelWork,
  event: PersonnelSliceEvent<'personnel.left_unit'>,
  ctx: SliceContext,
): DomainError | null {
  const p = activePerson(work, event.payload.personId)
  if (isError(p)) return p
  if (!isValidDate(event.payload.leftOn, ctx.calendar)) return badDate(event.payload.leftOn)
  if (p.post !== null)
    return domainError(
      'P-03',
      `${p.name} 仍在涉密岗位，须先办理离岗手续（规则 P-03）`,
      `${p.name} is still on a classified post and must leave it first (rule P-03)`,
      { personId: p.id },
    )
  return null
}

/**
 * rules P-02, P-03, P-04, C-12: leaving the post needs the leader's approval, a departure commitment
 * signed while on this post, the reminder talk, revoked access and every carrier handed over. The
 * C-12 attestation is cross-checked by the unit fold against the carrier register.
 */
export function checkLeftPost(
  work: PersonnelWork,
  event: PersonnelSliceEvent<'personnel.left_post'>,
  ctx: SliceContext,
): DomainError | null {
  const e = event.payload
  const p = activePerson(work, e.personId)
  if (isError(p)) return p
  if (p.post === null) return notOnPost(p)
  const a = usableApproval(work, e.approvalId, p.id, 'leave_post')
  if (isError(a)) return a
  const since = p.post.sinceMs
  if (!p.commitments.some((c) => c.kind === 'departure' && c.atMs >= since))
    return domainError(
      'P-02',
      `${p.name} 未签订离岗保密承诺书（规则 P-02）`,
      `${p.name} has not signed the departure commitment (rule P-02)`,
      { personId: p.id },
    )
  if (!e.reminderTalkHeld)
    return domainError(
      'P-03',
      `${p.name} 离岗前须进行保密提醒谈话（规则 P-03）`,
      `${p.name} must have the reminder talk before leaving (rule P-03)`,
      { personId: p.id },
    )
  if (!e.accessRevoked)
    return domainError(
      'P-03',
      `${p.name} 的涉密权限须在离岗时收回（规则 P-03）`,
      `${p.name}'s access must be revoked on leaving (rule P-03)`,
      { personId: p.id },
    )
  if (!e.carriersHandedOver)
    return domainError(
      'C-12',
      `${p.name} 须在离岗前移交全部涉密载体（规则 C-12）`,
      `${p.name} must hand over every carrier before leaving (rule C-12)`,
      { personId: p.id },
    )
  // rule C-12: the attestation is not taken on trust inside the unit fold: the carrier register (and any
  // register holding carriers away) must show nothing still with the person.
  const held = ctx.view === undefined ? [] : carriersHeldBy(ctx.view, p.id, p.name)
  if (held.length > 0)
    return domainError(
      'C-12',
      `${p.name} 仍持有 ${held.length} 件涉密载体，须先交回保密员（规则 C-12）`,
      `${p.name} still holds ${held.length} carrier(s): they must come back to the officer first (rule C-12)`,
      { personId: p.id, carrierIds: held },
    )
  return null
}

/** rule P-04: travel abroad under the leader's approval. */
export function checkTravelAbroad(
  work: PersonnelWork,
  event: PersonnelSliceEvent<'personnel.travel_abroad'>,
  ctx: SliceContext,
): DomainError | null {
  const e = event.payload
  const p = activePerson(work, e.personId)
  if (isError(p)) return p
  if (!isValidDate(e.departsOn, ctx.calendar)) return badDate(e.departsOn)
  if (!isValidDate(e.returnsOn, ctx.calendar)) return badDate(e.returnsOn)
  if (e.returnsOn < e.departsOn)
    return domainError(
      'PERSONNEL-DATE',
      '回国日期早于出国日期',
      'The return date is before the departure date',
      { departsOn: e.departsOn, returnsOn: e.returnsOn },
    )
  const a = usableApproval(work, e.approvalId, p.id, 'travel_abroad')
  return isError(a) ? a : null
}
