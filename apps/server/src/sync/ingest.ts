import { type DomainError, err, ok, type Result } from '@secledger/domain'
import * as Y from 'yjs'
import { ServerError } from '../errors.ts'
import { projectionChanges } from '../projection/carrier-projection.ts'
import { recordSecurityEvent } from '../security/security-log.ts'
import { compact } from './compaction.ts'
import { checkEntries } from './entry-check.ts'
import { ingestInSlices } from './fold-slices.ts'
import { commitUpdate, type UpdateRow } from './persistence.ts'
import { encodeSyncUpdate, MAX_FRAME_BYTES } from './protocol.ts'
import { createSlicer, SLICE_BUDGET_MS, type Slicer, UNSLICED } from './slicer.ts'
import { updateRowMac } from './storage-mac.ts'
import type { SyncContext } from './sync-context.ts'
import { buildRegister, maxEventAt, type SyncPeer, type UnitDoc } from './unit-doc.ts'
import { encodeStructs } from './update-codec.ts'
import { guardUpdate } from './update-guard.ts'

export interface UpdateOrigin {
  readonly userId: string | null
  readonly deviceId: string | null
  /** The connection it came from (not echoed back), or null for server-side writers (the demo seed). */
  readonly peer: SyncPeer | null
}

/** `seq` is null when the update held nothing new (nothing written; still acknowledged). */
export type IngestResult = Result<{ readonly seq: number | null }, DomainError>

// A larger update is stored and applied as slices of its new structs, this many per slice: ~175 kB of
// a typical register (~700 B per event), ~4 ms to apply, a few ms for a driver to serialise.
const SPLIT_ABOVE_BYTES = 256 * 1024
const STRUCTS_PER_SLICE = 250
// An ordinary edit (one to a few events) runs straight through: its awaits on the database are pauses
// enough, and a slicer would count them as work and add a needless turn of the event loop before its ACK.
const SLICED_ABOVE_BYTES = 64 * 1024
// How long a paused large update waits for ordinary edits to finish before it takes its next slice.
const GIVE_WAY_MS = 20

async function logRefusal(
  ctx: SyncContext,
  unit: UnitDoc,
  origin: UpdateOrigin,
  refusal: { error: DomainError; kind: string; detail: Readonly<Record<string, unknown>> },
): Promise<void> {
  try {
    await recordSecurityEvent(ctx.database.db, {
      unitId: unit.unitId,
      userId: origin.userId,
      deviceId: origin.deviceId,
      kind: refusal.kind,
      code: refusal.error.code,
      detail: { doc: unit.docName, ...refusal.detail },
    })
  } catch (cause) {
    console.error('[sync] could not record a security event', cause)
  }
}

/**
 * The one path by which anything enters a register (sync and demo seed alike), run on the doc's queue:
 * guard the update bytes, check each event, commit ONE transaction (update row(s) and their MACs,
 * events, projection, last sync; a single statement for an ordinary edit), and only then apply to the
 * in-memory doc and broadcast. A refused update changes nothing.
 *
 * Issue 10 item 8: a large update is background work, run in slices that give way to ordinary edits
 * (foreground.ts), so a township uploading 10,000 events does not hold up another township's
 * acknowledgement; the doc's queue keeps this doc's own updates in order meanwhile.
 */
export function ingestUpdate(
  ctx: SyncContext,
  unit: UnitDoc,
  update: Uint8Array,
  origin: UpdateOrigin,
): Promise<IngestResult> {
  return unit.queue.run(async () => {
    if (update.byteLength > SLICED_ABOVE_BYTES) {
      return ingestChecked(
        ctx,
        unit,
        update,
        origin,
        createSlicer(SLICE_BUDGET_MS, () => ctx.foreground.idle(GIVE_WAY_MS)),
      )
    }
    const leave = ctx.foreground.enter()
    try {
      return await ingestChecked(ctx, unit, update, origin, UNSLICED)
    } finally {
      leave()
    }
  })
}

/** The work of `ingestUpdate`, on the doc's queue, sliced by `slicer`. */
async function ingestChecked(
  ctx: SyncContext,
  unit: UnitDoc,
  update: Uint8Array,
  origin: UpdateOrigin,
  slicer: Slicer,
): Promise<IngestResult> {
  if (update.byteLength > MAX_FRAME_BYTES) return err(ServerError.SyncTooLarge)
  const guard = await guardUpdate(update, unit.doc, slicer)
  if (!guard.ok) {
    if (guard.error.code === ServerError.SyncImmutable.code) {
      await logRefusal(ctx, unit, origin, {
        error: guard.error,
        kind: 'sync_immutable',
        detail: { reason: guard.reason },
      })
    }
    return err(guard.error)
  }
  if (guard.entries.length === 0) return ok({ seq: null })
  const checked = await checkEntries(ctx, unit, guard.entries, slicer)
  if (!checked.ok) {
    await logRefusal(ctx, unit, origin, checked.refusal)
    return err(checked.refusal.error)
  }
  const now = ctx.now()
  const parts = await storedParts(update, guard.structs, slicer)
  let seq: number
  try {
    const before = unit.register.state
    const after = await ingestInSlices(unit.register, checked.events, unit.maxAt, slicer)
    const projection = projectionChanges(unit.unitId, before, after)
    const rows: UpdateRow[] = []
    for (const part of parts) {
      const fields = { doc: unit.docName, createdAt: now, userId: origin.userId, deviceId: origin.deviceId }
      rows.push({
        update: part,
        mac: await updateRowMac(ctx.storageKey, { ...fields, update: part }, slicer),
      })
    }
    seq = await commitUpdate(
      ctx.database.db,
      {
        docName: unit.docName,
        unitId: unit.unitId,
        rows,
        userId: origin.userId,
        deviceId: origin.deviceId,
        events: checked.events,
        projection,
        now,
      },
      slicer,
    )
  } catch (error) {
    // Nothing was committed: the fold must forget the events again.
    unit.register = buildRegister(unit)
    throw error
  }
  await applyCommitted(unit, parts, slicer)
  unit.maxAt = maxEventAt(checked.events, unit.maxAt, unit.latestEventMs())
  unit.lastSeq = seq
  unit.updatesSinceSnapshot += parts.length
  const frame = encodeSyncUpdate(update)
  for (const peer of unit.peers) if (peer !== origin.peer) peer.send(frame)
  if (unit.updatesSinceSnapshot >= ctx.snapshotEvery) void unit.queue.run(() => compact(ctx, unit))
  return ok({ seq })
}

/**
 * How an update is stored and applied: whole, or — when large — as consecutive slices of its new
 * structs (issue 10 item 8), each a valid update continuing the one before. One Y.applyUpdate of 6 MB
 * is ~150 ms and a 7 MB statement parameter ~0.5 s of serialising; slices keep each step short.
 */
async function storedParts(
  update: Uint8Array,
  structs: readonly Y.Item[],
  slicer: Slicer,
): Promise<Uint8Array[]> {
  if (update.byteLength <= SPLIT_ABOVE_BYTES || structs.length <= STRUCTS_PER_SLICE) return [update]
  const parts: Uint8Array[] = []
  for (let i = 0; i < structs.length; i += STRUCTS_PER_SLICE) {
    parts.push(encodeStructs(structs.slice(i, i + STRUCTS_PER_SLICE)))
    if (slicer.due()) await slicer.pause()
  }
  return parts
}

/**
 * Applies a committed update (its stored parts, in order); the guard made sure it has no missing
 * dependencies. A peer syncing between two parts gets part of a committed update, and the whole of it
 * by the broadcast that follows.
 */
async function applyCommitted(unit: UnitDoc, parts: readonly Uint8Array[], slicer: Slicer): Promise<void> {
  try {
    for (const part of parts) {
      Y.applyUpdate(unit.doc, part)
      if (slicer.due()) await slicer.pause()
    }
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
