import type { EventEnvelope } from '../core/event-envelope.ts'
import type { KeyDirectory, SecurityAlert } from '../core/key-directory.ts'
import type { DomainError } from '../core/result.ts'
import type { WorkCalendar } from '../core/work-calendar.ts'
import type { CarrierRegisterState } from '../registers/carrier/state.ts'
import type { UnitPolicy } from './policy.ts'
import type { UnitRegisters } from './slices.ts'

/** Everything a fold depends on besides the events: the same context gives the same state everywhere. */
export interface FoldContext {
  readonly unit: string
  readonly directory: KeyDirectory
  readonly calendar: WorkCalendar
  readonly policy: UnitPolicy
  /** Signature check; defaults to verifyEventSignature. Pass a memoising one (createSignatureCache). */
  readonly verify?: (event: EventEnvelope, publicKeyHex: string) => boolean
  /**
   * The latest plausible event time (ms): the folding replica's trusted now plus the allowed clock skew
   * (DEFAULT_MAX_CLOCK_SKEW_MS). An event later than it, or earlier than EARLIEST_EVENT_MS, folds as a
   * 时间异常 anomaly and moves nothing else (no numbering year, no deadline, not `lastAt`). It only ever
   * grows, so an event once plausible stays plausible on every later refold. Absent: no upper bound.
   */
  readonly latestEventMs?: () => number
}

export interface RefusedEvent {
  readonly eventId: string
  readonly type: string
  readonly error: DomainError
}

/**
 * The register of one unit: the fold of its events. Snapshots are immutable: a later ingest builds new
 * maps, and a carrier object is replaced only when an event changed it (diff by reference).
 */
export interface RegisterState extends CarrierRegisterState {
  readonly alerts: readonly SecurityAlert[]
  readonly refused: readonly RefusedEvent[]
  /** Distinct events folded (applied, refused or alerted). */
  readonly size: number
  /**
   * HLC of the last event in order whose time is plausible (not a 时间异常), null when none: what a
   * device ticks its clock from, so a 2286 event never drags later events into 2286.
   */
  readonly lastAt: string | null
  /** The unit's other registers (classification, telegrams, personnel…), folded from the same log. */
  readonly registers: UnitRegisters
}
