import {
  checkEvent,
  type DomainError,
  type EventEnvelope,
  type FoldContext,
  formatHlc,
  type RegisterState,
  signEvent,
} from '@secledger/domain'
import type { FormValues } from '@secledger/ui/logic'
import { type TestUser, UNIT } from './fixtures.ts'

const DEVICE = 'dev-test-0001'
let counter = 0

/** A signed event of `user` at `atMs`, each with a fresh HLC counter (so same-time events stay ordered). */
export function signAs(user: TestUser, type: string, payload: object, atMs: number): EventEnvelope {
  counter += 1
  return signEvent(
    {
      unit: UNIT,
      type,
      payload,
      actor: user.id,
      device: DEVICE,
      at: formatHlc({ wallMs: atMs, counter, node: DEVICE }),
    },
    user.secretKey,
  )
}

/** The writer's dry run as a workflow dialog calls it: the domain's checkEvent on the draft `user` would sign. */
export function dryRunAs(
  state: RegisterState,
  ctx: FoldContext,
  user: TestUser,
  type: string,
  now: number,
): (payload: FormValues) => DomainError | null {
  return (payload) => {
    const draft = {
      unit: UNIT,
      type,
      payload,
      actor: user.id,
      device: DEVICE,
      at: formatHlc({ wallMs: now, counter: 999, node: DEVICE }),
    }
    const result = checkEvent(state, draft, ctx)
    return result.ok ? null : result.error
  }
}

/** A received paper document of `ids.length` copies (1, 2…) registered by `user` (rule C-01): the workflow tests' carriers. */
export function registeredAs(
  user: TestUser,
  serial: string,
  ids: readonly string[],
  atMs: number,
  level = 'secret',
): EventEnvelope {
  return signAs(
    user,
    'carrier.registered',
    {
      kind: 'paper',
      direction: 'received',
      issuer: '县委办公室',
      docNumber: `县委发〔2026〕${serial.slice(-1)}号`,
      title: '关于＊＊＊',
      level,
      periodYears: null,
      scope: '镇领导班子',
      serial,
      receivedOn: '2026-03-04',
      copies: ids.map((id, n) => ({ id, copyNumber: n + 1 })),
    },
    atMs,
  )
}
