import { type CarrierRegistered, hlcWallMs } from '@secledger/domain'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { COMPACT_THRESHOLD, loadDocUpdates } from '../src/db/doc-updates.ts'
import { MetaKey, readLastAck, readMeta } from '../src/db/meta-store.ts'
import { openSecLedgerDb, type SecLedgerDb } from '../src/db/secledger-db.ts'
import { EventWriter } from '../src/sync/event-writer.ts'
import type { SyncError } from '../src/sync/sync-messages.ts'
import { SyncProvider } from '../src/sync/sync-provider.ts'
import { registerDocName, UnitReplica } from '../src/sync/unit-replica.ts'
import { FakeSocket, FakeSyncServer } from './fake-sync-server.ts'
import { directoryOf, freshDbName, makeUser, UNIT, WORKDAY_10AM } from './fixtures.ts'
import { unlockTestReplica } from './replica-vault.ts'

const officer = makeUser('officer1', ['officer'])
const directory = directoryOf(officer)

function registration(
  serial: string,
  level: CarrierRegistered['level'],
  ids: readonly string[],
): CarrierRegistered {
  return {
    kind: 'paper',
    direction: 'received',
    issuer: '县委办',
    docNumber: `县委发〔2026〕${serial.slice(-1)}号`,
    title: level === 'secret' || level === 'top_secret' ? '关于＊＊＊' : '关于工作安排的通知',
    level,
    periodYears: null,
    scope: '班子成员',
    serial,
    receivedOn: '2026-03-04',
    copies: ids.map((id, i) => ({ id, copyNumber: i + 1 })),
  }
}

let db: SecLedgerDb
let replica: UnitReplica
let writer: EventWriter
let clock = WORKDAY_10AM

beforeEach(async () => {
  FakeSocket.instances = []
  clock = WORKDAY_10AM
  db = openSecLedgerDb(freshDbName())
  await unlockTestReplica(db)
  replica = new UnitReplica(db, UNIT, directory)
  await replica.open()
  writer = new EventWriter(
    db,
    replica,
    { userId: officer.id, deviceId: 'dev-test-0001', secretKey: () => officer.secretKey },
    () => {
      clock += 1000
      return clock
    },
  )
})

afterEach(() => {
  replica.close()
  db.close()
})

function connect(errors: SyncError[] = []) {
  const provider = new SyncProvider({
    url: `ws://test/api/sync/${UNIT}`,
    doc: replica.doc,
    pendingIds: () => replica.pending,
    onAck: (ids) => void replica.acknowledge(ids, clock),
    onError: (e) => errors.push(e),
    WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
    isOnline: () => true,
  })
  provider.connect()
  const socket = FakeSocket.instances.at(-1) as FakeSocket
  socket.accept()
  return { provider, socket, server: new FakeSyncServer(socket) }
}

describe('writing events (block rules, then one strict outbox transaction, then the doc)', () => {
  it('C-07 refuses to copy a 绝密 carrier: nothing reaches the outbox or the doc', async () => {
    const registered = await writer.write(
      'carrier.registered',
      registration('2026-0001', 'top_secret', ['c-ts-1']),
    )
    expect(registered.ok).toBe(true)
    const before = replica.events.size
    const copied = await writer.write('carrier.copied', {
      originalId: 'c-ts-1',
      copies: [{ id: 'c-ts-copy', copyNumber: 2 }],
      approval: {
        authority: 'issuing_organ',
        approver: '县委办公室',
        reference: '县委办函〔2026〕1号',
        approvedOn: '2026-03-04',
      },
      place: { kind: 'licensed_point', pointId: 'cp-1' },
    })
    expect(copied.ok).toBe(false)
    expect(!copied.ok && copied.error.code).toBe('C-07')
    expect(!copied.ok && copied.error.message.zh).toContain('绝密载体未经原定密机关同意不得复制')
    expect(replica.events.size).toBe(before)
    expect(await db.outbox.count()).toBe(1)
    expect(replica.state.carriers.has('c-ts-copy')).toBe(false)
  })

  it('C-02 a 机密 registration of 2 copies gives two register entries, kept in the outbox until acknowledged', async () => {
    const result = await writer.write(
      'carrier.registered',
      registration('2026-0001', 'secret', ['c-1', 'c-2']),
    )
    expect(result.ok).toBe(true)
    expect(replica.state.carriers.size).toBe(2)
    expect(await db.outbox.count()).toBe(1)
    expect(replica.pending).toHaveLength(1)
    expect(await readMeta(db, MetaKey.LastHlc)).toBe(result.ok ? result.value.at : null)
  })

  it('a device whose clock is behind events already in the doc (within the allowed skew) still orders its events after them', async () => {
    const otherDb = openSecLedgerDb(freshDbName())
    await unlockTestReplica(otherDb)
    const other = new UnitReplica(otherDb, UNIT, directory)
    await other.open()
    // Two minutes ahead: within DEFAULT_MAX_CLOCK_SKEW_MS. Beyond it the clock is not adopted (issue 10,
    // clock-skew.test.ts).
    const aheadMs = WORKDAY_10AM + 2 * 60_000
    const otherWriter = new EventWriter(
      otherDb,
      other,
      { userId: officer.id, deviceId: 'dev-test-0002', secretKey: () => officer.secretKey },
      () => aheadMs,
    )
    const remote = await otherWriter.write('carrier.registered', registration('2026-0001', 'secret', ['c-1']))
    const { applyUpdate, encodeStateAsUpdate } = await import('yjs')
    applyUpdate(replica.doc, encodeStateAsUpdate(other.doc))
    const local = await writer.write('carrier.handed_out', { carrierId: 'c-1', reader: '张三' })
    expect(remote.ok && local.ok).toBe(true)
    if (!remote.ok || !local.ok) return
    expect(local.value.at > remote.value.at).toBe(true)
    expect(hlcWallMs(local.value.at)).toBe(aheadMs)
    expect(replica.state.carriers.get('c-1')?.state).toBe('out')
    other.close()
    otherDb.close()
  })

  it('HLCs of successive local events increase', async () => {
    const a = await writer.write('carrier.registered', registration('2026-0001', 'secret', ['c-1']))
    const b = await writer.write('carrier.handed_out', { carrierId: 'c-1', reader: '张三' })
    expect(a.ok && b.ok && a.value.at < b.value.at).toBe(true)
  })
})

describe('offline cold start from IndexedDB', () => {
  it('reopens the register from stored doc updates and the outbox, with no network', async () => {
    await writer.write('carrier.registered', registration('2026-0001', 'secret', ['c-1', 'c-2']))
    await writer.write('carrier.handed_out', { carrierId: 'c-1', reader: '张三' })
    await replica.flushed()
    replica.close()
    replica = new UnitReplica(db, UNIT, directory)
    await replica.open()
    expect(replica.state.carriers.get('c-1')?.state).toBe('out')
    expect(replica.pending).toHaveLength(2)
  })

  it('puts back an outbox event whose doc update was lost before it was stored', async () => {
    const result = await writer.write('carrier.registered', registration('2026-0001', 'secret', ['c-1']))
    await replica.flushed()
    await db.docUpdates.where('docName').equals(registerDocName(UNIT)).delete()
    replica.close()
    replica = new UnitReplica(db, UNIT, directory)
    await replica.open()
    expect(result.ok && replica.events.has(result.value.id)).toBe(true)
    expect(replica.state.carriers.has('c-1')).toBe(true)
  })

  it('compacts many stored updates into one row on load', async () => {
    for (let i = 0; i < COMPACT_THRESHOLD + 5; i++) replica.doc.getMap('scratch').set(`k${i}`, i)
    await replica.flushed()
    const docName = registerDocName(UNIT)
    const { Doc } = await import('yjs')
    const fresh = new Doc()
    await loadDocUpdates(db, docName, fresh)
    expect(await db.docUpdates.where('docName').equals(docName).count()).toBe(1)
    expect(fresh.getMap('scratch').size).toBe(COMPACT_THRESHOLD + 5)
  })
})

describe('sync: ACK bookkeeping over the contract protocol', () => {
  it('events written offline go in the step 2 and leave the outbox only on its ACK', async () => {
    const result = await writer.write(
      'carrier.registered',
      registration('2026-0001', 'secret', ['c-1', 'c-2']),
    )
    expect(result.ok).toBe(true)
    const { socket, server, provider } = connect()
    server.sendStep1()
    server.drain()
    expect(server.dataMessages).toBe(1)
    expect(result.ok && server.doc.getMap('events').has(result.value.id)).toBe(true)
    // not yet acknowledged: still pending, "synced" not shown
    expect(await db.outbox.count()).toBe(1)
    expect(replica.snapshot.lastAckAt).toBeNull()
    server.ack(1)
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0))
    expect(replica.snapshot.pending).toBe(0)
    expect(replica.snapshot.lastAckAt).toBe(clock)
    expect(await readLastAck(db, UNIT)).toBe(clock)
    provider.destroy()
    expect(socket.readyState).toBe(FakeSocket.CLOSED)
  })

  it('an update written while connected is message 2; ACK 2 releases exactly its event', async () => {
    const { server, provider } = connect()
    server.sendStep1()
    server.drain()
    server.ack(1)
    const handed = await writer.write('carrier.registered', registration('2026-0001', 'secret', ['c-1']))
    server.drain()
    expect(server.dataMessages).toBe(2)
    expect(await db.outbox.count()).toBe(1)
    server.ack(2)
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0))
    expect(handed.ok).toBe(true)
    provider.destroy()
  })

  it('SYNC-IMMUTABLE: an ERROR frame is shown in Chinese and its events stay in the outbox', async () => {
    const errors: SyncError[] = []
    await writer.write('carrier.registered', registration('2026-0001', 'secret', ['c-1']))
    const { server, provider } = connect(errors)
    server.sendStep1()
    server.drain()
    server.error({
      code: 'SYNC-IMMUTABLE',
      message: { zh: '同步被拒绝：不允许删除或修改已登记的记录', en: 'immutable' },
      ref: 1,
    })
    server.ack(1) // a stray ACK of the refused message must not release anything
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(errors.map((e) => e.message.zh)).toEqual(['同步被拒绝：不允许删除或修改已登记的记录'])
    expect(await db.outbox.count()).toBe(1)
    provider.destroy()
  })

  it('remote events from the server are folded and not sent back', async () => {
    const otherDb = openSecLedgerDb(freshDbName())
    await unlockTestReplica(otherDb)
    const other = new UnitReplica(otherDb, UNIT, directory)
    await other.open()
    const otherWriter = new EventWriter(
      otherDb,
      other,
      { userId: officer.id, deviceId: 'dev-test-0002', secretKey: () => officer.secretKey },
      () => clock,
    )
    await otherWriter.write('carrier.registered', registration('2026-0009', 'secret', ['c-remote']))
    const { server, socket, provider } = connect()
    const { applyUpdate, encodeStateAsUpdate } = await import('yjs')
    applyUpdate(server.doc, encodeStateAsUpdate(other.doc))
    server.sendStep1()
    server.drain() // client step 1 → server step 2 with the remote event
    expect(replica.state.carriers.has('c-remote')).toBe(true)
    const sentBefore = socket.sent.length
    server.drain()
    expect(socket.sent.length).toBe(sentBefore)
    expect(replica.pending).toHaveLength(0)
    provider.destroy()
    other.close()
    otherDb.close()
  })
})

describe('merged offline histories (ARCHITECTURE decision 2)', () => {
  it('C-04 two offline hand-outs of one copy become an anomaly that an officer resolves with a note', async () => {
    await writer.write('carrier.registered', registration('2026-0001', 'secret', ['c-1']))
    const otherDb = openSecLedgerDb(freshDbName())
    await unlockTestReplica(otherDb)
    const other = new UnitReplica(otherDb, UNIT, directory)
    await other.open()
    const { applyUpdate, encodeStateAsUpdate } = await import('yjs')
    applyUpdate(other.doc, encodeStateAsUpdate(replica.doc))
    const otherWriter = new EventWriter(
      otherDb,
      other,
      { userId: officer.id, deviceId: 'dev-test-0002', secretKey: () => officer.secretKey },
      () => clock,
    )
    // both devices, offline, hand out the same copy to different readers
    expect((await writer.write('carrier.handed_out', { carrierId: 'c-1', reader: '张三' })).ok).toBe(true)
    expect((await otherWriter.write('carrier.handed_out', { carrierId: 'c-1', reader: '李四' })).ok).toBe(
      true,
    )
    applyUpdate(replica.doc, encodeStateAsUpdate(other.doc))
    const open = replica.state.anomalies.filter((a) => a.resolvedAt === null)
    expect(open.map((a) => a.kind)).toEqual(['concurrent_hand_out'])
    expect(
      replica.state.carriers
        .get('c-1')
        ?.holders.map((h) => h.reader)
        .sort(),
    ).toEqual(['张三', '李四'])

    const empty = await writer.write('anomaly.resolved', { anomalyId: open[0]?.id ?? '', note: '  ' })
    expect(!empty.ok && empty.error.code).toBe('ANOMALY-NOTE')
    const resolved = await writer.write('anomaly.resolved', {
      anomalyId: open[0]?.id ?? '',
      note: '已核实，李四为误登记',
    })
    expect(resolved.ok).toBe(true)
    expect(replica.state.anomalies.filter((a) => a.resolvedAt === null)).toEqual([])
    other.close()
    otherDb.close()
  })
})
