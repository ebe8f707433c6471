import type { EventEnvelope } from '@secledger/domain'
import { MetaKey } from './meta-store.ts'
import type { OutboxRow, SecLedgerDb } from './secledger-db.ts'

/**
 * Records a signed event as unsent, and the HLC it used, in ONE strict transaction:
 * once this resolves the event survives a crash even if the doc update is not yet stored.
 */
export async function addToOutbox(db: SecLedgerDb, envelope: EventEnvelope, nowMs: number): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    await db.outbox.add({ id: envelope.id, unit: envelope.unit, envelope, createdAt: nowMs })
    await db.meta.put({ key: MetaKey.LastHlc, value: envelope.at })
  })
}

/** Removes acknowledged events and records when the server last acknowledged this unit's data. */
export async function acknowledgeOutbox(
  db: SecLedgerDb,
  unit: string,
  ids: readonly string[],
  nowMs: number,
): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    if (ids.length > 0) await db.outbox.bulkDelete(ids as string[])
    await db.meta.put({ key: MetaKey.lastAck(unit), value: nowMs })
  })
}

export async function listOutbox(db: SecLedgerDb, unit: string): Promise<OutboxRow[]> {
  return db.outbox.where('unit').equals(unit).toArray()
}
