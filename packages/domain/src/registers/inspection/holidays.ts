import { domainError, err, ok, type Result } from '../../core/result.ts'
import { localDay, startOfLocalDate, type WorkCalendar } from '../../core/work-calendar.ts'

/**
 * rule I-01: the four major holidays (元旦, 春节, 五一, 国庆) of a year, taken from the calendar's
 * holiday data: the run of consecutive days off containing 1 January, 1 May and 1 October, and for
 * 春节 the longest run starting in January or February that is not 元旦's. A year the calendar does
 * not cover is CAL-YEAR, never guessed.
 */
export const MajorHoliday = {
  NewYear: 'new_year',
  SpringFestival: 'spring_festival',
  LabourDay: 'labour_day',
  NationalDay: 'national_day',
} as const
export type MajorHoliday = (typeof MajorHoliday)[keyof typeof MajorHoliday]

export const MAJOR_HOLIDAY_LABEL_ZH: Readonly<Record<MajorHoliday, string>> = {
  new_year: '元旦',
  spring_festival: '春节',
  labour_day: '五一',
  national_day: '国庆',
}

export interface HolidayPeriod {
  readonly holiday: MajorHoliday
  /** First and last day off, 'YYYY-MM-DD'. */
  readonly firstDay: string
  readonly lastDay: string
  /** Local midnight starting the first day off. */
  readonly startMs: number
}

const DAY_MS = 86_400_000

function nextDate(date: string, calendar: WorkCalendar): string {
  const start = startOfLocalDate(date, calendar) ?? 0
  return localDay(start + DAY_MS + DAY_MS / 2, calendar).date
}

/** Runs of consecutive days off within `year`, in date order. */
function holidayRuns(year: number, calendar: WorkCalendar): string[][] {
  const days = calendar.holidays.filter((d) => d.startsWith(`${year}-`)).sort()
  const runs: string[][] = []
  for (const d of days) {
    const last = runs[runs.length - 1]
    const prev = last?.[last.length - 1]
    if (last !== undefined && prev !== undefined && nextDate(prev, calendar) === d) last.push(d)
    else runs.push([d])
  }
  return runs
}

export function majorHolidays(year: number, calendar: WorkCalendar): Result<readonly HolidayPeriod[]> {
  if (!calendar.years.includes(year))
    return err(
      domainError(
        'CAL-YEAR',
        `${year}年节假日安排尚未录入`,
        `The holiday schedule for ${year} has not been entered`,
        {
          year,
        },
      ),
    )
  const runs = holidayRuns(year, calendar)
  const containing = (date: string) => runs.find((r) => r.includes(date))
  const newYear = containing(`${year}-01-01`)
  const spring = runs
    .filter((r) => r !== newYear && r[0] !== undefined && r[0] < `${year}-03-01`)
    .reduce<string[] | undefined>(
      (best, r) => (best === undefined || r.length > best.length ? r : best),
      undefined,
    )
  const found: [MajorHoliday, string[] | undefined][] = [
    ['new_year', newYear],
    ['spring_festival', spring],
    ['labour_day', containing(`${year}-05-01`)],
    ['national_day', containing(`${year}-10-01`)],
  ]
  const out: HolidayPeriod[] = []
  for (const [holiday, run] of found) {
    const firstDay = run?.[0]
    const lastDay = run?.[run.length - 1]
    const startMs = firstDay === undefined ? null : startOfLocalDate(firstDay, calendar)
    if (firstDay === undefined || lastDay === undefined || startMs === null)
      return err(
        domainError(
          'CAL-HOLIDAY',
          `${year}年日历中找不到${MAJOR_HOLIDAY_LABEL_ZH[holiday]}假期`,
          `The ${year} calendar has no ${holiday} holiday`,
          { year, holiday },
        ),
      )
    out.push({ holiday, firstDay, lastDay, startMs })
  }
  return ok(out)
}
