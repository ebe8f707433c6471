import type { DomainError } from '@secledger/domain'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { errorBody } from '../errors.ts'

/** The one shape of an HTTP error; the status is chosen here, at the edge (STYLE habit 7). */
export function respondError(c: Context, status: ContentfulStatusCode, error: DomainError): Response {
  return c.json(errorBody(error), status)
}

/** Parses a JSON body, or undefined when it is not JSON. */
export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json()
  } catch {
    return undefined
  }
}
