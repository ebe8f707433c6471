import { endOfLocalDay, type WorkCalendar } from '../../core/work-calendar.ts'
import { startOfDate, startOfYear } from './dates.ts'
import type { EmploymentType } from './events.ts'
import { DEFAULT_PERSONNEL_POLICY, type PersonnelPolicy } from './policy.ts'
import type { Person, PersonnelState, TrainingPlan } from './state.ts'

/** Read-only questions about the education record; time comes in as `nowMs`. */

export interface StaffRef {
  readonly personId: string
  readonly employmentType: EmploymentType
}

export interface TrainingCoverage {
  readonly year: number
  /** Staff at the unit at some point of the year, every employment type (P-05). */
  readonly staffCount: number
  readonly trainedCount: number
  /** trainedCount ÷ staffCount, or null when the unit had no staff that year. */
  readonly share: number | null
  /** Who has no session this year, by person id (S-04: no names in a projection). */
  readonly missing: readonly StaffRef[]
  /** The duty falls due at the end of the year (local midnight starting 1 January of the next). */
  readonly dueAtMs: number
  /** Overdue since `dueAtMs` when the year is over and someone is missing, else null. */
  readonly overdueSinceMs: number | null
}

function onStaffDuring(p: Person, from: string, to: string): boolean {
  return p.startsOn <= to && (p.leftUnitOn === null || p.leftUnitOn >= from)
}

/** Person ids with at least one attended session held between the two dates (inclusive). */
function attendedBetween(state: PersonnelState, from: string, to: string): Set<string> {
  const out = new Set<string>()
  for (const s of state.sessions.values())
    if (s.heldOn >= from && s.heldOn <= to) for (const a of s.attendees) out.add(a.personId)
  return out
}

/**
 * rule T-01: every staff member receives secrecy education at least once a calendar year. Attendance
 * counts, whatever the score: a failed test is still education (P-01 asks for a pass, T-01 does not).
 */
export function trainingCoverage(
  state: PersonnelState,
  year: number,
  nowMs: number,
  calendar: WorkCalendar,
): TrainingCoverage {
  const from = `${String(year).padStart(4, '0')}-01-01`
  const to = `${String(year).padStart(4, '0')}-12-31`
  const attended = attendedBetween(state, from, to)
  const staff = [...state.persons.values()].filter((p) => onStaffDuring(p, from, to))
  const missing = staff
    .filter((p) => !attended.has(p.id))
    .map((p) => ({ personId: p.id, employmentType: p.employmentType }))
    .sort((a, b) => a.personId.localeCompare(b.personId))
  const dueAtMs = startOfYear(year + 1, calendar)
  return {
    year,
    staffCount: staff.length,
    trainedCount: staff.length - missing.length,
    share: staff.length === 0 ? null : (staff.length - missing.length) / staff.length,
    missing,
    dueAtMs,
    overdueSinceMs: missing.length > 0 && nowMs >= dueAtMs ? dueAtMs : null,
  }
}

export interface UntaughtNewStaff extends StaffRef {
  /** Local midnight of the first working day: taught before it (T-02). */
  readonly startsAtMs: number
  /** Overdue since `startsAtMs` once the person has started, else due then. */
  readonly overdue: boolean
}

/**
 * rule T-02 (reminder for every post; classified posts are also blocked at took_post): staff still at
 * the unit with no session on record at all. Once taught they drop off; taught after their first day
 * they count as taught late in the year's summary.
 */
export function untaughtNewStaff(
  state: PersonnelState,
  nowMs: number,
  calendar: WorkCalendar,
): UntaughtNewStaff[] {
  const attended = attendedBetween(state, '0000-01-01', '9999-12-31')
  const out: UntaughtNewStaff[] = []
  for (const p of state.persons.values()) {
    if (p.leftUnitOn !== null || attended.has(p.id)) continue
    const startsAtMs = startOfDate(p.startsOn, calendar)
    out.push({ personId: p.id, employmentType: p.employmentType, startsAtMs, overdue: nowMs >= startsAtMs })
  }
  return out.sort((a, b) => a.startsAtMs - b.startsAtMs || a.personId.localeCompare(b.personId))
}

/** rule T-02: staff whose first session was after their first day, among those starting in `year`. */
export function taughtLate(state: PersonnelState, year: number): StaffRef[] {
  const first = new Map<string, string>()
  for (const s of state.sessions.values())
    for (const a of s.attendees) {
      const f = first.get(a.personId)
      if (f === undefined || s.heldOn < f) first.set(a.personId, s.heldOn)
    }
  const out: StaffRef[] = []
  for (const p of state.persons.values()) {
    const f = first.get(p.id)
    if (Number(p.startsOn.slice(0, 4)) === year && f !== undefined && f > p.startsOn)
      out.push({ personId: p.id, employmentType: p.employmentType })
  }
  return out.sort((a, b) => a.personId.localeCompare(b.personId))
}

export interface TrainingPlanStatus {
  readonly year: number
  readonly plan: TrainingPlan | null
  /** End of the policy's month-day in `year`. */
  readonly dueAtMs: number
  /** The gap: no plan past its due time, overdue since `dueAtMs`; else null. */
  readonly overdueSinceMs: number | null
  /** Sessions held in `year` so far, against the plan's count. */
  readonly sessionsHeld: number
}

/** rule T-03: the annual education plan of `year`, due by the policy's month-day. */
export function trainingPlanStatus(
  state: PersonnelState,
  year: number,
  nowMs: number,
  calendar: WorkCalendar,
  policy: PersonnelPolicy = DEFAULT_PERSONNEL_POLICY,
): TrainingPlanStatus {
  // Due by the end of that local date. A month-day that is no date (02-30) is a configuration error.
  const dueAtMs = endOfLocalDay(
    startOfDate(`${String(year).padStart(4, '0')}-${policy.planDueMonthDay}`, calendar),
    calendar,
  )
  const plan = state.plans.get(year) ?? null
  const prefix = `${String(year).padStart(4, '0')}-`
  let sessionsHeld = 0
  for (const s of state.sessions.values()) if (s.heldOn.startsWith(prefix)) sessionsHeld++
  return {
    year,
    plan,
    dueAtMs,
    overdueSinceMs: plan === null && nowMs > dueAtMs ? dueAtMs : null,
    sessionsHeld,
  }
}
