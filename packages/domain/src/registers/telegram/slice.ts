import type { RegisterSlice, SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { isTelegramEventType, type TelegramEventType, telegramEvents } from './events.ts'
import { DEFAULT_TELEGRAM_POLICY, type TelegramPolicy } from './policy.ts'
import {
  checkAcknowledged,
  checkCarryOutRequested,
  checkCopyRequested,
  checkDesignation,
  checkExcerpted,
  checkHandled,
  checkHeadPresent,
  checkReceived,
  checkReportedToHead,
  checkSent,
  type TelegramSliceEvent,
} from './rules.ts'
import {
  emptyTelegramWork,
  forkTelegramWork,
  type Telegram,
  type TelegramState,
  type TelegramWork,
  viewTelegramWork,
} from './state.ts'

/** The unit fold has parsed the payload against `telegramEvents[type].schema` before the slice sees it. */
function typed<T extends TelegramEventType>(event: SliceEvent, _type: T): TelegramSliceEvent<T> {
  return event as TelegramSliceEvent<T>
}

function checkTelegramEvent(
  work: TelegramWork,
  event: SliceEvent,
  ctx: SliceContext,
  policy: TelegramPolicy,
): DomainError | null {
  const type = event.type
  if (!isTelegramEventType(type))
    return domainError('TELEGRAM-UNKNOWN-TYPE', `未知事件类型 ${type}`, `Unknown event type ${type}`)
  switch (type) {
    case 'telegram.duty_head_designated':
    case 'telegram.excerpter_designated':
      return checkDesignation(typed(event, type), ctx)
    case 'telegram.received':
      return checkReceived(work, typed(event, type))
    case 'telegram.acknowledged':
      return checkAcknowledged(work, typed(event, type))
    case 'telegram.reported_to_head':
      return checkReportedToHead(work, typed(event, type))
    case 'telegram.head_present':
      return checkHeadPresent(work, typed(event, type))
    case 'telegram.handled':
      return checkHandled(work, typed(event, type))
    case 'telegram.sent':
      return checkSent(work, typed(event, type))
    case 'telegram.excerpted':
      return checkExcerpted(work, typed(event, type))
    case 'telegram.copy_requested':
      return checkCopyRequested(work, typed(event, type), policy)
    case 'telegram.carry_out_requested':
      return checkCarryOutRequested(work, typed(event, type))
  }
}

function update(work: TelegramWork, id: string, change: (t: Telegram) => Telegram): void {
  const t = work.telegrams.get(id)
  if (t !== undefined) work.telegrams.set(id, change(t))
}

/** Applies an event that passed check. First record wins for repeated acknowledgements and reports. */
function applyTelegramEvent(work: TelegramWork, event: SliceEvent): void {
  const type = event.type
  if (!isTelegramEventType(type)) return
  const at = event.atMs
  switch (type) {
    case 'telegram.duty_head_designated': {
      const { userId } = typed(event, type).payload
      if (!work.dutyHeads.has(userId)) work.dutyHeads.set(userId, at)
      return
    }
    case 'telegram.excerpter_designated': {
      const { userId } = typed(event, type).payload
      if (!work.excerpters.has(userId)) work.excerpters.set(userId, at)
      return
    }
    case 'telegram.received': {
      const p = typed(event, type).payload
      work.serials.add(`received:${p.serial}`)
      work.telegrams.set(p.telegramId, {
        id: p.telegramId,
        eventId: event.id,
        direction: 'received',
        serial: p.serial,
        counterpart: p.fromUnit,
        docNumber: p.docNumber,
        level: p.level,
        precedence: p.precedence,
        important: p.important,
        earlyWarning: p.earlyWarning,
        at: p.receivedAt,
        registeredAt: at,
        replyTo: null,
        state: 'open',
        acknowledgedAt: null,
        reportedAt: null,
        reportedTo: null,
        headPresentAt: null,
        headPresentBy: null,
        handledAt: null,
        excerpts: [],
        copies: [],
      })
      return
    }
    case 'telegram.sent': {
      const p = typed(event, type).payload
      work.serials.add(`sent:${p.serial}`)
      work.telegrams.set(p.telegramId, {
        id: p.telegramId,
        eventId: event.id,
        direction: 'sent',
        serial: p.serial,
        counterpart: p.toUnit,
        docNumber: p.docNumber,
        level: p.level,
        precedence: p.precedence,
        important: false,
        earlyWarning: false,
        at: p.sentAt,
        registeredAt: at,
        replyTo: p.replyTo ?? null,
        state: 'sent',
        acknowledgedAt: null,
        reportedAt: null,
        reportedTo: null,
        headPresentAt: null,
        headPresentBy: null,
        handledAt: null,
        excerpts: [],
        copies: [],
      })
      return
    }
    case 'telegram.acknowledged':
      update(work, typed(event, type).payload.telegramId, (t) =>
        t.acknowledgedAt === null ? { ...t, acknowledgedAt: at } : t,
      )
      return
    case 'telegram.reported_to_head': {
      const p = typed(event, type).payload
      update(work, p.telegramId, (t) =>
        t.reportedAt === null ? { ...t, reportedAt: at, reportedTo: p.head } : t,
      )
      return
    }
    case 'telegram.head_present':
      update(work, typed(event, type).payload.telegramId, (t) =>
        t.headPresentAt === null ? { ...t, headPresentAt: at, headPresentBy: event.actor } : t,
      )
      return
    case 'telegram.handled':
      update(work, typed(event, type).payload.telegramId, (t) => ({ ...t, state: 'handled', handledAt: at }))
      return
    case 'telegram.excerpted': {
      const p = typed(event, type).payload
      update(work, p.telegramId, (t) => ({
        ...t,
        excerpts: [...t.excerpts, { excerptId: p.excerptId, by: event.actor, at }],
      }))
      return
    }
    case 'telegram.copy_requested': {
      const p = typed(event, type).payload
      const ref = p.superiorApprovalRef
      if (ref === undefined) return
      update(work, p.telegramId, (t) => ({
        ...t,
        copies: [...t.copies, { eventId: event.id, superiorApprovalRef: ref, at }],
      }))
      return
    }
    case 'telegram.carry_out_requested':
      // rule E-05: always refused by check; nothing to record.
      return
  }
}

/** The telegram register as a slice of the unit fold (rules E-01..E-06). */
export function createTelegramSlice(
  policy: TelegramPolicy = DEFAULT_TELEGRAM_POLICY,
): RegisterSlice<TelegramWork, TelegramState> {
  return {
    name: 'telegram',
    events: telegramEvents,
    empty: emptyTelegramWork,
    fork: forkTelegramWork,
    view: viewTelegramWork,
    check: (work, event, ctx) => checkTelegramEvent(work, event, ctx, policy),
    apply: (work, event) => applyTelegramEvent(work, event),
  }
}

export const telegramSlice: RegisterSlice<TelegramWork, TelegramState> = createTelegramSlice()
