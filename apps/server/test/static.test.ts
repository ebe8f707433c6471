import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
