import type { DatabaseExecutor } from '@secledger/db'
import { LEVELS, type Level, Role } from '@secledger/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import type { Session } from '../auth/sessions.ts'
import { ServerError } from '../errors.ts'
import type { AppEnv } from '../http/app-env.ts'
import { respondError } from '../http/respond.ts'
import { CARRIER_STATES, isCountyTownship, townshipEntries, townshipSummaries } from './county-queries.ts'

const entriesQuerySchema = z.object({
  level: z.enum(LEVELS as [Level, ...Level[]]).optional(),
  state: z.enum(CARRIER_STATES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
})

function countyCaller(session: Session | null): Session | null {
  return session?.user.roles.includes(Role.County) && session.user.unit.kind === 'county' ? session : null
}

/**
 * The county's view (rule S-04): server-side projections of its own townships only, counts and the
 * entries behind them, never title, scope, reader or free text.
 */
export function countyRoutes(deps: { db: DatabaseExecutor; now: () => Date }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.use('*', async (c, next) => {
    const session = c.get('session')
    if (!session) return respondError(c, 401, ServerError.AuthRequired)
    if (!countyCaller(session)) return respondError(c, 403, ServerError.Forbidden)
    await next()
  })

  routes.get('/summary', async (c) => {
    const session = c.get('session') as Session
    return c.json({ townships: await townshipSummaries(deps.db, session.user.unit.id, deps.now()) })
  })

  routes.get('/townships/:unitId/carriers', async (c) => {
    const session = c.get('session') as Session
    const query = entriesQuerySchema.safeParse(c.req.query())
    if (!query.success) return respondError(c, 400, ServerError.RequestInvalid)
    const townshipId = c.req.param('unitId')
    if (!(await isCountyTownship(deps.db, session.user.unit.id, townshipId))) {
      return respondError(c, 404, ServerError.TownshipUnknown)
    }
    const { level, state, overdue, limit, offset } = query.data
    const entries = await townshipEntries(
      deps.db,
      townshipId,
      { level, state, overdue: overdue === 'true', limit, offset },
      deps.now(),
    )
    return c.json({ entries })
  })

  return routes
}
