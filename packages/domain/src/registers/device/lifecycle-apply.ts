import type { SliceEvent } from '../../core/register-slice.ts'
import { addApproval, consume, openAnomaly, typed, update } from './apply-helpers.ts'
import type { BureauFiling, Device, DeviceRepair, DeviceWork } from './state.ts'

/**
 * Applying the device's later life: repair and the security check after it (rule M-04), replacement and
 * scrapping (rule M-05), a 涉密网络's approval and configuration changes (rule M-11), the bureau filings
 * they raise, and the recorded checks (rules M-06, M-08) and anomaly resolutions.
 */

export type DeviceLifecycleEventType =
  | 'device.repair_approved'
  | 'device.repair_started'
  | 'device.repair_returned'
  | 'device.security_checked'
  | 'device.disposal_approved'
  | 'device.disposed'
  | 'device.config_changed'
  | 'device.network_approved'
  | 'device.filed_with_bureau'
  | 'device.check_recorded'
  | 'device.anomaly_resolved'

function addFiling(work: DeviceWork, f: Omit<BureauFiling, 'key' | 'filedAt' | 'filingRef'>): void {
  const key = `${f.subject}:${f.refId}`
  work.filings.set(key, { ...f, key, filedAt: null, filingRef: null })
}

function replaceLastRepair(d: Device, change: (r: DeviceRepair) => DeviceRepair): Device {
  const last = d.repairs.at(-1)
  if (last === undefined) return d
  return { ...d, repairs: [...d.repairs.slice(0, -1), change(last)] }
}

export function applyDeviceLifecycleEvent(
  work: DeviceWork,
  event: SliceEvent,
  type: DeviceLifecycleEventType,
): void {
  const at = event.atMs
  switch (type) {
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
