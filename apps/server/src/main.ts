import { existsSync } from 'node:fs'
import { createDatabase } from '@secledger/db'
import { seedDemo } from './demo/seed.ts'
import { readEnv } from './env.ts'
import { logError } from './http/error-log.ts'
import { tunePglite } from './pglite-tuning.ts'
import { startServer } from './server.ts'
import { loadStorageKey } from './sync/storage-key.ts'
import { createSyncService } from './sync/sync-service.ts'

const env = readEnv()
const started = performance.now()
const database = await createDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR })
await tunePglite(database)
const opened = performance.now()
const storageKey = loadStorageKey({ hex: env.STORAGE_KEY, dataDir: env.DATA_DIR })
if (storageKey.origin === 'created')
  console.log(`Created the storage key ${storageKey.path}; keep it outside backups of the database`)
const sync = createSyncService({
  database,
  maxClockSkewMs: env.MAX_CLOCK_SKEW_SECONDS * 1000,
  maxEventAgeMs: env.MAX_EVENT_AGE_DAYS * 24 * 3600 * 1000,
  storageKey: storageKey.key,
})
if (await seedDemo(database, sync)) {
  console.log(
    `Seeded the demo county in ${Math.round(performance.now() - opened)} ms (password: secledger-demo); ` +
      `database opened in ${Math.round(opened - started)} ms`,
  )
}
if (!existsSync(env.WEB_DIST)) console.warn(`Web app not built at ${env.WEB_DIST}; serving the API only`)
const server = await startServer(
  { database, sync, webDist: env.WEB_DIST, allowedOrigins: env.ALLOWED_ORIGINS },
  env.PORT,
)
console.log(
  `SecLedger listening on http://localhost:${server.port} (${database.kind}, ready in ${Math.round(performance.now() - started)} ms)`,
)

let stopping = false
async function shutdown(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  console.log(`${signal}: closing`)
  try {
    await server.close()
    await database.close()
    process.exit(0)
  } catch (error) {
    logError('shutdown failed', error)
    process.exit(1)
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
