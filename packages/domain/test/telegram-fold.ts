import { directoryUser } from '../src/key-directory.ts'
import type { RegisterSlice, SliceContext, SliceEvent } from '../src/register-slice.ts'
import { type DomainError, domainError } from '../src/result.ts'
import type { TelegramEventPayloads, TelegramEventType } from '../src/telegram-events.ts'
import { telegramSlice } from '../src/telegram-slice.ts'
import type { TelegramState, TelegramWork } from '../src/telegram-state.ts'
import { makeContext, type TestActor } from './fixtures.ts'

/**
 * Test-only stand-in for the unit fold: sorts by atMs then id, screens role and schema as the unit
 * fold does, forks once, then check → apply or record the refusal.
 */
export interface TelegramFold {
  readonly state: TelegramState
  readonly refused: readonly { readonly eventId: string; readonly error: DomainError }[]
}

export function compareSliceEvents(a: SliceEvent, b: SliceEvent): number {
  return a.atMs - b.atMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function screen(
  slice: RegisterSlice<TelegramWork, TelegramState>,
  event: SliceEvent,
  ctx: SliceContext,
): SliceEvent | DomainError {
  const def = Object.hasOwn(slice.events, event.type) ? slice.events[event.type] : undefined
  if (def === undefined) return domainError('UNKNOWN-TYPE', '未知事件类型', 'Unknown event type')
  const user = directoryUser(ctx.directory, event.actor)
  if (user === undefined || user.unit !== ctx.unit || !def.roles.some((r) => user.roles.includes(r)))
    return domainError('ROLE', '角色不允许', 'Role not allowed')
  const parsed = def.schema.safeParse(event.payload)
  if (!parsed.success) return domainError('MALFORMED', '格式错误', 'Malformed payload')
  return { ...event, payload: parsed.data }
}

export function foldTelegrams(
  events: readonly SliceEvent[],
  slice: RegisterSlice<TelegramWork, TelegramState> = telegramSlice,
  ctx: SliceContext = makeContext(),
): TelegramFold {
  const work = slice.fork(slice.empty())
  const refused: { eventId: string; error: DomainError }[] = []
  for (const raw of [...events].sort(compareSliceEvents)) {
    const event = screen(slice, raw, ctx)
    if ('code' in event) {
      refused.push({ eventId: raw.id, error: event })
      continue
    }
    const error = slice.check(work, event, ctx)
    if (error === null) slice.apply(work, event, ctx)
    else refused.push({ eventId: raw.id, error })
  }
  return { state: slice.view(work), refused }
}

/** Builds events with stable ids (`e001`, `e002`, …) in creation order. */
export function eventBuilder() {
  let n = 0
  return function ev<T extends TelegramEventType>(
    type: T,
    payload: TelegramEventPayloads[T],
    atMs: number,
    actor: TestActor = 'officer1',
  ): SliceEvent {
    n += 1
    return { id: `e${String(n).padStart(3, '0')}`, type, actor, atMs, payload }
  }
}

export function receipt(
  overrides: Partial<TelegramEventPayloads['telegram.received']> = {},
): TelegramEventPayloads['telegram.received'] {
  return {
    telegramId: 't1',
    serial: '2026-0001',
    fromUnit: '县委机要局',
    docNumber: '县机电〔2026〕1号',
    level: 'confidential',
    precedence: 'routine',
    important: false,
    earlyWarning: false,
    receivedAt: 0,
    ...overrides,
  }
}
