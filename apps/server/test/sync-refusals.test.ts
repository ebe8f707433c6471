import { randomBytes } from 'node:crypto'
import { events } from '@secledger/db'
import { listTestEngines } from '@secledger/db/testing'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addEvents, registration, signed, updateWith } from './support/events.ts'
import { syncFrame } from './support/sync-client.ts'
import { useSyncFixture } from './support/sync-fixture.ts'

const engines = await listTestEngines()

describe.each(engines)('WebSocket sync refusals on $kind', (engine) => {
  const f = useSyncFixture(engine)

  it('a forged approval (f.officer1 key, actor f.leader1) gets SYNC-BAD-EVENT and changes nothing anywhere', async () => {
    const forger = await f.syncedClient(f.officer1)
    const watcher = await f.syncedClient(f.leader1)
    const projectionBefore = await f.projectionOf('town-1')
    const forged = signed(
      {
        unit: 'town-1',
        type: 'approval.granted',
        actor: 'leader1',
        payload: { subject: 'carrier.destroy', carrierIds: ['town-1-0001-1'] },
      },
      f.officer1.secretKey,
    )
    const n = forger.sendUpdate(updateWith([forged]))
    const error = await forger.waitForError('SYNC-BAD-EVENT')
    expect(error.ref).toBe(n)
    expect(forger.frames.some((f) => f.kind === 'ack' && f.n === n)).toBe(false)

    expect(await f.server.database.db.select().from(events).where(eq(events.id, forged.id))).toEqual([])
    expect(await f.projectionOf('town-1')).toEqual(projectionBefore)
    const alerts = await f.securityRows('sync_bad_event')
    expect(alerts.some((row) => row.detail.eventId === forged.id && row.userId === 'officer1')).toBe(true)
    expect(f.serverDoc().getMap('events').has(forged.id)).toBe(false)

    // Broadcasts are ordered: once the watcher has a later valid event, it would have had the forgery too.
    const valid = registration({
      unit: 'town-1',
      actor: 'officer1',
      secretKey: f.officer1.secretKey,
      serialNo: 110,
    })
    const m = forger.sendUpdate(updateWith([valid]))
    await forger.waitForAck(m)
    await watcher.waitUntil(() => (watcher.events.has(valid.id) ? true : undefined), 5000, 'valid event')
    expect(watcher.events.has(forged.id)).toBe(false)
  })

  it.each([
    [
      'the officer approving (role)',
      'approval.granted',
      'officer1',
      { subject: 'carrier.destroy', carrierIds: ['x'] },
    ],
    ['an unknown actor', 'carrier.handed_out', 'mallory', { carrierId: 'town-1-0001-1', reader: '甲' }],
    ['a malformed payload', 'carrier.handed_out', 'officer1', { carrierId: 'town-1-0001-1', body: '正文' }],
    ['an unknown type', 'carrier.painted', 'officer1', {}],
    [
      'a telegram with an extra field (S-01)',
      'telegram.acknowledged',
      'officer1',
      { telegramId: 't1', body: '正文' },
    ],
  ])('refuses %s with SYNC-BAD-EVENT', async (_what, type, actor, payload) => {
    const c = await f.syncedClient(f.officer1)
    const event = signed({ unit: 'town-1', type, actor, payload }, f.officer1.secretKey)
    const n = c.sendUpdate(updateWith([event]))
    expect((await c.waitForError('SYNC-BAD-EVENT')).ref).toBe(n)
    expect(f.serverDoc().getMap('events').has(event.id)).toBe(false)
  })

  it('takes custody of every register’s events, not only carriers (a cipher telegram receipt)', async () => {
    const c = await f.syncedClient(f.officer1)
    const received = signed(
      {
        unit: 'town-1',
        type: 'telegram.received',
        actor: 'officer1',
        payload: {
          telegramId: 't1',
          serial: '2026-0001',
          fromUnit: '县委机要局',
          docNumber: '县机电〔2026〕1号',
          level: 'confidential',
          precedence: 'routine',
          important: false,
          earlyWarning: false,
          receivedAt: 0,
        },
      },
      f.officer1.secretKey,
    )
    await c.waitForAck(c.sendUpdate(updateWith([received])))
    expect(f.serverDoc().getMap('events').has(received.id)).toBe(true)
    const stored = await f.server.database.db
      .select({ id: events.id })
      .from(events)
      .where(eq(events.id, received.id))
    expect(stored).toHaveLength(1)
  })

  it('S-02 refuses a 机密 registration whose title is not de-sensitized; it never reaches the server', async () => {
    const c = await f.syncedClient(f.officer1)
    const event = registration({
      unit: 'town-1',
      actor: 'officer1',
      secretKey: f.officer1.secretKey,
      serialNo: 125,
      level: 'secret',
      title: '关于某项目的完整标题',
      unmaskedTitle: true,
    })
    const n = c.sendUpdate(updateWith([event]))
    expect((await c.waitForError('SYNC-BAD-EVENT')).ref).toBe(n)
    expect(await f.server.database.db.select().from(events).where(eq(events.id, event.id))).toEqual([])
  })

  it('refuses an event of another unit, and an entry whose key is not its id', async () => {
    const c = await f.syncedClient(f.officer1)
    const other = registration({
      unit: 'town-2',
      actor: 'officer1',
      secretKey: f.officer1.secretKey,
      serialNo: 120,
    })
    c.sendUpdate(updateWith([other]))
    await c.waitForError('SYNC-BAD-EVENT')
    const event = registration({
      unit: 'town-1',
      actor: 'officer1',
      secretKey: f.officer1.secretKey,
      serialNo: 121,
    })
    const doc = new Y.Doc()
    doc.getMap('events').set('f'.repeat(64), { ...event })
    const n = c.sendUpdate(Y.encodeStateAsUpdate(doc))
    expect(await c.waitFor((f) => f.kind === 'error' && f.ref === n)).toMatchObject({
      code: 'SYNC-BAD-EVENT',
    })
    expect(f.serverDoc().getMap('events').has(event.id)).toBe(false)
  })

  it('SYNC-IMMUTABLE: a client deleting an event is refused, logged, and the f.server doc keeps it', async () => {
    const c = await f.syncedClient(f.officer1)
    const other = await f.syncedClient(f.officer1b)
    const victim = Array.from(c.events.keys())[0] as string
    const eventsBefore = await f.server.database.db.select({ id: events.id }).from(events)
    c.events.delete(victim)
    const error = await c.waitForError('SYNC-IMMUTABLE')
    expect(error.ref).toBe(c.sent)
    expect(error.message.zh).toBe('台账记录不可删除或修改')
    expect(f.serverDoc().getMap('events').has(victim)).toBe(true)
    expect(other.events.has(victim)).toBe(true)
    expect(await f.server.database.db.select({ id: events.id }).from(events)).toEqual(eventsBefore)
    expect((await f.securityRows('sync_immutable')).some((row) => row.userId === 'officer1')).toBe(true)
  })

  it('SYNC-IMMUTABLE: a client overwriting an event (setting its key again) is refused', async () => {
    const c = await f.syncedClient(f.officer1)
    const key = Array.from(c.events.keys())[1] as string
    const original = f.serverDoc().getMap('events').get(key)
    c.events.set(key, { ...(c.events.get(key) as object), device: 'tampered' })
    expect((await c.waitForError('SYNC-IMMUTABLE')).ref).toBe(c.sent)
    expect(f.serverDoc().getMap('events').get(key)).toEqual(original)
    const fresh = await f.syncedClient(f.officer1b)
    expect(fresh.events.get(key)).toEqual(original)
  })

  it('SYNC-MALFORMED for garbage frames; the doc is intact and everyone else still syncs', async () => {
    const c = f.client(f.officer1, 'town-1', false)
    await c.connect()
    await c.waitFor((f) => f.kind === 'sync' && f.step === 0)
    const before = f.serverDoc().getMap('events').toJSON()
    const garbage: Uint8Array[] = [
      new Uint8Array([0xff, 0x13, 0x37, 0x00]), // unknown message type
      new Uint8Array([0x00, 0x07, 0x01, 0x00]), // unknown sync step
      syncFrame(2, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff])), // update that does not decode
      new Uint8Array([0x00, 0x02, 0x10, 0x01]), // length past the end
      new Uint8Array([0x00, 0x02, 0x80]), // truncated varint
      new Uint8Array([0x80]), // truncated type
      new Uint8Array(randomBytes(64)).fill(0xee, 0, 1), // random bytes
    ]
    for (const frame of garbage) c.sendRaw(frame)
    c.sendRaw(new TextEncoder().encode('hello')) // a binary frame of text, still garbage
    await c.waitUntil(
      () => (c.frames.filter((f) => f.kind === 'error').length === garbage.length + 1 ? true : undefined),
      5000,
      'errors',
    )
    expect(
      c.frames
        .filter((f) => f.kind === 'error')
        .every((f) => f.kind === 'error' && f.code === 'SYNC-MALFORMED'),
    ).toBe(true)
    // Frames that announced a step2/update are numbered, so ACK counts stay aligned.
    expect(
      c.frames
        .filter((f) => f.kind === 'error' && f.ref !== undefined)
        .map((f) => (f.kind === 'error' ? f.ref : 0)),
    ).toEqual([1, 2, 3])

    // Random payloads wrapped as updates: whatever the verdict, nothing changes.
    for (let i = 0; i < 30; i++) c.sendUpdate(new Uint8Array(randomBytes(8 + i)))
    const valid = registration({
      unit: 'town-1',
      actor: 'officer1',
      secretKey: f.officer1.secretKey,
      serialNo: 130,
    })
    c.sent = 3 + 30
    const n = c.sendUpdate(updateWith([valid]))
    await c.waitForAck(n)
    const after = f.serverDoc().getMap('events').toJSON()
    expect(Object.keys(after).length).toBe(Object.keys(before).length + 1)
    expect(after).toMatchObject(before)
    expect(f.serverDoc().store.pendingStructs).toBeNull()

    const other = await f.syncedClient(f.officer1b)
    expect(other.events.toJSON()).toEqual(after)
  })

  it('refuses an update whose earlier part is missing (no parked structs), then takes both in order', async () => {
    const c = await f.syncedClient(f.officer1)
    const doc = new Y.Doc()
    const first = registration({
      unit: 'town-1',
      actor: 'officer1',
      secretKey: f.officer1.secretKey,
      serialNo: 140,
    })
    const second = registration({
      unit: 'town-1',
      actor: 'officer1',
      secretKey: f.officer1.secretKey,
      serialNo: 141,
    })
    addEvents(doc, [first])
    const firstUpdate = Y.encodeStateAsUpdate(doc)
    const sv = Y.encodeStateVector(doc)
    addEvents(doc, [second])
    const secondUpdate = Y.encodeStateAsUpdate(doc, sv)
    const n = c.sendUpdate(secondUpdate)
    expect((await c.waitForError('SYNC-MALFORMED')).ref).toBe(n)
    expect(f.serverDoc().store.pendingStructs).toBeNull()
    expect(f.serverDoc().getMap('events').has(second.id)).toBe(false)
    await c.waitForAck(c.sendUpdate(firstUpdate))
    await c.waitForAck(c.sendUpdate(secondUpdate))
    expect(f.serverDoc().getMap('events').has(second.id)).toBe(true)
  })
})
