import type { Context } from 'hono'

/** `scheme://host[:port]` of an http(s) origin, normalised (lower case, default port dropped), or null. */
export function parseOrigin(value: string): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return null
  if (url.pathname !== '/') return null
  return url.origin
}

/** Whether the request reached us over https, directly or through a proxy that says so. */
export function requestIsHttps(c: Context): boolean {
  return (
    c.req.url.startsWith('https:') || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
  )
}

// A Host header is a host name or address and an optional port; anything else is not echoed anywhere.
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/

/** The request's Host header when it is a plain host[:port], else null. */
export function requestHost(c: Context): string | null {
  const host = c.req.header('host')
  return host !== undefined && HOST.test(host) ? host : null
}

/**
 * The app's own origin as the browser sees it: `http(s)://<Host>`. Read from the Host header, not the
 * request URL: the WebSocket upgrade path (@hono/node-ws) builds its URL on `http://localhost`.
 */
export function ownOrigin(c: Context): string | null {
  const host = requestHost(c)
  return host === null ? null : parseOrigin(`${requestIsHttps(c) ? 'https' : 'http'}://${host}`)
}
