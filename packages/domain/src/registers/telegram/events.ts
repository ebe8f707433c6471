import { z } from 'zod'
import { Level } from '../../core/levels.ts'
import type { EventDefinition } from '../../core/register-slice.ts'
import { Role } from '../../core/roles.ts'
import { TelegramPrecedence } from './policy.ts'

/**
 * Events of the cipher telegram register (收发电报登记本, rules E-01..E-06) and their payload schemas.
 * Strict objects, metadata only (rule S-01): numbers, units, levels and times, never the telegram's text.
 */
export const TelegramEventType = {
  DutyHeadDesignated: 'telegram.duty_head_designated',
  ExcerpterDesignated: 'telegram.excerpter_designated',
  Received: 'telegram.received',
  Acknowledged: 'telegram.acknowledged',
  ReportedToHead: 'telegram.reported_to_head',
  HeadPresent: 'telegram.head_present',
  Handled: 'telegram.handled',
  Sent: 'telegram.sent',
  Excerpted: 'telegram.excerpted',
  CopyRequested: 'telegram.copy_requested',
  CarryOutRequested: 'telegram.carry_out_requested',
} as const
export type TelegramEventType = (typeof TelegramEventType)[keyof typeof TelegramEventType]

const ID = /^[A-Za-z0-9_.:-]{1,64}$/
const entityId = z.string().regex(ID)
const shortText = z.string().max(200)
const ms = z.number().int().nonnegative()
const levelSchema = z.enum([
  Level.TopSecret,
  Level.Secret,
  Level.Confidential,
  Level.WorkSecret,
  Level.Internal,
  Level.Public,
])
const precedenceSchema = z.enum([
  TelegramPrecedence.Routine,
  TelegramPrecedence.Urgent,
  TelegramPrecedence.VeryUrgent,
  TelegramPrecedence.Flash,
])
/** 登记编号 `YYYY-NNNN`, numbered per direction (收电 / 发电) and year. */
const serialSchema = z.string().regex(/^\d{4}-\d{1,8}$/)

/** A leader names the 机要室负责人 (rules E-03, E-06). */
export const telegramDutyHeadDesignatedSchema = z.strictObject({ userId: entityId })
export type TelegramDutyHeadDesignated = z.infer<typeof telegramDutyHeadDesignatedSchema>

/** A leader names a person allowed to excerpt telegrams (rule E-05). */
export const telegramExcerpterDesignatedSchema = z.strictObject({ userId: entityId })
export type TelegramExcerpterDesignated = z.infer<typeof telegramExcerpterDesignatedSchema>

/** rule E-02: a received telegram is registered. */
export const telegramReceivedSchema = z.strictObject({
  telegramId: entityId,
  serial: serialSchema,
  fromUnit: shortText.min(1),
  docNumber: shortText,
  level: levelSchema,
  precedence: precedenceSchema,
  /** 重要内容 (rule E-03). */
  important: z.boolean(),
  /** 预警通知 (rule E-06). */
  earlyWarning: z.boolean(),
  receivedAt: ms,
})
export type TelegramReceived = z.infer<typeof telegramReceivedSchema>

const telegramRef = z.strictObject({ telegramId: entityId })

/** rule E-01: the receipt (回单) went back to the sender; the event's time is the time of the receipt. */
export const telegramAcknowledgedSchema = telegramRef
export type TelegramAcknowledged = z.infer<typeof telegramAcknowledgedSchema>

/** rule E-03: reported to the 机要室负责人 `head`. */
export const telegramReportedToHeadSchema = z.strictObject({ telegramId: entityId, head: entityId })
export type TelegramReportedToHead = z.infer<typeof telegramReportedToHeadSchema>

/** rule E-06: the head's presence (坐镇指挥), signed by the head. */
export const telegramHeadPresentSchema = telegramRef
export type TelegramHeadPresent = z.infer<typeof telegramHeadPresentSchema>

/** rule E-03: handling completed (办结); closes the telegram. */
export const telegramHandledSchema = telegramRef
export type TelegramHandled = z.infer<typeof telegramHandledSchema>

/** rules E-02, E-04: a sent telegram is registered; a reply names the telegram it answers. */
export const telegramSentSchema = z.strictObject({
  telegramId: entityId,
  serial: serialSchema,
  toUnit: shortText.min(1),
  docNumber: shortText,
  level: levelSchema,
  precedence: precedenceSchema,
  channel: z.enum(['cipher', 'plain', 'phone']),
  replyTo: entityId.optional(),
  sentAt: ms,
})
export type TelegramSent = z.infer<typeof telegramSentSchema>

/** rule E-05: an excerpt (摘录), by a designated person (the actor). */
export const telegramExcerptedSchema = z.strictObject({ telegramId: entityId, excerptId: entityId })
export type TelegramExcerpted = z.infer<typeof telegramExcerptedSchema>

/** rule E-05: a copy, allowed only by policy and with the superior's recorded approval. */
export const telegramCopyRequestedSchema = z.strictObject({
  telegramId: entityId,
  superiorApprovalRef: shortText.min(1).optional(),
})
export type TelegramCopyRequested = z.infer<typeof telegramCopyRequestedSchema>

/** rule E-05: printing as a document, carrying out or mailing; always refused. */
export const telegramCarryOutRequestedSchema = z.strictObject({
  telegramId: entityId,
  mode: z.enum(['print', 'carry_out', 'mail']),
})
export type TelegramCarryOutRequested = z.infer<typeof telegramCarryOutRequestedSchema>

export interface TelegramEventPayloads {
  'telegram.duty_head_designated': TelegramDutyHeadDesignated
  'telegram.excerpter_designated': TelegramExcerpterDesignated
  'telegram.received': TelegramReceived
  'telegram.acknowledged': TelegramAcknowledged
  'telegram.reported_to_head': TelegramReportedToHead
  'telegram.head_present': TelegramHeadPresent
  'telegram.handled': TelegramHandled
  'telegram.sent': TelegramSent
  'telegram.excerpted': TelegramExcerpted
  'telegram.copy_requested': TelegramCopyRequested
  'telegram.carry_out_requested': TelegramCarryOutRequested
}

function def<P>(schema: z.ZodType<P>, roles: readonly Role[]): EventDefinition<P> {
  return { schema, roles }
}

/**
 * Schemas and signing roles. The officer keeps the register; a leader designates; the head signs
 * its own presence (the head may be an officer or a leader, checked against the designation); an
 * excerpter may be any unit member, checked against the designation.
 */
export const telegramEvents = {
  'telegram.duty_head_designated': def(telegramDutyHeadDesignatedSchema, [Role.Leader]),
  'telegram.excerpter_designated': def(telegramExcerpterDesignatedSchema, [Role.Leader]),
  'telegram.received': def(telegramReceivedSchema, [Role.Officer]),
  'telegram.acknowledged': def(telegramAcknowledgedSchema, [Role.Officer]),
  'telegram.reported_to_head': def(telegramReportedToHeadSchema, [Role.Officer]),
  'telegram.head_present': def(telegramHeadPresentSchema, [Role.Officer, Role.Leader]),
  'telegram.handled': def(telegramHandledSchema, [Role.Officer]),
  'telegram.sent': def(telegramSentSchema, [Role.Officer]),
  'telegram.excerpted': def(telegramExcerptedSchema, [Role.Officer, Role.Leader, Role.Staff]),
  'telegram.copy_requested': def(telegramCopyRequestedSchema, [Role.Officer]),
  'telegram.carry_out_requested': def(telegramCarryOutRequestedSchema, [
    Role.Officer,
    Role.Leader,
    Role.Staff,
  ]),
} as const satisfies Record<TelegramEventType, EventDefinition>

export function isTelegramEventType(type: string): type is TelegramEventType {
  return Object.hasOwn(telegramEvents, type)
}
