import type { DatabaseExecutor } from '@secledger/db'
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppEnv } from '../http/app-env.ts'
import { findSession, SESSION_COOKIE } from './sessions.ts'

/** Resolves the `sl_session` cookie to the caller (or null) for every /api request, WebSocket upgrades included. */
export function sessionMiddleware(db: DatabaseExecutor, now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE)
    c.set('session', token ? await findSession(db, token, now()) : null)
    await next()
  }
}
