import {
  byteaHex,
  byteaParam,
  type DatabaseClient,
  type DatabaseExecutor,
  queryRows,
  units,
  yjsSnapshots,
  yjsUpdates,
} from '@secledger/db'
import type { EventEnvelope } from '@secledger/domain'
import { and, asc, desc, eq, gt, type SQL, sql } from 'drizzle-orm'
import { anomalyUpsert, carrierUpsert, type ProjectionChanges } from '../projection/carrier-projection.ts'
import { jsonRows } from './json-rows.ts'
import { type Slicer, UNSLICED } from './slicer.ts'

/** A stored snapshot: the doc's merged state up to `uptoSeq`, and its MAC (null on legacy rows). */
export interface StoredSnapshot {
  readonly uptoSeq: number
  readonly state: Uint8Array
  readonly stateVector: Uint8Array
  readonly mac: Uint8Array | null
}

/** A stored update row, with what its MAC covers. */
export interface StoredUpdate {
  readonly seq: number
  readonly update: Uint8Array
  readonly createdAt: Date
  readonly userId: string | null
  readonly deviceId: string | null
  readonly mac: Uint8Array | null
}

/**
 * The doc's snapshots that carry a MAC, newest first, without their (large) state: a load tries them
 * in this order and takes the first whose MAC checks. Snapshots without a MAC are never candidates.
 */
export async function snapshotCandidates(db: DatabaseExecutor, docName: string): Promise<number[]> {
  const rows = await db
    .select({ uptoSeq: yjsSnapshots.uptoSeq })
    .from(yjsSnapshots)
    .where(and(eq(yjsSnapshots.doc, docName), sql`${yjsSnapshots.mac} is not null`))
    .orderBy(desc(yjsSnapshots.uptoSeq))
  return rows.map((row) => row.uptoSeq)
}

export async function loadSnapshot(
  db: DatabaseExecutor,
  docName: string,
  uptoSeq: number,
): Promise<StoredSnapshot | null> {
  const [row] = await db
    .select({
      uptoSeq: yjsSnapshots.uptoSeq,
      state: byteaHex(yjsSnapshots.state),
      stateVector: byteaHex(yjsSnapshots.stateVector),
      mac: yjsSnapshots.mac,
    })
    .from(yjsSnapshots)
    .where(and(eq(yjsSnapshots.doc, docName), eq(yjsSnapshots.uptoSeq, uptoSeq)))
  return row ?? null
}

/** The updates appended after `afterSeq`, in order. */
export async function loadUpdates(
  db: DatabaseExecutor,
  docName: string,
  afterSeq: number,
): Promise<StoredUpdate[]> {
  return db
    .select({
      seq: yjsUpdates.seq,
      update: byteaHex(yjsUpdates.update),
      createdAt: yjsUpdates.createdAt,
      userId: yjsUpdates.userId,
      deviceId: yjsUpdates.deviceId,
      mac: yjsUpdates.mac,
    })
    .from(yjsUpdates)
    .where(and(eq(yjsUpdates.doc, docName), gt(yjsUpdates.seq, afterSeq)))
    .orderBy(asc(yjsUpdates.seq))
}

/** One yjs_updates row to append: the update's bytes (or a slice of them) and its MAC. */
export interface UpdateRow {
  readonly update: Uint8Array
  /** storage-mac.ts `updateRowMac` over doc, now, user, device and these bytes. */
  readonly mac: Uint8Array
}

export interface CommitInput {
  readonly docName: string
  readonly unitId: string
  /**
   * The update as stored: one row, or, for a large update, consecutive slices of its new structs
   * (update-codec.ts `encodeStructs`), applied in order on load as the whole would be.
   */
  readonly rows: readonly UpdateRow[]
  readonly userId: string | null
  readonly deviceId: string | null
  readonly events: readonly EventEnvelope[]
  readonly projection: ProjectionChanges
  readonly now: Date
}

// Rows per statement of a large commit, so no statement's parameters exceed a few hundred kB: a
// driver serialises them in one synchronous call (postgres-js: ~0.5 s for a 7 MB update as hex),
// which would stall every other township (issue 10 item 8).
const EVENTS_PER_STATEMENT = 250
const PROJECTION_ROWS_PER_STATEMENT = 250

/** What statement `index` of a commit writes. */
interface StatementPart {
  readonly first: boolean
  readonly row: UpdateRow | undefined
  readonly events: readonly EventEnvelope[]
  readonly carriers: ProjectionChanges['carriers']
  readonly anomalies: ProjectionChanges['anomalies']
}

function planStatements(input: CommitInput): StatementPart[] {
  const { carriers, anomalies } = input.projection
  const count = Math.max(
    1,
    input.rows.length,
    Math.ceil(input.events.length / EVENTS_PER_STATEMENT),
    Math.ceil(carriers.length / PROJECTION_ROWS_PER_STATEMENT),
    Math.ceil(anomalies.length / PROJECTION_ROWS_PER_STATEMENT),
  )
  const slice = <T>(rows: readonly T[], per: number, i: number) => rows.slice(i * per, (i + 1) * per)
  return Array.from({ length: count }, (_, i) => ({
    first: i === 0,
    row: input.rows[i],
    events: slice(input.events, EVENTS_PER_STATEMENT, i),
    carriers: slice(carriers, PROJECTION_ROWS_PER_STATEMENT, i),
    anomalies: slice(anomalies, PROJECTION_ROWS_PER_STATEMENT, i),
  }))
}

/**
 * The events insert of a commit: the rows travel as ONE jsonb parameter, unpacked by
 * jsonb_to_recordset. Drizzle's builder spent ~0.5 ms of blocking JavaScript per row assembling a
 * 10,000-event VALUES list (issue 10 item 8: 4.7 s of a 6 MB upload); a JSON text is built in slices
 * and costs the database the same. Idempotent by id: events are append-only (no DO UPDATE).
 */
function eventsInsert(json: string, now: Date): SQL {
  return sql`insert into events (id, unit_id, type, actor, device, at, payload, sig, received_at)
    select r.id, r.unit, r.type, r.actor, r.device, r.at, r.payload, r.sig, ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${json}::jsonb)
      as r(id text, unit text, type text, actor text, device text, at text, payload jsonb, sig text)
    on conflict do nothing`
}

/**
 * One statement of data-modifying CTEs (each runs exactly once, read or not): appends an update row
 * with its MAC, inserts events, upserts projection rows; the first also sets the unit's last sync
 * time. Returns the appended row's `seq`. Drizzle parenthesises an embedded query: `x as (…)`.
 */
async function statementOf(
  db: DatabaseExecutor,
  input: CommitInput,
  part: StatementPart,
  slicer: Slicer,
): Promise<SQL> {
  const parts: SQL[] = []
  if (part.row !== undefined) {
    parts.push(sql`appended as (insert into ${yjsUpdates} (doc, update, user_id, device_id, created_at, mac)
      values (${input.docName}, ${byteaParam(part.row.update)}, ${input.userId}, ${input.deviceId},
        ${input.now.toISOString()}::timestamptz, ${byteaParam(part.row.mac)})
      returning seq)`)
  }
  if (part.first) {
    parts.push(
      sql`synced as ${db.update(units).set({ lastSyncAt: input.now }).where(eq(units.id, input.unitId))}`,
    )
  }
  if (part.events.length > 0) {
    parts.push(sql`ev as (${eventsInsert(await jsonRows(part.events, slicer), input.now)})`)
  }
  if (part.carriers.length > 0) {
    parts.push(sql`carriers as (${carrierUpsert(await jsonRows(part.carriers, slicer))})`)
  }
  if (part.anomalies.length > 0) {
    parts.push(sql`anomalies as (${anomalyUpsert(await jsonRows(part.anomalies, slicer))})`)
  }
  const result = part.row === undefined ? sql`select null as seq` : sql`select seq from appended`
  return sql`with ${sql.join(parts, sql`, `)} ${result}`
}

async function runStatements(
  db: DatabaseExecutor,
  input: CommitInput,
  plan: readonly StatementPart[],
  slicer: Slicer,
): Promise<number> {
  let seq: number | null = null
  for (const part of plan) {
    const rows = await queryRows<{ seq: number | string | null }>(
      db,
      await statementOf(db, input, part, slicer),
    )
    // int8 comes back as a number from PGlite, as a string from postgres-js.
    const value = rows[0]?.seq
    if (part.row !== undefined) seq = value === null || value === undefined ? null : Number(value)
  }
  if (seq === null || !Number.isSafeInteger(seq)) throw new Error('yjs_updates insert returned no seq')
  return seq
}

/**
 * ONE transaction per accepted update (ARCHITECTURE decision 5): its row(s) appended with their MACs,
 * its events inserted (idempotent by id), the changed projection rows upserted, the unit's last sync
 * time set — all or nothing. An ordinary edit is a single statement: atomic on its own, one round
 * trip, no BEGIN/COMMIT. A large update takes a transaction of bounded statements. Returns the
 * `seq` of its last row; the caller acknowledges only after this resolves.
 */
export async function commitUpdate(
  db: DatabaseClient,
  input: CommitInput,
  slicer: Slicer = UNSLICED,
): Promise<number> {
  if (input.rows.length === 0) throw new Error('a commit appends at least one update row')
  const plan = planStatements(input)
  if (plan.length === 1) return runStatements(db, input, plan, slicer)
  return db.transaction((tx) => runStatements(tx, input, plan, slicer))
}

/** Compaction: the doc's merged state up to `uptoSeq`, so a load replays only later updates. */
export async function writeSnapshot(
  db: DatabaseExecutor,
  input: { docName: string; uptoSeq: number; state: Uint8Array; stateVector: Uint8Array; mac: Uint8Array },
): Promise<void> {
  // Raw for byteaParam: a snapshot is the whole doc (tens of MB for a large township).
  await db.execute(sql`insert into ${yjsSnapshots} (doc, upto_seq, state, state_vector, mac)
    values (${input.docName}, ${input.uptoSeq}, ${byteaParam(input.state)}, ${byteaParam(input.stateVector)},
      ${byteaParam(input.mac)})
    on conflict do nothing`)
}
