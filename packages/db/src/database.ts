import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import type { ExtractTablesWithRelations } from 'drizzle-orm/relations'
import postgres from 'postgres'
import * as schema from './schema.ts'

export type Schema = typeof schema
export type DatabaseKind = 'pglite' | 'postgres'

/**
 * The query builder both engines share. Typed on the common supertype so callers write one code
 * path; `execute()` results differ per engine (see `queryRows`).
 */
export type DatabaseClient = PgDatabase<PgQueryResultHKT, Schema>
/**
 * The `tx` of `db.transaction(async (tx) => …)`. Inside the callback use only `tx`: PGlite has one
 * connection, so a query on `db` there waits for the transaction forever.
 */
export type DatabaseTransaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** Either a database or a transaction: what a repository function should accept. */
export type DatabaseExecutor = DatabaseClient | DatabaseTransaction

export interface Database {
  readonly db: DatabaseClient
  readonly kind: DatabaseKind
  /** Ends the connections (PGlite: closes the data dir). Safe to call twice. */
  close(): Promise<void>
}

export interface DatabaseOptions {
  /** PostgreSQL connection URL; when set, PostgreSQL is used and `dataDir` is ignored. */
  readonly url?: string | undefined
  /** PGlite data directory (created when missing); in-memory when undefined. */
  readonly dataDir?: string | undefined
}

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url))
// Serialises migrations when several server nodes start against one PostgreSQL at once.
const MIGRATION_LOCK_KEY = 7_305_731_021
const POOL_SIZE = 10

/** Opens PGlite (default) or PostgreSQL (`url`) and brings the schema up to date before returning. */
export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  return options.url === undefined || options.url === ''
    ? openPglite(options.dataDir)
    : openPostgres(options.url)
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true })
  const client = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir)
  const db = drizzlePglite({ client, schema })
  try {
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER })
  } catch (error) {
    await client.close()
    throw error
  }
  let closed = false
  return {
    db,
    kind: 'pglite',
    async close() {
      if (closed) return
      closed = true
      await client.close()
    },
  }
}

async function openPostgres(url: string): Promise<Database> {
  await migratePostgresOnce(url)
  // UTC sessions so raw timestamptz text reads the same on both engines.
  const client = postgres(url, { max: POOL_SIZE, connection: { TimeZone: 'UTC' } })
  const db = drizzlePostgres({ client, schema })
  let closed = false
  return {
    db,
    kind: 'postgres',
    async close() {
      if (closed) return
      closed = true
      await client.end({ timeout: 5 })
    },
  }
}

async function migratePostgresOnce(url: string): Promise<void> {
  // One connection, so the session-level advisory lock and the migrator's transaction share it.
  const client = postgres(url, { max: 1, onnotice: () => {}, connection: { TimeZone: 'UTC' } })
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`
    try {
      await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: MIGRATIONS_FOLDER })
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`
    }
  } finally {
    await client.end({ timeout: 5 })
  }
}
