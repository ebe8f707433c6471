import { localDay, type WorkCalendar } from '../../core/work-calendar.ts'
import { DEFAULT_PUBLICATION_POLICY, type PublicationPolicy } from './policy.ts'
import type { LeakIncident, PublicationItem, PublicationRecord, PublicationState } from './state.ts'

/** rule R-03: one line of the publication register. */
export interface PublicationRegisterLine extends PublicationRecord {
  readonly itemId: string
  readonly title: string
}

/** rule R-03: the register of published items, in order of publication. */
export function publicationRegister(state: PublicationState): PublicationRegisterLine[] {
  const out: PublicationRegisterLine[] = []
  for (const i of state.items.values())
    if (i.publication !== null) out.push({ ...i.publication, itemId: i.id, title: i.title })
  return out.sort((a, b) => a.publishedAt - b.publishedAt || a.itemId.localeCompare(b.itemId))
}

/** rule R-04: items waiting for the bureau, since their escalation. */
export function escalatedItems(
  state: PublicationState,
): { readonly itemId: string; readonly since: number }[] {
  const out: { itemId: string; since: number }[] = []
  for (const i of state.items.values())
    if (i.state === 'escalated' && i.escalation !== null) out.push({ itemId: i.id, since: i.escalation.at })
  return out.sort((a, b) => a.since - b.since || a.itemId.localeCompare(b.itemId))
}

/** rules: what each open item waits for. */
export interface PendingReview {
  readonly itemId: string
  readonly waitingFor: readonly ('section_head' | 'responsible_leader' | 'classifier' | 'review_officer')[]
  readonly since: number
}

export function pendingReviews(state: PublicationState): PendingReview[] {
  const out: PendingReview[] = []
  for (const i of state.items.values()) {
    const since = lastActivity(i)
    if (i.state === 'submitted') out.push({ itemId: i.id, waitingFor: ['section_head'], since })
    else if (i.state === 'first_passed') {
      const done = new Set(i.reviews.map((r) => r.capacity))
      const waitingFor = (['responsible_leader', 'classifier'] as const).filter((c) => !done.has(c))
      out.push({ itemId: i.id, waitingFor, since })
    } else if (i.state === 'withholding' && i.withholding !== null) {
      const done = new Set(i.withholding.confirmations.map((c) => c.capacity))
      const waitingFor = (['review_officer', 'responsible_leader'] as const).filter((c) => !done.has(c))
      out.push({ itemId: i.id, waitingFor, since })
    }
  }
  return out.sort((a, b) => a.since - b.since || a.itemId.localeCompare(b.itemId))
}

function lastActivity(i: PublicationItem): number {
  let at = i.submittedAt
  for (const r of i.reviews) at = Math.max(at, r.at)
  if (i.withholding !== null) at = Math.max(at, i.withholding.proposedAt)
  return at
}

/** rule R-06: an incident's deadline. Calendar time from the finding. */
export interface LeakDeadline {
  readonly rule: 'R-06'
  readonly incidentId: string
  readonly kind: 'take_down' | 'report'
  readonly dueAt: number
  readonly metAt: number | null
}

export function leakDeadlines(
  incident: LeakIncident,
  policy: PublicationPolicy = DEFAULT_PUBLICATION_POLICY,
): LeakDeadline[] {
  return [
    {
      rule: 'R-06',
      incidentId: incident.id,
      kind: 'take_down',
      dueAt: incident.foundAt + policy.takeDownWithinMs,
      metAt: incident.takenDownAt,
    },
    {
      rule: 'R-06',
      incidentId: incident.id,
      kind: 'report',
      dueAt: incident.foundAt + policy.reportWithinMs,
      metAt: incident.reportedAt,
    },
  ]
}

function allDeadlines(state: PublicationState, policy: PublicationPolicy): LeakDeadline[] {
  return [...state.incidents.values()].flatMap((i) => leakDeadlines(i, policy))
}

function byDue(a: LeakDeadline, b: LeakDeadline): number {
  return a.dueAt - b.dueAt || a.incidentId.localeCompare(b.incidentId) || a.kind.localeCompare(b.kind)
}

/** rule R-06: unmet deadlines past due at `nowMs` (overdue since `dueAt`). */
export function overdueLeakDeadlines(
  state: PublicationState,
  nowMs: number,
  policy: PublicationPolicy = DEFAULT_PUBLICATION_POLICY,
): LeakDeadline[] {
  return allDeadlines(state, policy)
    .filter((d) => d.metAt === null && nowMs > d.dueAt)
    .sort(byDue)
}

/** rule R-06: unmet deadlines falling due within `withinMs`. */
export function leakDeadlinesDueSoon(
  state: PublicationState,
  nowMs: number,
  withinMs: number,
  policy: PublicationPolicy = DEFAULT_PUBLICATION_POLICY,
): LeakDeadline[] {
  return allDeadlines(state, policy)
    .filter((d) => d.metAt === null && d.dueAt >= nowMs && d.dueAt <= nowMs + withinMs)
    .sort(byDue)
}

/** rule R-06: deadlines met late, kept on record for the inspection. */
export function lateLeakDeadlines(
  state: PublicationState,
  policy: PublicationPolicy = DEFAULT_PUBLICATION_POLICY,
): LeakDeadline[] {
  return allDeadlines(state, policy)
    .filter((d) => d.metAt !== null && d.metAt > d.dueAt)
    .sort(byDue)
}

export interface PublicationFigures {
  readonly year: number
  readonly submitted: number
  readonly published: number
  readonly withheld: number
  readonly escalated: number
  readonly returned: number
  readonly leaks: number
  readonly leaksReportedLate: number
}

/** The year's figures for the annual summary (local year of submission or finding). */
export function publicationFigures(
  state: PublicationState,
  year: number,
  calendar: WorkCalendar,
  policy: PublicationPolicy = DEFAULT_PUBLICATION_POLICY,
): PublicationFigures {
  const items = [...state.items.values()].filter((i) => localDay(i.submittedAt, calendar).year === year)
  const leaks = [...state.incidents.values()].filter((i) => localDay(i.foundAt, calendar).year === year)
  const count = (s: PublicationItem['state']) => items.filter((i) => i.state === s).length
  return {
    year,
    submitted: items.length,
    published: count('published'),
    withheld: count('withheld'),
    escalated: items.filter((i) => i.escalation !== null).length,
    returned: count('returned'),
    leaks: leaks.length,
    leaksReportedLate: leaks.filter(
      (i) => i.reportedAt !== null && i.reportedAt > i.foundAt + policy.reportWithinMs,
    ).length,
  }
}
