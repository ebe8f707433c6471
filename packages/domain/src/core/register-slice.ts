import type { z } from 'zod'
import type { Carrier } from '../registers/carrier/state.ts'
import type { KeyDirectory } from './key-directory.ts'
import type { DomainError } from './result.ts'
import type { Role } from './roles.ts'
import type { UnitPolicy } from '../unit/policy.ts'
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

/**
 * The whole unit's registers at the current point of the fold, for rules that span registers
 * (C-12 leaving a post with carriers held, C-15 printing on a registered classified computer…).
 * Read-only; what it shows depends only on the events before the current one in fold order.
 */
export interface UnitView {
  /** The carrier register (涉密载体台账) as folded so far. */
  readonly carriers: ReadonlyMap<string, Carrier>
  /** Another register's state by slice name ('personnel', 'device', …); undefined when not composed. */
  register<S>(name: string): S | undefined
  /** Why a carrier is away from the officer's custody in some register (borrowed, carried out…), or null. */
  carrierAway(carrierId: string): CarrierAway | null
}

export interface SliceContext {
  readonly unit: string
  readonly directory: KeyDirectory
  readonly calendar: WorkCalendar
  readonly policy: UnitPolicy
  /** Present when the slice runs inside the unit fold; a slice tested alone sees no other register. */
  readonly view?: UnitView
}

/**
 * A carrier held away from the officer's custody by a register (borrowed out C-06, carried out C-08,
 * archived C-10, returned C-09, handed over C-12/C-17…). The carrier fold refuses to hand out, copy or
 * destroy it meanwhile, with this code and message.
 */
export interface CarrierAway {
  readonly code: string
  readonly zh: string
  readonly en: string
  /** Who holds it now (a person, a unit, 'archive'), for the register's 去向 column. */
  readonly holder: string
  readonly since: number
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
