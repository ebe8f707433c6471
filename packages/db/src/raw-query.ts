import type { SQLWrapper } from 'drizzle-orm'
import type { DatabaseExecutor } from './database.ts'

/**
 * Rows of a raw `execute(sql…)` on either engine: postgres-js returns an array, PGlite `{ rows }`.
 * Raw rows skip the column mappers: bytea is a Buffer on postgres-js (use `toUint8Array`), int8 a
 * string there and a number on PGlite, timestamptz UTC text on both. Prefer the query builder.
 */
export async function queryRows<T extends Record<string, unknown> = Record<string, unknown>>(
  db: DatabaseExecutor,
  query: SQLWrapper | string,
): Promise<T[]> {
  const result: unknown = await db.execute(query)
  if (Array.isArray(result)) return Array.from(result as T[])
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows)) {
    return result.rows as T[]
  }
  throw new TypeError('unexpected execute() result shape')
}

/**
 * The SQLSTATE of a database error, looking through drizzle's DrizzleQueryError wrapper (`cause`).
 * E.g. `23505` unique violation, `SL001` append-only refusal.
 */
export function sqlStateOf(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    // Server errors (postgres-js PostgresError, PGlite DatabaseError) carry a severity; Node's
    // socket errors also have a `code` and must not be mistaken for a SQLSTATE.
    if ('severity' in current && 'code' in current && typeof current.code === 'string') return current.code
    current = 'cause' in current ? current.cause : undefined
  }
  return undefined
}

/**
 * SQLSTATE raised by the triggers that keep yjs_updates, events and security_events append-only and
 * yjs_snapshots insert-only (decision 5, issue 10 item 7).
 */
export const APPEND_ONLY_VIOLATION = 'SL001'
