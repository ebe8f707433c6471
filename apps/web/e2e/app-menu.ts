import type { Page } from 'playwright-core'

/** Opens a page from the menu: the sidebar on a desk, the drawer behind 打开菜单 on a phone (issue 12). */
export async function openFromMenu(page: Page, name: string): Promise<void> {
  const opener = page.getByRole('button', { name: '打开菜单' })
  if (await opener.isVisible()) await opener.click()
  await page.getByRole('menuitem', { name }).click()
}
