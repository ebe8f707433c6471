import { type DeviceEventPayloads, type DeviceEventType, deviceEvents } from '../src/device-events.ts'
import { deviceSlice } from '../src/device-slice.ts'
import type { DeviceState, DeviceWork } from '../src/device-state.ts'
import { directoryUser } from '../src/key-directory.ts'
import type { RegisterSlice, SliceContext, SliceEvent } from '../src/register-slice.ts'
import { type DomainError, domainError } from '../src/result.ts'
import { local, makeContext, type TestActor } from './fixtures.ts'

/**
 * Test-only stand-in for the unit fold: sorts by atMs then id, screens role and schema as the unit
 * fold does, forks once, then check → apply or record the refusal.
 */
export interface DeviceFold {
  readonly state: DeviceState
  readonly refused: readonly { readonly eventId: string; readonly error: DomainError }[]
}

export function compareSliceEvents(a: SliceEvent, b: SliceEvent): number {
  return a.atMs - b.atMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function screen(
  slice: RegisterSlice<DeviceWork, DeviceState>,
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

export function foldDevices(
  events: readonly SliceEvent[],
  slice: RegisterSlice<DeviceWork, DeviceState> = deviceSlice,
  ctx: SliceContext = makeContext(),
): DeviceFold {
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

export function codes(fold: DeviceFold): string[] {
  return fold.refused.map((r) => r.error.code)
}

/** Event builder with stable ids (`d001`, …) and a clock that advances one minute per event. */
export function eventBuilder(start: number = local('2026-03-02T09:00')) {
  let n = 0
  return function ev<T extends DeviceEventType>(
    type: T,
    payload: DeviceEventPayloads[T],
    actor: TestActor = (deviceEvents[type].roles as readonly string[]).includes('leader')
      ? 'leader1'
      : 'officer1',
    atMs?: number,
  ): SliceEvent {
    n += 1
    return { id: `d${String(n).padStart(3, '0')}`, type, actor, atMs: atMs ?? start + n * 60_000, payload }
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
