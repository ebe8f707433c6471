import {
  DEFAULT_MAX_CLOCK_SKEW_MS,
  type DomainError,
  domainError,
  EARLIEST_EVENT_MS,
} from '@secledger/domain'

/**
 * Issue 10: one device with a wrong clock must not stamp the unit's history (ARCHITECTURE Traps: "a hybrid
 * logical clock adopts the largest time it has seen"). The guard learns the server's time from the `Date`
 * header of API responses and refuses to sign while this device's clock is off by more than the bound.
 * Offline with nothing learned yet, writing stays allowed (offline-first), except on a clock that is
 * obviously reset (before EARLIEST_EVENT_MS).
 */
export const ClockState = {
  /** No server time seen in this session: trusted as it is (offline-first). */
  Unknown: 'unknown',
  Ok: 'ok',
  /** More than the bound away from the server's time. */
  Skewed: 'skewed',
  /** Before 2000: a reset clock, whatever the server says. */
  BeforeEarliest: 'before_earliest',
} as const
export type ClockState = (typeof ClockState)[keyof typeof ClockState]

export interface ClockStatus {
  readonly state: ClockState
  /** Server time minus this device's time (ms), or null before any server time was seen. */
  readonly offsetMs: number | null
}

export const CLOCK_SKEW_ERROR = domainError(
  'CLOCK-SKEW',
  '本机时间异常，暂停登记：请校准系统时间',
  'This device’s clock is wrong: recording is paused until the system time is corrected',
)

/** A `Date` header has whole seconds: the server's time lies in [t, t + 1 s). */
const DATE_HEADER_RESOLUTION_MS = 1_000

export class ClockGuard {
  private offset: number | null = null
  private readonly listeners = new Set<(status: ClockStatus) => void>()
  private last: ClockStatus

  constructor(
    private readonly deviceNow: () => number = Date.now,
    readonly maxSkewMs: number = DEFAULT_MAX_CLOCK_SKEW_MS,
  ) {
    this.last = this.compute()
  }

  /**
   * One response's `Date` header, with this device's time when the request left and when the answer came.
   * A reading whose round trip is too long to say anything within the bound is ignored.
   */
  observeDateHeader(header: string | null, sentAtMs: number, receivedAtMs: number): void {
    if (!header) return
    const serverMs = Date.parse(header)
    if (!Number.isFinite(serverMs)) return
    const roundTripMs = receivedAtMs - sentAtMs
    if (!(roundTripMs >= 0) || roundTripMs > this.maxSkewMs / 2) return
    this.observe(serverMs + DATE_HEADER_RESOLUTION_MS / 2, sentAtMs + roundTripMs / 2)
  }

  /** The server's time `serverMs` was current at this device's time `deviceMs`. */
  observe(serverMs: number, deviceMs: number): void {
    this.offset = serverMs - deviceMs
    this.update()
  }

  /** The server's time as far as this device knows it; its own clock before any reading. */
  trustedNow(): number {
    return this.deviceNow() + (this.offset ?? 0)
  }

  get status(): ClockStatus {
    this.update()
    return this.last
  }

  /** Why this device must not sign an event now, or null. */
  refusal(): DomainError | null {
    const { state, offsetMs } = this.status
    if (state === ClockState.Ok || state === ClockState.Unknown) return null
    return offsetMs === null ? CLOCK_SKEW_ERROR : { ...CLOCK_SKEW_ERROR, details: { offsetMs } }
  }

  onChange(listener: (status: ClockStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Tests and sign-out of a shared device: forget what was learned. */
  reset(): void {
    this.offset = null
    this.update()
  }

  private compute(): ClockStatus {
    const offsetMs = this.offset
    if (this.deviceNow() < EARLIEST_EVENT_MS) return { state: ClockState.BeforeEarliest, offsetMs }
    if (offsetMs === null) return { state: ClockState.Unknown, offsetMs }
    return { state: Math.abs(offsetMs) > this.maxSkewMs ? ClockState.Skewed : ClockState.Ok, offsetMs }
  }

  private update(): void {
    const next = this.compute()
    if (next.state === this.last.state && next.offsetMs === this.last.offsetMs) return
    this.last = next
    for (const listener of this.listeners) listener(next)
  }
}

/** The app's clock guard: fed by api/http-client.ts, read by the writer, the fold and the top bar. */
export const clockGuard = new ClockGuard()

/**
 * The latest plausible event time for the fold (FoldContext.latestEventMs): the trusted now plus the
 * bound, never decreasing — an event once plausible must stay so on every refold (carrier-state.ts).
 */
export function latestEventBound(guard: Pick<ClockGuard, 'trustedNow' | 'maxSkewMs'>): () => number {
  let latest = Number.NEGATIVE_INFINITY
  return () => {
    latest = Math.max(latest, guard.trustedNow() + guard.maxSkewMs)
    return latest
  }
}
