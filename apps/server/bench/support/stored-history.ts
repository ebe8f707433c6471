import { type Database, queryRows } from '@secledger/db'
import { type EventEnvelope, hlcWallMs } from '@secledger/domain'
import { sql } from 'drizzle-orm'
import * as Y from 'yjs'
import { writeSnapshot } from '../../src/sync/persistence.ts'
import { PROCESS_STORAGE_KEY } from '../../src/sync/storage-key.ts'
import { snapshotMac } from '../../src/sync/storage-mac.ts'
import { registerDocName } from '../../src/sync/unit-doc.ts'
import { EVENTS_MAP } from '../../src/sync/update-guard.ts'

const DAY_MS = 86_400_000

export interface HistoryDoc {
  /** The doc's full state (a Yjs update) and its state vector. */
  readonly state: Uint8Array
  readonly stateVector: Uint8Array
  /** Yjs client ids in the state vector: one per app session that wrote. */
  readonly sessions: number
}

/**
 * A register doc as devices would have built it: each working day's events written by one app session
 * (its own Yjs client id), so the state vector has one entry per session, as in the field.
 */
export function buildHistoryDoc(events: readonly EventEnvelope[]): HistoryDoc {
  const doc = new Y.Doc({ gc: false })
  const byDay = new Map<number, EventEnvelope[]>()
  for (const event of events) {
    const day = Math.floor(hlcWallMs(event.at) / DAY_MS)
    const list = byDay.get(day)
    if (list) list.push(event)
    else byDay.set(day, [event])
  }
  for (const dayEvents of byDay.values()) {
    const session = new Y.Doc()
    const map = session.getMap(EVENTS_MAP)
    session.transact(() => {
      for (const event of dayEvents) map.set(event.id, { ...event })
    })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(session))
  }
  return { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc), sessions: byDay.size }
}

/**
 * Stores a history the way the server holds a long-lived register: compacted into one snapshot (the
 * server snapshots every 500 updates). Only the sync tables: the events and projection rows of the
 * history are not needed to serve it. Signed with the process's storage key, which the benchmarks'
 * servers use (they are given none), so a load trusts it as one the server wrote.
 */
export async function storeHistory(database: Database, unitId: string, history: HistoryDoc): Promise<void> {
  const [row] = await queryRows<{ seq: number | string | null }>(
    database.db,
    sql`select max(seq) as seq from yjs_updates`,
  )
  const snapshot = {
    doc: registerDocName(unitId),
    uptoSeq: Number(row?.seq ?? 0),
    state: history.state,
    stateVector: history.stateVector,
  }
  const mac = await snapshotMac(PROCESS_STORAGE_KEY, snapshot)
  await writeSnapshot(database.db, { ...snapshot, docName: snapshot.doc, mac })
}
