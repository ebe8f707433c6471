import * as Y from 'yjs'
import { replaceDocUpdates } from '../db/doc-updates.ts'
import { listOutbox } from '../db/outbox-store.ts'
import type { OutboxRow, SecLedgerDb } from '../db/secledger-db.ts'
import { EVENTS_MAP, LOCAL_WRITE } from './replica-doc.ts'

export interface RebuildResult {
  /** Outbox rows still unsent after the rebuild (suspects included). */
  readonly outbox: readonly OutboxRow[]
  /** Outbox events the server turned out to hold already: they are synced. */
  readonly synced: readonly string[]
}

/**
 * Rebuilds a unit's replica after a refusal. The server refuses every later update of a Yjs client id
 * once one was refused (they depend on the refused structs), so the old doc can never sync again.
 * `fresh` holds exactly the server's state and has never written anything (a new client id); the
 * unsent events are added to it as new entries — suspects excepted, they go out one by one later —
 * and in ONE strict transaction it replaces every stored update of the doc, the outbox forgets what
 * the server already holds and the recovery mark is cleared (db/doc-updates.ts replaceDocUpdates).
 * Quarantined events stay where they are.
 */
export async function rebuildFromServer(
  db: SecLedgerDb,
  unit: string,
  docName: string,
  fresh: Y.Doc,
): Promise<RebuildResult> {
  const events = fresh.getMap(EVENTS_MAP)
  // Read, then written in one transaction by replaceDocUpdates (sealing cannot run inside one); the
  // caller runs this exclusively (UnitReplica.runExclusive), so the outbox cannot change in between.
  const rows = await listOutbox(db, unit)
  const synced = rows.filter((row) => events.has(row.id)).map((row) => row.id)
  const outbox = rows.filter((row) => !events.has(row.id))
  const readd = outbox.filter((row) => !row.suspect).sort((a, b) => a.createdAt - b.createdAt)
  if (readd.length > 0)
    fresh.transact(() => {
      for (const row of readd) events.set(row.id, row.envelope)
    }, LOCAL_WRITE)
  await replaceDocUpdates(db, unit, docName, Y.encodeStateAsUpdate(fresh), synced)
  return { outbox, synced }
}
