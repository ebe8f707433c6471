import { loginAttempts, securityEvents, sessions } from '@secledger/db'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashSessionToken } from '../src/auth/sessions.ts'
import { DEMO_PASSWORD } from '../src/demo/demo-data.ts'
import { json } from './support/json.ts'
import { loginAs, startTestServer, type TestServer } from './support/test-server.ts'

let server: TestServer
let clock = Date.now()

async function postLogin(username: string, password: string, deviceId: string): Promise<Response> {
  return fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, deviceId }),
  })
}

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date(clock) })
})
afterAll(async () => {
  await server.close()
})

describe('health', () => {
  it('answers ok with the engine', async () => {
    const response = await fetch(`${server.url}/api/health`)
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual({ status: 'ok', db: 'pglite' })
  })

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await fetch(`${server.url}/api/nope`)
    expect(response.status).toBe(404)
    expect(await json(response)).toMatchObject({ error: { code: 'NOT-FOUND', message: { zh: '未找到' } } })
  })
})

describe('login', () => {
  it('logs in, sets a strict httpOnly cookie and returns user, wrapped key and directory', async () => {
    const response = await postLogin('officer1', DEMO_PASSWORD, 'pc-1')
    expect(response.status).toBe(200)
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^sl_session=[0-9a-f]{64};/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')
    expect(cookie).toContain('Path=/')
    expect(cookie).not.toContain('Secure')
    const body = await json(response)
    expect(body.user).toEqual({
      id: 'officer1',
      displayName: '城关镇保密员',
      unit: { id: 'town-1', name: '城关镇', kind: 'township' },
      roles: ['officer'],
    })
    expect(body.wrappedKey).toMatchObject({ v: 1, kdf: 'argon2id' })
    expect(Object.keys(body.directory.users).sort()).toEqual(['classifier1', 'leader1', 'officer1'])
    expect(body.directory.users.leader1).toMatchObject({ unit: 'town-1', roles: ['leader'] })
  })

  it('stores only the hash of the session token, expiring in 12 h', async () => {
    const response = await postLogin('leader1', DEMO_PASSWORD, 'pc-2')
    const token = /sl_session=([0-9a-f]{64})/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? ''
    const byToken = await server.database.db.select().from(sessions).where(eq(sessions.id, token))
    expect(byToken).toHaveLength(0)
    const [row] = await server.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, hashSessionToken(token)))
    expect(row?.userId).toBe('leader1')
    expect(row?.deviceId).toBe('pc-2')
    expect((row?.expiresAt.getTime() ?? 0) - clock).toBe(12 * 3600 * 1000)
  })

  it('refuses a wrong password and an unknown user alike with 401 AUTH-FAILED', async () => {
    for (const [user, password] of [
      ['officer2', 'wrong'],
      ['nobody', DEMO_PASSWORD],
    ] as const) {
      const response = await postLogin(user, password, 'pc-x')
      expect(response.status).toBe(401)
      expect(await json(response)).toEqual({
        error: {
          code: 'AUTH-FAILED',
          message: { zh: '用户名或密码错误', en: 'Wrong user name or password' },
        },
      })
    }
  })

  it('refuses a malformed body with 400', async () => {
    const response = await postLogin('officer1', DEMO_PASSWORD, 'bad device id!')
    expect(response.status).toBe(400)
  })

  it('locks an account on one device after 5 failures, but not a second device behind the same NAT', async () => {
    for (let i = 0; i < 5; i++)
      expect((await postLogin('classifier1', 'wrong', 'office-pc-a')).status).toBe(401)
    const locked = await postLogin('classifier1', DEMO_PASSWORD, 'office-pc-a')
    expect(locked.status).toBe(429)
    expect((await json(locked)).error.code).toBe('AUTH-RATE-LIMITED')
    // Same office, same public IP, another device: still logs in.
    expect((await postLogin('classifier1', DEMO_PASSWORD, 'office-pc-b')).status).toBe(200)
    const logged = await server.database.db
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.kind, 'login_locked'))
    expect(logged.some((row) => row.userId === 'classifier1' && row.deviceId === 'office-pc-a')).toBe(true)
    // The lock ends after 15 minutes.
    clock += 15 * 60 * 1000 + 1
    expect((await postLogin('classifier1', DEMO_PASSWORD, 'office-pc-a')).status).toBe(200)
  })

  it('caps failures per account across devices (a guesser rotating device ids)', async () => {
    for (let i = 0; i < 20; i++)
      expect((await postLogin('leader3', 'wrong', `rotating-${i}`)).status).toBe(401)
    expect((await postLogin('leader3', DEMO_PASSWORD, 'fresh-device')).status).toBe(429)
    const [row] = await server.database.db
      .select()
      .from(loginAttempts)
      .where(and(eq(loginAttempts.account, 'leader3'), eq(loginAttempts.deviceId, '*')))
    expect(row?.lockedUntil?.getTime()).toBe(clock + 15 * 60 * 1000)
    clock += 15 * 60 * 1000 + 1
    expect((await postLogin('leader3', DEMO_PASSWORD, 'fresh-device')).status).toBe(200)
  })
})

describe('me, keys and logout', () => {
  it('GET /api/me is 401 without a session', async () => {
    const response = await fetch(`${server.url}/api/me`)
    expect(response.status).toBe(401)
    expect((await json(response)).error.code).toBe('AUTH-REQUIRED')
  })

  it('GET /api/me and /api/keys answer for the session; logout ends it', async () => {
    const { cookie } = await loginAs(server.url, 'officer2')
    const me = await fetch(`${server.url}/api/me`, { headers: { cookie } })
    expect(me.status).toBe(200)
    expect((await json(me)).user).toMatchObject({ id: 'officer2', unit: { id: 'town-2', name: '河西乡' } })
    const keys = await fetch(`${server.url}/api/keys`, { headers: { cookie } })
    const directory = await json(keys)
    expect(Object.keys(directory.users).sort()).toEqual(['classifier2', 'leader2', 'officer2'])
    expect(directory.users.officer2.publicKey).toMatch(/^[0-9a-f]{64}$/)

    const logout = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie } })
    expect(logout.status).toBe(204)
    expect(logout.headers.get('set-cookie')).toMatch(/sl_session=;/)
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie } })).status).toBe(401)
    expect((await fetch(`${server.url}/api/keys`, { headers: { cookie } })).status).toBe(401)
  })

  it('an expired session is no session', async () => {
    const { cookie } = await loginAs(server.url, 'classifier2')
    clock += 12 * 3600 * 1000 + 1
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie } })).status).toBe(401)
  })
})
