import { type DomainError, err, ok, type Result } from '@secledger/domain'
import { ServerError } from '../errors.ts'
import { recordSecurityEvent } from '../security/security-log.ts'
import { commitInChunks } from './commit-chunks.ts'
import { compact } from './compaction.ts'
import { checkEntries } from './entry-check.ts'
import { FOREGROUND_MAX_BYTES } from './foreground.ts'
import { MAX_FRAME_BYTES } from './protocol.ts'
import { createSlicer, SLICE_BUDGET_MS, type Slicer, UNSLICED } from './slicer.ts'
import type { SyncContext } from './sync-context.ts'
import type { SyncPeer, UnitDoc } from './unit-doc.ts'
import { guardUpdate } from './update-guard.ts'

export interface UpdateOrigin {
  readonly userId: string | null
  readonly deviceId: string | null
  /** The connection it came from (not echoed back), or null for server-side writers (the demo seed). */
  readonly peer: SyncPeer | null
}

/** `seq` is null when the update held nothing new (nothing written; still acknowledged). */
export type IngestResult = Result<{ readonly seq: number | null }, DomainError>

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
 * guard the update bytes, check each event — all of them before anything is written — then commit
 * (update row and its MAC, events, projection, last sync; a single statement for an ordinary edit), and
 * only then apply to the in-memory doc and broadcast. A refused update changes nothing.
 *
 * Issue 10 item 8: a large update is background work, run in slices that give way to ordinary edits
 * (foreground.ts) and committed in bounded chunks (commit-chunks.ts), so a township uploading 10,000
 * events does not hold up another township's acknowledgement; the doc's queue keeps this doc's own
 * updates in order meanwhile. The ACK (sent by the caller) follows the last chunk's commit.
 */
export function ingestUpdate(
  ctx: SyncContext,
  unit: UnitDoc,
  update: Uint8Array,
  origin: UpdateOrigin,
): Promise<IngestResult> {
  return unit.queue.run(async () => {
    if (update.byteLength > FOREGROUND_MAX_BYTES) {
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
  const seq = await commitInChunks(
    ctx,
    unit,
    { update, structs: guard.structs, events: checked.events, ...origin },
    slicer,
  )
  if (unit.updatesSinceSnapshot >= ctx.snapshotEvery) void unit.queue.run(() => compact(ctx, unit))
  return ok({ seq })
}
