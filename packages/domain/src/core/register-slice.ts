import type { z } from 'zod'
import type { KeyDirectory } from './key-directory.ts'
import type { DomainError } from './result.ts'
import type { Role } from './roles.ts'
import type { CarrierAway, UnitView } from './unit-view.ts'
import type { WorkCalendar } from './work-calendar.ts'

/**
 * One register of DOMAIN.md (classification, telegrams, personnel…) as a slice of the unit's fold.
 * The unit fold screens every event (signature, actor, unit, role) and orders them (HLC, then id);
 * a slice only sees its own event types, already parsed, and keeps its state in a mutable working
 * object that the unit fold forks per ingest. Same events in the same order ⇒ same slice state.
 */
export interface SliceEvent<T extends string = string, P = unknown> {
  readonly id: string
  readonly type: T
  readonly actor: string
  /** Wall time of the event's HLC, ms since the epoch. */
  readonly atMs: number
  readonly payload: P
}

export interface SliceContext {
  readonly unit: string
  readonly directory: KeyDirectory
  readonly calendar: WorkCalendar
  /** Present when the slice runs inside the unit fold; a slice tested alone sees no other register. */
  readonly view?: UnitView
}

export interface EventDefinition<P = unknown> {
  readonly schema: z.ZodType<P>
  /** Roles whose signature the event type accepts (ARCHITECTURE decision 3). */
  readonly roles: readonly Role[]
}

export interface RegisterSlice<W, S> {
  readonly name: string
  readonly events: Readonly<Record<string, EventDefinition>>
  empty(): W
  /** A copy that later applies can mutate without changing `work` (called once per ingest). */
  fork(work: W): W
  /** The read-only state exposed to callers. */
  view(work: W): S
  /** Block rules: the refusal, or null when the event may be applied. */
  check(work: W, event: SliceEvent, ctx: SliceContext): DomainError | null
  apply(work: W, event: SliceEvent, ctx: SliceContext): void
  /** For registers that move carriers: why `carrierId` is away from custody now, or null. */
  carrierAway?(work: W, carrierId: string): CarrierAway | null
}
