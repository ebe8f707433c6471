import type { DomainError } from '@secledger/domain'
import { MetaKey, replicaMetaKey } from './meta-store.ts'
import { openOutboxRow, sealOutboxRow } from './outbox-store.ts'
import { type ReplicaKey, replicaKeyOf } from './replica-key.ts'
import { openJson, type RecordIdentity, sealJson } from './sealed-box.ts'
import type { OutboxRow, QuarantineRow, SecLedgerDb, StoredEventRow } from './secledger-db.ts'

/** What the replica learned from one refusal by the server (ERROR 101 with `ref`). */
export interface RefusalRecord {
  readonly unit: string
  readonly error: DomainError
  /** Events known to be the refused ones: they move to the quarantine. */
  readonly refusedIds: readonly string[]
  /** Events refused together with others: kept in the outbox, resent one by one after the rebuild. */
  readonly suspectIds: readonly string[]
  readonly at: number
}

export interface RecoveryMarker {
  readonly code: string
  readonly at: number
}

type SealedQuarantine = Omit<QuarantineRow, 'id' | 'unit'>

function identity(replica: ReplicaKey, id: string): RecordIdentity {
  return ['quarantine', replica.unit, replica.keyId, id]
}

export async function sealQuarantineRow(replica: ReplicaKey, row: QuarantineRow): Promise<StoredEventRow> {
  const { id, unit, ...rest } = row
  const content: SealedQuarantine = rest
  return {
    id,
    unit,
    keyId: replica.keyId,
    sealed: await sealJson(replica.key, identity(replica, id), content),
  }
}

export async function openQuarantineRow(
  replica: ReplicaKey,
  stored: StoredEventRow,
): Promise<QuarantineRow | null> {
  if (!stored.sealed || stored.keyId !== replica.keyId || stored.unit !== replica.unit) return null
  try {
    const content = await openJson<SealedQuarantine>(replica.key, identity(replica, stored.id), stored.sealed)
    if (content.envelope?.id !== stored.id) return null
    return { id: stored.id, unit: stored.unit, ...content }
  } catch {
    return null
  }
}

async function openOutbox(
  db: SecLedgerDb,
  replica: ReplicaKey,
  ids: readonly string[],
): Promise<{ stored: StoredEventRow; row: OutboxRow }[]> {
  const stored = await db.outbox.bulkGet(ids as string[])
  const opened = await Promise.all(
    stored.map(async (s) => (s ? { stored: s, row: await openOutboxRow(replica, s) } : null)),
  )
  return opened.flatMap((o) => (o?.row ? [{ stored: o.stored, row: o.row }] : []))
}

/**
 * ONE strict transaction: refused events leave the outbox for the quarantine, suspects are flagged,
 * and the replica is marked for a rebuild, so a crash right after still recovers on the next start.
 * The rows are opened and sealed before it (IndexedDB commits a transaction that awaits WebCrypto);
 * the caller serialises every outbox change (UnitReplica.runExclusive), so none happens in between,
 * and each row is checked unchanged inside.
 */
export async function recordRefusal(db: SecLedgerDb, record: RefusalRecord): Promise<void> {
  const replica = replicaKeyOf(db, record.unit)
  const refused = await openOutbox(db, replica, record.refusedIds)
  const toQuarantine = await Promise.all(
    refused.map(async ({ stored, row }) => {
      const { suspect: _suspect, ...kept } = row
      return {
        stored,
        sealed: await sealQuarantineRow(replica, { ...kept, error: record.error, refusedAt: record.at }),
      }
    }),
  )
  const suspects = await openOutbox(db, replica, record.suspectIds)
  const flagged = await Promise.all(
    suspects.map(async ({ stored, row }) => ({
      stored,
      sealed: await sealOutboxRow(replica, { ...row, suspect: true }),
    })),
  )
  const marker: RecoveryMarker = { code: record.error.code, at: record.at }
  await db.transaction('rw', db.outbox, db.quarantine, db.meta, async () => {
    for (const { stored, sealed } of toQuarantine) {
      if (!(await sameRow(db, stored))) continue
      await db.quarantine.put(sealed)
      await db.outbox.delete(stored.id)
    }
    for (const { stored, sealed } of flagged) if (await sameRow(db, stored)) await db.outbox.put(sealed)
    await db.meta.put({ key: replicaMetaKey(MetaKey.recovery(record.unit), replica), value: marker })
  })
}

/** The outbox row is still the one that was opened (same nonce: nothing rewrote it meanwhile). */
async function sameRow(db: SecLedgerDb, opened: StoredEventRow): Promise<boolean> {
  const now = await db.outbox.get(opened.id)
  if (!now?.sealed || !opened.sealed || now.keyId !== opened.keyId) return false
  return now.sealed.iv.every((byte, i) => byte === opened.sealed?.iv[i])
}

export async function listQuarantine(db: SecLedgerDb, unit: string): Promise<QuarantineRow[]> {
  const replica = replicaKeyOf(db, unit)
  const stored = await db.quarantine.where('[unit+keyId]').equals([unit, replica.keyId]).toArray()
  const rows = (await Promise.all(stored.map((row) => openQuarantineRow(replica, row)))).filter(
    (row): row is QuarantineRow => row !== null,
  )
  return rows.sort((a, b) => a.refusedAt - b.refusedAt || (a.id < b.id ? -1 : 1))
}

/** A suspect goes out again, alone: it is an ordinary unsent event from now on. */
export async function clearSuspect(db: SecLedgerDb, id: string): Promise<void> {
  const stored = await db.outbox.get(id)
  if (!stored) return
  const replica = replicaKeyOf(db, stored.unit)
  const row = await openOutboxRow(replica, stored)
  if (!row?.suspect) return
  const { suspect: _suspect, ...kept } = row
  const sealed = await sealOutboxRow(replica, kept)
  await db.transaction('rw', db.outbox, async () => {
    if (await sameRow(db, stored)) await db.outbox.put(sealed)
  })
}
