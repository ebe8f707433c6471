import type { Level } from '../../core/levels.ts'
import type { Result } from '../../core/result.ts'
import { localDay, type WorkCalendar } from '../../core/work-calendar.ts'
import { addWorkingDays } from '../../core/working-days.ts'
import { expiryOf } from './apply.ts'
import type { ClassificationBasis } from './events.ts'
import type { ClassificationPolicy } from './policy.ts'
import type { Approver, ClassificationItem, ClassificationState } from './state.ts'

/** Read-only questions about the classification register; time comes in as `nowMs`. */

/** rule D-04: the escalation reaches the superior within 10 working days. */
export const ESCALATION_WORKING_DAYS = 10

export interface OverdueDetermination {
  readonly itemId: string
  readonly proposalId: string
  readonly kind: string
  readonly dueAtMs: number
}

/**
 * rule D-02: open proposals (determinations and D-05 changes) past 10 calendar days. Decision: an
 * escalated item is not listed here; its own D-04 deadline (escalationsDue) governs it.
 */
export function overdueDeterminations(state: ClassificationState, nowMs: number): OverdueDetermination[] {
  const out: OverdueDetermination[] = []
  for (const item of state.items.values()) {
    const p = item.pending
    if (!p || item.status === 'escalated' || nowMs <= p.dueAtMs) continue
    out.push({ itemId: item.id, proposalId: p.id, kind: p.kind, dueAtMs: p.dueAtMs })
  }
  return out.sort((a, b) => a.dueAtMs - b.dueAtMs || a.itemId.localeCompare(b.itemId))
}

export interface EscalationDue {
  readonly itemId: string
  readonly escalatedAtMs: number
  /**
   * The end of the 10th working day after the escalation (in a year without holiday data: Monday to
   * Friday, see deadlineEstimated).
   */
  readonly due: Result<number>
  readonly overdue: boolean
}

/**
 * rule D-04: escalations awaiting the superior's reply, with their 10-working-day deadline.
 * Decision: there is no separate "sent" event; the reply closes the escalation, so an escalation
 * without a reply past its deadline shows overdue and the officer chases it.
 */
export function escalationsDue(
  state: ClassificationState,
  nowMs: number,
  calendar: WorkCalendar,
): EscalationDue[] {
  const out: EscalationDue[] = []
  for (const item of state.items.values()) {
    if (item.status !== 'escalated' || !item.escalation) continue
    const due = addWorkingDays(item.escalation.atMs, ESCALATION_WORKING_DAYS, calendar)
    out.push({
      itemId: item.id,
      escalatedAtMs: item.escalation.atMs,
      due,
      overdue: due.ok && nowMs > due.value,
    })
  }
  return out.sort((a, b) => a.escalatedAtMs - b.escalatedAtMs || a.itemId.localeCompare(b.itemId))
}

export interface PeriodicReviewDue {
  readonly itemId: string
  readonly dueAtMs: number
}

/**
 * rule D-06: determined items in force whose periodic review is due: `reviewIntervalYears` after the
 * last periodic review, or after the determination when never reviewed.
 */
export function periodicReviewsDue(
  state: ClassificationState,
  nowMs: number,
  policy: ClassificationPolicy,
  calendar: WorkCalendar,
): PeriodicReviewDue[] {
  const out: PeriodicReviewDue[] = []
  for (const item of state.items.values()) {
    const det = item.determination
    if (effectiveStatus(item, nowMs) !== 'secret' || !det) continue
    const last = item.lastPeriodicReview?.atMs ?? det.approvedAtMs
    const lastOn = localDay(last, calendar).date
    const dueAtMs = expiryOf(lastOn, policy.reviewIntervalYears, calendar)
    if (nowMs >= dueAtMs) out.push({ itemId: item.id, dueAtMs })
  }
  return out.sort((a, b) => a.dueAtMs - b.dueAtMs || a.itemId.localeCompare(b.itemId))
}

/**
 * What an item is at `nowMs`. rule D-01: only approval makes a state secret ('proposed' is not one);
 * rule D-04: an escalated item is 'protected' as proposed; rule D-07: a determined item whose period
 * has run out is 'expired' (declassified automatically, no event).
 */
export type EffectiveStatus =
  | 'proposed'
  | 'returned'
  | 'protected'
  | 'secret'
  | 'expired'
  | 'declassified'
  | 'not_secret'

export function effectiveStatus(item: ClassificationItem, nowMs: number): EffectiveStatus {
  switch (item.status) {
    case 'pending':
      return 'proposed'
    case 'returned':
      return 'returned'
    case 'escalated':
      return 'protected'
    case 'determined':
      return item.determination && nowMs >= item.determination.expiresAtMs ? 'expired' : 'secret'
    case 'declassified':
      return 'declassified'
    case 'not_secret':
      return 'not_secret'
  }
}

export interface SecretItemRow {
  /** Sequence in the year's register, from 1, by approval time then item id. */
  readonly number: number
  readonly itemId: string
  readonly docNumber: string | null
  readonly level: Level
  readonly periodYears: number
  readonly scope: string
  readonly basis: ClassificationBasis
  readonly approvedOn: string
  readonly approver: Approver
}

export interface SecretItemsRegister {
  readonly year: number
  readonly rows: readonly SecretItemRow[]
  /** rule D-08: reminder: filed with the superior secrecy bureau before year end. */
  readonly dueBy: string
}

/**
 * rule D-08: the year's 国家秘密事项登记表: items first determined that year (by this unit's leader, or
 * by the superior's reply after D-04: decision, they are the unit's secrets all the same), with the
 * values as determined, whatever happened to them later. No subject: titles stay off lists (S-04).
 */
export function secretItemsRegister(state: ClassificationState, year: number): SecretItemsRegister {
  const determined = [...state.items.values()].filter((i) =>
    i.firstDetermination?.approvedOn.startsWith(`${year}-`),
  )
  determined.sort(
    (a, b) =>
      (a.firstDetermination?.approvedAtMs ?? 0) - (b.firstDetermination?.approvedAtMs ?? 0) ||
      a.id.localeCompare(b.id),
  )
  const rows = determined.flatMap((item, i): SecretItemRow[] => {
    const d = item.firstDetermination
    if (!d) return []
    return [
      {
        number: i + 1,
        itemId: item.id,
        docNumber: item.docNumber,
        level: d.level,
        periodYears: d.periodYears,
        scope: d.scope,
        basis: item.basis,
        approvedOn: d.approvedOn,
        approver: d.approver,
      },
    ]
  })
  return { year, rows, dueBy: `${year}-12-31` }
}
