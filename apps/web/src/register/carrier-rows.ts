import type { Carrier, CarrierState, Level, RegisterState } from '@secledger/domain'
import { DEFAULT_CALENDAR, deadlineEstimated, isOverdue, LEVELS } from '@secledger/domain'
import { type DayRange, inDayRange, keywordMatcher, type QueryValues } from '@secledger/ui/logic'

/** One line of the 载体台账 table, derived from the folded state: one copy, or a document of several. */
export interface CarrierRow {
  readonly id: string
  /** 'document': a registration of several copies, its copies nested under it (children). */
  readonly kind: 'copy' | 'document'
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
  /** A copy's carrier; a document's first copy. */
  readonly carrier: Carrier
  /** A document: its copies shown (those the query keeps), by copy number. */
  readonly children?: readonly CarrierRow[]
  /** A document: how many of its shown copies are in each state. */
  readonly stateCounts?: Readonly<Record<CarrierState, number>>
}

export interface CarrierFilter {
  /** 登记编号, 文号, 脱密标题 or 持有人. */
  readonly keyword: string
  readonly level: Level | ''
  readonly state: CarrierState | ''
  readonly overdueOnly: boolean
  /** 收文日期, both ends included. */
  readonly received: DayRange | null
}

export const EMPTY_FILTER: CarrierFilter = {
  keyword: '',
  level: '',
  state: '',
  overdueOnly: false,
  received: null,
}

const STATES: readonly CarrierState[] = ['in_custody', 'out', 'destroyed']

/** The query form's values (RegisterShell) as the register's filter; anything unexpected filters nothing. */
export function filterFromQuery(values: QueryValues): CarrierFilter {
  const level = LEVELS.find((l) => l === values.level) ?? ''
  const state = STATES.find((s) => s === values.state) ?? ''
  const received = Array.isArray(values.received) ? (values.received as DayRange) : null
  return {
    keyword: typeof values.keyword === 'string' ? values.keyword : '',
    level,
    state,
    overdueOnly: values.overdueOnly === true,
    received,
  }
}

function toRow(carrier: Carrier, nowMs: number): CarrierRow {
  const open = carrier.holders
  const dueAt = open.length === 0 ? null : Math.min(...open.map((h) => h.dueAt))
  return {
    id: carrier.id,
    kind: 'copy',
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

/** The copies of one registration (or one copying) as one row; its state is the copies' when they agree. */
function documentRow(key: string, copies: readonly CarrierRow[]): CarrierRow {
  const first = copies[0] as CarrierRow
  const stateCounts: Record<CarrierState, number> = { in_custody: 0, out: 0, destroyed: 0 }
  for (const copy of copies) stateCounts[copy.state] += 1
  const dues = copies.flatMap((c) => (c.dueAt === null ? [] : [c.dueAt]))
  const readers = [...new Set(copies.flatMap((c) => (c.holders === '' ? [] : c.holders.split('、'))))]
  return {
    ...first,
    id: `doc:${key}`,
    kind: 'document',
    copyNumber: null,
    // the state everyone agrees on; mixed: the one that needs attention (out) before in custody
    state: stateCounts.out > 0 ? 'out' : stateCounts.in_custody > 0 ? 'in_custody' : 'destroyed',
    overdue: copies.some((c) => c.overdue),
    holders: readers.join('、'),
    dueAt: dues.length === 0 ? null : Math.min(...dues),
    dueEstimated: copies.some((c) => c.dueEstimated),
    recordedLateAt: copies.reduce<number | null>(
      (latest, c) => (c.recordedLateAt === null ? latest : Math.max(latest ?? 0, c.recordedLateAt)),
      null,
    ),
    children: copies,
    stateCounts,
  }
}

function compareRows(a: CarrierRow, b: CarrierRow): number {
  if (a.serial !== b.serial) return a.serial < b.serial ? 1 : -1
  return (a.copyNumber ?? 0) - (b.copyNumber ?? 0) || (a.id < b.id ? -1 : 1)
}

function matches(
  row: CarrierRow,
  filter: CarrierFilter,
  keyword: (texts: readonly string[]) => boolean,
): boolean {
  if (filter.level && row.level !== filter.level) return false
  if (filter.state && row.state !== filter.state) return false
  if (filter.overdueOnly && !row.overdue) return false
  if (!inDayRange(row.receivedOn, filter.received)) return false
  return keyword([row.serial, row.docNumber, row.title, row.holders])
}

/**
 * Newest registration first. The copies of one registration (or of one copying) that the filter keeps
 * are nested under one document row when there are several (a 25-copy document is one line, not 25).
 */
export function carrierRows(state: RegisterState | null, filter: CarrierFilter, nowMs: number): CarrierRow[] {
  if (!state) return []
  const keyword = keywordMatcher(filter.keyword)
  const groups = new Map<string, CarrierRow[]>()
  for (const carrier of state.carriers.values()) {
    const row = toRow(carrier, nowMs)
    if (!matches(row, filter, keyword)) continue
    const group = groups.get(carrier.createdBy)
    if (group === undefined) groups.set(carrier.createdBy, [row])
    else group.push(row)
  }
  const rows: CarrierRow[] = []
  for (const [key, copies] of groups) {
    copies.sort(compareRows)
    rows.push(copies.length === 1 ? (copies[0] as CarrierRow) : documentRow(key, copies))
  }
  return rows.sort(compareRows)
}
