import { type Level, MAX_PERIOD_YEARS } from '../../core/levels.ts'
import type { SliceEvent } from '../../core/register-slice.ts'
import { localDay, startOfLocalDate, type WorkCalendar } from '../../core/work-calendar.ts'
import type {
  ClassificationApproved,
  ClassificationChangeProposed,
  ClassificationClassifierFiled,
  ClassificationEscalated,
  ClassificationProposed,
  ClassificationReplyRecorded,
  ClassificationReviewed,
  ClassificationReviewedPeriodic,
} from './events.ts'
import type {
  Approver,
  ClassificationItem,
  ClassificationWork,
  Determination,
  HistoryEntry,
  Proposal,
} from './state.ts'

/** State changes of the classification register; each runs only after its check allowed the event. */

type Ev<P> = SliceEvent<string, P>

const DAY_MS = 86_400_000
/** rule D-02: the whole determination within 10 calendar days (十日) of the proposal. */
export const DETERMINATION_DAYS = 10

/** rule D-03: unspecified means the level's maximum. */
function resolvePeriod(level: Level, periodYears: number | null): number {
  return periodYears ?? MAX_PERIOD_YEARS[level] ?? 0
}

/**
 * rule D-07: the period runs from the local date of the determination; the item is declassified at
 * the start of the anniversary day (2026-03-10 + 10 years → 2036-03-10 00:00). A 29 February start
 * ends on 1 March in a common year.
 */
export function expiryOf(startOn: string, years: number, calendar: WorkCalendar): number {
  const y = Number(startOn.slice(0, 4)) + years
  const md = startOn.slice(5)
  return startOfLocalDate(`${y}-${md}`, calendar) ?? (startOfLocalDate(`${y}-03-01`, calendar) as number)
}

function entry(e: SliceEvent, note?: string): HistoryEntry {
  const base = { eventId: e.id, type: e.type, by: e.actor, atMs: e.atMs }
  return note === undefined ? base : { ...base, note }
}

function put(work: ClassificationWork, item: ClassificationItem, e: SliceEvent, note?: string): void {
  work.items.set(item.id, { ...item, history: [...item.history, entry(e, note)] })
}

function determination(
  level: Level,
  periodYears: number | null,
  scope: string,
  start: { readonly startOn: string; readonly startAtMs: number } | null,
  e: SliceEvent,
  approver: Approver,
  calendar: WorkCalendar,
): Determination {
  const approvedOn = localDay(e.atMs, calendar).date
  const startOn = start?.startOn ?? approvedOn
  const years = resolvePeriod(level, periodYears)
  return {
    level,
    periodYears: years,
    scope,
    startOn,
    startAtMs: start?.startAtMs ?? e.atMs,
    expiresAtMs: expiryOf(startOn, years, calendar),
    approvedOn,
    approvedAtMs: e.atMs,
    approver,
  }
}

export function applyProposed(work: ClassificationWork, e: Ev<ClassificationProposed>): void {
  const p = e.payload
  const previous = work.items.get(p.itemId)
  const proposal: Proposal = {
    id: e.id,
    kind: 'determine',
    level: p.level,
    periodYears: p.periodYears,
    scope: p.scope,
    proposedBy: e.actor,
    proposedAtMs: e.atMs,
    // Decision: a re-proposal after a return keeps the first deadline: D-02 counts the whole procedure.
    dueAtMs: previous?.pending?.dueAtMs ?? e.atMs + DETERMINATION_DAYS * DAY_MS,
    review: null,
  }
  const item: ClassificationItem = {
    id: p.itemId,
    subject: p.subject,
    docNumber: p.docNumber ?? null,
    basis: p.basis,
    status: 'pending',
    pending: proposal,
    determination: null,
    firstDetermination: null,
    escalation: null,
    declassifiedAtMs: null,
    lastPeriodicReview: null,
    changes: [],
    history: previous?.history ?? [],
  }
  put(work, item, e)
}

export function applyReviewed(work: ClassificationWork, e: Ev<ClassificationReviewed>): void {
  const item = work.items.get(e.payload.itemId)
  if (!item?.pending) return
  const note = e.payload.note
  if (e.payload.decision === 'approve') {
    const review = { eventId: e.id, by: e.actor, atMs: e.atMs }
    put(work, { ...item, pending: { ...item.pending, review } }, e, note)
  } else if (item.pending.kind === 'determine') {
    // Returned to the drafter: the proposal stays (with its deadline) until proposed again.
    put(work, { ...item, status: 'returned' }, e, note)
  } else {
    // A returned change is dropped; the item stays as determined.
    put(work, { ...item, pending: null }, e, note)
  }
}

export function applyApproved(
  work: ClassificationWork,
  e: Ev<ClassificationApproved>,
  calendar: WorkCalendar,
): void {
  const item = work.items.get(e.payload.itemId)
  const pending = item?.pending
  if (!item || !pending) return
  const approver: Approver = { kind: 'leader', userId: e.actor }
  const note = e.payload.note
  if (pending.kind === 'determine') {
    const det = determination(pending.level, pending.periodYears, pending.scope, null, e, approver, calendar)
    put(
      work,
      { ...item, status: 'determined', pending: null, determination: det, firstDetermination: det },
      e,
      note,
    )
    return
  }
  const changes = [...item.changes, { kind: pending.kind, approvedAtMs: e.atMs }]
  if (pending.kind === 'declassify') {
    put(work, { ...item, status: 'declassified', pending: null, declassifiedAtMs: e.atMs, changes }, e, note)
    return
  }
  // rule D-05: a changed level or period still runs from the original determination date.
  const current = item.determination
  const det = determination(
    pending.level,
    pending.periodYears,
    current?.scope ?? pending.scope,
    current,
    e,
    approver,
    calendar,
  )
  put(work, { ...item, pending: null, determination: det, changes }, e, note)
}

export function applyEscalated(work: ClassificationWork, e: Ev<ClassificationEscalated>): void {
  const item = work.items.get(e.payload.itemId)
  if (!item) return
  const escalation = { eventId: e.id, by: e.actor, atMs: e.atMs, authority: e.payload.authority }
  put(work, { ...item, status: 'escalated', escalation }, e, e.payload.note)
}

export function applyReply(
  work: ClassificationWork,
  e: Ev<ClassificationReplyRecorded>,
  calendar: WorkCalendar,
): void {
  const item = work.items.get(e.payload.itemId)
  if (!item) return
  const o = e.payload.outcome
  if (o.kind === 'not_secret') {
    put(work, { ...item, status: 'not_secret', pending: null }, e)
    return
  }
  const approver: Approver = {
    kind: 'superior',
    authority: item.escalation?.authority ?? '',
    reference: e.payload.reference,
  }
  const det = determination(o.level, o.periodYears, o.scope, null, e, approver, calendar)
  put(work, { ...item, status: 'determined', pending: null, determination: det, firstDetermination: det }, e)
}

export function applyChangeProposed(work: ClassificationWork, e: Ev<ClassificationChangeProposed>): void {
  const item = work.items.get(e.payload.itemId)
  const det = item?.determination
  if (!item || !det) return
  const c = e.payload.change
  const base = {
    id: e.id,
    scope: det.scope,
    proposedBy: e.actor,
    proposedAtMs: e.atMs,
    dueAtMs: e.atMs + DETERMINATION_DAYS * DAY_MS,
    review: null,
  }
  const pending: Proposal =
    c.kind === 'level'
      ? { ...base, kind: 'change_level', level: c.level, periodYears: c.periodYears }
      : c.kind === 'period'
        ? { ...base, kind: 'change_period', level: det.level, periodYears: c.periodYears }
        : { ...base, kind: 'declassify', level: det.level, periodYears: det.periodYears }
  put(work, { ...item, pending }, e, e.payload.reason)
}

export function applyReviewedPeriodic(work: ClassificationWork, e: Ev<ClassificationReviewedPeriodic>): void {
  const item = work.items.get(e.payload.itemId)
  if (!item) return
  const lastPeriodicReview = { eventId: e.id, by: e.actor, atMs: e.atMs, outcome: e.payload.outcome }
  put(work, { ...item, lastPeriodicReview }, e, e.payload.note)
}

export function applyClassifierFiled(work: ClassificationWork, e: Ev<ClassificationClassifierFiled>): void {
  work.classifiers.set(e.payload.classifierId, {
    userId: e.payload.classifierId,
    filingRef: e.payload.filingRef,
    filedBy: e.actor,
    filedAtMs: e.atMs,
    eventId: e.id,
  })
}
