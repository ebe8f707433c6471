import { createNodeWebSocket } from '@hono/node-ws'
import type { Database } from '@secledger/db'
import { Hono } from 'hono'
import { endUserSessions } from './auth/end-sessions.ts'
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './auth/login-limiter.ts'
import { type PasswordVerifier, verifyPassword } from './auth/password.ts'
import { authRoutes, meRoutes } from './auth/routes.ts'
import { sessionMiddleware } from './auth/session-middleware.ts'
import { createSessionSockets } from './auth/session-sockets.ts'
import { countyRoutes } from './county/routes.ts'
import { ServerError } from './errors.ts'
import { healthRoutes } from './health.ts'
import type { AppEnv } from './http/app-env.ts'
import { logError } from './http/error-log.ts'
import { originCheck } from './http/origin-check.ts'
import { jsonBodiesOnly, rejectNulInUrl } from './http/request-guards.ts'
import { respondError } from './http/respond.ts'
import { securityHeaders } from './http/security-headers.ts'
import { keysRoutes } from './keys/routes.ts'
import { serveWebApp } from './static.ts'
import { MAX_FRAME_BYTES } from './sync/protocol.ts'
import { syncConnectionEvents } from './sync/sync-connection.ts'
import type { SyncService } from './sync/sync-service.ts'

export interface AppDeps {
  readonly database: Database
  readonly sync: SyncService
  /** The built web app; null serves the API only. */
  readonly webDist: string | null
  readonly now?: () => Date
  readonly loginLimits?: LoginLimits
  /** Origins allowed besides the app's own (env ALLOWED_ORIGINS), normalised by `parseOrigin`. */
  readonly allowedOrigins?: readonly string[]
  readonly verifyPassword?: PasswordVerifier
}

export interface SecLedgerApp {
  readonly app: Hono<AppEnv>
  /** Attaches the WebSocket upgrade handler to the Node HTTP server. */
  readonly injectWebSocket: ReturnType<typeof createNodeWebSocket>['injectWebSocket']
  /** The WebSocket server (to close its sockets on shutdown). */
  readonly wss: ReturnType<typeof createNodeWebSocket>['wss']
  /**
   * Ends every session of a user and closes their sync sockets (disabling an account; an admin route
   * calls it). Returns how many sessions were ended.
   */
  endUserSessions(userId: string): Promise<number>
}

export function createApp(deps: AppDeps): SecLedgerApp {
  const now = deps.now ?? (() => new Date())
  const db = deps.database.db
  const sessionSockets = createSessionSockets()
  const app = new Hono<AppEnv>()
  const { upgradeWebSocket, injectWebSocket, wss } = createNodeWebSocket({ app })
  // Frames between 8 MiB and this get an explicit SYNC-TOO-LARGE; beyond it `ws` closes with 1009.
  wss.options.maxPayload = 2 * MAX_FRAME_BYTES

  app.use('*', securityHeaders())
  // The Date header tells the time the server judges event clocks by (issue 10 item 1): the web app's
  // clock guard compares the device clock with it, so it must be the same clock as the skew check.
  app.use('/api/*', async (c, next) => {
    await next()
    c.header('Date', now().toUTCString())
  })
  app.use('/api/*', rejectNulInUrl())
  app.use('/api/*', sessionMiddleware(db, now))
  app.use('*', originCheck({ db, allowedOrigins: deps.allowedOrigins ?? [] }))
  app.use('/api/*', jsonBodiesOnly())
  app.route('/api', healthRoutes(deps.database))
  app.route(
    '/api/auth',
    authRoutes({
      db,
      now,
      loginLimits: deps.loginLimits ?? DEFAULT_LOGIN_LIMITS,
      verifyPassword: deps.verifyPassword ?? verifyPassword,
      sessionSockets,
    }),
  )
  app.route('/api', meRoutes())
  app.route('/api/keys', keysRoutes(db))
  app.route('/api/county', countyRoutes({ db, now }))
  const syncContext = { service: deps.sync, database: deps.database, sockets: sessionSockets, now }
  app.get(
    '/api/sync/:unitId',
    upgradeWebSocket((c) => syncConnectionEvents(syncContext, c.get('session'), c.req.param('unitId') ?? '')),
  )
  app.all('/api/*', (c) => respondError(c, 404, ServerError.NotFound))
  if (deps.webDist !== null) app.use('*', serveWebApp(deps.webDist))
  app.notFound((c) => respondError(c, 404, ServerError.NotFound))
  app.onError((error, c) => {
    // Never the error object itself: a Drizzle error carries the SQL and its parameters (issue 10 item 5).
    logError('[http]', error)
    return respondError(c, 500, ServerError.Internal)
  })
  return {
    app,
    injectWebSocket,
    wss,
    endUserSessions: (userId) => endUserSessions(db, sessionSockets, userId),
  }
}
