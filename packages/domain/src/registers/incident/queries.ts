import type { Level } from '../../core/levels.ts'
import { localDay, type WorkCalendar } from '../../core/work-calendar.ts'
import { DEFAULT_INCIDENT_POLICY, endOfDayMonthsLater, type IncidentPolicy } from './policy.ts'
import type { Incident, IncidentState, MissingItem } from './state.ts'

/** Read-only questions about the incident register; time comes in as `nowMs`. */

const DAY_MS = 86_400_000

export interface IncidentDeadline {
  readonly rule: 'X-01'
  readonly kind: 'report_to_bureau' | 'written_result'
  readonly dueAt: number
  /** When met, or null while outstanding. */
  readonly metAt: number | null
}

/** An incident as the lists show it: opened explicitly, or automatic from a missing item. */
export interface IncidentView {
  /** The incident's id, or `missing:<missingId>` for an automatic one not yet opened. */
  readonly id: string
  readonly automatic: boolean
  readonly missingId: string | null
  /** Discovery, or for an automatic one the instant the missing item became a leak. */
  readonly discoveredAt: number
  readonly deadlines: readonly IncidentDeadline[]
}

/** rule X-02: the instant a missing item is treated as a leak, or null for a level with no limit. */
export function leakAt(item: MissingItem, policy: IncidentPolicy = DEFAULT_INCIDENT_POLICY): number | null {
  const days = policy.missingLimitDays[item.level]
  return days === undefined ? null : item.noticedAt + days * DAY_MS
}

/** rule X-01: report within 24 hours, written result within 3 months, both from discovery. */
export function incidentDeadlines(
  discoveredAt: number,
  reportedAt: number | null,
  concludedAt: number | null,
  calendar: WorkCalendar,
  policy: IncidentPolicy = DEFAULT_INCIDENT_POLICY,
): IncidentDeadline[] {
  return [
    {
      rule: 'X-01',
      kind: 'report_to_bureau',
      dueAt: discoveredAt + policy.reportWithinMs,
      metAt: reportedAt,
    },
    {
      rule: 'X-01',
      kind: 'written_result',
      dueAt: endOfDayMonthsLater(discoveredAt, policy.investigationWithinMonths, calendar),
      metAt: concludedAt,
    },
  ]
}

function explicitView(i: Incident, calendar: WorkCalendar, policy: IncidentPolicy): IncidentView {
  return {
    id: i.id,
    automatic: false,
    missingId: i.missingId,
    discoveredAt: i.discoveredAt,
    deadlines: incidentDeadlines(i.discoveredAt, i.reportedAt, i.concludedAt, calendar, policy),
  }
}

/**
 * rules: open incidents at `nowMs`: the explicit ones not concluded or closed, and one
 * automatic incident per missing item past its level's limit that nobody has opened an incident for.
 * The automatic one's 24 hours run from the moment the limit passed.
 */
export function openIncidents(
  state: IncidentState,
  nowMs: number,
  calendar: WorkCalendar,
  policy: IncidentPolicy = DEFAULT_INCIDENT_POLICY,
): IncidentView[] {
  const out: IncidentView[] = []
  for (const i of state.incidents.values())
    if (i.state === 'open' || i.state === 'reported') out.push(explicitView(i, calendar, policy))
  for (const m of state.missing.values()) {
    const at = leakAt(m, policy)
    if (m.foundAt !== null || m.incidentId !== null || at === null || nowMs < at) continue
    out.push({
      id: `missing:${m.id}`,
      automatic: true,
      missingId: m.id,
      discoveredAt: at,
      deadlines: incidentDeadlines(at, null, null, calendar, policy),
    })
  }
  return out.sort((a, b) => a.discoveredAt - b.discoveredAt || a.id.localeCompare(b.id))
}

/** rule X-01: open incidents with an outstanding deadline past due (overdue since its `dueAt`). */
export function overdueIncidents(
  state: IncidentState,
  nowMs: number,
  calendar: WorkCalendar,
  policy: IncidentPolicy = DEFAULT_INCIDENT_POLICY,
): IncidentView[] {
  return openIncidents(state, nowMs, calendar, policy)
    .map((v) => ({ ...v, deadlines: v.deadlines.filter((d) => d.metAt === null && nowMs > d.dueAt) }))
    .filter((v) => v.deadlines.length > 0)
}

/** rule X-01: deadlines met after their due time, for inspection (a late report stays on record). */
export function lateIncidentDeadlines(
  state: IncidentState,
  calendar: WorkCalendar,
  policy: IncidentPolicy = DEFAULT_INCIDENT_POLICY,
): (IncidentDeadline & { readonly incidentId: string })[] {
  const out: (IncidentDeadline & { incidentId: string })[] = []
  for (const i of state.incidents.values())
    for (const d of explicitView(i, calendar, policy).deadlines)
      if (d.metAt !== null && d.metAt > d.dueAt) out.push({ ...d, incidentId: i.id })
  return out.sort((a, b) => a.dueAt - b.dueAt || a.incidentId.localeCompare(b.incidentId))
}

export interface MissingStatus {
  readonly missingId: string
  readonly itemRef: string
  readonly level: Level
  readonly noticedAt: number
  /** When it is (or was) treated as a leak; null for a level with no limit. */
  readonly leakAt: number | null
  readonly treatedAsLeak: boolean
}

/** rule X-02: carriers still missing, soonest to become a leak first. */
export function missingItems(
  state: IncidentState,
  nowMs: number,
  policy: IncidentPolicy = DEFAULT_INCIDENT_POLICY,
): MissingStatus[] {
  const out: MissingStatus[] = []
  for (const m of state.missing.values()) {
    if (m.foundAt !== null) continue
    const at = leakAt(m, policy)
    out.push({
      missingId: m.id,
      itemRef: m.itemRef,
      level: m.level,
      noticedAt: m.noticedAt,
      leakAt: at,
      treatedAsLeak: at !== null && nowMs >= at,
    })
  }
  const key = (s: MissingStatus) => s.leakAt ?? Number.POSITIVE_INFINITY
  return out.sort((a, b) => key(a) - key(b) || a.missingId.localeCompare(b.missingId))
}

export interface IncidentYearFigures {
  readonly year: number
  readonly incidentsOpened: number
  readonly notReportedInTime: number
  readonly concluded: number
  readonly carriersMissing: number
  readonly carriersFound: number
}

/** Figures for the year's summary: incidents discovered and carriers noticed missing in `year`. */
export function incidentYearFigures(
  state: IncidentState,
  year: number,
  calendar: WorkCalendar,
  policy: IncidentPolicy = DEFAULT_INCIDENT_POLICY,
): IncidentYearFigures {
  const inYear = (ms: number) => localDay(ms, calendar).year === year
  const incidents = [...state.incidents.values()].filter((i) => inYear(i.discoveredAt))
  const missing = [...state.missing.values()].filter((m) => inYear(m.noticedAt))
  return {
    year,
    incidentsOpened: incidents.length,
    notReportedInTime: incidents.filter(
      (i) => (i.reportedAt ?? Number.POSITIVE_INFINITY) > i.discoveredAt + policy.reportWithinMs,
    ).length,
    concluded: incidents.filter((i) => i.state === 'concluded').length,
    carriersMissing: missing.length,
    carriersFound: missing.filter((m) => m.foundAt !== null).length,
  }
}
