import type { Page } from 'playwright-core'

export const PASSWORD = 'secledger-demo'

/** Signs in through the form, as a person would: 用户名, 密码, 登录. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(PASSWORD)
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
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

export function rowsWith(page: Page, text: string) {
  return page.locator('.el-table__body tr.el-table__row', { hasText: text })
}
