import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { afterAll, describe, expect, it } from 'vitest'
import { serveWebApp } from '../src/static.ts'

const dist = mkdtempSync(join(tmpdir(), 'secledger-dist-'))
mkdirSync(join(dist, 'assets'))
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>保密台账</title>')
writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {})')
writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"SecLedger"}')
writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)')
afterAll(() => rmSync(dist, { recursive: true, force: true }))

function appFor(root: string): Hono {
  const app = new Hono()
  app.use('*', serveWebApp(root))
  app.all('*', (c) => c.text('fell through', 404))
  return app
}

describe('static web app', () => {
  const app = appFor(dist)

  it('serves index.html, sw.js and the manifest with no-cache', async () => {
    for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      const response = await app.request(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('cache-control'), path).toBe('no-cache')
    }
    expect(await (await app.request('/')).text()).toContain('保密台账')
    expect((await app.request('/sw.js')).headers.get('content-type')).toMatch(/javascript/)
  })

  it('long-caches hashed assets', async () => {
    const response = await app.request('/assets/index-abc123.js')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  it('falls back to index.html for app routes, not for /api, missing assets or traversal', async () => {
    const route = await app.request('/county/town-1')
    expect(route.status).toBe(200)
    expect(await route.text()).toContain('保密台账')
    expect((await app.request('/api/anything')).status).toBe(404)
    expect((await app.request('/assets/missing.js')).status).toBe(404)
    expect(await (await app.request('/..%2f..%2fetc/passwd')).text()).not.toContain('root:')
    expect((await app.request('/', { method: 'POST' })).status).toBe(404)
  })

  it('without a build, says at / how to build the web app', async () => {
    const bare = appFor(join(dist, 'nope'))
    const response = await bare.request('/')
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/web app is not built/)
  })
})

describe('precompressed assets (issue 12, "Bytes")', () => {
  const built = mkdtempSync(join(tmpdir(), 'secledger-dist-'))
  afterAll(() => rmSync(built, { recursive: true, force: true }))
  const script = Buffer.from(`export const register = ${JSON.stringify('保密台账 '.repeat(200))}\n`)
  const style = Buffer.from(`.login { color: #8b1a1a; }\n`.repeat(100))
  mkdirSync(join(built, 'assets'))
  writeFileSync(join(built, 'index.html'), '<!doctype html><title>保密台账</title>')
  writeFileSync(join(built, 'assets', 'app-abc123.js'), script)
  writeFileSync(join(built, 'assets', 'app-abc123.js.br'), brotliCompressSync(script))
  writeFileSync(join(built, 'assets', 'app-abc123.js.gz'), gzipSync(script))
  // A sibling the build did not write (it was no smaller): only .gz here.
  writeFileSync(join(built, 'assets', 'style-abc123.css'), style)
  writeFileSync(join(built, 'assets', 'style-abc123.css.gz'), gzipSync(style))
  writeFileSync(join(built, 'assets', 'plain-abc123.js'), script)
  const app = appFor(built)

  function get(path: string, acceptEncoding?: string, method = 'GET'): Promise<Response> {
    const headers: Record<string, string> =
      acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
    return Promise.resolve(app.request(path, { method, headers }))
  }

  async function decoded(response: Response): Promise<string> {
    const body = Buffer.from(await response.arrayBuffer())
    const coding = response.headers.get('content-encoding')
    if (coding === 'br') return brotliDecompressSync(body).toString()
    if (coding === 'gzip') return gunzipSync(body).toString()
    expect(coding).toBeNull()
    return body.toString()
  }

  it('sends brotli when the browser accepts it, with the original type and immutable caching', async () => {
    const response = await get('/assets/app-abc123.js', 'gzip, deflate, br, zstd')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe('br')
    expect(response.headers.get('vary')).toBe('Accept-Encoding')
    expect(response.headers.get('content-type')).toMatch(/javascript/)
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await decoded(response)).toBe(script.toString())
  })

  it('sends gzip to a client without brotli, and the file itself to one accepting neither', async () => {
    const gzip = await get('/assets/app-abc123.js', 'gzip, deflate')
    expect(gzip.headers.get('content-encoding')).toBe('gzip')
    expect(await decoded(gzip)).toBe(script.toString())
    expect((await get('/assets/app-abc123.js', 'x-gzip')).headers.get('content-encoding')).toBe('gzip')
    for (const accept of [undefined, '', 'identity', 'deflate', 'zstd']) {
      const plain = await get('/assets/app-abc123.js', accept)
      expect(plain.headers.get('content-encoding'), String(accept)).toBeNull()
      // The same URL has other bytes for other clients: a shared cache must not hand these out as those.
      expect(plain.headers.get('vary'), String(accept)).toBe('Accept-Encoding')
      expect(await decoded(plain)).toBe(script.toString())
    }
  })

  it('honours the weights: q=0 refuses a coding, the higher weight wins, * covers the rest', async () => {
    const cases: [string, string | null][] = [
      ['br;q=0, gzip', 'gzip'],
      ['br;q=0, gzip;q=0', null],
      ['BR;Q=0, GZIP', 'gzip'],
      ['gzip;q=1.0, br;q=0.5', 'gzip'],
      ['gzip;q=0.5, br;q=0.8', 'br'],
      ['gzip, br;q=1', 'br'],
      ['*', 'br'],
      ['*;q=0', null],
      ['br;q=0, *', 'gzip'],
      ['br;q=0.001, gzip;q=0.000', 'br'],
      // A malformed weight is not a permission.
      ['br;q=2, gzip;q=yes', null],
    ]
    for (const [accept, coding] of cases) {
      const response = await get('/assets/app-abc123.js', accept)
      expect(response.headers.get('content-encoding'), accept).toBe(coding)
      expect(await decoded(response), accept).toBe(script.toString())
    }
  })

  it('falls back to what exists: no .br means gzip or the file, no sibling means no Vary', async () => {
    const css = await get('/assets/style-abc123.css', 'br, gzip')
    expect(css.headers.get('content-encoding')).toBe('gzip')
    expect(css.headers.get('content-type')).toMatch(/^text\/css/)
    expect(await decoded(css)).toBe(style.toString())
    const brOnly = await get('/assets/style-abc123.css', 'br')
    expect(brOnly.headers.get('content-encoding')).toBeNull()
    expect(await decoded(brOnly)).toBe(style.toString())
    const plain = await get('/assets/plain-abc123.js', 'gzip, deflate, br')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toBeNull()
    expect(await decoded(plain)).toBe(script.toString())
    expect((await get('/assets/missing-abc123.js', 'br')).status).toBe(404)
  })

  it('answers HEAD with the headers and length of what GET would send, and no body', async () => {
    const head = await get('/assets/app-abc123.js', 'gzip, br', 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers.get('content-encoding')).toBe('br')
    expect(head.headers.get('vary')).toBe('Accept-Encoding')
    expect(head.headers.get('content-type')).toMatch(/javascript/)
    expect(head.headers.get('content-length')).toBe(String(brotliCompressSync(script).byteLength))
    expect((await head.arrayBuffer()).byteLength).toBe(0)
    const plainHead = await get('/assets/app-abc123.js', 'br;q=0', 'HEAD')
    expect(plainHead.headers.get('content-encoding')).toBeNull()
    expect(plainHead.headers.get('content-length')).toBe(String(script.byteLength))
  })
})
