import type { Carrier } from '../../../src/core/carrier-record.ts'
import type { RegisterSlice, SliceContext, SliceEvent } from '../../../src/core/register-slice.ts'
import type { UnitView } from '../../../src/core/unit-view.ts'
import { deviceSlice } from '../../../src/registers/device/slice.ts'
import type { DeviceState } from '../../../src/registers/device/state.ts'
import { incidentSlice } from '../../../src/registers/incident/slice.ts'
import type { IncidentState } from '../../../src/registers/incident/state.ts'
import {
  type OutgoingEventPayloads,
  type OutgoingEventType,
  outgoingEvents,
} from '../../../src/registers/outgoing/events.ts'
import { DEFAULT_OUTGOING_POLICY, type OutgoingPolicy } from '../../../src/registers/outgoing/policy.ts'
import { createOutgoingSlice } from '../../../src/registers/outgoing/slice.ts'
import type { OutgoingState, OutgoingWork } from '../../../src/registers/outgoing/state.ts'
import { local, type TestActor } from '../../support/fixtures.ts'
import {
  carrierFixture,
  compareSliceEvents,
  contextWithView,
  foldSlice,
  idSequence,
  type SliceFold,
  sliceEvent,
  testUnitView,
} from '../../support/slice-fold.ts'
import { device, deviceContext, eventBuilder as deviceEvents, setup } from '../device/device-fold.ts'

/** Monday 2 March 2026, 09:00: a working day, office hours 08:30–17:30. */
export const MON = local('2026-03-02T09:00')
export const MIN = 60_000
export const HOUR = 60 * MIN

/**
 * The computer register as the device slice folds it: pc1 a classified computer (机密), pc2 a
 * non-classified computer, pc3 a classified computer cleared for 秘密 only, pc4 a scrapped classified one.
 */
export function deviceState(): DeviceState {
  const ev = deviceEvents(local('2026-02-02T09:00'))
  const events = [
    ...setup(ev),
    ev('device.registered', device({ deviceId: 'pc2', number: 'JSJ-002', classified: false, level: null })),
    ev('device.registered', device({ deviceId: 'pc3', number: 'JSJ-003', level: 'confidential' })),
    ev('device.registered', device({ deviceId: 'pc4', number: 'JSJ-004' })),
  ]
  const approval = ev('device.disposal_approved', { deviceId: 'pc4', disposal: 'scrap' }, 'chief1')
  events.push(
    approval,
    ev('device.disposed', {
      deviceId: 'pc4',
      approvalId: approval.id,
      disposal: 'scrap',
      diskRemoved: true,
      diskTo: 'bureau',
      diskReceipt: 'R-1',
    }),
  )
  const fold = foldSlice(deviceSlice, events, deviceContext())
  if (fold.refused.length > 0) throw new Error(`device fixture refused: ${JSON.stringify(fold.refused)}`)
  return fold.state
}

/** The incident register with incident inc1 (a loss). */
export function incidentState(): IncidentState {
  const fold = foldSlice(incidentSlice, [
    sliceEvent(
      'i001',
      'incident.opened',
      { incidentId: 'inc1', kind: 'loss', discoveredAt: MON, carrierRefs: [] },
      MON,
    ),
  ])
  return fold.state
}

/**
 * Carriers of the register: c1 机密 and c2 绝密 received from above, c3 秘密 received, c4 机密 out with
 * a reader, c5 机密 and c7 秘密 produced here (kept material), c6 destroyed.
 */
export function carriers(): Carrier[] {
  return [
    carrierFixture({ id: 'c1', serial: '2026-0001' }),
    carrierFixture({ id: 'c2', serial: '2026-0002', level: 'top_secret' }),
    carrierFixture({ id: 'c3', serial: '2026-0003', level: 'confidential' }),
    carrierFixture({ id: 'c4', serial: '2026-0004', state: 'out' }),
    carrierFixture({ id: 'c5', serial: '2026-0005', direction: 'produced' }),
    carrierFixture({ id: 'c6', serial: '2026-0006', state: 'destroyed' }),
    carrierFixture({ id: 'c7', serial: '2026-0007', direction: 'produced', level: 'confidential' }),
  ]
}

/** Organisation posts (B-04): leader1 the main leader, chief1 the 分管领导. */
export const POSTS = { leader1: ['first_responsible'], chief1: ['responsible_leader'] } as const

export function unitView(overrides: Parameters<typeof testUnitView>[0] = {}): UnitView {
  return testUnitView({
    carriers: carriers(),
    registers: { device: deviceState(), incident: incidentState() },
    posts: POSTS,
    ...overrides,
  })
}

export function viewContext(overrides: Parameters<typeof testUnitView>[0] = {}): SliceContext {
  return contextWithView(unitView(overrides))
}

/** Event builder with stable ids (`o001`, …); the clock advances one minute per event unless given. */
export function outgoingBuilder(start: number = MON) {
  const next = idSequence('o')
  let clock = start
  return function ev<T extends OutgoingEventType>(
    type: T,
    payload: OutgoingEventPayloads[T],
    atMs?: number,
    actor: TestActor = (outgoingEvents[type].roles as readonly string[]).includes('officer')
      ? 'officer1'
      : 'leader1',
  ): SliceEvent {
    clock = atMs ?? clock + MIN
    return sliceEvent(next(), type, payload, clock, actor)
  }
}
export type OutEv = ReturnType<typeof outgoingBuilder>

export function foldOutgoing(
  events: readonly SliceEvent[],
  ctx: SliceContext = viewContext(),
  policy: OutgoingPolicy = DEFAULT_OUTGOING_POLICY,
): SliceFold<OutgoingState> {
  return foldSlice(createOutgoingSlice(policy), events, ctx)
}

/** The slice's working object after the events (for the carrierAway hook), refusals skipped. */
export function foldWork(
  events: readonly SliceEvent[],
  ctx: SliceContext = viewContext(),
  policy: OutgoingPolicy = DEFAULT_OUTGOING_POLICY,
): { slice: RegisterSlice<OutgoingWork, OutgoingState>; work: OutgoingWork } {
  const slice = createOutgoingSlice(policy)
  const work = slice.fork(slice.empty())
  for (const event of [...events].sort(compareSliceEvents))
    if (slice.check(work, event, ctx) === null) slice.apply(work, event, ctx)
  return { slice, work }
}

export function approval(
  overrides: Partial<OutgoingEventPayloads['outgoing.approved']> = {},
): OutgoingEventPayloads['outgoing.approved'] {
  return {
    approvalId: 'a1',
    docId: 'doc1',
    copies: 5,
    recipients: [
      { recipientId: 'county-office', unitName: '县委办公室', local: false },
      { recipientId: 'town-2', unitName: '邻镇党政办', local: true },
    ],
    ...overrides,
  }
}

export function issue(
  overrides: Partial<OutgoingEventPayloads['outgoing.issued']> = {},
): OutgoingEventPayloads['outgoing.issued'] {
  return {
    docId: 'doc1',
    approvalId: 'a1',
    sequenceNo: '2026-0001',
    docNumber: '镇党发〔2026〕3号',
    level: 'secret',
    periodYears: 10,
    ...overrides,
  }
}

export function print(
  overrides: Partial<OutgoingEventPayloads['outgoing.printed']> = {},
): OutgoingEventPayloads['outgoing.printed'] {
  return {
    printJobId: 'p1',
    docId: 'doc1',
    deviceId: 'pc1',
    approvedCount: 5,
    printedCount: 6,
    spoiledCount: 1,
    firstCopyNumber: 1,
    material: [{ kind: 'proof', count: 2 }],
    ...overrides,
  }
}

/** A 机密 document doc1 signed out for 5 copies to two recipients (town-2 local), registered. */
export function issuedDocument(ev: OutEv): SliceEvent[] {
  return [ev('outgoing.approved', approval()), ev('outgoing.issued', issue())]
}

/** doc1 issued and printed on pc1: 5 good copies (1–5), 1 spoiled, 2 proofs. */
export function printedDocument(ev: OutEv): SliceEvent[] {
  return [...issuedDocument(ev), ev('outgoing.printed', print())]
}
