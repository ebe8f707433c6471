import { overdueFor, type TodoRow, type TodoSubject, wholeDayDue } from '../../register/agenda-rows.ts'
import { formatDateTime } from '../../register/time-format.ts'

/** What the page and the bell need of vue-i18n (its `t` and `te`). */
export interface Translator {
  t(key: string, named?: Record<string, unknown>): string
  te(key: string): boolean
}

const minutes = (ms: number): string => formatDateTime(ms).slice(0, 16)

/** 应于 2026-12-04 17:30, or 截止 2026-12-31 for a deadline at the end of a day. */
function dueText(tr: Translator, dueAt: number): string {
  const day = wholeDayDue(dueAt)
  return day === null ? tr.t('todo.dueAt', { time: minutes(dueAt) }) : tr.t('todo.dueBy', { date: day })
}

/** A label of a dictionary that may lack the key (a kind or rule added to the domain later): the code then. */
function labelOr(tr: Translator, key: string, code: string): string {
  return tr.te(key) ? tr.t(key) : code
}

export function registerText(tr: Translator, row: TodoRow): string {
  return labelOr(tr, `todo.registers.${row.register}`, row.register)
}

/** The duty (by rule), the anomaly's kind, and for an approval which step waits. */
export function whatText(tr: Translator, row: TodoRow): string {
  if (row.anomalyKind !== null)
    return labelOr(tr, `todo.anomalyKinds.${row.register}.${row.anomalyKind}`, row.anomalyKind)
  const duty = row.rule === null ? '' : labelOr(tr, `todo.duty.${row.rule.replace('-', '')}`, '')
  return row.step === null ? duty : [duty, tr.t(`todo.steps.${row.step}`)].filter(Boolean).join(' · ')
}

export function subjectText(tr: Translator, s: TodoSubject): string {
  switch (s.kind) {
    case 'carrier':
      return s.copyNumber === null
        ? s.serial
        : tr.t('todo.subject.copy', { serial: s.serial, copy: s.copyNumber })
    case 'quarter':
      return tr.t('todo.subject.quarter', { year: s.year, quarter: s.quarter })
    case 'holiday':
      return tr.t('todo.subject.holiday', {
        year: s.year,
        holiday: labelOr(tr, `todo.holidays.${s.holiday}`, s.holiday),
      })
    case 'meeting':
      return tr.t('todo.subject.meeting', { from: s.from })
    case 'plan':
    case 'summary':
    case 'year':
      return tr.t(`todo.subject.${s.kind}`, { year: s.year })
    case 'inventory':
      return tr.t('todo.subject.inventory', { date: s.date })
    case 'telegram':
      return tr.t('todo.subject.telegram', {
        serial: s.serial,
        direction: tr.t(`telegram.direction.${s.direction}`),
      })
    case 'leak':
      return tr.t('publication.todoSubject', { id: s.id })
    case 'incident':
      return s.itemRef === null
        ? tr.t('incident.todo.incident', { ref: s.ref })
        : tr.t('incident.todo.missing', { ref: s.ref, item: s.itemRef })
    case 'id':
      return s.id
  }
}

/** Since when and until when: 逾期 3 天 · 应于 2026-12-04 17:30; 发现于 …; 2026-12-01 09:00 起等待. */
export function whenText(tr: Translator, row: TodoRow, nowMs: number): string {
  const due = row.dueAt === null ? null : dueText(tr, row.dueAt)
  if (row.anomalyKind !== null && row.since !== null)
    return tr.t('todo.foundAt', { time: minutes(row.since) })
  if (row.step !== null && row.since !== null)
    return [tr.t('todo.waitingSince', { time: minutes(row.since) }), due].filter(Boolean).join(' · ')
  if (row.since === null) return due ?? ''
  const late = overdueFor(row.since, nowMs)
  const key = { minutes: 'todo.overdueMinutes', hours: 'todo.overdueHours', days: 'todo.overdueDays' }[
    late.unit
  ]
  return [tr.t(key, { n: late.n }), due].filter(Boolean).join(' · ')
}
