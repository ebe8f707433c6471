import { type ChainPart, distinctHands, requirePost } from '../../core/approvals.ts'
import { isStateSecret } from '../../core/levels.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import type { UnitPost } from '../../core/unit-view.ts'
import { localDay } from '../../core/work-calendar.ts'
import { checkElectronicRegistration } from './electronic-files.ts'
import type { CopyApproval, CopyPlace } from './events.ts'
import type { CarrierPolicy } from './policy.ts'
import { carrierAwayError, checkCopyNumbers, checkNewIds, type RuleContext, unknownCarrier } from './rules.ts'
import type { RuleEventOf, RuleView } from './state.ts'

function copyRefused(zh: string, en: string, details?: Readonly<Record<string, unknown>>): DomainError {
  return domainError('C-07', `${zh}（规则 C-07）`, `${en} (rule C-07)`, details)
}

const AUTHORITY_ZH: Readonly<Record<CopyApproval['authority'], string>> = {
  originating_authority: '原定密机关',
  issuing_organ: '制发机关',
  superior: '上级机关',
  unit_leader: '本单位领导',
}

/**
 * rule C-07: where a classified carrier was copied. The unit's own device must be a classified office
 * device of the computer register, in use (M-07: it has a named keeper); otherwise a licensed copying
 * point the county lists. A place the register does not know (a public copy shop) is refused.
 */
function checkPlace(view: RuleView, place: CopyPlace | undefined, policy: CarrierPolicy): DomainError | null {
  if (place === undefined)
    return copyRefused(
      '复制国家秘密载体须登记复制地点',
      'Copying a classified carrier needs the place of copying',
    )
  if (place.kind === 'licensed_point') {
    if (policy.copyPoints.some((point) => point.id === place.pointId)) return null
    return copyRefused(
      '复制地点不在县保密局公布的定点复制单位名录中，不得在社会复印店复制',
      'The copying point is not on the county’s list of licensed points; public copy shops are not allowed',
      { pointId: place.pointId },
    )
  }
  const device = view.device(place.deviceId)
  if (device === undefined || device.kind !== 'office_device')
    return copyRefused(
      '复制设备须为计算机和存储介质台账中登记的办公设备（规则 M-07）',
      'The copier must be an office device of the computer register (rule M-07)',
      { deviceId: place.deviceId },
    )
  if (device.status !== 'in_use')
    return copyRefused('该复制设备当前不可使用', 'That copier is not in use', {
      deviceId: place.deviceId,
      status: device.status,
    })
  if (!device.classified)
    return copyRefused(
      '复制国家秘密载体须使用涉密复制设备',
      'Classified carriers are copied only on a classified copier',
      { deviceId: place.deviceId },
    )
  return null
}

/**
 * rule C-07: whose approval a copy needs. 绝密: the originating authority's consent, and only where the
 * county accepts it (default: refused). The unit's own documents: its main leader. Received documents:
 * the issuing organ or the superior; this unit's leader instead only where the county allows it. An
 * approval of this unit's leader is read against the organisation register (B-04) and is never the
 * officer's own (four eyes). Approved no later than the day of copying.
 */
function checkApproval(
  view: RuleView,
  event: RuleEventOf<'carrier.copied'>,
  origin: { level: string; direction: 'received' | 'produced' },
  ctx: RuleContext,
): DomainError | null {
  const approval = event.payload.approval
  if (
    origin.level === 'top_secret' &&
    !(ctx.policy.allowTopSecretCopyWithConsent && approval?.authority === 'originating_authority')
  )
    return domainError(
      'C-07',
      '绝密载体未经原定密机关同意不得复制（规则 C-07）',
      'A top secret carrier is not copied without the consent of the originating authority (rule C-07)',
    )
  if (approval === undefined)
    return copyRefused(
      '复制国家秘密载体须有批准记录',
      'Copying a classified carrier needs a recorded approval',
    )
  if (approval.approvedOn > localDay(event.atMs, ctx.calendar).date)
    return copyRefused('批准日期不能晚于复制日期', 'The approval cannot be dated after the copying', {
      approvedOn: approval.approvedOn,
    })
  if (origin.level === 'top_secret') return null
  const allowed: readonly CopyApproval['authority'][] =
    origin.direction === 'produced'
      ? ['unit_leader']
      : ctx.policy.acceptUnitLeaderCopyApproval
        ? ['issuing_organ', 'superior', 'unit_leader']
        : ['issuing_organ', 'superior']
  if (!allowed.includes(approval.authority))
    return copyRefused(
      `此载体的复制须由${allowed.map((a) => AUTHORITY_ZH[a]).join('或')}批准`,
      `This carrier's copy must be approved by ${allowed.join(' or ')}`,
      { authority: approval.authority, allowed },
    )
  if (approval.authority !== 'unit_leader') return null
  const posts: readonly UnitPost[] =
    origin.direction === 'produced' ? ['first_responsible'] : ['first_responsible', 'responsible_leader']
  const chain: ChainPart[] = [
    { zh: '复制登记人', en: 'the officer recording the copy', person: event.actor },
    { zh: '批准人', en: 'the approver', person: approval.approver },
  ]
  return distinctHands('C-07', chain) ?? requirePost('C-07', view, approval.approver, posts)
}

/**
 * rule C-07: a copy of a carrier in custody, approved as its level and origin require, made on the
 * unit's designated copier or at a licensed point; the new copies' ids and 份号 as for a registration.
 */
export function checkCopy(
  view: RuleView,
  event: RuleEventOf<'carrier.copied'>,
  ctx: RuleContext,
): DomainError | null {
  const p = event.payload
  const original = view.carriers.get(p.originalId)
  if (!original) return unknownCarrier(p.originalId)
  if (original.state === 'destroyed')
    return copyRefused('已销毁的载体不能复制', 'A destroyed carrier cannot be copied')
  const away = carrierAwayError(view, original.id)
  if (away !== null) return away
  // rule C-18: a central unclassified document kept as classified is copied like a 秘密 one.
  const classified = isStateSecret(original.level) || original.keptAsClassified
  if (classified) {
    const error =
      checkApproval(view, event, original, ctx) ??
      checkPlace(view, p.place, ctx.policy) ??
      checkElectronicRegistration(view, original, 'copy', event.atMs)
    if (error) return error
  }
  return checkNewIds(view, p.copies) ?? checkCopyNumbers(original.level, p.copies)
}
