import { ok, type Result } from '../../core/result.ts'
import { startOfLocalDate, type WorkCalendar } from '../../core/work-calendar.ts'
import { type MajorHoliday, majorHolidays } from './holidays.ts'
import { DEFAULT_INSPECTION_POLICY, type InspectionPolicy } from './policy.ts'
import type { Inspection, InspectionState } from './state.ts'

/** rule I-01 reminders: quarters and holidays without an inspection show as gaps. */

const DAY_MS = 86_400_000

/**
 * rule I-01: the inspections that count for the leading group's duty. Decision: any inspection of
 * the unit's own (quarterly, spot, holiday) satisfies "at least once a quarter"; a bureau inspection
 * is not the leading group's own and does not.
 */
function ownInspections(state: InspectionState): Inspection[] {
  return [...state.inspections.values()].filter((i) => i.kind !== 'bureau')
}

export interface QuarterStatus {
  readonly year: number
  readonly quarter: 1 | 2 | 3 | 4
  readonly startMs: number
  /** First instant of the next quarter. */
  readonly endMs: number
  readonly inspectionIds: readonly string[]
  /** done; gap (ended without one, a gap since endMs); due (current, none yet); upcoming. */
  readonly status: 'done' | 'gap' | 'due' | 'upcoming'
}

function monthStart(year: number, month: number, calendar: WorkCalendar): number {
  const y = year + Math.floor((month - 1) / 12)
  const m = ((month - 1) % 12) + 1
  return startOfLocalDate(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`, calendar) ?? 0
}

/** rule I-01: each quarter of `year` with its own inspections; a quarter without one is a gap. */
export function quarterlyInspections(
  state: InspectionState,
  year: number,
  nowMs: number,
  calendar: WorkCalendar,
): QuarterStatus[] {
  const own = ownInspections(state)
  return ([1, 2, 3, 4] as const).map((quarter) => {
    const startMs = monthStart(year, quarter * 3 - 2, calendar)
    const endMs = monthStart(year, quarter * 3 + 1, calendar)
    const inspectionIds = own
      .filter((i) => i.heldAtMs >= startMs && i.heldAtMs < endMs)
      .map((i) => i.id)
      .sort()
    const status =
      inspectionIds.length > 0 ? 'done' : nowMs >= endMs ? 'gap' : nowMs >= startMs ? 'due' : 'upcoming'
    return { year, quarter, startMs, endMs, inspectionIds, status }
  })
}

export interface HolidayCheck {
  readonly holiday: MajorHoliday
  readonly firstDay: string
  /** Start of the window: `holidayCheckWindowDays` before the first day off. */
  readonly windowStartMs: number
  /** The first day off: the check is due before it; a gap since then when missed. */
  readonly dueAtMs: number
  readonly inspectionId: string | null
  /** done; missed (holiday began without a check); due_soon (inside the window); upcoming. */
  readonly status: 'done' | 'missed' | 'due_soon' | 'upcoming'
}

/**
 * rule I-01: the checks before 元旦, 春节, 五一 and 国庆 of `year` (dates from the calendar; a year it
 * does not cover is CAL-YEAR). An own inspection held in the window before the first day off counts.
 */
export function holidayChecks(
  state: InspectionState,
  year: number,
  nowMs: number,
  calendar: WorkCalendar,
  policy: InspectionPolicy = DEFAULT_INSPECTION_POLICY,
): Result<HolidayCheck[]> {
  const holidays = majorHolidays(year, calendar)
  if (!holidays.ok) return holidays
  const own = ownInspections(state)
  return ok(
    holidays.value.map((h) => {
      const windowStartMs = h.startMs - policy.holidayCheckWindowDays * DAY_MS
      const held = own
        .filter((i) => i.heldAtMs >= windowStartMs && i.heldAtMs < h.startMs)
        .sort((a, b) => a.heldAtMs - b.heldAtMs || a.id.localeCompare(b.id))[0]
      const status =
        held !== undefined
          ? 'done'
          : nowMs >= h.startMs
            ? 'missed'
            : nowMs >= windowStartMs
              ? 'due_soon'
              : 'upcoming'
      return {
        holiday: h.holiday,
        firstDay: h.firstDay,
        windowStartMs,
        dueAtMs: h.startMs,
        inspectionId: held?.id ?? null,
        status,
      }
    }),
  )
}
