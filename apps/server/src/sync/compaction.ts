import * as Y from 'yjs'
import { writeSnapshot } from './persistence.ts'
import { createSlicer } from './slicer.ts'
import { snapshotMac } from './storage-mac.ts'
import type { SyncContext } from './sync-context.ts'
import type { UnitDoc } from './unit-doc.ts'

/**
 * Snapshot of the doc as of `lastSeq`, with its MAC, so the next load replays only what follows; run
 * on the doc's queue. Due after `snapshotEvery` updates, or at once (`force`) after a load that had to
 * re-verify rows: the snapshot vouches for them, so the next load does not verify them again.
 */
export async function compact(ctx: SyncContext, unit: UnitDoc, force = false): Promise<void> {
  if (unit.broken || (!force && unit.updatesSinceSnapshot < ctx.snapshotEvery)) return
  try {
    const snapshot = {
      doc: unit.docName,
      uptoSeq: unit.lastSeq,
      state: Y.encodeStateAsUpdate(unit.doc),
      stateVector: unit.stateVector,
    }
    const mac = await snapshotMac(ctx.storageKey, snapshot, createSlicer())
    await writeSnapshot(ctx.database.db, { ...snapshot, docName: unit.docName, mac })
    unit.updatesSinceSnapshot = 0
  } catch (error) {
    console.error(`[sync] snapshot of ${unit.docName} failed`, error)
  }
}
