import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_CALENDAR, localDay } from '@secledger/domain'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openFromMenu } from './app-menu.ts'
import { dialog, pickOption, scrollsSideways, signIn, tick } from './app-pages.ts'
import { seriousViolations } from './axe-check.ts'
import { HAVE_CHROMIUM, launchChromium } from './chromium.ts'
import { officeMorning } from './office-clock.ts'
import { type RunningServer, startServer } from './server-process.ts'

const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist')

/** Signs in and opens 清查盘点 from the menu, once the replica is online. */
async function openInventoryPage(page: Page, url: string, user: string): Promise<void> {
  await page.goto(`${url}/login`)
  await signIn(page, user)
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  await openFromMenu(page, '清查盘点')
  await page.waitForURL(/\/inventory$/)
  await page.getByRole('status').getByText('在线').waitFor({ timeout: 15_000 })
}

// Issue 12, rule C-13: an inventory as a session of ticks and scans, its gaps as anomalies resolved by steps.
describe.skipIf(!HAVE_CHROMIUM)('the inventory (清查盘点)', () => {
  let server: RunningServer
  let browser: Browser
  let officer: Page
  let now = 0
  /** The demo's 登记编号 start with the year the server seeded them in. */
  let year = ''
  const count = (key: string) => officer.getByTestId(`count-${key}`).locator('dd').textContent()
  const gaps = () => officer.getByTestId('custody-anomaly')

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST, 'index.html')))
      throw new Error(`the web app is not built (${WEB_DIST}); run \`pnpm exec vite build\` first`)
    now = officeMorning()
    year = String(localDay(now, DEFAULT_CALENDAR).year)
    server = await startServer(WEB_DIST, undefined, { clockOffsetMs: now - Date.now() })
    browser = await launchChromium()
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    })
    await context.clock.install({ time: now })
    await context.clock.resume()
    officer = await context.newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('C-13 officer1 opens an inventory: the seven demo copies in custody are expected', async () => {
    await openInventoryPage(officer, server.url, 'officer1')
    await officer.getByText('当前没有进行中的清查').waitFor()
    expect(await officer.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['清查盘点'])
    await officer.getByRole('button', { name: '开始清查' }).click()
    const start = dialog(officer, '开始清查')
    await start.getByText('确认后即登记这一步。').waitFor()
    expect(await seriousViolations(officer)).toEqual([])
    await start.getByRole('button', { name: '确定' }).click()
    await start.waitFor({ state: 'hidden' })
    await officer.getByTestId('inventory-open').waitFor()
    // 2026-0001 ×2, 0002 (with a reader, still in custody), 0003, 0004 ×3
    await expect.poll(() => count('expected')).toBe('7')
    expect(await count('pending')).toBe('7')
  })

  it('C-13 two copies ticked and confirmed as one batch; a third found by the scan box', async () => {
    for (const n of [1, 2]) await tick(officer, `选择 ${year}-0004 第 ${n} 份`)
    await officer.getByTestId('batch-count').getByText('已选 2 份').waitFor()
    await officer.getByRole('button', { name: '确认在册', exact: true }).click()
    const confirm = dialog(officer, '确认在册')
    await confirm.getByText(`已选 2 份：${year}-0004 第 1 份、${year}-0004 第 2 份`).waitFor()
    await confirm.getByRole('button', { name: '确定' }).click()
    await confirm.waitFor({ state: 'hidden' })
    await expect.poll(() => count('confirmed')).toBe('2')

    const scan = officer.getByLabel('扫描或输入登记编号')
    // two copies share the serial: the 份号 is asked for, nothing is written
    await scan.fill(`${year}-0001`)
    await scan.press('Enter')
    await officer.getByTestId('scan-result').getByText('请同时输入份号').waitFor()
    // what a scanner types, full-width as an input method may leave it
    await scan.fill(`${year}-0004 第３份`)
    await scan.press('Enter')
    await officer.getByTestId('scan-result').getByText(`已确认在册：${year}-0004 第 3 份`).waitFor()
    await expect.poll(() => count('confirmed')).toBe('3')
    expect(await scan.inputValue()).toBe('')
    await expect.poll(() => scan.evaluate((el) => el === document.activeElement)).toBe(true)
  })

  it('C-13 one carrier reported missing with a note; an item the register lacks recorded (物多帐少)', async () => {
    await officer.getByRole('button', { name: `登记缺失：${year}-0003` }).click()
    const missing = dialog(officer, '登记缺失')
    await missing.getByLabel('情况说明').fill('文件柜内未见，经办人出差')
    await missing.getByRole('button', { name: '确定' }).click()
    await missing.waitFor({ state: 'hidden' })
    await expect.poll(() => count('missing')).toBe('1')

    await officer.getByRole('button', { name: '登记多出物品' }).click()
    const surplus = dialog(officer, '登记多出物品')
    await surplus.getByLabel('文号').fill('示政发〔2025〕8号')
    await pickOption(officer, surplus.getByLabel('密级'), '机密')
    await surplus.getByLabel('说明').fill('文件柜底层发现，台账无记录')
    await surplus.getByRole('button', { name: '确定' }).click()
    await surplus.waitFor({ state: 'hidden' })
    await expect.poll(() => count('surplus')).toBe('1')
  })

  it('C-13 closing: the gaps become anomalies, the result is 帐物不符', async () => {
    await officer.getByRole('button', { name: '结束清查' }).click()
    const close = dialog(officer, '结束清查')
    await close.getByText('应清点 7 件：在册 3，缺失 1，待清点 3，多出物品 1', { exact: false }).waitFor()
    await close.getByRole('button', { name: '确定' }).click()
    await close.waitFor({ state: 'hidden' })
    await officer.getByText('当前没有进行中的清查').waitFor()
    const past = officer.getByTestId('past-inventory')
    await expect.poll(() => past.count()).toBe(1)
    expect(await past.textContent()).toContain('帐物不符')
    // missing 0003, never confirmed 0001 ×2 and 0002, and the surplus item
    await expect.poll(() => gaps().count()).toBe(5)
    expect(
      await gaps().filter({ hasText: '示政发〔2025〕8号' }).getByRole('button').allTextContents(),
    ).toEqual(['登记入帐', '说明情况'])
  })

  it('C-13 the missing carrier is resolved as found, through the step dialog', async () => {
    const gap = gaps().filter({ hasText: `${year}-0003` })
    expect(await gap.textContent()).toContain('文件柜内未见')
    await gap.getByRole('button', { name: '已找到' }).click()
    const found = dialog(officer, '已找到')
    await found.getByLabel('找到情况').fill('经办人出差带回，已放回文件柜')
    expect(await seriousViolations(officer)).toEqual([])
    await found.getByRole('button', { name: '确定' }).click()
    await found.waitFor({ state: 'hidden' })
    await expect.poll(() => gaps().count()).toBe(4)
    await officer.getByText('已处理的清查异常（1）').click()
    const done = officer.getByTestId('custody-anomaly-resolved')
    expect(await done.textContent()).toContain('已找到')
    await officer.getByRole('status').getByText('已同步').waitFor({ timeout: 10_000 })
  })

  it('on a phone (390×844): no sideways scroll, a card is confirmed from its own button, 结束清查 reachable', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
    await context.clock.install({ time: now })
    await context.clock.resume()
    const phone = await context.newPage()
    await openInventoryPage(phone, server.url, 'officer1')
    await phone.getByRole('button', { name: '开始清查' }).click()
    const start = dialog(phone, '开始清查')
    await start.getByRole('button', { name: '确定' }).click()
    await start.waitFor({ state: 'hidden' })
    const card = phone.locator('.sl-card', { hasText: `${year}-0002` })
    await card.getByRole('button', { name: `确认在册：${year}-0002` }).click()
    await expect.poll(() => card.textContent()).toContain('在册')
    expect(await scrollsSideways(phone)).toBe(false)
    const close = phone.getByRole('button', { name: '结束清查' })
    await close.scrollIntoViewIfNeeded()
    const box = await close.boundingBox()
    expect(box !== null && box.x >= 0 && box.x + box.width <= 390).toBe(true)
    expect(await seriousViolations(phone)).toEqual([])
    await phone.getByRole('status').getByText('已同步').waitFor({ timeout: 10_000 })
    await context.close()
  })

  it('a leader sees the page read-only', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    await context.clock.install({ time: now })
    await context.clock.resume()
    const leader = await context.newPage()
    await openInventoryPage(leader, server.url, 'leader1')
    await leader.getByText('清查由保密员登记，此处只读').waitFor()
    await leader.getByTestId('inventory-open').waitFor()
    expect(await leader.getByRole('button', { name: '结束清查' }).count()).toBe(0)
    expect(await leader.getByLabel('扫描或输入登记编号').count()).toBe(0)
    expect(await leader.getByRole('button', { name: '已找到' }).count()).toBe(0)
    await context.close()
  })
})
