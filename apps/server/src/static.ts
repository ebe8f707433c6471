import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { MiddlewareHandler } from 'hono'
import { getMimeType } from 'hono/utils/mime'

// The service worker, the shell and the manifest must be revalidated on every load, or an update never lands.
const NO_CACHE = new Set(['/sw.js', '/index.html', '/manifest.webmanifest', '/registerSW.js'])
const IMMUTABLE = 'public, max-age=31536000, immutable'

function cacheControl(path: string): string {
  if (NO_CACHE.has(path)) return 'no-cache'
  // Vite puts content-hashed files under /assets/.
  if (path.startsWith('/assets/')) return IMMUTABLE
  return 'public, max-age=3600'
}

async function readFileIfExists(path: string): Promise<Buffer | null> {
  try {
    const info = await stat(path)
    return info.isFile() ? await readFile(path) : null
  } catch {
    return null
  }
}

/**
 * Serves the built web app (WEB_DIST) for every non-/api GET, with SPA fallback to index.html.
 * Without a build, `/` says how to make one.
 */
export function serveWebApp(webDist: string): MiddlewareHandler {
  const root = normalize(webDist)
  const built = existsSync(join(root, 'index.html'))
  return async (c, next) => {
    const method = c.req.method
    if ((method !== 'GET' && method !== 'HEAD') || c.req.path === '/api' || c.req.path.startsWith('/api/')) {
      return next()
    }
    if (!built) {
      if (c.req.path !== '/') return next()
      return c.text(
        'SecLedger API is running, but the web app is not built. Run `pnpm start` from the repository root ' +
          '(or `pnpm --filter @secledger/web build`).\n',
        200,
      )
    }
    let path: string
    try {
      path = decodeURIComponent(c.req.path)
    } catch {
      return next()
    }
    const file = normalize(join(root, path))
    if (file !== root && !file.startsWith(root + sep)) return next()
    const body = path.endsWith('/') ? null : await readFileIfExists(file)
    if (body) {
      c.header('Content-Type', getMimeType(file) ?? 'application/octet-stream')
      c.header('Cache-Control', cacheControl(path))
      return method === 'HEAD' ? c.body(null, 200) : c.body(new Uint8Array(body), 200)
    }
    // A missing hashed asset or file with an extension is a 404, not the app shell.
    if (path.startsWith('/assets/') || (extname(path) !== '' && extname(path) !== '.html')) return next()
    const index = await readFileIfExists(join(root, 'index.html'))
    if (!index) return next()
    c.header('Content-Type', 'text/html; charset=utf-8')
    c.header('Cache-Control', 'no-cache')
    return method === 'HEAD' ? c.body(null, 200) : c.body(new Uint8Array(index), 200)
  }
}
