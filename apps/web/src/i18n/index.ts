import type { DomainError, Level } from '@secledger/domain'
import { LEVEL_LABEL_EN, LEVEL_LABEL_ZH } from '@secledger/domain'
import { createI18n } from 'vue-i18n'
import { en } from './en.ts'
import { inventoryEn, inventoryZh } from './inventory-messages.ts'
import { outgoingEn, outgoingZh } from './outgoing-messages.ts'
import { workflowEn, workflowZh } from './workflow-messages.ts'
import { type MessageSchema, zhCN } from './zh-CN.ts'

export type AppLocale = 'zh-CN' | 'en'

const LOCALE_KEY = 'secledger.locale'

function initialLocale(): AppLocale {
  return globalThis.localStorage?.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN'
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: {
    'zh-CN': { ...zhCN, ...workflowZh, ...inventoryZh, ...outgoingZh },
    en: { ...en, ...workflowEn, ...inventoryEn, ...outgoingEn },
  },
})

export function setAppLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  globalThis.localStorage?.setItem(LOCALE_KEY, locale)
  globalThis.document?.documentElement.setAttribute('lang', locale)
}

/** A domain error's message in the current language (domain errors carry both). */
export function errorText(error: DomainError): string {
  return i18n.global.locale.value === 'en' ? error.message.en : error.message.zh
}

export function levelLabel(level: Level): string {
  return i18n.global.locale.value === 'en' ? LEVEL_LABEL_EN[level] : LEVEL_LABEL_ZH[level]
}
