import { distinctHands } from '../../core/approvals.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { approverIsNotActor } from './approval-rules.ts'
import type { DevicePolicy } from './policy.ts'
import { type DeviceSliceEvent, isDeviceError, registeredDevice, usableDevice } from './rules.ts'
import type { DeviceApprovalKind, DeviceWork } from './state.ts'

/**
 * Block rules of repair (M-04), replacement and scrap (M-05), configuration and networks (M-11),
 * bureau filings, check items (M-06, M-08) and anomaly resolution.
 */

function approvalMissing(
  rule: string,
  zh: string,
  en: string,
  details: Record<string, unknown>,
): DomainError {
  return domainError(rule, `${zh}（规则 ${rule}）`, `${en} (rule ${rule})`, details)
}

/** An unused approval of `kind` for `deviceId`. */
function validApproval(
  work: DeviceWork,
  approvalId: string | undefined,
  kind: DeviceApprovalKind,
  deviceId: string,
): boolean {
  const a = approvalId === undefined ? undefined : work.approvals.get(approvalId)
  return a !== undefined && a.kind === kind && a.deviceId === deviceId && a.usedBy === null
}

export function checkRepairApproved(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.repair_approved'>,
): DomainError | null {
  const d = usableDevice(work, event.payload.deviceId)
  return isDeviceError(d) ? d : null
}

/**
 * rule M-04: a classified device (and a 涉密网络, M-11) goes to repair with a leader's approval, at a
 * designated site with its disk removed, or on site under named supervision. Choice: a non-classified
 * device's repair is recorded without these conditions (the seeds place them under 涉密计算机).
 */
export function checkRepairStarted(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.repair_started'>,
  policy: DevicePolicy,
): DomainError | null {
  const p = event.payload
  const d = usableDevice(work, p.deviceId)
  if (isDeviceError(d)) return d
  if (!d.classified) return null
  const details = { deviceId: d.id }
  if (!validApproval(work, p.approvalId, 'repair', d.id))
    return approvalMissing(
      'M-04',
      `涉密设备 ${d.number} 维修须经领导批准`,
      `Repairing classified device ${d.number} needs a leader's approval`,
      details,
    )
  if (p.site === 'on_site' && p.supervisor === undefined)
    return approvalMissing(
      'M-04',
      '现场维修须有本单位人员全程监督',
      'An on-site repair needs a named supervisor present throughout',
      details,
    )
  if ((p.site === 'designated' || policy.diskRemovedForOnSiteRepair) && !p.diskRemoved)
    return approvalMissing(
      'M-04',
      `涉密设备 ${d.number} 送修前须拆除硬盘`,
      `The disk of classified device ${d.number} is removed before it goes to repair`,
      details,
    )
  const approvedBy = work.approvals.get(p.approvalId ?? '')?.by ?? ''
  return (
    approverIsNotActor('M-04', approvedBy, event.actor, ['送修登记人', 'person sending it to repair']) ??
    // The supervisor of an on-site repair watches someone else (the repairer cannot supervise themself).
    distinctHands('M-04', [
      { zh: '维修人', en: 'repairer', person: p.repairer },
      ...(p.supervisor === undefined ? [] : [{ zh: '监修人', en: 'supervisor', person: p.supervisor }]),
    ])
  )
}

export function checkRepairReturned(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.repair_returned'>,
): DomainError | null {
  const d = registeredDevice(work, event.payload.deviceId)
  if (isDeviceError(d)) return d
  if (d.status === 'in_repair') return null
  return domainError('M-04', `设备 ${d.number} 不在维修中`, `Device ${d.number} is not under repair`)
}

export function checkSecurityChecked(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.security_checked'>,
): DomainError | null {
  const d = registeredDevice(work, event.payload.deviceId)
  if (isDeviceError(d)) return d
  if (d.status === 'awaiting_check') return null
  return domainError(
    'M-04',
    `设备 ${d.number} 没有待安全检查的维修（规则 M-04）`,
    `Device ${d.number} has no repair awaiting its security check (rule M-04)`,
  )
}

/**
 * rule M-05: replacement or scrap of a classified device: the matching approval, the disk removed
 * first; a scrapped disk goes to the bureau against a receipt, a replaced one to the bureau or kept as
 * a classified medium; never sold, never on a non-classified computer. Choice: a non-classified
 * device's disposal is recorded without these conditions, but is still never sold.
 */
export function checkDisposed(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.disposed'>,
): DomainError | null {
  const p = event.payload
  const d = registeredDevice(work, p.deviceId)
  if (isDeviceError(d)) return d
  const details = { deviceId: d.id }
  if (p.diskTo === 'sold')
    return approvalMissing(
      'M-05',
      '涉密设备及其硬盘严禁变卖',
      'Devices and their disks are never sold',
      details,
    )
  if (!d.classified) return null
  if (p.diskTo === 'unclassified_use')
    return approvalMissing(
      'M-05',
      '拆除的涉密硬盘不得用于非涉密计算机',
      'A removed classified disk is never used on a non-classified computer',
      details,
    )
  if (!validApproval(work, p.approvalId, p.disposal, d.id))
    return approvalMissing(
      'M-05',
      p.disposal === 'scrap'
        ? `涉密设备 ${d.number} 报废须经主要领导批准`
        : `涉密设备 ${d.number} 更换须经领导批准`,
      p.disposal === 'scrap'
        ? `Scrapping ${d.number} needs the main leader's approval`
        : `Replacing ${d.number} needs a leader's approval`,
      details,
    )
  if (!p.diskRemoved)
    return approvalMissing(
      'M-05',
      '更换或报废前须拆除硬盘',
      'The disk is removed before replacement or scrap',
      details,
    )
  if (p.disposal === 'scrap' && p.diskTo !== 'bureau')
    return approvalMissing(
      'M-05',
      '报废硬盘须送保密局统一销毁',
      'A scrapped disk goes to the secrecy bureau for central destruction',
      details,
    )
  if (p.diskTo === 'bureau' && p.diskReceipt === undefined)
    return approvalMissing(
      'M-05',
      '送交保密局的硬盘须登记回执号',
      "A disk sent to the bureau is closed by the bureau's receipt",
      details,
    )
  const approvedBy = work.approvals.get(p.approvalId ?? '')?.by ?? ''
  return approverIsNotActor('M-05', approvedBy, event.actor, ['处置人', 'person disposing of it'])
}

/** rule M-11: changes of a classified computer are recorded; a 涉密网络 needs the bureau's prior consent. */
export function checkConfigChanged(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.config_changed'>,
): DomainError | null {
  const p = event.payload
  const d = registeredDevice(work, p.deviceId)
  if (isDeviceError(d)) return d
  if (work.filings.has(`config:${p.changeId}`))
    return domainError(
      'DEVICE-EXISTS',
      `变更 ${p.changeId} 已登记`,
      `Change ${p.changeId} is already recorded`,
    )
  if (!d.classified)
    return domainError(
      'M-11',
      `设备 ${d.number} 不是涉密设备，其配置变更无需备案`,
      `Device ${d.number} is not classified; its configuration changes are not filed (rule M-11)`,
    )
  if (d.kind === 'network' && p.bureauConsentRef === undefined)
    return approvalMissing(
      'M-11',
      `涉密网络 ${d.number} 的软硬件变更须事先征得保密局同意`,
      `A change to classified network ${d.number} needs the bureau's prior consent`,
      { deviceId: d.id },
    )
  return null
}

export function checkNetworkApproved(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.network_approved'>,
): DomainError | null {
  const d = registeredDevice(work, event.payload.deviceId)
  if (isDeviceError(d)) return d
  if (d.kind === 'network') return null
  return domainError(
    'M-11',
    `设备 ${d.number} 不是涉密网络`,
    `Device ${d.number} is not a classified network`,
  )
}

/** rules M-05, M-11: a filing closes a pending item of this device. */
export function checkFiledWithBureau(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.filed_with_bureau'>,
): DomainError | null {
  const p = event.payload
  const f = work.filings.get(`${p.subject}:${p.refId}`)
  if (f !== undefined && f.deviceId === p.deviceId && f.filedAt === null) return null
  return domainError(
    'DEVICE-NOTHING-TO-FILE',
    `设备 ${p.deviceId} 没有待备案的事项 ${p.refId}`,
    `Device ${p.deviceId} has no pending filing ${p.refId}`,
    { deviceId: p.deviceId, refId: p.refId },
  )
}

/** rules M-06, M-08: a software check names a classified computer; a phones check names none. */
export function checkCheckRecorded(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.check_recorded'>,
): DomainError | null {
  const p = event.payload
  if (work.checkIds.has(p.checkId))
    return domainError('DEVICE-EXISTS', `检查 ${p.checkId} 已登记`, `Check ${p.checkId} is already recorded`)
  if (p.item === 'phones_excluded')
    return p.deviceId === null
      ? null
      : domainError(
          'M-08',
          '手机带入检查针对会议或机房，不针对单台设备（规则 M-08）',
          'The phones check is of a meeting or room, not a device (rule M-08)',
        )
  if (p.deviceId === null)
    return domainError(
      'M-06',
      '软件检查须指明涉密计算机（规则 M-06）',
      'A software check names the classified computer (rule M-06)',
    )
  const d = registeredDevice(work, p.deviceId)
  if (isDeviceError(d)) return d
  if (d.classified && d.kind === 'computer') return null
  return domainError(
    'M-06',
    `软件检查项针对涉密计算机，${d.number} 不是涉密计算机（规则 M-06）`,
    `The software check item is for classified computers; ${d.number} is not one (rule M-06)`,
  )
}

export function checkAnomalyResolved(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.anomaly_resolved'>,
): DomainError | null {
  const a = work.anomalies.get(event.payload.anomalyId)
  if (a === undefined)
    return domainError(
      'DEVICE-ANOMALY-UNKNOWN',
      `异常 ${event.payload.anomalyId} 不存在`,
      `Anomaly ${event.payload.anomalyId} does not exist`,
    )
  if (a.resolvedAt !== null)
    return domainError(
      'DEVICE-ANOMALY-RESOLVED',
      `异常 ${a.id} 已处理`,
      `Anomaly ${a.id} is already resolved`,
    )
  return null
}
