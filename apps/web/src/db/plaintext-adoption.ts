import { sealDocUpdate } from './doc-updates.ts'
import { MetaKey, replicaMetaKey } from './meta-store.ts'
import { sealOutboxRow } from './outbox-store.ts'
import { sealQuarantineRow } from './quarantine-store.ts'
import type { ReplicaKey } from './replica-key.ts'
import type { DocUpdateRow, OutboxRow, QuarantineRow, SecLedgerDb, StoredEventRow } from './secledger-db.ts'

/** A row of the unit's replica still in clear: written before schema 3 (or put there by hand). */
function isPlainEvent<T extends { envelope: unknown }>(row: StoredEventRow): row is StoredEventRow & T {
  return row.sealed === undefined && (row as unknown as Partial<T>).envelope !== undefined
}

/**
 * Seals the unit's plaintext rows under the replica key being unlocked: before schema 3 a unit had one
 * replica in clear, so the first member who unlocks the unit takes it over — its unsent events
 * included, which must not be lost. Yjs updates are sealed as they are; rows keep their keys.
 */
export async function adoptPlaintextReplica(db: SecLedgerDb, replica: ReplicaKey): Promise<number> {
  const { unit } = replica
  // Keys only, so an unlock does not read the sealed replica twice: rows of the unit's docs that are
  // not in the sealed rows' index are the plaintext ones.
  const inUnit = await db.docUpdates.where('docName').between(`${unit}:`, `${unit}:\uffff`).primaryKeys()
  const sealedSeqs = new Set(await db.docUpdates.orderBy('[keyId+docName]').primaryKeys())
  const plainSeqs = inUnit.filter((seq) => !sealedSeqs.has(seq))
  const docs = (plainSeqs.length === 0 ? [] : await db.docUpdates.bulkGet(plainSeqs)).filter(
    (row): row is DocUpdateRow => row?.sealed === undefined && row?.update !== undefined,
  )
  const outbox = (await db.outbox.where('unit').equals(unit).toArray()).filter(isPlainEvent<OutboxRow>)
  const quarantine = (await db.quarantine.where('unit').equals(unit).toArray()).filter(
    isPlainEvent<QuarantineRow>,
  )
  const lastAck = await db.meta.get(MetaKey.lastAck(unit))
  const recovery = await db.meta.get(MetaKey.recovery(unit))
  if (docs.length + outbox.length + quarantine.length === 0 && !lastAck && !recovery) return 0

  // Sealed before the transaction: IndexedDB commits a transaction that awaits WebCrypto.
  const sealedDocs: DocUpdateRow[] = await Promise.all(
    docs.map(async (row) => ({
      ...(row.seq !== undefined && { seq: row.seq }),
      docName: row.docName,
      keyId: replica.keyId,
      sealed: await sealDocUpdate(replica, row.docName, row.update as Uint8Array),
    })),
  )
  const sealedOutbox = await Promise.all(outbox.map((row) => sealOutboxRow(replica, row)))
  const sealedQuarantine = await Promise.all(quarantine.map((row) => sealQuarantineRow(replica, row)))
  await db.transaction('rw', [db.docUpdates, db.outbox, db.quarantine, db.meta], async () => {
    await db.docUpdates.bulkPut(sealedDocs)
    await db.outbox.bulkPut(sealedOutbox)
    await db.quarantine.bulkPut(sealedQuarantine)
    if (lastAck) {
      await db.meta.put({ key: replicaMetaKey(lastAck.key, replica), value: lastAck.value })
      await db.meta.delete(lastAck.key)
    }
    if (recovery) {
      await db.meta.put({ key: replicaMetaKey(recovery.key, replica), value: recovery.value })
      await db.meta.delete(recovery.key)
    }
  })
  return docs.length + outbox.length + quarantine.length
}
