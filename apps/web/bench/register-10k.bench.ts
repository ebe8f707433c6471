import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, bench, describe } from 'vitest'
import { signIn } from '../e2e/app-pages.ts'
import { launchChromium } from '../e2e/chromium.ts'
import { officeMorning } from '../e2e/office-clock.ts'
import { type RunningServer, startServer } from '../e2e/server-process.ts'

/**
 * Issue 12: the carrier list with 10,000 carriers, in headless Chromium against the real server and
 * the built app (`pnpm --filter @secledger/web bench` builds first). 2,000 registrations of 5 numbered
 * copies each are written through the app's own writer (automation hooks), then each iteration times
 * what an officer waits for: opening the register (the replica read from IndexedDB and folded, the
 * first page of the list drawn) and a keyword search over all 10,000.
 */

const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const DOCUMENTS = 2_000
const COPIES = 5

let server: RunningServer
let browser: Browser
let page: Page

async function seed(): Promise<void> {
  const now = officeMorning()
  server = await startServer(WEB_DIST, undefined, { clockOffsetMs: now - Date.now() })
  browser = await launchChromium()
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  })
  await context.clock.install({ time: now })
  await context.clock.resume()
  page = await context.newPage()
  await page.goto(`${server.url}/login`)
  await signIn(page, 'officer1')
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  await page.waitForFunction(() => window.__secledgerAutomation !== undefined)
  const written = await page.evaluate(
    async ({ documents, copies }) => {
      const hooks = window.__secledgerAutomation
      if (!hooks) throw new Error('no automation hooks')
      const day = new Date().toISOString().slice(0, 10)
      let ok = 0
      for (let d = 0; d < documents; d += 1) {
        const result = await hooks.write('carrier.registered', {
          kind: 'paper',
          direction: 'received',
          issuer: '县委办公室',
          docNumber: `县委发〔2026〕${d + 1}号`,
          title: `关于第${d + 1}项工作的通知`,
          level: 'internal',
          periodYears: null,
          scope: '机关全体',
          serial: `2026-${String(d + 100).padStart(4, '0')}`,
          receivedOn: day,
          copies: Array.from({ length: copies }, (_, c) => ({ id: `c-${d}-${c}`, copyNumber: null })),
        })
        if (result.ok) ok += 1
      }
      return ok
    },
    { documents: DOCUMENTS, copies: COPIES },
  )
  if (written !== DOCUMENTS) throw new Error(`wrote ${written} of ${DOCUMENTS} registrations`)
  await page.getByRole('status').getByText('已同步').waitFor({ timeout: 120_000 })
}

await seed()

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** The list's total as the pager shows it (共 N 条): documents plus the demo's own. */
async function listed(): Promise<number> {
  const text = (await page.locator('.el-pagination__total').textContent()) ?? ''
  return Number(/\d+/.exec(text)?.[0] ?? 0)
}

describe('carrier list with 10,000 carriers (headless Chromium)', () => {
  bench(
    'open the register: replica from IndexedDB, folded, first page drawn',
    async () => {
      await page.goto(`${server.url}/register`)
      await page.locator('.el-table__body tr.el-table__row').first().waitFor()
      await page.waitForFunction((n) => {
        const text = document.querySelector('.el-pagination__total')?.textContent ?? ''
        return Number(/\d+/.exec(text)?.[0] ?? 0) >= n
      }, DOCUMENTS)
    },
    { iterations: 5, warmupIterations: 1, time: 0, warmupTime: 0 },
  )

  bench(
    'keyword search over all 10,000 (文号) and back to the full list, each result drawn',
    async () => {
      const box = page.getByLabel('关键字')
      await box.fill('县委发〔2026〕1999号')
      await box.press('Enter')
      await page.waitForFunction(() => {
        const text = document.querySelector('.el-pagination__total')?.textContent ?? ''
        return /共 1 条/.test(text)
      })
      await box.fill('')
      await box.press('Enter')
      await page.waitForFunction((n) => {
        const text = document.querySelector('.el-pagination__total')?.textContent ?? ''
        return Number(/\d+/.exec(text)?.[0] ?? 0) >= n
      }, DOCUMENTS)
      if ((await listed()) < DOCUMENTS) throw new Error('the list lost rows')
    },
    { iterations: 5, warmupIterations: 1, time: 0, warmupTime: 0 },
  )
})
