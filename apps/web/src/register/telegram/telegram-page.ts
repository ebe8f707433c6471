import type { RegisterPageConfig, TagType } from '../page-config.ts'
import { formatShortDateTime } from '../time-format.ts'
import { TELEGRAM_PAGE_STEPS, TELEGRAM_ROW_STEPS, type TelegramContext } from '../workflows/telegram.ts'
import { filterTelegramRows, TELEGRAM_STATES, type TelegramRow, telegramRows } from './telegram-rows.ts'

const STATE_TAG: Readonly<Record<TelegramRow['state'], TagType>> = {
  open: 'warning',
  handled: 'success',
  sent: 'info',
}

/** 密码电报 (rules E-01..E-06) on the shell: the 收发电报登记本 with its deadlines and steps. */
export const telegramPage: RegisterPageConfig<TelegramRow, TelegramContext> = {
  id: 'telegrams',
  titleKey: 'telegram.title',
  basisKey: 'telegram.basis',
  emptyKey: 'telegram.empty',
  fields: (t) => [
    {
      kind: 'keyword',
      key: 'keyword',
      label: t('telegram.query.keyword'),
      placeholder: t('telegram.query.keywordHint'),
    },
    {
      kind: 'select',
      key: 'direction',
      label: t('telegram.col.direction'),
      options: (['received', 'sent'] as const).map((d) => ({
        value: d,
        label: t(`telegram.direction.${d}`),
      })),
    },
    {
      kind: 'select',
      key: 'state',
      label: t('telegram.col.state'),
      options: TELEGRAM_STATES.map((s) => ({ value: s, label: t(`telegram.state.${s}`) })),
    },
    { kind: 'switch', key: 'overdueOnly', label: t('telegram.query.overdueOnly') },
  ],
  columns: (t) => [
    { prop: 'serial', label: t('telegram.col.serial'), width: 140, sortable: true },
    { prop: 'counterpart', label: t('telegram.col.counterpart'), minWidth: 140, sortable: true },
    { prop: 'docNumber', label: t('telegram.col.docNumber'), minWidth: 120 },
    { prop: 'level', label: t('telegram.col.level'), width: 108 },
    { prop: 'precedence', label: t('telegram.col.precedence'), width: 110, sortable: true },
    { prop: 'at', label: t('telegram.col.at'), width: 130, sortable: true },
    { prop: 'state', label: t('telegram.col.state'), width: 200 },
  ],
  rows: (base, query) => filterTelegramRows(telegramRows(base.state, base.now), query),
  cells: {
    serial: (row, _b, t) => ({
      kind: 'text',
      text: row.serial,
      note: t(`telegram.direction.${row.direction}`),
    }),
    level: (row) => ({ kind: 'level', level: row.level }),
    precedence: (row, _b, t) => {
      const marks = [
        row.important ? t('telegram.important') : '',
        row.earlyWarning ? t('telegram.earlyWarning') : '',
      ]
      const note = marks.filter(Boolean).join('、')
      return {
        kind: 'text',
        text: t(`telegram.precedence.${row.precedence}`),
        ...(note === '' ? {} : { note, alert: row.earlyWarning }),
      }
    },
    at: (row) => ({ kind: 'text', text: formatShortDateTime(row.at) }),
    state: (row, _b, t) => {
      const next = row.next
      const note =
        next === null
          ? undefined
          : t(row.overdue ? 'telegram.overdueSince' : 'telegram.dueBy', {
              what: t(`telegram.deadline.${next.kind}`),
              time: formatShortDateTime(next.dueAt),
            })
      return {
        kind: 'tag',
        text: t(`telegram.state.${row.state}`),
        type: row.overdue ? 'danger' : STATE_TAG[row.state],
        ...(note === undefined ? {} : { note, alert: row.overdue }),
      }
    },
  },
  context: (base, row) => ({ ...base, row }),
  pageSteps: TELEGRAM_PAGE_STEPS,
  rowSteps: TELEGRAM_ROW_STEPS,
  subject: (row, _b, t) =>
    t('telegram.subject', {
      direction: t(`telegram.direction.${row.direction}`),
      serial: row.serial,
      counterpart: row.counterpart,
      docNumber: row.docNumber,
    }),
}
