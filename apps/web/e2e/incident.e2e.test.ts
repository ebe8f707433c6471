import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openFromMenu } from './app-menu.ts'
import { dialog, pickOption, signIn } from './app-pages.ts'
import { seriousViolations } from './axe-check.ts'
import { HAVE_CHROMIUM, launchChromium } from './chromium.ts'
import { officeMorning } from './office-clock.ts'
import { type RunningServer, startServer } from './server-process.ts'

const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const HOUR_MS = 3_600_000

async function openIncidents(page: Page, url: string, user: string): Promise<void> {
  await page.goto(`${url}/login`)
  await signIn(page, user)
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  await openFromMenu(page, '泄密事件')
  await page.waitForURL(/\/incident$/)
  await page.getByRole('status').getByText('在线').waitFor({ timeout: 15_000 })
}

/** A row of the register by a text in it (its number), and its 办理 menu's step. */
function rowOf(page: Page, text: string) {
  return page.locator('.el-table__body tr.el-table__row', { hasText: text })
}
async function act(page: Page, text: string, step: string): Promise<void> {
  await rowOf(page, text).getByRole('button', { name: /^办理/ }).click()
  await page.locator('.el-dropdown-menu__item:visible', { hasText: step }).click()
}

/** Waits for the dialog's opening transition: axe measures the page behind a half-faded mask otherwise. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        // a transition cut short (the dialog's content changed) rejects: it is over all the same
        .map((a) => a.finished.catch(() => undefined)),
    ),
  )
}

/** A time as the date picker takes it typed (YYYY-MM-DD HH:mm, Asia/Shanghai). */
function typedTime(ms: number): string {
  return new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 16).replace('T', ' ')
}

/** Opens an incident of the given kind (discovered now, or at `discoveredAt`); returns its number (SJ-2026-001). */
async function openIncident(page: Page, kind: '疑似泄密' | '遗失', discoveredAt?: number): Promise<string> {
  const before = await page.locator('.el-table__body tr.el-table__row').count()
  await page.getByRole('button', { name: '登记泄密事件' }).click()
  const form = dialog(page, '登记泄密事件')
  await pickOption(page, form.getByRole('combobox', { name: '类别' }), kind)
  if (discoveredAt !== undefined) {
    const picker = form.getByLabel('发现时间')
    await picker.fill(typedTime(discoveredAt))
    await picker.press('Enter')
  }
  await form.getByRole('button', { name: '确定' }).click()
  await form.waitFor({ state: 'hidden' })
  await expect.poll(() => page.locator('.el-table__body tr.el-table__row').count()).toBe(before + 1)
  const row = page.locator('.el-table__body tr.el-table__row', { hasText: kind }).first()
  const number = await row.locator('td .line').first().textContent()
  return number?.trim() ?? ''
}

// Issue 13, rules: the incident register on the configured register page, its clock in the 待办.
describe.skipIf(!HAVE_CHROMIUM)('incidents (泄密事件)', () => {
  let server: RunningServer
  let browser: Browser
  let officerContext: BrowserContext
  let officer: Page
  let first = ''

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST, 'index.html')))
      throw new Error(`the web app is not built (${WEB_DIST}); run \`pnpm exec vite build\` first`)
    const now = officeMorning()
    server = await startServer(WEB_DIST, undefined, { clockOffsetMs: now - Date.now() })
    browser = await launchChromium()
    officerContext = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    })
    await officerContext.clock.install({ time: now })
    await officerContext.clock.resume()
    officer = await officerContext.newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('X-01 officer1 opens a suspected leak; it owes the report to the bureau within 24 hours', async () => {
    await openIncidents(officer, server.url, 'officer1')
    expect(await officer.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['泄密事件'])
    expect(await seriousViolations(officer)).toEqual([])
    await officer.getByRole('button', { name: '登记泄密事件' }).click()
    const form = dialog(officer, '登记泄密事件')
    await form.getByText('24 小时内报告保密局', { exact: false }).waitFor()
    await settle(officer)
    expect(await seriousViolations(officer)).toEqual([])
    await form.getByRole('button', { name: '取消' }).click()
    await form.waitFor({ state: 'hidden' })

    first = await openIncident(officer, '疑似泄密')
    expect(first).toMatch(/^SJ-\d{4}-001$/)
    const row = rowOf(officer, first)
    await row.getByText('待报告保密局').waitFor()
    await row.getByText(/^报告保密局 .* 前$/).waitFor()
    await row.getByText('未报告保密局').waitFor()
    expect(await seriousViolations(officer)).toEqual([])
  })

  it('X-01 the written result before the report is refused with the rule; a remedy and the report are recorded', async () => {
    await act(officer, first, '报送查处结果')
    const conclude = dialog(officer, '报送查处结果')
    await conclude.getByLabel('查处结果文号').fill('县保查〔2026〕1号')
    await conclude.getByLabel('处理情况').fill('经查未造成泄密')
    await conclude.getByText('须先报告保密局，再报书面查处结果（规则 X-01）', { exact: false }).waitFor()
    await settle(officer)
    expect(await seriousViolations(officer)).toEqual([])
    await conclude.getByRole('button', { name: '取消' }).click()
    await conclude.waitFor({ state: 'hidden' })

    await act(officer, first, '记录补救措施')
    const remedy = dialog(officer, '记录补救措施')
    await remedy.getByLabel('补救措施').fill('已收回全部复印件并封存')
    await remedy.getByRole('button', { name: '确定' }).click()
    await remedy.waitFor({ state: 'hidden' })
    await rowOf(officer, first).getByText('补救措施 1 项').waitFor()

    await act(officer, first, '报告保密局')
    const report = dialog(officer, '报告保密局')
    await report.getByLabel('报告文号').fill('镇保报〔2026〕1号')
    await report.getByRole('button', { name: '确定' }).click()
    await report.waitFor({ state: 'hidden' })
    const row = rowOf(officer, first)
    await row.getByText('待报查处结果').waitFor()
    await row.getByText('已报告：镇保报〔2026〕1号').waitFor()
    await row.getByText(/^书面查处结果 .* 前$/).waitFor()
  })

  it('X-01 a loss not reported within 24 hours is overdue in the 待办, which opens its row', async () => {
    // discovered yesterday, 23 hours 50 minutes ago (a session lasts 12 hours: the clock cannot jump a day)
    const now = await officer.evaluate(() => Date.now())
    const second = await openIncident(officer, '遗失', now - 23 * HOUR_MS - 50 * 60_000)
    expect(second).toMatch(/^SJ-\d{4}-002$/)
    await rowOf(officer, second)
      .getByText(/^报告保密局 .* 前$/)
      .waitFor()
    await officerContext.clock.fastForward('20:00')
    await openFromMenu(officer, '待办')
    const item = officer
      .getByTestId('todo-group-overdue')
      .getByTestId('todo-item')
      .filter({ hasText: `泄密事件 ${second}` })
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1)
    await item.getByText('泄密事件报告').waitFor()
    // the first incident was reported in time: its written result is owed, not overdue
    expect(
      await officer
        .getByTestId('todo-group-overdue')
        .getByTestId('todo-item')
        .filter({ hasText: first })
        .count(),
    ).toBe(0)
    await item.getByRole('link').first().click()
    await officer.waitForURL(/\/incident\?q=/)
    await rowOf(officer, second).getByText('报告保密局已逾期', { exact: false }).waitFor()
    expect(await officer.locator('.el-table__body tr.el-table__row').count()).toBe(1)
  })
})
