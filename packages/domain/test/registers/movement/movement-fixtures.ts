import type { Carrier } from '../../../src/core/carrier-record.ts'
import type { RegisterSlice, SliceEvent } from '../../../src/core/register-slice.ts'
import type { CarrierAway, UnitPost } from '../../../src/core/unit-view.ts'
import {
  type MovementEventPayloads,
  type MovementEventType,
  movementEvents,
} from '../../../src/registers/movement/events.ts'
import { movementSlice } from '../../../src/registers/movement/slice.ts'
import type { MovementState, MovementWork } from '../../../src/registers/movement/state.ts'
import { local, makeContext, type TestActor } from '../../support/fixtures.ts'
import {
  carrierFixture,
  contextWithView,
  foldSlice,
  type SliceFold,
  testUnitView,
} from '../../support/slice-fold.ts'

export const START = local('2026-03-02T09:00')
export const MIN = 60_000
export const HOUR = 60 * MIN
export const DAY = 24 * HOUR

/** The unit's carriers as the carrier register holds them. */
export const CARRIERS: readonly Carrier[] = [
  carrierFixture({ id: 'c1', serial: '2026-0001', level: 'secret' }),
  carrierFixture({ id: 'c2', serial: '2026-0002', level: 'confidential', copyNumber: null }),
  carrierFixture({ id: 'ts1', serial: '2026-0003', level: 'top_secret' }),
  carrierFixture({ id: 'e1', serial: '2026-0004', level: 'secret', kind: 'electronic' }),
  carrierFixture({ id: 'm1', serial: '2026-0005', level: 'confidential', kind: 'medium', copyNumber: null }),
  carrierFixture({ id: 'out1', serial: '2026-0006', state: 'out' }),
  carrierFixture({ id: 'd1', serial: '2026-0007', state: 'destroyed', destroyedAt: 1 }),
  carrierFixture({ id: 'arch1', serial: '2026-0008' }),
  carrierFixture({ id: 'int1', serial: '2026-0009', level: 'internal', copyNumber: null, periodYears: 0 }),
]

/**
 * Organisation posts (rule B-04) of the unit in these tests: leader1 is the main leader and, for the
 * C-21 approvals, also the office head; chief1 (leader and officer) is the 分管保密工作领导.
 */
export const POSTS: Readonly<Record<string, readonly UnitPost[]>> = {
  leader1: ['first_responsible', 'office_head'],
  chief1: ['responsible_leader'],
}

export interface FoldOptions {
  readonly slice?: RegisterSlice<MovementWork, MovementState>
  readonly carriers?: readonly Carrier[]
  /** Carriers held away by another register. */
  readonly away?: Readonly<Record<string, CarrierAway>>
  /** Organisation posts by user id; default POSTS. */
  readonly posts?: Readonly<Record<string, readonly UnitPost[]>>
}

/** The movement slice folded alone, over a unit view with CARRIERS and the organisation's posts. */
export function foldMovements(
  events: readonly SliceEvent[],
  opts: FoldOptions = {},
): SliceFold<MovementState> {
  const view = testUnitView({
    carriers: opts.carriers ?? CARRIERS,
    away: opts.away ?? {},
    posts: opts.posts ?? POSTS,
  })
  return foldSlice(opts.slice ?? movementSlice, events, contextWithView(view, makeContext()))
}

export function codes(fold: SliceFold<unknown>): string[] {
  return fold.refused.map((r) => r.error.code)
}

/**
 * Event builder with stable ids (`m001`, …) and a clock one minute per event from START; approvals are
 * signed by leader1 unless told otherwise, everything else by officer1.
 */
export function eventBuilder(start: number = START) {
  let n = 0
  return function ev<T extends MovementEventType>(
    type: T,
    payload: MovementEventPayloads[T],
    opts: { actor?: TestActor; at?: number } = {},
  ): SliceEvent {
    n += 1
    const leaderOnly = (movementEvents[type].roles as readonly string[]).every((r) => r === 'leader')
    return {
      id: `m${String(n).padStart(3, '0')}`,
      type,
      actor: opts.actor ?? (leaderOnly ? 'leader1' : 'officer1'),
      atMs: opts.at ?? start + n * MIN,
      payload,
    }
  }
}
export type Ev = ReturnType<typeof eventBuilder>

export function loan(
  overrides: Partial<MovementEventPayloads['movement.loaned_out']> = {},
): MovementEventPayloads['movement.loaned_out'] {
  return {
    loanId: 'L1',
    carrierIds: ['c1'],
    borrower: '县农业农村局',
    borrowerKind: 'unit',
    borrowerApprover: '赵局长',
    borrowerApprovalRef: '农借〔2026〕3号',
    approvalId: 'm001',
    dueAt: START + 7 * DAY,
    ...overrides,
  }
}

export function trip(
  overrides: Partial<MovementEventPayloads['movement.carried_out']> = {},
): MovementEventPayloads['movement.carried_out'] {
  return {
    tripId: 'T1',
    carrierIds: ['c1'],
    bearers: ['officer1'],
    destination: '县委办公室',
    abroad: false,
    foreignAffairs: false,
    approvalId: 'm001',
    plannedReturnAt: START + 8 * HOUR,
    ...overrides,
  }
}

export function consultation(
  overrides: Partial<MovementEventPayloads['movement.consultation_registered']> = {},
): MovementEventPayloads['movement.consultation_registered'] {
  return {
    consultationId: 'Q1',
    consultant: '李四',
    consultantUnit: '本镇党政办',
    fromBasicUnit: false,
    files: [{ fileId: 'A-2020-1', level: 'internal', part: '第1-3页' }],
    location: 'archive_room',
    ...overrides,
  }
}

export function borrowed(
  overrides: Partial<MovementEventPayloads['movement.borrowed_in']> = {},
): MovementEventPayloads['movement.borrowed_in'] {
  return {
    loanId: 'B1',
    lender: '邻镇党政办',
    items: [{ itemId: 'x1', docNumber: '邻发〔2026〕2号', level: 'secret' }],
    lenderApprover: '钱乡长',
    lenderApprovalRef: '邻借〔2026〕1号',
    approvalId: 'm001',
    dueAt: START + 5 * DAY,
    ...overrides,
  }
}
