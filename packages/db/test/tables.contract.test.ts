import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import {
  anomalyProjection,
  byteaHex,
  byteaParam,
  carrierProjection,
  events,
  loginAttempts,
  queryRows,
  securityEvents,
  sessions,
  toUint8Array,
  units,
  users,
  yjsSnapshots,
  yjsUpdates,
} from '../src/index.ts'
import { openTestDatabases } from '../src/testing.ts'
import { allBytes, expectBytes, expectSqlState, seedUnitAndUser } from './fixtures.ts'

const databases = await openTestDatabases()

describe.each(databases)('tables on $name', (database) => {
  const { db } = database
  afterAll(() => database.close())

  it('round-trips units with parent and last_sync_at, and users with roles and wrapped_key', async () => {
    const { unitId, userId } = await seedUnitAndUser(db, 'u1')
    const syncedAt = new Date('2026-03-02T09:15:30.123Z')
    await db.update(units).set({ lastSyncAt: syncedAt }).where(eq(units.id, unitId))

    const [unit] = await db.select().from(units).where(eq(units.id, unitId))
    expect(unit).toEqual({
      id: unitId,
      parentId: 'county-u1',
      kind: 'township',
      name: '城关镇',
      lastSyncAt: syncedAt,
    })
    const [county] = await db.select().from(units).where(eq(units.id, 'county-u1'))
    expect(county?.parentId).toBeNull()
    expect(county?.lastSyncAt).toBeNull()

    const [user] = await db.select().from(users).where(eq(users.id, userId))
    expect(user?.roles).toEqual(['officer'])
    expect(user?.wrappedKey).toEqual({ v: 1, kdf: 'argon2id', salt: '00', nonce: '11', ciphertext: '22' })
    expect(user?.createdAt).toBeInstanceOf(Date)
    const typed = await queryRows<{ t: string }>(db, sql`select jsonb_typeof(wrapped_key) as t from users`)
    expect(typed).toEqual([{ t: 'object' }])
  })

  it('refuses a unit kind other than county or township', async () => {
    await expectSqlState(
      db.insert(units).values({ id: 'x-1', kind: 'province' as 'county', name: '省' }),
      '23514',
    )
  })

  it('round-trips sessions and upserts login_attempts per account and device', async () => {
    const { userId } = await seedUnitAndUser(db, 'u2')
    const expiresAt = new Date('2026-12-01T00:00:00.000Z')
    await db.insert(sessions).values({ id: 'f'.repeat(64), userId, deviceId: 'dev-1', expiresAt })
    const [session] = await db.select().from(sessions).where(eq(sessions.userId, userId))
    expect(session).toMatchObject({ id: 'f'.repeat(64), deviceId: 'dev-1', expiresAt })

    const fail = () =>
      db
        .insert(loginAttempts)
        .values({ account: userId, deviceId: 'dev-1', failedCount: 1 })
        .onConflictDoUpdate({
          target: [loginAttempts.account, loginAttempts.deviceId],
          set: { failedCount: sql`${loginAttempts.failedCount} + 1` },
        })
    await fail()
    await fail()
    await db.insert(loginAttempts).values({ account: userId, deviceId: 'dev-2', failedCount: 1 })
    const lockedUntil = new Date('2026-12-01T00:15:00.000Z')
    await db
      .update(loginAttempts)
      .set({ lockedUntil })
      .where(and(eq(loginAttempts.account, userId), eq(loginAttempts.deviceId, 'dev-1')))
    const rows = await db
      .select()
      .from(loginAttempts)
      .where(eq(loginAttempts.account, userId))
      .orderBy(asc(loginAttempts.deviceId))
    expect(rows).toEqual([
      { account: userId, deviceId: 'dev-1', failedCount: 2, lockedUntil },
      { account: userId, deviceId: 'dev-2', failedCount: 1, lockedUntil: null },
    ])
  })

  it('round-trips security_events with a numeric bigserial id and jsonb detail', async () => {
    const inserted = await db
      .insert(securityEvents)
      .values([
        { kind: 'sync', code: 'SYNC-IMMUTABLE', unitId: 'town-9', userId: 'nobody', detail: { ref: 3 } },
        { kind: 'auth', code: 'AUTH-FAILED' },
      ])
      .returning()
    expect(inserted).toHaveLength(2)
    const [first, second] = inserted
    expect(typeof first?.id).toBe('number')
    expect(second?.id).toBeGreaterThan(first?.id ?? Number.POSITIVE_INFINITY)
    expect(first).toMatchObject({ unitId: 'town-9', userId: 'nobody', deviceId: null, detail: { ref: 3 } })
    expect(second?.detail).toEqual({})
  })

  it('round-trips yjs_updates bytes exactly, as plain Uint8Array, and seq increases', async () => {
    const bytes = allBytes()
    const view = bytes.subarray(100, 110)
    const inserted = await db
      .insert(yjsUpdates)
      .values([
        { doc: 'town-y:register', update: bytes, userId: 'officer-y', deviceId: 'dev-y' },
        { doc: 'town-y:register', update: view },
        { doc: 'town-y:register', update: new Uint8Array(0) },
      ])
      .returning({ seq: yjsUpdates.seq })
    const [later] = await db
      .insert(yjsUpdates)
      .values({ doc: 'town-y:register', update: new Uint8Array([0]) })
      .returning({ seq: yjsUpdates.seq })
    const seqs = [...inserted, ...(later ? [later] : [])].map((row) => row.seq)
    expect(seqs).toHaveLength(4)
    for (const seq of seqs) expect(typeof seq).toBe('number')
    for (let i = 1; i < seqs.length; i++)
      expect(seqs[i]).toBeGreaterThan(seqs[i - 1] ?? Number.POSITIVE_INFINITY)

    const rows = await db
      .select()
      .from(yjsUpdates)
      .where(eq(yjsUpdates.doc, 'town-y:register'))
      .orderBy(yjsUpdates.seq)
    expect(rows.map((row) => row.seq)).toEqual(seqs)
    expectBytes(rows[0]?.update ?? new Uint8Array(1), bytes)
    expectBytes(rows[1]?.update ?? new Uint8Array(1), view)
    expectBytes(rows[2]?.update ?? new Uint8Array(1), new Uint8Array(0))
    expectBytes(rows[3]?.update ?? new Uint8Array(0), new Uint8Array([0]))
    expect(rows[0]).toMatchObject({ userId: 'officer-y', deviceId: 'dev-y' })
    expect(rows[1]).toMatchObject({ userId: null, deviceId: null })

    const raw = await queryRows<{ update: unknown; len: unknown }>(
      db,
      sql`select ${yjsUpdates.update}, octet_length(${yjsUpdates.update}) as len from ${yjsUpdates} where ${yjsUpdates.seq} = ${seqs[0]}`,
    )
    expect(Number(raw[0]?.len)).toBe(512)
    expectBytes(toUint8Array(raw[0]?.update), bytes)
  })

  it('issue 10 item 8: round-trips bytes exactly through byteaParam (hex text) and byteaHex', async () => {
    const bytes = allBytes()
    const [row] = await queryRows<{ seq: number | string }>(
      db,
      sql`insert into ${yjsUpdates} (doc, update) values ('town-h:register', ${byteaParam(bytes)}) returning seq`,
    )
    const [read] = await db
      .select({ update: byteaHex(yjsUpdates.update), plain: yjsUpdates.update })
      .from(yjsUpdates)
      .where(eq(yjsUpdates.seq, Number(row?.seq)))
    expectBytes(read?.update ?? new Uint8Array(1), bytes)
    expectBytes(read?.plain ?? new Uint8Array(1), bytes)
    const [empty] = await queryRows<{ n: number | string }>(
      db,
      sql`select octet_length(${byteaParam(new Uint8Array(0))}) as n`,
    )
    expect(Number(empty?.n)).toBe(0)
  })

  it('round-trips yjs_snapshots keyed by doc and upto_seq', async () => {
    const state = allBytes().reverse()
    const stateVector = new Uint8Array([1, 200, 3, 0, 255])
    await db.insert(yjsSnapshots).values({ doc: 'town-s:register', uptoSeq: 2 ** 40, state, stateVector })
    await expectSqlState(
      db.insert(yjsSnapshots).values({ doc: 'town-s:register', uptoSeq: 2 ** 40, state, stateVector }),
      '23505',
    )
    const [snapshot] = await db.select().from(yjsSnapshots).where(eq(yjsSnapshots.doc, 'town-s:register'))
    expect(snapshot?.uptoSeq).toBe(2 ** 40)
    expectBytes(snapshot?.state ?? new Uint8Array(1), state)
    expectBytes(snapshot?.stateVector ?? new Uint8Array(1), stateVector)
    // Bytes also work as a query parameter.
    const byVector = await db.select().from(yjsSnapshots).where(eq(yjsSnapshots.stateVector, stateVector))
    expect(byVector).toHaveLength(1)
  })

  it('round-trips events with a jsonb payload object and an HLC text `at`', async () => {
    const { unitId, userId } = await seedUnitAndUser(db, 'e1')
    const payload = { kind: 'paper', title: '关于做好保密工作的通知', copies: [{ id: 'c1', copyNumber: 3 }] }
    const row = {
      id: 'e'.repeat(64),
      unitId,
      type: 'carrier.registered',
      actor: userId,
      device: 'dev-1',
      at: '0001795432174471:0000:dev-1',
      payload,
      sig: 'a'.repeat(128),
    }
    await db.insert(events).values(row)
    // Idempotent re-insert of the same event: nothing happens.
    const again = await db.insert(events).values(row).onConflictDoNothing().returning({ id: events.id })
    expect(again).toEqual([])
    const stored = await db.select().from(events).where(eq(events.unitId, unitId)).orderBy(events.at)
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject(row)
    expect(stored[0]?.receivedAt).toBeInstanceOf(Date)
    const typed = await queryRows<{ t: string }>(db, sql`select jsonb_typeof(payload) as t from events`)
    expect(typed).toEqual([{ t: 'object' }])
  })

  it('upserts carrier_projection rows by id (received_on as YYYY-MM-DD text)', async () => {
    const { unitId } = await seedUnitAndUser(db, 'c1')
    const registeredAt = new Date('2026-03-02T01:00:00.000Z')
    const base = {
      id: 'copy-1',
      unitId,
      serial: '2026-0007',
      docNumber: '县保发〔2026〕3号',
      copyNumber: 3,
      level: 'secret',
      periodYears: 10,
      state: 'in_custody',
      kind: 'paper',
      receivedOn: '2026-03-02',
      registeredAt,
      dueAt: null,
      updatedAt: registeredAt,
    }
    const upsert = (row: typeof base | (Omit<typeof base, 'dueAt'> & { dueAt: Date })) =>
      db
        .insert(carrierProjection)
        .values(row)
        .onConflictDoUpdate({
          target: carrierProjection.id,
          set: { state: row.state, dueAt: row.dueAt, updatedAt: row.updatedAt },
        })
    await upsert(base)
    const dueAt = new Date('2026-03-02T09:30:00.000Z')
    await upsert({ ...base, state: 'out', dueAt, updatedAt: new Date('2026-03-02T02:00:00.000Z') })
    await db.insert(carrierProjection).values({ ...base, id: 'copy-2', copyNumber: null, level: 'internal' })

    const rows = await db
      .select()
      .from(carrierProjection)
      .where(eq(carrierProjection.unitId, unitId))
      .orderBy(carrierProjection.id)
    expect(rows).toEqual([
      { ...base, state: 'out', dueAt, updatedAt: new Date('2026-03-02T02:00:00.000Z') },
      { ...base, id: 'copy-2', copyNumber: null, level: 'internal' },
    ])
    const counts = await db
      .select({ state: carrierProjection.state, n: sql<number>`count(*)::int` })
      .from(carrierProjection)
      .where(eq(carrierProjection.unitId, unitId))
      .groupBy(carrierProjection.state)
      .orderBy(carrierProjection.state)
    expect(counts).toEqual([
      { state: 'in_custody', n: 1 },
      { state: 'out', n: 1 },
    ])
  })

  it('round-trips anomaly_projection and finds the open ones', async () => {
    const { unitId } = await seedUnitAndUser(db, 'a1')
    const openedAt = new Date('2026-03-03T08:00:00.000Z')
    const resolvedAt = new Date('2026-03-04T08:00:00.000Z')
    await db.insert(anomalyProjection).values([
      { id: 'an-1', unitId, kind: 'concurrent_hand_out', carrierId: 'copy-1', openedAt },
      { id: 'an-2', unitId, kind: 'duplicate_serial', carrierId: null, openedAt, resolvedAt },
    ])
    const open = await db
      .select()
      .from(anomalyProjection)
      .where(and(eq(anomalyProjection.unitId, unitId), isNull(anomalyProjection.resolvedAt)))
    expect(open).toEqual([
      { id: 'an-1', unitId, kind: 'concurrent_hand_out', carrierId: 'copy-1', openedAt, resolvedAt: null },
    ])
  })
})
