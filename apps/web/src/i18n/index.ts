import type { DomainError, Level } from '@secledger/domain'
import { LEVEL_LABEL_EN, LEVEL_LABEL_ZH } from '@secledger/domain'
import { createI18n } from 'vue-i18n'
import { handoverZh } from './handover-messages.ts'
import { incidentZh } from './incident-messages.ts'
import { inventoryZh } from './inventory-messages.ts'
import { outgoingZh } from './outgoing-messages.ts'
import { publicationZh } from './publication-messages.ts'
import { telegramZh } from './telegram-messages.ts'
import { workflowZh } from './workflow-messages.ts'
import { type MessageSchema, zhCN } from './zh-CN.ts'

export type AppLocale = 'zh-CN' | 'en'

const LOCALE_KEY = 'secledger.locale'

// Only zh-CN, the default, is in the first download; English comes with its chunk (en-messages.ts) when
// chosen, before the switch (issue 12, "Bytes").
const messages: Partial<Record<AppLocale, MessageSchema>> = {
  'zh-CN': {
    ...zhCN,
    ...workflowZh,
    ...inventoryZh,
    ...outgoingZh,
    ...handoverZh,
    ...telegramZh,
    ...publicationZh,
    ...incidentZh,
  },
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  // The type wants every locale's texts up front; English is set (loadEnglish) before it can be chosen.
  messages: messages as Record<AppLocale, MessageSchema>,
})

let englishLoaded: Promise<void> | null = null
function loadEnglish(): Promise<void> {
  englishLoaded ??= import('./en-messages.ts').then(
    ({ enMessages }) => i18n.global.setLocaleMessage('en', enMessages),
    (error: unknown) => {
      englishLoaded = null // a later switch tries again
      throw error
    },
  )
  return englishLoaded
}

/** Switches the language once its texts are loaded, and keeps the choice for the next visit. */
export async function setAppLocale(locale: AppLocale): Promise<void> {
  if (locale === 'en') await loadEnglish()
  i18n.global.locale.value = locale
  globalThis.localStorage?.setItem(LOCALE_KEY, locale)
  globalThis.document?.documentElement.setAttribute('lang', locale)
}

/**
 * The language kept from the last visit, at startup (main.ts holds routing until it is set, so no page shows
 * in Chinese first). If English cannot be loaded the app stays in Chinese.
 */
export async function restoreAppLocale(): Promise<void> {
  if (globalThis.localStorage?.getItem(LOCALE_KEY) !== 'en') return
  await setAppLocale('en').catch((error: unknown) =>
    console.error('[i18n] English could not be loaded', error),
  )
}

/** A domain error's message in the current language (domain errors carry both). */
export function errorText(error: DomainError): string {
  return i18n.global.locale.value === 'en' ? error.message.en : error.message.zh
}

export function levelLabel(level: Level): string {
  return i18n.global.locale.value === 'en' ? LEVEL_LABEL_EN[level] : LEVEL_LABEL_ZH[level]
}
