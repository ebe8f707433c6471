import type { DatabaseExecutor } from '@secledger/db'
import { Hono } from 'hono'
import { ServerError } from '../errors.ts'
import type { AppEnv } from '../http/app-env.ts'
import { respondError } from '../http/respond.ts'
import { loadUnitDirectory } from './unit-directory.ts'

/** `GET /` (mounted at /api/keys): the KeyDirectory of the caller's own unit. */
export function keysRoutes(db: DatabaseExecutor): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()
  routes.get('/', async (c) => {
    const session = c.get('session')
    if (!session) return respondError(c, 401, ServerError.AuthRequired)
    return c.json(await loadUnitDirectory(db, session.user.unit.id))
  })
  return routes
}
