import { endOfLocalDay, startOfLocalDate, type WorkCalendar } from '../../core/work-calendar.ts'
import { type OrganisationPost, OrganisationPost as Post } from './organisation-events.ts'

/** A day of the year, `{ month: 3, day: 31 }`; reminders fall due at the end of that local day. */
export interface MonthDay {
  readonly month: number
  readonly day: number
}

/**
 * County/unit configuration of responsibility books and the secrecy organisation (rules B-01..B-04).
 * The seeds give no dates; the defaults are what a county inspector would expect and are written here.
 */
export interface ResponsibilityPolicy {
  /**
   * rule B-01: books of year Y are signed by this day of Y. Default 31 March: books are signed at the
   * year's first secrecy-work meeting, in the first quarter (choice; the seeds say only "each year").
   */
  readonly bookDue: MonthDay
  /** rule B-04: the year's plan is made by this day of the year (default 31 March, first quarter). */
  readonly planDue: MonthDay
  /** rule B-04: the year's summary is made by this day of the same year (default 31 December). */
  readonly summaryDue: MonthDay
  /**
   * rule B-04: the leading group meets at least once in each period of this many months ("meets
   * regularly"). Default 3: quarterly, the same rhythm as its inspections (rule I-01). Must divide 12.
   */
  readonly meetingPeriodMonths: 1 | 2 | 3 | 4 | 6 | 12
  /** rule B-04: posts the unit must have filled; an empty one is a gap on the dashboard. */
  readonly requiredPosts: readonly OrganisationPost[]
}

export const DEFAULT_RESPONSIBILITY_POLICY: ResponsibilityPolicy = {
  bookDue: { month: 3, day: 31 },
  planDue: { month: 3, day: 31 },
  summaryDue: { month: 12, day: 31 },
  meetingPeriodMonths: 3,
  requiredPosts: [
    Post.FirstResponsible,
    Post.ResponsibleLeader,
    Post.SecrecyOfficer,
    Post.Classifier,
    Post.GroupHead,
  ],
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

/** 'YYYY-MM-DD' of a year, month and day (no validation). */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`
}

/**
 * The last instant of the local day `when` in `year`; a day past the month's end (29 February in a
 * common year, 31 April) is clamped to the month's last day rather than refused.
 */
export function endOfMonthDay(year: number, when: MonthDay, calendar: WorkCalendar): number {
  for (let day = Math.min(when.day, 31); day >= 1; day--) {
    const start = startOfLocalDate(isoDate(year, when.month, day), calendar)
    if (start !== null) return endOfLocalDay(start, calendar)
  }
  // Stryker disable next-line all: unreachable for months 1..12 (day 1 always exists)
  return endOfLocalDay(startOfLocalDate(isoDate(year, 12, 31), calendar) ?? 0, calendar)
}
