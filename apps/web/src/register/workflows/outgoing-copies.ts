import { DEFAULT_CALENDAR } from '@secledger/domain'
import {
  nextYearStart,
  outgoingAnomalyResolvedSchema,
  outgoingArchivedHereSchema,
  outgoingCopiesRecoveredSchema,
  outgoingRecipientArchiveFiledSchema,
  outgoingReconciledSchema,
  outgoingSentSchema,
  type SendChannel,
} from '@secledger/domain/registers/outgoing'
import {
  copiesIn,
  copyNumbersOf,
  copyOptions,
  docOf,
  type OutgoingContext,
  type OutgoingStep,
  recipientOptions,
} from './outgoing-context.ts'
import { bi, newEntityId } from './workflow.ts'

/** rules C-15, C-09: sending the copies, then accounting for each one, and the reconciliation. */

const CHANNELS: readonly [SendChannel, string, string][] = [
  ['confidential_courier', '机要交通', 'Confidential courier'],
  ['designated_person', '专人递送', 'Designated person'],
  ['ordinary_post', '普通邮件', 'Ordinary post'],
  ['registered_post', '挂号邮寄', 'Registered post'],
  ['exchange_station', '文件交换站', 'Document exchange station'],
  ['entrusted', '托人携带', 'Entrusted to someone'],
  ['public_fax', '公共传真', 'Public fax'],
  ['internet', '互联网', 'Internet'],
]

const hasCopies = (ctx: OutgoingContext, ...statuses: Parameters<typeof copiesIn>[1]) =>
  ctx.isOfficer && copiesIn(docOf(ctx), statuses).length > 0

/**
 * rule C-15: copies to one recipient of the distribution. Every channel is offered as the officer
 * knows them; the domain refuses post, the exchange station, entrusting, fax and the internet, and says why.
 */
export const sendOutgoing: OutgoingStep = {
  id: 'outgoing-send',
  type: 'outgoing.sent',
  schema: outgoingSentSchema,
  rule: 'C-15',
  label: bi('分发', 'Send'),
  done: bi('已登记分发', 'Sending recorded'),
  actor: 'officer',
  available: (ctx) => hasCopies(ctx, 'here'),
  fields: (ctx) => ({
    recipientId: { label: bi('收文单位', 'Recipient'), options: recipientOptions(docOf(ctx)) },
    copyNumbers: { label: bi('份号', 'Copies'), kind: 'select', options: copyOptions(docOf(ctx), ['here']) },
    channel: {
      label: bi('传递方式', 'Channel'),
      options: CHANNELS.map(([value, zh, en]) => ({ value, label: bi(zh, en) })),
    },
    courierRef: {
      label: bi('机要交通回执号', 'Courier receipt'),
      hint: bi('经机要交通寄发时填写', 'For the confidential courier'),
    },
    bearer: { label: bi('递送人', 'Bearer'), hint: bi('专人递送时填写', 'For a designated person') },
    signedBy: {
      label: bi('签收人', 'Signed by'),
      hint: bi('专人递送交接签字；市内单位收文签字', 'The hand-over or, for a local recipient, the receipt'),
    },
  }),
  fixed: (ctx, values) => ({
    sendId: newEntityId('snd'),
    docId: ctx.row?.docId ?? '',
    copyNumbers: copyNumbersOf(values),
  }),
}

/** rule C-09: copies kept in this unit's archive (本单位存档). */
export const archiveHere: OutgoingStep = {
  id: 'outgoing-archive-here',
  type: 'outgoing.archived_here',
  schema: outgoingArchivedHereSchema,
  rule: 'C-09',
  label: bi('本单位存档', 'Archive here'),
  done: bi('已登记本单位存档', 'Archived here'),
  actor: 'officer',
  available: (ctx) => hasCopies(ctx, 'here'),
  fields: (ctx) => ({
    copyNumbers: { label: bi('份号', 'Copies'), kind: 'select', options: copyOptions(docOf(ctx), ['here']) },
    archiveRef: { label: bi('案卷号', 'Archive reference') },
  }),
  fixed: (ctx, values) => ({ docId: ctx.row?.docId ?? '', copyNumbers: copyNumbersOf(values) }),
}

/** rule C-09: a recipient's 存档清单, filed here against the document. */
export const fileRecipientArchive: OutgoingStep = {
  id: 'outgoing-recipient-archive',
  type: 'outgoing.recipient_archive_filed',
  schema: outgoingRecipientArchiveFiledSchema,
  rule: 'C-09',
  label: bi('外单位存档清单', "Recipient's archive list"),
  done: bi('已归档外单位存档清单', 'Archive list filed'),
  actor: 'officer',
  available: (ctx) => hasCopies(ctx, 'sent'),
  fields: (ctx) => ({
    recipientId: { label: bi('收文单位', 'Recipient'), options: recipientOptions(docOf(ctx), ['sent']) },
    copyNumbers: {
      label: bi('清单所列份号', 'Copies listed'),
      kind: 'select',
      options: copyOptions(docOf(ctx), ['sent']),
    },
    listRef: { label: bi('存档清单编号', 'List reference') },
  }),
  fixed: (ctx, values) => ({
    listId: newEntityId('lst'),
    docId: ctx.row?.docId ?? '',
    copyNumbers: copyNumbersOf(values),
  }),
}

/** rule C-09: copies returned by the recipient they were sent to (清退回收). */
export const recoverCopies: OutgoingStep = {
  id: 'outgoing-recover',
  type: 'outgoing.copies_recovered',
  schema: outgoingCopiesRecoveredSchema,
  rule: 'C-09',
  label: bi('清退回收', 'Recover copies'),
  done: bi('已登记清退回收', 'Recovery recorded'),
  actor: 'officer',
  available: (ctx) => hasCopies(ctx, 'sent', 'archived_at_recipient'),
  fields: (ctx) => ({
    recipientId: {
      label: bi('交回单位', 'Returned by'),
      options: recipientOptions(docOf(ctx), ['sent', 'archived_at_recipient']),
    },
    copyNumbers: {
      label: bi('交回份号', 'Copies returned'),
      kind: 'select',
      options: copyOptions(docOf(ctx), ['sent', 'archived_at_recipient']),
    },
  }),
  fixed: (ctx, values) => ({
    recoveryId: newEntityId('rcv'),
    docId: ctx.row?.docId ?? '',
    copyNumbers: copyNumbersOf(values),
  }),
}

/**
 * rule C-09: the reconciliation, from 1 January of the year after issue; copies not accounted for open
 * an anomaly (traced with the recipient, reported to the bureau).
 */
export const reconcileOutgoing: OutgoingStep = {
  id: 'outgoing-reconcile',
  type: 'outgoing.reconciled',
  schema: outgoingReconciledSchema,
  rule: 'C-09',
  label: bi('清退核对', 'Reconcile'),
  done: bi('已完成清退核对', 'Reconciled'),
  actor: 'officer',
  available: (ctx) => {
    const doc = docOf(ctx)
    return (
      ctx.isOfficer &&
      doc !== undefined &&
      doc.reconciliation === null &&
      ctx.now >= nextYearStart(doc.year, DEFAULT_CALENDAR)
    )
  },
  fields: () => ({}),
  fixed: (ctx) => ({ docId: ctx.row?.docId ?? '' }),
}

/** rules C-09, C-14, X-02: an anomaly closed: found, or handled as an incident; a gap names the bureau's report. */
export const resolveOutgoingAnomaly: OutgoingStep = {
  id: 'outgoing-anomaly-resolve',
  type: 'outgoing.anomaly_resolved',
  schema: outgoingAnomalyResolvedSchema,
  rule: 'C-09 / C-14',
  label: bi('处理异常', 'Resolve'),
  done: bi('已处理', 'Resolved'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && ctx.anomaly !== null && ctx.anomaly.resolvedAt === null,
  fields: (ctx) => ({
    outcome: {
      label: bi('处理结果', 'Outcome'),
      options: [
        { value: 'found', label: bi('已找回', 'Found') },
        { value: 'incident', label: bi('未找回，按泄密事件处理', 'Not found: an incident') },
      ],
    },
    note: { label: bi('查找情况', 'Note') },
    incidentId: {
      label: bi('泄密事件编号', 'Incident'),
      hint: bi('未找回时填写（规则 X-02）', 'When not found (rule X-02)'),
    },
    ...(ctx.anomaly?.kind === 'reconciliation_gap'
      ? {
          bureauReportRef: {
            label: bi('报保密局编号', 'Bureau report'),
            hint: bi('缺口须报市国家保密局处理（规则 C-09）', 'A gap is reported to the bureau (rule C-09)'),
          },
        }
      : {}),
  }),
  fixed: (ctx) => ({ anomalyId: ctx.anomaly?.id ?? '' }),
}
