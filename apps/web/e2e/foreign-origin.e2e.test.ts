import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from './app-pages.ts'
import { HAVE_CHROMIUM, launchChromium } from './chromium.ts'
import { freePort, type RunningServer, startServer } from './server-process.ts'

const WEB_DIST = process.env.E2E_WEB_DIST ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist')

/** What the foreign page saw. */
interface ForeignReport {
  readonly opened: boolean
  /** First varUint (message type) of every frame received; 0 is a sync message (register bytes). */
  readonly frameTypes: readonly number[]
  readonly bytes: number
  readonly closeCode: number | null
  /** The logout fetch's outcome as the page saw it (a blocked opaque answer rejects; the POST still left). */
  readonly logout: string
}

/**
 * A page of another origin on the same host: it opens the sync socket of the officer's unit with the
 * browser's cookie, asks for everything (sync step 1 with an empty state vector, as a new replica would),
 * then POSTs the logout route — both same-site, so SameSite=Strict sends the cookie (ARCHITECTURE Traps).
 */
function foreignPage(appOrigin: string, unit: string): string {
  const wsUrl = `${appOrigin.replace(/^http/, 'ws')}/api/sync/${encodeURIComponent(unit)}`
  return `<!doctype html><html><head><meta charset="utf-8"><title>other app</title></head><body>
<script>
window.report = (async () => {
  const report = { opened: false, frameTypes: [], bytes: 0, closeCode: null, logout: 'not sent' }
  await new Promise((resolve) => {
    let ws
    try { ws = new WebSocket(${JSON.stringify(wsUrl)}) } catch { resolve(); return }
    ws.binaryType = 'arraybuffer'
    ws.onopen = () => {
      report.opened = true
      // message Sync (0), step 1 (0), the state vector of an empty doc ([0], length-prefixed)
      ws.send(new Uint8Array([0, 0, 1, 0]))
    }
    ws.onmessage = (event) => {
      const bytes = new Uint8Array(event.data)
      report.frameTypes.push(bytes[0])
      report.bytes += bytes.length
    }
    ws.onclose = (event) => { report.closeCode = event.code; resolve() }
    setTimeout(() => { try { ws.close() } catch {} ; resolve() }, 4000)
  })
  try {
    await fetch(${JSON.stringify(`${appOrigin}/api/auth/logout`)}, { method: 'POST', mode: 'no-cors', credentials: 'include' })
    report.logout = 'answered'
  } catch (error) {
    report.logout = 'rejected: ' + error
  }
  return report
})()
</script></body></html>`
}

describe.skipIf(!HAVE_CHROMIUM)('issue 10 item 3: a page on another port of the same host', () => {
  let server: RunningServer
  let foreign: Server
  let browser: Browser
  let context: BrowserContext
  let officer: Page
  let appOrigin: string
  let foreignOrigin: string
  let unit = ''

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST, 'index.html')))
      throw new Error(
        `the web app is not built (${WEB_DIST}); run \`pnpm --filter @secledger/web e2e\`, which builds it`,
      )
    server = await startServer(WEB_DIST)
    // Both origins on 127.0.0.1: same site, different origins (ports).
    appOrigin = server.url.replace('localhost', '127.0.0.1')
    // E2E_FOREIGN_PORT: a fixed port, so a check run can allow-list it (ALLOWED_ORIGINS) and watch this fail.
    const port = Number(process.env.E2E_FOREIGN_PORT ?? (await freePort()))
    foreignOrigin = `http://127.0.0.1:${port}`
    foreign = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(foreignPage(appOrigin, unit))
    })
    await new Promise<void>((done) => foreign.listen(port, '127.0.0.1', done))
    browser = await launchChromium()
    context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    officer = await context.newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await new Promise<void>((done) => (foreign ? foreign.close(() => done()) : done()))
    await server?.stop()
  })

  it('the officer signs in on the app’s origin (127.0.0.1, like the foreign page)', async () => {
    await officer.goto(`${appOrigin}/login`)
    await signIn(officer, 'officer1')
    await officer.waitForURL(/\/todo$/)
    const me = await officer.evaluate(async () => {
      const response = await fetch('/api/me')
      return (await response.json()) as { user: { unit: { id: string } } }
    })
    unit = me.user.unit.id
    expect(unit).toBe('town-1')
  })

  it('the foreign page gets no register bytes over the sync socket and cannot log the officer out', async () => {
    const page = await context.newPage()
    // What left the foreign page, as the browser's network saw it (the page itself may get no answer).
    const logoutRequests: string[] = []
    const logoutStatuses: number[] = []
    page.on('request', (request) => {
      if (request.url().endsWith('/api/auth/logout')) logoutRequests.push(request.method())
    })
    page.on('response', (response) => {
      if (response.url().endsWith('/api/auth/logout')) logoutStatuses.push(response.status())
    })
    await page.goto(`${foreignOrigin}/`)
    const report = (await page.evaluate('window.report')) as ForeignReport
    await page.close()
    console.info(
      '[foreign-origin] the foreign page saw',
      JSON.stringify(report),
      'logout answered',
      logoutStatuses,
    )

    // refused at the upgrade, or closed before any sync message: nothing of the register reached it
    expect.soft(report.frameTypes.filter((type) => type === 0)).toEqual([])
    expect.soft(report.bytes).toBe(0)
    // the logout POST did leave the page with the officer's cookie; the session must have survived it
    expect(logoutRequests).toEqual(['POST'])
    const status = await officer.evaluate(async () => (await fetch('/api/me')).status)
    expect(status).toBe(200)
  })
})
