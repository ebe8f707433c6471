import { randomBytes } from 'node:crypto'
import { events, securityEvents, yjsSnapshots, yjsUpdates } from '@secledger/db'
import { listTestEngines, type TestDatabase } from '@secledger/db/testing'
import type { EventEnvelope } from '@secledger/domain'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_CLOCK_WINDOW } from '../src/sync/event-clock.ts'
import { loadUnitDoc } from '../src/sync/load-unit-doc.ts'
import { PROCESS_STORAGE_KEY } from '../src/sync/storage-key.ts'
import { createSyncService } from '../src/sync/sync-service.ts'
import { registration, updateWith } from './support/events.ts'
import { SyncClient } from './support/sync-client.ts'
import { type LoggedIn, loginAs, startTestServer, type TestServer } from './support/test-server.ts'

const engines = await listTestEngines()

/**
 * Issue 10 item 7: what the server stored is checked when it is loaded again. The test servers use this
 * process's storage key, so a second server over the same database is the first one restarted.
 */
describe.each(engines)('issue 10 item 7: integrity of stored updates and snapshots on $kind', (engine) => {
  let database: TestDatabase
  let server: TestServer | null = null
  let officer1: LoggedIn
  let officer3: LoggedIn
  let serialNo = 900
  const clients: SyncClient[] = []

  beforeAll(async () => {
    database = await engine.open()
    server = await startTestServer({ database })
    officer1 = await loginAs(server.url, 'officer1')
    officer3 = await loginAs(server.url, 'officer3')
  })
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()))
    await server?.close()
    await database?.close()
  })

  /** A new server process over the same database (sessions, being in the database, survive). */
  async function restart(): Promise<TestServer> {
    await server?.sync.drain()
    await server?.close()
    server = await startTestServer({ database, seed: false })
    return server
  }

  async function freshClientEvents(unitId: string, who: LoggedIn = officer1): Promise<Y.Map<unknown>> {
    if (!server) throw new Error('no server')
    const client = new SyncClient(`${server.wsUrl}/api/sync/${unitId}`, who.cookie)
    clients.push(client)
    await client.connect()
    await client.synced()
    return client.events
  }

  function signedRegistration(): EventEnvelope {
    return registration({
      unit: 'town-1',
      actor: 'officer1',
      secretKey: officer1.secretKey,
      serialNo: ++serialNo,
    })
  }

  function tamperedRows(unitId: string) {
    return database.db
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.kind, 'storage_tampered'), eq(securityEvents.unitId, unitId)))
  }

  function context(storageKey: Uint8Array = PROCESS_STORAGE_KEY) {
    return { database, now: () => new Date(), clock: DEFAULT_CLOCK_WINDOW, storageKey }
  }

  it('issue 10 item 7: rows this server wrote carry a MAC and load vouched, with no event verified again', async () => {
    const rows = await database.db.select().from(yjsUpdates).where(eq(yjsUpdates.doc, 'town-1:register'))
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row.mac?.byteLength).toBe(32)
    const { unit, reverified } = await loadUnitDoc(context(), 'town-1')
    expect(reverified).toBe(0)
    const stored = await database.db.select({ id: events.id }).from(events).where(eq(events.unitId, 'town-1'))
    expect(Array.from(unit.doc.getMap('events').keys()).sort()).toEqual(stored.map((row) => row.id).sort())
    expect(await tamperedRows('town-1')).toEqual([])
  })

  it('issue 10 item 7: a row inserted by hand with a zeroed signature is not served after a restart, and is recorded', async () => {
    const legacy = signedRegistration()
    const forged = { ...signedRegistration(), sig: '0'.repeat(128) }
    // Rows as someone with table access writes them (or a server before MACs: the legacy one).
    const [, forgedRow] = await database.db
      .insert(yjsUpdates)
      .values([
        { doc: 'town-1:register', update: updateWith([legacy]), userId: 'officer1' },
        { doc: 'town-1:register', update: updateWith([forged]), userId: 'officer1' },
      ])
      .returning({ seq: yjsUpdates.seq })
    await restart()
    const served = await freshClientEvents('town-1')
    expect(served.has(legacy.id)).toBe(true)
    expect(served.has(forged.id)).toBe(false)
    expect(server?.sync.cache.peek('town-1')?.register.state.carriers.has(`town-1-t${serialNo}`)).toBe(false)
    const recorded = await tamperedRows('town-1')
    expect(recorded).toHaveLength(1)
    expect(recorded[0]).toMatchObject({
      code: 'STORAGE-TAMPERED',
      detail: { doc: 'town-1:register', seq: forgedRow?.seq, eventId: forged.id, reason: 'bad signature' },
    })

    // The load vouched for what it checked with a fresh snapshot: the next start neither serves the
    // forged row nor checks (and records) it again.
    await restart()
    const again = await freshClientEvents('town-1')
    expect(again.has(legacy.id)).toBe(true)
    expect(again.has(forged.id)).toBe(false)
    expect(await tamperedRows('town-1')).toHaveLength(1)
    const { reverified } = await loadUnitDoc(context(), 'town-1')
    expect(reverified).toBe(0)
  })

  it('issue 10 item 7: a snapshot without a valid MAC is ignored and the doc rebuilt from the updates', async () => {
    const stored = await database.db.select({ id: events.id }).from(events).where(eq(events.unitId, 'town-3'))
    expect(stored.length).toBeGreaterThan(0)
    // A snapshot claiming everything up to a far seq, holding a forged entry and none of the real ones.
    const forgedDoc = new Y.Doc()
    const forged = { ...signedRegistration(), unit: 'town-3' }
    forgedDoc.getMap('events').set(forged.id, forged)
    const snapshot = {
      doc: 'town-3:register',
      state: Y.encodeStateAsUpdate(forgedDoc),
      stateVector: Y.encodeStateVector(forgedDoc),
    }
    await database.db.insert(yjsSnapshots).values([
      { ...snapshot, uptoSeq: 2 ** 40, mac: new Uint8Array(randomBytes(32)) },
      { ...snapshot, uptoSeq: 2 ** 41, mac: null },
    ])
    await restart()
    const served = await freshClientEvents('town-3', officer3)
    expect(served.has(forged.id)).toBe(false)
    expect(Array.from(served.keys()).sort()).toEqual(stored.map((row) => row.id).sort())
    const recorded = await tamperedRows('town-3')
    expect(recorded).toHaveLength(1)
    expect(recorded[0]?.detail).toMatchObject({ doc: 'town-3:register', uptoSeq: 2 ** 40 })
  })

  it('issue 10 item 7: rows under another storage key have their events verified and still load in full', async () => {
    const expected = (
      await database.db.select({ id: events.id }).from(events).where(eq(events.unitId, 'town-2'))
    )
      .map((row) => row.id)
      .sort()
    const other = createSyncService({ database, storageKey: new Uint8Array(randomBytes(32)) })
    const unit = await other.open('town-2')
    await other.drain()
    expect(Array.from(unit.doc.getMap('events').keys()).sort()).toEqual(expected)
    expect(await tamperedRows('town-2')).toEqual([])
    const { reverified } = await loadUnitDoc(context(new Uint8Array(randomBytes(32))), 'town-2')
    expect(reverified).toBeGreaterThan(0)
  })
})
