import { createNodeWebSocket } from '@hono/node-ws'
import type { Database } from '@secledger/db'
import { Hono } from 'hono'
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './auth/login-limiter.ts'
import { authRoutes, meRoutes } from './auth/routes.ts'
import { sessionMiddleware } from './auth/session-middleware.ts'
import { countyRoutes } from './county/routes.ts'
import { ServerError } from './errors.ts'
import { healthRoutes } from './health.ts'
import type { AppEnv } from './http/app-env.ts'
import { respondError } from './http/respond.ts'
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
}

export interface SecLedgerApp {
  readonly app: Hono<AppEnv>
  /** Attaches the WebSocket upgrade handler to the Node HTTP server. */
  readonly injectWebSocket: ReturnType<typeof createNodeWebSocket>['injectWebSocket']
  /** The WebSocket server (to close its sockets on shutdown). */
  readonly wss: ReturnType<typeof createNodeWebSocket>['wss']
}

export function createApp(deps: AppDeps): SecLedgerApp {
  const now = deps.now ?? (() => new Date())
  const db = deps.database.db
  const app = new Hono<AppEnv>()
  const { upgradeWebSocket, injectWebSocket, wss } = createNodeWebSocket({ app })
  // Frames between 8 MiB and this get an explicit SYNC-TOO-LARGE; beyond it `ws` closes with 1009.
  wss.options.maxPayload = 2 * MAX_FRAME_BYTES

  app.use('/api/*', sessionMiddleware(db, now))
  app.route('/api', healthRoutes(deps.database))
  app.route('/api/auth', authRoutes({ db, now, loginLimits: deps.loginLimits ?? DEFAULT_LOGIN_LIMITS }))
  app.route('/api', meRoutes())
  app.route('/api/keys', keysRoutes(db))
  app.route('/api/county', countyRoutes({ db, now }))
  app.get(
    '/api/sync/:unitId',
    upgradeWebSocket((c) =>
      syncConnectionEvents(deps.sync, deps.database, c.get('session'), c.req.param('unitId') ?? ''),
    ),
  )
  app.all('/api/*', (c) => respondError(c, 404, ServerError.NotFound))
  if (deps.webDist !== null) app.use('*', serveWebApp(deps.webDist))
  app.notFound((c) => respondError(c, 404, ServerError.NotFound))
  app.onError((error, c) => {
    console.error('[http]', error)
    return respondError(c, 500, ServerError.Internal)
  })
  return { app, injectWebSocket, wss }
}
