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
    dates: {
      invalid: (text: string) => `日期“${text}”不存在，请重新输入（如 2026-03-02）`,
    },
    shell: {
      search: '搜索',
      reset: '重置',
      expand: '展开',
      collapse: '收起',
      filtersActive: (n: number) => `已设 ${n} 个条件`,
      startDate: '开始日期',
      endDate: '结束日期',
      to: '至',
      add: '新增',
      exportRows: '导出',
      print: '打印',
      importRows: '导入',
      refresh: '刷新',
      columns: '列设置',
      columnsTitle: '显示哪些列、按什么顺序',
      moveUp: (label: string) => `上移“${label}”`,
      moveDown: (label: string) => `下移“${label}”`,
      resetColumns: '恢复默认',
      density: '密度',
      pageSize: '每页条数',
      densities: { large: '宽松', default: '默认', small: '紧凑' },
      actions: '操作',
      cancel: '取消',
      confirm: '确定',
      total: (n: number) => `共 ${n} 条`,
      openChildren: (n: number) => `展开 ${n} 项`,
      closeChildren: '收起',
      selectPage: '选择本页全部',
      selectRow: (key: string) => `选择 ${key}`,
    },
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
    dates: {
      invalid: (text: string) => `“${text}” is not a date; please enter one such as 2026-03-02`,
    },
    shell: {
      search: 'Search',
      reset: 'Reset',
      expand: 'More',
      collapse: 'Less',
      filtersActive: (n: number) => `${n} filter${n === 1 ? '' : 's'} set`,
      startDate: 'From',
      endDate: 'To',
      to: 'to',
      add: 'Add',
      exportRows: 'Export',
      print: 'Print',
      importRows: 'Import',
      refresh: 'Refresh',
      columns: 'Columns',
      columnsTitle: 'Which columns, in which order',
      moveUp: (label: string) => `Move “${label}” up`,
      moveDown: (label: string) => `Move “${label}” down`,
      resetColumns: 'Reset',
      density: 'Density',
      pageSize: 'Rows per page',
      densities: { large: 'Roomy', default: 'Default', small: 'Compact' },
      actions: 'Actions',
      cancel: 'Cancel',
      confirm: 'OK',
      total: (n: number) => `${n} in all`,
      openChildren: (n: number) => `Show ${n}`,
      closeChildren: 'Hide',
      selectPage: 'Select all shown',
      selectRow: (key: string) => `Select ${key}`,
    },
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
