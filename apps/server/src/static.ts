import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { Context, MiddlewareHandler } from 'hono'
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

/** The siblings the web build writes beside its hashed assets (apps/web/build/precompress.ts), best first. */
const PRECOMPRESSED = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
] as const
type Coding = (typeof PRECOMPRESSED)[number]['coding']

const QVALUE = /^q=(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i

/**
 * The weight Accept-Encoding gives a content coding (RFC 9110 §12.5.3): its own entry, else `*`, else
 * 0, not acceptable. `x-gzip` is gzip; a malformed weight counts as 0.
 */
function codingWeight(acceptEncoding: string | undefined, coding: Coding): number {
  let own: number | null = null
  let any: number | null = null
  for (const entry of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = entry.split(';').map((part) => part.trim().toLowerCase())
    const q = params.find((param) => param.startsWith('q='))
    const weight = q === undefined ? 1 : QVALUE.test(q) ? Number(q.slice(2)) : 0
    if (name === coding || (coding === 'gzip' && name === 'x-gzip')) own = Math.max(own ?? 0, weight)
    else if (name === '*') any = weight
  }
  return own ?? any ?? 0
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

interface Representation {
  readonly path: string
  readonly coding: Coding | null
  /** Another Accept-Encoding would have been sent other bytes: caches must key on it. */
  readonly varies: boolean
}

/**
 * The file's precompressed sibling the client accepts with the highest weight (brotli on a tie),
 * else the file itself; null when there is no such file.
 */
async function representation(
  file: string,
  acceptEncoding: string | undefined,
): Promise<Representation | null> {
  if (!(await isFile(file))) return null
  const present = await Promise.all(PRECOMPRESSED.map(({ suffix }) => isFile(file + suffix)))
  let best: Representation | null = null
  let bestWeight = 0
  for (const [i, { coding, suffix }] of PRECOMPRESSED.entries()) {
    const weight = codingWeight(acceptEncoding, coding)
    if (present[i] && weight > bestWeight) {
      best = { path: file + suffix, coding, varies: true }
      bestWeight = weight
    }
  }
  return best ?? { path: file, coding: null, varies: present.includes(true) }
}

function send(c: Context, body: Buffer, head: boolean): Response {
  if (!head) return c.body(new Uint8Array(body), 200)
  c.header('Content-Length', String(body.byteLength))
  return c.body(null, 200)
}

/**
 * Serves the built web app (WEB_DIST) for every non-/api GET, with SPA fallback to index.html. A file
 * with `.br`/`.gz` siblings goes out precompressed when Accept-Encoding allows (issue 12, "Bytes").
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
    const chosen = path.endsWith('/') ? null : await representation(file, c.req.header('accept-encoding'))
    const body = chosen && (await readFileIfExists(chosen.path))
    if (chosen && body) {
      c.header('Content-Type', getMimeType(file) ?? 'application/octet-stream')
      c.header('Cache-Control', cacheControl(path))
      if (chosen.varies) c.header('Vary', 'Accept-Encoding')
      if (chosen.coding) c.header('Content-Encoding', chosen.coding)
      return send(c, body, method === 'HEAD')
    }
    // A missing hashed asset or file with an extension is a 404, not the app shell.
    if (path.startsWith('/assets/') || (extname(path) !== '' && extname(path) !== '.html')) return next()
    const index = await readFileIfExists(join(root, 'index.html'))
    if (!index) return next()
    c.header('Content-Type', 'text/html; charset=utf-8')
    c.header('Cache-Control', 'no-cache')
    return send(c, index, method === 'HEAD')
  }
}
