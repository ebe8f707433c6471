import type { SliceEvent } from '../../core/register-slice.ts'
import { isDeviceEventType } from './events.ts'
import { applyDeviceLifecycleEvent } from './lifecycle-apply.ts'
import { applyDeviceRegistrationEvent } from './registration-apply.ts'
import type { DeviceWork } from './state.ts'
import { applyDeviceUseEvent } from './use-apply.ts'

/**
 * Applies an event that passed check, by the stage of the device's life it belongs to. Entries are
 * replaced, never edited in place.
 */
export function applyDeviceEvent(work: DeviceWork, event: SliceEvent): void {
  const type = event.type
  if (!isDeviceEventType(type)) return
  switch (type) {
    case 'device.user_book_signed':
    case 'device.registered':
    case 'device.assigned':
    case 'device.medium_bound':
    case 'device.classified_file_stored':
    case 'device.reclassified':
    case 'device.reuse_approved':
    case 'device.sanitized':
    case 'device.reused':
      applyDeviceRegistrationEvent(work, event, type)
      return
    case 'device.network_connected':
    case 'device.connection_reported':
    case 'device.medium_used':
    case 'device.medium_use_reported':
    case 'device.use_approved':
    case 'device.used':
      applyDeviceUseEvent(work, event, type)
      return
    case 'device.repair_approved':
    case 'device.repair_started':
    case 'device.repair_returned':
    case 'device.security_checked':
    case 'device.disposal_approved':
    case 'device.disposed':
    case 'device.config_changed':
    case 'device.network_approved':
    case 'device.filed_with_bureau':
    case 'device.check_recorded':
    case 'device.anomaly_resolved':
      applyDeviceLifecycleEvent(work, event, type)
      return
  }
}
