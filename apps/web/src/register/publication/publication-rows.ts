import { DEFAULT_UNIT_POLICY, type Level, type RegisterState } from '@secledger/domain'
import {
  type LeakDeadline,
  type LeakIncident,
  leakDeadlines,
  overdueLeakDeadlines,
  type PendingReview,
  type PublicationItem,
  type PublicationItemState,
  pendingReviews,
} from '@secledger/domain/registers/publication'
import { keywordMatcher, type QueryValues } from '@secledger/ui/logic'
import { todayDate } from '../time-format.ts'

/**
 * The 信息公开保密审查 register (rules R-01..R-06) as the page lists it: one row per item put up for
 * review and one per leak found online, newest first. What an item waits for and which leak
 * deadline is owed or overdue are the domain's queries (pendingReviews, leakDeadlines,
 * overdueLeakDeadlines), never worked out here. Metadata only (rule S-01): title, channel, scope,
 * where a leak was found — never the text published.
 */
export interface PublicationItemRow {
  readonly kind: 'item'
  readonly id: string
  readonly title: string
  readonly channel: string
  readonly scope: string
  readonly at: number
  readonly state: PublicationItemState
  /** rules: the reviews or confirmations still owed (empty when none). */
  readonly waitingFor: PendingReview['waitingFor']
  readonly next: null
  readonly overdue: false
  readonly item: PublicationItem
}

export type LeakState = 'leak_open' | 'leak_closed'

export interface LeakRow {
  readonly kind: 'leak'
  readonly id: string
  /** Where it was found (site, page id), never the content. */
  readonly title: string
  readonly level: Level
  readonly at: number
  readonly state: LeakState
  readonly waitingFor: readonly []
  /** rule R-06: the earliest deadline not met (the overdue one first), null when none is owed. */
  readonly next: LeakDeadline | null
  readonly overdue: boolean
  readonly incident: LeakIncident
}

export type PublicationRow = PublicationItemRow | LeakRow

export const PUBLICATION_STATES = [
  'submitted',
  'first_passed',
  'approved',
  'escalated',
  'returned',
  'not_publishable',
  'withholding',
  'withheld',
  'published',
  'leak_open',
  'leak_closed',
] as const satisfies readonly (PublicationItemState | LeakState)[]

/** The unit policy the replica folds with (sync/unit-replica.ts, agenda-rows.ts AGENDA_CONTEXT). */
const POLICY = DEFAULT_UNIT_POLICY.publication

export function publicationRows(state: RegisterState, nowMs: number): PublicationRow[] {
  const publication = state.registers.publication
  const waiting = new Map(pendingReviews(publication).map((p) => [p.itemId, p.waitingFor]))
  const overdue = new Map<string, LeakDeadline>()
  for (const d of overdueLeakDeadlines(publication, nowMs, POLICY))
    if (!overdue.has(d.incidentId)) overdue.set(d.incidentId, d)
  const out: PublicationRow[] = []
  for (const item of publication.items.values())
    out.push({
      kind: 'item',
      id: item.id,
      title: item.title,
      channel: item.channel,
      scope: item.scope,
      at: item.submittedAt,
      state: item.state,
      waitingFor: waiting.get(item.id) ?? [],
      next: null,
      overdue: false,
      item,
    })
  for (const incident of publication.incidents.values()) {
    const late = overdue.get(incident.id)
    const owed = leakDeadlines(incident, POLICY).filter((d) => d.metAt === null)
    const next =
      late ?? owed.reduce<LeakDeadline | null>((a, d) => (a === null || d.dueAt < a.dueAt ? d : a), null)
    out.push({
      kind: 'leak',
      id: incident.id,
      title: incident.location,
      level: incident.level,
      at: incident.foundAt,
      state: incident.closedAt === null ? 'leak_open' : 'leak_closed',
      waitingFor: [],
      next: incident.closedAt === null ? next : null,
      overdue: late !== undefined,
      incident,
    })
  }
  return out.sort((a, b) => b.at - a.at || b.id.localeCompare(a.id))
}

export function filterPublicationRows(rows: readonly PublicationRow[], query: QueryValues): PublicationRow[] {
  const matches = keywordMatcher(typeof query.keyword === 'string' ? query.keyword : '')
  const { kind, state } = query
  return rows.filter(
    (r) =>
      matches(r.kind === 'item' ? [r.id, r.title, r.channel, r.scope] : [r.id, r.title]) &&
      (kind === undefined || kind === '' || r.kind === kind) &&
      (state === undefined || state === '' || r.state === state) &&
      (query.overdueOnly !== true || r.overdue),
  )
}

/**
 * A new item's or incident's id, readable in the list and the 待办 (`GK-20260304-3F9A1C`: 公开 or
 * 泄露, the day, six random hex digits). Random rather than a running number: two devices working
 * offline must not take the same id (the domain refuses the second, PUB-EXISTS).
 */
export function newPublicationId(prefix: 'GK' | 'XL', nowMs: number): string {
  const day = todayDate(nowMs).replaceAll('-', '')
  const random = crypto.randomUUID().replaceAll('-', '').slice(0, 6).toUpperCase()
  return `${prefix}-${day}-${random}`
}
