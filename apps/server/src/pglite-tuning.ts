import type { Database } from '@secledger/db'
import { sql } from 'drizzle-orm'

/**
 * PGlite runs PostgreSQL on the event loop, so a slow statement stalls every township (issue 10 item 8).
 * Each new 16 MB WAL segment is zero-filled first, which in memory (MEMFS, as in tests) held one commit for
 * 250–330 ms — about once per 16 MB written, i.e. once or twice in a 6 MB upload. Skipping the zero-fill
 * is what PostgreSQL offers for file systems that gain nothing by it; recovery finds the end of WAL by
 * record checksums either way, and PGlite does not fsync at all (ARCHITECTURE "Traps"). PGlite has a
 * single session, so the setting holds for the whole process. PostgreSQL is left as configured.
 */
export async function tunePglite(database: Database): Promise<void> {
  if (database.kind !== 'pglite') return
  await database.db.execute(sql`set wal_init_zero = off`)
}
