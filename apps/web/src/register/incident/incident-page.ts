import type { CellView, RegisterPageConfig, TagType, Translate } from '../page-config.ts'
import { formatDateTime, formatShortDateTime } from '../time-format.ts'
import { INCIDENT_PAGE_STEPS, INCIDENT_ROW_STEPS, type IncidentContext } from '../workflows/incident.ts'
import {
  filterIncidentRows,
  INCIDENT_CATEGORIES,
  type IncidentRow,
  type IncidentRowState,
  incidentRows,
  type RowDeadline,
} from './incident-rows.ts'

const STATE_TAG: Readonly<Record<IncidentRowState, TagType>> = {
  open: 'warning',
  reported: 'primary',
  concluded: 'success',
  closed_found: 'info',
  searching: 'warning',
  leak: 'danger',
  escalated: 'info',
  found: 'success',
}

/**
 * The 24 hours at the minute; the 3 months (to the end of a day) and a missing carrier's 10 or 60 days
 * with their year, since they may fall in the next one.
 */
function dueText(next: RowDeadline): string {
  if (next.kind === 'written_result') return formatDateTime(next.dueAt).slice(0, 10)
  return next.kind === 'leak' ? formatDateTime(next.dueAt).slice(0, 16) : formatShortDateTime(next.dueAt)
}

function stateCell(row: IncidentRow, t: Translate): CellView {
  const next = row.next
  const note =
    next === null
      ? undefined
      : t(
          next.kind === 'leak'
            ? 'incident.leakFrom'
            : row.overdue
              ? 'incident.overdueSince'
              : 'incident.dueBy',
          {
            what: t(`incident.deadline.${next.kind}`),
            time: dueText(next),
          },
        )
  return {
    kind: 'tag',
    text: t(`incident.state.${row.state}`),
    type: row.overdue ? 'danger' : STATE_TAG[row.state],
    ...(note === undefined ? {} : { note, alert: row.overdue }),
  }
}

/** What was done: the report and the result for an incident; for a missing carrier, found or escalated. */
function progressCell(row: IncidentRow, t: Translate): CellView {
  const i = row.incident
  const m = row.missing
  if (i !== null) {
    const lines = [
      i.remedies.length > 0 ? t('incident.remedies', { n: i.remedies.length }) : t('incident.noRemedy'),
      i.resultRef === null ? '' : t('incident.result', { ref: i.resultRef }),
    ].filter(Boolean)
    const late = row.late.map((k) => t(`incident.late.${k}`)).join('、')
    return {
      kind: 'text',
      text: i.reportRef === null ? t('incident.notReported') : t('incident.reported', { ref: i.reportRef }),
      note: [late, ...lines].filter(Boolean).join(' · '),
      alert: late !== '',
    }
  }
  if (m === null) return { kind: 'empty' }
  if (m.foundAt !== null)
    return { kind: 'text', text: t('incident.foundAt', { time: formatShortDateTime(m.foundAt) }) }
  if (row.link !== null) return { kind: 'text', text: t('incident.escalatedTo', { id: row.link }) }
  return { kind: 'text', text: t(`incident.source.${m.source}`) }
}

/** 泄密事件 (rules) on the shell: incidents and missing carriers with their clocks and steps. */
export const incidentPage: RegisterPageConfig<IncidentRow, IncidentContext> = {
  id: 'incidents',
  titleKey: 'incident.title',
  basisKey: 'incident.basis',
  emptyKey: 'incident.empty',
  fields: (t) => [
    {
      kind: 'keyword',
      key: 'keyword',
      label: t('incident.query.keyword'),
      placeholder: t('incident.query.keywordHint'),
    },
    {
      kind: 'select',
      key: 'category',
      label: t('incident.col.category'),
      options: INCIDENT_CATEGORIES.map((c) => ({ value: c, label: t(`incident.category.${c}`) })),
    },
    {
      kind: 'select',
      key: 'status',
      label: t('incident.query.status'),
      options: (['open', 'closed'] as const).map((s) => ({ value: s, label: t(`incident.status.${s}`) })),
    },
    { kind: 'switch', key: 'overdueOnly', label: t('incident.query.overdueOnly') },
  ],
  columns: (t) => [
    { prop: 'id', label: t('incident.col.number'), width: 150, sortable: true },
    { prop: 'level', label: t('incident.col.level'), width: 124 },
    { prop: 'carriers', label: t('incident.col.carriers'), minWidth: 160 },
    { prop: 'discoveredAt', label: t('incident.col.discoveredAt'), width: 130, sortable: true },
    { prop: 'progress', label: t('incident.col.progress'), minWidth: 180 },
    { prop: 'state', label: t('incident.col.state'), width: 210 },
  ],
  rows: (base, query) => filterIncidentRows(incidentRows(base.state, base.now), query),
  cells: {
    id: (row, _b, t) => ({ kind: 'text', text: row.id, note: t(`incident.category.${row.category}`) }),
    level: (row) => (row.level === null ? { kind: 'empty' } : { kind: 'level', level: row.level }),
    carriers: (row) =>
      row.carriers.length === 0 ? { kind: 'empty' } : { kind: 'text', text: row.carriers.join('、') },
    discoveredAt: (row) => ({ kind: 'text', text: formatShortDateTime(row.discoveredAt) }),
    progress: (row, _b, t) => progressCell(row, t),
    state: (row, _b, t) => stateCell(row, t),
  },
  context: (base, row) => ({ ...base, row }),
  pageSteps: INCIDENT_PAGE_STEPS,
  rowSteps: INCIDENT_ROW_STEPS,
  subject: (row, _b, t) =>
    t('incident.subject', {
      category: t(`incident.category.${row.category}`),
      id: row.id,
      carriers: row.carriers.length === 0 ? t('incident.noCarrier') : row.carriers.join('、'),
    }),
}
