import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyRowsWith, dialog, expandDocument, pickOption, signIn, tick } from './app-pages.ts'
import { seriousViolations } from './axe-check.ts'
import { HAVE_CHROMIUM, launchChromium } from './chromium.ts'
import { officeMorning } from './office-clock.ts'
import { type RunningServer, startServer } from './server-process.ts'

const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const DOC = '示保委〔2026〕3号'
const DAY = 86_400_000

/** YYYY-MM-DD HH:mm in Asia/Shanghai, as the date-time picker takes it typed. */
function typedTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}

async function openRegister(page: Page, url: string, user: string): Promise<void> {
  await page.goto(`${url}/login`)
  await signIn(page, user)
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  await page.getByRole('menuitem', { name: '载体台账' }).click()
  await page.waitForURL(/\/register$/)
  await page.getByRole('status').getByText('在线').waitFor({ timeout: 15_000 })
  await expandDocument(page, DOC)
}

/** The copy's 更多 menu, then one of its steps; returns the step's dialog. */
async function step(page: Page, copy: number, name: string) {
  const row = copyRowsWith(page, DOC).nth(copy - 1)
  await row.getByRole('button', { name: /更多/ }).click()
  await page.locator('.el-dropdown-menu__item:visible', { hasText: name }).first().click()
  const form = dialog(page, name)
  await form.waitFor()
  return form
}

// Issue 12: loans (C-06) and carrying out (C-08) through the configured workflow dialog, leader and officer.
describe.skipIf(!HAVE_CHROMIUM)('carrier workflows: loan and carry-out', () => {
  let server: RunningServer
  let browser: Browser
  let officer: Page
  let leader: Page
  let now = 0

  beforeAll(async () => {
    now = officeMorning()
    server = await startServer(WEB_DIST, undefined, { clockOffsetMs: now - Date.now() })
    browser = await launchChromium()
    const options = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } }
    const pages: Page[] = []
    for (let i = 0; i < 2; i += 1) {
      const context = await browser.newContext(options)
      await context.clock.install({ time: now })
      await context.clock.resume()
      pages.push(await context.newPage())
    }
    ;[officer, leader] = pages as [Page, Page]
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('C-06 C-08 the leader approves a loan of copy 1 and carrying out copy 2', async () => {
    await openRegister(leader, server.url, 'leader1')
    const approveLoan = await step(leader, 1, '批准借出')
    await approveLoan.getByLabel('借阅方').fill('县档案馆')
    expect(await seriousViolations(leader)).toEqual([])
    await approveLoan.getByRole('button', { name: '确定' }).click()
    await approveLoan.waitFor({ state: 'hidden' })
    const approveTrip = await step(leader, 2, '批准携带外出')
    await approveTrip.getByRole('button', { name: '确定' }).click()
    await approveTrip.waitFor({ state: 'hidden' })
    await leader.getByRole('status').getByText('已同步').waitFor({ timeout: 10_000 })
  })

  it('C-06 the officer lends copy 1 against the approval: errors beside the fields, then 借出 in the list', async () => {
    await openRegister(officer, server.url, 'officer1')
    const lend = await step(officer, 1, '借出')
    // the approval is chosen and the borrower taken from it
    await expect
      .poll(() => lend.getByLabel('借阅方', { exact: true }).inputValue(), { timeout: 10_000 })
      .toBe('县档案馆')
    await lend.getByRole('button', { name: '确定' }).click()
    await lend.getByText('请填写借阅方批准领导').waitFor()
    await lend.getByText('请选择借阅方类别').waitFor()
    await pickOption(officer, lend.getByLabel('借阅方类别'), '外单位')
    await lend.getByLabel('借阅方批准领导').fill('张馆长')
    await lend.getByLabel('借阅方批件编号').fill('档借〔2026〕1号')
    const due = lend.getByLabel('归还期限')
    await due.fill(typedTime(now + 7 * DAY))
    await due.press('Enter')
    expect(await seriousViolations(officer)).toEqual([])
    await lend.getByRole('button', { name: '确定' }).click()
    await lend.waitFor({ state: 'hidden' })
    const row = copyRowsWith(officer, DOC).nth(0)
    await expect.poll(() => row.getByTestId('away').textContent()).toBe('借出 · 县档案馆')
    // away on loan: not handed out to a reader meanwhile
    expect(await row.getByRole('button', { name: '分发阅读' }).count()).toBe(0)
  })

  it('C-06 the loan comes back, checked item by item', async () => {
    const back = await step(officer, 1, '借出归还')
    await back.getByRole('button', { name: '确定' }).click()
    await back.waitFor({ state: 'hidden' })
    const row = copyRowsWith(officer, DOC).nth(0)
    await expect.poll(() => row.getByTestId('away').count()).toBe(0)
    await row.getByRole('button', { name: '分发阅读' }).waitFor()
  })

  it('C-08 the officer registers copy 2 carried out by two bearers', async () => {
    const trip = await step(officer, 2, '携带外出')
    const bearers = trip.getByLabel('携带人')
    for (const name of ['王保密', '李干事']) {
      // the select's placeholder overlays its input: click through it, as a person does
      await bearers.click({ force: true })
      await officer.keyboard.type(name)
      await officer.keyboard.press('Enter')
    }
    await trip.getByLabel('前往地点').fill('县保密局')
    const back = trip.getByLabel('计划返回时间')
    await back.fill(typedTime(now + 6 * 3_600_000))
    await back.press('Enter')
    await trip.getByRole('button', { name: '确定' }).click()
    await trip.waitFor({ state: 'hidden' })
    const row = copyRowsWith(officer, DOC).nth(1)
    await expect.poll(() => row.getByTestId('away').textContent()).toBe('携带外出 · 王保密、李干事')
    await officer.getByRole('status').getByText('已同步').waitFor({ timeout: 10_000 })
  })

  it('C-11 a destruction list: the leader ticks copies 1 and 3 and approves them as one list', async () => {
    await leader.reload()
    await expandDocument(leader, DOC)
    for (const n of [1, 3]) await tick(leader, `选择 2026-0004 第 ${n} 份`)
    await leader.getByTestId('batch-count').getByText('已选 2 份').waitFor()
    expect(await seriousViolations(leader)).toEqual([])
    await leader.screenshot({ path: '/tmp/wf-batch.png' })
    await leader.getByRole('button', { name: '审批销毁清单' }).click()
    const approve = dialog(leader, '审批销毁清单')
    await approve.getByText(/已选 2 份/).waitFor()
    await approve.getByLabel('审批意见').fill('同意送保密局集中销毁')
    await approve.getByRole('button', { name: '确定' }).click()
    await approve.waitFor({ state: 'hidden' })
    await leader.getByRole('status').getByText('已同步').waitFor({ timeout: 10_000 })
  })

  it('C-11 the officer records the list destroyed centrally, against the approval', async () => {
    const rows = copyRowsWith(officer, DOC)
    for (const n of [1, 3]) await tick(officer, `选择 2026-0004 第 ${n} 份`)
    const open = officer.getByRole('button', { name: '销毁清单登记' })
    await expect.poll(() => open.count(), { timeout: 10_000 }).toBe(1)
    await open.click()
    const destroy = dialog(officer, '销毁清单登记')
    await pickOption(officer, destroy.getByLabel('销毁方式'), '送保密局集中销毁')
    await destroy.getByLabel('回执编号').fill('县保密局销〔2026〕12号')
    await destroy.getByRole('button', { name: '确定' }).click()
    await destroy.waitFor({ state: 'hidden' })
    await expect.poll(() => rows.nth(0).textContent()).toContain('已销毁')
    await expect.poll(() => rows.nth(2).textContent()).toContain('已销毁')
  })

  it('C-10 the officer files both copies of another document into the archive under one 案卷号', async () => {
    const other = '示县委发〔2026〕12号'
    await expandDocument(officer, other)
    const rows = copyRowsWith(officer, other)
    for (const n of [1, 2]) await tick(officer, `选择 2026-0001 第 ${n} 份`)
    await officer.getByRole('button', { name: '立卷归档' }).click()
    const archive = dialog(officer, '立卷归档')
    await archive.getByLabel('案卷号').fill('2026-长期-003')
    await archive.getByRole('button', { name: '确定' }).click()
    await archive.waitFor({ state: 'hidden' })
    await expect.poll(() => rows.nth(1).getByTestId('away').textContent()).toBe('已归档 · 2026-长期-003')
    await officer.getByRole('status').getByText('已同步').waitFor({ timeout: 10_000 })
  })

  it('C-16 the leader approves officer1 to copy the electronic file; the officer registers the use, signed', async () => {
    const electronic = '2026年保密工作计划'
    await leader.reload()
    await leader.getByRole('status').getByText('在线').waitFor({ timeout: 15_000 })
    await copyRowsWith(leader, electronic).getByRole('button', { name: /更多/ }).click()
    await leader.locator('.el-dropdown-menu__item:visible', { hasText: '批准电子文件使用' }).first().click()
    const approve = dialog(leader, '批准电子文件使用')
    await pickOption(leader, approve.getByLabel('用途'), '复制')
    // the closing list lies over the next field for a moment: wait until it is gone, as a person does
    await expect.poll(() => leader.locator('.el-select-dropdown__item:visible').count()).toBe(0)
    await pickOption(leader, approve.getByLabel('使用人'), '城关镇保密员')
    await expect.poll(() => leader.locator('.el-select-dropdown__item:visible').count()).toBe(0)
    await approve.getByRole('button', { name: '确定' }).click()
    await approve.waitFor({ state: 'hidden' })
    await leader.getByRole('status').getByText('已同步').waitFor({ timeout: 10_000 })

    const row = copyRowsWith(officer, electronic)
    await row.getByRole('button', { name: /更多/ }).click()
    await officer.locator('.el-dropdown-menu__item:visible', { hasText: '电子文件使用登记' }).first().click()
    const use = dialog(officer, '电子文件使用登记')
    // the approval reached this device and is chosen: it names the use and the user
    await expect.poll(() => use.getByText(/复制 · 城关镇保密员/).count(), { timeout: 10_000 }).toBe(1)
    await use.locator('.el-switch').click()
    await use.getByRole('button', { name: '确定' }).click()
    await use.waitFor({ state: 'hidden' })
    await officer.getByRole('status').getByText('已同步').waitFor({ timeout: 10_000 })
  })

  it('C-06 a loan back without the carrier opens a gap below the list; the officer resolves it, recovered', async () => {
    const electronic = '2026年保密工作计划'
    await copyRowsWith(leader, electronic).getByRole('button', { name: /更多/ }).click()
    await leader.locator('.el-dropdown-menu__item:visible', { hasText: '批准借出' }).first().click()
    const approve = dialog(leader, '批准借出')
    await approve.getByLabel('借阅方').fill('县档案馆')
    await approve.getByRole('button', { name: '确定' }).click()
    await approve.waitFor({ state: 'hidden' })
    await leader.getByRole('status').getByText('已同步').waitFor({ timeout: 10_000 })

    const row = copyRowsWith(officer, electronic)
    await row.getByRole('button', { name: /更多/ }).click()
    await officer
      .locator('.el-dropdown-menu__item:visible', { hasText: /^\s*借出\s*$/ })
      .first()
      .click()
    const lend = dialog(officer, '借出')
    await expect
      .poll(() => lend.getByLabel('借阅方', { exact: true }).inputValue(), { timeout: 10_000 })
      .toBe('县档案馆')
    await pickOption(officer, lend.getByLabel('借阅方类别'), '外单位')
    await expect.poll(() => officer.locator('.el-select-dropdown__item:visible').count()).toBe(0)
    await lend.getByLabel('借阅方批准领导').fill('张馆长')
    await lend.getByLabel('借阅方批件编号').fill('档借〔2026〕2号')
    const due = lend.getByLabel('归还期限')
    await due.fill(typedTime(now + 7 * DAY))
    await due.press('Enter')
    await lend.getByRole('button', { name: '确定' }).click()
    await lend.waitFor({ state: 'hidden' })

    await row.getByRole('button', { name: /更多/ }).click()
    await officer.locator('.el-dropdown-menu__item:visible', { hasText: '借出归还' }).first().click()
    const back = dialog(officer, '借出归还')
    // the borrower did not bring it back: untick it in 已归还
    await back.locator('.el-tag__close').first().click()
    await back.getByRole('button', { name: '确定' }).click()
    await back.waitFor({ state: 'hidden' })
    const gaps = officer.getByTestId('movement-anomalies')
    await gaps.getByText('借出归还时缺失或损坏（规则 C-06）').waitFor()
    expect(await seriousViolations(officer)).toEqual([])
    await gaps.getByRole('button', { name: '处理' }).click()
    const resolve = dialog(officer, '处理借出/外出异常')
    await resolve.getByLabel('处理说明').fill('借阅方已送回，清点无误')
    await resolve.locator('.el-switch').click()
    await resolve.getByRole('button', { name: '确定' }).click()
    await resolve.waitFor({ state: 'hidden' })
    await expect.poll(() => gaps.count()).toBe(0)
  })
})
