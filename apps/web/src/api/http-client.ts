import { type DomainError, domainError } from '@secledger/domain'
import { clockGuard } from '../sync/clock-guard.ts'

/** A call failed at the network (offline, server down) or came back with an error body. */
export type ApiResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly kind: 'network' }
  | { readonly ok: false; readonly kind: 'http'; readonly status: number; readonly error: DomainError }

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>

function isDomainError(value: unknown): value is DomainError {
  if (typeof value !== 'object' || value === null) return false
  const v = value as { code?: unknown; message?: { zh?: unknown; en?: unknown } }
  return typeof v.code === 'string' && typeof v.message?.zh === 'string' && typeof v.message.en === 'string'
}

/** JSON over fetch with the contract's error shape `{ error: { code, message } }`. */
export async function requestJson<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
  fetchFn: FetchFn = (input, options) => fetch(input, options),
): Promise<ApiResult<T>> {
  let response: Response
  let sentAt = 0
  try {
    const options: RequestInit = { method: init.method ?? 'GET', credentials: 'same-origin' }
    if (init.body !== undefined) {
      options.headers = { 'content-type': 'application/json' }
      options.body = JSON.stringify(init.body)
    }
    sentAt = Date.now()
    response = await fetchFn(path, options)
  } catch {
    return { ok: false, kind: 'network' }
  }
  // Issue 10: every answer tells the server's time; the clock guard compares this device's clock with it.
  clockGuard.observeDateHeader(response.headers.get('date'), sentAt, Date.now())
  // A proxy or a stopped server answering 502/503/504 is as good as offline.
  if (response.status === 502 || response.status === 503 || response.status === 504)
    return { ok: false, kind: 'network' }
  if (response.status === 204) return { ok: true, value: undefined as T }
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    body = null
  }
  if (response.ok) return { ok: true, value: body as T }
  const error = (body as { error?: unknown } | null)?.error
  return {
    ok: false,
    kind: 'http',
    status: response.status,
    error: isDomainError(error)
      ? error
      : domainError(
          `HTTP-${response.status}`,
          `服务器错误（${response.status}）`,
          `Server error (${response.status})`,
        ),
  }
}
