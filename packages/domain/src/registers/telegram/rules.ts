import { distinctHands } from '../../core/approvals.ts'
import { directoryUser } from '../../core/key-directory.ts'
import { isStateSecret } from '../../core/levels.ts'
import type { SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import type { TelegramEventPayloads, TelegramEventType } from './events.ts'
import { PRECEDENCE_LABEL_ZH, requiresReportToHead, type TelegramPolicy } from './policy.ts'
import type { Telegram, TelegramWork } from './state.ts'

/** Block rules of the cipher telegram register. Each returns the refusal, or null to allow. */

export type TelegramSliceEvent<T extends TelegramEventType> = SliceEvent<T, TelegramEventPayloads[T]>

function unknownTelegram(id: string): DomainError {
  return domainError(
    'E-02',
    `电报 ${id} 未在收发电报登记本中登记（规则 E-02）`,
    `Telegram ${id} is not registered in the telegram book (rule E-02)`,
    { telegramId: id },
  )
}

function closed(t: Telegram): DomainError {
  return domainError(
    'TELEGRAM-CLOSED',
    `电报 ${t.serial} 已办结`,
    `Telegram ${t.serial} is already handled`,
    { telegramId: t.id },
  )
}

/** A received telegram still under handling (rule E-02: nothing happens to an unregistered one). */
function openReceived(work: TelegramWork, id: string): Telegram | DomainError {
  const t = work.telegrams.get(id)
  if (t === undefined || t.direction !== 'received') return unknownTelegram(id)
  if (t.state !== 'open') return closed(t)
  return t
}

function isError(x: Telegram | DomainError): x is DomainError {
  return 'code' in x
}

/** A designation names a user of this unit in the key directory. */
export function checkDesignation(
  event: TelegramSliceEvent<'telegram.duty_head_designated' | 'telegram.excerpter_designated'>,
  ctx: SliceContext,
): DomainError | null {
  const user = directoryUser(ctx.directory, event.payload.userId)
  if (user !== undefined && user.unit === ctx.unit) return null
  return domainError(
    'TELEGRAM-USER-UNKNOWN',
    `用户 ${event.payload.userId} 不是本单位用户`,
    `User ${event.payload.userId} is not a user of this unit`,
    { userId: event.payload.userId },
  )
}

/** rule E-02: registration of a received telegram, numbered once per book. */
export function checkReceived(
  work: TelegramWork,
  event: TelegramSliceEvent<'telegram.received'>,
): DomainError | null {
  const p = event.payload
  if (work.telegrams.has(p.telegramId))
    return domainError(
      'TELEGRAM-EXISTS',
      `电报标识 ${p.telegramId} 已存在`,
      `Telegram id ${p.telegramId} already exists`,
    )
  if (work.serials.has(`received:${p.serial}`))
    return domainError(
      'E-02',
      `收电登记编号 ${p.serial} 已被使用（规则 E-02）`,
      `Received-telegram serial ${p.serial} is already in use (rule E-02)`,
    )
  // A receipt cannot be registered before it happened; the deadlines run from receivedAt.
  if (p.receivedAt > event.atMs)
    return domainError(
      'E-02',
      '收电时间晚于登记时间（规则 E-02）',
      'The time of receipt is later than the registration (rule E-02)',
    )
  return null
}

/** rule E-01: the receipt (回单) of a registered telegram; a late one is recorded and shows as late. */
export function checkAcknowledged(
  work: TelegramWork,
  event: TelegramSliceEvent<'telegram.acknowledged'>,
): DomainError | null {
  const t = openReceived(work, event.payload.telegramId)
  return isError(t) ? t : null
}

/**
 * rule E-03: the report goes to a designated 机要室负责人, and to someone else than the reporter
 * (four eyes: a head who keeps the book does not report to themself; another officer reports).
 */
export function checkReportedToHead(
  work: TelegramWork,
  event: TelegramSliceEvent<'telegram.reported_to_head'>,
): DomainError | null {
  const t = openReceived(work, event.payload.telegramId)
  if (isError(t)) return t
  if (work.dutyHeads.has(event.payload.head))
    return distinctHands('E-03', [
      { zh: '报告人', en: 'reporter', person: event.actor },
      { zh: '机要室负责人', en: 'head of the confidential office', person: event.payload.head },
    ])
  return domainError(
    'E-03',
    `${event.payload.head} 不是已指定的机要室负责人（规则 E-03）`,
    `${event.payload.head} is not a designated head of the confidential office (rule E-03)`,
    { head: event.payload.head },
  )
}

/** rule E-06: presence is signed by the designated head personally. */
export function checkHeadPresent(
  work: TelegramWork,
  event: TelegramSliceEvent<'telegram.head_present'>,
): DomainError | null {
  const t = openReceived(work, event.payload.telegramId)
  if (isError(t)) return t
  if (work.dutyHeads.has(event.actor)) return null
  return domainError(
    'E-06',
    '坐镇指挥须由已指定的机要室负责人本人签署（规则 E-06）',
    'Presence must be signed by a designated head of the confidential office in person (rule E-06)',
    { actor: event.actor },
  )
}

/**
 * rules E-01, E-03, E-06: closing. Choices (an inspector reads the closed entry as complete):
 * the receipt (回单) is recorded first (E-01), a telegram needing the report has it (E-03), and a
 * 预警通知 has the head's recorded presence (E-06). Closing late is allowed and shows as late.
 */
export function checkHandled(
  work: TelegramWork,
  event: TelegramSliceEvent<'telegram.handled'>,
): DomainError | null {
  const t = openReceived(work, event.payload.telegramId)
  if (isError(t)) return t
  if (t.acknowledgedAt === null)
    return domainError(
      'E-01',
      `电报 ${t.serial} 未登记回单，不能办结（规则 E-01）`,
      `Telegram ${t.serial} has no recorded receipt acknowledgement and cannot be closed (rule E-01)`,
      { telegramId: t.id },
    )
  if (requiresReportToHead(t.precedence, t.important) && t.reportedAt === null)
    return domainError(
      'E-03',
      `${t.important ? '重要内容' : PRECEDENCE_LABEL_ZH[t.precedence]}电报 ${t.serial} 须先向机要室负责人报告（规则 E-03）`,
      `Telegram ${t.serial} must be reported to the head of the confidential office before it is closed (rule E-03)`,
      { telegramId: t.id },
    )
  if (t.earlyWarning && t.headPresentAt === null)
    return domainError(
      'E-06',
      `预警通知电报 ${t.serial} 须有机要室负责人坐镇指挥的记录方可办结（规则 E-06）`,
      `Early-warning telegram ${t.serial} cannot be closed without the head's recorded presence (rule E-06)`,
      { telegramId: t.id },
    )
  return null
}

/**
 * rules E-02, E-04: a sent telegram. A reply answers a registered received telegram and goes in
 * cipher (密来密去). Choice: a state secret never goes by plain telegram or phone either, reply or not
 * (003 范本一 二: 不用公用电话、明码电报办理秘密事项), also refused under E-04.
 */
export function checkSent(
  work: TelegramWork,
  event: TelegramSliceEvent<'telegram.sent'>,
): DomainError | null {
  const p = event.payload
  if (work.telegrams.has(p.telegramId))
    return domainError(
      'TELEGRAM-EXISTS',
      `电报标识 ${p.telegramId} 已存在`,
      `Telegram id ${p.telegramId} already exists`,
    )
  if (work.serials.has(`sent:${p.serial}`))
    return domainError(
      'E-02',
      `发电登记编号 ${p.serial} 已被使用（规则 E-02）`,
      `Sent-telegram serial ${p.serial} is already in use (rule E-02)`,
    )
  if (p.replyTo !== undefined) {
    const original = work.telegrams.get(p.replyTo)
    if (original === undefined || original.direction !== 'received') return unknownTelegram(p.replyTo)
  }
  if (p.channel !== 'cipher' && (p.replyTo !== undefined || isStateSecret(p.level)))
    return domainError(
      'E-04',
      '密码电报须密来密去，不得以明码电报或电话回复（规则 E-04）',
      'A cipher telegram is answered in cipher, never by plain telegram or phone (rule E-04)',
      { channel: p.channel },
    )
  return null
}

function registered(work: TelegramWork, id: string): Telegram | DomainError {
  return work.telegrams.get(id) ?? unknownTelegram(id)
}

/** rule E-05: excerpts only by a designated person. */
export function checkExcerpted(
  work: TelegramWork,
  event: TelegramSliceEvent<'telegram.excerpted'>,
): DomainError | null {
  const t = registered(work, event.payload.telegramId)
  if (isError(t)) return t
  if (t.excerpts.some((e) => e.excerptId === event.payload.excerptId))
    return domainError(
      'TELEGRAM-EXISTS',
      `摘录 ${event.payload.excerptId} 已登记`,
      `Excerpt ${event.payload.excerptId} is already registered`,
    )
  if (work.excerpters.has(event.actor)) return null
  return domainError(
    'E-05',
    '密码电报只能由指定人员摘录（规则 E-05）',
    'Cipher telegrams are excerpted only by a designated person (rule E-05)',
    { actor: event.actor },
  )
}

/** rule E-05: never copied by default; with policy, only against the superior's recorded approval. */
export function checkCopyRequested(
  work: TelegramWork,
  event: TelegramSliceEvent<'telegram.copy_requested'>,
  policy: TelegramPolicy,
): DomainError | null {
  const t = registered(work, event.payload.telegramId)
  if (isError(t)) return t
  if (policy.allowCopyWithSuperiorApproval && event.payload.superiorApprovalRef !== undefined) return null
  return domainError(
    'E-05',
    policy.allowCopyWithSuperiorApproval
      ? '复制密码电报须有上级批准记录（规则 E-05）'
      : '严禁自行复制密码电报（规则 E-05）',
    policy.allowCopyWithSuperiorApproval
      ? "Copying a cipher telegram needs the superior's recorded approval (rule E-05)"
      : 'Cipher telegrams are never copied (rule E-05)',
    { telegramId: t.id },
  )
}

const CARRY_OUT_ZH = { print: '翻印成文件', carry_out: '携带外出', mail: '邮寄' } as const

/** rule E-05: never printed as a document, carried out or mailed (not even as 机要信件 or 平信). */
export function checkCarryOutRequested(
  work: TelegramWork,
  event: TelegramSliceEvent<'telegram.carry_out_requested'>,
): DomainError {
  const t = registered(work, event.payload.telegramId)
  if (isError(t)) return t
  return domainError(
    'E-05',
    `密码电报不得${CARRY_OUT_ZH[event.payload.mode]}（规则 E-05）`,
    'Cipher telegrams are never printed as documents, carried out or mailed (rule E-05)',
    { telegramId: t.id, mode: event.payload.mode },
  )
}
