import { localDay, type WorkCalendar } from '../../core/work-calendar.ts'
import type { SecrecyPostLevel } from './policy.ts'
import { DEFAULT_PERSONNEL_POLICY, type PersonnelPolicy } from './policy.ts'
import type { PersonnelState } from './state.ts'
import { taughtLate, trainingCoverage, trainingPlanStatus, untaughtNewStaff } from './training-queries.ts'

/** Read-only questions about the classified-personnel register; time comes in as `nowMs`. */

export interface OnPost {
  readonly personId: string
  readonly level: SecrecyPostLevel
  readonly sinceMs: number
}

/** rule P-01: who is on a classified post now, by level then id. */
export function personnelOnPost(state: PersonnelState): OnPost[] {
  const order: Record<SecrecyPostLevel, number> = { core: 0, important: 1, general: 2 }
  const out: OnPost[] = []
  for (const p of state.persons.values())
    if (p.post !== null) out.push({ personId: p.id, level: p.post.level, sinceMs: p.post.sinceMs })
  return out.sort((a, b) => order[a.level] - order[b.level] || a.personId.localeCompare(b.personId))
}

export interface Decontamination {
  readonly personId: string
  readonly level: SecrecyPostLevel
  readonly months: number
  readonly startsAtMs: number
  readonly endsAtMs: number
  /** Travel abroad recorded during the period (each under its own P-04 approval). */
  readonly travelsDuring: number
}

/**
 * rule P-03: persons in their 脱密期 at `nowMs` (from the approval of leaving until the end), ending
 * soonest first. A person back on a post is no longer listed: the post's rules apply again.
 */
export function inDecontamination(state: PersonnelState, nowMs: number): Decontamination[] {
  const out: Decontamination[] = []
  for (const p of state.persons.values()) {
    const d = p.departures.at(-1)
    if (d === undefined || p.post !== null || nowMs < d.approvedAtMs || nowMs >= d.decontaminationEndsAtMs)
      continue
    out.push({
      personId: p.id,
      level: d.level,
      months: d.decontaminationMonths,
      startsAtMs: d.approvedAtMs,
      endsAtMs: d.decontaminationEndsAtMs,
      travelsDuring: p.travels.filter((t) => t.atMs >= d.approvedAtMs && t.atMs < d.decontaminationEndsAtMs)
        .length,
    })
  }
  return out.sort((a, b) => a.endsAtMs - b.endsAtMs || a.personId.localeCompare(b.personId))
}

/** rule P-03: 脱密期 ending within `withinMs` of `nowMs` (the officer informs the person and the bureau). */
export function decontaminationEndingSoon(
  state: PersonnelState,
  nowMs: number,
  withinMs: number,
): Decontamination[] {
  return inDecontamination(state, nowMs).filter((d) => d.endsAtMs <= nowMs + withinMs)
}

/**
 * rule C-12 hand-over list: every departure with the carriers attested as handed over, for the unit
 * fold to cross-check against the carrier register (a carrier still held by the person is a gap).
 */
export function departureHandOvers(state: PersonnelState): {
  readonly personId: string
  readonly eventId: string
  readonly leftAtMs: number
  readonly carrierIds: readonly string[]
}[] {
  const out = []
  for (const p of state.persons.values())
    for (const d of p.departures)
      out.push({ personId: p.id, eventId: d.eventId, leftAtMs: d.leftAtMs, carrierIds: d.carrierIds })
  return out.sort((a, b) => a.leftAtMs - b.leftAtMs || a.eventId.localeCompare(b.eventId))
}

export interface PersonnelYearSummary {
  readonly year: number
  readonly onPostByLevel: Readonly<Record<SecrecyPostLevel, number>>
  readonly tookPost: number
  readonly leftPost: number
  readonly travelsAbroad: number
  readonly sessions: number
  readonly trainingHours: number
  readonly attendances: number
  /** rule T-01 coverage share (null without staff). */
  readonly coverageShare: number | null
  readonly untrainedStaff: number
  readonly planAdopted: boolean
  readonly planOverdue: boolean
  /** rule T-02. */
  readonly untaughtNewStaff: number
  readonly taughtLate: number
}

/** Figures for the year's secrecy-work summary (年度保密工作总结) and the county dashboard. */
export function personnelYearSummary(
  state: PersonnelState,
  year: number,
  nowMs: number,
  calendar: WorkCalendar,
  policy: PersonnelPolicy = DEFAULT_PERSONNEL_POLICY,
): PersonnelYearSummary {
  const inYear = (ms: number) => localDay(ms, calendar).year === year
  const onPostByLevel = { core: 0, important: 0, general: 0 }
  for (const o of personnelOnPost(state)) onPostByLevel[o.level]++
  let tookPost = 0
  let leftPost = 0
  let travelsAbroad = 0
  for (const p of state.persons.values()) {
    if (p.post !== null && inYear(p.post.sinceMs)) tookPost++
    for (const d of p.departures) {
      if (inYear(d.onPostSinceMs)) tookPost++
      if (inYear(d.leftAtMs)) leftPost++
    }
    for (const t of p.travels) if (t.departsOn.startsWith(`${year}-`)) travelsAbroad++
  }
  let sessions = 0
  let trainingHours = 0
  let attendances = 0
  for (const s of state.sessions.values()) {
    if (!s.heldOn.startsWith(`${year}-`)) continue
    sessions++
    trainingHours += s.hours
    attendances += s.attendees.length
  }
  const coverage = trainingCoverage(state, year, nowMs, calendar)
  const plan = trainingPlanStatus(state, year, nowMs, calendar, policy)
  return {
    year,
    onPostByLevel,
    tookPost,
    leftPost,
    travelsAbroad,
    sessions,
    trainingHours,
    attendances,
    coverageShare: coverage.share,
    untrainedStaff: coverage.missing.length,
    planAdopted: plan.plan !== null,
    planOverdue: plan.overdueSinceMs !== null,
    untaughtNewStaff: untaughtNewStaff(state, nowMs, calendar).filter((u) => u.overdue).length,
    taughtLate: taughtLate(state, year).length,
  }
}
