import type { DatabaseExecutor } from '@secledger/db'
import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { z } from 'zod'
import { ServerError } from '../errors.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readJson, respondError } from '../http/respond.ts'
import { login } from './login.ts'
import type { LoginLimits } from './login-limiter.ts'
import { deleteSession, SESSION_COOKIE, SESSION_TTL_MS } from './sessions.ts'

const loginSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
  // Same alphabet as an event's `device` (packages/domain eventEnvelopeSchema).
  deviceId: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/),
})

export interface AuthRouteDeps {
  readonly db: DatabaseExecutor
  readonly now: () => Date
  readonly loginLimits: LoginLimits
}

function requestIsHttps(url: string, forwardedProto: string | undefined): boolean {
  return url.startsWith('https:') || forwardedProto?.split(',')[0]?.trim() === 'https'
}

/** `POST /login`, `POST /logout` (mounted at /api/auth). */
export function authRoutes(deps: AuthRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.post('/login', async (c) => {
    const input = loginSchema.safeParse(await readJson(c))
    if (!input.success) return respondError(c, 400, ServerError.RequestInvalid)
    const result = await login(deps.db, input.data, deps.now(), deps.loginLimits)
    if (!result.ok)
      return respondError(c, result.error.code === ServerError.AuthRateLimited.code ? 429 : 401, result.error)
    setCookie(c, SESSION_COOKIE, result.value.token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: requestIsHttps(c.req.url, c.req.header('x-forwarded-proto')),
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    })
    return c.json(result.value.body, 200)
  })

  routes.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE)
    if (token) await deleteSession(deps.db, token)
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.body(null, 204)
  })

  return routes
}

/** `GET /me` (mounted at /api). */
export function meRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()
  routes.get('/me', (c) => {
    const session = c.get('session')
    if (!session) return respondError(c, 401, ServerError.AuthRequired)
    return c.json({ user: session.user })
  })
  return routes
}
