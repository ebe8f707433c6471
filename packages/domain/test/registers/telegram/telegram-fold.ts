import type { RegisterSlice, SliceContext, SliceEvent } from '../../../src/core/register-slice.ts'
import type { TelegramEventPayloads, TelegramEventType } from '../../../src/registers/telegram/events.ts'
import { telegramSlice } from '../../../src/registers/telegram/slice.ts'
import type { TelegramState, TelegramWork } from '../../../src/registers/telegram/state.ts'
import type { TestActor } from '../../support/fixtures.ts'
import { foldSlice, idSequence, type SliceFold, sliceEvent } from '../../support/slice-fold.ts'

/** The telegram register folded alone (slice-fold.ts), by default in the fixtures' context. */
export function foldTelegrams(
  events: readonly SliceEvent[],
  slice: RegisterSlice<TelegramWork, TelegramState> = telegramSlice,
  ctx?: SliceContext,
): SliceFold<TelegramState> {
  return foldSlice(slice, events, ctx)
}

/** Builds events with stable ids (`e001`, `e002`, …) in creation order. */
export function eventBuilder() {
  const nextId = idSequence('e')
  return <T extends TelegramEventType>(
    type: T,
    payload: TelegramEventPayloads[T],
    atMs: number,
    actor: TestActor = 'officer1',
  ): SliceEvent => sliceEvent(nextId(), type, payload, atMs, actor)
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

export function sending(
  overrides: Partial<TelegramEventPayloads['telegram.sent']> = {},
): TelegramEventPayloads['telegram.sent'] {
  return {
    telegramId: 's1',
    serial: '2026-0001',
    toUnit: '县委机要局',
    docNumber: '',
    level: 'internal',
    precedence: 'routine',
    channel: 'cipher',
    sentAt: 0,
    ...overrides,
  }
}
