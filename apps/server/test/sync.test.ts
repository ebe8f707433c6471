import { carrierProjection, createDatabase, events, yjsUpdates } from '@secledger/db'
import { listTestEngines } from '@secledger/db/testing'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addEvents, registration, updateWith } from './support/events.ts'
import { syncFrame } from './support/sync-client.ts'
import { SEEDED_EVENTS, useSyncFixture } from './support/sync-fixture.ts'
import { loginAs } from './support/test-server.ts'

const engines = await listTestEngines()

describe.each(engines)('WebSocket sync on $kind', (engine) => {
  const f = useSyncFixture(engine)

  it('two devices of town-1, one offline while both add events, converge on reconnect', async () => {
    const a = await f.syncedClient(f.officer1)
    const b = await f.syncedClient(f.officer1b)
    expect(a.events.size).toBe(SEEDED_EVENTS)
    expect(b.events.size).toBe(SEEDED_EVENTS)

    await b.close()
    const onA = registration({
      unit: 'town-1',
      actor: 'officer1',
      secretKey: f.officer1.secretKey,
      serialNo: 100,
    })
    addEvents(a.doc, [onA])
    await a.waitForAck(a.sent)
    const offline = [101, 102].map((serialNo) =>
      registration({
        unit: 'town-1',
        actor: 'officer1',
        secretKey: f.officer1.secretKey,
        serialNo,
        device: 'laptop',
      }),
    )
    addEvents(b.doc, offline)
    expect(b.events.size).toBe(SEEDED_EVENTS + 2)

    await b.connect()
    await b.synced()
    await a.waitUntil(() => (a.events.size === SEEDED_EVENTS + 3 ? true : undefined), 5000, 'a to converge')
    expect(b.events.size).toBe(SEEDED_EVENTS + 3)
    expect(b.events.toJSON()).toEqual(a.events.toJSON())
    expect(f.serverDoc().getMap('events').toJSON()).toEqual(a.events.toJSON())

    const ids = ['town-1-t100', 'town-1-t101', 'town-1-t102']
    const rows = await f.server.database.db
      .select()
      .from(carrierProjection)
      .where(inArray(carrierProjection.id, ids))
    expect(rows.map((row) => row.id).sort()).toEqual(ids)
    expect(rows.every((row) => row.unitId === 'town-1' && row.state === 'in_custody')).toBe(true)
    const stored = await f.server.database.db
      .select({ id: events.id })
      .from(events)
      .where(inArray(events.id, [onA.id, ...offline.map((e) => e.id)]))
    expect(stored).toHaveLength(3)
  })

  it('S-04 refuses town-2 and the county the doc of town-1 before any sync message', async () => {
    const officer2 = await loginAs(f.server.url, 'officer2')
    const county = await loginAs(f.server.url, 'county')
    for (const who of [officer2, county]) {
      const c = f.client(who)
      await c.connect()
      const error = await c.waitForError('SYNC-FORBIDDEN')
      expect(error.message.zh).toBe('无权同步该单位的台账')
      expect((await c.waitForClose()).code).toBe(4403)
      expect(c.frames.filter((f) => f.kind === 'sync')).toEqual([])
      expect(c.frames).toHaveLength(1)
    }
    await expect
      .poll(async () => (await f.securityRows('sync_forbidden')).map((row) => row.userId).sort())
      .toEqual(['county', 'officer2'])
    const rows = await f.securityRows('sync_forbidden')
    expect(rows.every((row) => row.unitId === 'town-1' && row.code === 'SYNC-FORBIDDEN')).toBe(true)
  })

  it('refuses a connection without a session with SYNC-UNAUTHENTICATED and 4401', async () => {
    const c = f.client(null)
    await c.connect()
    await c.waitForError('SYNC-UNAUTHENTICATED')
    expect((await c.waitForClose()).code).toBe(4401)
    expect(c.frames.filter((f) => f.kind === 'sync')).toEqual([])
  })

  it('acknowledges an update only once its yjs_updates row is committed', async () => {
    const c = await f.syncedClient(f.officer1)
    const event = registration({
      unit: 'town-1',
      actor: 'officer1',
      secretKey: f.officer1.secretKey,
      serialNo: 150,
    })
    const update = updateWith([event])
    const rowFor = async () =>
      (
        await f.server.database.db
          .select({ update: yjsUpdates.update, userId: yjsUpdates.userId, deviceId: yjsUpdates.deviceId })
          .from(yjsUpdates)
          .where(eq(yjsUpdates.doc, 'town-1:register'))
      ).filter((row) => Buffer.from(row.update).equals(Buffer.from(update)))

    if (f.database.url !== undefined) {
      // PostgreSQL: hold the unit row locked from another connection; the commit must wait, and so the ACK.
      const other = await createDatabase({ url: f.database.url })
      try {
        let n = 0
        await other.db.transaction(async (tx) => {
          await tx.execute(sql`select * from units where id = 'town-1' for update`)
          n = c.sendUpdate(update)
          await new Promise((resolve) => setTimeout(resolve, 400))
          expect(c.frames.some((f) => f.kind === 'ack' && f.n === n)).toBe(false)
          expect(await rowFor()).toEqual([])
        })
        await c.waitForAck(n)
      } finally {
        await other.close()
      }
    } else {
      await c.waitForAck(c.sendUpdate(update))
    }
    const rows = await rowFor()
    expect(rows).toEqual([{ update: expect.any(Uint8Array), userId: 'officer1', deviceId: 'office-pc' }])
    expect(
      await f.server.database.db.select({ id: events.id }).from(events).where(eq(events.id, event.id)),
    ).toHaveLength(1)
  })

  it('acknowledges an empty update and a resent one without writing, and short-circuits equal state vectors', async () => {
    const c = await f.syncedClient(f.officer1)
    const countRows = async () =>
      (await f.server.database.db.select({ seq: yjsUpdates.seq }).from(yjsUpdates)).length
    const rowsBefore = await countRows()
    await c.waitForAck(c.sendUpdate(new Uint8Array([0, 0])))
    await c.waitForAck(c.sendUpdate(Y.encodeStateAsUpdate(c.doc)))
    expect(await countRows()).toBe(rowsBefore)

    const raw = f.client(f.officer1, 'town-1', false)
    await raw.connect()
    const step1 = await raw.waitFor((f) => f.kind === 'sync' && f.step === 0)
    if (step1.kind !== 'sync') throw new Error('unreachable')
    raw.sendRaw(syncFrame(0, step1.payload))
    const step2 = await raw.waitFor((f) => f.kind === 'sync' && f.step === 1)
    expect(step2.kind === 'sync' && Array.from(step2.payload)).toEqual([0, 0])
  })

  it('SYNC-TOO-LARGE for a frame over 8 MiB; the connection stays usable', async () => {
    const c = await f.syncedClient(f.officer1)
    const n = c.sendUpdate(new Uint8Array(8 * 1024 * 1024 + 16))
    expect((await c.waitForError('SYNC-TOO-LARGE', 15_000)).ref).toBe(n)
    const event = registration({
      unit: 'town-1',
      actor: 'officer1',
      secretKey: f.officer1.secretKey,
      serialNo: 160,
    })
    await c.waitForAck(c.sendUpdate(updateWith([event])))
  })

  it('keeps serving town-2 independently of town-1', async () => {
    const officer2 = await loginAs(f.server.url, 'officer2', 'town2-pc')
    const c = f.client(officer2, 'town-2')
    await c.connect()
    await c.synced()
    expect(c.events.size).toBe(SEEDED_EVENTS)
    const mine = Array.from(c.events.values()) as { unit: string }[]
    expect(mine.every((event) => event.unit === 'town-2')).toBe(true)
    const rows = await f.server.database.db
      .select({ doc: yjsUpdates.doc })
      .from(yjsUpdates)
      .where(and(eq(yjsUpdates.doc, 'town-2:register')))
    expect(rows.length).toBeGreaterThan(0)
  })
})
