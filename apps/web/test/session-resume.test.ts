import { type KeyDirectory, wrapSecretKey } from '@secledger/domain'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { secretKeyInMemory } from '../src/auth/key-vault.ts'
import { deriveMemberKeys } from '../src/auth/member-keys.ts'
import { reauthenticate } from '../src/auth/offline-reauth.ts'
import { onSessionEnded } from '../src/auth/session-expiry.ts'
import { resumeSession } from '../src/auth/session-resume.ts'
import type { SessionUser } from '../src/auth/session-user.ts'
import { persistSession } from '../src/auth/session-vault.ts'
import { signOut } from '../src/auth/sign-in.ts'
import { cacheAccount } from '../src/db/account-cache.ts'
import { appDb } from '../src/db/db-instance.ts'
import { listOutbox } from '../src/db/outbox-store.ts'
import { replicaKeyOf } from '../src/db/replica-key.ts'
import { useSessionStore } from '../src/stores/session-store.ts'
import { startReplica } from '../src/sync/replica-session.ts'
import { directoryOf, makeUser, UNIT } from './fixtures.ts'

// The replica itself (Yjs, WebSocket) is covered elsewhere: here only what the session opens.
vi.mock('../src/sync/replica-session.ts', () => ({
  startReplica: vi.fn(async () => undefined),
  stopReplica: vi.fn(),
}))

const FAST_KDF = { memoryKiB: 8, iterations: 1, parallelism: 1 }
const officer = makeUser('officer1', ['officer'])
const directory: KeyDirectory = directoryOf(officer)
const user: SessionUser = {
  id: officer.id,
  displayName: '城关镇保密员',
  unit: { id: UNIT, name: '城关镇', kind: 'township' },
  roles: ['officer'],
}
const HOUR = 3_600_000

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}
const offline = async (): Promise<Response> => {
  throw new TypeError('Failed to fetch')
}
const notify = vi.fn()

/** What a login leaves on the device: the account cached (sealed) and the session's keys. */
async function signedInBefore(expiresAt: number): Promise<void> {
  const db = appDb()
  const keys = await deriveMemberKeys(officer.secretKey, officer.id)
  const wrappedKey = await wrapSecretKey(officer.secretKey, 'secledger-demo', officer.id, FAST_KDF)
  await cacheAccount(
    db,
    { userId: officer.id, wrappedKey, cachedAt: Date.now(), profile: { user, directory } },
    keys.accountKey,
  )
  await persistSession(db, { userId: officer.id, secretKey: officer.secretKey, expiresAt })
}

beforeEach(async () => {
  setActivePinia(createPinia())
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(null, { status: 204 })),
  )
  const db = appDb()
  await Promise.all(db.tables.map((table) => table.clear()))
})

afterEach(async () => {
  await signOut()
  vi.unstubAllGlobals()
  vi.mocked(startReplica).mockClear()
})

describe('a reload within the session does not ask for the password (issue 10 item 10)', () => {
  it('GET /api/me 200: the session reopens from the kept keys, the replica key unlocked', async () => {
    await signedInBefore(Date.now() + HOUR)
    expect(await resumeSession(notify, async () => json(200, { user }))).toBe(true)
    expect(useSessionStore().user?.displayName).toBe('城关镇保密员')
    expect(useSessionStore().offlineLogin).toBe(false)
    expect(secretKeyInMemory()).toBe(officer.secretKey)
    expect(replicaKeyOf(appDb(), UNIT).key.extractable).toBe(false)
    expect(startReplica).toHaveBeenCalledWith(expect.objectContaining({ unit: UNIT, userId: officer.id }))
  })

  it('offline within the expiry: reopens from the cached (sealed) profile', async () => {
    await signedInBefore(Date.now() + HOUR)
    expect(await resumeSession(notify, offline)).toBe(true)
    expect(useSessionStore().user?.id).toBe(officer.id)
    expect(useSessionStore().offlineLogin).toBe(true)
    expect(await listOutbox(appDb(), UNIT)).toEqual([])
  })

  it('GET /api/me 401: the server ended the session, so it is locked', async () => {
    await signedInBefore(Date.now() + HOUR)
    const gone = async () =>
      json(401, { error: { code: 'AUTH-REQUIRED', message: { zh: '请先登录', en: 'Sign in first' } } })
    expect(await resumeSession(notify, gone)).toBe(false)
    expect(await appDb().sessionKeys.count()).toBe(0)
    expect(useSessionStore().user).toBeNull()
    expect(secretKeyInMemory()).toBeNull()
  })

  it('a server session of another user locks the kept one', async () => {
    await signedInBefore(Date.now() + HOUR)
    expect(await resumeSession(notify, async () => json(200, { user: { ...user, id: 'leader1' } }))).toBe(
      false,
    )
    expect(await appDb().sessionKeys.count()).toBe(0)
  })

  it('past its expiry, even offline, the session is locked and the password is asked for', async () => {
    await signedInBefore(Date.now() - 1)
    expect(await resumeSession(notify, offline)).toBe(false)
    expect(await appDb().sessionKeys.count()).toBe(0)
    expect(startReplica).not.toHaveBeenCalled()
  })

  it('logout locks: the kept keys and the in-memory ones are dropped, a reload opens nothing', async () => {
    await signedInBefore(Date.now() + HOUR)
    expect(await resumeSession(notify, offline)).toBe(true)
    await signOut()
    expect(await appDb().sessionKeys.count()).toBe(0)
    expect(secretKeyInMemory()).toBeNull()
    expect(() => replicaKeyOf(appDb(), UNIT)).toThrow()
    expect(await resumeSession(notify, offline)).toBe(false)
  })

  it('the server refusing the session during sync (4401) with nothing to re-authenticate with ends it', async () => {
    const ended = vi.fn()
    onSessionEnded(ended)
    await signedInBefore(Date.now() + HOUR)
    expect(await resumeSession(notify, offline)).toBe(true)
    expect(await reauthenticate()).toBe(false)
    expect(ended).toHaveBeenCalledTimes(1)
  })
})
