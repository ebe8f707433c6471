import type { SliceEvent } from '../../core/register-slice.ts'
import { addApproval, openAnomaly, typed, update } from './apply-helpers.ts'
import { isForbiddenConnection } from './rules.ts'
import type { DeviceWork } from './state.ts'
import { mediumMisuse } from './use-rules.ts'

/**
 * Applying the device's use and connections: network connections (rules M-02, M-11), media used on
 * computers (rule M-03), and approved use of classified computers with its log (rule M-10).
 */

export type DeviceUseEventType =
  | 'device.network_connected'
  | 'device.connection_reported'
  | 'device.medium_used'
  | 'device.medium_use_reported'
  | 'device.use_approved'
  | 'device.used'

export function applyDeviceUseEvent(work: DeviceWork, event: SliceEvent, type: DeviceUseEventType): void {
  const at = event.atMs
  switch (type) {
    case 'device.network_connected': {
      const p = typed(event, type).payload
      update(work, p.deviceId, (d) => ({
        ...d,
        connections: [
          ...d.connections,
          { eventId: event.id, network: p.network, networkId: p.networkId ?? null, at },
        ],
      }))
      return
    }
    case 'device.connection_reported': {
      const p = typed(event, type).payload
      const d = work.devices.get(p.deviceId)
      if (d !== undefined && isForbiddenConnection(d, p.network))
        openAnomaly(work, event, 'public_network_connection', d.id)
      return
    }
    case 'device.medium_used': {
      const p = typed(event, type).payload
      work.mediumUses.push({ eventId: event.id, mediumId: p.mediumId, computerId: p.computerId, at })
      return
    }
    case 'device.medium_use_reported': {
      const p = typed(event, type).payload
      const medium = work.devices.get(p.mediumId)
      const computer = work.devices.get(p.computerId)
      if (medium !== undefined && computer !== undefined && mediumMisuse(medium, computer) !== null)
        openAnomaly(work, event, 'medium_misuse', medium.id, computer.id)
      return
    }
    case 'device.use_approved': {
      const p = typed(event, type).payload
      addApproval(work, event, 'use', p.deviceId, p.user, p.untilMs)
      return
    }
    case 'device.used': {
      const p = typed(event, type).payload
      work.useLog.push({
        eventId: event.id,
        deviceId: p.deviceId,
        user: p.user,
        approvalId: p.approvalId ?? null,
        at,
      })
      return
    }
  }
}
