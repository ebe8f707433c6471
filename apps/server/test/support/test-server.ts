import type { Database } from '@secledger/db'
import { createDatabase } from '@secledger/db'
import { type KeyDirectory, unwrapSecretKey, type WrappedKey } from '@secledger/domain'
import type { LoginLimits } from '../../src/auth/login-limiter.ts'
import type { PasswordHashCost, PasswordVerifier } from '../../src/auth/password.ts'
import { DEMO_PASSWORD } from '../../src/demo/demo-data.ts'
import { seedDemo } from '../../src/demo/seed.ts'
import { tunePglite } from '../../src/pglite-tuning.ts'
import { type RunningServer, startServer } from '../../src/server.ts'
import { createSyncService, type SyncService } from '../../src/sync/sync-service.ts'

/** Cheap key wrapping and password hashing: the demo's real cost would make every test slow. */
export const TEST_KDF = { memoryKiB: 64, iterations: 1, parallelism: 1 } as const
export const TEST_PASSWORD_COST: PasswordHashCost = { memoryCost: 64, timeCost: 1, parallelism: 1 }

export interface TestServer {
  readonly url: string
  readonly wsUrl: string
  readonly database: Database
  readonly sync: SyncService
  readonly server: RunningServer
  close(): Promise<void>
}

export interface TestServerOptions {
  /** An already open database (closed by the caller); default: a fresh in-memory PGlite, closed on close(). */
  readonly database?: Database
  readonly seed?: boolean
  readonly webDist?: string | null
  readonly now?: () => Date
  readonly loginLimits?: LoginLimits
  /** Extra origins allowed besides the server's own (ALLOWED_ORIGINS). */
  readonly allowedOrigins?: readonly string[]
  /** The password verifier of login (to count verifications). */
  readonly verifyPassword?: PasswordVerifier
  readonly snapshotEvery?: number
  /** The seed's "now" (its overdue hand-out is two working days before); fixed so the calendar covers it. */
  readonly seedNow?: Date
}

/** A Monday inside the calendar's years (2026-11-23 11:00 Asia/Shanghai). */
export const SEED_NOW = new Date('2026-11-23T03:00:00Z')

/** A real listening server on an ephemeral port, seeded with the demo county. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.database ?? (await createDatabase({}))
  const ownsDatabase = options.database === undefined
  await tunePglite(database)
  const sync = createSyncService({
    database,
    ...(options.now ? { now: options.now } : {}),
    ...(options.snapshotEvery ? { snapshotEvery: options.snapshotEvery } : {}),
  })
  if (options.seed !== false)
    await seedDemo(database, sync, {
      kdfParams: TEST_KDF,
      passwordCost: TEST_PASSWORD_COST,
      now: options.seedNow ?? SEED_NOW,
    })
  const server = await startServer(
    {
      database,
      sync,
      webDist: options.webDist ?? null,
      ...(options.now ? { now: options.now } : {}),
      ...(options.loginLimits ? { loginLimits: options.loginLimits } : {}),
      ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
      ...(options.verifyPassword ? { verifyPassword: options.verifyPassword } : {}),
    },
    0,
  )
  return {
    url: server.url,
    wsUrl: server.url.replace(/^http/, 'ws'),
    database,
    sync,
    server,
    async close() {
      await server.close()
      if (ownsDatabase) await database.close()
    },
  }
}

export interface LoggedIn {
  readonly cookie: string
  readonly body: {
    user: { id: string; unit: { id: string } }
    wrappedKey: WrappedKey
    directory: KeyDirectory
  }
  readonly secretKey: string
}

/** Logs in over HTTP and unwraps the signing key as the web app does. */
export async function loginAs(
  baseUrl: string,
  username: string,
  deviceId = `dev-${username}`,
): Promise<LoggedIn> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD, deviceId }),
  })
  if (response.status !== 200)
    throw new Error(`login ${username}: ${response.status} ${await response.text()}`)
  const setCookie = response.headers.get('set-cookie') ?? ''
  const cookie = setCookie.split(';')[0] ?? ''
  const body = (await response.json()) as LoggedIn['body']
  const secret = await unwrapSecretKey(body.wrappedKey, DEMO_PASSWORD, username)
  if (!secret.ok) throw new Error(`cannot unwrap the key of ${username}`)
  return { cookie, body, secretKey: secret.value }
}
