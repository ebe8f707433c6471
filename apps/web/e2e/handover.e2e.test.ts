import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_CALENDAR, localDay } from '@secledger/domain'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openFromMenu } from './app-menu.ts'
import { dialog, pickOption, scrollsSideways, signIn, tick } from './app-pages.ts'
import { seriousViolations } from './axe-check.ts'
import { HAVE_CHROMIUM, launchChromium } from './chromium.ts'
import { officeMorning } from './office-clock.ts'
import { type RunningServer, startServer } from './server-process.ts'

const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist')

/** Signs in and opens 载体移交 from the menu, once the replica is online. */
async function openHandover(page: Page, url: string, user: string): Promise<void> {
  await page.goto(`${url}/login`)
  await signIn(page, user)
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  await openFromMenu(page, '载体移交')
  await page.waitForURL(/\/handover$/)
  await page.getByRole('status').getByText('在线').waitFor({ timeout: 15_000 })
}

// Issue 12, rules C-12 and C-17: what a person leaving holds, taken back; the unit closed after its hand-over.
describe.skipIf(!HAVE_CHROMIUM)('the hand-over (载体移交)', () => {
  let server: RunningServer
  let browser: Browser
  let officer: Page
  let leader: Page
  let year = ''

  async function contextAt(now: number, width: number, height: number): Promise<BrowserContext> {
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width, height },
    })
    await context.clock.install({ time: now })
    await context.clock.resume()
    return context
  }

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST, 'index.html')))
      throw new Error(`the web app is not built (${WEB_DIST}); run \`pnpm exec vite build\` first`)
    const now = officeMorning()
    year = String(localDay(now, DEFAULT_CALENDAR).year)
    server = await startServer(WEB_DIST, undefined, { clockOffsetMs: now - Date.now() })
    browser = await launchChromium()
    officer = await (await contextAt(now, 1440, 900)).newPage()
    leader = await (await contextAt(now, 390, 844)).newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('C-12 officer1 sees who holds what; 张明 leaving: his hand-out taken back, then nothing is held', async () => {
    await openHandover(officer, server.url, 'officer1')
    expect(await officer.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['载体移交'])
    await officer.locator('.el-table__row', { hasText: '张明' }).getByText(`${year}-0002`).waitFor()
    expect(await seriousViolations(officer)).toEqual([])

    await pickOption(officer, officer.getByRole('combobox', { name: '离岗人员' }), '张明（1 件）')
    await officer.getByRole('button', { name: '搜索' }).click()
    await officer.getByTestId('holder-alert').getByText('张明 仍持有 1 件涉密载体').waitFor()
    await officer.getByTestId('take-back-all').click()
    const confirm = dialog(officer, '收回载体')
    await confirm.getByText(`${year}-0002`, { exact: false }).waitFor()
    await confirm.getByRole('button', { name: '确定' }).click()
    await officer.getByText('已交回全部涉密载体，可以办理离岗').waitFor()
    await officer.getByTestId('nobody-holds').waitFor()
  })

  it('C-17 the officer cannot declare a closure; the leader declares it on a phone, naming the receiving unit', async () => {
    await officer.getByTestId('closure-none').getByText('须由单位领导依上级决定登记').waitFor()
    expect(await officer.getByRole('button', { name: '登记撤销/合并' }).count()).toBe(0)

    await openHandover(leader, server.url, 'leader1')
    await leader.getByRole('button', { name: '登记撤销/合并' }).click()
    const declare = dialog(leader, '登记撤销/合并')
    await pickOption(leader, declare.getByLabel('类型'), '合并')
    await declare.getByLabel('上级决定文号').fill('示委〔2026〕12号')
    // a unit not in a list: typed, and offered back as a new choice once the select has read it
    const units = declare.getByRole('combobox', { name: '接收单位' })
    await units.click({ force: true })
    await units.fill('城关镇')
    await leader.locator('.el-select-dropdown__item:visible', { hasText: '城关镇' }).click()
    await leader.keyboard.press('Escape')
    expect(await seriousViolations(leader)).toEqual([])
    await declare.getByRole('button', { name: '确定' }).click()
    await declare.waitFor({ state: 'hidden' })
    await leader.getByTestId('closure-decided').getByText('合并：示委〔2026〕12号，接收单位 城关镇').waitFor()
    expect(await scrollsSideways(leader)).toBe(false)
  })

  it('C-17 the officer hands every carrier and the registers over against a receipt; the leader closes the unit', async () => {
    await officer.getByTestId('closure-decided').waitFor({ timeout: 15_000 })
    await officer.getByTestId('check-carriers').getByText('尚余 7 件').waitFor()
    await tick(officer.getByTestId('closure-left'), '选择本页全部')
    await officer.getByTestId('hand-over-selected').click()
    const batch = dialog(officer, '移交签收')
    await batch.getByText('已选 7 份', { exact: false }).waitFor()
    await batch.getByLabel('签收单编号').fill('城关镇签〔2026〕3号')
    // Element Plus hides the switch's input under its track: click the track, as a person does
    await batch
      .locator('.el-switch', { has: officer.getByRole('switch', { name: '同时移交登记簿（台账）' }) })
      .click()
    expect(await seriousViolations(officer)).toEqual([])
    await batch.getByRole('button', { name: '确定' }).click()
    await batch.waitFor({ state: 'hidden' })
    await officer
      .getByTestId('closure-batch')
      .getByText('移交 城关镇，签收单 城关镇签〔2026〕3号，载体 7 件，含登记簿')
      .waitFor()
    await officer.locator('[data-testid="check-registers"].is-done').waitFor()
    // nothing left: the leader can close; the officer cannot
    expect(await officer.getByRole('button', { name: '关闭单位' }).count()).toBe(0)

    await leader.getByRole('button', { name: '关闭单位' }).click({ timeout: 15_000 })
    const close = dialog(leader, '关闭单位')
    await close.getByRole('button', { name: '确定' }).click()
    await close.waitFor({ state: 'hidden' })
    await leader.getByTestId('closure-closed').waitFor()
    await officer.getByTestId('closure-closed').waitFor({ timeout: 15_000 })
    // the custody register is read-only now: no inventory can start
    await openFromMenu(officer, '清查盘点')
    await officer.getByText('当前没有进行中的清查').waitFor()
    expect(await officer.getByRole('button', { name: '开始清查' }).count()).toBe(0)
  })
})
