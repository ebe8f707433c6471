import type { Locator, Page } from 'playwright-core'

export const PASSWORD = 'secledger-demo'

/** Signs in through the form, as a person would: 用户名, 密码, 登录. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
}

export function dialog(page: Page, title: string) {
  return page.getByRole('dialog', { name: title })
}

/** Picks an option of an Element Plus select opened from the given trigger. */
export async function pickOption(
  page: Page,
  trigger: ReturnType<Page['locator']>,
  option: string,
): Promise<void> {
  // the select's placeholder overlays its input: click through it, as a person does
  await trigger.click({ force: true })
  const item = page.locator('.el-select-dropdown__item:visible', { hasText: option }).first()
  await item.click()
  // a single select's list fades out over the fields below it: the next click must not land on it
  // (a multiple select's list stays open: then this gives up after a moment)
  await item.waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => undefined)
}

export function rowsWith(page: Page, text: string) {
  return page.locator('.el-table__body tr.el-table__row', { hasText: text })
}

/** The rows of single carriers (copies), not the document rows their copies are nested under. */
export function copyRowsWith(page: Page, text: string) {
  return page.locator('.el-table__body tr.el-table__row:not(.sl-group-row)', { hasText: text })
}

/** Opens a document row to show its copies (rule C-02: one row per document, copies nested). */
export async function expandDocument(page: Page, text: string): Promise<void> {
  const group = page.locator('.el-table__body tr.sl-group-row', { hasText: text }).first()
  const icon = group.locator('.el-table__expand-icon')
  if (!(await icon.evaluate((el) => el.classList.contains('el-table__expand-icon--expanded'))))
    await icon.click()
}

/** Ticks a row for a batch by its tick box's accessible name, clicking the box as a person does (within `page` or one list of it). */
export async function tick(scope: Page | Locator, name: string): Promise<void> {
  // `has` is matched inside each label: it must be rooted at the page, not at `scope` again
  const page = 'page' in scope ? scope.page() : scope
  await scope.locator('label.el-checkbox', { has: page.getByRole('checkbox', { name, exact: true }) }).click()
}

/** The page, or its main area (which scrolls on its own), is wider than it shows: a phone scrolls sideways (issue 12). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    [document.documentElement, ...document.querySelectorAll('main')].some(
      (el) => el.scrollWidth > el.clientWidth,
    ),
  )
}
