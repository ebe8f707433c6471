import { randomBytes } from 'node:crypto'
import { events, securityEvents, sessions, yjsUpdates } from '@secledger/db'
import { listTestEngines, type TestDatabase } from '@secledger/db/testing'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { hashSessionToken } from '../src/auth/sessions.ts'
import { registration, updateWith } from './support/events.ts'
import { SyncClient } from './support/sync-client.ts'
import { type LoggedIn, loginAs, startTestServer, type TestServer } from './support/test-server.ts'

const engines = await listTestEngines()

const SAME_HOST_OTHER_PORT = 'http://127.0.0.1:18991'
const ALLOWED = 'https://secledger.example.gov.cn'
const HOUR = 3600 * 1000

describe.each(engines)('sync sockets and their sessions on $kind', (engine) => {
  let database: TestDatabase
  let server: TestServer
  let clock = Date.now()
  let serialNo = 700
  const clients: SyncClient[] = []

  beforeAll(async () => {
    database = await engine.open()
    server = await startTestServer({ database, now: () => new Date(clock), allowedOrigins: [ALLOWED] })
  })
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()))
  })
  afterAll(async () => {
    await server.close()
    await database.close()
  })

  function client(cookie: string | null, origin?: string | null): SyncClient {
    const c = new SyncClient(
      `${server.wsUrl}/api/sync/town-1`,
      cookie,
      origin === undefined ? {} : { origin },
    )
    clients.push(c)
    return c
  }

  async function synced(who: LoggedIn): Promise<SyncClient> {
    const c = client(who.cookie)
    await c.connect()
    await c.synced()
    return c
  }

  function newEvent(who: LoggedIn) {
    return registration({ unit: 'town-1', actor: 'officer1', secretKey: who.secretKey, serialNo: serialNo++ })
  }

  async function storedUpdates(): Promise<number> {
    const [row] = await server.database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(yjsUpdates)
      .where(eq(yjsUpdates.doc, 'town-1:register'))
    return row?.n ?? 0
  }

  async function storedEvent(id: string): Promise<boolean> {
    const rows = await server.database.db.select({ id: events.id }).from(events).where(eq(events.id, id))
    return rows.length > 0
  }

  /** Gives a frame in flight time to be (wrongly) committed before the test looks. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 150))

  it('issue 10 item 2: logout closes the open sync socket (SYNC-SESSION-ENDED, 4401); a later update is never committed', async () => {
    const officer = await loginAs(server.url, 'officer1', 'item2-logout')
    const c = await synced(officer)
    // The socket works before logout.
    const before = newEvent(officer)
    const n = c.sendUpdate(updateWith([before]))
    await c.waitForAck(n)
    expect(await storedEvent(before.id)).toBe(true)
    const rows = await storedUpdates()

    const logout = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: officer.cookie, origin: server.url },
    })
    expect(logout.status).toBe(204)
    const after = newEvent(officer)
    if (c.isOpen) c.sendUpdate(updateWith([after]))
    expect((await c.waitForError('SYNC-SESSION-ENDED')).message.zh).toContain('重新登录')
    expect((await c.waitForClose()).code).toBe(4401)
    await settle()
    expect(c.frames.filter((f) => f.kind === 'ack' && f.n > n)).toEqual([])
    expect(await storedUpdates()).toBe(rows)
    expect(await storedEvent(after.id)).toBe(false)
  })

  it('issue 10 item 2: a session deleted by another node: the next write is refused and never committed', async () => {
    const officer = await loginAs(server.url, 'officer1', 'item2-elsewhere')
    const c = await synced(officer)
    const rows = await storedUpdates()
    const token = /sl_session=([0-9a-f]{64})/.exec(officer.cookie)?.[1] ?? ''
    await server.database.db.delete(sessions).where(eq(sessions.id, hashSessionToken(token)))
    const event = newEvent(officer)
    const n = c.sendUpdate(updateWith([event]))
    const refused = await c.waitForError('SYNC-SESSION-ENDED')
    expect(refused.ref).toBe(n)
    expect((await c.waitForClose()).code).toBe(4401)
    expect(c.frames.some((f) => f.kind === 'ack' && f.n === n)).toBe(false)
    expect(await storedUpdates()).toBe(rows)
    expect(await storedEvent(event.id)).toBe(false)
  })

  it('issue 10 item 2: the socket closes when its session expires (timer to expires_at), with no frame from the client', async () => {
    const token = randomBytes(32).toString('hex')
    await server.database.db.insert(sessions).values({
      id: hashSessionToken(token),
      userId: 'officer1',
      deviceId: 'item2-timer',
      createdAt: new Date(clock),
      expiresAt: new Date(clock + 500),
    })
    const c = client(`sl_session=${token}`)
    await c.connect()
    await c.synced()
    expect(c.closed).toBeNull()
    await c.waitForError('SYNC-SESSION-ENDED', 3000)
    expect((await c.waitForClose(3000)).code).toBe(4401)
  })

  it('issue 10 item 2: endUserSessions closes every socket of the user and ends their sessions', async () => {
    const officeP = await loginAs(server.url, 'officer1', 'item2-end-a')
    const laptop = await loginAs(server.url, 'officer1', 'item2-end-b')
    const leader = await loginAs(server.url, 'leader1', 'item2-end-c')
    const [a, b, other] = await Promise.all([synced(officeP), synced(laptop), synced(leader)])
    expect(await server.server.endUserSessions('officer1')).toBeGreaterThanOrEqual(2)
    for (const c of [a, b]) {
      await c.waitForError('SYNC-SESSION-ENDED')
      expect((await c.waitForClose()).code).toBe(4401)
    }
    for (const who of [officeP, laptop])
      expect((await fetch(`${server.url}/api/me`, { headers: { cookie: who.cookie } })).status).toBe(401)
    // Another user's socket stays open and usable.
    expect(other.isOpen).toBe(true)
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie: leader.cookie } })).status).toBe(200)
  })

  it('issue 10 item 3: a sync upgrade from another port of the same host is refused before any doc byte', async () => {
    const officer = await loginAs(server.url, 'officer1', 'item3-ws')
    for (const origin of [SAME_HOST_OTHER_PORT, 'null', null]) {
      const c = client(officer.cookie, origin)
      await expect(c.connect(), String(origin)).rejects.toThrow(/403/)
      expect(c.frames, String(origin)).toEqual([])
    }
    const logged = await server.database.db
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.kind, 'origin_forbidden'), eq(securityEvents.deviceId, 'item3-ws')))
    expect(logged.map((row) => row.detail)).toContainEqual(
      expect.objectContaining({ origin: SAME_HOST_OTHER_PORT, path: '/api/sync/town-1' }),
    )
    expect(logged).toHaveLength(3)
  })

  it('issue 10 item 3: a sync upgrade from the allow-listed origin syncs', async () => {
    const officer = await loginAs(server.url, 'officer1', 'item3-ws-allowed')
    const c = client(officer.cookie, ALLOWED)
    await c.connect()
    await c.synced()
    const event = newEvent(officer)
    await c.waitForAck(c.sendUpdate(updateWith([event])))
    expect(await storedEvent(event.id)).toBe(true)
  })

  // Last: it moves the server's clock past every session made so far.
  it('issue 10 item 2: once the session has expired (injected now), a write is refused with SYNC-SESSION-ENDED and never committed', async () => {
    const officer = await loginAs(server.url, 'officer1', 'item2-expiry')
    const c = await synced(officer)
    const rows = await storedUpdates()
    clock += 12 * HOUR + 1
    const event = newEvent(officer)
    const n = c.sendUpdate(updateWith([event]))
    expect((await c.waitForError('SYNC-SESSION-ENDED')).ref).toBe(n)
    expect((await c.waitForClose()).code).toBe(4401)
    expect(c.frames.some((f) => f.kind === 'ack' && f.n === n)).toBe(false)
    await settle()
    expect(await storedUpdates()).toBe(rows)
    expect(await storedEvent(event.id)).toBe(false)
  })
})
