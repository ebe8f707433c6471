import { LEVEL_LABEL_EN, LEVEL_LABEL_ZH, LEVELS } from '@secledger/domain'
import {
  PRECEDENCE_LABEL_ZH,
  type Telegram,
  TelegramPrecedence,
  telegramAcknowledgedSchema,
  telegramCopyRequestedSchema,
  telegramDutyHeadDesignatedSchema,
  telegramExcerptedSchema,
  telegramHandledSchema,
  telegramHeadPresentSchema,
  telegramReceivedSchema,
  telegramReportedToHeadSchema,
  telegramSentSchema,
} from '@secledger/domain/registers/telegram'
import type { FieldOption } from '@secledger/ui/logic'
import type { PageBase } from '../page-config.ts'
import { nextTelegramSerial, type TelegramRow } from '../telegram/telegram-rows.ts'
import { bi, displayName, newEntityId, type Step } from './workflow.ts'

/** What the telegram page knows when it offers a step (rules E-01..E-06): the page, or one telegram. */
export interface TelegramContext extends PageBase {
  readonly row: TelegramRow | null
}

export type TelegramStep = Step<TelegramContext>

const PRECEDENCE_EN: Readonly<Record<TelegramPrecedence, string>> = {
  routine: 'Routine',
  urgent: 'Urgent',
  very_urgent: 'Very urgent',
  flash: 'Flash',
}
const precedenceOptions: FieldOption[] = Object.values(TelegramPrecedence).map((p) => ({
  value: p,
  label: bi(PRECEDENCE_LABEL_ZH[p], PRECEDENCE_EN[p]),
}))
const levelOptions: FieldOption[] = LEVELS.map((level) => ({
  value: level,
  label: bi(LEVEL_LABEL_ZH[level], LEVEL_LABEL_EN[level]),
}))

const telegramOf = (ctx: TelegramContext): Telegram | null => ctx.row?.telegram ?? null
const openReceived = (ctx: TelegramContext) => {
  const t = telegramOf(ctx)
  return t !== null && t.direction === 'received' && t.state === 'open' ? t : null
}
const ref = (ctx: TelegramContext) => ({ telegramId: ctx.row?.id ?? '' })
const heads = (ctx: TelegramContext) => [...ctx.state.registers.telegram.dutyHeads.keys()]

/** rule E-02: a received telegram is registered; the deadlines run from its time of receipt. */
export const receiveTelegram: TelegramStep = {
  id: 'telegram-receive',
  type: 'telegram.received',
  schema: telegramReceivedSchema,
  rule: 'E-02',
  label: bi('登记收电', 'Register received'),
  done: bi('收电已登记，回单应在 15 分钟内发出', 'Registered; the receipt is due within 15 minutes'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer,
  fields: () => ({
    serial: { label: bi('收电编号', 'Serial') },
    fromUnit: { label: bi('来电单位', 'From') },
    docNumber: { label: bi('电报号', 'Telegram number') },
    level: { label: bi('密级', 'Level'), options: levelOptions },
    precedence: { label: bi('等级', 'Precedence'), options: precedenceOptions },
    important: { label: bi('重要内容', 'Important content') },
    earlyWarning: { label: bi('预警通知', 'Early warning') },
    receivedAt: { label: bi('收电时间', 'Received at'), kind: 'datetime' },
  }),
  initial: (ctx, values) => ({
    ...values,
    serial: nextTelegramSerial(ctx.state, 'received', ctx.now),
    level: '',
    precedence: '',
    receivedAt: ctx.now,
  }),
  fixed: () => ({ telegramId: newEntityId('tg') }),
}

function sentFields(ctx: TelegramContext) {
  const replyOptions = [...ctx.state.registers.telegram.telegrams.values()]
    .filter((t) => t.direction === 'received')
    .sort((a, b) => b.at - a.at)
    .map((t) => ({
      value: t.id,
      label: bi(`${t.serial} · ${t.counterpart}`, `${t.serial} · ${t.counterpart}`),
    }))
  return {
    serial: { label: bi('发电编号', 'Serial') },
    toUnit: { label: bi('发往单位', 'To') },
    docNumber: { label: bi('电报号', 'Telegram number') },
    level: { label: bi('密级', 'Level'), options: levelOptions },
    precedence: { label: bi('等级', 'Precedence'), options: precedenceOptions },
    channel: {
      label: bi('方式', 'Channel'),
      options: [
        { value: 'cipher', label: bi('密码电报', 'Cipher') },
        { value: 'plain', label: bi('明码电报', 'Plain telegram') },
        { value: 'phone', label: bi('电话', 'Phone') },
      ],
      hint: bi(
        '密来密去：回复密码电报只能用密码电报（规则 E-04）',
        'A cipher telegram is answered in cipher (rule E-04)',
      ),
    },
    replyTo: { label: bi('回复的来电', 'In reply to'), options: replyOptions },
    sentAt: { label: bi('发电时间', 'Sent at'), kind: 'datetime' as const },
  }
}

/** rules E-02, E-04: a sent telegram is registered; a reply goes in cipher. */
export const sendTelegram: TelegramStep = {
  id: 'telegram-send',
  type: 'telegram.sent',
  schema: telegramSentSchema,
  rule: 'E-04',
  label: bi('登记发电', 'Register sent'),
  done: bi('发电已登记', 'Registered'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && ctx.row === null,
  fields: sentFields,
  initial: (ctx, values) => ({
    ...values,
    serial: nextTelegramSerial(ctx.state, 'sent', ctx.now),
    level: '',
    precedence: '',
    channel: '',
    sentAt: ctx.now,
  }),
  fixed: () => ({ telegramId: newEntityId('tg') }),
}

/** The same registration, offered on a received telegram: the reply names it. */
export const replyTelegram: TelegramStep = {
  ...sendTelegram,
  id: 'telegram-reply',
  label: bi('回复', 'Reply'),
  available: (ctx) => ctx.isOfficer && telegramOf(ctx)?.direction === 'received',
  fields: (ctx) => {
    const { replyTo: _fixedByRow, ...rest } = sentFields(ctx)
    return rest
  },
  initial: (ctx, values) => ({
    ...(sendTelegram.initial?.(ctx, values) ?? values),
    toUnit: ctx.row?.counterpart ?? '',
    level: ctx.row?.level ?? '',
  }),
  fixed: (ctx) => ({ telegramId: newEntityId('tg'), replyTo: ctx.row?.id ?? '' }),
}

/** rule E-01: the receipt (回单) went back; recorded at this moment, late if after 15 minutes. */
export const acknowledgeTelegram: TelegramStep = {
  id: 'telegram-ack',
  type: 'telegram.acknowledged',
  schema: telegramAcknowledgedSchema,
  rule: 'E-01',
  label: bi('登记回单', 'Record receipt'),
  done: bi('回单已登记', 'Receipt recorded'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && openReceived(ctx)?.acknowledgedAt === null,
  fields: () => ({}),
  fixed: ref,
}

/** rule E-03: 特急 and above, or 重要内容, reported to a designated 机要室负责人. */
export const reportToHead: TelegramStep = {
  id: 'telegram-report',
  type: 'telegram.reported_to_head',
  schema: telegramReportedToHeadSchema,
  rule: 'E-03',
  label: bi('报告机要室负责人', 'Report to the head'),
  done: bi('已报告', 'Reported'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && openReceived(ctx)?.reportedAt === null,
  fields: (ctx) => ({
    head: {
      label: bi('机要室负责人', 'Head of the confidential office'),
      options: heads(ctx).map((id) => {
        const name = displayName(ctx.directory, id)
        return { value: id, label: bi(name, name) }
      }),
      hint: bi('由单位领导指定；报告人不能是负责人本人', 'Designated by a leader; not the reporter themself'),
    },
  }),
  initial: (ctx, values) => ({ ...values, head: heads(ctx).length === 1 ? heads(ctx)[0] : '' }),
  fixed: ref,
}

/** rule E-06: the head's presence for a 预警通知, signed by the head personally. */
export const headPresent: TelegramStep = {
  id: 'telegram-present',
  type: 'telegram.head_present',
  schema: telegramHeadPresentSchema,
  rule: 'E-06',
  label: bi('登记坐镇指挥', 'Record presence'),
  done: bi('已登记坐镇指挥', 'Presence recorded'),
  actor: 'leader',
  available: (ctx) => {
    const t = openReceived(ctx)
    return t?.earlyWarning === true && t.headPresentAt === null && (ctx.isOfficer || ctx.isLeader)
  },
  fields: () => ({}),
  fixed: ref,
}

/** rule E-03: handling completed (办结); the domain asks for the receipt, the report and the presence first. */
export const handleTelegram: TelegramStep = {
  id: 'telegram-handled',
  type: 'telegram.handled',
  schema: telegramHandledSchema,
  rule: 'E-03',
  label: bi('办结', 'Close'),
  done: bi('已办结', 'Closed'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && openReceived(ctx) !== null,
  fields: () => ({}),
  fixed: ref,
}

/** rule E-05: an excerpt (摘录), only by a person a leader designated. */
export const excerptTelegram: TelegramStep = {
  id: 'telegram-excerpt',
  type: 'telegram.excerpted',
  schema: telegramExcerptedSchema,
  rule: 'E-05',
  label: bi('登记摘录', 'Record an excerpt'),
  done: bi('摘录已登记', 'Excerpt recorded'),
  actor: 'officer',
  available: (ctx) => telegramOf(ctx)?.direction === 'received',
  fields: () => ({}),
  fixed: (ctx) => ({ ...ref(ctx), excerptId: newEntityId('ex') }),
}

/** rule E-05: copying is refused by default (非机要部门不得复印); offered so the refusal is shown and logged. */
export const copyTelegram: TelegramStep = {
  id: 'telegram-copy',
  type: 'telegram.copy_requested',
  schema: telegramCopyRequestedSchema,
  rule: 'E-05',
  label: bi('复印', 'Copy'),
  done: bi('复印已登记', 'Copy recorded'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && telegramOf(ctx) !== null,
  fields: () => ({ superiorApprovalRef: { label: bi('上级批准文号', "Superior's approval") } }),
  fixed: ref,
}

/** rules E-03, E-06: a leader names the 机要室负责人. */
export const designateHead: TelegramStep = {
  id: 'telegram-head',
  type: 'telegram.duty_head_designated',
  schema: telegramDutyHeadDesignatedSchema,
  rule: 'E-03',
  label: bi('指定机要室负责人', 'Designate the head'),
  done: bi('已指定', 'Designated'),
  actor: 'leader',
  available: (ctx) => ctx.isLeader && ctx.row === null,
  fields: (ctx) => ({
    userId: {
      label: bi('机要室负责人', 'Head of the confidential office'),
      options: Object.values(ctx.directory?.users ?? {})
        .filter((u) => u.unit === ctx.directory?.users[ctx.userId]?.unit)
        .map((u) => ({ value: u.id, label: bi(u.displayName, u.displayName) })),
    },
  }),
  fixed: () => ({}),
}

export const TELEGRAM_PAGE_STEPS: readonly TelegramStep[] = [receiveTelegram, sendTelegram, designateHead]
export const TELEGRAM_ROW_STEPS: readonly TelegramStep[] = [
  acknowledgeTelegram,
  reportToHead,
  headPresent,
  handleTelegram,
  replyTelegram,
  excerptTelegram,
  copyTelegram,
]
