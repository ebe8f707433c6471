import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialog, pickOption, rowsWith, signIn } from './app-pages.ts'
import { HAVE_CHROMIUM, launchChromium } from './chromium.ts'
import { dumpBrowserStorage, leakedCanaries } from './indexeddb-dump.ts'
import { type RunningServer, startServer } from './server-process.ts'

const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const OUTBOX = 'secledger/outbox'
const SESSION_KEYS = 'secledger/sessionKeys'

/**
 * A canary: 24 characters alternating random CJK ideographs and Latin letters outside a–f, drawn per
 * run, so no id, hash, hex string or timestamp can contain one.
 */
function canary(): string {
  const latin = 'GHJKLMNPQRSTUVWXYZghjkmnpqrstuvwxyz'
  const random = crypto.getRandomValues(new Uint32Array(24))
  return Array.from(random, (r, i) =>
    i % 2 === 0
      ? String.fromCodePoint(0x4e00 + (r % (0x9fa5 - 0x4e00)))
      : (latin[r % latin.length] as string),
  ).join('')
}

interface Write {
  readonly type: string
  readonly payload: unknown
  /** A hand-out: set `dueAt` to a minute after the write (rule C-05 accepts it at any hour). */
  readonly dueSoon?: boolean
}

function handOut(carrierId: string, reader: string): Write {
  return { type: 'carrier.handed_out', payload: { carrierId, reader }, dueSoon: true }
}

const MINUTE = 60_000

/** Minutes since midnight in Asia/Shanghai. */
function shanghaiMinutes(ms: number): number {
  const [h, m] = new Date(ms)
    .toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour12: false })
    .split(':')
    .map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/**
 * Rule C-05: a return time is after the hand-out and no later than closing (17:30 on a working day)
 * or midnight. The page runs on the real clock (the clock guard refuses a shifted one), so a minute
 * after the write fits unless the run is within a few minutes of those; then it waits them out.
 */
async function awayFromReturnDeadlines(): Promise<void> {
  for (;;) {
    const minutes = shanghaiMinutes(Date.now())
    const near = [17 * 60 + 30, 24 * 60].some((edge) => minutes >= edge - 4 && minutes < edge + 1)
    if (!near) return
    await new Promise((resolve) => setTimeout(resolve, MINUTE / 2))
  }
}

function registration(serial: string, receivedOn: string, carrierId: string, text: readonly string[]): Write {
  return {
    type: 'carrier.registered',
    payload: {
      kind: 'paper',
      direction: 'received',
      issuer: text[0],
      docNumber: text[1],
      title: text[2],
      level: 'internal',
      periodYears: null,
      scope: text[3],
      serial,
      receivedOn,
      copies: [{ id: carrierId, copyNumber: null }],
    },
  }
}

/** Writes through the app's own writer (block rules, signature, sealed outbox, doc): see src/automation-hooks.ts. */
async function writeThroughApp(page: Page, writes: readonly Write[]): Promise<void> {
  await awayFromReturnDeadlines()
  const failed = await page.evaluate(async (list) => {
    const hooks = window.__secledgerAutomation
    if (!hooks) return 'no automation hooks (navigator.webdriver is false?)'
    for (const w of list) {
      const payload = w.dueSoon ? { ...(w.payload as object), dueAt: Date.now() + 60_000 } : w.payload
      const result = await hooks.write(w.type as never, payload)
      if (!result.ok) return `${w.type}: ${result.code}`
    }
    return null
  }, writes)
  expect(failed).toBeNull()
}

describe.skipIf(!HAVE_CHROMIUM)(
  'the replica is sealed at rest; a reload keeps the session; logout locks (issue 10 item 10, ARCHITECTURE 6)',
  () => {
    let server: RunningServer
    let browser: Browser
    let context: BrowserContext
    let leaderContext: BrowserContext
    let page: Page
    const consoleErrors: string[] = []
    const canaries: string[] = []
    let day = ''
    let unsent = 0
    const offlineDocNumber = canary()

    /** Fails with every canary of the run printed, so a leak can be looked for by hand. */
    async function expectNoCanary(when: string): Promise<void> {
      const dump = await dumpBrowserStorage(page)
      const leaked = leakedCanaries(dump, canaries)
      expect(
        leaked,
        `${when}: canaries found in IndexedDB/Web Storage. All ${canaries.length} canaries of this run:\n${canaries.join('\n')}`,
      ).toEqual([])
    }

    async function outboxCount(): Promise<number> {
      return (await dumpBrowserStorage(page)).counts[OUTBOX] ?? 0
    }

    async function registerThroughForm(text: readonly string[]): Promise<void> {
      await page.getByRole('button', { name: '登记', exact: true }).click()
      const form = dialog(page, '登记涉密载体')
      await form.getByLabel('发文机关').fill(text[0] as string)
      await form.getByLabel('文号').fill(text[1] as string)
      await form.getByLabel('标题').fill(text[2] as string)
      // 内部: the title is kept whole (rule S-02 masks 绝密 and 机密 titles), so it is a canary too
      await pickOption(page, form.getByLabel('密级'), '内部')
      await form.getByLabel('知悉范围').fill(text[3] as string)
      await form.getByRole('button', { name: '确定' }).click()
      await form.waitFor({ state: 'hidden' })
      await expect.poll(() => rowsWith(page, text[1] as string).count()).toBe(1)
    }

    beforeAll(async () => {
      if (!existsSync(join(WEB_DIST, 'index.html')))
        throw new Error(`the web app is not built (${WEB_DIST}); run \`pnpm --filter @secledger/web e2e\``)
      server = await startServer(WEB_DIST)
      browser = await launchChromium()
      const options = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } }
      context = await browser.newContext(options)
      leaderContext = await browser.newContext(options)
      day = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
      page = await context.newPage()
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text())
      })
    })

    afterAll(async () => {
      await browser?.close()
      await server?.stop()
    })

    it('signs in through the Chinese form (用户名, 密码, 登录) and writes canaries through the register form', async () => {
      await page.goto(`${server.url}/login`)
      await page.getByRole('heading', { name: '保密台账 · 登录' }).waitFor()
      await signIn(page, 'officer1')
      await page.waitForURL(/\/todo$/)
      await page.getByRole('menuitem', { name: '载体台账' }).click()
      await page.waitForURL(/\/register$/)
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        timeout: 60_000,
      })
      await page.getByRole('status').getByText('在线').waitFor({ timeout: 15_000 })
      for (let i = 0; i < 2; i++) {
        const text = [canary(), canary(), canary(), canary()]
        canaries.push(...text)
        await registerThroughForm(text)
      }
      await page.getByRole('status').getByText('已同步').waitFor({ timeout: 15_000 })
    })

    it("writes 1,000 more canaries (titles, issuers, numbers, scopes, readers) through the app's writer; they sync", async () => {
      const writes: Write[] = []
      for (let i = 1; i <= 240; i++) {
        const text = [canary(), canary(), canary(), canary()]
        canaries.push(...text)
        writes.push(registration(`${day.slice(0, 4)}-${7000 + i}`, day, `c-e2e-${i}`, text))
      }
      for (let i = 1; i <= 40; i++) {
        const reader = canary()
        canaries.push(reader)
        writes.push(handOut(`c-e2e-${i}`, reader))
      }
      await writeThroughApp(page, writes)
      expect(canaries.length).toBeGreaterThanOrEqual(1_000)
      await page.getByRole('status').getByText('已同步').waitFor({ timeout: 60_000 })
      expect(await outboxCount()).toBe(0)
    }, 600_000)

    it('a reload keeps the officer signed in: the register shows, no login form', async () => {
      const response = await page.reload()
      expect(response?.ok()).toBe(true)
      await page.waitForURL(/\/register$/)
      await page.getByText('数据范围：本乡镇').waitFor()
      expect(await page.getByLabel('密码', { exact: true }).count()).toBe(0)
      // the sealed replica opened: the newest registration is on the first page
      await expect.poll(() => rowsWith(page, `${day.slice(0, 4)}-7240`).count(), { timeout: 15_000 }).toBe(1)
      await page.getByRole('status').getByText('已同步').waitFor({ timeout: 15_000 })
    })

    it('offline: events written through the form and the writer wait in the outbox; an offline reload keeps the session', async () => {
      await context.setOffline(true)
      await page.getByRole('status').getByText('离线').waitFor()
      const text = [canary(), offlineDocNumber, canary(), canary()]
      canaries.push(...text)
      await registerThroughForm(text)
      const writes: Write[] = []
      for (let i = 41; i <= 60; i++) {
        const name = canary()
        canaries.push(name)
        writes.push(handOut(`c-e2e-${i}`, name))
      }
      await writeThroughApp(page, writes)
      unsent = 21
      await page.getByRole('status').getByText(`待同步 ${unsent} 条`).waitFor()
      expect(await outboxCount()).toBe(unsent)

      const response = await page.reload()
      expect(response?.fromServiceWorker()).toBe(true)
      await page.waitForURL(/\/register$/)
      await page.getByText('数据范围：本乡镇').waitFor()
      expect(await page.getByLabel('密码', { exact: true }).count()).toBe(0)
      await page.getByRole('status').getByText(`待同步 ${unsent} 条`).waitFor({ timeout: 15_000 })
      // offline, the register can only come from the sealed doc updates on this device
      await expect.poll(() => rowsWith(page, offlineDocNumber).count(), { timeout: 15_000 }).toBe(1)
      await expect.poll(() => rowsWith(page, `${day.slice(0, 4)}-7240`).count()).toBe(1)
    })

    it(`a raw dump of every IndexedDB database holds none of the run's canaries`, async () => {
      expect(canaries.length).toBeGreaterThanOrEqual(1_000)
      const dump = await dumpBrowserStorage(page)
      // the dump sees the replica: sealed doc updates, the unsent events, the session's keys
      expect(dump.counts['secledger/docUpdates']).toBeGreaterThan(0)
      expect(dump.counts[SESSION_KEYS]).toBe(1)
      expect(dump.text).toContain('<CryptoKey secret false')
      // a control: what is meant to stay in clear (ids, the unit) is found, so the search does see values
      expect(dump.text).toContain('town-1:register')
      await expectNoCanary('signed in, offline')
    })

    it('logout locks: the session keys are gone, no canary appears, the unsent events stay', async () => {
      await page.locator('.top-user').click()
      await page.getByRole('menuitem', { name: '退出' }).click()
      await page.waitForURL(/\/login/)
      await page.getByLabel('密码', { exact: true }).waitFor()
      const dump = await dumpBrowserStorage(page)
      expect(dump.counts[SESSION_KEYS] ?? 0).toBe(0)
      expect(dump.counts[OUTBOX]).toBe(unsent)
      await expectNoCanary('after logout')
      // locked: a reload asks for the password
      await page.reload()
      await page.waitForURL(/\/login/)
      await page.getByLabel('密码', { exact: true }).waitFor()
    })

    it('signing in again online sends the unsent events: the outbox empties and another member sees them', async () => {
      await context.setOffline(false)
      await signIn(page, 'officer1')
      await page.waitForURL(/\/todo$/)
      await page.getByRole('status').getByText('已同步').waitFor({ timeout: 30_000 })
      expect(await outboxCount()).toBe(0)
      await expectNoCanary('after the resync')

      const leader = await leaderContext.newPage()
      await leader.goto(`${server.url}/login`)
      await signIn(leader, 'leader1')
      await leader.waitForURL(/\/todo$/)
      await leader.getByRole('menuitem', { name: '载体台账' }).click()
      await leader.waitForURL(/\/register$/)
      await expect.poll(() => rowsWith(leader, offlineDocNumber).count(), { timeout: 15_000 }).toBe(1)
    })

    it('shows no console errors', () => {
      const unexpected = consoleErrors.filter(
        (e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|WebSocket|net::/.test(e),
      )
      expect(unexpected).toEqual([])
    })
  },
)
