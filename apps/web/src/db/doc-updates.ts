import * as Y from 'yjs'
import type { SecLedgerDb } from './secledger-db.ts'

/** Above this many stored updates, loading merges them into one row. */
export const COMPACT_THRESHOLD = 200

/** Transaction origin of updates applied from IndexedDB, so they are not written back. */
export const FROM_STORAGE = Symbol('secledger-storage')

/** Applies every stored update of the doc; compacts them into one when there are many. */
export async function loadDocUpdates(db: SecLedgerDb, docName: string, doc: Y.Doc): Promise<number> {
  const rows = await db.docUpdates.where('docName').equals(docName).sortBy('seq')
  if (rows.length === 0) return 0
  const updates = rows.map((r) => r.update)
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update, FROM_STORAGE)
  }, FROM_STORAGE)
  if (rows.length > COMPACT_THRESHOLD)
    await compactDocUpdates(
      db,
      docName,
      rows.map((r) => r.seq as number),
      updates,
    )
  return rows.length
}

async function compactDocUpdates(
  db: SecLedgerDb,
  docName: string,
  seqs: readonly number[],
  updates: readonly Uint8Array[],
): Promise<void> {
  const merged = Y.mergeUpdates(updates as Uint8Array[])
  // One transaction: a crash leaves either the old rows or the merged one, never neither.
  await db.transaction('rw', db.docUpdates, async () => {
    await db.docUpdates.add({ docName, update: merged })
    await db.docUpdates.bulkDelete(seqs as number[])
  })
}

/** Appends every later update of the doc, local and remote, in order. Returns a stop function. */
export function persistDocUpdates(
  db: SecLedgerDb,
  docName: string,
  doc: Y.Doc,
): { stop: () => void; flushed: () => Promise<void> } {
  let chain: Promise<void> = Promise.resolve()
  const onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === FROM_STORAGE) return
    chain = chain.then(async () => {
      await db.docUpdates.add({ docName, update })
    })
  }
  doc.on('update', onUpdate)
  return { stop: () => doc.off('update', onUpdate), flushed: () => chain }
}
