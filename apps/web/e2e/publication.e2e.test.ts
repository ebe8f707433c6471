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
const TITLE = '关于开展防汛应急演练的通知'
const LEAK_AT = '镇政府门户网站/通知公告/第 2031 号'

async function openPublication(page: Page, url: string, user: string): Promise<void> {
  await page.goto(`${url}/login`)
  await signIn(page, user)
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  await openFromMenu(page, '信息公开审查')
  await page.waitForURL(/\/publication$/)
  await page.getByRole('status').getByText('在线').waitFor({ timeout: 15_000 })
}

function rowOf(page: Page, text: string) {
  return page.locator('.el-table__body tr.el-table__row', { hasText: text })
}
/** Opens a row's 办理 menu and picks the step. */
async function act(page: Page, text: string, step: string): Promise<void> {
  await rowOf(page, text).getByRole('button', { name: /^办理/ }).click()
  await page.locator('.el-dropdown-menu__item:visible', { hasText: step }).click()
}
async function confirm(page: Page, title: string): Promise<void> {
  const form = dialog(page, title)
  await form.getByRole('button', { name: '确定' }).click()
  await form.waitFor({ state: 'hidden' })
}

// Issue 13, rules R-01..R-06: the publication review register on the configured page, its leak deadlines in the 待办.
describe.skipIf(!HAVE_CHROMIUM)('publication review (信息公开保密审查)', () => {
  let server: RunningServer
  let browser: Browser
  let officerContext: BrowserContext
  let officer: Page
  let leader: Page
  let classifier: Page

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
    classifier = await (await contextAt(now)).newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('R-02, B-04 the leader records the two posts and designates classifier1 as section head', async () => {
    await openPublication(leader, server.url, 'leader1')
    expect(await leader.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['信息公开保密审查'])
    for (const [post, person] of [
      ['分管保密工作领导', '城关镇主要领导'],
      ['定密责任人', '城关镇定密责任人'],
    ] as const) {
      await leader.getByRole('button', { name: '任命分管领导、定密责任人' }).click()
      const form = dialog(leader, '任命分管领导、定密责任人')
      await pickOption(leader, form.getByRole('combobox', { name: '职务' }), post)
      await pickOption(leader, form.getByRole('combobox', { name: '人员' }), person)
      await confirm(leader, '任命分管领导、定密责任人')
    }
    await leader.getByRole('button', { name: '指定审查人员' }).click()
    const form = dialog(leader, '指定审查人员')
    await pickOption(leader, form.getByRole('combobox', { name: '审查岗位' }), '科室负责人（初审）')
    await pickOption(leader, form.getByRole('combobox', { name: '人员' }), '城关镇定密责任人')
    await confirm(leader, '指定审查人员')
  })

  it('R-01 officer1 submits an item for review before publishing it', async () => {
    await openPublication(officer, server.url, 'officer1')
    await officer.getByRole('button', { name: '提交保密审查' }).click()
    const form = dialog(officer, '提交保密审查')
    await form.getByLabel('信息标题').fill(TITLE)
    await form.getByLabel('发布渠道').fill('镇政府门户网站')
    await form.getByLabel('公开范围').fill('社会公开')
    expect(await seriousViolations(officer)).toEqual([])
    await confirm(officer, '提交保密审查')
    const row = rowOf(officer, TITLE)
    await row.getByText('待初审').waitFor()
    await row.getByText('待科室负责人初审').waitFor()
    // publishing is not offered before the review
    await row.getByRole('button', { name: /^办理/ }).click()
    await officer.locator('.el-dropdown-menu__item:visible', { hasText: '申请不予公开' }).waitFor()
    expect(await officer.locator('.el-dropdown-menu__item:visible', { hasText: '登记发布' }).count()).toBe(0)
    await officer.getByRole('heading', { level: 1 }).click()
    // the menu fades out: checked once it is gone, not half-transparent
    await officer.locator('.el-dropdown-menu__item:visible').first().waitFor({ state: 'hidden' })
    expect(await seriousViolations(officer)).toEqual([])
  })

  it('R-02 the designated section head signs the first review, the responsible leader the second', async () => {
    await openPublication(classifier, server.url, 'classifier1')
    await rowOf(classifier, TITLE).waitFor({ timeout: 15_000 })
    await act(classifier, TITLE, '初审（科室负责人）')
    const first = dialog(classifier, '初审（科室负责人）')
    await pickOption(classifier, first.getByRole('combobox', { name: '审查意见' }), '同意公开')
    await first.getByLabel('说明').fill('内容为公开事项')
    await confirm(classifier, '初审（科室负责人）')
    await rowOf(classifier, TITLE).getByText('待复审').waitFor()

    await rowOf(leader, TITLE).getByText('待复审').waitFor({ timeout: 15_000 })
    await act(leader, TITLE, '复审（分管领导）')
    const second = dialog(leader, '复审（分管领导）')
    await second.getByText('组织机构台账中的分管保密工作领导：城关镇主要领导').waitFor()
    await pickOption(leader, second.getByRole('combobox', { name: '审查意见' }), '同意公开')
    await confirm(leader, '复审（分管领导）')
    const row = rowOf(leader, TITLE)
    await row.getByText('待定密责任人').waitFor()
    await row.getByText('初审 城关镇定密责任人；分管领导 城关镇主要领导').waitFor()
  })

  it('R-02 four eyes: the first reviewer is refused as the classifier, with the rule in the dialog', async () => {
    await rowOf(classifier, TITLE).getByText('待定密责任人').waitFor({ timeout: 15_000 })
    await act(classifier, TITLE, '复审（定密责任人）')
    const form = dialog(classifier, '复审（定密责任人）')
    await pickOption(classifier, form.getByRole('combobox', { name: '审查意见' }), '同意公开')
    await form
      .getByText(
        'classifier1 不能既是初审人（科室负责人）又是定密责任人：同一审批链须由不同的人担任（规则 R-02）',
      )
      .waitFor()
    expect(await seriousViolations(classifier)).toEqual([])
    await form.getByRole('button', { name: '确定' }).click()
    // refused: the dialog stays and nothing is signed
    await form.getByText('（规则 R-02）', { exact: false }).first().waitFor()
    await form.getByRole('button', { name: '取消' }).click()
    await form.waitFor({ state: 'hidden' })
    await rowOf(classifier, TITLE).getByText('待复审').waitFor()
  })

  it('R-06 a leak found online is overdue for its take-down after an hour in the 待办, which opens its row', async () => {
    await officer.getByRole('button', { name: '登记网上泄密' }).click()
    const form = dialog(officer, '登记网上泄密')
    await form.getByLabel('发现位置').fill(LEAK_AT)
    await pickOption(officer, form.getByRole('combobox', { name: '涉及密级' }), '秘密')
    await confirm(officer, '登记网上泄密')
    const row = rowOf(officer, LEAK_AT)
    await row.getByText('处置中').waitFor()
    await row.getByText(/^删除 .* 前$/).waitFor()
    const id = (await row.locator('td .line').first().textContent())?.trim() ?? ''
    expect(id).toMatch(/^XL-\d{8}-[0-9A-F]{6}$/)

    await officerContext.clock.fastForward('01:30:00')
    await openFromMenu(officer, '待办')
    const item = officer
      .getByTestId('todo-group-overdue')
      .getByTestId('todo-item')
      .filter({ hasText: `网上泄密 ${id}` })
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1)
    await item.getByText('泄密信息处置').waitFor()
    await item.getByRole('link').first().click()
    await officer.waitForURL(/\/publication\?q=/)
    await rowOf(officer, LEAK_AT).getByText('删除已逾期', { exact: false }).waitFor()
    expect(await officer.locator('.el-table__body tr.el-table__row').count()).toBe(1)
  })
})
