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

async function openTelegrams(page: Page, url: string, user: string): Promise<void> {
  await page.goto(`${url}/login`)
  await signIn(page, user)
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  await openFromMenu(page, '密码电报')
  await page.waitForURL(/\/telegram$/)
  await page.getByRole('status').getByText('在线').waitFor({ timeout: 15_000 })
}

/** A row of the book by its 电报号, and its 办理 menu's step. */
function rowOf(page: Page, docNumber: string) {
  return page.locator('.el-table__body tr.el-table__row', { hasText: docNumber })
}
async function act(page: Page, docNumber: string, step: string): Promise<void> {
  await rowOf(page, docNumber).getByRole('button', { name: /^办理/ }).click()
  await page.locator('.el-dropdown-menu__item:visible', { hasText: step }).click()
}

// Issue 13, rules E-01..E-06: the telegram book on the configured register page, its deadlines in the 待办.
describe.skipIf(!HAVE_CHROMIUM)('cipher telegrams (密码电报)', () => {
  let server: RunningServer
  let browser: Browser
  let officerContext: BrowserContext
  let officer: Page
  let leader: Page

  async function contextAt(now: number): Promise<BrowserContext> {
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    })
    await context.clock.install({ time: now })
    await context.clock.resume()
    return context
  }

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST, 'index.html')))
      throw new Error(`the web app is not built (${WEB_DIST}); run \`pnpm exec vite build\` first`)
    const now = officeMorning()
    server = await startServer(WEB_DIST, undefined, { clockOffsetMs: now - Date.now() })
    browser = await launchChromium()
    officerContext = await contextAt(now)
    officer = await officerContext.newPage()
    leader = await (await contextAt(now)).newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('E-03 the leader designates the head of the 机要 office (the leader themself)', async () => {
    await openTelegrams(leader, server.url, 'leader1')
    expect(await leader.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['密码电报'])
    await leader.getByRole('button', { name: '指定机要室负责人' }).click()
    const form = dialog(leader, '指定机要室负责人')
    await pickOption(leader, form.getByRole('combobox', { name: '机要室负责人' }), '主要领导')
    await form.getByRole('button', { name: '确定' }).click()
    await form.waitFor({ state: 'hidden' })
  })

  it('E-02 officer1 registers a 特急 预警通知 telegram; it owes its receipt within 15 minutes', async () => {
    await openTelegrams(officer, server.url, 'officer1')
    await officer.getByRole('button', { name: '登记收电' }).click()
    const form = dialog(officer, '登记收电')
    await form.getByLabel('来电单位').fill('县委机要局')
    await form.getByLabel('电报号').fill('县机〔2026〕18号')
    await pickOption(officer, form.getByRole('combobox', { name: '密级' }), '机密')
    await pickOption(officer, form.getByRole('combobox', { name: '等级' }), '特急')
    await form.locator('.el-switch', { has: officer.getByRole('switch', { name: '预警通知' }) }).click()
    expect(await seriousViolations(officer)).toEqual([])
    await form.getByRole('button', { name: '确定' }).click()
    await form.waitFor({ state: 'hidden' })
    const row = rowOf(officer, '县机〔2026〕18号')
    await row.getByText('办理中').waitFor()
    await row.getByText('机密').first().waitFor()
    await row.getByText(/^回单 .* 前$/).waitFor()
    expect(await seriousViolations(officer)).toEqual([])
  })

  it('E-01 closing before the receipt is refused with the rule; receipt and report are recorded', async () => {
    await act(officer, '县机〔2026〕18号', '办结')
    const close = dialog(officer, '办结')
    await close.getByText('未登记回单，不能办结（规则 E-01）', { exact: false }).waitFor()
    await close.getByRole('button', { name: '取消' }).click()
    await close.waitFor({ state: 'hidden' })

    await act(officer, '县机〔2026〕18号', '登记回单')
    const ack = dialog(officer, '登记回单')
    await ack.getByRole('button', { name: '确定' }).click()
    await ack.waitFor({ state: 'hidden' })
    await act(officer, '县机〔2026〕18号', '报告机要室负责人')
    const report = dialog(officer, '报告机要室负责人')
    // the one designated head is chosen already
    await report.getByText('主要领导').first().waitFor()
    await report.getByRole('button', { name: '确定' }).click()
    await report.waitFor({ state: 'hidden' })
  })

  it('E-06 the head records presence; then the telegram closes', async () => {
    await rowOf(leader, '县机〔2026〕18号').waitFor({ timeout: 15_000 })
    await act(leader, '县机〔2026〕18号', '登记坐镇指挥')
    const present = dialog(leader, '登记坐镇指挥')
    await present.getByRole('button', { name: '确定' }).click()
    await present.waitFor({ state: 'hidden' })

    await expect
      .poll(
        async () => {
          await act(officer, '县机〔2026〕18号', '办结')
          const close = dialog(officer, '办结')
          await close.waitFor()
          const blocked = await close.getByText('坐镇指挥', { exact: false }).count()
          if (blocked > 0) await close.getByRole('button', { name: '取消' }).click()
          else await close.getByRole('button', { name: '确定' }).click()
          await close.waitFor({ state: 'hidden' })
          return blocked
        },
        { timeout: 20_000 },
      )
      .toBe(0)
    await rowOf(officer, '县机〔2026〕18号').getByText('已办结').waitFor()
  })

  it('E-01 a telegram left without its receipt is overdue in the 待办 after 15 minutes and opens its row', async () => {
    await officer.getByRole('button', { name: '登记收电' }).click()
    const form = dialog(officer, '登记收电')
    await form.getByLabel('来电单位').fill('县保密局')
    await form.getByLabel('电报号').fill('县保〔2026〕5号')
    await pickOption(officer, form.getByRole('combobox', { name: '密级' }), '秘密')
    await pickOption(officer, form.getByRole('combobox', { name: '等级' }), '一般')
    await form.getByRole('button', { name: '确定' }).click()
    await form.waitFor({ state: 'hidden' })
    const serial =
      (await rowOf(officer, '县保〔2026〕5号').locator('td .line').first().textContent())?.trim() ?? ''

    await officerContext.clock.fastForward('16:00')
    await openFromMenu(officer, '待办')
    const item = officer
      .getByTestId('todo-group-overdue')
      .getByTestId('todo-item')
      .filter({ hasText: `收电 ${serial}` })
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1)
    await item.getByRole('link').first().click()
    await officer.waitForURL(/\/telegram\?q=/)
    await rowOf(officer, '县保〔2026〕5号').getByText('回单已逾期', { exact: false }).waitFor()
    expect(await officer.locator('.el-table__body tr.el-table__row').count()).toBe(1)
  })
})
