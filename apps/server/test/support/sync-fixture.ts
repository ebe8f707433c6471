import { carrierProjection, securityEvents } from '@secledger/db'
import type { TestDatabase, TestEngine } from '@secledger/db/testing'
import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll } from 'vitest'
import type * as Y from 'yjs'
import { SyncClient } from './sync-client.ts'
import { type LoggedIn, loginAs, startTestServer, type TestServer } from './test-server.ts'

/** Events the demo seed gives each township: four registrations and one hand-out. */
export const SEEDED_EVENTS = 7

/** A seeded server on one engine, officer1 on two devices and leader1 logged in; clients closed after. */
export interface SyncFixture {
  readonly server: TestServer
  readonly database: TestDatabase
  readonly officer1: LoggedIn
  readonly officer1b: LoggedIn
  readonly leader1: LoggedIn
  client(who: LoggedIn | null, unitId?: string, auto?: boolean): SyncClient
  syncedClient(who: LoggedIn): Promise<SyncClient>
  serverDoc(unitId?: string): Y.Doc
  securityRows(kind: string): Promise<(typeof securityEvents.$inferSelect)[]>
  projectionOf(unitId: string): Promise<(typeof carrierProjection.$inferSelect)[]>
}

export function useSyncFixture(engine: TestEngine): SyncFixture {
  let state: { server: TestServer; database: TestDatabase; users: LoggedIn[] } | null = null
  const clients: SyncClient[] = []
  const ready = () => {
    if (!state) throw new Error('fixture used before beforeAll')
    return state
  }

  beforeAll(async () => {
    const database = await engine.open()
    const server = await startTestServer({ database })
    const users = [
      await loginAs(server.url, 'officer1', 'office-pc'),
      await loginAs(server.url, 'officer1', 'laptop'),
      await loginAs(server.url, 'leader1'),
    ]
    state = { server, database, users }
  })

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()))
    await state?.server.close()
    await state?.database.close()
  })

  const fixture: SyncFixture = {
    get server() {
      return ready().server
    },
    get database() {
      return ready().database
    },
    get officer1() {
      return ready().users[0] as LoggedIn
    },
    get officer1b() {
      return ready().users[1] as LoggedIn
    },
    get leader1() {
      return ready().users[2] as LoggedIn
    },
    client(who, unitId = 'town-1', auto = true) {
      const c = new SyncClient(`${ready().server.wsUrl}/api/sync/${unitId}`, who?.cookie ?? null, { auto })
      clients.push(c)
      return c
    },
    async syncedClient(who) {
      const c = fixture.client(who)
      await c.connect()
      await c.synced()
      return c
    },
    serverDoc(unitId = 'town-1') {
      const unit = ready().server.sync.cache.peek(unitId)
      if (!unit) throw new Error(`${unitId} not loaded`)
      return unit.doc
    },
    securityRows(kind) {
      return ready().server.database.db.select().from(securityEvents).where(eq(securityEvents.kind, kind))
    },
    projectionOf(unitId) {
      return ready()
        .server.database.db.select()
        .from(carrierProjection)
        .where(eq(carrierProjection.unitId, unitId))
        .orderBy(asc(carrierProjection.id))
    },
  }
  return fixture
}
