import type { UiLocale } from './ui-messages.ts'

/** The texts of the 操作日志 drawer (HistoryDrawer), zh-CN first. */
export const HISTORY_MESSAGES = {
  'zh-CN': {
    empty: '暂无操作记录',
    happenedAt: '发生',
    recordedAt: '录入',
    lateEntry: '补录',
    actor: '操作人',
    verified: '签名已验证',
    invalid: '签名无效',
    refused: '未生效',
    colon: '：',
  },
  en: {
    empty: 'Nothing recorded yet',
    happenedAt: 'Happened',
    recordedAt: 'Recorded',
    lateEntry: 'Late entry',
    actor: 'By',
    verified: 'Signature verified',
    invalid: 'Signature invalid',
    refused: 'Not applied',
    colon: ': ',
  },
} as const satisfies Record<UiLocale, Record<string, string>>

export type HistoryMessages = (typeof HISTORY_MESSAGES)[UiLocale]

export function historyMessages(locale: UiLocale): HistoryMessages {
  return HISTORY_MESSAGES[locale]
}

function two(n: number): string {
  return String(n).padStart(2, '0')
}

/** yyyy-MM-dd HH:mm in the device's zone: the drawer's default; an app may pass its unit's zone instead. */
export function formatLocalMinute(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`
}
