import { generateSigningKeyPair, type KeyDirectory, wrapSecretKey } from '@secledger/domain'
import { afterEach, describe, expect, it } from 'vitest'
import { login } from '../src/auth/login.ts'
import type { SessionUser } from '../src/auth/session-user.ts'
import { openSecLedgerDb, type SecLedgerDb } from '../src/db/secledger-db.ts'
import { freshDbName, UNIT } from './fixtures.ts'

const FAST_KDF = { memoryKiB: 8, iterations: 1, parallelism: 1 }
const PASSWORD = 'secledger-demo'
const user: SessionUser = {
  id: 'officer1',
  displayName: '保密员一',
  unit: { id: UNIT, name: '城关镇', kind: 'township' },
  roles: ['officer'],
}

async function serverFixture() {
  const keys = generateSigningKeyPair()
  const wrappedKey = await wrapSecretKey(keys.secretKey, PASSWORD, user.id, FAST_KDF)
  const directory: KeyDirectory = {
    users: {
      officer1: {
        id: 'officer1',
        unit: UNIT,
        roles: ['officer'],
        publicKey: keys.publicKey,
        displayName: '保密员一',
      },
    },
  }
  return { keys, wrappedKey, directory }
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

const offline = async (): Promise<Response> => {
  throw new TypeError('Failed to fetch')
}

let db: SecLedgerDb | null = null
afterEach(() => {
  db?.close()
  db = null
})

describe('login (ARCHITECTURE decision 3: the wrapped key unlocks offline)', () => {
  it('online: unwraps the key with the password and caches the account for offline use', async () => {
    db = openSecLedgerDb(freshDbName())
    const server = await serverFixture()
    const calls: unknown[] = []
    const result = await login(
      {
        db,
        deviceId: 'dev-test-0001',
        fetch: async (_url, init) => {
          calls.push(JSON.parse(String(init?.body)))
          return jsonResponse(200, { user, wrappedKey: server.wrappedKey, directory: server.directory })
        },
      },
      'officer1',
      PASSWORD,
    )
    expect(result.ok && result.value.secretKey).toBe(server.keys.secretKey)
    expect(result.ok && result.value.offline).toBe(false)
    expect(calls).toEqual([{ username: 'officer1', password: PASSWORD, deviceId: 'dev-test-0001' }])
    const cached = await db.accounts.get('officer1')
    expect(cached?.wrappedKey).toEqual(server.wrappedKey)
    expect(JSON.stringify(cached)).not.toContain(server.keys.secretKey)
  })

  it('online: a 401 is 用户名或密码错误', async () => {
    db = openSecLedgerDb(freshDbName())
    const result = await login(
      {
        db,
        deviceId: 'dev-test-0001',
        fetch: async () =>
          jsonResponse(401, { error: { code: 'AUTH-FAILED', message: { zh: '用户名或密码错误', en: 'x' } } }),
      },
      'officer1',
      'wrong',
    )
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.message.zh).toBe('用户名或密码错误')
  })

  it('offline: the cached account unlocks with the right password', async () => {
    db = openSecLedgerDb(freshDbName())
    const server = await serverFixture()
    await db.accounts.put({
      userId: 'officer1',
      user,
      wrappedKey: server.wrappedKey,
      directory: server.directory,
      cachedAt: 0,
    })
    const result = await login({ db, deviceId: 'dev-test-0001', fetch: offline }, 'officer1', PASSWORD)
    expect(result.ok && result.value.offline).toBe(true)
    expect(result.ok && result.value.secretKey).toBe(server.keys.secretKey)
    expect(result.ok && result.value.user.unit.id).toBe(UNIT)
  })

  it('offline: a wrong password fails the AES-GCM tag: 用户名或密码错误', async () => {
    db = openSecLedgerDb(freshDbName())
    const server = await serverFixture()
    await db.accounts.put({
      userId: 'officer1',
      user,
      wrappedKey: server.wrappedKey,
      directory: server.directory,
      cachedAt: 0,
    })
    const result = await login(
      { db, deviceId: 'dev-test-0001', fetch: offline },
      'officer1',
      'not-the-password',
    )
    expect(!result.ok && result.error.message.zh).toBe('用户名或密码错误')
  })

  it('offline: an account never signed in on this device is told to sign in online', async () => {
    db = openSecLedgerDb(freshDbName())
    const result = await login({ db, deviceId: 'dev-test-0001', fetch: offline }, 'officer2', PASSWORD)
    expect(!result.ok && result.error.message.zh).toBe('此设备未曾在线登录过该账号，请联网登录')
  })

  it('a server answering 503 (stopped behind a proxy) counts as offline', async () => {
    db = openSecLedgerDb(freshDbName())
    const server = await serverFixture()
    await db.accounts.put({
      userId: 'officer1',
      user,
      wrappedKey: server.wrappedKey,
      directory: server.directory,
      cachedAt: 0,
    })
    const result = await login(
      { db, deviceId: 'dev-test-0001', fetch: async () => new Response('', { status: 503 }) },
      'officer1',
      PASSWORD,
    )
    expect(result.ok && result.value.offline).toBe(true)
  })
})
