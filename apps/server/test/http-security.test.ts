import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { securityEvents } from '@secledger/db'
import { listTestEngines, type TestDatabase } from '@secledger/db/testing'
import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { hashSessionToken } from '../src/auth/sessions.ts'
import { DEMO_PASSWORD } from '../src/demo/demo-data.ts'
import { json } from './support/json.ts'
import { type LoggedIn, loginAs, startTestServer, type TestServer } from './support/test-server.ts'

const engines = await listTestEngines()

// Another port of the same host: same site, so a SameSite=Strict cookie goes along (issue 10 item 3).
const SAME_HOST_OTHER_PORT = 'http://127.0.0.1:18991'
const ALLOWED = 'https://secledger.example.gov.cn'

describe.each(engines)('http security on $kind', (engine) => {
  let database: TestDatabase
  let server: TestServer

  function post(path: string, init: { cookie?: string; origin?: string; type?: string; body?: string }) {
    const headers: Record<string, string> = {}
    if (init.cookie !== undefined) headers.cookie = init.cookie
    if (init.origin !== undefined) headers.origin = init.origin
    if (init.type !== undefined) headers['content-type'] = init.type
    return fetch(`${server.url}${path}`, {
      method: 'POST',
      headers,
      ...(init.body !== undefined ? { body: init.body } : {}),
    })
  }

  const loginBody = (username: string, deviceId: string) =>
    JSON.stringify({ username, password: DEMO_PASSWORD, deviceId })

  async function me(who: LoggedIn): Promise<number> {
    return (await fetch(`${server.url}/api/me`, { headers: { cookie: who.cookie } })).status
  }

  const webDist = mkdtempSync(join(tmpdir(), 'secledger-dist-'))
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>保密台账</title>')

  beforeAll(async () => {
    database = await engine.open()
    server = await startTestServer({ database, webDist, allowedOrigins: [ALLOWED] })
  })
  afterAll(async () => {
    await server.close()
    await database.close()
    rmSync(webDist, { recursive: true, force: true })
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  describe('issue 10 item 3: origin check on writes', () => {
    it('issue 10 item 3: logout from another port of the same host is 403 ORIGIN-FORBIDDEN and the session stays valid', async () => {
      const officer = await loginAs(server.url, 'officer1', 'item3-logout')
      const response = await post('/api/auth/logout', {
        cookie: officer.cookie,
        origin: SAME_HOST_OTHER_PORT,
      })
      expect(response.status).toBe(403)
      expect((await json(response)).error).toEqual({
        code: 'ORIGIN-FORBIDDEN',
        message: { zh: '请求来源不被允许', en: 'Request origin not allowed' },
      })
      expect(response.headers.get('set-cookie')).toBeNull()
      expect(await me(officer)).toBe(200)
      const logged = await server.database.db
        .select()
        .from(securityEvents)
        .where(eq(securityEvents.kind, 'origin_forbidden'))
      expect(logged).toContainEqual(
        expect.objectContaining({
          userId: 'officer1',
          deviceId: 'item3-logout',
          code: 'ORIGIN-FORBIDDEN',
          detail: expect.objectContaining({ origin: SAME_HOST_OTHER_PORT, path: '/api/auth/logout' }),
        }),
      )
    })

    it('issue 10 item 3: a cookie-carrying write without Origin is refused; with our own origin it works', async () => {
      const officer = await loginAs(server.url, 'officer1', 'item3-no-origin')
      expect((await post('/api/auth/logout', { cookie: officer.cookie })).status).toBe(403)
      expect(await me(officer)).toBe(200)
      expect((await post('/api/auth/logout', { cookie: officer.cookie, origin: 'null' })).status).toBe(403)
      expect(await me(officer)).toBe(200)
      expect((await post('/api/auth/logout', { cookie: officer.cookie, origin: server.url })).status).toBe(
        204,
      )
      expect(await me(officer)).toBe(401)
    })

    it('issue 10 item 3: login from a foreign origin is refused and sets no cookie', async () => {
      for (const origin of [SAME_HOST_OTHER_PORT, 'http://evil.example', 'null']) {
        const response = await post('/api/auth/login', {
          origin,
          type: 'application/json',
          body: loginBody('leader1', 'item3-login'),
        })
        expect(response.status, origin).toBe(403)
        expect(response.headers.get('set-cookie'), origin).toBeNull()
      }
      // Our own origin, and a client that sends none (curl: no cookie, nothing to forge), log in.
      for (const origin of [server.url, undefined]) {
        const response = await post('/api/auth/login', {
          ...(origin !== undefined ? { origin } : {}),
          type: 'application/json',
          body: loginBody('leader1', 'item3-login'),
        })
        expect(response.status, String(origin)).toBe(200)
      }
    })

    it('issue 10 item 3: the allow-listed origin (ALLOWED_ORIGINS) logs in and out', async () => {
      const login = await post('/api/auth/login', {
        origin: ALLOWED,
        type: 'application/json',
        body: loginBody('classifier1', 'item3-allowed'),
      })
      expect(login.status).toBe(200)
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
      expect((await fetch(`${server.url}/api/me`, { headers: { cookie } })).status).toBe(200)
      expect((await post('/api/auth/logout', { cookie, origin: ALLOWED })).status).toBe(204)
      expect((await fetch(`${server.url}/api/me`, { headers: { cookie } })).status).toBe(401)
    })

    it('issue 10 item 3: our own origin behind an https proxy (X-Forwarded-Proto) is accepted, its http twin is not', async () => {
      const officer = await loginAs(server.url, 'officer2', 'item3-proxy')
      const host = new URL(server.url).host
      const asProxied = (origin: string) =>
        fetch(`${server.url}/api/auth/logout`, {
          method: 'POST',
          headers: { cookie: officer.cookie, origin, 'x-forwarded-proto': 'https' },
        })
      expect((await asProxied(`http://${host}`)).status).toBe(403)
      expect(await me(officer)).toBe(200)
      expect((await asProxied(`https://${host}`)).status).toBe(204)
      expect(await me(officer)).toBe(401)
    })

    it('issue 10 item 3: a login body that is not application/json is 415 REQUEST-NOT-JSON', async () => {
      const body = loginBody('officer3', 'item3-415')
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        const response = await post('/api/auth/login', { origin: server.url, type, body })
        expect(response.status, type).toBe(415)
        expect((await json(response)).error.code, type).toBe('REQUEST-NOT-JSON')
        expect(response.headers.get('set-cookie'), type).toBeNull()
      }
      const withCharset = await post('/api/auth/login', {
        origin: server.url,
        type: 'application/json; charset=utf-8',
        body,
      })
      expect(withCharset.status).toBe(200)
    })
  })

  describe('issue 10 item 5: no 500 and no SQL parameters in the log', () => {
    it('issue 10 item 5: a NUL in a route parameter is 400, not a database error', async () => {
      const county = await loginAs(server.url, 'county', 'item5-county')
      const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
      const response = await fetch(`${server.url}/api/county/townships/town-1%00x/carriers`, {
        headers: { cookie: county.cookie },
      })
      expect(response.status).toBe(400)
      expect((await json(response)).error.code).toBe('REQUEST-INVALID')
      expect(spy).not.toHaveBeenCalled()
    })

    it('issue 10 item 5: a failing query is logged without its SQL or parameters', async () => {
      // A server on a database that is closed under it: the session lookup fails with a Drizzle query error.
      const broken = await engine.open()
      const brokenServer = await startTestServer({ database: broken, seed: false })
      const token = 'ab'.repeat(32)
      try {
        await broken.close()
        const logged: string[] = []
        vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
          logged.push(
            args
              .map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : String(arg)))
              .join(' '),
          )
        })
        const response = await fetch(`${brokenServer.url}/api/me`, {
          headers: { cookie: `sl_session=${token}` },
        })
        expect(response.status).toBe(500)
        expect((await json(response)).error.code).toBe('INTERNAL')
        const text = logged.join('\n')
        expect(text).toContain('[http]')
        expect(text).toContain('Failed query')
        expect(text).not.toContain('params')
        expect(text).not.toMatch(/\bselect\s|\bwhere\s/i)
        expect(text).not.toContain('"sessions"')
        // The parameter: the token's hash.
        expect(text).not.toContain(hashSessionToken(token))
      } finally {
        await brokenServer.close()
      }
    })
  })

  describe('issue 10 item 6: security headers', () => {
    function expectSecurityHeaders(response: Response, https: boolean): void {
      const csp = response.headers.get('content-security-policy') ?? ''
      const directives = new Map(
        csp.split(';').map((part) => {
          const [name = '', ...values] = part.trim().split(/\s+/)
          return [name, values] as const
        }),
      )
      expect(directives.get('default-src')).toEqual(["'self'"])
      expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"])
      expect(directives.get('script-src')).not.toContain("'unsafe-inline'")
      expect(directives.get('connect-src')).toEqual([
        "'self'",
        `${https ? 'wss' : 'ws'}://${new URL(server.url).host}`,
      ])
      expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
      expect(directives.get('worker-src')).toEqual(["'self'", 'blob:'])
      expect(directives.get('frame-ancestors')).toEqual(["'none'"])
      expect(directives.get('base-uri')).toEqual(["'self'"])
      expect(directives.get('form-action')).toEqual(["'self'"])
      expect(directives.get('object-src')).toEqual(["'none'"])
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('same-origin')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      if (https) expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/)
      else expect(response.headers.get('strict-transport-security')).toBeNull()
    }

    it('issue 10 item 6: / and /api/health carry CSP, nosniff and Referrer-Policy; HSTS only over https', async () => {
      const index = await fetch(`${server.url}/`)
      expect(await index.text()).toContain('保密台账')
      for (const path of ['/', '/register', '/api/health', '/api/nope']) {
        expectSecurityHeaders(await fetch(`${server.url}${path}`), false)
        expectSecurityHeaders(
          await fetch(`${server.url}${path}`, { headers: { 'x-forwarded-proto': 'https' } }),
          true,
        )
      }
      const refused = await post('/api/auth/logout', { cookie: 'sl_session=x', origin: SAME_HOST_OTHER_PORT })
      expect(refused.status).toBe(403)
      expectSecurityHeaders(refused, false)
    })
  })
})

describe.each(engines)('the server clock on $kind', (engine) => {
  it("issue 10 item 1: the Date header of every API answer is the server's own clock (the one event times are judged by)", async () => {
    const database = await engine.open()
    const serverNow = new Date('2026-12-08T01:12:00Z')
    const server = await startTestServer({ database, now: () => serverNow })
    try {
      for (const path of ['/api/health', '/api/me', '/api/nowhere']) {
        const response = await fetch(`${server.url}${path}`)
        expect(response.headers.get('date'), path).toBe(serverNow.toUTCString())
      }
    } finally {
      await server.close()
      await database.close()
    }
  })
})
