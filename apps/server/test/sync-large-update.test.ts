import { carrierProjection, events, yjsUpdates } from '@secledger/db'
import { listTestEngines } from '@secledger/db/testing'
import type { EventEnvelope } from '@secledger/domain'
import { and, count, eq, gt } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { EVENTS_PER_CHUNK } from '../src/sync/commit-chunks.ts'
import { checkEntries } from '../src/sync/entry-check.ts'
import { DEFAULT_CLOCK_WINDOW } from '../src/sync/event-clock.ts'
import { createForegroundGate } from '../src/sync/foreground.ts'
import { loadUnitDoc } from '../src/sync/load-unit-doc.ts'
import { createSlicer } from '../src/sync/slicer.ts'
import { PROCESS_STORAGE_KEY } from '../src/sync/storage-key.ts'
import { createSyncService } from '../src/sync/sync-service.ts'
import type { SyncPeer, UnitDoc } from '../src/sync/unit-doc.ts'
import { encodeStructs } from '../src/sync/update-codec.ts'
import { bulkRegistrations } from './support/bulk-events.ts'
import { registration, updateWith } from './support/events.ts'
import { useSyncFixture } from './support/sync-fixture.ts'
import { loginAs } from './support/test-server.ts'

const engines = await listTestEngines()
const BIG = 3_000

describe.each(engines)('issue 10 item 8: large updates on $kind', (engine) => {
  const f = useSyncFixture(engine)
  let nextSerial = 10_000

  function big(unit = 'town-1', actor = 'officer1', secretKey = f.officer1.secretKey): EventEnvelope[] {
    const made = bulkRegistrations({ unit, actor, secretKey, count: BIG, firstSerial: nextSerial })
    nextSerial += BIG
    return made
  }

  async function counts(unitId: string) {
    const db = f.server.database.db
    const [[stored], [carriers], [updates]] = await Promise.all([
      db.select({ n: count() }).from(events).where(eq(events.unitId, unitId)),
      db.select({ n: count() }).from(carrierProjection).where(eq(carrierProjection.unitId, unitId)),
      db
        .select({ n: count() })
        .from(yjsUpdates)
        .where(eq(yjsUpdates.doc, `${unitId}:register`)),
    ])
    return { events: stored?.n, carriers: carriers?.n, updates: updates?.n }
  }

  it('issue 10 item 8: an update of 3,000 events is acknowledged and committed whole, and reaches the other devices', async () => {
    const sender = await f.syncedClient(f.officer1)
    const other = await f.syncedClient(f.officer1b)
    const before = await counts('town-1')
    const upload = big()
    await sender.waitForAck(sender.sendUpdate(updateWith(upload)), 60_000)
    const after = await counts('town-1')
    expect({ events: after.events, carriers: after.carriers }).toEqual({
      events: (before.events ?? 0) + BIG,
      carriers: (before.carriers ?? 0) + BIG,
    })
    expect(after.updates).toBe((before.updates ?? 0) + Math.ceil(BIG / EVENTS_PER_CHUNK))
    const served = f.serverDoc().getMap('events')
    expect(upload.every((event) => served.has(event.id))).toBe(true)
    await other.waitUntil(
      () => (upload.every((event) => other.events.has(event.id)) ? true : undefined),
      30_000,
      'the whole upload',
    )
    // A device that connects now gets it from the server's doc, whole.
    const late = await f.syncedClient(f.leader1)
    expect(upload.every((event) => late.events.has(event.id))).toBe(true)
    // Stored as slices (rows of bounded size), it loads back whole, vouched by the rows' MACs.
    const rows = await f.server.database.db
      .select()
      .from(yjsUpdates)
      .where(eq(yjsUpdates.doc, 'town-1:register'))
    expect(Math.max(...rows.map((row) => row.update.byteLength))).toBeLessThan(512 * 1024)
    const { unit, reverified } = await loadUnitDoc(
      {
        database: f.server.database,
        now: () => new Date(),
        clock: DEFAULT_CLOCK_WINDOW,
        storageKey: PROCESS_STORAGE_KEY,
      },
      'town-1',
    )
    expect(reverified).toBe(0)
    expect(upload.every((event) => unit.doc.getMap('events').has(event.id))).toBe(true)
    expect(unit.doc.store.pendingStructs).toBeNull()
  })

  it('issue 10 item 8: an upload sent as consecutive frames back to back (as the web client sends a large step 2) is acknowledged frame by frame and stored whole', async () => {
    const sender = await f.syncedClient(f.officer1)
    const before = await counts('town-1')
    const upload = big()
    const items = Y.decodeUpdate(updateWith(upload)).structs as Y.Item[]
    const FRAMES = 12
    const per = Math.ceil(items.length / FRAMES)
    const sent: number[] = []
    // No frame waits for the previous one's ACK: the server must take them in order, on one queue.
    for (let i = 0; i < items.length; i += per)
      sent.push(sender.sendUpdate(encodeStructs(items.slice(i, i + per))))
    expect(sent).toHaveLength(FRAMES)
    for (const n of sent) await sender.waitForAck(n, 60_000)
    expect(sender.frames.some((frame) => frame.kind === 'error')).toBe(false)
    const after = await counts('town-1')
    expect(after.events).toBe((before.events ?? 0) + BIG)
    expect(upload.every((event) => f.serverDoc().getMap('events').has(event.id))).toBe(true)
  })

  it('issue 10 item 8: one forged event refuses the whole 3,000-event update: nothing is stored or served', async () => {
    const sender = await f.syncedClient(f.officer1)
    const before = await counts('town-1')
    const upload = big()
    const last = upload[upload.length - 1] as EventEnvelope
    upload[upload.length - 1] = { ...last, sig: '0'.repeat(128) }
    const n = sender.sendUpdate(updateWith(upload))
    expect((await sender.waitForError('SYNC-BAD-EVENT', 60_000)).ref).toBe(n)
    expect(await counts('town-1')).toEqual(before)
    expect(upload.some((event) => f.serverDoc().getMap('events').has(event.id))).toBe(false)
  })

  it('issue 10 item 8: another township’s small update commits while a large upload is still being checked', async () => {
    const officer2 = await loginAs(f.server.url, 'officer2')
    const town1 = await f.server.sync.open('town-1')
    const town2 = await f.server.sync.open('town-2')
    const small = registration({
      unit: 'town-2',
      actor: 'officer2',
      secretKey: officer2.secretKey,
      serialNo: 950,
    })
    const finished: string[] = []
    const bigDone = f.server.sync
      .ingest(town1, updateWith(big()), { userId: 'officer1', deviceId: 'bulk', peer: null })
      .then((result) => {
        finished.push('big')
        return result
      })
    // The small one arrives once the big one has started (its first slice is under way).
    const smallDone = new Promise<Awaited<typeof bigDone>>((resolve, reject) => {
      setImmediate(() => {
        f.server.sync
          .ingest(town2, updateWith([small]), { userId: 'officer2', deviceId: 'pc', peer: null })
          .then((result) => {
            finished.push('small')
            resolve(result)
          }, reject)
      })
    })
    const [bigResult, smallResult] = await Promise.all([bigDone, smallDone])
    expect(finished).toEqual(['small', 'big'])
    if (!bigResult.ok || !smallResult.ok) throw new Error('refused')
    // Committed first, too: the database numbered the small update before the large one.
    expect(smallResult.value.seq).toBeLessThan(bigResult.value.seq ?? 0)
  })

  it('issue 10 item 8: a large update commits in chunks, and another township’s edit commits between them', async () => {
    const officer2 = await loginAs(f.server.url, 'officer2')
    const town1 = await f.server.sync.open('town-1')
    const town2 = await f.server.sync.open('town-2')
    const firstSeq = town1.lastSeq
    const smallDone: ReturnType<typeof f.server.sync.ingest>[] = []
    // The edit arrives once the first chunk is committed (and broadcast), while the rest still waits.
    const watcher: SyncPeer = {
      send: () => {
        if (smallDone.length > 0) return
        smallDone.push(
          f.server.sync.ingest(
            town2,
            updateWith([
              registration({
                unit: 'town-2',
                actor: 'officer2',
                secretKey: officer2.secretKey,
                serialNo: 951,
              }),
            ]),
            { userId: 'officer2', deviceId: 'pc', peer: null },
          ),
        )
      },
      close: () => {},
    }
    town1.peers.add(watcher)
    try {
      const bigResult = await f.server.sync.ingest(town1, updateWith(big()), {
        userId: 'officer1',
        deviceId: 'bulk',
        peer: null,
      })
      const smallResult = await (smallDone[0] ?? Promise.reject(new Error('no chunk was broadcast')))
      if (!bigResult.ok || !smallResult.ok) throw new Error('refused')
      const smallSeq = smallResult.value.seq ?? 0
      const chunks = await f.server.database.db
        .select({ seq: yjsUpdates.seq })
        .from(yjsUpdates)
        .where(and(eq(yjsUpdates.doc, 'town-1:register'), gt(yjsUpdates.seq, firstSeq)))
      expect(chunks).toHaveLength(Math.ceil(BIG / EVENTS_PER_CHUNK))
      // The database numbered the edit after the upload's first chunk and before its last.
      expect(chunks.filter((row) => row.seq < smallSeq).length).toBeGreaterThan(0)
      expect(chunks.filter((row) => row.seq > smallSeq).length).toBeGreaterThan(0)
      expect(bigResult.value.seq).toBe(Math.max(...chunks.map((row) => row.seq)))
    } finally {
      town1.peers.delete(watcher)
    }
  })

  it('issue 10 item 8: a failure between chunks keeps the committed chunks whole and nothing else; the resent update stores only the rest', async () => {
    // A service of its own on the same database (town-3, so the fixture's cached docs stay true), whose
    // fourth statement after arming fails as a lost connection would.
    const officer3 = await loginAs(f.server.url, 'officer3')
    let statementsLeft = Number.POSITIVE_INFINITY
    const real = f.server.database.db
    const db = new Proxy(real, {
      get(target, key) {
        if (key === 'execute') {
          return (query: Parameters<typeof real.execute>[0]) => {
            if (--statementsLeft < 0) return Promise.reject(new Error('simulated: connection lost'))
            return target.execute(query)
          }
        }
        const value = Reflect.get(target, key, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const service = createSyncService({ database: { ...f.server.database, db } })
    const before = await counts('town-3')
    const upload = bulkRegistrations({
      unit: 'town-3',
      actor: 'officer3',
      secretKey: officer3.secretKey,
      count: BIG,
      firstSerial: 40_000,
    })
    const origin = { userId: 'officer3', deviceId: 'bulk', peer: null }
    const unit = await service.open('town-3')
    statementsLeft = 3
    const bytes = updateWith(upload)
    await expect(service.ingest(unit, bytes, origin)).rejects.toThrow('simulated')
    statementsLeft = Number.POSITIVE_INFINITY

    // Three chunks committed, each whole (row, events, projection), and served; nothing of the rest.
    const kept = 3 * EVENTS_PER_CHUNK
    const afterFailure = await counts('town-3')
    expect(afterFailure).toEqual({
      events: (before.events ?? 0) + kept,
      carriers: (before.carriers ?? 0) + kept,
      updates: (before.updates ?? 0) + 3,
    })
    const served = unit.doc.getMap('events')
    expect(upload.filter((event) => served.has(event.id))).toEqual(upload.slice(0, kept))
    // As a restart after a crash would see it: the committed chunks load whole, vouched by their MACs.
    const loadContext = {
      database: f.server.database,
      now: () => new Date(),
      clock: DEFAULT_CLOCK_WINDOW,
      storageKey: PROCESS_STORAGE_KEY,
    }
    const reloaded = await loadUnitDoc(loadContext, 'town-3')
    expect(reloaded.reverified).toBe(0)
    expect(upload.filter((event) => reloaded.unit.doc.getMap('events').has(event.id))).toHaveLength(kept)
    expect(reloaded.unit.doc.store.pendingStructs).toBeNull()

    // The client got no ACK and sends the whole update again: only the rest is stored, once.
    const again = await service.ingest(unit, bytes, origin)
    expect(again.ok ? null : again.error.code).toBeNull()
    expect(await counts('town-3')).toEqual({
      events: (before.events ?? 0) + BIG,
      carriers: (before.carriers ?? 0) + BIG,
      updates: (before.updates ?? 0) + 3 + Math.ceil((BIG - kept) / EVENTS_PER_CHUNK),
    })
    const whole = await loadUnitDoc(loadContext, 'town-3')
    expect(upload.every((event) => whole.unit.doc.getMap('events').has(event.id))).toBe(true)
    expect(whole.unit.doc.store.pendingStructs).toBeNull()
    const projection = await f.projectionOf('town-3')
    expect(new Set(projection.map((row) => row.id)).size).toBe(projection.length)
  })

  it('issue 10 item 8: the signature checks of a large update pause: a timer set with them runs before they end', async () => {
    const unit = await f.server.sync.open('town-1')
    let checked = 0
    const counting: UnitDoc = {
      ...unit,
      verify: (event, publicKey) => {
        checked++
        return unit.verify(event, publicKey)
      },
    }
    const upload = big()
    const entries = upload.map((event) => ({ key: event.id, value: { ...event } }))
    let checkedWhenTimerRan = -1
    setImmediate(() => {
      checkedWhenTimerRan = checked
    })
    const context = { database: f.server.database, now: () => new Date(), clock: DEFAULT_CLOCK_WINDOW }
    const result = await checkEntries(context, counting, entries, createSlicer())
    expect(result.ok).toBe(true)
    expect(checked).toBe(BIG)
    expect(checkedWhenTimerRan).toBeGreaterThan(0)
    expect(checkedWhenTimerRan).toBeLessThan(BIG)
  })
})

describe('issue 10 item 8: large uploads give way to ordinary edits', () => {
  it('issue 10 item 8: a paused upload resumes when the edits in progress end, or after its longest wait', async () => {
    const gate = createForegroundGate()
    await gate.idle(10_000) // nothing in progress: at once
    const leave = gate.enter()
    let resumed = false
    const waiting = gate.idle(10_000).then(() => {
      resumed = true
    })
    await new Promise((resolve) => setImmediate(resolve))
    expect(resumed).toBe(false)
    leave()
    leave() // leaving twice counts once
    await waiting
    expect(resumed).toBe(true)
    // An unbroken stream of edits slows an upload, never stops it.
    const endless = gate.enter()
    await gate.idle(5)
    endless()
  })
})
