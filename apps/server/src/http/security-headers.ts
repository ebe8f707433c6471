import type { Context, MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv } from './app-env.ts'
import { requestHost, requestIsHttps } from './origins.ts'

// One year; no includeSubDomains: other hosts of a government domain are not ours to pin to https.
const HSTS = 'max-age=31536000'

/** The sync socket's origin (`ws(s)://<Host>`): older Safari does not let `'self'` cover ws:/wss:. */
function syncSocketSource(c: Context): string {
  const host = requestHost(c)
  return host === null ? '' : `${requestIsHttps(c) ? 'wss' : 'ws'}://${host}`
}

/**
 * Security headers of every response (issue 10 item 6), fitted to the built web app (apps/web/dist):
 * - `script-src 'self' 'wasm-unsafe-eval'`: index.html has no inline script (Vite emits module files);
 *   the sign-in chunk compiles the Argon2 WebAssembly that unwraps the signing key offline, which a
 *   plain `'self'` forbids.
 * - `style-src 'self' 'unsafe-inline'`: ECharts (county dashboard) builds its tooltips as HTML strings
 *   with `style` attributes set through innerHTML, which CSP treats as inline style. Vue's own `:style`
 *   goes through the CSSOM and would not need it.
 * - `connect-src 'self' ws(s)://<host>`: the API and the sync socket, nothing else.
 * - `img-src 'self' data: blob:`: the stylesheet and the layout use data: images; downloads use blob:.
 * - `worker-src 'self' blob:`: the service worker (and any worker built from a blob).
 * HSTS only over https (directly or per X-Forwarded-Proto): over http a browser ignores it, and
 * sending it from a plain-http dev server would say something false.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      connectSrc: ["'self'", syncSocketSource],
      imgSrc: ["'self'", 'data:', 'blob:'],
      workerSrc: ["'self'", 'blob:'],
      manifestSrc: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
    },
    referrerPolicy: 'same-origin',
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    strictTransportSecurity: false,
  })
  return async (c, next) => {
    await headers(c, next)
    if (requestIsHttps(c)) c.res.headers.set('Strict-Transport-Security', HSTS)
  }
}
