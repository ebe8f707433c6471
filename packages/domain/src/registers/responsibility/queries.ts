import type { WorkCalendar } from '../../core/work-calendar.ts'
import { DEFAULT_RESPONSIBILITY_POLICY, endOfMonthDay, type ResponsibilityPolicy } from './policy.ts'
import {
  type Department,
  isBookInForce,
  type ResponsibilityBook,
  type ResponsibilityState,
  type SupersededReason,
} from './state.ts'

/** Why a department has no book in force for a year (rule B-01). */
export type MissingBookReason = 'no_head' | 'no_book' | 'unsigned' | 'superseded'

export interface DepartmentWithoutBook {
  readonly departmentId: string
  readonly name: string
  readonly reason: MissingBookReason
  /** The department's latest book for the year, if any. */
  readonly bookId: string | null
}

/** Departments that existed in `year` (recorded, not closed before it). */
function departmentsOf(state: ResponsibilityState, year: number): Department[] {
  return [...state.departments.values()]
    .filter((d) => d.closedYear === null || d.closedYear > year)
    .sort((a, b) => a.id.localeCompare(b.id))
}

function latestBook(
  state: ResponsibilityState,
  departmentId: string,
  year: number,
): ResponsibilityBook | null {
  let latest: ResponsibilityBook | null = null
  for (const b of state.books.values())
    if (b.departmentId === departmentId && b.year === year)
      if (
        latest === null ||
        b.draftedAt > latest.draftedAt ||
        (b.draftedAt === latest.draftedAt && b.id > latest.id)
      )
        latest = b
  return latest
}

/** rule B-01: departments without a book in force (signed by both, no signer changed) for `year`. */
export function departmentsWithoutBook(state: ResponsibilityState, year: number): DepartmentWithoutBook[] {
  const out: DepartmentWithoutBook[] = []
  for (const d of departmentsOf(state, year)) {
    const inForce = [...state.books.values()].some(
      (b) => b.departmentId === d.id && b.year === year && isBookInForce(b),
    )
    if (inForce) continue
    const latest = latestBook(state, d.id, year)
    const reason: MissingBookReason =
      latest === null
        ? d.headId === null
          ? 'no_head'
          : 'no_book'
        : latest.supersededAt !== null
          ? 'superseded'
          : 'unsigned'
    out.push({ departmentId: d.id, name: d.name, reason, bookId: latest?.id ?? null })
  }
  return out
}

export interface BookToResign {
  readonly bookId: string
  readonly departmentId: string
  readonly year: number
  readonly reason: SupersededReason
  /** rule B-02: re-signing is due at once; overdue since the change. */
  readonly since: number
}

/** rule B-02: superseded books whose department has no book in force for that year yet. */
export function booksToResign(state: ResponsibilityState): BookToResign[] {
  const out: BookToResign[] = []
  for (const b of state.books.values()) {
    if (b.supersededAt === null || b.supersededReason === null) continue
    const replaced = [...state.books.values()].some(
      (o) => o.departmentId === b.departmentId && o.year === b.year && isBookInForce(o),
    )
    if (!replaced)
      out.push({
        bookId: b.id,
        departmentId: b.departmentId,
        year: b.year,
        reason: b.supersededReason,
        since: b.supersededAt,
      })
  }
  return out.sort((a, b) => a.since - b.since || a.bookId.localeCompare(b.bookId))
}

export interface BookReminder {
  readonly rule: 'B-01' | 'B-02'
  readonly departmentId: string
  readonly reason: MissingBookReason
  readonly dueAt: number
  /** Overdue strictly after dueAt; `since` is then dueAt. */
  readonly overdue: boolean
}

/**
 * rules B-01, B-02: the gap for `year` at `nowMs`. A department never signed is due by the policy's
 * book date (B-01); one whose signer changed is due at once, from the change (B-02), whichever is later.
 */
export function bookReminders(
  state: ResponsibilityState,
  year: number,
  nowMs: number,
  calendar: WorkCalendar,
  policy: ResponsibilityPolicy = DEFAULT_RESPONSIBILITY_POLICY,
): BookReminder[] {
  const yearDue = endOfMonthDay(year, policy.bookDue, calendar)
  return departmentsWithoutBook(state, year).map((d) => {
    const book = d.bookId === null ? undefined : state.books.get(d.bookId)
    const changedAt = d.reason === 'superseded' ? (book?.supersededAt ?? null) : null
    const dueAt = changedAt !== null && changedAt > yearDue ? changedAt : yearDue
    return {
      rule: changedAt !== null ? 'B-02' : 'B-01',
      departmentId: d.departmentId,
      reason: d.reason,
      dueAt,
      overdue: nowMs > dueAt,
    }
  })
}

export interface BookFigures {
  readonly year: number
  readonly departments: number
  readonly inForce: number
  readonly missing: number
  readonly superseded: number
}

/** rule B-01: the year's figures for the annual summary and the county dashboard ("books signed"). */
export function bookFigures(state: ResponsibilityState, year: number): BookFigures {
  const departments = departmentsOf(state, year).length
  const missing = departmentsWithoutBook(state, year).length
  let superseded = 0
  for (const b of state.books.values()) if (b.year === year && b.supersededAt !== null) superseded++
  return { year, departments, inForce: departments - missing, missing, superseded }
}
