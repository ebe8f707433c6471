import type { DomainError } from '@secledger/domain'
import type { MiddlewareHandler } from 'hono'
import { ServerError } from '../errors.ts'
import type { AppEnv } from './app-env.ts'
import { respondError } from './respond.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** `application/json`, with or without parameters (`; charset=utf-8`). */
export function isJsonMediaType(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json'
}

/**
 * A write's body, if it has one, is JSON (issue 10 item 3): a page elsewhere can POST text/plain or a
 * form without a CORS preflight (login CSRF), but not application/json. 415 REQUEST-NOT-JSON otherwise.
 */
export function jsonBodiesOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next()
    const contentType = c.req.header('content-type')
    const length = c.req.header('content-length')
    const hasBody =
      contentType !== undefined ||
      (length !== undefined && length !== '0') ||
      c.req.header('transfer-encoding') !== undefined
    if (hasBody && !isJsonMediaType(contentType))
      return respondError(c, 415, ServerError.UnsupportedMediaType)
    return next()
  }
}

/** REQUEST-INVALID whose message names the field and says what it must look like. */
export function invalidField(field: string, rule: { readonly zh: string; readonly en: string }): DomainError {
  return {
    code: ServerError.RequestInvalid.code,
    message: { zh: `请求格式不正确：${rule.zh}`, en: `Invalid request: ${rule.en}` },
    details: { field },
  }
}

const NUL_IN_URL = /%00/i

/**
 * No NUL in a path or query (issue 10 item 5): PostgreSQL text cannot hold U+0000, so a `%00` in a
 * route parameter reached the database as a query error (500, with the parameter in the log).
 */
export function rejectNulInUrl(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (NUL_IN_URL.test(c.req.url))
      return respondError(
        c,
        400,
        invalidField('url', {
          zh: '地址中不能含有空字符（%00）',
          en: 'the URL must not contain a NUL (%00)',
        }),
      )
    return next()
  }
}
