import type { DatabaseExecutor } from '@secledger/db'
import type { DomainError } from '@secledger/domain'
import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { z } from 'zod'
import { ServerError } from '../errors.ts'
import type { AppEnv } from '../http/app-env.ts'
import { requestIsHttps } from '../http/origins.ts'
import { invalidField } from '../http/request-guards.ts'
import { readJson, respondError } from '../http/respond.ts'
import { endSession } from './end-sessions.ts'
import { login } from './login.ts'
import type { LoginLimits } from './login-limiter.ts'
import type { PasswordVerifier } from './password.ts'
import type { SessionSockets } from './session-sockets.ts'
import { SESSION_COOKIE, SESSION_TTL_MS } from './sessions.ts'

// Demo and real accounts are short ASCII names (officer1, county); nothing else reaches the database
// (issue 10 item 5: a NUL in a user name was a 500 with the SQL in the log).
const USERNAME = /^[A-Za-z0-9_.@-]{1,64}$/
// Same alphabet as an event's `device` (packages/domain eventEnvelopeSchema).
const DEVICE_ID = /^[A-Za-z0-9_.:-]{1,64}$/

const LOGIN_FIELD_RULES = {
  username: {
    zh: '用户名须为 1–64 个字母、数字或 _ . @ - 字符',
    en: 'username must be 1–64 letters, digits or _ . @ - characters',
  },
  password: { zh: '密码须为 1–1024 个字符', en: 'password must be 1–1024 characters' },
  deviceId: {
    zh: '设备标识须为 1–64 个字母、数字或 _ . : - 字符',
    en: 'deviceId must be 1–64 letters, digits or _ . : - characters',
  },
} as const

const loginSchema = z.object({
  username: z.string().regex(USERNAME),
  password: z.string().min(1).max(1024),
  deviceId: z.string().regex(DEVICE_ID),
})

/** The error of a login body: names the first bad field, or the body itself when it is not an object. */
function loginBodyError(issues: readonly { readonly path: readonly PropertyKey[] }[]): DomainError {
  const field = issues[0]?.path[0]
  return typeof field === 'string' && field in LOGIN_FIELD_RULES
    ? invalidField(field, LOGIN_FIELD_RULES[field as keyof typeof LOGIN_FIELD_RULES])
    : ServerError.RequestInvalid
}

export interface AuthRouteDeps {
  readonly db: DatabaseExecutor
  readonly now: () => Date
  readonly loginLimits: LoginLimits
  readonly verifyPassword: PasswordVerifier
  readonly sessionSockets: SessionSockets
}

/** `POST /login`, `POST /logout` (mounted at /api/auth). */
export function authRoutes(deps: AuthRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()
  const loginDeps = { db: deps.db, limits: deps.loginLimits, verifyPassword: deps.verifyPassword }

  routes.post('/login', async (c) => {
    const input = loginSchema.safeParse(await readJson(c))
    if (!input.success) return respondError(c, 400, loginBodyError(input.error.issues))
    const result = await login(loginDeps, input.data, deps.now())
    if (!result.ok)
      return respondError(c, result.error.code === ServerError.AuthRateLimited.code ? 429 : 401, result.error)
    setCookie(c, SESSION_COOKIE, result.value.token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: requestIsHttps(c),
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    })
    return c.json(result.value.body, 200)
  })

  routes.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE)
    if (token) await endSession(deps.db, deps.sessionSockets, token)
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
