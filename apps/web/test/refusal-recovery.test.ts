import type { CarrierRegistered, EventEnvelope } from '@secledger/domain'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { loadDocUpdates } from '../src/db/doc-updates.ts'
import { readRecoveryMarker } from '../src/db/meta-store.ts'
import { listQuarantine } from '../src/db/quarantine-store.ts'
import { openSecLedgerDb, type SecLedgerDb } from '../src/db/secledger-db.ts'
import { EventWriter } from '../src/sync/event-writer.ts'
import { ReplicaSync } from '../src/sync/replica-sync.ts'
import type { SyncError } from '../src/sync/sync-messages.ts'
import { registerDocName, UnitReplica } from '../src/sync/unit-replica.ts'
import { FakeSocket, type FakeSyncServer, serveAutomatically } from './fake-sync-server.ts'
import { directoryOf, freshDbName, makeUser, UNIT, WORKDAY_10AM } from './fixtures.ts'
import { unlockTestReplica } from './replica-vault.ts'

const officer = makeUser('officer1', ['officer'])
const directory = directoryOf(officer)

function registration(serial: string, id: string): CarrierRegistered {
  return {
    kind: 'paper',
    direction: 'received',
    issuer: '县委办',
    docNumber: `县委发〔2026〕${serial.slice(-2)}号`,
    title: '关于＊＊＊',
    level: 'secret',
    periodYears: null,
    scope: '班子成员',
    serial,
    receivedOn: '2026-03-04',
    copies: [{ id, copyNumber: 1 }],
  }
}

/** The fake server refuses any message carrying an event whose registration names this carrier. */
const BAD_CARRIER = 'c-bad'
function refuseBad(code: string) {
  return (value: unknown): string | null => {
    const payload = (value as EventEnvelope | null)?.payload as Partial<CarrierRegistered> | undefined
    return payload?.copies?.some((c) => c.id === BAD_CARRIER) ? code : null
  }
}

let db: SecLedgerDb
let replica: UnitReplica
let writer: EventWriter
let sync: ReplicaSync | null = null
let clock = WORKDAY_10AM
let serverDoc: Y.Doc

beforeEach(async () => {
  FakeSocket.instances = []
  clock = WORKDAY_10AM
  serverDoc = new Y.Doc()
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
  sync?.stop()
  sync = null
  FakeSocket.onCreated = null
  replica.close()
  db.close()
})

function startSync(errors: SyncError[] = []): ReplicaSync {
  sync = new ReplicaSync({
    url: `ws://test/api/sync/${UNIT}`,
    replica,
    onError: (e) => errors.push(e),
    WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
    isOnline: () => true,
    now: () => clock,
    minBackoffMs: 5,
  })
  sync.start()
  return sync
}

async function write(serial: string, id: string): Promise<EventEnvelope> {
  const result = await writer.write('carrier.registered', registration(serial, id))
  if (!result.ok) throw new Error(result.error.message.en)
  return result.value
}

function serverHas(id: string): boolean {
  return serverDoc.getMap('events').has(id)
}

async function synced(): Promise<void> {
  await vi.waitFor(
    async () => {
      expect(await db.outbox.count()).toBe(0)
      expect(replica.snapshot.pending).toBe(0)
      expect(replica.needsRecovery).toBe(false)
    },
    { timeout: 5_000 },
  )
}

describe('recovery from a refused update (ARCHITECTURE 5: a refused update must not stall the device)', () => {
  it('SYNC-BAD-EVENT: the refused event is quarantined, the replica rebuilt, and later events still reach the server and are ACKed', async () => {
    const servers: FakeSyncServer[] = serveAutomatically(serverDoc, {
      autoAck: true,
      refuseEntry: refuseBad('SYNC-BAD-EVENT'),
    })
    const errors: SyncError[] = []
    const first = await write('2026-0001', 'c-1')
    startSync(errors)
    await synced()
    expect(serverHas(first.id)).toBe(true)
    const oldClient = replica.doc.clientID

    // A refused update, and one written right after it: its update depends on the refused one and
    // is refused too (a consequence, not a verdict), yet it must still get through.
    const connection = servers[0] as FakeSyncServer
    connection.paused = true
    const bad = await write('2026-0002', BAD_CARRIER)
    const later = await write('2026-0003', 'c-3')
    connection.paused = false
    connection.drain()
    await synced()
    expect(errors.map((e) => e.code)).toEqual(['SYNC-BAD-EVENT'])
    expect(servers[0]?.refused.length).toBe(2)

    expect(serverHas(later.id)).toBe(true)
    expect(serverHas(bad.id)).toBe(false)
    expect(replica.doc.clientID).not.toBe(oldClient)
    expect(replica.events.has(bad.id)).toBe(false)
    expect(replica.events.has(later.id)).toBe(true)
    expect(replica.state.carriers.has(BAD_CARRIER)).toBe(false)
    expect(replica.state.carriers.has('c-3')).toBe(true)
    const quarantined = await listQuarantine(db, UNIT)
    expect(quarantined.map((q) => [q.id, q.error.code])).toEqual([[bad.id, 'SYNC-BAD-EVENT']])
    expect(quarantined[0]?.envelope).toEqual(bad)
    expect(replica.snapshot.quarantined.map((q) => q.id)).toEqual([bad.id])
    expect(await readRecoveryMarker(db, UNIT)).toBeUndefined()

    // And an event written once recovered goes out as an ordinary update.
    const after = await write('2026-0004', 'c-4')
    await synced()
    expect(serverHas(after.id)).toBe(true)
    expect(errors).toHaveLength(1)

    // The stored doc was replaced: a cold start sees the rebuilt register, the quarantine kept.
    await replica.flushed()
    const docName = registerDocName(UNIT)
    sync?.stop()
    replica.close()
    replica = new UnitReplica(db, UNIT, directory)
    await replica.open()
    expect(replica.events.has(bad.id)).toBe(false)
    expect([first, later, after].every((e) => replica.events.has(e.id))).toBe(true)
    expect(replica.snapshot.quarantined.map((q) => q.id)).toEqual([bad.id])
    const reloaded = new Y.Doc()
    await loadDocUpdates(db, docName, reloaded)
    expect(reloaded.getMap('events').has(bad.id)).toBe(false)
  })

  it('a refused step 2 carrying several events: each is resent alone and only the refused one is quarantined', async () => {
    const servers = serveAutomatically(serverDoc, { autoAck: true, refuseEntry: refuseBad('SYNC-IMMUTABLE') })
    const errors: SyncError[] = []
    // written offline: all three travel in the step 2
    const a = await write('2026-0001', 'c-1')
    const bad = await write('2026-0002', BAD_CARRIER)
    const c = await write('2026-0003', 'c-3')
    startSync(errors)
    await synced()
    expect(serverHas(a.id) && serverHas(c.id)).toBe(true)
    expect(serverHas(bad.id)).toBe(false)
    expect((await db.quarantine.toArray()).map((q) => q.id)).toEqual([bad.id])
    expect(replica.events.has(bad.id)).toBe(false)
    expect(replica.state.carriers.has('c-1') && replica.state.carriers.has('c-3')).toBe(true)
    // the step 2, then the suspect sent alone: two refusals, each rebuilt from the server's state
    expect(errors.map((e) => e.code)).toEqual(['SYNC-IMMUTABLE', 'SYNC-IMMUTABLE'])
    expect(servers.flatMap((s) => s.refused)).toHaveLength(2)
  })

  it('a refusal recorded before a crash is recovered on the next start', async () => {
    serveAutomatically(serverDoc, { autoAck: true })
    const bad = await write('2026-0001', BAD_CARRIER)
    const good = await write('2026-0002', 'c-2')
    await replica.refuse({
      error: { code: 'SYNC-BAD-EVENT', message: { zh: '记录的签名或权限无效', en: 'bad event' } },
      refusedIds: [bad.id],
      suspectIds: [],
      at: clock,
    })
    await replica.flushed()
    replica.close()
    replica = new UnitReplica(db, UNIT, directory)
    await replica.open()
    expect(replica.needsRecovery).toBe(true)
    startSync()
    await synced()
    expect(serverHas(good.id)).toBe(true)
    expect(serverHas(bad.id)).toBe(false)
    expect(replica.events.has(bad.id)).toBe(false)
    expect(replica.snapshot.quarantined.map((q) => q.id)).toEqual([bad.id])
  })
})
