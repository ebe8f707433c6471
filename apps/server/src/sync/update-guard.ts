import type { DomainError } from '@secledger/domain'
import * as Y from 'yjs'
import { ServerError } from '../errors.ts'
import { type Slicer, UNSLICED } from './slicer.ts'
import { type DecodedUpdate, decodeUpdateSliced } from './update-codec.ts'

/** The Y.Map holding a unit's events (contracts.md): key = event id, value = the envelope as JSON. */
export const EVENTS_MAP = 'events'

export interface NewEntry {
  readonly key: string
  readonly value: unknown
}

export type GuardVerdict =
  | {
      readonly ok: true
      readonly entries: readonly NewEntry[]
      /** The new structs, one per entry, in update order: what `encodeStructs` re-encodes in slices. */
      readonly structs: readonly Y.Item[]
    }
  | { readonly ok: false; readonly error: DomainError; readonly reason: string }

function refuse(error: DomainError, reason: string): GuardVerdict {
  return { ok: false, error, reason }
}

/**
 * Checks an incoming update on its decoded bytes before anything is applied (ARCHITECTURE decision 5):
 * an event is immutable, so the update may only add new top-level entries to `events`.
 * - a delete set, or a struct with an origin (a map overwrite), or a GC struct → SYNC-IMMUTABLE;
 * - a key already in the doc or twice in the update → SYNC-IMMUTABLE;
 * - anything that is not one JSON value under a new key of `events` → SYNC-MALFORMED;
 * - a struct that depends on clocks the server does not have → SYNC-MALFORMED: applying it would park
 *   pending structs in memory, and it could never be persisted consistently.
 * Structs the doc already holds are skipped: a client resending an update it was never acked for
 * must get its ACK, not an error. The bytes are decoded in slices (issue 10 item 8).
 */
export async function guardUpdate(
  update: Uint8Array,
  doc: Y.Doc,
  slicer: Slicer = UNSLICED,
): Promise<GuardVerdict> {
  let decoded: DecodedUpdate
  try {
    decoded = await decodeUpdateSliced(update, slicer)
  } catch {
    return refuse(ServerError.SyncMalformed, 'undecodable update')
  }
  if (decoded.deletes) return refuse(ServerError.SyncImmutable, 'update carries a delete set')
  return guardStructs(decoded, doc)
}

function guardStructs(decoded: DecodedUpdate, doc: Y.Doc): GuardVerdict {
  const events = doc.getMap(EVENTS_MAP)
  const nextClock = new Map<number, number>()
  const keys = new Set<string>()
  const entries: NewEntry[] = []
  const structs: Y.Item[] = []
  for (const struct of decoded.structs) {
    const { client, clock } = struct.id
    if (!Number.isSafeInteger(clock) || !Number.isSafeInteger(struct.length) || struct.length < 1) {
      return refuse(ServerError.SyncMalformed, 'bad struct clock')
    }
    const known = Y.getState(doc.store, client)
    if (struct instanceof Y.Skip) {
      // A hole past what we hold: whatever follows from this client depends on clocks nobody sent us.
      if (clock + struct.length > (nextClock.get(client) ?? known)) nextClock.set(client, Number.NaN)
      continue
    }
    if (clock + struct.length <= known) continue
    const expected = nextClock.get(client) ?? known
    if (clock !== expected) return refuse(ServerError.SyncMalformed, 'update depends on missing updates')
    nextClock.set(client, clock + struct.length)
    if (struct instanceof Y.GC) return refuse(ServerError.SyncImmutable, 'update carries deleted content')
    if (!(struct instanceof Y.Item)) return refuse(ServerError.SyncMalformed, 'unknown struct')
    if (struct.origin !== null || struct.rightOrigin !== null) {
      return refuse(ServerError.SyncImmutable, 'update overwrites an entry')
    }
    // Decoded (not integrated) structs name a root type by its key string.
    if ((struct.parent as unknown) !== EVENTS_MAP || typeof struct.parentSub !== 'string') {
      return refuse(ServerError.SyncMalformed, 'struct is not an entry of the events map')
    }
    const content = struct.content
    if (!(content instanceof Y.ContentAny) || content.arr.length !== 1 || struct.length !== 1) {
      return refuse(ServerError.SyncMalformed, 'entry value is not one JSON value')
    }
    const key = struct.parentSub
    if (events.has(key) || keys.has(key))
      return refuse(ServerError.SyncImmutable, 'update overwrites an entry')
    keys.add(key)
    entries.push({ key, value: content.arr[0] })
    structs.push(struct)
  }
  return { ok: true, entries, structs }
}
