import {
  type AgendaAnomaly,
  type AgendaContext,
  type AgendaItem,
  type AgendaRegister,
  addWorkingDays,
  DEFAULT_CALENDAR,
  DEFAULT_UNIT_POLICY,
  deadlineEstimated,
  localDay,
  type RegisterState,
  type Role,
  unitDueSoon,
  unitOpenAnomalies,
  unitOverdue,
  type WorkCalendar,
} from '@secledger/domain'
import { pendingReviews } from '@secledger/domain/registers/publication'

/**
 * The 待办 page and bell (issue 12) from the unit's folded state: the domain's agenda (rules judged
 * there) turned into rows that say what, which register, since when, and where the row opens.
 */

/** The replica's fold context (sync/unit-replica.ts): the agenda is asked with the same one. */
export const AGENDA_CONTEXT: AgendaContext = { calendar: DEFAULT_CALENDAR, policy: DEFAULT_UNIT_POLICY }

/**
 * 即将到期: up to the end of the 3rd working day after today. Working days, so that on a Friday the
 * next Monday–Wednesday show (a weekend would eat a calendar window), and 3 so that the shortest
 * working-day deadlines (C-19: the same or next working day; E-03 一般: 3 days) are seen before they pass.
 */
export const DUE_SOON_WORKING_DAYS = 3

/** What an item is about, for the page to word: identifiers and periods only (rule S-04). */
export type TodoSubject =
  | {
      readonly kind: 'carrier'
      readonly serial: string
      readonly copyNumber: number | null
      readonly docNumber: string
    }
  | { readonly kind: 'quarter'; readonly year: string; readonly quarter: string }
  | { readonly kind: 'holiday'; readonly year: string; readonly holiday: string }
  | { readonly kind: 'meeting'; readonly from: string }
  | { readonly kind: 'plan' | 'summary' | 'year'; readonly year: string }
  | { readonly kind: 'inventory'; readonly date: string }
  | { readonly kind: 'telegram'; readonly serial: string; readonly direction: 'received' | 'sent' }
  | { readonly kind: 'leak'; readonly id: string }
  | { readonly kind: 'incident'; readonly ref: string; readonly itemRef: string | null }
  | { readonly kind: 'id'; readonly id: string }

/** The page an item opens, its row found by keyword (?q=); only registers with a page (no dead links). */
export type TodoTarget = {
  readonly name: 'register' | 'telegram' | 'publication' | 'incident'
  readonly query?: { readonly q: string }
}

/** Which step of an approval chain waits: a classifier's review or a leader's approval. */
export type ApprovalStep = 'review' | 'approve'

export interface TodoRow {
  /** Unique within its group (v-for key). */
  readonly key: string
  readonly register: AgendaRegister
  /** The rule ID; null for an anomaly (the domain's anomaly carries its kind, not a rule). */
  readonly rule: string | null
  readonly subject: TodoSubject
  readonly dueAt: number | null
  /** Overdue since, anomaly found at, or approval waiting since; null when due soon. */
  readonly since: number | null
  /** An anomaly's kind (`concurrent_hand_out`, `missing`…). */
  readonly anomalyKind: string | null
  readonly step: ApprovalStep | null
  readonly target: TodoTarget | null
}

export interface TodoGroups {
  readonly overdue: readonly TodoRow[]
  readonly dueSoon: readonly TodoRow[]
  readonly anomalies: readonly TodoRow[]
  /** null: the viewer approves nothing (no leader or classifier role), so the group is not shown. */
  readonly approvals: readonly TodoRow[] | null
  /** The end of the due-soon window. */
  readonly dueSoonUntil: number
  /** The window ran into a year without a holiday schedule: counted in ordinary weeks (issue 10). */
  readonly dueSoonEstimated: boolean
}

export interface TodoCounts {
  readonly overdue: number
  readonly dueSoon: number
  readonly anomalies: number
  readonly approvals: number
  /** The bell: what needs acting on now. Due soon is left out: not yet late, and always some. */
  readonly bell: number
}

export interface AgendaViewer {
  readonly userId: string
  readonly roles: readonly Role[]
}

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
const HOLIDAYS = new Set(['new_year', 'spring_festival', 'labour_day', 'national_day'])

/** The periodic subjects the agenda adapters document (`2026-Q1`, `plan:2026`…); anything else is an id. */
function periodSubject(subject: string): TodoSubject {
  let m = /^(\d{4})-Q([1-4])$/.exec(subject)
  if (m) return { kind: 'quarter', year: m[1] as string, quarter: m[2] as string }
  m = /^(\d{4})-([a-z_]+)$/.exec(subject)
  if (m && HOLIDAYS.has(m[2] as string))
    return { kind: 'holiday', year: m[1] as string, holiday: m[2] as string }
  m = /^(plan|summary):(\d{4})$/.exec(subject)
  if (m) return { kind: m[1] as 'plan' | 'summary', year: m[2] as string }
  m = /^meeting:(\d{4}-\d{2}-\d{2})$/.exec(subject)
  if (m) return { kind: 'meeting', from: m[1] as string }
  m = /^inventory:(\d{4}-\d{2}-\d{2})$/.exec(subject)
  if (m) return { kind: 'inventory', date: m[1] as string }
  if (/^\d{4}$/.test(subject)) return { kind: 'year', year: subject }
  return { kind: 'id', id: subject }
}

/** A subject that is a carrier of the register (C-05 by carrier id, C-09 return…) opens its row by serial. */
function subjectOf(
  state: RegisterState,
  subject: string,
): { subject: TodoSubject; target: TodoTarget | null } {
  const carrier = state.carriers.get(subject)
  const telegram = state.registers.telegram.telegrams.get(subject)
  if (telegram !== undefined)
    return {
      subject: { kind: 'telegram', serial: telegram.serial, direction: telegram.direction },
      target: { name: 'telegram', query: { q: telegram.serial } },
    }
  // rule R-06: a leak found online (its take-down and report deadlines) opens its row by id.
  const leak = state.registers.publication.incidents.get(subject)
  if (leak !== undefined)
    return { subject: { kind: 'leak', id: leak.id }, target: { name: 'publication', query: { q: leak.id } } }
  // rules: an incident, or a missing carrier (`missing:<id>` once it counts as a leak), opens its row.
  const incident = state.registers.incident.incidents.get(subject)
  const missing = state.registers.incident.missing.get(subject.replace(/^missing:/, ''))
  if (incident !== undefined || missing !== undefined) {
    const ref = incident?.id ?? missing?.id ?? subject
    return {
      subject: { kind: 'incident', ref, itemRef: incident === undefined ? (missing?.itemRef ?? null) : null },
      target: { name: 'incident', query: { q: ref } },
    }
  }
  if (carrier === undefined) return { subject: periodSubject(subject), target: null }
  return {
    subject: {
      kind: 'carrier',
      serial: carrier.serial,
      copyNumber: carrier.copyNumber,
      docNumber: carrier.docNumber,
    },
    target: { name: 'register', query: { q: carrier.serial } },
  }
}

function itemRow(state: RegisterState, item: AgendaItem): TodoRow {
  return {
    key: `${item.register}:${item.rule}:${item.subject}:${item.dueAt}`,
    register: item.register,
    rule: item.rule,
    ...subjectOf(state, item.subject),
    dueAt: item.dueAt,
    since: item.since,
    anomalyKind: null,
    step: null,
  }
}

/** Carrier anomalies open on the register page (its anomaly panel), at their carrier's row when they have one. */
function anomalyRow(state: RegisterState, a: AgendaAnomaly): TodoRow {
  const carrierId =
    a.register === 'carrier' ? state.anomalies.find((x) => x.id === a.id)?.carrierId : undefined
  const opened = carrierId ? subjectOf(state, carrierId) : null
  return {
    key: `${a.register}:${a.id}`,
    register: a.register,
    rule: null,
    subject: opened?.subject ?? { kind: 'id', id: a.id },
    dueAt: null,
    since: a.openedAt,
    anomalyKind: a.kind,
    step: null,
    target: opened?.target ?? (a.register === 'carrier' ? { name: 'register' } : null),
  }
}

function approvalRow(
  register: AgendaRegister,
  rule: string,
  id: string,
  step: ApprovalStep,
  since: number,
  dueAt: number | null,
): TodoRow {
  return {
    key: `${register}:${rule}:${id}:${step}`,
    register,
    rule,
    subject: { kind: 'id', id },
    dueAt,
    since,
    anomalyKind: null,
    step,
    target: null,
  }
}

/**
 * 待我审批: the domain has no "waiting for this user" query, so this reads the documented waiting states
 * of the registers whose chains have a request step. The carrier register has none (a leader grants C-11
 * destruction unprompted), so nothing of it waits. "Mine" is by role (leader approves, classifier
 * reviews) and excludes a chain the viewer already signed in (four eyes, core/approvals distinctHands);
 * the organisation post the domain checks at signing (B-04) is not read here.
 */
export function approvalsWaiting(state: RegisterState, viewer: AgendaViewer): TodoRow[] | null {
  const leader = viewer.roles.includes('leader')
  const classifier = viewer.roles.includes('classifier')
  if (!leader && !classifier) return null
  const me = viewer.userId
  const rows: TodoRow[] = []
  // rules D-01, D-05: proposer → classifier's review → leader's approval; a returned or escalated item waits elsewhere.
  for (const item of state.registers.classification.items.values()) {
    const p = item.pending
    if (p === null || item.status === 'returned' || item.status === 'escalated') continue
    if (p.proposedBy === me || p.review?.by === me) continue
    const rule = p.kind === 'determine' ? 'D-01' : 'D-05'
    if (p.review === null && classifier)
      rows.push(approvalRow('classification', rule, item.id, 'review', p.proposedAtMs, p.dueAtMs))
    if (p.review !== null && leader)
      rows.push(approvalRow('classification', rule, item.id, 'approve', p.review.atMs, p.dueAtMs))
  }
  // rule C-06: a loan extension (续借) requested, awaiting our side's leader, before the loan falls due.
  if (leader)
    for (const loan of state.registers.movement.loans.values()) {
      const r = loan.extensionRequest
      if (r === null || loan.returned !== null) continue
      if ([r.requestedBy, r.borrowerApprover, loan.borrower].includes(me)) continue
      rows.push(approvalRow('movement', 'C-06', loan.id, 'approve', r.at, loan.dueAt))
    }
  // rules R-02 (second review: responsible leader and classifier), R-05 (withholding: confirmed by the leader).
  const publication = state.registers.publication
  for (const pending of pendingReviews(publication)) {
    const item = publication.items.get(pending.itemId)
    if (item === undefined || item.submitter === me || item.reviews.some((r) => r.by === me)) continue
    if (item.withholding?.proposedBy === me || item.withholding?.confirmations.some((c) => c.by === me))
      continue
    const rule = item.state === 'withholding' ? 'R-05' : 'R-02'
    if (leader && pending.waitingFor.includes('responsible_leader'))
      rows.push(approvalRow('publication', rule, item.id, 'approve', pending.since, null))
    else if (classifier && pending.waitingFor.includes('classifier'))
      rows.push(approvalRow('publication', rule, item.id, 'review', pending.since, null))
  }
  return rows.sort((a, b) => (a.since ?? 0) - (b.since ?? 0) || (a.key < b.key ? -1 : 1))
}

/** The end of the due-soon window from nowMs, and whether it was counted in ordinary weeks. */
export function dueSoonWindow(
  nowMs: number,
  calendar: WorkCalendar,
): { untilMs: number; estimated: boolean } {
  const end = addWorkingDays(nowMs, DUE_SOON_WORKING_DAYS, calendar)
  // Only a calendar without working days fails here: then the same number of calendar days.
  const untilMs = end.ok ? end.value : nowMs + DUE_SOON_WORKING_DAYS * DAY_MS
  return { untilMs, estimated: deadlineEstimated(nowMs, untilMs, calendar) }
}

/** The to-do groups at nowMs; empty groups for a replica not loaded yet. */
export function agendaGroups(
  state: RegisterState | null,
  nowMs: number,
  viewer: AgendaViewer,
  ctx: AgendaContext = AGENDA_CONTEXT,
): TodoGroups {
  const window = dueSoonWindow(nowMs, ctx.calendar)
  const approving = viewer.roles.includes('leader') || viewer.roles.includes('classifier')
  if (state === null)
    return {
      overdue: [],
      dueSoon: [],
      anomalies: [],
      approvals: approving ? [] : null,
      dueSoonUntil: window.untilMs,
      dueSoonEstimated: window.estimated,
    }
  return {
    overdue: unitOverdue(state, nowMs, ctx).map((i) => itemRow(state, i)),
    dueSoon: unitDueSoon(state, nowMs, window.untilMs - nowMs, ctx).map((i) => itemRow(state, i)),
    anomalies: unitOpenAnomalies(state).map((a) => anomalyRow(state, a)),
    approvals: approvalsWaiting(state, viewer),
    dueSoonUntil: window.untilMs,
    dueSoonEstimated: window.estimated,
  }
}

export function agendaCounts(groups: TodoGroups): TodoCounts {
  const approvals = groups.approvals?.length ?? 0
  return {
    overdue: groups.overdue.length,
    dueSoon: groups.dueSoon.length,
    anomalies: groups.anomalies.length,
    approvals,
    bell: groups.overdue.length + groups.anomalies.length + approvals,
  }
}

/**
 * How long overdue, in calendar days (local dates apart) from a day on, else hours or minutes. Calendar
 * days: the agenda mixes calendar-time deadlines (D-02, E-03, X-01) with working-day ones, and the due
 * time is shown beside it.
 */
export function overdueFor(
  sinceMs: number,
  nowMs: number,
  calendar: WorkCalendar = DEFAULT_CALENDAR,
): { readonly unit: 'minutes' | 'hours' | 'days'; readonly n: number } {
  const elapsed = Math.max(0, nowMs - sinceMs)
  if (elapsed < HOUR_MS) return { unit: 'minutes', n: Math.max(1, Math.floor(elapsed / 60_000)) }
  if (elapsed < DAY_MS) return { unit: 'hours', n: Math.floor(elapsed / HOUR_MS) }
  // From the last day the duty could be met: a deadline at midnight counts from the day before, as
  // one at 23:59:59.999 does (wholeDayDue shows both as that day).
  const lastDay = localDay(sinceMs - 1, calendar).startMs
  const days = Math.round((localDay(nowMs, calendar).startMs - lastDay) / DAY_MS)
  return { unit: 'days', n: Math.max(1, days) }
}

/**
 * A deadline at the end of a local day (23:59:59.999, or the next midnight, as the periodic duties fall
 * due): that day's date, shown without a clock time; null for a deadline at a time of day (C-05 17:30).
 */
export function wholeDayDue(dueAt: number, calendar: WorkCalendar = DEFAULT_CALENDAR): string | null {
  const day = localDay(dueAt, calendar)
  if (dueAt === day.startMs) return localDay(dueAt - 1, calendar).date
  return dueAt === day.startMs + DAY_MS - 1 ? day.date : null
}
