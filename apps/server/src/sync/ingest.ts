import type { Database } from '@secledger/db'
import { type DomainError, type EventEnvelope, err, ok, type Result } from '@secledger/domain'
import * as Y from 'yjs'
import { ServerError } from '../errors.ts'
import { loadUnitDirectory } from '../keys/unit-directory.ts'
import { projectionChanges } from '../projection/carrier-projection.ts'
import { recordSecurityEvent } from '../security/security-log.ts'
import { checkNewEvent } from './event-check.ts'
import { commitUpdate, writeSnapshot } from './persistence.ts'
import { encodeSyncUpdate, MAX_FRAME_BYTES } from './protocol.ts'
import { buildRegister, type SyncPeer, type UnitDoc } from './unit-doc.ts'
import { guardUpdate, type NewEntry } from './update-guard.ts'

export interface UpdateOrigin {
  readonly userId: string | null
  readonly deviceId: string | null
  /** The connection it came from (not echoed back), or null for server-side writers (the demo seed). */
  readonly peer: SyncPeer | null
}

export interface IngestContext {
  readonly database: Database
  readonly now: () => Date
  /** Write a snapshot after this many updates (compaction). */
  readonly snapshotEvery: number
}

/** `seq` is null when the update held nothing new (nothing written; still acknowledged). */
export type IngestResult = Result<{ readonly seq: number | null }, DomainError>

async function logRefusal(
  ctx: IngestContext,
  unit: UnitDoc,
  origin: UpdateOrigin,
  error: DomainError,
  detail: Record<string, unknown>,
): Promise<void> {
  try {
    await recordSecurityEvent(ctx.database.db, {
      unitId: unit.unitId,
      userId: origin.userId,
      deviceId: origin.deviceId,
      kind: error.code === ServerError.SyncImmutable.code ? 'sync_immutable' : 'sync_bad_event',
      code: error.code,
      detail: { doc: unit.docName, ...detail },
    })
  } catch (cause) {
    console.error('[sync] could not record a security event', cause)
  }
}

/** Checks every new entry; reloads the key directory once when an actor is unknown (a user added since). */
async function checkEntries(
  ctx: IngestContext,
  unit: UnitDoc,
  entries: readonly NewEntry[],
): Promise<Result<EventEnvelope[], { reason: string; eventId: string | null; actor: string | null }>> {
  let reloaded = false
  const accepted: EventEnvelope[] = []
  for (const entry of entries) {
    let verdict = checkNewEvent(entry, unit.unitId, unit.directory, unit.verify)
    if (!verdict.ok && !reloaded && verdict.actor !== null && !unit.directory.users[verdict.actor]) {
      reloaded = true
      unit.directory = await loadUnitDirectory(ctx.database.db, unit.unitId)
      if (unit.directory.users[verdict.actor]) unit.register = buildRegister(unit)
      verdict = checkNewEvent(entry, unit.unitId, unit.directory, unit.verify)
    }
    if (!verdict.ok) return err({ reason: verdict.reason, eventId: verdict.eventId, actor: verdict.actor })
    accepted.push(verdict.event)
  }
  return ok(accepted)
}

/**
 * The one path by which anything enters a register (sync and demo seed alike), run on the doc's queue:
 * guard the update bytes, check each event, commit ONE transaction (update, events, projection, last sync),
 * and only then apply to the in-memory doc and broadcast. A refused update changes nothing.
 */
export function ingestUpdate(
  ctx: IngestContext,
  unit: UnitDoc,
  update: Uint8Array,
  origin: UpdateOrigin,
): Promise<IngestResult> {
  return unit.queue.run(async () => {
    if (update.byteLength > MAX_FRAME_BYTES) return err(ServerError.SyncTooLarge)
    const guard = guardUpdate(update, unit.doc)
    if (!guard.ok) {
      if (guard.error.code === ServerError.SyncImmutable.code) {
        await logRefusal(ctx, unit, origin, guard.error, { reason: guard.reason })
      }
      return err(guard.error)
    }
    if (guard.entries.length === 0) return ok({ seq: null })
    const checked = await checkEntries(ctx, unit, guard.entries)
    if (!checked.ok) {
      await logRefusal(ctx, unit, origin, ServerError.SyncBadEvent, { ...checked.error })
      return err(ServerError.SyncBadEvent)
    }
    let seq: number
    try {
      const before = unit.register.state
      const after = unit.register.ingest(checked.value)
      seq = await commitUpdate(ctx.database.db, {
        docName: unit.docName,
        unitId: unit.unitId,
        update,
        userId: origin.userId,
        deviceId: origin.deviceId,
        events: checked.value,
        projection: projectionChanges(unit.unitId, before, after),
        now: ctx.now(),
      })
    } catch (error) {
      // Nothing was committed: the fold must forget the events again.
      unit.register = buildRegister(unit)
      throw error
    }
    applyCommitted(unit, update)
    unit.lastSeq = seq
    unit.updatesSinceSnapshot++
    const frame = encodeSyncUpdate(update)
    for (const peer of unit.peers) if (peer !== origin.peer) peer.send(frame)
    if (unit.updatesSinceSnapshot >= ctx.snapshotEvery) void unit.queue.run(() => compact(ctx, unit))
    return ok({ seq })
  })
}

/** Applies a committed update; the guard made sure it has no missing dependencies. */
function applyCommitted(unit: UnitDoc, update: Uint8Array): void {
  try {
    Y.applyUpdate(unit.doc, update)
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

/** Snapshot of the doc as of `lastSeq`, so the next load replays only what follows. */
async function compact(ctx: IngestContext, unit: UnitDoc): Promise<void> {
  if (unit.broken || unit.updatesSinceSnapshot < ctx.snapshotEvery) return
  try {
    await writeSnapshot(ctx.database.db, {
      docName: unit.docName,
      uptoSeq: unit.lastSeq,
      state: Y.encodeStateAsUpdate(unit.doc),
      stateVector: unit.stateVector,
    })
    unit.updatesSinceSnapshot = 0
  } catch (error) {
    console.error(`[sync] snapshot of ${unit.docName} failed`, error)
  }
}
