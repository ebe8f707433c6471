import {
  type DatabaseClient,
  type DatabaseExecutor,
  events,
  type NewAnomalyProjectionRow,
  type NewCarrierProjectionRow,
  type NewEventRow,
  queryRows,
  units,
  yjsSnapshots,
  yjsUpdates,
} from '@secledger/db'
import type { EventEnvelope } from '@secledger/domain'
import { and, asc, desc, eq, gt, type SQL, sql } from 'drizzle-orm'
import { anomalyUpsert, carrierUpsert, type ProjectionChanges } from '../projection/carrier-projection.ts'

/** What a doc is rebuilt from: its latest snapshot plus the updates appended after it. */
export interface StoredDoc {
  readonly snapshot: { readonly uptoSeq: number; readonly state: Uint8Array } | null
  readonly updates: readonly { readonly seq: number; readonly update: Uint8Array }[]
}

export async function loadStoredDoc(db: DatabaseExecutor, docName: string): Promise<StoredDoc> {
  const [snapshot] = await db
    .select({ uptoSeq: yjsSnapshots.uptoSeq, state: yjsSnapshots.state })
    .from(yjsSnapshots)
    .where(eq(yjsSnapshots.doc, docName))
    .orderBy(desc(yjsSnapshots.uptoSeq))
    .limit(1)
  const after = snapshot?.uptoSeq ?? 0
  const updates = await db
    .select({ seq: yjsUpdates.seq, update: yjsUpdates.update })
    .from(yjsUpdates)
    .where(and(eq(yjsUpdates.doc, docName), gt(yjsUpdates.seq, after)))
    .orderBy(asc(yjsUpdates.seq))
  return { snapshot: snapshot ?? null, updates }
}

export interface CommitInput {
  readonly docName: string
  readonly unitId: string
  readonly update: Uint8Array
  readonly userId: string | null
  readonly deviceId: string | null
  readonly events: readonly EventEnvelope[]
  readonly projection: ProjectionChanges
  readonly now: Date
}

// Bind parameters per statement: PostgreSQL allows 65,535; stay well below. Cost = columns per row.
const PARAMS_PER_STATEMENT = 30_000
const EVENT_PARAMS = 9
const CARRIER_PARAMS = 13
const ANOMALY_PARAMS = 6

/** The rows one statement writes. */
interface RowChunk {
  events: NewEventRow[]
  carriers: NewCarrierProjectionRow[]
  anomalies: NewAnomalyProjectionRow[]
}

/** Splits the rows into as few statements as the parameter limit allows (one for any ordinary edit). */
function chunkRows(input: CommitInput): RowChunk[] {
  const chunks: RowChunk[] = []
  let chunk: RowChunk = { events: [], carriers: [], anomalies: [] }
  let used = 0
  function add<K extends keyof RowChunk>(kind: K, row: RowChunk[K][number], cost: number): void {
    if (used + cost > PARAMS_PER_STATEMENT && used > 0) {
      chunks.push(chunk)
      chunk = { events: [], carriers: [], anomalies: [] }
      used = 0
    }
    ;(chunk[kind] as RowChunk[K][number][]).push(row)
    used += cost
  }
  for (const event of input.events) {
    add(
      'events',
      {
        id: event.id,
        unitId: event.unit,
        type: event.type,
        actor: event.actor,
        device: event.device,
        at: event.at,
        payload: event.payload,
        sig: event.sig,
        receivedAt: input.now,
      },
      EVENT_PARAMS,
    )
  }
  for (const row of input.projection.carriers) add('carriers', row, CARRIER_PARAMS)
  for (const row of input.projection.anomalies) add('anomalies', row, ANOMALY_PARAMS)
  chunks.push(chunk)
  return chunks
}

/**
 * One statement writing a chunk of rows through data-modifying CTEs (each runs exactly once, whether read
 * or not); the first chunk also appends the update and sets the unit's last sync time, and returns the
 * update's `seq`. Drizzle parenthesises an embedded query, so `x as ${query}` is `x as (…)`.
 */
function commitStatement(db: DatabaseExecutor, input: CommitInput, chunk: RowChunk, first: boolean): SQL {
  const parts: SQL[] = []
  if (first) {
    const append = db
      .insert(yjsUpdates)
      .values({
        doc: input.docName,
        update: input.update,
        userId: input.userId,
        deviceId: input.deviceId,
        createdAt: input.now,
      })
      .returning({ seq: yjsUpdates.seq })
    parts.push(sql`appended as ${append}`)
    parts.push(
      sql`synced as ${db.update(units).set({ lastSyncAt: input.now }).where(eq(units.id, input.unitId))}`,
    )
  }
  // Idempotent by id: a resent event is already there (events are append-only: no DO UPDATE).
  if (chunk.events.length > 0)
    parts.push(sql`ev as ${db.insert(events).values(chunk.events).onConflictDoNothing()}`)
  if (chunk.carriers.length > 0) parts.push(sql`carriers as ${carrierUpsert(db, chunk.carriers)}`)
  if (chunk.anomalies.length > 0) parts.push(sql`anomalies as ${anomalyUpsert(db, chunk.anomalies)}`)
  return sql`with ${sql.join(parts, sql`, `)} select ${first ? sql`seq from appended` : sql`1`}`
}

async function runCommit(
  db: DatabaseExecutor,
  input: CommitInput,
  chunks: readonly RowChunk[],
): Promise<number> {
  let seq: number | null = null
  for (const [i, chunk] of chunks.entries()) {
    const rows = await queryRows<{ seq: number | string }>(db, commitStatement(db, input, chunk, i === 0))
    // int8 comes back as a number from PGlite, as a string from postgres-js.
    if (i === 0) seq = rows[0] === undefined ? null : Number(rows[0].seq)
  }
  if (seq === null || !Number.isSafeInteger(seq)) throw new Error('yjs_updates insert returned no seq')
  return seq
}

/**
 * ONE transaction per accepted update (ARCHITECTURE decision 5): the raw update appended, its events
 * inserted (idempotent by id), the changed projection rows upserted, the unit's last sync time set.
 * An ordinary edit is a single statement — atomic on its own, one round trip, no BEGIN/COMMIT; only an
 * update too large for one statement (thousands of events) takes an explicit transaction.
 * Returns the update's sequence number; the caller acknowledges only after this resolves.
 */
export async function commitUpdate(db: DatabaseClient, input: CommitInput): Promise<number> {
  const chunks = chunkRows(input)
  if (chunks.length === 1) return runCommit(db, input, chunks)
  return db.transaction((tx) => runCommit(tx, input, chunks))
}

/** Compaction: the doc's merged state up to `uptoSeq`, so a load replays only later updates. */
export async function writeSnapshot(
  db: DatabaseExecutor,
  input: { docName: string; uptoSeq: number; state: Uint8Array; stateVector: Uint8Array },
): Promise<void> {
  await db
    .insert(yjsSnapshots)
    .values({
      doc: input.docName,
      uptoSeq: input.uptoSeq,
      state: input.state,
      stateVector: input.stateVector,
    })
    .onConflictDoNothing()
}
