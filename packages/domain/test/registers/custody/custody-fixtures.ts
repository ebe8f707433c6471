import type { Carrier } from '../../../src/core/carrier-record.ts'
import type { SliceContext, SliceEvent } from '../../../src/core/register-slice.ts'
import type { CarrierAway, UnitPost, UnitView } from '../../../src/core/unit-view.ts'
import type { CustodyEventPayloads, CustodyEventType } from '../../../src/registers/custody/events.ts'
import type { CustodyPolicy } from '../../../src/registers/custody/policy.ts'
import { createCustodySlice, custodySlice } from '../../../src/registers/custody/slice.ts'
import type { CustodyState, CustodyWork } from '../../../src/registers/custody/state.ts'
import { local, type TestActor } from '../../support/fixtures.ts'
import {
  carrierFixture,
  contextWithView,
  foldSlice,
  idSequence,
  type SliceFold,
  sliceEvent,
  testUnitView,
} from '../../support/slice-fold.ts'

/** Builds custody events with stable ids (`e001`, `e002`, …) in creation order. */
export function custodyBuilder() {
  const next = idSequence('e')
  return function ev<T extends CustodyEventType>(
    type: T,
    payload: CustodyEventPayloads[T],
    atMs: number,
    actor: TestActor = 'officer1',
  ): SliceEvent {
    return sliceEvent(next(), type, payload, atMs, actor)
  }
}

/** A received carrier registered on `receivedOn` (10:00 local that day). */
export function received(
  id: string,
  serial: string,
  receivedOn: string,
  overrides: Partial<Carrier> = {},
): Carrier {
  return carrierFixture({
    id,
    serial,
    receivedOn,
    registeredAt: local(`${receivedOn}T10:00`),
    updatedAt: local(`${receivedOn}T10:00`),
    createdBy: `reg-${id}`,
    lastEventId: `reg-${id}`,
    ...overrides,
  })
}

/** A carrier held by `reader` (handed out for reading, rules C-04/C-05). */
export function heldBy(c: Carrier, reader: string): Carrier {
  return {
    ...c,
    state: 'out',
    holders: [{ id: `out-${c.id}`, reader, handedOutAt: c.registeredAt + 1, dueAt: c.registeredAt + 2 }],
  }
}

export function destroyed(c: Carrier): Carrier {
  return { ...c, state: 'destroyed', destroyedAt: c.registeredAt + 1 }
}

/** Away in another register: borrowed out (C-06) or returned to the issuer (C-09). */
export function awayAs(code: 'C-06' | 'C-08' | 'C-09', since = 0): CarrierAway {
  return {
    code,
    zh: `载体不在保管中（规则 ${code}）`,
    en: `The carrier is away (rule ${code})`,
    holder: '县委办',
    since,
  }
}

/**
 * Organisation posts (rule B-04) of the unit in these tests: leader1 is the main leader, chief1 the
 * 分管保密工作领导, and classifier1 doubles as the office head (办公室主任) who reads routing slips.
 */
export const POSTS: Readonly<Record<string, readonly UnitPost[]>> = {
  leader1: ['first_responsible'],
  chief1: ['responsible_leader'],
  classifier1: ['classifier', 'office_head'],
}

/**
 * A custody context inside a unit view, with POSTS unless the test gives its own. Unless the test gives
 * its own incident register, the unit's incident register holds one incident, `x-1`, reporting the loss
 * of every carrier in view (rule C-13).
 */
export function custodyContext(parts: Parameters<typeof testUnitView>[0] = {}): SliceContext {
  const carriers = parts.carriers ?? []
  const incident = parts.registers?.incident ?? {
    incidents: new Map([['x-1', { carrierRefs: carriers.map((c) => c.id), missingId: null } as never]]),
    missing: new Map(),
  }
  return contextWithView(
    testUnitView({ posts: POSTS, ...parts, registers: { ...parts.registers, incident } }),
  )
}

export function foldCustody(
  events: readonly SliceEvent[],
  ctx: SliceContext,
  policy?: CustodyPolicy,
): SliceFold<CustodyState> {
  return foldSlice(policy === undefined ? custodySlice : createCustodySlice(policy), events, ctx)
}

/** The working object after `events` (already in order, already valid), for the carrierAway hook. */
export function custodyWork(events: readonly SliceEvent[], ctx: SliceContext): CustodyWork {
  const work = custodySlice.fork(custodySlice.empty())
  for (const event of events)
    if (custodySlice.check(work, event, ctx) === null) custodySlice.apply(work, event, ctx)
  return work
}

export function codes(fold: SliceFold<unknown>): string[] {
  return fold.refused.map((r) => r.error.code)
}

/** The unit view a test passes to the reminder queries. */
export function viewOf(ctx: SliceContext): UnitView {
  if (ctx.view === undefined) throw new Error('context without a unit view')
  return ctx.view
}

/** The closing (合并) of the unit that the C-17 tests hand its carriers over under (closure k1). */
export const closureDeclaration: CustodyEventPayloads['custody.unit_closure_declared'] = {
  closureId: 'k1',
  kind: 'merged',
  decisionRef: '县委〔2026〕9号',
  receivingUnits: ['town-9', 'county-office'],
}

/** A hand-over batch of closure k1 to town-9 with its receipt (rule C-17). */
export function handOverBatch(
  batchId: string,
  carrierIds: string[],
  overrides: Partial<CustodyEventPayloads['custody.handed_over']> = {},
): CustodyEventPayloads['custody.handed_over'] {
  return {
    closureId: 'k1',
    batchId,
    receivingUnit: 'town-9',
    receiptRef: `签收-${batchId}`,
    carrierIds,
    registers: false,
    ...overrides,
  }
}
