import type { PublicationItem } from '@secledger/domain/registers/publication'
import type { CellView, PageBase, RegisterPageConfig, TagType, Translate } from '../page-config.ts'
import { formatShortDateTime } from '../time-format.ts'
import {
  PUBLICATION_PAGE_STEPS,
  PUBLICATION_ROW_STEPS,
  type PublicationContext,
} from '../workflows/publication.ts'
import { displayName } from '../workflows/workflow.ts'
import {
  filterPublicationRows,
  type LeakRow,
  PUBLICATION_STATES,
  type PublicationItemRow,
  type PublicationRow,
  publicationRows,
} from './publication-rows.ts'

const STATE_TAG: Readonly<Record<PublicationRow['state'], TagType>> = {
  submitted: 'warning',
  first_passed: 'warning',
  approved: 'primary',
  escalated: 'warning',
  returned: 'info',
  not_publishable: 'info',
  withholding: 'warning',
  withheld: 'info',
  published: 'success',
  leak_open: 'warning',
  leak_closed: 'info',
}

const who = (base: PageBase, id: string) => displayName(base.directory, id)

/** rule R-03: the approver of a published item, or the bureau's reply that cleared it (R-04). */
function approverText(item: PublicationItem, base: PageBase, t: Translate): string {
  const approver = item.publication?.approver ?? item.approver ?? ''
  return approver.startsWith('bureau:')
    ? t('publication.progress.bureauApprover', { ref: approver.slice('bureau:'.length) })
    : who(base, approver)
}

/** What an item went through: its reviews and escalation, then (as a note) its withholding or publication. */
function itemProgress(row: PublicationItemRow, base: PageBase, t: Translate): CellView {
  const i = row.item
  const steps = i.reviews.map(
    (r) =>
      `${t(`publication.capacity.${r.capacity}`)} ${who(base, r.by)}${r.decision === 'return' ? t('publication.returnedMark') : ''}`,
  )
  if (i.escalation !== null)
    steps.push(
      i.escalation.reply === null
        ? t('publication.progress.escalated', { bureau: i.escalation.bureau })
        : t('publication.progress.replied', {
            bureau: i.escalation.bureau,
            decision: t(`publication.reply.${i.escalation.reply.decision}`),
            ref: i.escalation.reply.ref,
          }),
    )
  let note = ''
  if (i.publication !== null)
    note = t('publication.progress.published', {
      time: formatShortDateTime(i.publication.publishedAt),
      publisher: who(base, i.publication.publisher),
      approver: approverText(i, base, t),
    })
  else if (i.withholding !== null)
    note = [
      t('publication.progress.withholding', {
        kind: t(`publication.withholdingKind.${i.withholding.kind}`),
        by: who(base, i.withholding.proposedBy),
      }),
      ...(i.withholding.confirmations.length === 0
        ? []
        : [
            t('publication.progress.confirmed', {
              who: i.withholding.confirmations.map((c) => who(base, c.by)).join('、'),
            }),
          ]),
    ].join('；')
  const text = steps.join('；')
  if (text === '' && note === '') return { kind: 'empty' }
  if (text === '') return { kind: 'text', text: note }
  return { kind: 'text', text, ...(note === '' ? {} : { note }) }
}

/** rule R-06: the handling steps recorded so far. */
function leakProgress(row: LeakRow, t: Translate): CellView {
  const i = row.incident
  const steps = (
    [
      ['takenDown', i.takenDownAt],
      ['traced', i.tracedAt],
      ['reported', i.reportedAt],
      ['closed', i.closedAt],
    ] as const
  )
    .filter(([, at]) => at !== null)
    .map(([step, at]) => t(`publication.leakStep.${step}`, { time: formatShortDateTime(at ?? 0) }))
  if (steps.length === 0) return { kind: 'text', text: t('publication.leakStep.none') }
  return {
    kind: 'text',
    text: steps.join('；'),
    ...(i.reportRef === null ? {} : { note: t('publication.reportRef', { ref: i.reportRef }) }),
  }
}

function stateCell(row: PublicationRow, base: PageBase, t: Translate): CellView {
  const text = t(`publication.state.${row.state}`)
  if (row.kind === 'leak') {
    const next = row.next
    const note =
      next === null
        ? undefined
        : t(row.overdue ? 'publication.overdueSince' : 'publication.dueBy', {
            what: t(`publication.deadline.${next.kind}`),
            time: formatShortDateTime(next.dueAt),
          })
    return {
      kind: 'tag',
      text,
      type: row.overdue ? 'danger' : STATE_TAG[row.state],
      ...(note === undefined ? {} : { note, alert: row.overdue }),
    }
  }
  const tag = { kind: 'tag' as const, text, type: STATE_TAG[row.state] }
  if (row.waitingFor.length === 0) return tag
  // rules R-02, R-05, B-04: a step nobody may sign yet (no designation, or the post is empty) is said so.
  const reviewers = [...base.state.registers.publication.reviewers.keys()]
  const posts = base.state.registers.responsibility.posts
  const nobody = row.waitingFor.filter((w) =>
    w === 'section_head' || w === 'review_officer'
      ? !reviewers.some((k) => k.startsWith(`${w}:`))
      : posts.get(w) === undefined,
  )
  if (nobody.length > 0)
    return {
      ...tag,
      note: t('publication.nobodyFor', { who: nobody.map((w) => t(`publication.post.${w}`)).join('、') }),
      alert: true,
    }
  return {
    ...tag,
    note: t('publication.waitingFor', {
      who: row.waitingFor.map((w) => t(`publication.waiting.${w}`)).join('、'),
    }),
  }
}

/** 信息公开保密审查 (rules R-01..R-06) on the shell: items under review, published, withheld, and leaks found online. */
export const publicationPage: RegisterPageConfig<PublicationRow, PublicationContext> = {
  id: 'publication',
  titleKey: 'publication.title',
  basisKey: 'publication.basis',
  emptyKey: 'publication.empty',
  fields: (t) => [
    {
      kind: 'keyword',
      key: 'keyword',
      label: t('publication.query.keyword'),
      placeholder: t('publication.query.keywordHint'),
    },
    {
      kind: 'select',
      key: 'kind',
      label: t('publication.col.kind'),
      options: (['item', 'leak'] as const).map((k) => ({ value: k, label: t(`publication.kind.${k}`) })),
    },
    {
      kind: 'select',
      key: 'state',
      label: t('publication.col.state'),
      options: PUBLICATION_STATES.map((s) => ({ value: s, label: t(`publication.state.${s}`) })),
    },
    { kind: 'switch', key: 'overdueOnly', label: t('publication.query.overdueOnly') },
  ],
  columns: (t) => [
    { prop: 'id', label: t('publication.col.id'), width: 200, sortable: true },
    { prop: 'title', label: t('publication.col.title'), minWidth: 220, sortable: true },
    { prop: 'at', label: t('publication.col.at'), width: 110, sortable: true },
    { prop: 'progress', label: t('publication.col.progress'), minWidth: 260 },
    { prop: 'state', label: t('publication.col.state'), width: 210 },
  ],
  rows: (base, query) => filterPublicationRows(publicationRows(base.state, base.now), query),
  cells: {
    // rule R-01 (谁发布谁负责): an item names who submitted it.
    id: (row, base, t) => ({
      kind: 'text',
      text: row.id,
      note:
        row.kind === 'item'
          ? t('publication.submittedBy', {
              kind: t('publication.kind.item'),
              who: who(base, row.item.submitter),
            })
          : t('publication.kind.leak'),
    }),
    title: (row, _b, t) =>
      row.kind === 'item'
        ? { kind: 'text', text: row.title, note: `${row.channel} · ${row.scope}` }
        : {
            kind: 'text',
            text: row.title,
            note: [
              t('publication.leakLevel', { level: t(`publication.level.${row.level}`) }),
              row.incident.itemId === null ? '' : t('publication.leakOf', { id: row.incident.itemId }),
            ]
              .filter(Boolean)
              .join(' · '),
          },
    at: (row) => ({ kind: 'text', text: formatShortDateTime(row.at) }),
    progress: (row, base, t) => (row.kind === 'item' ? itemProgress(row, base, t) : leakProgress(row, t)),
    state: stateCell,
  },
  context: (base, row) => ({ ...base, row }),
  pageSteps: PUBLICATION_PAGE_STEPS,
  rowSteps: PUBLICATION_ROW_STEPS,
  subject: (row, _b, t) => t(`publication.subject.${row.kind}`, { id: row.id, title: row.title }),
}
