import type { EventEnvelope } from '@secledger/domain'
import { MetaKey, replicaMetaKey } from './meta-store.ts'
import { type ReplicaKey, replicaKeyIfOpen, replicaKeyOf } from './replica-key.ts'
import { openJson, type RecordIdentity, sealJson } from './sealed-box.ts'
import type { OutboxRow, SecLedgerDb, StoredEventRow } from './secledger-db.ts'

/** What an outbox row seals: everything but its id and unit. */
type SealedOutbox = Omit<OutboxRow, 'id' | 'unit'>

function identity(replica: ReplicaKey, id: string): RecordIdentity {
  return ['outbox', replica.unit, replica.keyId, id]
}

export async function sealOutboxRow(replica: ReplicaKey, row: OutboxRow): Promise<StoredEventRow> {
  const { id, unit, ...rest } = row
  const content: SealedOutbox = rest
  return {
    id,
    unit,
    keyId: replica.keyId,
    sealed: await sealJson(replica.key, identity(replica, id), content),
  }
}

/** The row's content, or null when it is not this replica's or fails its tag (moved, altered). */
export async function openOutboxRow(replica: ReplicaKey, stored: StoredEventRow): Promise<OutboxRow | null> {
  if (!stored.sealed || stored.keyId !== replica.keyId || stored.unit !== replica.unit) return null
  try {
    const content = await openJson<SealedOutbox>(replica.key, identity(replica, stored.id), stored.sealed)
    if (content.envelope?.id !== stored.id) return null
    return { id: stored.id, unit: stored.unit, ...content }
  } catch {
    return null
  }
}

/**
 * Records a signed event as unsent, and the HLC it used, in ONE strict transaction:
 * once this resolves the event survives a crash even if the doc update is not yet stored.
 */
export async function addToOutbox(db: SecLedgerDb, envelope: EventEnvelope, nowMs: number): Promise<void> {
  const replica = replicaKeyOf(db, envelope.unit)
  // Sealed before the transaction: IndexedDB commits a transaction that awaits anything but itself.
  const row = await sealOutboxRow(replica, {
    id: envelope.id,
    unit: envelope.unit,
    envelope,
    createdAt: nowMs,
  })
  await db.transaction('rw', db.outbox, db.meta, async () => {
    await db.outbox.add(row)
    await db.meta.put({ key: MetaKey.LastHlc, value: envelope.at })
  })
}

/**
 * Removes acknowledged events and records when the server last acknowledged this replica's data. An
 * ACK arriving just after a logout still removes its events (ids are hashes; the server holds them).
 */
export async function acknowledgeOutbox(
  db: SecLedgerDb,
  unit: string,
  ids: readonly string[],
  nowMs: number,
): Promise<void> {
  const replica = replicaKeyIfOpen(db, unit)
  await db.transaction('rw', db.outbox, db.meta, async () => {
    if (ids.length > 0) await db.outbox.bulkDelete(ids as string[])
    if (replica) await db.meta.put({ key: replicaMetaKey(MetaKey.lastAck(unit), replica), value: nowMs })
  })
}

/**
 * The unsent events of this replica. Rows sealed under another member's key stay where they are, for
 * that member's next login; a row that fails its tag is left and skipped, never silently deleted.
 */
export async function listOutbox(db: SecLedgerDb, unit: string): Promise<OutboxRow[]> {
  const replica = replicaKeyOf(db, unit)
  const stored = await db.outbox.where('[unit+keyId]').equals([unit, replica.keyId]).toArray()
  const rows = (await Promise.all(stored.map((row) => openOutboxRow(replica, row)))).filter(
    (row): row is OutboxRow => row !== null,
  )
  if (rows.length < stored.length)
    console.warn(`[db] ${stored.length - rows.length} outbox rows of ${unit} do not decrypt; skipped`)
  return rows
}
