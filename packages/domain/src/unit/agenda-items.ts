import type { UnitView } from '../core/unit-view.ts'
import { localDay, type WorkCalendar } from '../core/work-calendar.ts'
import { worksOf } from './fold-work.ts'
import type { UnitPolicy } from './policy.ts'
import { composeSlices, type RegisterName, unitViewOf } from './slices.ts'
import type { RegisterState } from './unit-state.ts'

/** The shapes of the officer's agenda (待办) and what the per-register adapters share. */

export type AgendaRegister = 'carrier' | RegisterName

/**
 * One outstanding duty with a due time. Identifiers only (rule S-04): `subject` is the id of the item
 * (carrier, telegram, finding, loan, routing…) or, for a periodic duty, its period (`2026`, `2026-Q1`,
 * `plan:2026`); never a title, a name or a note.
 */
export interface AgendaItem {
  readonly register: AgendaRegister
  /** The rule ID (`C-05`, `E-01`, `I-04`…). */
  readonly rule: string
  readonly subject: string
  readonly dueAt: number
  /** Overdue since (the due time), or null when not yet overdue. */
  readonly since: number | null
}

/** An open anomaly of a register: shown until an officer resolves it. Identifiers only (rule S-04). */
export interface AgendaAnomaly {
  readonly register: AgendaRegister
  readonly id: string
  readonly kind: string
  readonly openedAt: number
}

/** One register's share of the agenda: a short adapter over its own queries. */
export interface RegisterAgenda {
  readonly register: AgendaRegister
  overdue(q: AgendaQuery): AgendaItem[]
  dueSoon(q: AgendaQuery, withinMs: number): AgendaItem[]
  anomalies?(state: RegisterState): AgendaAnomaly[]
}

export function anomaly(
  register: AgendaRegister,
  a: { readonly id: string; readonly kind: string; readonly openedAt: number },
): AgendaAnomaly {
  return { register, id: a.id, kind: a.kind, openedAt: a.openedAt }
}

export interface AgendaContext {
  readonly calendar: WorkCalendar
  readonly policy: UnitPolicy
}

/** What every adapter is asked with; `view` is built on first use (only custody reminders read it). */
export interface AgendaQuery {
  readonly state: RegisterState
  readonly nowMs: number
  readonly ctx: AgendaContext
  /** The local year of nowMs. */
  readonly year: number
  view(): UnitView
}

export function agendaQuery(state: RegisterState, nowMs: number, ctx: AgendaContext): AgendaQuery {
  let view: UnitView | undefined
  return {
    state,
    nowMs,
    ctx,
    year: localDay(nowMs, ctx.calendar).year,
    view() {
      if (view === undefined) {
        // The slices' working states behind the snapshot: the same view the fold's rules saw.
        const { slices, works } = worksOf(state) ?? { slices: composeSlices(ctx.policy), works: [] }
        view = unitViewOf({ carriers: state.carriers, slices, sliceWorks: works })
      }
      return view
    },
  }
}

export function overdueItem(
  register: AgendaRegister,
  rule: string,
  subject: string,
  dueAt: number,
): AgendaItem {
  return { register, rule, subject, dueAt, since: dueAt }
}

export function dueSoonItem(
  register: AgendaRegister,
  rule: string,
  subject: string,
  dueAt: number,
): AgendaItem {
  return { register, rule, subject, dueAt, since: null }
}

/** The due-soon window: from nowMs (due now, not yet overdue) to nowMs + withinMs, both included. */
export function inWindow(dueAt: number, q: AgendaQuery, withinMs: number): boolean {
  return dueAt >= q.nowMs && dueAt <= q.nowMs + withinMs
}

/**
 * Years to ask the queries that take one (I-01, T-01, T-03, B-01, B-04): the year before nowMs's
 * (its year-end duties fall due on 1 January) up to the year of the window's end.
 */
export function yearsToAsk(q: AgendaQuery, withinMs = 0): number[] {
  const last = localDay(q.nowMs + withinMs, q.ctx.calendar).year
  const years: number[] = []
  for (let y = q.year - 1; y <= last; y++) years.push(y)
  return years
}

/**
 * Periodic duties missed are shown overdue in the local year they fell due in, then drop off: a past
 * quarter without an inspection cannot be made good, and last year's plan is not this year's to-do.
 */
export function fellDueThisYear(dueAt: number, q: AgendaQuery): boolean {
  return localDay(dueAt, q.ctx.calendar).year === q.year
}

/** A duty a query reports with its due time and its own overdue verdict (reminders, periodic duties). */
export interface Duty {
  readonly rule: string
  readonly subject: string
  readonly dueAt: number
  readonly overdue: boolean
}

export function overdueDuties(register: AgendaRegister, duties: readonly Duty[]): AgendaItem[] {
  return duties.filter((d) => d.overdue).map((d) => overdueItem(register, d.rule, d.subject, d.dueAt))
}

/** Duties not overdue by their query's verdict and due within the window. */
export function dutiesDueSoon(
  register: AgendaRegister,
  duties: readonly Duty[],
  q: AgendaQuery,
  withinMs: number,
): AgendaItem[] {
  return duties
    .filter((d) => !d.overdue && inWindow(d.dueAt, q, withinMs))
    .map((d) => dueSoonItem(register, d.rule, d.subject, d.dueAt))
}
