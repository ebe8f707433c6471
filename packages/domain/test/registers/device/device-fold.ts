import type { RegisterSlice, SliceContext, SliceEvent } from '../../../src/core/register-slice.ts'
import type { DomainError } from '../../../src/core/result.ts'
import {
  type DeviceEventPayloads,
  type DeviceEventType,
  deviceEvents,
} from '../../../src/registers/device/events.ts'
import { deviceSlice } from '../../../src/registers/device/slice.ts'
import type { DeviceState, DeviceWork } from '../../../src/registers/device/state.ts'
import { local, type TestActor } from '../../support/fixtures.ts'
import {
  contextWithView,
  foldSlice,
  idSequence,
  type SliceFold,
  sliceEvent,
  testUnitView,
} from '../../support/slice-fold.ts'

export { refusalCodes as codes } from '../../support/slice-fold.ts'

/**
 * Organisation posts (B-04) the device rules read: leader1 is the 分管领导 (signs users' books, B-05)
 * and the office head (M-09, M-10), chief1 the main leader (scrap, M-05).
 */
export const DEVICE_POSTS = {
  leader1: ['responsible_leader', 'office_head'],
  chief1: ['first_responsible'],
} as const

type Posts = NonNullable<Parameters<typeof testUnitView>[0]>['posts']

/** The fixtures' context: the device register with the organisation posts of DEVICE_POSTS. */
export function deviceContext(posts: Posts = DEVICE_POSTS): SliceContext {
  return contextWithView(testUnitView({ posts }))
}

/**
 * `history` folded with the fixtures' posts, then `later` checked and applied in order with `posts`:
 * an appointment changed in the organisation register in between (B-04). Refusals are kept in order.
 */
export function foldAcrossPostChange(
  history: readonly SliceEvent[],
  posts: Posts,
  later: readonly SliceEvent[],
): { state: DeviceState; refused: DomainError[]; ctx: SliceContext } {
  const work = foldInOrder(history)
  const ctx = deviceContext(posts)
  const refused: DomainError[] = []
  for (const e of later) {
    const error = deviceSlice.check(work, e, ctx)
    if (error === null) deviceSlice.apply(work, e, ctx)
    else refused.push(error)
  }
  return { state: deviceSlice.view(work), refused, ctx }
}

/**
 * Check → apply of `events` in the order given (as the unit fold does once it has ordered the log by
 * HLC, where ids need not ascend at equal times), refusals skipped and not screened.
 */
export function foldInOrder(
  events: readonly SliceEvent[],
  slice: RegisterSlice<DeviceWork, DeviceState> = deviceSlice,
  ctx: SliceContext = deviceContext(),
): DeviceWork {
  const work = slice.fork(slice.empty())
  for (const e of events) if (slice.check(work, e, ctx) === null) slice.apply(work, e, ctx)
  return work
}

/**
 * The check of `event` after `history` (foldInOrder), its message non-empty in both languages. For the
 * few refusals whose message does not name its rule yet (foldDevices would reject them as unclear):
 * the caller asserts code and details, and that the event changed nothing.
 */
export function judgeAfter(
  history: readonly SliceEvent[],
  event: SliceEvent,
  slice: RegisterSlice<DeviceWork, DeviceState> = deviceSlice,
  ctx: SliceContext = deviceContext(),
): { error: DomainError | null; state: DeviceState } {
  const work = foldInOrder(history, slice, ctx)
  const error = slice.check(work, event, ctx)
  if (error !== null && (error.message.zh.trim() === '' || error.message.en.trim() === ''))
    throw new Error(`refusal ${error.code} without a message`)
  return { error, state: slice.view(work) }
}

/** The device register folded alone (slice-fold.ts), by default in the fixtures' context. */
export function foldDevices(
  events: readonly SliceEvent[],
  slice: RegisterSlice<DeviceWork, DeviceState> = deviceSlice,
  ctx: SliceContext = deviceContext(),
): SliceFold<DeviceState> {
  return foldSlice(slice, events, ctx)
}

/** Event builder with stable ids (`d001`, …) and a clock that advances one minute per event. */
export function eventBuilder(start: number = local('2026-03-02T09:00')) {
  const nextId = idSequence('d')
  let clock = start
  return <T extends DeviceEventType>(
    type: T,
    payload: DeviceEventPayloads[T],
    actor: TestActor = (deviceEvents[type].roles as readonly string[]).includes('leader')
      ? 'leader1'
      : 'officer1',
    atMs?: number,
  ): SliceEvent => {
    clock += 60_000
    return sliceEvent(nextId(), type, payload, atMs ?? clock, actor)
  }
}

export type Ev = ReturnType<typeof eventBuilder>

export function device(
  overrides: Partial<DeviceEventPayloads['device.registered']> = {},
): DeviceEventPayloads['device.registered'] {
  return {
    deviceId: 'pc1',
    number: 'JSJ-001',
    kind: 'computer',
    classified: true,
    level: 'secret',
    responsible: 'staff-a',
    ...overrides,
  }
}

/** Books for staff-a and staff-b, a classified computer pc1 (staff-a), a classified medium u1 bound to it. */
export function setup(ev: Ev): SliceEvent[] {
  return [
    ev('device.user_book_signed', { bookId: 'b1', user: 'staff-a' }),
    ev('device.user_book_signed', { bookId: 'b2', user: 'staff-b' }),
    ev('device.registered', device()),
    ev(
      'device.registered',
      device({ deviceId: 'u1', number: 'JZ-001', kind: 'medium', level: 'confidential' }),
    ),
    ev('device.medium_bound', { mediumId: 'u1', computerId: 'pc1' }),
  ]
}

/** An unclassified computer of staff-b (pc9), outside the classified register's rules until designated. */
export const plainPc = device({
  deviceId: 'pc9',
  number: 'JSJ-009',
  classified: false,
  level: null,
  responsible: 'staff-b',
})

/** An unclassified USB medium (u9). */
export const plainUsb = device({
  deviceId: 'u9',
  number: 'JZ-009',
  kind: 'medium',
  classified: false,
  level: null,
})
