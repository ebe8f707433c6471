import * as Y from 'yjs'
import { MetaKey, replicaMetaKey } from './meta-store.ts'
import { type ReplicaKey, replicaKeyOf } from './replica-key.ts'
import { openBytes, ownBytes, type RecordIdentity, type SealedBox, sealBytes } from './sealed-box.ts'
import type { SecLedgerDb } from './secledger-db.ts'

/** Above this many stored updates, loading merges them into one row. */
export const COMPACT_THRESHOLD = 200

/** Transaction origin of updates applied from IndexedDB, so they are not written back. */
export const FROM_STORAGE = Symbol('secledger-storage')

/**
 * A doc update's sealed identity: the doc and the replica key, not `seq`, which IndexedDB assigns only
 * once the row is added. Yjs updates of one doc commute and are idempotent, so moving a row to another
 * seq changes nothing; moving it to another doc, replica or table fails its tag.
 */
function identity(replica: ReplicaKey, docName: string): RecordIdentity {
  return ['docUpdates', replica.keyId, docName]
}

export function sealDocUpdate(replica: ReplicaKey, docName: string, update: Uint8Array): Promise<SealedBox> {
  return sealBytes(replica.key, identity(replica, docName), ownBytes(update))
}

/**
 * Applies every stored update of the doc sealed under the open replica key; compacts them into one
 * when there are many. A row that fails its tag is left where it is and skipped: the server still
 * holds every acknowledged event and the outbox every unsent one (UnitReplica puts those back).
 */
export async function loadDocUpdates(db: SecLedgerDb, docName: string, doc: Y.Doc): Promise<number> {
  const replica = replicaKeyOf(db)
  const rows = await db.docUpdates.where('[keyId+docName]').equals([replica.keyId, docName]).sortBy('seq')
  if (rows.length === 0) return 0
  const opened = await Promise.all(
    rows.map((row) =>
      row.sealed
        ? openBytes(replica.key, identity(replica, docName), row.sealed).catch(() => null)
        : Promise.resolve(null),
    ),
  )
  const updates: Uint8Array[] = []
  const seqs: number[] = []
  opened.forEach((update, i) => {
    if (update === null) {
      console.warn(`[db] doc update ${rows[i]?.seq} of ${docName} does not decrypt; skipped`)
      return
    }
    updates.push(update)
    seqs.push(rows[i]?.seq as number)
  })
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update, FROM_STORAGE)
  }, FROM_STORAGE)
  if (updates.length > COMPACT_THRESHOLD) await compactDocUpdates(db, replica, docName, seqs, updates)
  return updates.length
}

async function compactDocUpdates(
  db: SecLedgerDb,
  replica: ReplicaKey,
  docName: string,
  seqs: readonly number[],
  updates: readonly Uint8Array[],
): Promise<void> {
  // Sealed before the transaction: IndexedDB commits a transaction that awaits anything but itself.
  const sealed = await sealDocUpdate(replica, docName, Y.mergeUpdates(updates as Uint8Array[]))
  // One transaction: a crash leaves either the old rows or the merged one, never neither.
  await db.transaction('rw', db.docUpdates, async () => {
    await db.docUpdates.add({ docName, keyId: replica.keyId, sealed })
    await db.docUpdates.bulkDelete(seqs as number[])
  })
}

/**
 * Appends every later update of the doc, local and remote, in order, sealed under the replica key open
 * now (kept for the doc's lifetime, so updates still queued at logout are written sealed, not lost).
 */
export function persistDocUpdates(
  db: SecLedgerDb,
  docName: string,
  doc: Y.Doc,
): { stop: () => void; flushed: () => Promise<void> } {
  const replica = replicaKeyOf(db)
  let chain: Promise<void> = Promise.resolve()
  const onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === FROM_STORAGE) return
    chain = chain
      .then(async () => {
        const sealed = await sealDocUpdate(replica, docName, update)
        await db.docUpdates.add({ docName, keyId: replica.keyId, sealed })
      })
      // One failed write must not stop the later ones; what it held is still in the outbox (local
      // events) or on the server (remote ones), and comes back at the next start. A closed database
      // is a page (or test) going away.
      .catch((error: unknown) => {
        if ((error as Error | null)?.name !== 'DatabaseClosedError')
          console.error(`[db] a doc update of ${docName} was not stored`, error)
      })
  }
  doc.on('update', onUpdate)
  return { stop: () => doc.off('update', onUpdate), flushed: () => chain }
}

/**
 * Replaces the doc's stored updates by one (a rebuild from the server's state, sync/replica-rebuild.ts)
 * in ONE strict transaction that also drops the outbox events the server turned out to hold and clears
 * the replica's recovery mark.
 */
export async function replaceDocUpdates(
  db: SecLedgerDb,
  unit: string,
  docName: string,
  update: Uint8Array,
  syncedIds: readonly string[],
): Promise<void> {
  const replica = replicaKeyOf(db, unit)
  const sealed = await sealDocUpdate(replica, docName, update)
  await db.transaction('rw', [db.outbox, db.docUpdates, db.meta], async () => {
    if (syncedIds.length > 0) await db.outbox.bulkDelete(syncedIds as string[])
    await db.docUpdates.where('[keyId+docName]').equals([replica.keyId, docName]).delete()
    await db.docUpdates.add({ docName, keyId: replica.keyId, sealed })
    await db.meta.delete(replicaMetaKey(MetaKey.recovery(unit), replica))
  })
}
