import { startOfLocalDate, type WorkCalendar } from '../../core/work-calendar.ts'
import type { OrganisationPost } from './organisation-events.ts'
import { DEFAULT_RESPONSIBILITY_POLICY, endOfMonthDay, isoDate, type ResponsibilityPolicy } from './policy.ts'
import type { ResponsibilityState } from './state.ts'

/** rule B-04: a required post with nobody in it; `since` is when it was last vacated (null: never filled). */
export interface MissingPost {
  readonly post: OrganisationPost
  readonly since: number | null
}

export function missingPosts(
  state: ResponsibilityState,
  policy: ResponsibilityPolicy = DEFAULT_RESPONSIBILITY_POLICY,
): MissingPost[] {
  const out: MissingPost[] = []
  for (const post of policy.requiredPosts) {
    const filled = post === 'group_member' ? state.groupMembers.size > 0 : state.posts.has(post)
    if (!filled) out.push({ post, since: state.vacatedAt.get(post) ?? null })
  }
  return out
}

/** A periodic duty of rule B-04 for one year: a meeting period, the plan or the summary. */
export interface OrganisationDuty {
  readonly rule: 'B-04'
  readonly kind: 'meeting' | 'plan' | 'summary'
  /** Meetings: the period's first day ('YYYY-MM-DD'); plan and summary: the year. */
  readonly period: string
  readonly dueAt: number
  readonly metAt: number | null
  /** Unmet strictly after dueAt at nowMs: overdue since dueAt. */
  readonly overdue: boolean
}

function startOfNext(year: number, month: number, calendar: WorkCalendar): number {
  const next = month > 12 ? isoDate(year + 1, 1, 1) : isoDate(year, month, 1)
  return startOfLocalDate(next, calendar) ?? 0
}

/**
 * rule B-04: the year's duties at `nowMs`: one leading-group meeting per policy period (due at the
 * period's end), the plan and the summary (due on their policy dates). Periods not yet begun are left out.
 */
export function organisationDuties(
  state: ResponsibilityState,
  year: number,
  nowMs: number,
  calendar: WorkCalendar,
  policy: ResponsibilityPolicy = DEFAULT_RESPONSIBILITY_POLICY,
): OrganisationDuty[] {
  const out: OrganisationDuty[] = []
  const months = policy.meetingPeriodMonths
  for (let first = 1; first <= 12; first += months) {
    const from = isoDate(year, first, 1)
    const periodStart = startOfLocalDate(from, calendar) ?? 0
    if (periodStart > nowMs) break
    const to = first + months > 12 ? isoDate(year + 1, 1, 1) : isoDate(year, first + months, 1)
    const dueAt = startOfNext(year, first + months, calendar) - 1
    let metAt: number | null = null
    for (const m of state.meetings.values())
      if (m.heldOn >= from && m.heldOn < to && (metAt === null || m.recordedAt < metAt)) metAt = m.recordedAt
    out.push({
      rule: 'B-04',
      kind: 'meeting',
      period: from,
      dueAt,
      metAt,
      overdue: metAt === null && nowMs > dueAt,
    })
  }
  for (const [kind, docs, when] of [
    ['plan', state.plans, policy.planDue],
    ['summary', state.summaries, policy.summaryDue],
  ] as const) {
    const dueAt = endOfMonthDay(year, when, calendar)
    const metAt = docs.get(year)?.filedAt ?? null
    out.push({
      rule: 'B-04',
      kind,
      period: String(year),
      dueAt,
      metAt,
      overdue: metAt === null && nowMs > dueAt,
    })
  }
  return out
}

/** rule B-04: duties unmet and falling due within `withinMs` of `nowMs` (not yet overdue). */
export function organisationDutiesDueSoon(
  state: ResponsibilityState,
  year: number,
  nowMs: number,
  withinMs: number,
  calendar: WorkCalendar,
  policy: ResponsibilityPolicy = DEFAULT_RESPONSIBILITY_POLICY,
): OrganisationDuty[] {
  return organisationDuties(state, year, nowMs, calendar, policy)
    .filter((d) => d.metAt === null && d.dueAt >= nowMs && d.dueAt <= nowMs + withinMs)
    .sort((a, b) => a.dueAt - b.dueAt)
}

export interface OrganisationFigures {
  readonly year: number
  readonly meetings: number
  readonly planFiled: boolean
  readonly summaryFiled: boolean
  readonly missingPosts: readonly OrganisationPost[]
}

/** rule B-04: the year's figures for the annual summary. */
export function organisationFigures(
  state: ResponsibilityState,
  year: number,
  policy: ResponsibilityPolicy = DEFAULT_RESPONSIBILITY_POLICY,
): OrganisationFigures {
  const prefix = `${String(year).padStart(4, '0')}-`
  let meetings = 0
  for (const m of state.meetings.values()) if (m.heldOn.startsWith(prefix)) meetings++
  return {
    year,
    meetings,
    planFiled: state.plans.has(year),
    summaryFiled: state.summaries.has(year),
    missingPosts: missingPosts(state, policy).map((m) => m.post),
  }
}
