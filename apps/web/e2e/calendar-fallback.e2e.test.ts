import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dialog, pickOption, rowsWith, signIn } from './app-pages.ts'
import { HAVE_CHROMIUM, launchChromium } from './chromium.ts'
import { type RunningServer, startServer } from './server-process.ts'

const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR
const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist')

// Monday 4 January 2027, 10:00 in the township: the calendar holds no 2027 holiday schedule (issue 10 item 9).
const MONDAY_2027 = Date.parse('2027-01-04T10:00:00+08:00')

describe.skipIf(!HAVE_CHROMIUM)('issue 10 item 9: a year without holiday data does not stop work', () => {
  let server: RunningServer
  let browser: Browser
  let officer: Page

  beforeAll(async () => {
    // The server and the page run on the same 2027 clock, so the skew check and the clock guard agree.
    server = await startServer(WEB_DIST, undefined, { clockOffsetMs: MONDAY_2027 - Date.now() })
    browser = await launchChromium()
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    })
    await context.clock.install({ time: MONDAY_2027 })
    await context.clock.resume()
    officer = await context.newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('C-05 on 2027-01-04 a carrier is handed out, due at closing, marked 按常规工作日计算，节假日安排未录入', async () => {
    await officer.goto(`${server.url}/login`)
    await signIn(officer, 'officer1')
    await officer.waitForURL(/\/todo$/)
    await officer.getByRole('menuitem', { name: '载体台账' }).click()
    await officer.waitForURL(/\/register$/)

    await officer.getByRole('button', { name: '登记', exact: true }).click()
    const register = dialog(officer, '登记涉密载体')
    await register.getByLabel('发文机关').fill('县委办公室')
    await register.getByLabel('文号').fill('县委发〔2027〕1号')
    // issue 12: no silent default for 密级, the officer chooses
    await pickOption(officer, register.getByLabel('密级'), '机密')
    await register.getByLabel('标题').fill('关于二〇二七年保密工作要点的通知')
    await register.getByRole('button', { name: '确定' }).click()
    await register.waitFor({ state: 'hidden' })
    const row = rowsWith(officer, '县委发〔2027〕1号').first()
    // rule C-01: the serial carries the registration year, 2027
    await expect.poll(() => row.textContent()).toContain('2027-')

    await row.getByRole('button', { name: '分发阅读' }).click()
    const handOut = dialog(officer, '分发阅读')
    await handOut.getByLabel('阅读人').fill('王五')
    await expect.poll(() => handOut.getByTestId('handout-due-today').textContent()).toContain('17:30:00')
    await expect
      .poll(() => handOut.getByTestId('handout-due-estimated').textContent())
      .toContain('按常规工作日计算，节假日安排未录入')
    await handOut.getByRole('button', { name: '确定' }).click()
    await handOut.waitFor({ state: 'hidden' })
    await expect.poll(() => row.textContent()).toContain('传阅中')
    await expect.poll(() => row.textContent()).toContain('17:30')
    const mark = row.getByTestId('due-estimated')
    await expect.poll(() => mark.getAttribute('title')).toBe('按常规工作日计算，节假日安排未录入')
    await officer.getByRole('status').getByText('已同步').waitFor({ timeout: 15_000 })
    // For a look at the mark (not asserted): E2E_SCREENSHOT_DIR=/tmp/shots
    if (SCREENSHOT_DIR !== undefined)
      for (const [width, height] of [
        [1440, 900],
        [390, 844],
      ] as const) {
        await officer.setViewportSize({ width, height })
        await officer.screenshot({ path: join(SCREENSHOT_DIR, `calendar-fallback-${width}x${height}.png`) })
      }
  })
})
