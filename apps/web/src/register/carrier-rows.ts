import type { Carrier, CarrierState, Level, RegisterState } from '@secledger/domain'
import { DEFAULT_CALENDAR, deadlineEstimated, isOverdue } from '@secledger/domain'

/** One line of the 载体台账 table, derived from the folded state. */
export interface CarrierRow {
  readonly id: string
  readonly serial: string
  readonly docNumber: string
  readonly title: string
  readonly level: Level
  readonly periodYears: number | null
  readonly copyNumber: number | null
  readonly state: CarrierState
  readonly overdue: boolean
  readonly holders: string
  readonly dueAt: number | null
  /** The deadline was counted in ordinary working days: its year's holiday schedule is not entered (issue 10). */
  readonly dueEstimated: boolean
  /** 补录: an open hand-out recorded after it happened; when it was recorded (the latest such), else null. */
  readonly recordedLateAt: number | null
  readonly receivedOn: string
  readonly carrier: Carrier
}

export interface CarrierFilter {
  readonly level: Level | ''
  readonly state: CarrierState | ''
  readonly overdueOnly: boolean
}

export const EMPTY_FILTER: CarrierFilter = { level: '', state: '', overdueOnly: false }

function toRow(carrier: Carrier, nowMs: number): CarrierRow {
  const open = carrier.holders
  const dueAt = open.length === 0 ? null : Math.min(...open.map((h) => h.dueAt))
  return {
    id: carrier.id,
    serial: carrier.serial,
    docNumber: carrier.docNumber,
    title: carrier.title,
    level: carrier.level,
    // the fold keeps 0 for levels without a period; LevelMark shows none for them anyway
    periodYears: carrier.periodYears > 0 ? carrier.periodYears : null,
    copyNumber: carrier.copyNumber,
    state: carrier.state,
    overdue: isOverdue(carrier, nowMs),
    holders: open.map((h) => h.reader).join('、'),
    dueAt,
    dueEstimated: open.some((h) => deadlineEstimated(h.handedOutAt, h.dueAt, DEFAULT_CALENDAR)),
    recordedLateAt: open.reduce<number | null>(
      (latest, h) => (h.recordedAt === undefined ? latest : Math.max(latest ?? 0, h.recordedAt)),
      null,
    ),
    receivedOn: carrier.receivedOn,
    carrier,
  }
}

function compareRows(a: CarrierRow, b: CarrierRow): number {
  if (a.serial !== b.serial) return a.serial < b.serial ? 1 : -1
  return (a.copyNumber ?? 0) - (b.copyNumber ?? 0) || (a.id < b.id ? -1 : 1)
}

/** Newest registration first; copies of one registration by copy number. */
export function carrierRows(state: RegisterState | null, filter: CarrierFilter, nowMs: number): CarrierRow[] {
  if (!state) return []
  const rows: CarrierRow[] = []
  for (const carrier of state.carriers.values()) {
    if (filter.level && carrier.level !== filter.level) continue
    if (filter.state && carrier.state !== filter.state) continue
    const row = toRow(carrier, nowMs)
    if (filter.overdueOnly && !row.overdue) continue
    rows.push(row)
  }
  return rows.sort(compareRows)
}

export function pageOf<T>(rows: readonly T[], page: number, size: number): T[] {
  const start = (Math.max(1, page) - 1) * size
  return rows.slice(start, start + size)
}
