import { type InjectionKey, inject, provide, type Ref, ref } from 'vue'

/** The few texts ui components show by themselves; apps pass the rest through props or slots. */
export const UI_MESSAGES = {
  'zh-CN': {
    state: { in_custody: '在册', out: '传阅中', destroyed: '已销毁' },
    overdue: '逾期',
    online: '在线',
    offline: '离线',
    connecting: '连接中',
    pending: (n: number) => `待同步 ${n} 条`,
    synced: '已同步',
    lastSync: '最后同步',
    neverSynced: '尚未同步',
    rule: '规则',
    empty: '暂无数据',
  },
  en: {
    state: { in_custody: 'In custody', out: 'Handed out', destroyed: 'Destroyed' },
    overdue: 'Overdue',
    online: 'Online',
    offline: 'Offline',
    connecting: 'Connecting',
    pending: (n: number) => `${n} pending`,
    synced: 'Synced',
    lastSync: 'Last sync',
    neverSynced: 'Never synced',
    rule: 'Rule',
    empty: 'No data',
  },
} as const

export type UiLocale = keyof typeof UI_MESSAGES
export type UiMessages = (typeof UI_MESSAGES)[UiLocale]

export const UI_LOCALE_KEY: InjectionKey<Ref<UiLocale>> = Symbol('secledger-ui-locale')

/** Called once by the app (zh-CN first); components fall back to zh-CN without it. */
export function provideUiLocale(locale: Ref<UiLocale>): void {
  provide(UI_LOCALE_KEY, locale)
}

export function useUiLocale(): Ref<UiLocale> {
  return inject(UI_LOCALE_KEY, ref<UiLocale>('zh-CN'))
}

export function uiMessages(locale: UiLocale): UiMessages {
  return UI_MESSAGES[locale]
}
