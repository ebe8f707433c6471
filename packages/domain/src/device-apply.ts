import type { DeviceEventType } from './device-events.ts'
import { isDeviceEventType } from './device-events.ts'
import type { DeviceSliceEvent } from './device-rules.ts'
import { isForbiddenConnection, levelRank } from './device-rules.ts'
import type {
  BureauFiling,
  Device,
  DeviceAnomalyKind,
  DeviceApprovalKind,
  DeviceRepair,
  DeviceWork,
} from './device-state.ts'
import { mediumMisuse } from './device-use-rules.ts'
import type { SliceEvent } from './register-slice.ts'

/** Applies an event that passed check. Entries are replaced, never edited in place. */

function typed<T extends DeviceEventType>(event: SliceEvent, _type: T): DeviceSliceEvent<T> {
  return event as DeviceSliceEvent<T>
}

function update(work: DeviceWork, id: string, change: (d: Device) => Device): void {
  const d = work.devices.get(id)
  if (d !== undefined) work.devices.set(id, change(d))
}

function openAnomaly(
  work: DeviceWork,
  event: SliceEvent,
  kind: DeviceAnomalyKind,
  deviceId: string | null,
  relatedId: string | null = null,
): void {
  work.anomalies.set(event.id, {
    id: event.id,
    kind,
    deviceId,
    relatedId,
    openedAt: event.atMs,
    resolvedAt: null,
    resolvedBy: null,
    note: null,
  })
}

function addApproval(
  work: DeviceWork,
  event: SliceEvent,
  kind: DeviceApprovalKind,
  deviceId: string,
  user: string | null = null,
  untilMs: number | null = null,
): void {
  work.approvals.set(event.id, {
    id: event.id,
    kind,
    deviceId,
    by: event.actor,
    at: event.atMs,
    user,
    untilMs,
    usedBy: null,
  })
}

function consume(work: DeviceWork, approvalId: string | undefined, eventId: string): void {
  const a = approvalId === undefined ? undefined : work.approvals.get(approvalId)
  if (a !== undefined) work.approvals.set(a.id, { ...a, usedBy: eventId })
}

function addFiling(work: DeviceWork, f: Omit<BureauFiling, 'key' | 'filedAt' | 'filingRef'>): void {
  const key = `${f.subject}:${f.refId}`
  work.filings.set(key, { ...f, key, filedAt: null, filingRef: null })
}

function replaceLastRepair(d: Device, change: (r: DeviceRepair) => DeviceRepair): Device {
  const last = d.repairs.at(-1)
  if (last === undefined) return d
  return { ...d, repairs: [...d.repairs.slice(0, -1), change(last)] }
}

export function applyDeviceEvent(work: DeviceWork, event: SliceEvent): void {
  const type = event.type
  if (!isDeviceEventType(type)) return
  const at = event.atMs
  switch (type) {
    case 'device.leader_designated': {
      const p = typed(event, type).payload
      work.leaders.set(p.post, { userId: p.userId, since: at })
      return
    }
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
    case 'device.medium_bound': {
      const p = typed(event, type).payload
      update(work, p.mediumId, (d) =>
        d.boundTo.includes(p.computerId) ? d : { ...d, boundTo: [...d.boundTo, p.computerId].sort() },
      )
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
    case 'device.repair_approved':
      addApproval(work, event, 'repair', typed(event, type).payload.deviceId)
      return
    case 'device.repair_started': {
      const p = typed(event, type).payload
      const d = work.devices.get(p.deviceId)
      if (d === undefined) return
      if (d.classified) consume(work, p.approvalId, event.id)
      const repair: DeviceRepair = {
        eventId: event.id,
        approvalId: p.approvalId ?? null,
        site: p.site,
        repairer: p.repairer,
        supervisor: p.supervisor ?? null,
        diskRemoved: p.diskRemoved,
        startedAt: at,
        returnedAt: null,
        checkedAt: null,
        passed: null,
      }
      work.devices.set(d.id, { ...d, status: 'in_repair', repairs: [...d.repairs, repair] })
      // rule M-11: a 涉密网络's repair is filed with the bureau.
      if (d.kind === 'network')
        addFiling(work, { deviceId: d.id, subject: 'repair', refId: event.id, since: at })
      return
    }
    case 'device.repair_returned':
      update(work, typed(event, type).payload.deviceId, (d) => ({
        ...replaceLastRepair(d, (r) => ({ ...r, returnedAt: at })),
        // rule M-04: a classified device waits for its security check; another goes back into use.
        status: d.classified ? 'awaiting_check' : 'in_use',
      }))
      return
    case 'device.security_checked': {
      const p = typed(event, type).payload
      update(work, p.deviceId, (d) => ({
        ...replaceLastRepair(d, (r) => ({ ...r, checkedAt: at, passed: p.passed })),
        // A failed check keeps the device out of use until a later check passes.
        status: p.passed ? 'in_use' : 'awaiting_check',
      }))
      if (!p.passed) openAnomaly(work, event, 'security_check_failed', p.deviceId)
      return
    }
    case 'device.disposal_approved': {
      const p = typed(event, type).payload
      addApproval(work, event, p.disposal, p.deviceId)
      return
    }
    case 'device.disposed': {
      const p = typed(event, type).payload
      const d = work.devices.get(p.deviceId)
      if (d === undefined) return
      if (d.classified) consume(work, p.approvalId, event.id)
      // check refused 'sold' and 'unclassified_use' for classified devices; a non-classified disk stays.
      const diskTo = p.diskTo === 'bureau' ? 'bureau' : 'kept_classified'
      work.devices.set(d.id, {
        ...d,
        status: p.disposal === 'scrap' ? 'scrapped' : 'replaced',
        disposal: {
          eventId: event.id,
          kind: p.disposal,
          approvalId: p.approvalId ?? null,
          diskTo,
          diskReceipt: p.diskReceipt ?? null,
          at,
        },
      })
      if (d.classified) addFiling(work, { deviceId: d.id, subject: 'disposal', refId: event.id, since: at })
      return
    }
    case 'device.config_changed': {
      const p = typed(event, type).payload
      addFiling(work, { deviceId: p.deviceId, subject: 'config', refId: p.changeId, since: at })
      return
    }
    case 'device.network_approved': {
      const p = typed(event, type).payload
      update(work, p.deviceId, (d) => ({ ...d, networkApproval: { testRef: p.testRef, at } }))
      return
    }
    case 'device.filed_with_bureau': {
      const p = typed(event, type).payload
      const key = `${p.subject}:${p.refId}`
      const f = work.filings.get(key)
      if (f !== undefined) work.filings.set(key, { ...f, filedAt: at, filingRef: p.filingRef })
      return
    }
    case 'device.check_recorded': {
      const p = typed(event, type).payload
      work.checkIds.add(p.checkId)
      work.checks.push({
        eventId: event.id,
        checkId: p.checkId,
        item: p.item,
        deviceId: p.deviceId,
        passed: p.passed,
        at,
      })
      const deviceId = p.deviceId
      if (p.item === 'software' && deviceId !== null)
        update(work, deviceId, (d) => ({ ...d, lastSoftwareCheckAt: at }))
      if (!p.passed)
        openAnomaly(
          work,
          event,
          p.item === 'software' ? 'software_check_failed' : 'phones_check_failed',
          deviceId,
        )
      return
    }
    case 'device.anomaly_resolved': {
      const p = typed(event, type).payload
      const a = work.anomalies.get(p.anomalyId)
      if (a !== undefined)
        work.anomalies.set(a.id, { ...a, resolvedAt: at, resolvedBy: event.actor, note: p.note })
      return
    }
  }
}
