import { carrierAgenda, custodyAgenda, movementAgenda, outgoingAgenda } from './agenda-carriers.ts'
import {
  type AgendaAnomaly,
  type AgendaContext,
  type AgendaItem,
  agendaQuery,
  type RegisterAgenda,
} from './agenda-items.ts'
import { inspectionAgenda, personnelAgenda, responsibilityAgenda } from './agenda-periodic.ts'
import {
  classificationAgenda,
  deviceAgenda,
  incidentAgenda,
  publicationAgenda,
  telegramAgenda,
} from './agenda-registers.ts'
import type { RegisterState } from './unit-state.ts'

export type { AgendaAnomaly, AgendaContext, AgendaItem, AgendaRegister } from './agenda-items.ts'

/**
 * The officer's agenda (待办) as one query across every register: what the app's bell and the leader's
 * dashboard show. Each register contributes through a short adapter over its own queries (no rule is
 * judged here); items carry identifiers only (rule S-04).
 */
const AGENDAS: readonly RegisterAgenda[] = [
  carrierAgenda,
  classificationAgenda,
  telegramAgenda,
  deviceAgenda,
  personnelAgenda,
  inspectionAgenda,
  incidentAgenda,
  responsibilityAgenda,
  publicationAgenda,
  custodyAgenda,
  movementAgenda,
  outgoingAgenda,
]

/** Code-point order: the same on every device, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function byDue(a: AgendaItem, b: AgendaItem): number {
  return (
    a.dueAt - b.dueAt ||
    compareText(a.register, b.register) ||
    compareText(a.subject, b.subject) ||
    compareText(a.rule, b.rule)
  )
}

/** Sorted; an item listed twice (a carrier held by two readers after a merge, C-04) is shown once. */
function sortedOnce(items: AgendaItem[]): AgendaItem[] {
  items.sort(byDue)
  return items.filter((item, n) => n === 0 || byDue(items[n - 1] as AgendaItem, item) !== 0)
}

/** Outstanding duties past their due time at `nowMs` (since = the due time), earliest due first. */
export function unitOverdue(state: RegisterState, nowMs: number, ctx: AgendaContext): AgendaItem[] {
  const q = agendaQuery(state, nowMs, ctx)
  return sortedOnce(AGENDAS.flatMap((a) => a.overdue(q)))
}

/**
 * Outstanding duties due within `withinMs` of `nowMs` and not yet overdue (since = null): due from
 * nowMs (due now counts, as in every register's due-soon query) to nowMs + withinMs inclusive.
 */
export function unitDueSoon(
  state: RegisterState,
  nowMs: number,
  withinMs: number,
  ctx: AgendaContext,
): AgendaItem[] {
  const q = agendaQuery(state, nowMs, ctx)
  return sortedOnce(AGENDAS.flatMap((a) => a.dueSoon(q, withinMs)))
}

/** Open anomalies of every register, oldest first (then register, then id). */
export function unitOpenAnomalies(state: RegisterState): AgendaAnomaly[] {
  return AGENDAS.flatMap((a) => a.anomalies?.(state) ?? []).sort(
    (a, b) =>
      a.openedAt - b.openedAt ||
      compareText(a.register, b.register) ||
      compareText(a.id, b.id) ||
      compareText(a.kind, b.kind),
  )
}
