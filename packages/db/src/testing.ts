import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { createDatabase, type Database, type DatabaseKind } from './database.ts'

/**
 * Test support for every package whose tests touch the database (`@secledger/db/testing`).
 * A contract suite runs once per engine: PGlite in memory always, PostgreSQL when reachable.
 * Under CI an unreachable PostgreSQL throws, so the suite fails instead of silently shrinking.
 */

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

export interface TestDatabase extends Database {
  /** A label for `describe.each` titles: `pglite` or `postgres`. */
  readonly name: string
  /** URL of the fresh PostgreSQL database (to open a second connection); undefined for PGlite. */
  readonly url: string | undefined
}

/** An engine that can open any number of fresh, migrated, empty databases. */
export interface TestEngine {
  readonly kind: DatabaseKind
  /** Opens a fresh database; its `close()` ends it (PostgreSQL: drops the database). */
  open(): Promise<TestDatabase>
}

export interface TestEngineOptions {
  /** Server URL used to create and drop test databases; default TEST_DATABASE_URL, then the local one. */
  readonly adminUrl?: string | undefined
  /** Whether an unreachable PostgreSQL is an error; default: the CI environment variable. */
  readonly ci?: boolean | undefined
}

/** The engines to run a contract suite against; checks PostgreSQL is reachable once. */
export async function listTestEngines(options: TestEngineOptions = {}): Promise<TestEngine[]> {
  const adminUrl = options.adminUrl ?? (process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL)
  const ci = options.ci ?? isCi(process.env.CI)
  const engines: TestEngine[] = [{ kind: 'pglite', open: openTestPglite }]
  const unreachable = await probePostgres(adminUrl)
  if (unreachable === undefined) {
    engines.push({ kind: 'postgres', open: () => openTestPostgres(adminUrl) })
  } else if (ci) {
    throw new Error(`PostgreSQL at ${redact(adminUrl)} is unreachable under CI: ${unreachable}`)
  } else {
    console.warn(
      `[@secledger/db/testing] PostgreSQL at ${redact(adminUrl)} unreachable (${unreachable}); ` +
        'running on PGlite only. Under CI=true this fails.',
    )
  }
  return engines
}

/** One open database per engine, for `describe.each(await openTestDatabases())`. */
export async function openTestDatabases(options: TestEngineOptions = {}): Promise<TestDatabase[]> {
  const engines = await listTestEngines(options)
  const opened: TestDatabase[] = []
  try {
    for (const engine of engines) opened.push(await engine.open())
  } catch (error) {
    await Promise.allSettled(opened.map((database) => database.close()))
    throw error
  }
  return opened
}

/** A fresh in-memory PGlite database. */
export async function openTestPglite(): Promise<TestDatabase> {
  const database = await createDatabase({})
  return { ...database, name: 'pglite', url: undefined }
}

/** Creates `sl_test_<random>` on the server at `adminUrl`, migrates it, and drops it on close. */
export async function openTestPostgres(adminUrl: string = DEFAULT_TEST_DATABASE_URL): Promise<TestDatabase> {
  const dbName = `sl_test_${randomBytes(8).toString('hex')}`
  await withAdmin(adminUrl, (admin) => admin.unsafe(`create database "${dbName}"`))
  const url = withDatabaseName(adminUrl, dbName)
  let database: Database
  try {
    database = await createDatabase({ url })
  } catch (error) {
    await dropDatabase(adminUrl, dbName)
    throw error
  }
  let closed = false
  return {
    db: database.db,
    kind: database.kind,
    name: 'postgres',
    url,
    async close() {
      if (closed) return
      closed = true
      await database.close()
      await dropDatabase(adminUrl, dbName)
    },
  }
}

function isCi(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false'
}

/** undefined when reachable, else why not. */
async function probePostgres(adminUrl: string): Promise<string | undefined> {
  try {
    await withAdmin(adminUrl, (admin) => admin`select 1`)
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

async function withAdmin<T>(adminUrl: string, run: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} })
  try {
    return await run(admin)
  } finally {
    await admin.end({ timeout: 5 })
  }
}

async function dropDatabase(adminUrl: string, dbName: string): Promise<void> {
  // FORCE (PostgreSQL 13+) ends connections a test forgot to close.
  await withAdmin(adminUrl, (admin) => admin.unsafe(`drop database if exists "${dbName}" with (force)`))
}

function withDatabaseName(serverUrl: string, dbName: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${dbName}`
  return url.toString()
}

function redact(serverUrl: string): string {
  try {
    const url = new URL(serverUrl)
    if (url.password !== '') url.password = '***'
    return url.toString()
  } catch {
    return '<invalid url>'
  }
}
