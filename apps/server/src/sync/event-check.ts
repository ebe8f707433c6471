import {
  DEFAULT_UNIT_POLICY,
  desensitizeTitle,
  directoryUser,
  type EventEnvelope,
  eventEnvelopeSchema,
  type KeyDirectory,
  screenEvent,
  unitEventDefinition,
} from '@secledger/domain'
import type { NewEntry } from './update-guard.ts'

const ENVELOPE_KEYS = new Set(['id', 'unit', 'type', 'payload', 'actor', 'device', 'at', 'sig'])

export type EventVerdict =
  | { readonly ok: true; readonly event: EventEnvelope }
  | {
      readonly ok: false
      readonly reason: string
      readonly eventId: string | null
      readonly actor: string | null
    }

function titleDesensitized(payload: unknown): boolean {
  const p = payload as { readonly title: string; readonly level: Parameters<typeof desensitizeTitle>[1] }
  return p.title === desensitizeTitle(p.title, p.level, DEFAULT_UNIT_POLICY)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
}

/** A refusal naming the id and actor the entry claims, when it claims any. */
function refusalOf(value: unknown): (reason: string) => EventVerdict {
  const claimedId = isPlainObject(value) && typeof value.id === 'string' ? value.id : null
  const claimedActor = isPlainObject(value) && typeof value.actor === 'string' ? value.actor : null
  return (reason) => ({ ok: false, reason, eventId: claimedId, actor: claimedActor })
}

/**
 * Checks one new `events` entry as the server takes custody of it (SYNC-BAD-EVENT otherwise): a signed
 * envelope of this unit, key = id, a known actor of the unit whose role may sign the type, the payload
 * parses with its strict schema (rule S-01: no extra fields). A forged approval — signed with the
 * officer's key, claiming the leader — fails the signature check and changes no state anywhere.
 */
export function checkNewEvent(
  entry: NewEntry,
  unitId: string,
  directory: KeyDirectory,
  verify: (event: EventEnvelope, publicKey: string) => boolean,
): EventVerdict {
  const value = entry.value
  const bad = refusalOf(value)
  if (!isPlainObject(value)) return bad('entry is not an object')
  if (Object.keys(value).some((key) => !ENVELOPE_KEYS.has(key))) return bad('envelope has extra fields')
  const parsed = eventEnvelopeSchema.safeParse(value)
  if (!parsed.success) return bad('not an event envelope')
  const event = value as unknown as EventEnvelope
  if (entry.key !== event.id) return bad('key is not the event id')
  if (event.unit !== unitId) return bad('event of another unit')
  // Every register of the unit (carriers, classification, telegrams, personnel…) passes the same gate.
  const definition = unitEventDefinition(event.type, DEFAULT_UNIT_POLICY)
  const alert = screenEvent(event, unitId, directory, definition?.roles, verify)
  if (alert !== null) return bad(alert)
  if (definition === undefined) return bad('unknown type')
  const payload = definition.schema.safeParse(event.payload)
  if (!payload.success) return bad('malformed payload')
  // rule S-02: storing a full 绝密/机密 title would itself be the breach, so it never enters the server.
  if (event.type === 'carrier.registered' && !titleDesensitized(payload.data)) {
    return bad('title not de-sensitized (S-02)')
  }
  return { ok: true, event }
}

/**
 * Checks a stored entry whose row's MAC is missing or wrong (issue 10 item 7): it is served only if it
 * is still an envelope of this unit under its own id, signed by its actor's key — what the ingest checks
 * proved before storing it. Role, type and payload stay the fold's to judge, as for every stored event,
 * so a history written under older rules still loads.
 */
export function checkStoredEvent(
  entry: NewEntry,
  unitId: string,
  directory: KeyDirectory,
  verify: (event: EventEnvelope, publicKey: string) => boolean,
): EventVerdict {
  const value = entry.value
  const bad = refusalOf(value)
  if (!isPlainObject(value) || !eventEnvelopeSchema.safeParse(value).success)
    return bad('not an event envelope')
  const event = value as unknown as EventEnvelope
  if (entry.key !== event.id) return bad('key is not the event id')
  if (event.unit !== unitId) return bad('event of another unit')
  const user = directoryUser(directory, event.actor)
  if (!user) return bad('unknown actor')
  if (!verify(event, user.publicKey)) return bad('bad signature')
  return { ok: true, event }
}
