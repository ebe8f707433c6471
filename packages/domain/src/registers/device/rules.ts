import { isStateSecret } from '../../core/levels.ts'
import type { SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import type { UnitView } from '../../core/unit-view.ts'
import type { DeviceEventPayloads, DeviceEventType } from './events.ts'
import { type Device, type DeviceWork, hasValidBook, isRetired, needsUserBook } from './state.ts'

/**
 * Block rules of registration, assignment, books and networks (M-01, M-02, M-07, M-08, M-11, B-05),
 * and the device look-ups the other rule modules share. Each check returns the refusal, or null.
 */

export type DeviceSliceEvent<T extends DeviceEventType> = SliceEvent<T, DeviceEventPayloads[T]>

export function isDeviceError(x: Device | DomainError): x is DomainError {
  return 'code' in x
}

/** rule M-01: nothing happens to an unregistered device; a replaced or scrapped one is out of use. */
export function registeredDevice(work: DeviceWork, id: string): Device | DomainError {
  const d = work.devices.get(id)
  if (d === undefined)
    return domainError(
      'M-01',
      `设备 ${id} 未登记（规则 M-01）`,
      `Device ${id} is not registered (rule M-01)`,
      { deviceId: id },
    )
  if (isRetired(d))
    return domainError(
      'DEVICE-RETIRED',
      `设备 ${d.number} 已${d.status === 'scrapped' ? '报废' : '更换'}`,
      `Device ${d.number} is ${d.status}`,
      { deviceId: id },
    )
  return d
}

/** rule M-04: a device out for repair, or back and not yet security-checked, is not used. */
export function usableDevice(work: DeviceWork, id: string): Device | DomainError {
  const d = registeredDevice(work, id)
  if (isDeviceError(d) || d.status === 'in_use') return d
  return domainError(
    'M-04',
    `设备 ${d.number} ${d.status === 'in_repair' ? '正在维修' : '维修后尚未安全检查'}，不得使用（规则 M-04）`,
    `Device ${d.number} is ${d.status === 'in_repair' ? 'under repair' : 'awaiting its security check after repair'} and may not be used (rule M-04)`,
    { deviceId: id },
  )
}

function responsibleMissing(kind: Device['kind']): DomainError {
  if (kind === 'office_device')
    return domainError(
      'M-07',
      '传真机、复印机、打印机等办公设备须有专人保管（规则 M-07）',
      'Fax, copiers, printers and other office devices each need a named keeper (rule M-07)',
    )
  if (kind === 'phone')
    return domainError(
      'M-08',
      '涉密人员手机登记须写明使用人（规则 M-08）',
      'A registered phone names the classified person who uses it (rule M-08)',
    )
  return domainError(
    'M-01',
    '计算机和移动存储介质须明确责任人（规则 M-01）',
    'Every computer and removable medium needs a responsible person (rule M-01)',
  )
}

/** rules M-01, B-05: the responsible person exists and, for computers and media, signed the book. */
export function checkResponsible(
  work: DeviceWork,
  kind: Device['kind'],
  responsible: string,
  view?: UnitView,
): DomainError | null {
  if (responsible === '') return responsibleMissing(kind)
  const postsOf = view === undefined ? undefined : (userId: string) => view.postsOf(userId)
  if (needsUserBook(kind) && !hasValidBook(work, responsible, postsOf))
    return domainError(
      'B-05',
      `${responsible} 尚未签订（或须重新签订）计算机及移动存储介质使用人保密责任书，不得配发（规则 B-05）`,
      `${responsible} has no valid user's responsibility book; the device cannot be assigned (rule B-05)`,
      { user: responsible },
    )
  return null
}

/** rules M-01, M-07, M-08, M-11, B-05: registration. */
export function checkRegistered(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.registered'>,
  view?: UnitView,
): DomainError | null {
  const p = event.payload
  if (work.devices.has(p.deviceId))
    return domainError(
      'DEVICE-EXISTS',
      `设备标识 ${p.deviceId} 已存在`,
      `Device id ${p.deviceId} already exists`,
    )
  if (work.numbers.has(p.number))
    return domainError(
      'M-01',
      `设备编号 ${p.number} 已被使用（规则 M-01）`,
      `Device number ${p.number} is already in use (rule M-01)`,
    )
  if (p.classified !== (p.level !== null && isStateSecret(p.level)))
    return domainError(
      'M-01',
      '涉密设备须登记其最高密级（秘密及以上），非涉密设备不得登记国家秘密密级（规则 M-01）',
      'A classified device is registered with its highest level (confidential or above); a non-classified one with none (rule M-01)',
    )
  if (p.kind === 'phone' && p.classified)
    return domainError(
      'M-08',
      '手机不得作为涉密设备登记使用（规则 M-08）',
      'A phone is never registered as a classified device (rule M-08)',
    )
  // Choice: the register lists 涉密网络 only; an ordinary office network is no device of its own.
  if (p.kind === 'network' && !p.classified)
    return domainError(
      'M-11',
      '台账只登记涉密网络（规则 M-11）',
      'Only classified networks are registered (rule M-11)',
    )
  return checkResponsible(work, p.kind, p.responsible, view)
}

/** rules M-01, B-05: reassignment. */
export function checkAssigned(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.assigned'>,
  view?: UnitView,
): DomainError | null {
  const d = registeredDevice(work, event.payload.deviceId)
  if (isDeviceError(d)) return d
  return checkResponsible(work, d.kind, event.payload.responsible, view)
}

export function notAComputer(d: Device, rule: string): DomainError {
  return domainError(rule, `设备 ${d.number} 不是计算机`, `Device ${d.number} is not a computer`, {
    deviceId: d.id,
  })
}

/**
 * rule M-02: whether connecting computer `d` to `network` is a violation. Choice: a classified computer
 * connects only to a 涉密网络 (an ordinary office network is a public network for this rule), and a
 * non-classified computer never joins a 涉密网络 (上网不涉密).
 */
export function isForbiddenConnection(
  d: Device,
  network: DeviceEventPayloads['device.network_connected']['network'],
) {
  return d.classified ? network !== 'classified' : network === 'classified'
}

/** rules M-02, M-11: a connection; a 涉密网络 only after the bureau's test and approval. */
export function checkNetworkConnected(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.network_connected'>,
): DomainError | null {
  const p = event.payload
  const d = usableDevice(work, p.deviceId)
  if (isDeviceError(d)) return d
  if (d.kind !== 'computer') return notAComputer(d, 'M-02')
  if (isForbiddenConnection(d, p.network))
    return domainError(
      'M-02',
      d.classified
        ? `涉密计算机 ${d.number} 不得接入互联网或其他公共信息网络（规则 M-02）`
        : `非涉密计算机 ${d.number} 不得接入涉密网络（规则 M-02）`,
      d.classified
        ? `Classified computer ${d.number} is never connected to the internet or any public network (rule M-02)`
        : `Non-classified computer ${d.number} never joins a classified network (rule M-02)`,
      { deviceId: d.id, network: p.network },
    )
  if (p.network !== 'classified') return null
  const net = p.networkId === undefined ? undefined : work.devices.get(p.networkId)
  if (net === undefined || net.kind !== 'network' || isRetired(net) || net.networkApproval === null)
    return domainError(
      'M-11',
      '涉密网络须经保密局现场测评审批后方可投入使用（规则 M-11）',
      "A classified network goes into use only after the bureau's on-site test and approval (rule M-11)",
      { networkId: p.networkId ?? null },
    )
  return null
}

/** rule M-02: a reported connection is accepted only when it is a violation (it opens an anomaly). */
export function checkConnectionReported(
  work: DeviceWork,
  event: DeviceSliceEvent<'device.connection_reported'>,
): DomainError | null {
  const d = registeredDevice(work, event.payload.deviceId)
  if (isDeviceError(d)) return d
  if (d.kind !== 'computer') return notAComputer(d, 'M-02')
  if (isForbiddenConnection(d, event.payload.network)) return null
  return notAViolation('M-02')
}

export function notAViolation(rule: string): DomainError {
  return domainError(
    'DEVICE-NOT-A-VIOLATION',
    `所报告的情况不违反规则 ${rule}，无需登记异常`,
    `The reported fact does not break rule ${rule}; no anomaly to record`,
    { rule },
  )
}
