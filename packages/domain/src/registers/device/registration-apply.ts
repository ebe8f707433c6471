import { levelRank } from '../../core/levels.ts'
import type { SliceEvent } from '../../core/register-slice.ts'
import { addApproval, consume, openAnomaly, typed, update } from './apply-helpers.ts'
import type { DeviceWork } from './state.ts'

/**
 * Applying the device's standing in the register: leaders and responsibility books (rules M-05, B-05),
 * registration and assignment (rules M-01, M-07, M-08), medium binding (rule M-03), and its class, level
 * and reuse (rule M-09).
 */

export type DeviceRegistrationEventType =
  | 'device.user_book_signed'
  | 'device.registered'
  | 'device.assigned'
  | 'device.medium_bound'
  | 'device.classified_file_stored'
  | 'device.reclassified'
  | 'device.reuse_approved'
  | 'device.sanitized'
  | 'device.reused'

export function applyDeviceRegistrationEvent(
  work: DeviceWork,
  event: SliceEvent,
  type: DeviceRegistrationEventType,
): void {
  const at = event.atMs
  switch (type) {
    case 'device.user_book_signed': {
      const p = typed(event, type).payload
      work.books.set(p.user, {
        bookId: p.bookId,
        eventId: event.id,
        user: p.user,
        leader: event.actor,
        signedAt: at,
      })
      return
    }
    case 'device.registered': {
      const p = typed(event, type).payload
      work.numbers.add(p.number)
      work.devices.set(p.deviceId, {
        id: p.deviceId,
        eventId: event.id,
        number: p.number,
        kind: p.kind,
        classified: p.classified,
        level: p.level,
        everClassified: p.classified,
        responsible: p.responsible,
        assignedAt: at,
        registeredAt: at,
        status: 'in_use',
        boundTo: [],
        connections: [],
        networkApproval: null,
        repairs: [],
        sanitizedAt: null,
        lastSoftwareCheckAt: null,
        disposal: null,
      })
      return
    }
    case 'device.assigned': {
      const p = typed(event, type).payload
      update(work, p.deviceId, (d) => ({ ...d, responsible: p.responsible, assignedAt: at }))
      return
    }
    case 'device.medium_bound': {
      const p = typed(event, type).payload
      update(work, p.mediumId, (d) =>
        d.boundTo.includes(p.computerId) ? d : { ...d, boundTo: [...d.boundTo, p.computerId].sort() },
      )
      return
    }
    case 'device.classified_file_stored': {
      // rule M-09: from now on managed as a classified carrier of at least this level. Storing it on a
      // device not cleared for that level is itself a violation: an anomaly.
      const p = typed(event, type).payload
      const d = work.devices.get(p.deviceId)
      if (d === undefined) return
      if (d.classified && levelRank(d.level) >= levelRank(p.level)) return
      work.devices.set(d.id, { ...d, classified: true, everClassified: true, level: p.level })
      openAnomaly(work, event, 'classified_on_unclassified', d.id)
      return
    }
    case 'device.reclassified': {
      const p = typed(event, type).payload
      update(work, p.deviceId, (d) => ({
        ...d,
        classified: p.classified,
        level: p.level,
        everClassified: d.everClassified || p.classified,
      }))
      return
    }
    case 'device.reuse_approved':
      addApproval(work, event, 'reuse', typed(event, type).payload.deviceId)
      return
    case 'device.sanitized':
      update(work, typed(event, type).payload.deviceId, (d) => ({ ...d, sanitizedAt: at }))
      return
    case 'device.reused': {
      const p = typed(event, type).payload
      consume(work, p.approvalId, event.id)
      update(work, p.deviceId, (d) => ({ ...d, responsible: p.responsible, assignedAt: at, boundTo: [] }))
      return
    }
  }
}
