import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** Opens a page from the menu: the sidebar on a desk, the drawer behind 打开菜单 on a phone (issue 12). */
export async function openFromMenu(page: Page, name: string): Promise<void> {
  const opener = page.getByRole('button', { name: '打开菜单' })
  const item = page.getByRole('menuitem', { name })
  // Right after a resize the layout is still switching between sidebar and drawer: wait for one of them.
  await expect.poll(async () => (await opener.isVisible()) || (await item.isVisible())).toBe(true)
  if (await opener.isVisible()) await opener.click()
  await item.click()
}
