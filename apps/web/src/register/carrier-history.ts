import {
  AnomalyKind,
  compareEvents,
  directoryUser,
  type EventEnvelope,
  hlcWallMs,
  type KeyDirectory,
  type RegisterState,
  SecurityAlertKind,
  verifyEventSignature,
} from '@secledger/domain'
import type { HistoryEntry, HistoryRefusal, HistoryText } from '@secledger/ui/logic'
import { eventLabel } from './event-labels.ts'
import { type DetailContext, detailOf, userName } from './history-details.ts'
import { isRecord, lists, listsWith, num, type Payload, payloadOf, str, strings } from './history-payload.ts'

/**
 * A carrier's 操作日志, as an inspector asks for it: every event of the unit's log that concerns the
 * carrier, whichever register recorded it, oldest first, with who signed it, whether the signature holds
 * and whether the register applied it. Metadata only (rule S-01): no title, no note; a reader's or a
 * borrower's name at most.
 */

/** Checks an event's signature against the key directory. */
export type VerifyEvent = (event: EventEnvelope, directory: KeyDirectory) => boolean

/** The signer must be in the directory and the signature theirs over the event's own content. */
export function verifyAgainstDirectory(event: EventEnvelope, directory: KeyDirectory): boolean {
  const user = directoryUser(directory, event.actor)
  return user !== undefined && verifyEventSignature(event, user.publicKey)
}

/** Id lists that name carriers in one event type only, under a name too common to read everywhere. */
const CARRIER_LISTS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  'outgoing.meeting_collected': ['collected', 'missing'], // rule C-14
}

/**
 * Whether the payload names the carrier. Every register names carriers with the same top-level fields
 * (carrierId, carrierIds, originalId, copies[].id), so a new event type using them is found without a
 * change here; a meeting's hand-out (C-14) names them per item.
 */
function namesCarrier(type: string, p: Payload, id: string): boolean {
  if (p.carrierId === id || p.originalId === id) return true
  if (lists(p.carrierIds, id) || listsWith(p.copies, 'id', id) || listsWith(p.items, 'carrierId', id))
    return true
  return (CARRIER_LISTS_BY_TYPE[type] ?? []).some((field) => lists(p[field], id))
}

/**
 * Follow-ups that name the loan, trip, routing slip or missing report an event about the carrier opened,
 * not the carrier: the loan's return (C-06, whatever came back), an extension and its approval, the
 * trip's return (C-08), the slip's presentation and closing (C-19), the missing carrier found.
 */
const THREAD_FIELDS = ['loanId', 'tripId', 'routingId', 'requestId', 'missingId'] as const

function threadKeys(p: Payload): string[] {
  const keys: string[] = []
  for (const field of THREAD_FIELDS) {
    const value = str(p, field)
    if (value !== null) keys.push(`${field}:${value}`)
  }
  return keys
}

function selectEvents(
  all: ReadonlyMap<string, EventEnvelope>,
  carrierId: string,
  state: RegisterState,
): Map<string, EventEnvelope> {
  const selected = new Map<string, EventEnvelope>()
  const createdBy = state.carriers.get(carrierId)?.createdBy
  for (const event of all.values())
    if (event.id === createdBy || namesCarrier(event.type, payloadOf(event), carrierId))
      selected.set(event.id, event)
  // Threads: each round may open more (a loan → its extension request → the request's approval).
  const keys = new Set<string>()
  let grew = true
  while (grew) {
    grew = false
    for (const event of selected.values()) for (const key of threadKeys(payloadOf(event))) keys.add(key)
    for (const event of all.values()) {
      if (selected.has(event.id)) continue
      if (threadKeys(payloadOf(event)).some((key) => keys.has(key))) {
        selected.set(event.id, event)
        grew = true
      }
    }
  }
  for (const event of resolutionsOf(all, carrierId, state, selected)) selected.set(event.id, event)
  return selected
}

/** The fields by which an anomaly of any register names its carriers and the events behind it. */
function anomalyConcerns(anomaly: unknown, carrierId: string, eventIds: ReadonlySet<string>): boolean {
  if (!isRecord(anomaly)) return false
  if (anomaly.carrierId === carrierId) return true
  for (const field of ['carrierIds', 'missingIds', 'damagedIds'])
    if (lists(anomaly[field], carrierId)) return true
  if (typeof anomaly.eventId === 'string' && eventIds.has(anomaly.eventId)) return true
  return strings(anomaly.eventIds).some((id) => eventIds.has(id))
}

/** The resolving event type of each register's anomalies, and where its state keeps them. */
function anomalySources(state: RegisterState): ReadonlyMap<string, Iterable<unknown>> {
  const { movement, custody, outgoing } = state.registers
  return new Map<string, Iterable<unknown>>([
    ['anomaly.resolved', state.anomalies],
    ['movement.anomaly_resolved', movement.anomalies.values()],
    ['custody.anomaly_resolved', custody.anomalies.values()],
    ['outgoing.anomaly_resolved', outgoing.anomalies.values()],
  ])
}

/** Resolutions of the anomalies about the carrier (or about an event of its history), in any register. */
function resolutionsOf(
  all: ReadonlyMap<string, EventEnvelope>,
  carrierId: string,
  state: RegisterState,
  selected: ReadonlyMap<string, EventEnvelope>,
): EventEnvelope[] {
  const eventIds = new Set(selected.keys())
  const concerning = new Map<string, Set<string>>()
  for (const [type, anomalies] of anomalySources(state)) {
    const ids = new Set<string>()
    for (const anomaly of anomalies)
      if (
        anomalyConcerns(anomaly, carrierId, eventIds) &&
        isRecord(anomaly) &&
        typeof anomaly.id === 'string'
      )
        ids.add(anomaly.id)
    concerning.set(type, ids)
  }
  const found: EventEnvelope[] = []
  for (const event of all.values()) {
    const anomalyId = str(payloadOf(event), 'anomalyId')
    if (anomalyId !== null && concerning.get(event.type)?.has(anomalyId)) found.push(event)
  }
  return found
}

// ---------------------------------------------------------------------------------------------------
// Refusals: why the register did not apply an event (refused by a rule, ignored at screening, 时间异常).

const ALERT_TEXT: Readonly<Record<SecurityAlertKind, HistoryText>> = {
  [SecurityAlertKind.BadSignature]: { zh: '签名校验未通过，未入账', en: 'The signature does not check out' },
  [SecurityAlertKind.UnknownActor]: {
    zh: '签名人不在密钥目录中',
    en: 'The signer is not in the key directory',
  },
  [SecurityAlertKind.RoleNotAllowed]: {
    zh: '签名人无权记录此项',
    en: "The signer's role may not record this",
  },
  [SecurityAlertKind.WrongUnit]: { zh: '不属于本单位的记录', en: "Another unit's record" },
  [SecurityAlertKind.UnknownType]: { zh: '未知的记录类型', en: 'Unknown kind of record' },
  [SecurityAlertKind.MalformedPayload]: { zh: '记录内容格式不符', en: 'The record is malformed' },
}

const CLOCK_TEXT: HistoryText = {
  zh: '时间异常：记录时间不可信，未入账',
  en: 'Clock out of range: the time of the record is implausible',
}

function refusalsOf(state: RegisterState): Map<string, HistoryRefusal> {
  const refusals = new Map<string, HistoryRefusal>()
  for (const a of state.anomalies)
    if (a.kind === AnomalyKind.ClockOutOfRange)
      for (const id of a.eventIds) refusals.set(id, { code: a.kind, ...CLOCK_TEXT })
  for (const alert of state.alerts)
    refusals.set(alert.eventId, { code: alert.kind, ...ALERT_TEXT[alert.kind] })
  for (const r of state.refused) refusals.set(r.eventId, { code: r.error.code, ...r.error.message })
  return refusals
}

// ---------------------------------------------------------------------------------------------------

/**
 * The history of one carrier: the events of the log that concern it (see namesCarrier, the threads and
 * the anomaly resolutions above), oldest first by HLC, then id. An event whose signature does not check
 * out is listed, marked 'invalid'; one the register refused or ignored carries the reason.
 */
export function carrierHistory(
  events: Iterable<EventEnvelope>,
  carrierId: string,
  state: RegisterState,
  directory: KeyDirectory,
  verify: VerifyEvent = verifyAgainstDirectory,
): HistoryEntry[] {
  const all = new Map<string, EventEnvelope>()
  for (const event of events) all.set(event.id, event)
  const selected = [...selectEvents(all, carrierId, state).values()].sort(compareEvents)
  const refusals = refusalsOf(state)
  const ctx: DetailContext = { carrierId, state, directory, events: all }
  return selected.map((event) => {
    const happenedAt = num(payloadOf(event), 'happenedAt')
    const entry: HistoryEntry = {
      eventId: event.id,
      at: hlcWallMs(event.at),
      actorId: event.actor,
      actorName: userName(directory, event.actor),
      type: event.type,
      label: eventLabel(event.type),
      detail: detailOf(event, ctx),
      signature: verify(event, directory) ? 'verified' : 'invalid',
      refused: refusals.get(event.id) ?? null,
    }
    return happenedAt === null ? entry : { ...entry, happenedAt }
  })
}
