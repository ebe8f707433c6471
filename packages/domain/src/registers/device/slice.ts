import type { RegisterSlice, SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { applyDeviceEvent } from './apply.ts'
import { checkDisposalApproved, checkUserBookSigned } from './approval-rules.ts'
import { type DeviceEventType, deviceEvents, isDeviceEventType } from './events.ts'
import {
  checkAnomalyResolved,
  checkCheckRecorded,
  checkConfigChanged,
  checkDisposed,
  checkFiledWithBureau,
  checkNetworkApproved,
  checkRepairApproved,
  checkRepairReturned,
  checkRepairStarted,
  checkSecurityChecked,
} from './lifecycle-rules.ts'
import { DEFAULT_DEVICE_POLICY, type DevicePolicy } from './policy.ts'
import {
  checkAssigned,
  checkConnectionReported,
  checkNetworkConnected,
  checkRegistered,
  type DeviceSliceEvent,
} from './rules.ts'
import {
  type DeviceState,
  type DeviceWork,
  emptyDeviceWork,
  forkDeviceWork,
  viewDeviceWork,
} from './state.ts'
import {
  checkClassifiedFileStored,
  checkMediumBound,
  checkMediumUsed,
  checkMediumUseReported,
  checkReclassified,
  checkReuseApproved,
  checkReused,
  checkUseApproved,
  checkUsed,
} from './use-rules.ts'

/** The unit fold has parsed the payload against `deviceEvents[type].schema` before the slice sees it. */
function typed<T extends DeviceEventType>(event: SliceEvent, _type: T): DeviceSliceEvent<T> {
  return event as DeviceSliceEvent<T>
}

function checkDeviceEvent(
  work: DeviceWork,
  event: SliceEvent,
  ctx: SliceContext,
  policy: DevicePolicy,
): DomainError | null {
  const type = event.type
  if (!isDeviceEventType(type))
    return domainError(
      'DEVICE-UNKNOWN-TYPE',
      `设备台账不处理事件 ${type}`,
      `The device register has no event ${type}`,
    )
  switch (type) {
    case 'device.user_book_signed':
      return checkUserBookSigned(typed(event, type), ctx)
    case 'device.registered':
      return checkRegistered(work, typed(event, type), ctx.view)
    case 'device.assigned':
      return checkAssigned(work, typed(event, type), ctx.view)
    case 'device.network_connected':
      return checkNetworkConnected(work, typed(event, type))
    case 'device.connection_reported':
      return checkConnectionReported(work, typed(event, type))
    case 'device.medium_bound':
      return checkMediumBound(work, typed(event, type))
    case 'device.medium_used':
      return checkMediumUsed(work, typed(event, type))
    case 'device.medium_use_reported':
      return checkMediumUseReported(work, typed(event, type))
    case 'device.classified_file_stored':
      return checkClassifiedFileStored(work, typed(event, type))
    case 'device.reclassified':
      return checkReclassified(work, typed(event, type))
    case 'device.reuse_approved':
    case 'device.sanitized':
      return checkReuseApproved(work, typed(event, type), ctx)
    case 'device.reused':
      return checkReused(work, typed(event, type), ctx)
    case 'device.use_approved':
      return checkUseApproved(work, typed(event, type), ctx)
    case 'device.used':
      return checkUsed(work, typed(event, type))
    case 'device.repair_approved':
      return checkRepairApproved(work, typed(event, type))
    case 'device.repair_started':
      return checkRepairStarted(work, typed(event, type), policy)
    case 'device.repair_returned':
      return checkRepairReturned(work, typed(event, type))
    case 'device.security_checked':
      return checkSecurityChecked(work, typed(event, type))
    case 'device.disposal_approved':
      return checkDisposalApproved(work, typed(event, type), ctx)
    case 'device.disposed':
      return checkDisposed(work, typed(event, type))
    case 'device.config_changed':
      return checkConfigChanged(work, typed(event, type))
    case 'device.network_approved':
      return checkNetworkApproved(work, typed(event, type))
    case 'device.filed_with_bureau':
      return checkFiledWithBureau(work, typed(event, type))
    case 'device.check_recorded':
      return checkCheckRecorded(work, typed(event, type))
    case 'device.anomaly_resolved':
      return checkAnomalyResolved(work, typed(event, type))
  }
}

/** The computer, medium and office-device register as a slice of the unit fold (M-01..M-11, B-05). */
export function createDeviceSlice(
  policy: DevicePolicy = DEFAULT_DEVICE_POLICY,
): RegisterSlice<DeviceWork, DeviceState> {
  return {
    name: 'device',
    events: deviceEvents,
    empty: emptyDeviceWork,
    fork: forkDeviceWork,
    view: viewDeviceWork,
    check: (work, event, ctx) => checkDeviceEvent(work, event, ctx, policy),
    apply: (work, event) => applyDeviceEvent(work, event),
  }
}

export const deviceSlice: RegisterSlice<DeviceWork, DeviceState> = createDeviceSlice()
