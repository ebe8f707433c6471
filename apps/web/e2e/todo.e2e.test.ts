import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openFromMenu } from './app-menu.ts'
import { copyRowsWith, dialog, pickOption, signIn } from './app-pages.ts'
import { seriousViolations } from './axe-check.ts'
import { HAVE_CHROMIUM, launchChromium } from './chromium.ts'
import { officeMorning } from './office-clock.ts'
import { type RunningServer, startServer } from './server-process.ts'

const WEB_DIST = process.env.E2E_WEB_DIST ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const DOC = '县委发〔2026〕66号'
/** 17:00 on a working day: a hand-out now is due back at closing, 17:30 (rule C-05). */
const HALF_HOUR_BEFORE_CLOSING_MS = 7 * 3_600_000

/** The bell's accessible label: 待办 N 项：逾期 a，异常 b. */
function bellFigures(label: string | null): { total: number; overdue: number } {
  const m = /^待办 (\d+) 项：逾期 (\d+)，异常 (\d+)$/.exec(label ?? '')
  if (!m) throw new Error(`unexpected bell label: ${label}`)
  return { total: Number(m[1]), overdue: Number(m[2]) }
}

// Issue 12: the township's home is its 待办, counted from the local replica; the bell follows the clock.
describe.skipIf(!HAVE_CHROMIUM)('issue 12: the 待办 page and the bell', () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let serial = ''
  let overdueBefore = 0
  const consoleErrors: string[] = []
  const bell = () => page.getByTestId('agenda-bell')
  const overdueItem = () =>
    page.getByTestId('todo-group-overdue').getByTestId('todo-item').filter({ hasText: DOC })

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST, 'index.html')))
      throw new Error(`the web app is not built (${WEB_DIST}); run \`pnpm exec vite build\` first`)
    // The pages and the server share one office clock (office-clock.ts), half an hour before closing.
    const start = officeMorning() + HALF_HOUR_BEFORE_CLOSING_MS
    server = await startServer(WEB_DIST, undefined, { clockOffsetMs: start - Date.now() })
    browser = await launchChromium()
    context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    })
    await context.clock.install({ time: start })
    await context.clock.resume()
    page = await context.newPage()
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text())
    })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('the officer signs in and lands on 待办; the bell counts overdue and anomalies', async () => {
    await page.goto(`${server.url}/login`)
    await signIn(page, 'officer1')
    await page.waitForURL(/\/todo$/)
    await page.getByRole('heading', { level: 1, name: '待办事项' }).waitFor()
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1)
    // the demo's carrier handed out on a past working day and never taken back (C-05)
    await page.getByTestId('todo-group-overdue').getByText('示政办〔2026〕30号').waitFor({ timeout: 15_000 })
    const overdueTile = page.getByTestId('todo-tile-overdue')
    overdueBefore = Number(await overdueTile.locator('.todo-tile-count').textContent())
    expect(overdueBefore).toBeGreaterThan(0)
    await expect
      .poll(async () => bellFigures(await bell().getAttribute('aria-label')).overdue)
      .toBe(overdueBefore)
    // an officer approves nothing: no 待我审批 group
    expect(await page.getByTestId('todo-group-approvals').count()).toBe(0)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 60_000,
    })
    await page.getByRole('status').getByText('在线').waitFor({ timeout: 15_000 })
  })

  it('C-05 a carrier handed out at 17:00 is 即将到期, due back at closing', async () => {
    await openFromMenu(page, '载体台账')
    await page.waitForURL(/\/register$/)
    await page.getByRole('button', { name: '登记', exact: true }).click()
    const form = dialog(page, '登记涉密载体')
    await form.getByLabel('发文机关').fill('县委办公室')
    await form.getByLabel('文号').fill(DOC)
    // issue 12: no silent default for 密级, the officer chooses
    await pickOption(page, form.getByLabel('密级'), '机密')
    await form.getByLabel('标题').fill('关于年末值班安排的通知')
    await form.getByRole('button', { name: '确定' }).click()
    await form.waitFor({ state: 'hidden' })
    const row = copyRowsWith(page, DOC)
    await expect.poll(() => row.count()).toBe(1)
    // the 登记编号 (YYYY-NNNN) wherever its column sits (a tick column may come first)
    serial = /\b\d{4}-\d{4}\b/.exec((await row.textContent()) ?? '')?.[0] ?? ''
    expect(serial).not.toBe('')

    await row.getByRole('button', { name: '分发阅读' }).click()
    const handOut = dialog(page, '分发阅读')
    await handOut.getByLabel('阅读人').fill('孙七')
    await expect.poll(() => handOut.getByTestId('handout-due-today').textContent()).toContain('17:30:00')
    await handOut.getByRole('button', { name: '确定' }).click()
    await handOut.waitFor({ state: 'hidden' })

    await openFromMenu(page, '待办')
    await page.waitForURL(/\/todo$/)
    const soon = page.getByTestId('todo-group-dueSoon').getByTestId('todo-item').filter({ hasText: DOC })
    await expect.poll(() => soon.count()).toBe(1)
    expect(await soon.textContent()).toContain('C-05')
    expect(await soon.textContent()).toMatch(/应于 \d{4}-\d{2}-\d{2} 17:30/)
  })

  it('offline, past closing: the item turns overdue and the bell counts it, without a reload', async () => {
    await context.setOffline(true)
    await page.getByRole('status').getByText('离线').waitFor()
    // 40 minutes on: the page's minute timer fires (fastForward runs due timers), nothing is fetched
    await context.clock.fastForward('40:00')
    await expect.poll(() => overdueItem().count()).toBe(1)
    expect(await overdueItem().textContent()).toMatch(/逾期 \d+ 分钟 · 应于 \d{4}-\d{2}-\d{2} 17:30/)
    await expect
      .poll(async () => bellFigures(await bell().getAttribute('aria-label')).overdue)
      .toBe(overdueBefore + 1)
    const badge = bell().locator('.el-badge__content')
    const { total } = bellFigures(await bell().getAttribute('aria-label'))
    expect(await badge.textContent()).toBe(total > 99 ? '99+' : String(total))
  })

  it('the bell opens the counts per group and links to 待办', async () => {
    await bell().click()
    const popover = page.getByTestId('agenda-popover')
    await popover.waitFor()
    // axe reads colours as shown: wait for the popover's fade-in to end
    await expect
      .poll(() => popover.evaluate((el) => getComputedStyle(el.closest('.el-popper') ?? el).opacity))
      .toBe('1')
    expect(await popover.getByTestId('agenda-line-overdue').textContent()).toContain(
      String(overdueBefore + 1),
    )
    expect(await popover.getByTestId('agenda-line-dueSoon').textContent()).toContain('即将到期')
    expect(await seriousViolations(page)).toEqual([])
    await popover.getByRole('link', { name: '逾期' }).click()
    await popover.waitFor({ state: 'hidden' })
    await page.waitForURL(/\/todo#todo-overdue$/)
  })

  it('the 待办 page has no serious accessibility violation', async () => {
    expect(await seriousViolations(page)).toEqual([])
  })

  it('clicking the item opens the register found at its row (offline, from the replica)', async () => {
    await overdueItem()
      .getByRole('link', { name: `在台账中查看：${serial}` })
      .click()
    await page.waitForURL(new RegExp(`/register\\?q=${serial}$`))
    const row = copyRowsWith(page, DOC)
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.textContent()).toContain('孙七')
    expect(await page.getByLabel('关键字').inputValue()).toBe(serial)
  })

  it('at 390×844 the 待办 page is a list of cards without sideways scrolling, and passes axe', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await openFromMenu(page, '待办')
    await page.waitForURL(/\/todo$/)
    await expect.poll(() => overdueItem().count()).toBe(1)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(390)
    const card = await overdueItem().boundingBox()
    expect(card?.width ?? 0).toBeLessThanOrEqual(390)
    expect(await bell().isVisible()).toBe(true)
    expect(await seriousViolations(page)).toEqual([])
  })

  it('shows no console errors', () => {
    const unexpected = consoleErrors.filter(
      (e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|WebSocket|net::/.test(e),
    )
    expect(unexpected).toEqual([])
  })
})
