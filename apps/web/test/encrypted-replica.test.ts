import {
  type CarrierRegistered,
  type EventEnvelope,
  unwrapSecretKey,
  type WrappedKey,
  wrapSecretKey,
} from '@secledger/domain'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { deriveMemberKeys } from '../src/auth/member-keys.ts'
import type { SessionUser } from '../src/auth/session-user.ts'
import { lockSession, persistSession, reopenSession } from '../src/auth/session-vault.ts'
import { cacheAccount, openAccountProfile, readCachedAccount } from '../src/db/account-cache.ts'
import { appDb } from '../src/db/db-instance.ts'
import { loadDocUpdates } from '../src/db/doc-updates.ts'
import { MetaKey, readLastAck, readRecoveryMarker } from '../src/db/meta-store.ts'
import { acknowledgeOutbox, listOutbox } from '../src/db/outbox-store.ts'
import { adoptPlaintextReplica } from '../src/db/plaintext-adoption.ts'
import { listQuarantine, recordRefusal } from '../src/db/quarantine-store.ts'
import {
  attachReplicaKey,
  detachReplicaKey,
  type ReplicaKey,
  ReplicaLockedError,
} from '../src/db/replica-key.ts'
import { unlockReplicaKey } from '../src/db/replica-key-store.ts'
import { openJson } from '../src/db/sealed-box.ts'
import { openSecLedgerDb, type SecLedgerDb } from '../src/db/secledger-db.ts'
import { EventWriter } from '../src/sync/event-writer.ts'
import { registerDocName, UnitReplica } from '../src/sync/unit-replica.ts'
import { directoryOf, freshDbName, makeUser, UNIT, WORKDAY_10AM } from './fixtures.ts'

const FAST_KDF = { memoryKiB: 8, iterations: 1, parallelism: 1 }
const PASSWORD = 'secledger-demo'
const officer = makeUser('officer1', ['officer'])
const officer2 = makeUser('officer2', ['officer'])
const directory = directoryOf(officer, officer2)
const DOC = registerDocName(UNIT)

// Canaries per run: CJK and Latin mixed, 24 characters, so no hex id, hash or timestamp can hold one.
const CJK = '保密台账涉密载体登记分发收回销毁审批复制文号标题知悉范围阅读人乡镇县委办公室通知决定'
const LATIN = 'GHJKLMNPQRSTUVWXYZghjkmnpqrstuvwxyz'
function canary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  return Array.from(bytes, (b, i) => (i % 2 === 0 ? CJK[b % CJK.length] : LATIN[b % LATIN.length])).join('')
}

function registration(serial: string, id: string, text: readonly string[]): CarrierRegistered {
  return {
    kind: 'paper',
    direction: 'received',
    issuer: text[0] ?? '县委办',
    docNumber: text[1] ?? '',
    title: text[2] ?? '关于工作安排的通知',
    level: 'internal',
    periodYears: null,
    scope: text[3] ?? '',
    serial,
    receivedOn: '2026-03-04',
    copies: [{ id, copyNumber: null }],
  }
}

/** Every value of every table, binary as hex and as decoded UTF-8 (what a stolen dump would show). */
async function rawDump(db: SecLedgerDb): Promise<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false })
  const text = (value: unknown): string => {
    if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
      const bytes = value instanceof Uint8Array ? value : new Uint8Array(value)
      const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
      return `${hex} ${decoder.decode(bytes)}`
    }
    if (value instanceof CryptoKey) return `[CryptoKey ${value.extractable}]`
    if (Array.isArray(value)) return value.map(text).join(' ')
    if (value && typeof value === 'object')
      return Object.entries(value)
        .map(([k, v]) => `${k}=${text(v)}`)
        .join(' ')
    return String(value)
  }
  const parts: string[] = []
  for (const table of db.tables) parts.push(`${table.name}: ${text(await table.toArray())}`)
  return parts.join('\n')
}

function leaked(dump: string, canaries: readonly string[]): string[] {
  const hex = (s: string) =>
    Array.from(new TextEncoder().encode(s), (b) => b.toString(16).padStart(2, '0')).join('')
  return canaries.filter((c) => dump.includes(c) || dump.includes(hex(c)) || dump.includes(c.slice(0, 12)))
}

/** What sign-in does: the password unwraps the signing key, which derives the member's keys. */
async function unlockWithPassword(
  db: SecLedgerDb,
  wrapped: WrappedKey,
  password: string,
  userId = officer.id,
): Promise<ReplicaKey | null> {
  const secret = await unwrapSecretKey(wrapped, password, userId)
  if (!secret.ok) return null
  const keys = await deriveMemberKeys(secret.value, userId)
  const { replica } = await unlockReplicaKey(db, UNIT, userId, keys.replicaKek, WORKDAY_10AM)
  attachReplicaKey(db, replica)
  return replica
}

let db: SecLedgerDb
let wrapped: WrappedKey
let clock = WORKDAY_10AM
const openReplicas: UnitReplica[] = []

async function openReplica(): Promise<{ replica: UnitReplica; writer: EventWriter }> {
  const replica = new UnitReplica(db, UNIT, directory)
  await replica.open()
  openReplicas.push(replica)
  const writer = new EventWriter(
    db,
    replica,
    { userId: officer.id, deviceId: 'dev-test-0001', secretKey: () => officer.secretKey },
    () => {
      clock += 1000
      return clock
    },
  )
  return { replica, writer }
}

async function write(writer: EventWriter, serial: string, id: string, text: readonly string[]) {
  const result = await writer.write('carrier.registered', registration(serial, id, text))
  if (!result.ok) throw new Error(result.error.message.en)
  return result.value
}

beforeEach(async () => {
  clock = WORKDAY_10AM
  db = openSecLedgerDb(freshDbName())
  wrapped = await wrapSecretKey(officer.secretKey, PASSWORD, officer.id, FAST_KDF)
})

afterEach(async () => {
  for (const replica of openReplicas.splice(0)) {
    await replica.flushed()
    replica.close()
  }
  detachReplicaKey(db)
  db.close()
})

describe('ARCHITECTURE 6: the replica is sealed at rest under a key only the password unlocks', () => {
  it('records written through the store functions hold no plaintext: no canary in any raw table', async () => {
    await unlockWithPassword(db, wrapped, PASSWORD)
    const { replica, writer } = await openReplica()
    const canaries: string[] = []
    const events: EventEnvelope[] = []
    for (let i = 1; i <= 20; i++) {
      const text = [canary(), canary(), canary(), canary()]
      canaries.push(...text)
      events.push(await write(writer, `2026-${String(i).padStart(4, '0')}`, `c-${i}`, text))
    }
    const reader = canary()
    canaries.push(reader)
    const handed = await writer.write('carrier.handed_out', { carrierId: 'c-1', reader })
    expect(handed.ok).toBe(true)
    // a refusal moves one event to the quarantine and flags another as suspect
    await replica.refuse({
      error: { code: 'SYNC-BAD-EVENT', message: { zh: '记录的签名或权限无效', en: 'bad event' } },
      refusedIds: [events[0]?.id as string],
      suspectIds: [events[1]?.id as string],
      at: clock,
    })
    const displayName = canary()
    canaries.push(displayName)
    const user: SessionUser = {
      id: officer.id,
      displayName,
      unit: { id: UNIT, name: canary(), kind: 'township' },
      roles: ['officer'],
    }
    canaries.push(user.unit.name)
    const keys = await deriveMemberKeys(officer.secretKey, officer.id)
    await cacheAccount(
      db,
      { userId: officer.id, wrappedKey: wrapped, cachedAt: clock, profile: { user, directory } },
      keys.accountKey,
    )
    await persistSession(db, { userId: officer.id, secretKey: officer.secretKey, expiresAt: clock + 60_000 })
    await replica.flushed()

    const dump = await rawDump(db)
    expect(leaked(dump, canaries), `canaries of this run: ${canaries.join(' ')}`).toEqual([])
    expect(dump).not.toContain(officer.secretKey)
    // …and the store functions read every one of them back
    const outbox = await listOutbox(db, UNIT)
    expect(outbox.map((row) => row.id).sort()).toEqual(
      [...events.slice(1).map((e) => e.id), handed.ok ? handed.value.id : ''].sort(),
    )
    expect(outbox.find((row) => row.id === events[1]?.id)?.suspect).toBe(true)
    expect(JSON.stringify(outbox)).toContain(reader)
    expect((await listQuarantine(db, UNIT)).map((q) => q.envelope)).toEqual([events[0]])
    const doc = new Y.Doc()
    await loadDocUpdates(db, DOC, doc)
    expect(JSON.stringify(doc.getMap('events').toJSON())).toContain(canaries[2])
    const account = await readCachedAccount(db, officer.id)
    expect(account && (await openAccountProfile(account, keys.accountKey))?.user.displayName).toBe(
      displayName,
    )
  })

  it('AAD: a sealed record moved to another key, doc or table fails to decrypt and is not read', async () => {
    const key = await unlockWithPassword(db, wrapped, PASSWORD)
    const { replica, writer } = await openReplica()
    const a = await write(writer, '2026-0001', 'c-1', [canary()])
    const b = await write(writer, '2026-0002', 'c-2', [canary()])
    await replica.flushed()
    const rowA = await db.outbox.get(a.id)
    const rowB = await db.outbox.get(b.id)
    if (!rowA?.sealed || !rowB?.sealed || !key) throw new Error('rows not written')
    // swapped between two events of the outbox: both fail their tag
    await db.outbox.put({ ...rowA, sealed: rowB.sealed })
    await db.outbox.put({ ...rowB, sealed: rowA.sealed })
    expect(await listOutbox(db, UNIT)).toEqual([])
    await expect(openJson(key.key, ['outbox', UNIT, key.keyId, a.id], rowB.sealed)).rejects.toThrow()
    // moved to the quarantine under the same id: not read as a quarantined event
    await db.quarantine.put({ ...rowA })
    expect(await listQuarantine(db, UNIT)).toEqual([])
    // a doc update copied to another doc applies nothing there
    const docRow = await db.docUpdates.where('[keyId+docName]').equals([key.keyId, DOC]).first()
    if (!docRow) throw new Error('no doc update stored')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    await db.docUpdates.add({
      docName: `${UNIT}:other`,
      keyId: key.keyId,
      ...(docRow.sealed && { sealed: docRow.sealed }),
    })
    const other = new Y.Doc()
    expect(await loadDocUpdates(db, `${UNIT}:other`, other)).toBe(0)
    expect(other.getMap('events').size).toBe(0)
    expect(warn).toHaveBeenCalled()
    warn.mockRestore()
    // put back where they belong, they open again
    await db.outbox.bulkPut([rowA, rowB])
    expect((await listOutbox(db, UNIT)).map((r) => r.id).sort()).toEqual([a.id, b.id].sort())
  })

  it('lock, then unlock with the password, restores access to the same replica', async () => {
    const first = await unlockWithPassword(db, wrapped, PASSWORD)
    const { replica, writer } = await openReplica()
    const text = [canary(), canary(), canary(), canary()]
    const event = await write(writer, '2026-0001', 'c-1', text)
    await acknowledgeOutbox(db, UNIT, [], clock)
    await replica.flushed()
    replica.close()
    openReplicas.length = 0

    // lock: the key leaves; every record stays, unreadable
    detachReplicaKey(db)
    const stored = await db.outbox.count()
    await expect(listOutbox(db, UNIT)).rejects.toBeInstanceOf(ReplicaLockedError)
    await expect(new UnitReplica(db, UNIT, directory).open()).rejects.toBeInstanceOf(ReplicaLockedError)
    expect(await db.outbox.count()).toBe(stored)

    const again = await unlockWithPassword(db, wrapped, PASSWORD)
    expect(again?.keyId).toBe(first?.keyId)
    expect((await listOutbox(db, UNIT)).map((row) => row.envelope)).toEqual([event])
    expect(await readLastAck(db, UNIT)).toBe(clock)
    const reopened = await openReplica()
    expect(reopened.replica.state.carriers.get('c-1')?.serial).toBe('2026-0001')
    expect(reopened.replica.pending).toEqual([event.id])
  })

  it('the wrong password unlocks nothing; another member starts a fresh replica and leaves the first one sealed', async () => {
    await unlockWithPassword(db, wrapped, PASSWORD)
    const { replica, writer } = await openReplica()
    const event = await write(writer, '2026-0001', 'c-1', [canary()])
    await replica.flushed()
    replica.close()
    openReplicas.length = 0
    detachReplicaKey(db)

    expect(await unlockWithPassword(db, wrapped, 'not-the-password')).toBeNull()
    await expect(listOutbox(db, UNIT)).rejects.toBeInstanceOf(ReplicaLockedError)

    // officer2 logs in on the same PC: their key cannot unwrap officer1's data key
    const wrapped2 = await wrapSecretKey(officer2.secretKey, PASSWORD, officer2.id, FAST_KDF)
    const second = await unlockWithPassword(db, wrapped2, PASSWORD, officer2.id)
    const first = await db.replicaKeys.get([UNIT, officer.id])
    expect(second?.keyId).not.toBe(first?.keyId)
    expect(await listOutbox(db, UNIT)).toEqual([])
    const fresh = new Y.Doc()
    expect(await loadDocUpdates(db, DOC, fresh)).toBe(0)
    // officer1's unsent event is still there, theirs, and goes out at their next login
    detachReplicaKey(db)
    await unlockWithPassword(db, wrapped, PASSWORD)
    expect((await listOutbox(db, UNIT)).map((row) => row.id)).toEqual([event.id])
  })

  it('the session kept for a reload reopens the signing key without the password; lock and expiry delete it', async () => {
    const expiresAt = WORKDAY_10AM + 3_600_000
    await persistSession(db, { userId: officer.id, secretKey: officer.secretKey, expiresAt })
    const row = await db.sessionKeys.get('current')
    expect(row?.sessionKey.extractable).toBe(false)
    await expect(crypto.subtle.exportKey('raw', row?.sessionKey as CryptoKey)).rejects.toThrow()
    expect(await reopenSession(db, WORKDAY_10AM)).toEqual({
      userId: officer.id,
      secretKey: officer.secretKey,
      expiresAt,
    })

    // an expiry pushed back by hand does not open (it is bound into the tag), and is locked
    await db.sessionKeys.put({ ...(row as NonNullable<typeof row>), expiresAt: expiresAt + 86_400_000 })
    expect(await reopenSession(db, WORKDAY_10AM)).toBeNull()
    expect(await db.sessionKeys.count()).toBe(0)

    await persistSession(db, { userId: officer.id, secretKey: officer.secretKey, expiresAt })
    expect(await reopenSession(db, expiresAt)).toBeNull()
    expect(await db.sessionKeys.count()).toBe(0)

    await persistSession(db, { userId: officer.id, secretKey: officer.secretKey, expiresAt })
    await lockSession(db)
    expect(await reopenSession(db, WORKDAY_10AM)).toBeNull()
  })

  it('a replica written in clear before schema 3 is sealed by the first member who unlocks the unit', async () => {
    const secret = canary()
    const legacyDoc = new Y.Doc()
    legacyDoc.getMap('events').set('e-1', { title: secret })
    await db.docUpdates.add({ docName: DOC, update: Y.encodeStateAsUpdate(legacyDoc) })
    const envelope = {
      id: 'a'.repeat(64),
      unit: UNIT,
      payload: { title: secret },
    } as unknown as EventEnvelope
    await db.outbox.put({ id: envelope.id, unit: UNIT, envelope, createdAt: 1 } as never)
    await db.meta.put({ key: MetaKey.recovery(UNIT), value: { code: 'SYNC-BAD-EVENT', at: 1 } })
    expect(leaked(await rawDump(db), [secret])).toEqual([secret])

    const key = await unlockWithPassword(db, wrapped, PASSWORD)
    expect(await adoptPlaintextReplica(db, key as ReplicaKey)).toBe(2)
    expect(leaked(await rawDump(db), [secret])).toEqual([])
    expect((await listOutbox(db, UNIT)).map((row) => row.envelope)).toEqual([envelope])
    expect(await readRecoveryMarker(db, UNIT)).toEqual({ code: 'SYNC-BAD-EVENT', at: 1 })
    const doc = new Y.Doc()
    await loadDocUpdates(db, DOC, doc)
    expect(doc.getMap('events').get('e-1')).toEqual({ title: secret })
  })

  it('a recorded refusal is found again only through the replica it belongs to', async () => {
    await unlockWithPassword(db, wrapped, PASSWORD)
    const { writer } = await openReplica()
    const event = await write(writer, '2026-0001', 'c-1', [canary()])
    await recordRefusal(db, {
      unit: UNIT,
      error: { code: 'SYNC-BAD-EVENT', message: { zh: '记录的签名或权限无效', en: 'bad event' } },
      refusedIds: [event.id],
      suspectIds: [],
      at: clock,
    })
    expect(await readRecoveryMarker(db, UNIT)).toEqual({ code: 'SYNC-BAD-EVENT', at: clock })
    detachReplicaKey(db)
    const wrapped2 = await wrapSecretKey(officer2.secretKey, PASSWORD, officer2.id, FAST_KDF)
    await unlockWithPassword(db, wrapped2, PASSWORD, officer2.id)
    // officer2's fresh replica is not marked for a rebuild, and does not see officer1's quarantine
    expect(await readRecoveryMarker(db, UNIT)).toBeUndefined()
    expect(await listQuarantine(db, UNIT)).toEqual([])
  })
})

describe('IndexedDB durability (ARCHITECTURE traps)', () => {
  it('commits strictly and asks for persistent storage', () => {
    expect(db._options.chromeTransactionDurability).toBe('strict')
    const persist = vi.fn(async () => true)
    vi.stubGlobal('navigator', { ...globalThis.navigator, storage: { persist } })
    try {
      appDb()
      expect(persist).toHaveBeenCalledTimes(1)
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
