import type { Database } from '@secledger/db'
import { sql } from 'drizzle-orm'
import { Hono } from 'hono'
import type { AppEnv } from './http/app-env.ts'

/** `GET /health` (mounted at /api): `{"status":"ok","db":"pglite"|"postgres"}` once the database answers. */
export function healthRoutes(database: Database): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()
  routes.get('/health', async (c) => {
    try {
      await database.db.execute(sql`select 1`)
      return c.json({ status: 'ok', db: database.kind })
    } catch {
      return c.json({ status: 'unavailable', db: database.kind }, 503)
    }
  })
  return routes
}
