import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialog, pickOption, rowsWith, signIn } from './app-pages.ts'
import { HAVE_CHROMIUM, launchChromium } from './chromium.ts'
import { appendFarFutureEvent, FAR_FUTURE_DOC_NUMBER } from './far-future-event.ts'
import { type RunningServer, startServer } from './server-process.ts'

const WEB_DIST = process.env.E2E_WEB_DIST ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
/** Set to a directory to keep screenshots of the 本机时间异常 state (not part of the repository). */
const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR
const TEN_MINUTES_MS = 10 * 60_000
const CONTEXT = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } }

/** The registration year as rule C-01 sees it: the year in the unit's zone. */
function currentYear(): string {
  return new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())
}

async function registerThroughForm(page: Page, docNumber: string): Promise<ReturnType<typeof dialog>> {
  await page.getByRole('button', { name: '登记', exact: true }).click()
  const form = dialog(page, '登记涉密载体')
  await form.getByLabel('发文机关').fill('县委办公室')
  await form.getByLabel('文号').fill(docNumber)
  // issue 12: no silent default for 密级, the officer chooses
  await pickOption(page, form.getByLabel('密级'), '机密')
  await form.getByLabel('标题').fill('关于年终保密检查的通知')
  await form.getByRole('button', { name: '确定' }).click()
  return form
}

describe.skipIf(!HAVE_CHROMIUM)('issue 10: a far-future clock does not stop a township', () => {
  let server: RunningServer
  let browser: Browser
  let dataDir: string
  const contexts: BrowserContext[] = []
  const consoleErrors: string[] = []

  async function openPage(clockAt?: number): Promise<Page> {
    const context = await browser.newContext(CONTEXT)
    contexts.push(context)
    if (clockAt !== undefined) {
      // The device's clock, installed before any navigation; time then flows on from there.
      await context.clock.install({ time: clockAt })
      await context.clock.resume()
    }
    const page = await context.newPage()
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text())
    })
    return page
  }

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST, 'index.html')))
      throw new Error(
        `the web app is not built (${WEB_DIST}); run \`pnpm --filter @secledger/web e2e\`, which builds it`,
      )
    // Seed the demo county, stop, append a signed 2286 event to 城关镇's log, start again on that log.
    dataDir = mkdtempSync(join(tmpdir(), 'secledger-e2e-clock-'))
    const seeding = await startServer(WEB_DIST, 120_000, { dataDir })
    await seeding.stop()
    await appendFarFutureEvent(dataDir, 'town-1', 'officer1')
    server = await startServer(WEB_DIST, 120_000, { dataDir })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('C-01 registers with the current year’s serial although the log holds a 2286 event, which shows as 时间异常', async () => {
    const page = await openPage()
    await page.goto(`${server.url}/login`)
    await signIn(page, 'officer1')
    await page.waitForURL(/\/todo$/)
    await page.getByRole('menuitem', { name: '载体台账' }).click()
    await page.waitForURL(/\/register$/)
    await page.getByRole('status').getByText('在线').waitFor({ timeout: 15_000 })
    // the 2286 registration reached this replica: an anomaly, not a carrier of the register
    const anomalies = page.locator('.anomaly-panel')
    await anomalies.getByText('时间异常').waitFor({ timeout: 15_000 })
    await anomalies.getByText('记录时间：2286-11-20').waitFor()
    expect(await rowsWith(page, FAR_FUTURE_DOC_NUMBER).count()).toBe(0)
    expect(await page.getByText('本机时间异常').count()).toBe(0)

    const year = currentYear()
    const form = await registerThroughForm(page, `县委发〔${year}〕88号`)
    await form.waitFor({ state: 'hidden' })
    const row = rowsWith(page, `县委发〔${year}〕88号`)
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.first().textContent()).toMatch(new RegExp(`^${year}-\\d{4}`))
    // the server took it: it was not refused as dated 2286
    await page.getByRole('status').getByText('已同步').waitFor({ timeout: 10_000 })
    expect(await page.getByTestId('sync-error').count()).toBe(0)
  })

  it('a browser clock 10 minutes ahead shows 本机时间异常 and 登记 is refused with the message', async () => {
    const page = await openPage(Date.now() + TEN_MINUTES_MS)
    await page.goto(`${server.url}/login`)
    await signIn(page, 'officer1')
    await page.waitForURL(/\/todo$/)
    await page.getByRole('menuitem', { name: '载体台账' }).click()
    await page.waitForURL(/\/register$/)
    const status = page.getByRole('status')
    await status.getByText('本机时间异常').waitFor({ timeout: 15_000 })
    const alert = page.getByTestId('clock-alert')
    await alert.getByText('本机时间与服务器相差超过5分钟，请校准系统时间后再登记').waitFor()
    await alert.getByText(/本机时间比服务器快约 (9|10|11) 分钟/).waitFor()
    if (SCREENSHOT_DIR) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true })
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'clock-skew-1440x900.png') })
    }

    const form = await registerThroughForm(page, '县委发〔2026〕77号')
    await form.getByRole('alert').getByText('本机时间异常，暂停登记：请校准系统时间').waitFor()
    await form.getByRole('button', { name: '取消' }).click()
    await form.waitFor({ state: 'hidden' })
    expect(await rowsWith(page, '县委发〔2026〕77号').count()).toBe(0)
    expect(
      await page
        .getByRole('status')
        .getByText(/待同步/)
        .count(),
    ).toBe(0)

    if (SCREENSHOT_DIR) {
      await page.locator('.el-message').waitFor({ state: 'detached', timeout: 10_000 })
      await page.setViewportSize({ width: 390, height: 844 })
      await status.getByText('本机时间异常').waitFor()
      // a phone's sidebar folds to its icons
      await page.locator('.app-sidebar').getByText('载体台账').waitFor({ state: 'hidden' })
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'clock-skew-390x844.png') })
    }
  })

  it('shows no console errors', () => {
    const unexpected = consoleErrors.filter((e) => !/WebSocket|net::|Failed to fetch/.test(e))
    expect(unexpected).toEqual([])
  })
})
