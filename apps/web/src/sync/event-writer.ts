import {
  boundedHlc,
  checkEvent,
  type DomainError,
  domainError,
  type EventDraft,
  type EventEnvelope,
  err,
  ok,
  type Result,
  signEvent,
  tickHlc,
  type UnitEventPayloads,
  type UnitEventType,
} from '@secledger/domain'
import { MetaKey, readMeta } from '../db/meta-store.ts'
import { addToOutbox } from '../db/outbox-store.ts'
import type { SecLedgerDb } from '../db/secledger-db.ts'
import { type ClockGuard, clockGuard } from './clock-guard.ts'
import type { UnitReplica } from './unit-replica.ts'

const KEY_LOCKED = domainError(
  'AUTH-LOCKED',
  '签名密钥已锁定，请重新登录',
  'The signing key is locked: sign in again',
)

export interface WriterIdentity {
  readonly userId: string
  readonly deviceId: string
  readonly secretKey: () => string | null
}

function laterHlc(a: string | null, b: string | null): string | null {
  if (!a) return b
  if (!b) return a
  return a > b ? a : b
}

/**
 * Writes one event: draft (HLC, device, actor, unit) → the domain's block rules → sign → the outbox in
 * one strict transaction → the doc. A refusal writes nothing. Writes are serialised (with the replica's
 * acknowledgements and rebuilds) so HLCs increase and a rebuild never misses a write.
 */
export class EventWriter {
  constructor(
    private readonly db: SecLedgerDb,
    private readonly replica: UnitReplica,
    private readonly identity: WriterIdentity,
    private readonly now: () => number = Date.now,
    /** Issue 10: nothing is signed while this device's clock is off from the server's. */
    private readonly clock: Pick<ClockGuard, 'refusal'> = clockGuard,
  ) {}

  write<T extends UnitEventType>(type: T, payload: UnitEventPayloads[T]): Promise<Result<EventEnvelope>> {
    return this.replica.runExclusive(() => this.writeNow(type, payload))
  }

  /**
   * The block rules' verdict on the event as it would be written now, without signing or writing
   * anything: a form shows it beside its fields while the officer types (issue 12).
   */
  check<T extends UnitEventType>(type: T, payload: UnitEventPayloads[T]): DomainError | null {
    const skewed = this.clock.refusal()
    if (skewed) return skewed
    const nowMs = this.now()
    const draft: EventDraft = {
      unit: this.replica.unit,
      type,
      payload,
      actor: this.identity.userId,
      device: this.identity.deviceId,
      at: tickHlc(boundedHlc(this.replica.state.lastAt, nowMs), nowMs, this.identity.deviceId),
    }
    const check = checkEvent(this.replica.state, draft, this.replica.ctx)
    return check.ok ? null : check.error
  }

  private async writeNow<T extends UnitEventType>(
    type: T,
    payload: UnitEventPayloads[T],
  ): Promise<Result<EventEnvelope>> {
    const skewed = this.clock.refusal()
    if (skewed) return err(skewed)
    const nowMs = this.now()
    const stored = (await readMeta<string>(this.db, MetaKey.LastHlc)) ?? null
    // Never behind what this device issued or any event it has seen (ARCHITECTURE decision 1), even
    // when this device's clock is behind them: tickHlc then advances the counter, not the wall time.
    // But never adopt a clock beyond the bound (issue 10): one event dated 2286 would otherwise date
    // every later event of the device 2286, and rule C-01 would refuse every registration.
    const last = laterHlc(boundedHlc(stored, nowMs), boundedHlc(this.replica.state.lastAt, nowMs))
    const draft: EventDraft = {
      unit: this.replica.unit,
      type,
      payload,
      actor: this.identity.userId,
      device: this.identity.deviceId,
      at: tickHlc(last, nowMs, this.identity.deviceId),
    }
    const check = checkEvent(this.replica.state, draft, this.replica.ctx)
    if (!check.ok) return check
    const secretKey = this.identity.secretKey()
    if (!secretKey) return err(KEY_LOCKED)
    const envelope = signEvent(draft, secretKey)
    await addToOutbox(this.db, envelope, nowMs)
    this.replica.appendLocal(envelope)
    return ok(envelope)
  }
}
