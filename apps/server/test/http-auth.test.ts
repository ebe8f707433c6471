import { loginAttempts, securityEvents, sessions } from '@secledger/db'
import { listTestEngines, type TestDatabase } from '@secledger/db/testing'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_LOGIN_LIMITS } from '../src/auth/login-limiter.ts'
import { verifyPassword } from '../src/auth/password.ts'
import { hashSessionToken } from '../src/auth/sessions.ts'
import { DEMO_PASSWORD } from '../src/demo/demo-data.ts'
import { json } from './support/json.ts'
import { loginAs, startTestServer, type TestServer } from './support/test-server.ts'

const engines = await listTestEngines()

describe.each(engines)('http auth on $kind', (engine) => {
  let database: TestDatabase
  let server: TestServer
  let clock = Date.now()
  /** Password verifications per account: the limiter must bound them, not just the 401s. */
  const verifications = new Map<string, number>()

  async function postLogin(username: string, password: string, deviceId: string): Promise<Response> {
    return fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, deviceId }),
    })
  }

  beforeAll(async () => {
    database = await engine.open()
    server = await startTestServer({
      database,
      now: () => new Date(clock),
      // Counts by password: each test below guesses with its own wrong password.
      verifyPassword: (hash, password) => {
        verifications.set(password, (verifications.get(password) ?? 0) + 1)
        return verifyPassword(hash, password)
      },
    })
  })
  afterAll(async () => {
    await server.close()
    await database.close()
  })

  describe('health', () => {
    it('answers ok with the engine', async () => {
      const response = await fetch(`${server.url}/api/health`)
      expect(response.status).toBe(200)
      expect(await json(response)).toEqual({ status: 'ok', db: engine.kind })
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

  describe('issue 10 item 4: parallel guesses cannot outrun the limiter', () => {
    // On PostgreSQL the requests really run concurrently (a pool of connections); PGlite serialises them.
    const parallel = engine.kind === 'postgres' ? 200 : 60

    function statusCounts(responses: readonly Response[]): Record<number, number> {
      const counts: Record<number, number> = {}
      for (const response of responses) counts[response.status] = (counts[response.status] ?? 0) + 1
      return counts
    }

    it(`issue 10 item 4: ${parallel} parallel wrong logins to one account and device verify at most perDevice.maxFailures passwords`, async () => {
      const { maxFailures, lockMs } = DEFAULT_LOGIN_LIMITS.perDevice
      const responses = await Promise.all(
        Array.from({ length: parallel }, () => postLogin('officer3', 'wrong-item4-device', 'guess-pc')),
      )
      expect(verifications.get('wrong-item4-device')).toBe(maxFailures)
      expect(statusCounts(responses)).toEqual({ 401: maxFailures, 429: parallel - maxFailures })
      // The right password is refused too until the lock ends, and it is not even verified.
      const before = verifications.get(DEMO_PASSWORD) ?? 0
      expect((await postLogin('officer3', DEMO_PASSWORD, 'guess-pc')).status).toBe(429)
      expect(verifications.get(DEMO_PASSWORD) ?? 0).toBe(before)
      clock += lockMs - 1000
      expect((await postLogin('officer3', DEMO_PASSWORD, 'guess-pc')).status).toBe(429)
      clock += 1001
      expect((await postLogin('officer3', DEMO_PASSWORD, 'guess-pc')).status).toBe(200)
    })

    it(`issue 10 item 4: ${parallel} parallel wrong logins with rotating device ids verify at most perAccount.maxFailures passwords`, async () => {
      const { maxFailures, lockMs } = DEFAULT_LOGIN_LIMITS.perAccount
      const responses = await Promise.all(
        Array.from({ length: parallel }, (_, i) =>
          postLogin('classifier3', 'wrong-item4-account', `rot-${i}`),
        ),
      )
      expect(verifications.get('wrong-item4-account')).toBe(maxFailures)
      expect(statusCounts(responses)).toEqual({ 401: maxFailures, 429: parallel - maxFailures })
      expect((await postLogin('classifier3', DEMO_PASSWORD, 'fresh-pc')).status).toBe(429)
      const locked = await server.database.db
        .select()
        .from(securityEvents)
        .where(and(eq(securityEvents.kind, 'login_locked'), eq(securityEvents.userId, 'classifier3')))
      expect(locked.map((row) => row.detail)).toContainEqual({ account: 'classifier3', scope: 'account' })
      clock += lockMs + 1
      expect((await postLogin('classifier3', DEMO_PASSWORD, 'fresh-pc')).status).toBe(200)
    })

    it('issue 10 item 4: a success resets the counters', async () => {
      const { maxFailures } = DEFAULT_LOGIN_LIMITS.perDevice
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < maxFailures - 1; i++)
          expect((await postLogin('leader2', 'wrong-item4-reset', 'desk-pc')).status).toBe(401)
        expect((await postLogin('leader2', DEMO_PASSWORD, 'desk-pc')).status).toBe(200)
      }
      const rows = await server.database.db
        .select()
        .from(loginAttempts)
        .where(eq(loginAttempts.account, 'leader2'))
      expect(rows).toEqual([])
    })
  })

  describe('issue 10 item 5: a NUL in the user name', () => {
    it('issue 10 item 5: a NUL in the user name is 400 REQUEST-INVALID naming the field, not 500', async () => {
      const response = await postLogin('officer1\u0000x', DEMO_PASSWORD, 'pc-nul')
      expect(response.status).toBe(400)
      const body = await json(response)
      expect(body.error.code).toBe('REQUEST-INVALID')
      expect(body.error.message.zh).toContain('用户名')
      expect(body.error.message.en).toContain('username')
      const tooLong = await postLogin('x'.repeat(65), DEMO_PASSWORD, 'pc-nul')
      expect(tooLong.status).toBe(400)
      expect((await json(tooLong)).error.message.en).toContain('username')
      const badDevice = await postLogin('officer1', DEMO_PASSWORD, 'pc\u0000')
      expect((await json(badDevice)).error.message.zh).toContain('设备标识')
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

      const logout = await fetch(`${server.url}/api/auth/logout`, {
        method: 'POST',
        headers: { cookie, origin: server.url },
      })
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
})
