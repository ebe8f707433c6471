import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { queryRows } from '../src/index.ts'
import { DEFAULT_TEST_DATABASE_URL, listTestEngines } from '../src/testing.ts'

// Port 1 on loopback: nothing listens there, the connection is refused at once.
const UNREACHABLE = 'postgres://postgres@127.0.0.1:1/postgres'
const ADMIN_URL = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL
// Under CI this throws when PostgreSQL is down, so the drop test below cannot silently vanish.
const postgresEngines = (await listTestEngines()).filter((engine) => engine.kind === 'postgres')

async function databaseExists(name: string): Promise<boolean> {
  const admin = postgres(ADMIN_URL, { max: 1 })
  try {
    const rows = await admin`select 1 from pg_database where datname = ${name}`
    return rows.length > 0
  } finally {
    await admin.end()
  }
}

describe('@secledger/db/testing', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('under CI an unreachable PostgreSQL fails the suite instead of skipping it', async () => {
    await expect(listTestEngines({ adminUrl: UNREACHABLE, ci: true })).rejects.toThrow(/unreachable under CI/)
  })

  it('outside CI an unreachable PostgreSQL leaves PGlite only, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const engines = await listTestEngines({ adminUrl: UNREACHABLE, ci: false })
    expect(engines.map((engine) => engine.kind)).toEqual(['pglite'])
    expect(warn).toHaveBeenCalledOnce()
  })

  it.each(postgresEngines)(
    '$kind: each open() gets a fresh sl_test_ database, dropped on close',
    async (engine) => {
      const first = await engine.open()
      const second = await engine.open()
      const name = new URL(first.url ?? 'x:/').pathname.slice(1)
      expect(name).toMatch(/^sl_test_[0-9a-f]{16}$/)
      expect(second.url).not.toBe(first.url)
      const [current] = await queryRows<{ name: string }>(first.db, sql`select current_database() as name`)
      expect(current?.name).toBe(name)
      expect(await databaseExists(name)).toBe(true)
      await first.close()
      await first.close() // idempotent
      await second.close()
      expect(await databaseExists(name)).toBe(false)
    },
  )
})
