import type { Carrier } from '../../core/carrier-record.ts'
import type { UnitView } from '../../core/unit-view.ts'
import { localDay, startOfLocalDate, type WorkCalendar } from '../../core/work-calendar.ts'
import { type CarrierLeft, carriersLeftInCustody } from './closure-rules.ts'
import {
  archiveDueAt,
  archivePeriodOpensAt,
  type CustodyPolicy,
  DEFAULT_CUSTODY_POLICY,
  inventoryDueAfter,
  type RoutingUrgency,
} from './policy.ts'
import type { CustodyAnomaly, CustodyState, Routing, UnitClosure } from './state.ts'

export { type CarrierLeft, carriersLeftInCustody, type LeftReason } from './closure-rules.ts'

/** A deadline of a document under handling (rule C-19). */
export interface RoutingDeadline {
  readonly rule: 'C-19'
  readonly kind: 'presentation' | 'circulation'
  readonly dueAt: number
  /** When it was met, or null while outstanding. */
  readonly metAt: number | null
}

export interface CustodyOverdueItem {
  readonly rule: 'C-19'
  readonly kind: RoutingDeadline['kind']
  readonly routingId: string
  readonly carrierId: string
  readonly serial: string
  readonly slipNumber: string
  readonly dueAt: number
  /** Overdue since (the due time). */
  readonly since: number
}

export type CustodyDueSoonItem = Omit<CustodyOverdueItem, 'since'>

/** rule C-19: presentation (office head; a leader for urgent documents), then circulation back to the officer. */
export function routingDeadlinesOf(r: Routing): readonly RoutingDeadline[] {
  return [
    { rule: 'C-19', kind: 'presentation', dueAt: r.presentDueAt, metAt: r.presentedAt },
    { rule: 'C-19', kind: 'circulation', dueAt: r.circulationDueAt, metAt: r.closedAt },
  ]
}

function item(r: Routing, d: RoutingDeadline): CustodyDueSoonItem {
  return {
    rule: d.rule,
    kind: d.kind,
    routingId: r.id,
    carrierId: r.carrierId,
    serial: r.serial,
    slipNumber: r.slipNumber,
    dueAt: d.dueAt,
  }
}

/** rule C-19: outstanding deadlines strictly past due at `nowMs`, oldest first. */
export function overdueCustody(state: CustodyState, nowMs: number): CustodyOverdueItem[] {
  const out: CustodyOverdueItem[] = []
  for (const r of state.routings.values())
    for (const d of routingDeadlinesOf(r))
      if (d.metAt === null && nowMs > d.dueAt) out.push({ ...item(r, d), since: d.dueAt })
  return out.sort((a, b) => a.dueAt - b.dueAt || a.routingId.localeCompare(b.routingId))
}

/** rule C-19: outstanding deadlines falling due within `withinMs` of `nowMs` (not yet overdue), soonest first. */
export function custodyDueSoon(state: CustodyState, nowMs: number, withinMs: number): CustodyDueSoonItem[] {
  const out: CustodyDueSoonItem[] = []
  for (const r of state.routings.values())
    for (const d of routingDeadlinesOf(r))
      if (d.metAt === null && d.dueAt >= nowMs && d.dueAt <= nowMs + withinMs) out.push(item(r, d))
  return out.sort((a, b) => a.dueAt - b.dueAt || a.routingId.localeCompare(b.routingId))
}

export interface DocumentUnderHandling {
  readonly routingId: string
  readonly carrierId: string
  readonly serial: string
  readonly slipNumber: string
  readonly urgency: RoutingUrgency
  readonly receivedAt: number
  readonly presentDueAt: number
  readonly presentedAt: number | null
  readonly circulationDueAt: number
  /** The outstanding deadlines past due at `nowMs`. */
  readonly overdue: readonly CustodyOverdueItem[]
}

/** rule C-19: the officer's follow-up list (跟踪督办): every document not back yet, oldest receipt first. */
export function documentsUnderHandling(state: CustodyState, nowMs: number): DocumentUnderHandling[] {
  const out: DocumentUnderHandling[] = []
  for (const r of state.routings.values()) {
    if (r.state !== 'open') continue
    out.push({
      routingId: r.id,
      carrierId: r.carrierId,
      serial: r.serial,
      slipNumber: r.slipNumber,
      urgency: r.urgency,
      receivedAt: r.receivedAt,
      presentDueAt: r.presentDueAt,
      presentedAt: r.presentedAt,
      circulationDueAt: r.circulationDueAt,
      overdue: routingDeadlinesOf(r)
        .filter((d) => d.metAt === null && nowMs > d.dueAt)
        .map((d) => ({ ...item(r, d), since: d.dueAt })),
    })
  }
  return out.sort((a, b) => a.receivedAt - b.receivedAt || a.routingId.localeCompare(b.routingId))
}

/** rule C-13: inventory gaps not yet resolved, oldest first. */
export function openCustodyAnomalies(state: CustodyState): CustodyAnomaly[] {
  return [...state.anomalies.values()]
    .filter((a) => a.resolvedAt === null)
    .sort((a, b) => a.openedAt - b.openedAt || a.id.localeCompare(b.id))
}

export interface ArchivingItem {
  readonly carrierId: string
  readonly serial: string
  /** not_archived: still in the officer's cabinet; held_by_reader: kept by a person (no one keeps documents privately). */
  readonly reason: 'not_archived' | 'held_by_reader'
  readonly holders: readonly string[]
}

export interface ArchivingReminder {
  readonly rule: 'C-10'
  /** The year of the documents. */
  readonly year: number
  readonly dueAt: number
  readonly overdue: boolean
  readonly since: number | null
  readonly items: readonly ArchivingItem[]
}

/** rule C-10: a carrier's year: the year of its date received (or produced), else of its registration. */
export function carrierYear(c: Carrier, calendar: WorkCalendar): number {
  if (startOfLocalDate(c.receivedOn, calendar) !== null) return Number(c.receivedOn.slice(0, 4))
  return localDay(c.registeredAt, calendar).year
}

/**
 * rule C-10: per year Y whose archiving period has opened (1 January of Y+1), the documents of Y not
 * archived yet: in the officer's custody and not away in another register, or held by a reader. Overdue
 * after the deadline (end of `archiveByMonth` of Y+1), since the deadline. Oldest year first.
 */
export function archivingReminders(
  state: CustodyState,
  view: UnitView,
  nowMs: number,
  calendar: WorkCalendar,
  policy: CustodyPolicy = DEFAULT_CUSTODY_POLICY,
): ArchivingReminder[] {
  const byYear = new Map<number, ArchivingItem[]>()
  for (const c of view.carriers.values()) {
    if (c.state === 'destroyed' || !policy.archiveKinds.includes(c.kind)) continue
    if (state.archived.has(c.id) || state.handedOver.has(c.id)) continue
    const year = carrierYear(c, calendar)
    if (nowMs < archivePeriodOpensAt(year, calendar)) continue
    const held = c.state === 'out' || c.holders.length > 0
    if (!held && view.carrierAway(c.id) !== null) continue
    const list = byYear.get(year) ?? []
    list.push({
      carrierId: c.id,
      serial: c.serial,
      reason: held ? 'held_by_reader' : 'not_archived',
      holders: c.holders.map((h) => h.reader),
    })
    byYear.set(year, list)
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, items]) => {
      const dueAt = archiveDueAt(year, policy, calendar)
      const overdue = nowMs > dueAt
      return {
        rule: 'C-10' as const,
        year,
        dueAt,
        overdue,
        since: overdue ? dueAt : null,
        items: items.sort(
          (a, b) => a.serial.localeCompare(b.serial) || a.carrierId.localeCompare(b.carrierId),
        ),
      }
    })
}

export interface InventoryReminder {
  readonly rule: 'C-13'
  readonly lastInventoryId: string | null
  readonly lastClosedAt: number | null
  /** 帐物相符 at the last closing. */
  readonly lastMatched: boolean | null
  readonly openInventoryId: string | null
  /** Null when there is nothing to inventory yet (no closed inventory and no carrier registered). */
  readonly nextDueAt: number | null
  readonly overdue: boolean
  readonly since: number | null
}

/**
 * rule C-13: the last closed inventory and the next one due `inventoryIntervalMonths` later. Before
 * the first inventory the interval runs from the first carrier registered (from the unit view).
 * An open inventory does not stop the clock: the duty is done when it closes.
 */
export function inventoryReminder(
  state: CustodyState,
  nowMs: number,
  calendar: WorkCalendar,
  policy: CustodyPolicy = DEFAULT_CUSTODY_POLICY,
  view?: UnitView,
): InventoryReminder {
  let last: { id: string; closedAt: number; matched: boolean | null } | null = null
  for (const inv of state.inventories.values())
    if (inv.closedAt !== null && (last === null || inv.closedAt > last.closedAt))
      last = { id: inv.id, closedAt: inv.closedAt, matched: inv.matched }
  let base: number | null = last?.closedAt ?? null
  if (base === null && view !== undefined)
    for (const c of view.carriers.values()) if (base === null || c.registeredAt < base) base = c.registeredAt
  const nextDueAt = base === null ? null : inventoryDueAfter(base, policy, calendar)
  const overdue = nextDueAt !== null && nowMs > nextDueAt
  return {
    rule: 'C-13',
    lastInventoryId: last?.id ?? null,
    lastClosedAt: last?.closedAt ?? null,
    lastMatched: last?.matched ?? null,
    openInventoryId: state.openInventoryId,
    nextDueAt,
    overdue,
    since: overdue ? nextDueAt : null,
  }
}

export interface CustodyReminders {
  readonly archiving: readonly ArchivingReminder[]
  readonly inventory: InventoryReminder
}

/** rules C-10, C-13: the periodic duties of custody, for the dashboard. */
export function custodyReminders(
  state: CustodyState,
  view: UnitView,
  nowMs: number,
  calendar: WorkCalendar,
  policy: CustodyPolicy = DEFAULT_CUSTODY_POLICY,
): CustodyReminders {
  return {
    archiving: archivingReminders(state, view, nowMs, calendar, policy),
    inventory: inventoryReminder(state, nowMs, calendar, policy, view),
  }
}

export interface ClosureStatus {
  readonly closure: UnitClosure | null
  readonly left: readonly CarrierLeft[]
  readonly openInventoryId: string | null
  /** Ids of unresolved inventory gaps (rule C-13). */
  readonly openAnomalies: readonly string[]
  readonly registersHandedOver: boolean
  /** A declared, not yet closed unit with nothing left: custody.unit_closed would be accepted. */
  readonly canClose: boolean
}

/** rule C-17: what is still to do before the unit can close (the refusal names the first gap). */
export function closureStatus(state: CustodyState, view: UnitView): ClosureStatus {
  const closure = state.closure
  const left = carriersLeftInCustody(state, view)
  const openAnomalies = openCustodyAnomalies(state).map((a) => a.id)
  const registersHandedOver = closure !== null && closure.registersHandedOverAt !== null
  return {
    closure,
    left,
    openInventoryId: state.openInventoryId,
    openAnomalies,
    registersHandedOver,
    canClose:
      closure !== null &&
      closure.closedAt === null &&
      left.length === 0 &&
      state.openInventoryId === null &&
      openAnomalies.length === 0 &&
      registersHandedOver,
  }
}
