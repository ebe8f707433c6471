import type { DomainError } from '@secledger/domain'
import { MetaKey } from './meta-store.ts'
import type { QuarantineRow, SecLedgerDb } from './secledger-db.ts'

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

/**
 * ONE strict transaction: refused events leave the outbox for the quarantine, suspects are flagged,
 * and the unit is marked for a rebuild, so a crash right after still recovers on the next start.
 */
export async function recordRefusal(db: SecLedgerDb, record: RefusalRecord): Promise<void> {
  await db.transaction('rw', db.outbox, db.quarantine, db.meta, async () => {
    const refused = await db.outbox.bulkGet(record.refusedIds as string[])
    for (const row of refused) {
      if (!row || row.unit !== record.unit) continue
      const { suspect: _suspect, ...kept } = row
      await db.quarantine.put({ ...kept, error: record.error, refusedAt: record.at })
      await db.outbox.delete(row.id)
    }
    const suspects = await db.outbox.bulkGet(record.suspectIds as string[])
    for (const row of suspects)
      if (row && row.unit === record.unit) await db.outbox.put({ ...row, suspect: true })
    const marker: RecoveryMarker = { code: record.error.code, at: record.at }
    await db.meta.put({ key: MetaKey.recovery(record.unit), value: marker })
  })
}

export async function listQuarantine(db: SecLedgerDb, unit: string): Promise<QuarantineRow[]> {
  const rows = await db.quarantine.where('unit').equals(unit).toArray()
  return rows.sort((a, b) => a.refusedAt - b.refusedAt || (a.id < b.id ? -1 : 1))
}

/** A suspect goes out again, alone: it is an ordinary unsent event from now on. */
export async function clearSuspect(db: SecLedgerDb, id: string): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const row = await db.outbox.get(id)
    if (!row?.suspect) return
    const { suspect: _suspect, ...kept } = row
    await db.outbox.put(kept)
  })
}
