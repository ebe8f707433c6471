import { type EventDraft, type EventEnvelope, signEvent } from '../../src/core/event-envelope.ts'
import { formatHlc } from '../../src/core/hlc.ts'
import { createSignatureCache, type DirectoryUser, type KeyDirectory } from '../../src/core/key-directory.ts'
import type { DomainError, Result } from '../../src/core/result.ts'
import type { Role } from '../../src/core/roles.ts'
import { generateSigningKeyPair, type SigningKeyPair } from '../../src/core/signing-keys.ts'
import { DEFAULT_CALENDAR } from '../../src/core/work-calendar.ts'
import type { CarrierEventPayloads, CarrierEventType } from '../../src/registers/carrier/events.ts'
import { checkEvent } from '../../src/unit/check-event.ts'
import { DEFAULT_UNIT_POLICY, type UnitPolicy } from '../../src/unit/policy.ts'
import { foldUnitRegister } from '../../src/unit/unit-fold.ts'
import type { FoldContext, RegisterState } from '../../src/unit/unit-state.ts'
import { expectClearRefusal } from './clear-refusal.ts'

/** Test keys from fixed seeds: deterministic and fast. */
function seeded(n: number): SigningKeyPair {
  return generateSigningKeyPair(new Uint8Array(32).fill(n))
}

export const UNIT = 'town-1'

export const KEYS = {
  officer1: seeded(1),
  leader1: seeded(2),
  classifier1: seeded(3),
  officer2: seeded(4),
  leader2: seeded(5),
  stranger: seeded(6),
  chief1: seeded(7),
} as const
export type TestActor = keyof typeof KEYS

const USERS: Record<Exclude<TestActor, 'stranger'>, { unit: string; roles: Role[]; displayName: string }> = {
  officer1: { unit: UNIT, roles: ['officer'], displayName: '王保密' },
  leader1: { unit: UNIT, roles: ['leader'], displayName: '李镇长' },
  classifier1: { unit: UNIT, roles: ['classifier'], displayName: '张定密' },
  officer2: { unit: 'town-2', roles: ['officer'], displayName: '赵保密' },
  leader2: { unit: 'town-2', roles: ['leader'], displayName: '钱乡长' },
  chief1: { unit: UNIT, roles: ['leader', 'officer'], displayName: '孔书记' },
}

/** The key directory: every test actor but `stranger`, who is unknown. */
export const DIRECTORY: KeyDirectory = {
  users: Object.fromEntries(
    Object.entries(USERS).map(([id, u]): [string, DirectoryUser] => [
      id,
      {
        id,
        unit: u.unit,
        roles: u.roles,
        displayName: u.displayName,
        publicKey: KEYS[id as TestActor].publicKey,
      },
    ]),
  ),
}

const sharedVerify = createSignatureCache()

/** rule C-07: the licensed copying point the test county lists. */
export const COPY_POINT = { id: 'cp-1', name: '县国家秘密载体定点复制单位' } as const

/**
 * A valid rule C-07 copy of a received carrier: the issuing organ's approval, made at the county's
 * licensed point. `approval: null` leaves the approval out.
 */
export function copyPayload(
  originalId: string,
  copies: readonly { id: string; copyNumber: number | null }[],
  overrides: {
    approval?: Partial<NonNullable<CarrierEventPayloads['carrier.copied']['approval']>> | null
    place?: CarrierEventPayloads['carrier.copied']['place']
  } = {},
): CarrierEventPayloads['carrier.copied'] {
  const approval =
    overrides.approval === null
      ? undefined
      : {
          authority: 'issuing_organ' as const,
          approver: '县委办公室',
          reference: '县委办批复〔2026〕1号',
          approvedOn: '2025-12-01',
          ...overrides.approval,
        }
  return {
    originalId,
    copies: copies.map((c) => ({ ...c })),
    ...(approval === undefined ? {} : { approval }),
    place: overrides.place ?? { kind: 'licensed_point', pointId: COPY_POINT.id },
  }
}

export function makeContext(
  overrides: Partial<FoldContext> = {},
  policy: Partial<UnitPolicy> = {},
): FoldContext {
  return {
    unit: UNIT,
    directory: DIRECTORY,
    calendar: DEFAULT_CALENDAR,
    policy: { ...DEFAULT_UNIT_POLICY, copyPoints: [COPY_POINT], ...policy },
    verify: sharedVerify,
    ...overrides,
  }
}

/** An instant from a local (Asia/Shanghai) time, `2026-03-02T10:00`. */
export function local(isoLocal: string): number {
  const ms = Date.parse(`${isoLocal}+08:00`)
  if (Number.isNaN(ms)) throw new Error(`bad local time ${isoLocal}`)
  return ms
}

export interface EventOptions {
  readonly actor?: TestActor
  /** Key that signs; defaults to the actor's own (a different one forges the event). */
  readonly signer?: TestActor
  readonly at: number
  readonly counter?: number
  readonly device?: string
  readonly unit?: string
}

/** Payload of a carrier event type (or anything, for malformed-payload tests); other registers: unknown. */
export type PayloadOf<T extends string> = T extends CarrierEventType
  ? CarrierEventPayloads[T] | Record<string, unknown>
  : unknown

export function draftOf<T extends string>(type: T, payload: PayloadOf<T>, opts: EventOptions): EventDraft {
  const device = opts.device ?? 'pc1'
  return {
    unit: opts.unit ?? UNIT,
    type,
    payload,
    actor: opts.actor ?? (type === 'approval.granted' ? 'leader1' : 'officer1'),
    device,
    at: formatHlc({ wallMs: opts.at, counter: opts.counter ?? 0, node: device }),
  }
}

export function signed<T extends string>(type: T, payload: PayloadOf<T>, opts: EventOptions): EventEnvelope {
  const draft = draftOf(type, payload, opts)
  const signer = opts.signer ?? (draft.actor as TestActor)
  return signEvent(draft, KEYS[signer].secretKey)
}

export function registration(
  overrides: Partial<CarrierEventPayloads['carrier.registered']> = {},
): CarrierEventPayloads['carrier.registered'] {
  return {
    kind: 'paper',
    direction: 'received',
    issuer: '县委办公室',
    docNumber: '县委办〔2026〕3号',
    title: '关于＊＊＊',
    level: 'secret',
    periodYears: null,
    scope: '镇领导班子',
    serial: '2026-0001',
    receivedOn: '2026-03-02',
    copies: [{ id: 'c1', copyNumber: 1 }],
    ...overrides,
  }
}

/** Monday 2 March 2026, a working day; office hours 08:30–17:30. */
export const MONDAY = '2026-03-02'
export const T = {
  morning: local(`${MONDAY}T09:00`),
  noon: local(`${MONDAY}T12:00`),
  close: local(`${MONDAY}T17:30`),
  evening: local(`${MONDAY}T19:00`),
  midnight: local('2026-03-03T00:00'),
  tuesday: local('2026-03-03T10:00'),
} as const

export function fold(events: readonly EventEnvelope[], ctx: FoldContext = makeContext()): RegisterState {
  const state = foldUnitRegister(events, ctx)
  for (const r of state.refused) expectClearRefusal(r.error)
  return state
}

/** checkEvent of a draft against the fold of `history`. */
export function check<T extends string>(
  history: readonly EventEnvelope[],
  type: T,
  payload: PayloadOf<T>,
  opts: EventOptions,
  ctx: FoldContext = makeContext(),
): Result<void> {
  return checkEvent(fold(history, ctx), draftOf(type, payload, opts), ctx)
}

/** The refusal code of the last event, from checkEvent and from the fold (they must agree). */
export function refusal(result: Result<void>): string | null {
  return result.ok ? null : (result.error as DomainError).code
}

export function refusedCodes(state: RegisterState): string[] {
  return state.refused.map((r) => r.error.code)
}
