import { ed25519 } from '@noble/curves/ed25519.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js'
import { z } from 'zod'
import { canonicalJson } from './canonical-json.ts'
import { type Hlc, isHlc } from './hlc.ts'

/**
 * An immutable, signed event (ARCHITECTURE decision 1 and 3).
 * `id` is the SHA-256 of the canonical JSON of everything but `id` and `sig`;
 * `sig` is the actor's Ed25519 signature over the id's bytes.
 */
export interface EventEnvelope<T extends string = string, P = unknown> {
  readonly id: string
  readonly unit: string
  readonly type: T
  readonly payload: P
  readonly actor: string
  readonly device: string
  readonly at: Hlc
  readonly sig: string
}

export type EventDraft<T extends string = string, P = unknown> = Omit<EventEnvelope<T, P>, 'id' | 'sig'>

const HEX_64 = /^[0-9a-f]{64}$/
const HEX_128 = /^[0-9a-f]{128}$/
const NAME = /^[A-Za-z0-9_.:-]{1,64}$/

/** Shape check at the edges (sync ingest, Dexie load). Meaning is checked by the fold. */
export const eventEnvelopeSchema = z.object({
  id: z.string().regex(HEX_64),
  unit: z.string().regex(NAME),
  type: z.string().regex(/^[a-z_]+\.[a-z_]+$/),
  payload: z.unknown(),
  actor: z.string().regex(NAME),
  device: z.string().regex(NAME),
  at: z.string().refine(isHlc, 'not a hybrid logical clock'),
  sig: z.string().regex(HEX_128),
})

export function computeEventId(draft: EventDraft): string {
  const { unit, type, payload, actor, device, at } = draft
  return bytesToHex(sha256(utf8ToBytes(canonicalJson({ unit, type, payload, actor, device, at }))))
}

export function signEvent<T extends string, P>(
  draft: EventDraft<T, P>,
  secretKeyHex: string,
): EventEnvelope<T, P> {
  const id = computeEventId(draft)
  const sig = bytesToHex(ed25519.sign(hexToBytes(id), hexToBytes(secretKeyHex)))
  return {
    id,
    unit: draft.unit,
    type: draft.type,
    payload: draft.payload,
    actor: draft.actor,
    device: draft.device,
    at: draft.at,
    sig,
  }
}

/** True when the id matches the content and the signature is the given key's. */
export function verifyEventSignature(event: EventEnvelope, publicKeyHex: string): boolean {
  if (!HEX_64.test(event.id) || !HEX_128.test(event.sig) || !HEX_64.test(publicKeyHex)) return false
  let id: string
  try {
    id = computeEventId(event)
  } catch {
    return false
  }
  if (id !== event.id) return false
  try {
    return ed25519.verify(hexToBytes(event.sig), hexToBytes(id), hexToBytes(publicKeyHex))
  } catch {
    return false
  }
}

/** Deterministic total order of events: hybrid logical clock, then id (ARCHITECTURE decision 1). */
export function compareEvents(
  a: Pick<EventEnvelope, 'at' | 'id'>,
  b: Pick<EventEnvelope, 'at' | 'id'>,
): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
