import type { EventEnvelope } from '@secledger/domain'
import * as Y from 'yjs'
import { projectionChanges } from '../projection/carrier-projection.ts'
import { ingestInSlices } from './fold-slices.ts'
import { FOREGROUND_MAX_BYTES } from './foreground.ts'
import { commitUpdate } from './persistence.ts'
import { encodeSyncUpdate } from './protocol.ts'
import type { Slicer } from './slicer.ts'
import { updateRowMac } from './storage-mac.ts'
import type { SyncContext } from './sync-context.ts'
import { buildRegister, maxEventAt, type SyncPeer, type UnitDoc } from './unit-doc.ts'
import { encodeStructs } from './update-codec.ts'

/**
 * Events per chunk of a large update (issue 10 item 8). Each chunk is its own atomic commit, and other
 * docs' writes run between chunks. PGlite runs its WASM on the event loop, so one statement blocks every
 * township for as long as it runs: measured ~0.15 ms per registration (250 events: 30–60 ms). 64 keep a
 * chunk's statement near 10 ms.
 */
export const EVENTS_PER_CHUNK = 64

export interface ChunkedUpdate {
  /** The update as received. */
  readonly update: Uint8Array
  /** Its new structs, one per event, in update order (update-guard.ts). */
  readonly structs: readonly Y.Item[]
  /** The checked events, `events[i]` carried by `structs[i]`. */
  readonly events: readonly EventEnvelope[]
  readonly userId: string | null
  readonly deviceId: string | null
  /** The connection it came from: it gets no broadcast of its own update. */
  readonly peer: SyncPeer | null
}

/** A chunk of an update: a valid update of its own, continuing the chunk before it. */
interface Chunk {
  readonly bytes: Uint8Array
  readonly events: readonly EventEnvelope[]
}

// An ordinary edit or a small batch is stored as the bytes the client sent, in one commit.
function* chunksOf(input: ChunkedUpdate): Generator<Chunk> {
  const { update, structs, events } = input
  if (update.byteLength <= FOREGROUND_MAX_BYTES || events.length <= EVENTS_PER_CHUNK) {
    yield { bytes: update, events }
    return
  }
  for (let i = 0; i < events.length; i += EVENTS_PER_CHUNK) {
    yield {
      bytes: encodeStructs(structs.slice(i, i + EVENTS_PER_CHUNK)),
      events: events.slice(i, i + EVENTS_PER_CHUNK),
    }
  }
}

/**
 * Commits a checked update in chunks (issue 10 item 8). Each chunk is one atomic commit of its update
 * row (with MAC), its events and the projection rows they change; only once it is committed is it folded
 * for good, applied to the served doc and broadcast. Between chunks the doc's queue stays held but the
 * event loop and the database are yielded (`slicer.pause()`, which gives way to ordinary edits), so a
 * 10,000-event upload does not hold another township's commit behind one long transaction.
 *
 * A failure (or a crash) between chunks keeps the chunks committed so far — a consistent state: each
 * chunk's projection is the fold of every stored event — and the caller sends no ACK. The client resends;
 * the guard skips structs the doc already holds and events insert idempotently by id, so only the rest
 * is stored. Returns the `seq` of the last row written.
 */
export async function commitInChunks(
  ctx: SyncContext,
  unit: UnitDoc,
  input: ChunkedUpdate,
  slicer: Slicer,
): Promise<number> {
  let seq: number | null = null
  let first = true
  for (const chunk of chunksOf(input)) {
    if (!first) await slicer.pause()
    first = false
    seq = await commitChunk(ctx, unit, input, chunk, slicer)
  }
  if (seq === null) throw new Error('an update with events has at least one chunk')
  return seq
}

async function commitChunk(
  ctx: SyncContext,
  unit: UnitDoc,
  input: ChunkedUpdate,
  chunk: Chunk,
  slicer: Slicer,
): Promise<number> {
  const now = ctx.now()
  const fields = { doc: unit.docName, createdAt: now, userId: input.userId, deviceId: input.deviceId }
  let seq: number
  try {
    const before = unit.register.state
    const after = await ingestInSlices(unit.register, chunk.events, unit.maxAt, slicer)
    const mac = await updateRowMac(ctx.storageKey, { ...fields, update: chunk.bytes }, slicer)
    seq = await commitUpdate(
      ctx.database.db,
      {
        docName: unit.docName,
        unitId: unit.unitId,
        rows: [{ update: chunk.bytes, mac }],
        userId: input.userId,
        deviceId: input.deviceId,
        events: chunk.events,
        projection: projectionChanges(unit.unitId, before, after),
        now,
      },
      slicer,
    )
  } catch (error) {
    // This chunk was not committed: the fold goes back to what the doc (the committed chunks) holds.
    unit.register = buildRegister(unit)
    throw error
  }
  applyCommitted(unit, chunk.bytes)
  unit.maxAt = maxEventAt(chunk.events, unit.maxAt, unit.latestEventMs())
  unit.lastSeq = seq
  unit.updatesSinceSnapshot++
  const frame = encodeSyncUpdate(chunk.bytes)
  for (const peer of unit.peers) if (peer !== input.peer) peer.send(frame)
  return seq
}

/** Applies a committed chunk; the guard made sure it has no missing dependencies. */
function applyCommitted(unit: UnitDoc, bytes: Uint8Array): void {
  try {
    Y.applyUpdate(unit.doc, bytes)
  } catch (error) {
    console.error(`[sync] committed update did not apply to ${unit.docName}`, error)
    unit.broken = true
  }
  if (unit.doc.store.pendingStructs !== null || unit.doc.store.pendingDs !== null) {
    console.error(`[sync] committed update left pending structs in ${unit.docName}`)
    unit.broken = true
  }
  unit.stateVector = Y.encodeStateVector(unit.doc)
}
