import type { Carrier, HandOut } from '../../core/carrier-record.ts'
import { localDay, type WorkCalendar } from '../../core/work-calendar.ts'
import { type Anomaly, AnomalyKind, type CarrierRegisterState } from './state.ts'

/** rule C-05: a carrier is overdue while it is out past the due time of one of its hand-outs. */
export function isOverdue(carrier: Carrier, nowMs: number): boolean {
  return carrier.state === 'out' && carrier.holders.some((h) => nowMs > h.dueAt)
}

export interface OverdueHandOut {
  readonly carrier: Carrier
  readonly handOut: HandOut
}

/** rule C-05: every open hand-out past its due time, earliest due first. */
export function overdueHandOuts(state: CarrierRegisterState, nowMs: number): readonly OverdueHandOut[] {
  const overdue: OverdueHandOut[] = []
  for (const carrier of state.carriers.values()) {
    if (carrier.state !== 'out') continue
    for (const handOut of carrier.holders) if (nowMs > handOut.dueAt) overdue.push({ carrier, handOut })
  }
  return overdue.sort((a, b) => a.handOut.dueAt - b.handOut.dueAt || (a.handOut.id < b.handOut.id ? -1 : 1))
}

export function openAnomalies(state: CarrierRegisterState): readonly Anomaly[] {
  return state.anomalies.filter((a) => a.resolvedAt === null)
}

/**
 * rule C-01: the next registration serial of the unit for the year of `atMs` (`2026-0008` after
 * `2026-0007`), four digits at least. What a device proposes; an offline twin may propose the same,
 * which the fold reports as a duplicate_serial anomaly.
 */
export function nextSerial(state: CarrierRegisterState, atMs: number, calendar: WorkCalendar): string {
  const year = String(localDay(atMs, calendar).year)
  let last = 0
  for (const serial of state.serials.keys()) {
    if (serial.startsWith(`${year}-`)) last = Math.max(last, Number(serial.slice(5)))
  }
  return `${year}-${String(last + 1).padStart(4, '0')}`
}

/**
 * Issue 11 item 3, the cautious reading: a destroyed carrier that a merged history still lends, returns
 * or copies (a refused event about it, not yet resolved with a note) counts as a possible loss, not as
 * destroyed, until an officer has checked it.
 */
export function possibleLosses(state: CarrierRegisterState): readonly Carrier[] {
  const losses: Carrier[] = []
  const seen = new Set<string>()
  for (const a of state.anomalies) {
    if (a.kind !== AnomalyKind.RefusedEvent || a.resolvedAt !== null || a.carrierId === null) continue
    const carrier = state.carriers.get(a.carrierId)
    if (carrier?.state !== 'destroyed' || seen.has(carrier.id)) continue
    seen.add(carrier.id)
    losses.push(carrier)
  }
  return losses
}
