import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import {
  APPEND_ONLY_VIOLATION,
  createDatabase,
  type Database,
  events,
  queryRows,
  securityEvents,
  units,
  yjsSnapshots,
  yjsUpdates,
} from '../src/index.ts'
import { openTestDatabases, type TestDatabase } from '../src/testing.ts'
import { allBytes, expectBytes, expectSqlState, seedUnitAndUser } from './fixtures.ts'

const journal = JSON.parse(
  readFileSync(new URL('../drizzle/meta/_journal.json', import.meta.url), 'utf8'),
) as {
  entries: { tag: string }[]
}
const TABLES = [
  'anomaly_projection',
  'carrier_projection',
  'events',
  'login_attempts',
  'security_events',
  'sessions',
  'units',
  'users',
  'yjs_snapshots',
  'yjs_updates',
]

const databases = await openTestDatabases()

async function appendOneOfEach(
  db: Database['db'],
  suffix: string,
): Promise<{ seq: number; eventId: string }> {
  const { unitId, userId } = await seedUnitAndUser(db, suffix)
  const [row] = await db
    .insert(yjsUpdates)
    .values({ doc: `${unitId}:register`, update: allBytes() })
    .returning({ seq: yjsUpdates.seq })
  const eventId = `ev-${suffix}`
  await db.insert(events).values({
    id: eventId,
    unitId,
    type: 'carrier.handed_out',
    actor: userId,
    device: 'dev-1',
    at: '0001795432174471:0000:dev-1',
    payload: { carrierId: 'copy-1', reader: '李四' },
    sig: 'b'.repeat(128),
  })
  if (row === undefined) throw new Error('insert returned no seq')
  return { seq: row.seq, eventId }
}

describe.each(databases)('database on $name', (database: TestDatabase) => {
  const { db } = database
  afterAll(() => database.close())

  it('applies every committed migration and creates every table', async () => {
    const applied = await queryRows<{ n: unknown }>(
      db,
      sql`select count(*) as n from drizzle.__drizzle_migrations`,
    )
    expect(Number(applied[0]?.n)).toBe(journal.entries.length)
    const tables = await queryRows<{ table_name: string }>(
      db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    )
    expect(tables.map((t) => t.table_name)).toEqual(TABLES)
  })

  it('creates the indexes the sync and the county dashboard read by', async () => {
    const rows = await queryRows<{ indexname: string; indexdef: string }>(
      db,
      sql`select indexname, indexdef from pg_indexes where schemaname = 'public'`,
    )
    const names = rows.map((r) => r.indexname)
    for (const name of [
      'yjs_updates_doc_seq_idx',
      'events_unit_id_at_idx',
      'carrier_projection_unit_id_state_idx',
      'carrier_projection_unit_id_level_idx',
      'carrier_projection_unit_id_due_at_idx',
      'anomaly_projection_open_idx',
    ]) {
      expect(names).toContain(name)
    }
    const open = rows.find((r) => r.indexname === 'anomaly_projection_open_idx')
    expect(open?.indexdef).toMatch(/WHERE \(?resolved_at IS NULL\)?/i)
  })

  it('S-04 carrier_projection and anomaly_projection hold no title, scope, reader or free text', async () => {
    const columns = await queryRows<{ table_name: string; column_name: string }>(
      db,
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' and table_name in ('carrier_projection', 'anomaly_projection')
          order by table_name, ordinal_position`,
    )
    const of = (table: string) => columns.filter((c) => c.table_name === table).map((c) => c.column_name)
    expect(of('carrier_projection')).toEqual([
      'id',
      'unit_id',
      'serial',
      'doc_number',
      'copy_number',
      'level',
      'period_years',
      'state',
      'kind',
      'received_on',
      'registered_at',
      'due_at',
      'updated_at',
    ])
    expect(of('anomaly_projection')).toEqual([
      'id',
      'unit_id',
      'kind',
      'carrier_id',
      'opened_at',
      'resolved_at',
    ])
  })

  it('keeps yjs_updates append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const { seq } = await appendOneOfEach(db, 'ao1')
    await expectSqlState(
      db
        .update(yjsUpdates)
        .set({ update: new Uint8Array([9]) })
        .where(eq(yjsUpdates.seq, seq)),
      APPEND_ONLY_VIOLATION,
    )
    await expectSqlState(db.delete(yjsUpdates).where(eq(yjsUpdates.seq, seq)), APPEND_ONLY_VIOLATION)
    await expectSqlState(db.execute(sql`truncate ${yjsUpdates}`), APPEND_ONLY_VIOLATION)
    const [row] = await db.select().from(yjsUpdates).where(eq(yjsUpdates.seq, seq))
    expectBytes(row?.update ?? new Uint8Array(0), allBytes())
  })

  it('keeps events append-only: UPDATE, DELETE, TRUNCATE and upsert-overwrite are refused', async () => {
    const { eventId } = await appendOneOfEach(db, 'ao2')
    await expectSqlState(
      db.update(events).set({ sig: 'forged' }).where(eq(events.id, eventId)),
      APPEND_ONLY_VIOLATION,
    )
    await expectSqlState(db.delete(events).where(eq(events.id, eventId)), APPEND_ONLY_VIOLATION)
    await expectSqlState(db.execute(sql`truncate ${events} cascade`), APPEND_ONLY_VIOLATION)
    const [stored] = await db.select().from(events).where(eq(events.id, eventId))
    if (stored === undefined) throw new Error('event missing')
    await expectSqlState(
      db
        .insert(events)
        .values({ ...stored, sig: 'forged' })
        .onConflictDoUpdate({ target: events.id, set: { sig: 'forged' } }),
      APPEND_ONLY_VIOLATION,
    )
    const [after] = await db.select().from(events).where(eq(events.id, eventId))
    expect(after).toEqual(stored)
  })

  it('issue 10 item 7: keeps security_events append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const [row] = await db
      .insert(securityEvents)
      .values({ kind: 'sync_bad_event', code: 'SYNC-BAD-EVENT', detail: { eventId: 'e1' } })
      .returning()
    if (row === undefined) throw new Error('insert returned no row')
    await expectSqlState(
      db.update(securityEvents).set({ kind: 'nothing' }).where(eq(securityEvents.id, row.id)),
      APPEND_ONLY_VIOLATION,
    )
    await expectSqlState(
      db.delete(securityEvents).where(eq(securityEvents.id, row.id)),
      APPEND_ONLY_VIOLATION,
    )
    await expectSqlState(db.execute(sql`delete from security_events`), APPEND_ONLY_VIOLATION)
    await expectSqlState(db.execute(sql`truncate ${securityEvents}`), APPEND_ONLY_VIOLATION)
    expect(await db.select().from(securityEvents).where(eq(securityEvents.id, row.id))).toEqual([row])
  })

  it('issue 10 item 7: keeps yjs_snapshots insert-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const snapshot = {
      doc: 'town-snap:register',
      uptoSeq: 7,
      state: allBytes(),
      stateVector: new Uint8Array([1, 2]),
      mac: new Uint8Array(32).fill(7),
    }
    await db.insert(yjsSnapshots).values(snapshot)
    await expectSqlState(
      db
        .update(yjsSnapshots)
        .set({ state: new Uint8Array([0]) })
        .where(eq(yjsSnapshots.doc, snapshot.doc)),
      APPEND_ONLY_VIOLATION,
    )
    await expectSqlState(
      db.delete(yjsSnapshots).where(eq(yjsSnapshots.doc, snapshot.doc)),
      APPEND_ONLY_VIOLATION,
    )
    await expectSqlState(db.execute(sql`truncate ${yjsSnapshots}`), APPEND_ONLY_VIOLATION)
    // A second snapshot of the doc is still an ordinary insert (compaction).
    await db
      .insert(yjsSnapshots)
      .values({ ...snapshot, uptoSeq: 9 })
      .onConflictDoNothing()
    const rows = await db.select().from(yjsSnapshots).where(eq(yjsSnapshots.doc, snapshot.doc))
    expect(rows.map((row) => row.uptoSeq).sort()).toEqual([7, 9])
    expectBytes(rows[0]?.state ?? new Uint8Array(0), allBytes())
    expectBytes(rows[0]?.mac ?? new Uint8Array(0), snapshot.mac)
  })

  it('rolls back everything when the transaction callback throws', async () => {
    await expect(
      db.transaction(async (tx) => {
        await appendOneOfEach(tx, 'rb1')
        await tx.update(units).set({ lastSyncAt: new Date() }).where(eq(units.id, 'town-rb1'))
        throw new Error('persist failed')
      }),
    ).rejects.toThrow('persist failed')
    await expect(
      db.transaction(async (tx) => {
        await appendOneOfEach(tx, 'rb2')
        tx.rollback()
      }),
    ).rejects.toThrow()
    expect(await db.select().from(units).where(sql`${units.id} like '%-rb%'`)).toEqual([])
    expect(await db.select().from(yjsUpdates).where(sql`${yjsUpdates.doc} like 'town-rb%'`)).toEqual([])
    expect(await db.select().from(events).where(sql`${events.id} like 'ev-rb%'`)).toEqual([])
  })

  it('commits a transaction and returns its value', async () => {
    const seq = await db.transaction(async (tx) => (await appendOneOfEach(tx, 'tx1')).seq)
    const [row] = await db.select({ doc: yjsUpdates.doc }).from(yjsUpdates).where(eq(yjsUpdates.seq, seq))
    expect(row?.doc).toBe('town-tx1:register')
  })

  it('keeps committed data when reopened, and re-running the migrations changes nothing', async () => {
    const reopen = await reopener(database)
    try {
      const first = await reopen()
      await appendOneOfEach(first.db, 'ro1')
      await first.close()
      const second = await reopen()
      try {
        const [unit] = await second.db.select().from(units).where(eq(units.id, 'town-ro1'))
        expect(unit?.name).toBe('城关镇')
        const [update] = await second.db
          .select()
          .from(yjsUpdates)
          .where(eq(yjsUpdates.doc, 'town-ro1:register'))
        expectBytes(update?.update ?? new Uint8Array(0), allBytes())
        const applied = await queryRows<{ n: unknown }>(
          second.db,
          sql`select count(*) as n from drizzle.__drizzle_migrations`,
        )
        expect(Number(applied[0]?.n)).toBe(journal.entries.length)
      } finally {
        await second.close()
      }
    } finally {
      reopen.cleanup()
    }
  })
})

/**
 * Opens the same stored database again: PGlite through a file-backed data dir under the OS temp
 * dir (the in-memory one cannot be reopened), PostgreSQL through a second pool on the test database.
 */
async function reopener(database: TestDatabase): Promise<(() => Promise<Database>) & { cleanup(): void }> {
  if (database.kind === 'postgres') {
    const url = database.url
    if (url === undefined) throw new Error('postgres test database without url')
    return Object.assign(() => createDatabase({ url }), { cleanup() {} })
  }
  const root = mkdtempSync(join(tmpdir(), 'secledger-db-'))
  // A nested folder that does not exist yet: createDatabase must create it.
  const dataDir = join(root, 'data', 'pglite')
  return Object.assign(() => createDatabase({ dataDir }), {
    cleanup() {
      rmSync(root, { recursive: true, force: true })
    },
  })
}
