import { events } from '@secledger/db'
import { listTestEngines } from '@secledger/db/testing'
import { AnomalyKind, type EventEnvelope } from '@secledger/domain'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { commitUpdate } from '../src/sync/persistence.ts'
import { PROCESS_STORAGE_KEY } from '../src/sync/storage-key.ts'
import { updateRowMac } from '../src/sync/storage-mac.ts'
import { registration, updateWith } from './support/events.ts'
import { useSyncFixture } from './support/sync-fixture.ts'
import { loginAs } from './support/test-server.ts'

const engines = await listTestEngines()

// The latest time an HLC can hold (13 digits of ms): 2286-11-20.
const YEAR_2286_MS = 9_999_999_999_999
const YEAR_1970_MS = Date.UTC(1970, 0, 1, 8)
const MINUTE_MS = 60_000

describe.each(engines)('issue 10 item 1: event clocks on ingest on $kind', (engine) => {
  const f = useSyncFixture(engine)
  let serialNo = 700

  function registrationAt(atMs: number): EventEnvelope {
    return registration({
      unit: 'town-1',
      actor: 'officer1',
      secretKey: f.officer1.secretKey,
      serialNo: ++serialNo,
      atMs,
    })
  }

  it.each([
    ['2286', YEAR_2286_MS],
    ['1970', YEAR_1970_MS],
    ['400 days ago', Date.now() - 400 * 24 * 60 * MINUTE_MS],
  ])(
    'issue 10 item 1: an event stamped %s is refused with SYNC-CLOCK-SKEW, stored nowhere, recorded',
    async (_when, atMs) => {
      const c = await f.syncedClient(f.officer1)
      const watcher = await f.syncedClient(f.leader1)
      const valid = registrationAt(Date.now())
      const skewed = registrationAt(atMs)
      // The whole update is refused, its valid event too (as SYNC-BAD-EVENT does).
      const n = c.sendUpdate(updateWith([valid, skewed]))
      const error = await c.waitForError('SYNC-CLOCK-SKEW')
      expect(error.ref).toBe(n)
      expect(error.message.zh).toContain('时间')
      expect(c.frames.some((frame) => frame.kind === 'ack' && frame.n === n)).toBe(false)
      for (const event of [valid, skewed]) {
        expect(await f.server.database.db.select().from(events).where(eq(events.id, event.id))).toEqual([])
        expect(f.serverDoc().getMap('events').has(event.id)).toBe(false)
      }
      const alerts = await f.securityRows('sync_clock_skew')
      const alert = alerts.find((row) => row.detail.eventId === skewed.id)
      expect(alert).toMatchObject({ userId: 'officer1', code: 'SYNC-CLOCK-SKEW', unitId: 'town-1' })
      expect(alert?.detail).toMatchObject({ at: skewed.at, doc: 'town-1:register' })
      expect(Math.abs(Date.parse(String(alert?.detail.serverTime)) - Date.now())).toBeLessThan(MINUTE_MS)

      // Nothing was broadcast: once the watcher has a later event, it would have had these before it.
      const later = registrationAt(Date.now())
      const m = c.sendUpdate(updateWith([later]))
      expect(m).toBe(n + 1)
      await c.waitForAck(m)
      await watcher.waitUntil(() => (watcher.events.has(later.id) ? true : undefined), 5000, 'later event')
      expect(watcher.events.has(skewed.id)).toBe(false)
      expect(watcher.events.has(valid.id)).toBe(false)
    },
  )

  it('issue 10 item 1: an event 4 minutes ahead of the server clock is within the allowed skew and accepted', async () => {
    const c = await f.syncedClient(f.officer1)
    const ahead = registrationAt(Date.now() + 4 * MINUTE_MS)
    await c.waitForAck(c.sendUpdate(updateWith([ahead])))
    expect(await f.server.database.db.select().from(events).where(eq(events.id, ahead.id))).toHaveLength(1)
    expect(f.serverDoc().getMap('events').has(ahead.id)).toBe(true)
  })

  it('issue 10 item 1: a log already holding a 2286 event loads, and a later registration is acknowledged and folds', async () => {
    const officer2 = await loginAs(f.server.url, 'officer2')
    const old = registration({
      unit: 'town-2',
      actor: 'officer2',
      secretKey: officer2.secretKey,
      serialNo: 801,
      atMs: YEAR_2286_MS,
    })
    // As a server before the bound stored it: committed straight through persistence, with its MAC.
    const update = updateWith([old])
    const now = new Date()
    const row = { doc: 'town-2:register', createdAt: now, userId: 'officer2', deviceId: 'old-pc', update }
    await commitUpdate(f.server.database.db, {
      docName: row.doc,
      unitId: 'town-2',
      rows: [{ update, mac: await updateRowMac(PROCESS_STORAGE_KEY, row) }],
      userId: row.userId,
      deviceId: row.deviceId,
      events: [old],
      projection: { carriers: [], anomalies: [] },
      now,
    })
    f.server.sync.cache.delete('town-2') // the next client loads the doc from storage
    const c = f.client(officer2, 'town-2')
    await c.connect()
    await c.synced()
    expect(c.events.has(old.id)).toBe(true)

    const fresh = registration({
      unit: 'town-2',
      actor: 'officer2',
      secretKey: officer2.secretKey,
      serialNo: 802,
    })
    await c.waitForAck(c.sendUpdate(updateWith([fresh])))
    const unit = f.server.sync.cache.peek('town-2')
    if (!unit) throw new Error('town-2 not loaded')
    const state = unit.register.state
    // Rule C-01 judges the registration by today, not by 2286: it folds, and the 2286 event is an anomaly.
    expect(state.refused.filter((refusal) => refusal.eventId === fresh.id)).toEqual([])
    expect(state.carriers.has('town-2-t802')).toBe(true)
    expect(state.carriers.has('town-2-t801')).toBe(false)
    expect(
      state.anomalies.some((a) => a.kind === AnomalyKind.ClockOutOfRange && a.eventIds.includes(old.id)),
    ).toBe(true)
  })
})
