import type { SliceEvent } from '../../core/register-slice.ts'
import type { DeviceEventType } from './events.ts'
import type { DeviceSliceEvent } from './rules.ts'
import type { Device, DeviceAnomalyKind, DeviceApprovalKind, DeviceWork } from './state.ts'

/** Helpers shared by the device register's apply stages. Entries are replaced, never edited in place. */

export function typed<T extends DeviceEventType>(event: SliceEvent, _type: T): DeviceSliceEvent<T> {
  return event as DeviceSliceEvent<T>
}

export function update(work: DeviceWork, id: string, change: (d: Device) => Device): void {
  const d = work.devices.get(id)
  if (d !== undefined) work.devices.set(id, change(d))
}

export function openAnomaly(
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

export function addApproval(
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

export function consume(work: DeviceWork, approvalId: string | undefined, eventId: string): void {
  const a = approvalId === undefined ? undefined : work.approvals.get(approvalId)
  if (a !== undefined) work.approvals.set(a.id, { ...a, usedBy: eventId })
}
