import type { Carrier } from '../../core/carrier-record.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { type Anomaly, AnomalyKind, type RuleEventOf, type RuleView } from './state.ts'

/**
 * Anomalies: rules broken by merged offline histories (ARCHITECTURE decision 2). They are never
 * refused or dropped; they stay open until an officer resolves them with a note (an event).
 */

export function anomalyId(kind: AnomalyKind, eventId: string): string {
  return `${kind}:${eventId}`
}

/**
 * rule C-04 after a merge: a hand-out folded while the carrier is already out. Deterministic
 * definition of "concurrent": any such hand-out, whoever recorded it (checkEvent refuses it, so only
 * a history written without knowledge of the first hand-out gets here). Both holders are kept.
 */
export function concurrentHandOut(carrier: Carrier, eventId: string, atMs: number): Anomaly {
  return {
    id: anomalyId(AnomalyKind.ConcurrentHandOut, eventId),
    kind: AnomalyKind.ConcurrentHandOut,
    carrierId: carrier.id,
    eventIds: [...carrier.holders.map((h) => h.id), eventId],
    openedAt: atMs,
    resolvedAt: null,
    note: null,
    resolvedBy: null,
  }
}

/** rule C-01 after a merge: two registrations used the same serial (same year: the serial holds it). */
export function duplicateSerial(
  firstEventId: string,
  eventId: string,
  carrierId: string,
  atMs: number,
): Anomaly {
  return {
    id: anomalyId(AnomalyKind.DuplicateSerial, eventId),
    kind: AnomalyKind.DuplicateSerial,
    carrierId,
    eventIds: [firstEventId, eventId],
    openedAt: atMs,
    resolvedAt: null,
    note: null,
    resolvedBy: null,
  }
}

/**
 * rules C-01, C-02 after a merge: a registration (or copy) whose copy is already in the register under
 * another entry. Both entries stay visible until an officer says which one stands; `eventIds` names the
 * earlier events first, then this one; `carrierId` is this event's first duplicated copy.
 */
export function duplicateCopy(
  earlierEventIds: readonly string[],
  eventId: string,
  carrierId: string,
  atMs: number,
): Anomaly {
  return {
    id: anomalyId(AnomalyKind.DuplicateCopy, eventId),
    kind: AnomalyKind.DuplicateCopy,
    carrierId,
    eventIds: [...new Set([...earlierEventIds, eventId])],
    openedAt: atMs,
    resolvedAt: null,
    note: null,
    resolvedBy: null,
  }
}

/**
 * C-05 (000 文件资料收发 一3: 机密 and above never stay outside overnight): the return of a 机密/绝密
 * carrier on a later day than its hand-out. Named by the hand-out, so each absence is one anomaly.
 */
export function overnightAbsence(
  carrierId: string,
  handOutId: string,
  takeBackId: string,
  atMs: number,
): Anomaly {
  return {
    id: `${AnomalyKind.Overnight}:${handOutId}`,
    kind: AnomalyKind.Overnight,
    carrierId,
    eventIds: [handOutId, takeBackId],
    openedAt: atMs,
    resolvedAt: null,
    note: null,
    resolvedBy: null,
  }
}

/** The carrier an event is about, for a refused event's anomaly (the first one it names). */
function carrierOf(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null
  const p = payload as { carrierId?: unknown; originalId?: unknown; carrierIds?: unknown }
  if (typeof p.carrierId === 'string') return p.carrierId
  if (typeof p.originalId === 'string') return p.originalId
  if (Array.isArray(p.carrierIds) && typeof p.carrierIds[0] === 'string') return p.carrierIds[0]
  return null
}

/**
 * Issue 11 item 3: a refused event of any register is named by an anomaly, so that merging never
 * drops a signed event silently. Opened at the refused event's time.
 */
export function refusedEvent(eventId: string, payload: unknown, atMs: number): Anomaly {
  return {
    id: anomalyId(AnomalyKind.RefusedEvent, eventId),
    kind: AnomalyKind.RefusedEvent,
    carrierId: carrierOf(payload),
    eventIds: [eventId],
    openedAt: atMs,
    resolvedAt: null,
    note: null,
    resolvedBy: null,
  }
}

/**
 * 时间异常 (issue 10): an event that passed screening but whose clock is implausible (a device set to
 * 2286 or reset to 1970). It is never applied (no carrier, serial, numbering year or deadline moves) and
 * opened at the time of the last plausible event folded before it (0 when none), never at its own time.
 * Any event type: the clock anomalies of every register are listed with the carrier register's.
 */
export function clockOutOfRange(eventId: string, openedAt: number): Anomaly {
  return {
    id: anomalyId(AnomalyKind.ClockOutOfRange, eventId),
    kind: AnomalyKind.ClockOutOfRange,
    carrierId: null,
    eventIds: [eventId],
    openedAt,
    resolvedAt: null,
    note: null,
    resolvedBy: null,
  }
}

/** An open anomaly of any kind is closed by an officer with a non-empty note. */
export function checkResolution(view: RuleView, event: RuleEventOf<'anomaly.resolved'>): DomainError | null {
  const anomaly = view.anomaly(event.payload.anomalyId)
  if (!anomaly)
    return domainError('ANOMALY-UNKNOWN', '没有该异常记录', 'No such anomaly', {
      anomalyId: event.payload.anomalyId,
    })
  if (anomaly.resolvedAt !== null)
    return domainError('ANOMALY-CLOSED', '该异常已处理', 'The anomaly is already resolved', {
      anomalyId: anomaly.id,
    })
  if (event.payload.note.trim() === '')
    return domainError('ANOMALY-NOTE', '处理异常须填写说明', 'Resolving an anomaly needs a note')
  return null
}

export function resolveAnomaly(anomaly: Anomaly, event: RuleEventOf<'anomaly.resolved'>): Anomaly {
  return { ...anomaly, resolvedAt: event.atMs, note: event.payload.note.trim(), resolvedBy: event.id }
}
