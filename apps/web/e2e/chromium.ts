import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH)

// Under CI a browser suite that cannot run must fail, never skip (contracts.md ground rules).
if (!HAVE_CHROMIUM && process.env.CI === 'true')
  throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it or set CHROMIUM_PATH`)

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}
