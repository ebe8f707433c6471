import type { ElectronicAction } from './events.ts'
import type { ElectronicUse, MovementAnomaly, MovementState, ReturnCheck, ScopeGrant } from './state.ts'

/** Queries of the movement register: deadlines (C-06, C-08), anomalies, a carrier's 去向, C-03 and C-16. */

export type MovementKind = 'loan_out' | 'borrowed_in' | 'trip'

/** An open loan or trip and its due time. */
export interface MovementDue {
  readonly rule: 'C-06' | 'C-08'
  readonly kind: MovementKind
  /** The loan or trip id. */
  readonly id: string
  /** Borrower, lender, or the bearers. */
  readonly counterpart: string
  /** Carriers (loan, trip), archived files (loan) or borrowed items (borrowed in). */
  readonly itemIds: readonly string[]
  /** Due back (loan), to be given back (borrowed in), planned return (trip). Overdue strictly after it. */
  readonly dueAt: number
  /** When the items went out (or came in): away since. */
  readonly since: number
}

function openDues(state: MovementState): MovementDue[] {
  const out: MovementDue[] = []
  for (const l of state.loans.values())
    if (l.returned === null)
      out.push({
        rule: 'C-06',
        kind: 'loan_out',
        id: l.id,
        counterpart: l.borrower,
        itemIds: [...l.carrierIds, ...l.archiveFileIds],
        dueAt: l.dueAt,
        since: l.loanedAt,
      })
  for (const b of state.borrowed.values())
    if (b.returned === null)
      out.push({
        rule: 'C-06',
        kind: 'borrowed_in',
        id: b.id,
        counterpart: b.lender,
        itemIds: b.items.map((i) => i.itemId),
        dueAt: b.dueAt,
        since: b.borrowedAt,
      })
  for (const t of state.trips.values())
    if (t.returned === null)
      out.push({
        rule: 'C-08',
        kind: 'trip',
        id: t.id,
        counterpart: t.bearers.join('、'),
        itemIds: t.carrierIds,
        dueAt: t.plannedReturnAt,
        since: t.startedAt,
      })
  return out
}

function byDue(a: MovementDue, b: MovementDue): number {
  return a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** rules C-06, C-08: open loans (both directions) and trips past their due time at `nowMs`. */
export function overdueMovements(state: MovementState, nowMs: number): MovementDue[] {
  return openDues(state)
    .filter((d) => nowMs > d.dueAt)
    .sort(byDue)
}

/** Open loans and trips falling due within `withinMs` from `nowMs` (not yet overdue), soonest first. */
export function movementsDueSoon(state: MovementState, nowMs: number, withinMs: number): MovementDue[] {
  return openDues(state)
    .filter((d) => d.dueAt >= nowMs && d.dueAt <= nowMs + withinMs)
    .sort(byDue)
}

/** Return checks that found something wrong, not yet resolved, oldest first. */
export function openMovementAnomalies(state: MovementState): MovementAnomaly[] {
  return [...state.anomalies.values()]
    .filter((a) => a.resolvedAt === null)
    .sort((a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** One line of a carrier's 去向 history. */
export interface CarrierMovement {
  readonly kind: 'loan_out' | 'trip'
  readonly rule: 'C-06' | 'C-08'
  readonly id: string
  /** Borrower, or the bearers and the destination. */
  readonly holder: string
  readonly from: number
  readonly dueAt: number
  readonly returnedAt: number | null
  /** The carrier did not come back at the return check. */
  readonly missing: boolean
  readonly damaged: boolean
  /** Returned after the due time, or still out past it at the time of the check. */
  readonly lateReturn: boolean
}

function outcome(returned: ReturnCheck | null, carrierId: string, dueAt: number) {
  return {
    returnedAt: returned?.at ?? null,
    missing: returned?.missingIds.includes(carrierId) ?? false,
    damaged: returned?.damagedIds.includes(carrierId) ?? false,
    lateReturn: returned !== null && returned.at > dueAt,
  }
}

/** rules C-06, C-08: the loans and trips of one carrier, oldest first (the register's 去向 column). */
export function carrierMovements(state: MovementState, carrierId: string): CarrierMovement[] {
  const out: CarrierMovement[] = []
  for (const l of state.loans.values())
    if (l.carrierIds.includes(carrierId))
      out.push({
        kind: 'loan_out',
        rule: 'C-06',
        id: l.id,
        holder: l.borrower,
        from: l.loanedAt,
        dueAt: l.dueAt,
        ...outcome(l.returned, carrierId, l.dueAt),
      })
  for (const t of state.trips.values())
    if (t.carrierIds.includes(carrierId))
      out.push({
        kind: 'trip',
        rule: 'C-08',
        id: t.id,
        holder: `${t.bearers.join('、')} → ${t.destination}`,
        from: t.startedAt,
        dueAt: t.plannedReturnAt,
        ...outcome(t.returned, carrierId, t.plannedReturnAt),
      })
  return out.sort((a, b) => a.from - b.from || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** rule C-03: the readers a carrier's need-to-know scope was widened to, with their approvals. */
export function widenedScope(state: MovementState, carrierId: string): readonly ScopeGrant[] {
  return state.scopes.get(carrierId) ?? []
}

/** rule C-03: whether `reader` was added to the carrier's scope by an approved widening. */
export function isInWidenedScope(state: MovementState, carrierId: string, reader: string): boolean {
  return widenedScope(state, carrierId).some((g) => g.reader === reader)
}

/** rule C-16: the approved, user-signed registrations of an electronic file, oldest first. */
export function electronicUses(state: MovementState, carrierId: string): ElectronicUse[] {
  return state.electronicUses.filter((u) => u.carrierId === carrierId)
}

/**
 * rule C-16: whether `action` on the electronic file has the 主管领导's approval and the user's signed
 * registration on record, for the carrier fold (copy, destruction) to consult.
 */
export function electronicUseApproved(
  state: MovementState,
  carrierId: string,
  action: ElectronicAction,
): boolean {
  return state.electronicUses.some((u) => u.carrierId === carrierId && u.action === action)
}
