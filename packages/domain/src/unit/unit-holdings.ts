import type { UnitView } from '../core/unit-view.ts'
import { type ClosureStatus, closureStatus } from '../registers/custody/queries.ts'
import { worksOf } from './fold-work.ts'
import { DEFAULT_UNIT_POLICY, type UnitPolicy } from './policy.ts'
import { composeSlices, unitViewOf } from './slices.ts'
import type { RegisterState } from './unit-state.ts'

/**
 * Queries across registers for a caller that holds a folded RegisterState (the web app's hand-over
 * page): the same UnitView the fold's rules read, so the page shows what the rules will decide.
 */

/** The whole unit as the fold's rules saw it after the last event. */
export function unitViewOfState(state: RegisterState, policy: UnitPolicy = DEFAULT_UNIT_POLICY): UnitView {
  const { slices, works } = worksOf(state) ?? { slices: composeSlices(policy), works: [] }
  return unitViewOf({ carriers: state.carriers, slices, sliceWorks: works })
}

/** Registers that hold a carrier away with a person, not a unit or a place (rule C-12). */
const HELD_BY_PERSON: readonly string[] = ['C-08', 'C-14', 'C-21']

/** One carrier in one person's hands (rule C-12): handed out (C-04) or away with them in a register. */
export interface Holding {
  readonly carrierId: string
  readonly serial: string
  /** As the register recorded it: a user id or a name. */
  readonly person: string
  /** C-04 an open hand-out; otherwise the register's rule (C-08 carried out, C-14 meeting, C-21 consulted). */
  readonly rule: string
  /** The open hand-out's event id (what carrier.taken_back names), null for a register's hold. */
  readonly handOutId: string | null
  readonly since: number
}

/**
 * rule C-12: every carrier held by a person now, one entry per carrier and person, ordered by person,
 * then serial. What carriersHeldBy refuses a departure for, listed for all people at once.
 */
export function carrierHoldings(state: RegisterState, policy: UnitPolicy = DEFAULT_UNIT_POLICY): Holding[] {
  const view = unitViewOfState(state, policy)
  const out: Holding[] = []
  for (const c of state.carriers.values()) {
    if (c.state === 'destroyed') continue
    const base = { carrierId: c.id, serial: c.serial }
    for (const h of c.holders)
      out.push({ ...base, person: h.reader, rule: 'C-04', handOutId: h.id, since: h.handedOutAt })
    const away = view.carrierAway(c.id)
    if (away === null || !HELD_BY_PERSON.includes(away.code)) continue
    for (const person of away.persons ?? [away.holder])
      out.push({ ...base, person, rule: away.code, handOutId: null, since: away.since })
  }
  // Code-point order: the same on every device, whatever its locale.
  const key = (h: Holding) => [h.person, h.serial, h.carrierId]
  return out.sort((a, b) => compareKeys(key(a), key(b)))
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string
    const y = b[i] as string
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}

/** rule C-17: the closure's checklist (carriers left, inventory, gaps, registers) against the live view. */
export function unitClosureStatus(
  state: RegisterState,
  policy: UnitPolicy = DEFAULT_UNIT_POLICY,
): ClosureStatus {
  return closureStatus(state.registers.custody, unitViewOfState(state, policy))
}
