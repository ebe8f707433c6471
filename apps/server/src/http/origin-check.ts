import type { DatabaseExecutor } from '@secledger/db'
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { SESSION_COOKIE } from '../auth/sessions.ts'
import { ServerError } from '../errors.ts'
import { recordSecurityEvent } from '../security/security-log.ts'
import type { AppEnv } from './app-env.ts'
import { logError } from './error-log.ts'
import { ownOrigin, parseOrigin } from './origins.ts'
import { respondError } from './respond.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const MAX_LOGGED = 200

/** A header or path as the security log keeps it: bounded, and without NUL (jsonb cannot hold U+0000). */
function logged(value: string): string {
  return value.slice(0, MAX_LOGGED).replaceAll('\u0000', '\uFFFD')
}

export interface OriginCheckDeps {
  readonly db: DatabaseExecutor
  /** Allowed besides the app's own origin (env ALLOWED_ORIGINS); normalised here, invalid ones ignored. */
  readonly allowedOrigins: readonly string[]
}

/**
 * The origin check (issue 10 item 3; ARCHITECTURE trap "SameSite=Strict is not an origin check"): a page
 * on another port or subdomain of the same site sends our SameSite=Strict cookie, so every writing request
 * and every sync socket upgrade must come from our own origin or an allow-listed one.
 *
 * A missing Origin: browsers send Origin on every WebSocket upgrade and on every POST (cross-origin or
 * not), so only non-browser clients omit it. It is refused on a sync upgrade and on a write that carries
 * the session cookie (where a forged request would act as the user), and let through on a write without
 * the cookie (curl logging in: no ambient authority to abuse). `Origin: null` (sandboxed frames, file:)
 * is a foreign origin.
 */
export function originCheck(deps: OriginCheckDeps): MiddlewareHandler<AppEnv> {
  const allowed = new Set(
    deps.allowedOrigins.map(parseOrigin).filter((origin): origin is string => origin !== null),
  )
  return async (c, next) => {
    const path = c.req.path
    const upgrade = path.startsWith('/api/sync/') || c.req.header('upgrade')?.toLowerCase() === 'websocket'
    if (!upgrade && SAFE_METHODS.has(c.req.method)) return next()
    const origin = c.req.header('origin')
    if (origin === undefined) {
      const required = upgrade || getCookie(c, SESSION_COOKIE) !== undefined
      if (!required) return next()
    } else {
      const parsed = parseOrigin(origin)
      if (parsed !== null && (parsed === ownOrigin(c) || allowed.has(parsed))) return next()
    }
    const session = c.get('session') ?? null
    await recordSecurityEvent(deps.db, {
      unitId: session?.user.unit.id ?? null,
      userId: session?.user.id ?? null,
      deviceId: session?.deviceId ?? null,
      kind: 'origin_forbidden',
      code: ServerError.OriginForbidden.code,
      detail: {
        origin: origin === undefined ? null : logged(origin),
        host: logged(c.req.header('host') ?? ''),
        method: c.req.method,
        path: logged(path),
      },
    }).catch((error: unknown) => logError('[http] could not record a security event', error))
    return respondError(c, 403, ServerError.OriginForbidden)
  }
}
