import { distinctHands, requirePost } from '../../core/approvals.ts'
import { isStateSecret, LEVEL_LABEL_ZH, levelRank } from '../../core/levels.ts'
import type { SliceContext } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import {
  checkResponsible,
  type DeviceSliceEvent,
  isDeviceError,
  notAComputer,
  notAViolation,
  registeredDevice,
  usableDevice,
} from './rules.ts'
import type { Device, DeviceWork } from './state.ts'

/** Block rules of media (M-03), devices that stored classified files (M-09) and use by others (M-10). */

function mediumAndComputer(
  work: DeviceWork,
  mediumId: string,
  computerId: string,
  usable: boolean,
): readonly [Device, Device] | DomainError {
  const get = usable ? usableDevice : registeredDevice
  const medium = get(work, mediumId)
  if (isDeviceError(medium)) return medium
  const computer = get(work, computerId)
  if (isDeviceError(computer)) return computer
  if (medium.kind !== 'medium')
    return domainError(
      'M-03',
      `设备 ${medium.number} 不是存储介质`,
      `Device ${medium.number} is not a medium`,
    )
  if (computer.kind !== 'computer') return notAComputer(computer, 'M-03')
  return [medium, computer]
}

/** rule M-03: why using `medium` on `computer` is forbidden, or null when it is allowed. */
export function mediumMisuse(medium: Device, computer: Device): DomainError | null {
  if (medium.classified && !medium.boundTo.includes(computer.id))
    return domainError(
      'M-03',
      `涉密存储介质 ${medium.number} 只能在绑定的涉密计算机上使用，不得用于 ${computer.number}（规则 M-03）`,
      `Classified medium ${medium.number} is used only on the classified computers it is bound to, not on ${computer.number} (rule M-03)`,
      { mediumId: medium.id, computerId: computer.id },
    )
  if (!medium.classified && computer.classified)
    return domainError(
      'M-03',
      `非涉密存储介质 ${medium.number} 不得在涉密计算机 ${computer.number} 上使用（规则 M-03）`,
      `Non-classified medium ${medium.number} is never used on classified computer ${computer.number} (rule M-03)`,
      { mediumId: medium.id, computerId: computer.id },
    )
  return null
}

/**
 * rule M-03: binding. Both classified; choice: the computer's level is at least the medium's, since a
 * 机密 medium on a 秘密 computer would put 机密 files where they are not protected.
 */
export function checkMediumBound(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.medium_bound'>,
): DomainError | null {
  const pair = mediumAndComputer(work, event.payload.mediumId, event.payload.computerId, false)
  if ('code' in pair) return pair
  const [medium, computer] = pair
  if (!medium.classified || !computer.classified)
    return domainError(
      'M-03',
      '只有涉密存储介质才能绑定到涉密计算机（规则 M-03）',
      'Only a classified medium is bound, and only to a classified computer (rule M-03)',
      { mediumId: medium.id, computerId: computer.id },
    )
  if (levelRank(computer.level) < levelRank(medium.level))
    return domainError(
      'M-03',
      `${LEVEL_LABEL_ZH[medium.level ?? 'public']}介质不得绑定到密级较低的计算机 ${computer.number}（规则 M-03）`,
      `A medium is never bound to a computer of a lower level (rule M-03)`,
      { mediumId: medium.id, computerId: computer.id },
    )
  return null
}

export function checkMediumUsed(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.medium_used'>,
): DomainError | null {
  const pair = mediumAndComputer(work, event.payload.mediumId, event.payload.computerId, true)
  if ('code' in pair) return pair
  return mediumMisuse(pair[0], pair[1])
}

/** rule M-03: a reported use is accepted only when it is a misuse (it opens an anomaly). */
export function checkMediumUseReported(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.medium_use_reported'>,
): DomainError | null {
  const pair = mediumAndComputer(work, event.payload.mediumId, event.payload.computerId, false)
  if ('code' in pair) return pair
  return mediumMisuse(pair[0], pair[1]) === null ? notAViolation('M-03') : null
}

export function checkClassifiedFileStored(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.classified_file_stored'>,
): DomainError | null {
  const d = registeredDevice(work, event.payload.deviceId)
  if (isDeviceError(d)) return d
  if (isStateSecret(event.payload.level)) return null
  return domainError(
    'M-09',
    '只有国家秘密文件才登记为涉密存储（规则 M-09）',
    'Only a state-secret file is recorded as classified storage (rule M-09)',
  )
}

/** rule M-09: never back to non-classified use, never to a lower level. */
export function checkReclassified(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.reclassified'>,
): DomainError | null {
  const p = event.payload
  const d = registeredDevice(work, p.deviceId)
  if (isDeviceError(d)) return d
  if (p.classified !== (p.level !== null && isStateSecret(p.level)))
    return domainError(
      'M-01',
      '涉密设备须登记其最高密级（秘密及以上）（规则 M-01）',
      'A classified device is registered with its highest level, confidential or above (rule M-01)',
    )
  if (d.everClassified && (!p.classified || levelRank(p.level) < levelRank(d.level)))
    return domainError(
      'M-09',
      `存储过涉密文件的设备 ${d.number} 按涉密载体管理，不得转为非涉密或降低密级使用（规则 M-09）`,
      `Device ${d.number} has stored classified files and stays classified at its level (rule M-09)`,
      { deviceId: d.id },
    )
  return null
}

/** rule M-09: the approval is the office head's (B-04, read from the organisation register). */
export function checkReuseApproved(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.reuse_approved' | 'device.sanitized'>,
  ctx: SliceContext,
): DomainError | null {
  const d = registeredDevice(work, event.payload.deviceId)
  if (isDeviceError(d)) return d
  if (d.everClassified)
    return event.type === 'device.reuse_approved'
      ? requirePost('M-09', ctx.view, event.actor, ['office_head'])
      : null
  return domainError(
    'M-09',
    `设备 ${d.number} 从未涉密，改作他用无需审批和保密技术处理（规则 M-09）`,
    `Device ${d.number} was never classified; its reuse needs no approval or sanitization (rule M-09)`,
  )
}

/** rule M-09: reuse after the office head's approval and a sanitization made after that approval. */
export function checkReused(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.reused'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  const d = registeredDevice(work, p.deviceId)
  if (isDeviceError(d)) return d
  const approval = work.approvals.get(p.approvalId)
  if (
    approval === undefined ||
    approval.kind !== 'reuse' ||
    approval.deviceId !== d.id ||
    approval.usedBy !== null
  )
    return domainError(
      'M-09',
      `涉密设备 ${d.number} 改作他用须经办公室负责人批准（规则 M-09）`,
      `Reusing classified device ${d.number} needs the office head's approval (rule M-09)`,
      { deviceId: d.id, approvalId: p.approvalId },
    )
  if (d.sanitizedAt === null || d.sanitizedAt < approval.at)
    return domainError(
      'M-09',
      `涉密设备 ${d.number} 改作他用前须由专业人员进行保密技术处理（规则 M-09）`,
      `Classified device ${d.number} is sanitized by qualified staff before reuse (rule M-09)`,
      { deviceId: d.id },
    )
  return (
    distinctHands('M-09', [
      { zh: '批准人', en: 'approver', person: approval.by },
      { zh: '改作他用登记人', en: 'person recording the reuse', person: event.actor },
    ]) ?? checkResponsible(work, d.kind, p.responsible, ctx.view)
  )
}

/** rule M-10: 经办公室批准: the office head (B-04) approves, never their own use. */
export function checkUseApproved(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.use_approved'>,
  ctx: SliceContext,
): DomainError | null {
  const d = registeredDevice(work, event.payload.deviceId)
  if (isDeviceError(d)) return d
  if (event.payload.untilMs <= event.atMs)
    return domainError(
      'M-10',
      '使用批准的截止时间须晚于批准时间（规则 M-10）',
      'The approval must end after it is given (rule M-10)',
    )
  return (
    requirePost('M-10', ctx.view, event.actor, ['office_head']) ??
    distinctHands('M-10', [
      { zh: '批准人', en: 'approver', person: event.actor },
      { zh: '使用人', en: 'user', person: event.payload.user },
    ])
  )
}

/** rule M-10: 专人专管; anyone else with a current approval for this computer and this user. */
export function checkUsed(work: DeviceWork, event: DeviceSliceEvent<'device.used'>): DomainError | null {
  const p = event.payload
  const d = usableDevice(work, p.deviceId)
  if (isDeviceError(d)) return d
  if (!d.classified || d.kind !== 'computer' || p.user === d.responsible) return null
  const a = p.approvalId === undefined ? undefined : work.approvals.get(p.approvalId)
  if (a?.kind === 'use' && a.deviceId === d.id && a.user === p.user && event.atMs <= (a.untilMs ?? -1))
    return null
  return domainError(
    'M-10',
    `涉密计算机 ${d.number} 专人专管，${p.user} 使用须经办公室批准（规则 M-10）`,
    `Classified computer ${d.number} is used by its assigned user; ${p.user} needs the office's approval (rule M-10)`,
    { deviceId: d.id, user: p.user },
  )
}
