import { anomalyProjection, carrierProjection, events, units } from '@secledger/db'
import { listTestEngines, type TestDatabase } from '@secledger/db/testing'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../src/demo/demo-data.ts'
import { containsCanary, makeCanary } from './support/canary.ts'
import { registration, signed, updateWith } from './support/events.ts'
import { json } from './support/json.ts'
import { SyncClient } from './support/sync-client.ts'
import { type LoggedIn, loginAs, startTestServer, type TestServer } from './support/test-server.ts'

const engines = await listTestEngines()
// Fresh per run and impossible in ids, hashes and timestamps (issue 10 item 11); printed on failure.
const CANARY = makeCanary()
const ENTRY_FIELDS = [
  'copyNumber',
  'docNumber',
  'dueAt',
  'id',
  'kind',
  'level',
  'overdue',
  'periodYears',
  'receivedOn',
  'registeredAt',
  'serial',
  'state',
]

// A Friday, 09:00 and later in Asia/Shanghai: inside office hours of a working day.
const FRIDAY_0900 = Date.parse('2026-11-20T01:00:00Z')
const MINUTE = 60_000

interface Summary {
  townships: {
    unit: { id: string; name: string }
    lastSyncAt: string | null
    byLevel: Record<string, number>
    byState: Record<string, number>
    overdueHandOuts: number
    openAnomalies: number
    total: number
  }[]
}

describe.each(engines)('county API on $kind', (engine) => {
  let database: TestDatabase
  let server: TestServer
  let county: LoggedIn
  let officer1: LoggedIn
  let leader1: LoggedIn

  async function get(path: string, who: LoggedIn | null = county): Promise<Response> {
    return fetch(`${server.url}${path}`, who ? { headers: { cookie: who.cookie } } : {})
  }

  async function summary(): Promise<Summary> {
    const response = await get('/api/county/summary')
    expect(response.status).toBe(200)
    return (await json(response)) as Summary
  }

  async function township(id: string) {
    const found = (await summary()).townships.find((t) => t.unit.id === id)
    if (!found) throw new Error(`no ${id}`)
    return found
  }

  async function syncEvents(who: LoggedIn, update: Uint8Array): Promise<void> {
    const c = new SyncClient(`${server.wsUrl}/api/sync/town-1`, who.cookie)
    await c.connect()
    await c.synced()
    const n = c.sendUpdate(update)
    const reply = await c.waitFor(
      (f) => (f.kind === 'ack' && f.n === n) || (f.kind === 'error' && f.ref === n),
    )
    await c.close()
    expect(reply.kind).toBe('ack')
  }

  beforeAll(async () => {
    database = await engine.open()
    server = await startTestServer({ database })
    county = await loginAs(server.url, 'county')
    officer1 = await loginAs(server.url, 'officer1')
    leader1 = await loginAs(server.url, 'leader1')
  })

  afterAll(async () => {
    await server.close()
    await database.close()
  })

  it('S-04 summarises each township of the county from the projections', async () => {
    const { townships } = await summary()
    expect(townships.map((t) => t.unit)).toEqual([
      { id: 'town-1', name: '城关镇' },
      { id: 'town-2', name: '河西乡' },
      { id: 'town-3', name: '青山镇' },
    ])
    for (const t of townships) {
      expect(t.total).toBe(7)
      expect(t.byLevel).toEqual({
        top_secret: 0,
        secret: 5,
        confidential: 1,
        work_secret: 0,
        internal: 1,
        public: 0,
      })
      expect(t.byState).toEqual({ in_custody: 6, out: 1, destroyed: 0 })
      expect(t.overdueHandOuts).toBe(1)
      expect(t.openAnomalies).toBe(0)
      expect(t.lastSyncAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    }
  })

  it('S-04 drills down to numbers, levels, states and dates only', async () => {
    const all = await json(await get('/api/county/townships/town-2/carriers'))
    expect(all.entries).toHaveLength(7)
    for (const entry of all.entries) expect(Object.keys(entry).sort()).toEqual(ENTRY_FIELDS)
    const secret = await json(await get('/api/county/townships/town-2/carriers?level=secret'))
    expect(secret.entries).toHaveLength(5)
    expect(secret.entries.map((e: { copyNumber: number }) => e.copyNumber).sort()).toEqual([1, 1, 2, 2, 3])
    const out = await json(await get('/api/county/townships/town-2/carriers?state=out'))
    expect(out.entries).toHaveLength(1)
    const overdue = await json(await get('/api/county/townships/town-2/carriers?overdue=true'))
    expect(overdue.entries).toEqual([
      expect.objectContaining({ state: 'out', overdue: true, level: 'confidential' }),
    ])
    expect(Date.parse(overdue.entries[0].dueAt)).toBeLessThan(Date.now())
    expect((await get('/api/county/townships/town-2/carriers?level=nonsense')).status).toBe(400)
  })

  it('S-04 serves only the county role, and only its own townships', async () => {
    expect((await get('/api/county/summary', null)).status).toBe(401)
    const forbidden = await get('/api/county/summary', officer1)
    expect(forbidden.status).toBe(403)
    expect((await json(forbidden)).error.code).toBe('AUTH-FORBIDDEN')
    expect((await get('/api/county/townships/town-1/carriers', officer1)).status).toBe(403)
    await server.database.db.insert(units).values([
      { id: 'county-other', parentId: null, kind: 'county', name: '邻县保密局' },
      { id: 'town-9', parentId: 'county-other', kind: 'township', name: '邻县某镇' },
    ])
    const foreign = await get('/api/county/townships/town-9/carriers')
    expect(foreign.status).toBe(404)
    expect((await json(foreign)).error.code).toBe('COUNTY-TOWNSHIP-UNKNOWN')
    expect((await get('/api/county/townships/county-demo/carriers')).status).toBe(404)
    expect((await summary()).townships.map((t) => t.unit.id)).toEqual(['town-1', 'town-2', 'town-3'])
  })

  it('county counts change after a township syncs a new carrier', async () => {
    const before = await township('town-1')
    const otherBefore = await township('town-2')
    const event = registration({
      unit: 'town-1',
      actor: 'officer1',
      secretKey: officer1.secretKey,
      serialNo: 300,
      level: 'secret',
      copies: [
        { id: 'town-1-c300-1', copyNumber: 1 },
        { id: 'town-1-c300-2', copyNumber: 2 },
      ],
    })
    await syncEvents(officer1, updateWith([event]))
    const after = await township('town-1')
    expect(after.total).toBe(before.total + 2)
    expect(after.byLevel.secret).toBe((before.byLevel.secret ?? 0) + 2)
    expect(after.byState.in_custody).toBe((before.byState.in_custody ?? 0) + 2)
    expect(Date.parse(after.lastSyncAt ?? '')).toBeGreaterThanOrEqual(Date.parse(before.lastSyncAt ?? ''))
    expect(await township('town-2')).toEqual(otherBefore)
  })

  it('S-04 canary (issue 10 item 11: a canary chance cannot produce): nothing the county can obtain contains a title, scope, reader or note', async () => {
    const openBefore = (await township('town-1')).openAnomalies
    const registered = registration({
      unit: 'town-1',
      actor: 'officer1',
      secretKey: officer1.secretKey,
      serialNo: 400,
      level: 'internal',
      title: `CANARY-TITLE-${CANARY}`,
      scope: `CANARY-SCOPE-${CANARY}`,
      copies: [{ id: 'town-1-c400', copyNumber: null }],
      atMs: FRIDAY_0900,
    })
    const handOut = (reader: string, minutes: number, device: string) =>
      signed(
        {
          unit: 'town-1',
          type: 'carrier.handed_out',
          actor: 'officer1',
          payload: { carrierId: 'town-1-c400', reader },
          device,
          atMs: FRIDAY_0900 + minutes * MINUTE,
        },
        officer1.secretKey,
      )
    const first = handOut(`CANARY-READER-${CANARY}`, 30, 'pc-a')
    // A second, concurrent hand-out from another offline device: an anomaly (rule C-04).
    const second = handOut(`CANARY-READER2-${CANARY}`, 40, 'pc-b')
    await syncEvents(officer1, updateWith([registered, first, second]))
    const resolved = signed(
      {
        unit: 'town-1',
        type: 'anomaly.resolved',
        actor: 'officer1',
        payload: { anomalyId: `concurrent_hand_out:${second.id}`, note: `CANARY-NOTE-${CANARY}` },
        atMs: FRIDAY_0900 + 60 * MINUTE,
      },
      officer1.secretKey,
    )
    const approval = signed(
      {
        unit: 'town-1',
        type: 'approval.granted',
        actor: 'leader1',
        payload: {
          subject: 'carrier.destroy',
          carrierIds: ['town-1-c400'],
          note: `CANARY-APPROVAL-${CANARY}`,
        },
        atMs: FRIDAY_0900 + 70 * MINUTE,
      },
      leader1.secretKey,
    )
    await syncEvents(officer1, updateWith([resolved, approval]))

    // The canaries did reach the server (so this test can fail) …
    const stored = await server.database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(events)
      .where(sql`${events.payload}::text like ${`%CANARY%${CANARY}%`}`)
    expect(stored[0]?.n, `events holding the canary ${CANARY}`).toBe(5)
    const [row] = await server.database.db
      .select()
      .from(carrierProjection)
      .where(eq(carrierProjection.id, 'town-1-c400'))
    expect(row?.state).toBe('out')
    const anomalies = await server.database.db
      .select()
      .from(anomalyProjection)
      .where(eq(anomalyProjection.unitId, 'town-1'))
    expect(anomalies).toEqual([
      expect.objectContaining({ kind: 'concurrent_hand_out', carrierId: 'town-1-c400' }),
    ])
    expect(anomalies[0]?.resolvedAt).not.toBeNull()
    expect((await township('town-1')).openAnomalies).toBe(openBefore)

    // … and nothing the county account can obtain contains them.
    const seen: string[] = []
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'county', password: DEMO_PASSWORD, deviceId: 'county-pc' }),
    })
    seen.push(await login.text())
    for (const path of [
      '/api/me',
      '/api/keys',
      '/api/county/summary',
      '/api/county/townships/town-1/carriers',
      '/api/county/townships/town-1/carriers?state=out',
      '/api/county/townships/town-1/carriers?overdue=true',
      '/api/county/townships/town-1/carriers?level=internal',
    ]) {
      const response = await get(path)
      expect(response.status).toBe(200)
      seen.push(await response.text())
    }
    const entries = JSON.parse(seen[4] ?? '{}').entries as { id: string }[]
    expect(entries.map((e) => e.id)).toContain('town-1-c400')
    for (const unitId of ['town-1', 'town-2', 'town-3']) {
      const attempt = new SyncClient(`${server.wsUrl}/api/sync/${unitId}`, county.cookie)
      await attempt.connect()
      await attempt.waitForError('SYNC-FORBIDDEN')
      await attempt.waitForClose()
      expect(attempt.frames.filter((f) => f.kind === 'sync')).toEqual([])
      seen.push(JSON.stringify(attempt.frames))
    }
    for (const text of seen) {
      expect(containsCanary(text, CANARY), `the canary ${CANARY} leaked into: ${text.slice(0, 500)}`).toBe(
        false,
      )
      expect(text).not.toContain('CANARY')
      expect(text).not.toContain('班子成员') // the demo scope
      expect(text).not.toContain('张明') // the demo reader
    }
  })
})
