import type { Carrier } from '../../src/core/carrier-record.ts'
import { directoryUser } from '../../src/core/key-directory.ts'
import type { RegisterSlice, SliceContext, SliceEvent } from '../../src/core/register-slice.ts'
import { type DomainError, domainError } from '../../src/core/result.ts'
import type { CarrierAway, UnitPost, UnitView } from '../../src/core/unit-view.ts'
import type { DeviceState } from '../../src/registers/device/state.ts'
import type { IncidentState } from '../../src/registers/incident/state.ts'
import { incidentFacts } from '../../src/unit/slices.ts'
import { expectClearRefusal } from './clear-refusal.ts'
import { makeContext, type TestActor } from './fixtures.ts'

/**
 * The one test harness for a register slice on its own (the unit fold composes them; see
 * unit-fold.test.ts): sorts by time then id as the unit fold does, screens role and payload schema,
 * forks once, then check → apply, or records the refusal.
 */
export interface SliceFold<S> {
  readonly state: S
  readonly refused: readonly { readonly eventId: string; readonly error: DomainError }[]
}

export function compareSliceEvents(a: SliceEvent, b: SliceEvent): number {
  return a.atMs - b.atMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function screen<W, S>(
  slice: RegisterSlice<W, S>,
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

export function foldSlice<W, S>(
  slice: RegisterSlice<W, S>,
  events: readonly SliceEvent[],
  ctx: SliceContext = makeContext(),
): SliceFold<S> {
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
  for (const r of refused) expectClearRefusal(r.error)
  return { state: slice.view(work), refused }
}

export function refusalCodes(fold: SliceFold<unknown>): string[] {
  return fold.refused.map((r) => r.error.code)
}

/** A slice event with the given id; the builders of each register's fixtures number them. */
export function sliceEvent(
  id: string,
  type: string,
  payload: unknown,
  atMs: number,
  actor: TestActor = 'officer1',
): SliceEvent {
  return { id, type, actor, atMs, payload }
}

/** Stable ids `<prefix>001`, `<prefix>002`, … in creation order. */
export function idSequence(prefix: string): () => string {
  let n = 0
  return () => {
    n += 1
    return `${prefix}${String(n).padStart(3, '0')}`
  }
}

/** A carrier as the carrier register would hold it, for slices that read the unit view. */
export function carrierFixture(overrides: Partial<Carrier> = {}): Carrier {
  return {
    id: 'c1',
    serial: '2026-0001',
    docNumber: '县委发〔2026〕1号',
    issuer: '县委办公室',
    title: '关于＊＊＊',
    kind: 'paper',
    direction: 'received',
    level: 'secret',
    keptAsClassified: false,
    periodYears: 20,
    scope: '班子成员',
    copyNumber: 1,
    originalId: null,
    receivedOn: '2026-03-02',
    lateRegistration: false,
    registeredAt: 0,
    state: 'in_custody',
    holders: [],
    updatedAt: 0,
    destroyedAt: null,
    lastCopiedAt: null,
    createdBy: 'r1',
    lastEventId: 'r1',
    ...overrides,
  }
}

/** A unit view over fixed carriers and registers, for a slice tested alone. */
export function testUnitView(
  parts: {
    carriers?: readonly Carrier[]
    /** The device and incident registers' states, read through the view's typed accessors. */
    registers?: { readonly device?: DeviceState; readonly incident?: IncidentState }
    away?: Readonly<Record<string, CarrierAway>>
    /** Organisation posts (B-04) by user id. */
    posts?: Readonly<Record<string, readonly UnitPost[]>>
  } = {},
): UnitView {
  const carriers = new Map((parts.carriers ?? []).map((c) => [c.id, c]))
  return {
    carriers,
    device: (id) => parts.registers?.device?.devices.get(id),
    incident: (ref) => incidentFacts(parts.registers?.incident, ref),
    carrierAway: (id) => parts.away?.[id] ?? null,
    postsOf: (userId) => parts.posts?.[userId] ?? [],
    electronicUses: () => [],
  }
}

/** The default test context with a unit view. */
export function contextWithView(view: UnitView, base: SliceContext = makeContext()): SliceContext {
  return { ...base, view }
}
