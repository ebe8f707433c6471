import {
  type AgendaContext,
  DEFAULT_CALENDAR,
  DEFAULT_UNIT_POLICY,
  LEVELS,
  type Level,
  type RegisterState,
} from '@secledger/domain'
import {
  type Incident,
  type IncidentDeadline,
  incidentDeadlines,
  lateIncidentDeadlines,
  leakAt,
  type MissingItem,
  missingItems,
  openIncidents,
  overdueIncidents,
} from '@secledger/domain/registers/incident'
import { keywordMatcher, type QueryValues } from '@secledger/ui/logic'
import { todayDate } from '../time-format.ts'

/**
 * The 泄密事件登记 (rules) as the page lists it: one row per incident and one per carrier
 * reported missing, with the clock each runs on. Deadlines, overdue and the moment a missing carrier
 * counts as a leak are the domain's queries (registers/incident/queries.ts), never worked out here.
 */

/** What a row is: an incident (疑似泄密 / 遗失) or a missing carrier. */
export type IncidentCategory = 'suspected_leak' | 'loss' | 'missing'

/**
 * An incident: open (to report) → reported (result to deliver) → concluded, or closed_found.
 * A missing carrier: searching → leak (past its level's limit, X-02) / escalated (an incident opened
 * for it) → found.
 */
export type IncidentRowState = Incident['state'] | 'searching' | 'leak' | 'escalated' | 'found'

export const INCIDENT_CATEGORIES = ['suspected_leak', 'loss', 'missing'] as const

/** The deadline a row owes next: X-01's report or written result, or X-02's leak moment. */
export interface RowDeadline {
  readonly rule: 'X-01' | 'X-02'
  readonly kind: IncidentDeadline['kind'] | 'leak'
  readonly dueAt: number
}

export interface IncidentRow {
  /** The incident's or the missing item's id, which is also its number (SJ-2026-001, QS-2026-001). */
  readonly id: string
  readonly category: IncidentCategory
  readonly level: Level | null
  /** Register numbers of the carriers concerned (登记编号 第 n 份), never titles (S-01). */
  readonly carriers: readonly string[]
  /** Discovery; for a missing carrier, when it was found missing. */
  readonly discoveredAt: number
  readonly state: IncidentRowState
  /** Still to be acted on (an incident not concluded, a carrier not found). */
  readonly open: boolean
  readonly next: RowDeadline | null
  readonly overdue: boolean
  /** rule X-02: when a missing carrier is (or was) treated as a leak; null for an incident or a level without a limit. */
  readonly leakAt: number | null
  /** rule X-01: deadlines met after their due time (a late report stays on record). */
  readonly late: readonly IncidentDeadline['kind'][]
  /** The incident of a missing carrier, or the missing carrier of an incident. */
  readonly link: string | null
  readonly incident: Incident | null
  readonly missing: MissingItem | null
}

/** The calendar and limits the replica folds with (sync/unit-replica.ts), as the 待办 asks them. */
export const INCIDENT_CONTEXT: AgendaContext = { calendar: DEFAULT_CALENDAR, policy: DEFAULT_UNIT_POLICY }

/** A carrier of the register by its 登记编号 and 份号; a reference typed by hand stays as typed. */
export function carrierName(state: RegisterState, ref: string): string {
  const c = state.carriers.get(ref)
  if (c === undefined) return ref
  return c.copyNumber === null ? c.serial : `${c.serial} 第 ${c.copyNumber} 份`
}

function earliest(deadlines: readonly IncidentDeadline[]): RowDeadline | null {
  let next: RowDeadline | null = null
  for (const d of deadlines)
    if (d.metAt === null && (next === null || d.dueAt < next.dueAt))
      next = { rule: d.rule, kind: d.kind, dueAt: d.dueAt }
  return next
}

/** The highest level among the incident's register carriers (and its missing carrier), or null. */
function highestLevel(state: RegisterState, refs: readonly string[], also: Level | null): Level | null {
  const levels = new Set<Level>(also === null ? [] : [also])
  for (const ref of refs) {
    const c = state.carriers.get(ref)
    if (c !== undefined) levels.add(c.level)
  }
  return LEVELS.find((l) => levels.has(l)) ?? null
}

export function incidentRows(
  state: RegisterState,
  nowMs: number,
  ctx: AgendaContext = INCIDENT_CONTEXT,
): IncidentRow[] {
  const s = state.registers.incident
  const policy = ctx.policy.incident
  const open = new Map(openIncidents(s, nowMs, ctx.calendar, policy).map((v) => [v.id, v]))
  const overdue = new Set(overdueIncidents(s, nowMs, ctx.calendar, policy).map((v) => v.id))
  const late = new Map<string, IncidentDeadline['kind'][]>()
  for (const d of lateIncidentDeadlines(s, ctx.calendar, policy))
    late.set(d.incidentId, [...(late.get(d.incidentId) ?? []), d.kind])
  const searching = new Map(missingItems(s, nowMs, policy).map((m) => [m.missingId, m]))
  const out: IncidentRow[] = []

  for (const i of s.incidents.values()) {
    const missing = i.missingId === null ? null : (s.missing.get(i.missingId) ?? null)
    const view = open.get(i.id)
    // a closed incident owes nothing; its deadlines as the domain states them, for the late marks
    const deadlines =
      view?.deadlines ?? incidentDeadlines(i.discoveredAt, i.reportedAt, i.concludedAt, ctx.calendar, policy)
    out.push({
      id: i.id,
      category: i.kind,
      level: highestLevel(state, i.carrierRefs, missing?.level ?? null),
      carriers: [
        ...new Set([
          ...i.carrierRefs.map((r) => carrierName(state, r)),
          ...(missing ? [missing.itemRef] : []),
        ]),
      ],
      discoveredAt: i.discoveredAt,
      state: i.state,
      open: view !== undefined,
      next: view === undefined ? null : earliest(deadlines),
      overdue: overdue.has(i.id),
      leakAt: null,
      late: late.get(i.id) ?? [],
      link: i.missingId,
      incident: i,
      missing,
    })
  }

  for (const m of s.missing.values()) {
    const auto = open.get(`missing:${m.id}`)
    const status = searching.get(m.id)
    const at = leakAt(m, policy)
    const rowState: IncidentRowState =
      m.foundAt !== null
        ? 'found'
        : m.incidentId !== null
          ? 'escalated'
          : status?.treatedAsLeak
            ? 'leak'
            : 'searching'
    // rule X-02: before its limit the carrier owes the moment it becomes a leak; after, X-01's deadlines
    // run from that moment (the domain's automatic incident) until an incident is opened for it
    const next =
      auto !== undefined
        ? earliest(auto.deadlines)
        : rowState === 'searching' && at !== null
          ? { rule: 'X-02' as const, kind: 'leak' as const, dueAt: at }
          : null
    out.push({
      id: m.id,
      category: 'missing',
      level: m.level,
      carriers: [m.itemRef],
      discoveredAt: m.noticedAt,
      state: rowState,
      open: m.foundAt === null,
      next,
      overdue: overdue.has(`missing:${m.id}`),
      leakAt: at,
      late: [],
      link: m.incidentId,
      incident: null,
      missing: m,
    })
  }
  // Open entries first, newest first within each, as the book is read.
  return out.sort(
    (a, b) => Number(b.open) - Number(a.open) || b.discoveredAt - a.discoveredAt || b.id.localeCompare(a.id),
  )
}

export function filterIncidentRows(rows: readonly IncidentRow[], query: QueryValues): IncidentRow[] {
  const matches = keywordMatcher(typeof query.keyword === 'string' ? query.keyword : '')
  const category = query.category
  const status = query.status
  return rows.filter(
    (r) =>
      matches([r.id, ...r.carriers, r.incident?.reportRef, r.incident?.resultRef]) &&
      (category === undefined || category === '' || r.category === category) &&
      (status === undefined || status === '' || (status === 'open') === r.open) &&
      (query.overdueOnly !== true || r.overdue),
  )
}

/** The prefixes of the numbers: 事件 (SJ) and 缺失 (QS), so that one number never names both. */
export const NUMBER_PREFIX = { incident: 'SJ', missing: 'QS' } as const

/**
 * The next number of the year, `SJ-2026-001` or `QS-2026-001`: the entry's id, typed by people where
 * another register names it (C-09, C-13). Two devices numbering offline at once would collide; the
 * domain refuses the second (INCIDENT-EXISTS) and the merge shows it as an anomaly.
 */
export function nextIncidentNumber(
  state: RegisterState,
  entry: keyof typeof NUMBER_PREFIX,
  nowMs: number,
): string {
  const prefix = NUMBER_PREFIX[entry]
  const year = todayDate(nowMs).slice(0, 4)
  const s = state.registers.incident
  const ids = entry === 'incident' ? s.incidents.keys() : s.missing.keys()
  let max = 0
  for (const id of ids) {
    const m = /^([A-Z]+)-(\d{4})-(\d{1,8})$/.exec(id)
    if (m && m[1] === prefix && m[2] === year) max = Math.max(max, Number(m[3]))
  }
  return `${prefix}-${year}-${String(max + 1).padStart(3, '0')}`
}
