import { distinctHands, requirePost } from '../../core/approvals.ts'
import { LEVEL_LABEL_ZH } from '../../core/levels.ts'
import type { SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import type { UnitPost } from '../../core/unit-view.ts'
import { localDay, type WorkCalendar } from '../../core/work-calendar.ts'
import type { OutgoingEventPayloads, OutgoingEventType, SendChannel } from './events.ts'
import type { OutgoingPolicy } from './policy.ts'
import type { CopyStatus, OutgoingDocument } from './records.ts'
import type { OutgoingWork } from './state.ts'

/**
 * Block rules of the outgoing register: signing-out, registration and sending (rule C-15) and the
 * accounting of copies (rule C-09). Each returns the refusal, or null to allow.
 */

export type OutgoingSliceEvent<T extends OutgoingEventType> = SliceEvent<T, OutgoingEventPayloads[T]>

/** A refusal naming its rule in both languages. */
export function refuse(
  rule: string,
  zh: string,
  en: string,
  details?: Readonly<Record<string, unknown>>,
): DomainError {
  return domainError(rule, `${zh}（规则 ${rule}）`, `${en} (rule ${rule})`, details)
}

export function exists(kind: string, id: string): DomainError {
  return domainError('OUTGOING-EXISTS', `${kind}标识 ${id} 已存在`, `Id ${id} already exists`, { id })
}

export function unknownDocument(id: string): DomainError {
  return refuse(
    'C-15',
    `发文登记中没有三密文件 ${id}`,
    `No outgoing classified document ${id} in the register`,
    { docId: id },
  )
}

/** The first item listed twice, or undefined when all are distinct. */
export function firstRepeat<T>(items: readonly T[]): T | undefined {
  const seen = new Set<T>()
  for (const item of items) {
    if (seen.has(item)) return item
    seen.add(item)
  }
  return undefined
}

/**
 * rules C-15, B-04: a leader signs the document out; the main leader (first_responsible in the
 * organisation register at the event's time) unless the county allows the 分管领导.
 */
export function checkApproved(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.approved'>,
  policy: OutgoingPolicy,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  if (work.approvals.has(p.approvalId)) return exists('批准', p.approvalId)
  const posts: UnitPost[] = policy.allowInChargeLeaderApproval
    ? ['first_responsible', 'responsible_leader']
    : ['first_responsible']
  const post = requirePost('C-15', ctx.view, event.actor, posts)
  if (post !== null) return post
  const repeated = firstRepeat(p.recipients.map((r) => r.recipientId))
  if (repeated !== undefined)
    return refuse('C-15', `分发范围中收文单位 ${repeated} 重复`, `Recipient ${repeated} is listed twice`)
  return null
}

/**
 * rule C-15: registration in the 发文登记 against the leader's approval for this document, granted before.
 * An approval names one document and a document is registered once, so each approval is used once.
 */
export function checkIssued(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.issued'>,
  calendar: WorkCalendar,
): DomainError | null {
  const p = event.payload
  if (work.documents.has(p.docId)) return exists('文件', p.docId)
  if (work.sequenceNos.has(p.sequenceNo))
    return refuse('C-15', `发文顺序号 ${p.sequenceNo} 已被使用`, `Sequence number ${p.sequenceNo} is in use`)
  // The 发文顺序号 runs per year: `YYYY-NNNN` of the year of issue.
  const year = localDay(event.atMs, calendar).year
  if (!p.sequenceNo.startsWith(`${year}-`))
    return refuse(
      'C-15',
      `发文顺序号按年编排，应为 ${year}-NNNN`,
      `Sequence numbers run per year: ${year}-NNNN`,
      { sequenceNo: p.sequenceNo },
    )
  const approval = work.approvals.get(p.approvalId)
  if (approval === undefined || approval.docId !== p.docId || approval.at > event.atMs)
    return refuse(
      'C-15',
      `文件 ${p.docId} 没有领导签发批准 ${p.approvalId}`,
      `Document ${p.docId} has no leader's approval ${p.approvalId}`,
      { approvalId: p.approvalId },
    )
  // Four eyes: whoever signs the document out does not also register it (签发 and 登记 are two hands).
  return distinctHands('C-15', [
    { zh: '签发人', en: 'signer', person: approval.by },
    { zh: '发文登记人', en: 'registrar', person: event.actor },
  ])
}

const CHANNEL_ZH: Readonly<Record<SendChannel, string>> = {
  confidential_courier: '机要交通',
  designated_person: '专人递送',
  ordinary_post: '普通邮件',
  registered_post: '挂号邮寄',
  exchange_station: '文件交换站',
  entrusted: '托人携带',
  public_fax: '公共传真',
  internet: '互联网',
}
const CHANNEL_EN: Readonly<Record<SendChannel, string>> = {
  confidential_courier: 'confidential courier',
  designated_person: 'a designated person',
  ordinary_post: 'ordinary post',
  registered_post: 'registered post',
  exchange_station: 'a document exchange station',
  entrusted: 'entrusting someone else to carry it',
  public_fax: 'public fax',
  internet: 'the internet',
}

/** Copies of `doc` that are all in `status` (and, when given, with `recipientId`), or the refusal. */
export function checkCopies(
  doc: OutgoingDocument,
  numbers: readonly number[],
  status: CopyStatus | readonly CopyStatus[],
  recipientId: string | null,
  rule: string,
): DomainError | null {
  const repeated = firstRepeat(numbers)
  if (repeated !== undefined)
    return refuse(rule, `份号 ${repeated} 重复`, `Copy number ${repeated} is listed twice`)
  const allowed: readonly CopyStatus[] = typeof status === 'string' ? [status] : status
  for (const n of numbers) {
    const copy = doc.copies.find((c) => c.number === n)
    if (
      copy === undefined ||
      !allowed.includes(copy.status) ||
      (recipientId !== null && copy.recipientId !== recipientId)
    )
      return refuse(
        rule,
        recipientId === null
          ? `文件 ${doc.sequenceNo} 第 ${n} 份不在本单位保管中`
          : `文件 ${doc.sequenceNo} 第 ${n} 份不在收文单位 ${recipientId} 处`,
        recipientId === null
          ? `Copy ${n} of ${doc.sequenceNo} is not in this unit's custody`
          : `Copy ${n} of ${doc.sequenceNo} is not with recipient ${recipientId}`,
        { docId: doc.id, copyNumber: n, status: copy?.status ?? null },
      )
  }
  return null
}

/**
 * rule C-15: copies go by 机要交通 (with its receipt number) or by a designated person with a signed
 * hand-over (交接签字); a local recipient signs on receipt (收文签字) whatever the channel; only to a
 * recipient in the approved distribution; ordinary or registered post, the exchange station, entrusting
 * others, public fax and the internet are refused.
 */
export function checkSent(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.sent'>,
): DomainError | null {
  const p = event.payload
  if (work.sends.has(p.sendId)) return exists('发送', p.sendId)
  const doc = work.documents.get(p.docId)
  if (doc === undefined) return unknownDocument(p.docId)
  if (p.channel !== 'confidential_courier' && p.channel !== 'designated_person')
    return refuse(
      'C-15',
      `三密文件不得通过${CHANNEL_ZH[p.channel]}传递，须经机要交通或指派专人递送`,
      `Classified documents never go by ${CHANNEL_EN[p.channel]}: only by confidential courier or a designated person`,
      { channel: p.channel },
    )
  const recipient = doc.recipients.find((r) => r.recipientId === p.recipientId)
  if (recipient === undefined)
    return refuse(
      'C-15',
      `${p.recipientId} 不在批准的分发范围内`,
      `${p.recipientId} is outside the approved distribution`,
      { recipientId: p.recipientId },
    )
  const copies = checkCopies(doc, p.copyNumbers, 'here', null, 'C-15')
  if (copies !== null) return copies
  if (p.channel === 'confidential_courier' && p.courierRef === undefined)
    return refuse(
      'C-15',
      '机要交通寄发须登记机要交通回执号',
      'A confidential courier send records its receipt number',
    )
  if (p.channel === 'designated_person' && (p.bearer === undefined || p.signedBy === undefined))
    return refuse(
      'C-15',
      '派人送达须登记递送人并履行交接签字手续',
      'Delivery by a designated person records the bearer and the signed hand-over',
    )
  if (recipient.local && p.signedBy === undefined)
    return refuse(
      'C-15',
      `发往市内的${LEVEL_LABEL_ZH[doc.level]}文件须履行收文签字手续`,
      'A local recipient signs on receipt',
      { recipientId: p.recipientId },
    )
  // Four eyes on the hand-over (交接签字): the receiving side's signature is not the sender's or bearer's.
  if (p.signedBy === undefined) return null
  return distinctHands('C-15', [
    { zh: '发文人', en: 'sender', person: event.actor },
    ...(p.bearer === undefined ? [] : [{ zh: '递送人', en: 'bearer', person: p.bearer }]),
    { zh: '签收人', en: 'receiving signer', person: p.signedBy },
  ])
}

/** rule C-09: copies kept in this unit's archive (本单位存档) come from its custody. */
export function checkArchivedHere(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.archived_here'>,
): DomainError | null {
  const doc = work.documents.get(event.payload.docId)
  if (doc === undefined) return unknownDocument(event.payload.docId)
  return checkCopies(doc, event.payload.copyNumbers, 'here', null, 'C-09')
}

/** rule C-09: a recipient's 存档清单 lists copies sent to that recipient. */
export function checkRecipientArchiveFiled(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.recipient_archive_filed'>,
): DomainError | null {
  const p = event.payload
  if (work.accounts.has(`list:${p.listId}`)) return exists('存档清单', p.listId)
  const doc = work.documents.get(p.docId)
  if (doc === undefined) return unknownDocument(p.docId)
  return checkCopies(doc, p.copyNumbers, 'sent', p.recipientId, 'C-09')
}

/** rule C-09: copies returned (清退回收) by the recipient they were sent to, archived there or not. */
export function checkCopiesRecovered(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.copies_recovered'>,
): DomainError | null {
  const p = event.payload
  if (work.accounts.has(`recovery:${p.recoveryId}`)) return exists('清退回收', p.recoveryId)
  const doc = work.documents.get(p.docId)
  if (doc === undefined) return unknownDocument(p.docId)
  return checkCopies(doc, p.copyNumbers, ['sent', 'archived_at_recipient'], p.recipientId, 'C-09')
}
