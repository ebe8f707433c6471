import type { UnitPost } from '../../core/unit-view.ts'
import { localDay, type WorkCalendar } from '../../core/work-calendar.ts'
import type { DeviceKind } from './events.ts'
import { DEFAULT_DEVICE_POLICY, type DevicePolicy } from './policy.ts'
import {
  type BureauFiling,
  type DeviceAnomaly,
  type DeviceState,
  hasValidBook,
  isRetired,
  needsUserBook,
} from './state.ts'

const DAY_MS = 86_400_000

/** rules B-05, B-02: a responsible user of a computer or medium without a valid book, since when. */
export interface BookGap {
  readonly user: string
  readonly deviceIds: readonly string[]
  /**
   * When the gap opened, as far as this register knows: the earliest assignment, or the stale book's
   * signing if later (when its leader left the post is the organisation register's).
   */
  readonly since: number
}

/**
 * `postsOf` (the unit view's organisation posts, B-04) makes a book whose leader no longer holds a
 * signing post a gap (B-02), open since the later of its signing and the assignment.
 */
export function userBooksToSign(
  state: DeviceState,
  postsOf?: (userId: string) => readonly UnitPost[],
): BookGap[] {
  const byUser = new Map<string, { deviceIds: string[]; assignedAt: number }>()
  for (const d of state.devices.values()) {
    if (isRetired(d) || !needsUserBook(d.kind) || hasValidBook(state, d.responsible, postsOf)) continue
    const entry = byUser.get(d.responsible) ?? { deviceIds: [], assignedAt: d.assignedAt }
    entry.deviceIds.push(d.id)
    entry.assignedAt = Math.min(entry.assignedAt, d.assignedAt)
    byUser.set(d.responsible, entry)
  }
  return [...byUser.entries()]
    .map(([user, e]) => ({
      user,
      deviceIds: e.deviceIds.sort(),
      since: Math.max(state.books.get(user)?.signedAt ?? 0, e.assignedAt),
    }))
    .sort((a, b) => a.since - b.since || a.user.localeCompare(b.user))
}

/** rule M-04: classified devices back from repair and not yet security-checked, since their return. */
export function securityChecksPending(state: DeviceState): { deviceId: string; since: number }[] {
  const out: { deviceId: string; since: number }[] = []
  for (const d of state.devices.values())
    if (d.status === 'awaiting_check') out.push({ deviceId: d.id, since: d.repairs.at(-1)?.returnedAt ?? 0 })
  return out.sort((a, b) => a.since - b.since || a.deviceId.localeCompare(b.deviceId))
}

/** rule M-06: the next software check of a classified computer. */
export interface SoftwareCheckDue {
  readonly deviceId: string
  readonly dueAt: number
  readonly lastCheckAt: number | null
}

function softwareChecks(state: DeviceState, policy: DevicePolicy): SoftwareCheckDue[] {
  const out: SoftwareCheckDue[] = []
  for (const d of state.devices.values()) {
    if (isRetired(d) || !d.classified || d.kind !== 'computer') continue
    const from = d.lastSoftwareCheckAt ?? d.registeredAt
    out.push({
      deviceId: d.id,
      dueAt: from + policy.softwareCheckIntervalDays * DAY_MS,
      lastCheckAt: d.lastSoftwareCheckAt,
    })
  }
  return out.sort((a, b) => a.dueAt - b.dueAt || a.deviceId.localeCompare(b.deviceId))
}

/** rule M-06 reminder: checks past due at `nowMs`; overdue since `dueAt`. */
export function overdueSoftwareChecks(
  state: DeviceState,
  nowMs: number,
  policy: DevicePolicy = DEFAULT_DEVICE_POLICY,
): SoftwareCheckDue[] {
  return softwareChecks(state, policy).filter((c) => nowMs > c.dueAt)
}

/** rule M-06: checks falling due within `withinMs` of `nowMs` (not yet overdue). */
export function softwareChecksDueSoon(
  state: DeviceState,
  nowMs: number,
  withinMs: number,
  policy: DevicePolicy = DEFAULT_DEVICE_POLICY,
): SoftwareCheckDue[] {
  return softwareChecks(state, policy).filter((c) => c.dueAt >= nowMs && c.dueAt <= nowMs + withinMs)
}

/** rules M-05, M-11: items still to be filed with the secrecy bureau, oldest first (gap since `since`). */
export function pendingBureauFilings(state: DeviceState): BureauFiling[] {
  return [...state.filings.values()]
    .filter((f) => f.filedAt === null)
    .sort((a, b) => a.since - b.since || a.key.localeCompare(b.key))
}

export function openDeviceAnomalies(state: DeviceState): DeviceAnomaly[] {
  return [...state.anomalies.values()]
    .filter((a) => a.resolvedAt === null)
    .sort((a, b) => a.openedAt - b.openedAt || a.id.localeCompare(b.id))
}

/** Figures of the year's secrecy-work summary (年度保密工作总结) and the county dashboard. */
export interface DeviceYearFigures {
  readonly year: number
  /** Devices in use at the time of the query, by kind and class. */
  readonly inUse: Readonly<
    Record<DeviceKind, { readonly classified: number; readonly nonClassified: number }>
  >
  readonly registered: number
  readonly repairs: number
  readonly replaced: number
  readonly scrapped: number
  readonly booksSigned: number
  readonly bookGaps: number
  readonly anomaliesOpened: number
  readonly anomaliesOpen: number
  readonly softwareChecks: number
  readonly pendingFilings: number
}

/** `postsOf` (the organisation posts, B-04) lets the book figures count a stale book as a gap (B-02). */
export function deviceYearFigures(
  state: DeviceState,
  year: number,
  calendar: WorkCalendar,
  postsOf?: (userId: string) => readonly UnitPost[],
): DeviceYearFigures {
  const inYear = (ms: number) => localDay(ms, calendar).year === year
  const zero = () => ({ classified: 0, nonClassified: 0 })
  const inUse = { computer: zero(), medium: zero(), office_device: zero(), phone: zero(), network: zero() }
  let registered = 0
  let repairs = 0
  let replaced = 0
  let scrapped = 0
  for (const d of state.devices.values()) {
    if (!isRetired(d)) inUse[d.kind][d.classified ? 'classified' : 'nonClassified'] += 1
    if (inYear(d.registeredAt)) registered += 1
    repairs += d.repairs.filter((r) => inYear(r.startedAt)).length
    if (d.disposal !== null && inYear(d.disposal.at)) {
      if (d.disposal.kind === 'scrap') scrapped += 1
      else replaced += 1
    }
  }
  const anomalies = [...state.anomalies.values()]
  return {
    year,
    inUse,
    registered,
    repairs,
    replaced,
    scrapped,
    booksSigned: [...state.books.values()].filter((b) => hasValidBook(state, b.user, postsOf)).length,
    bookGaps: userBooksToSign(state, postsOf).length,
    anomaliesOpened: anomalies.filter((a) => inYear(a.openedAt)).length,
    anomaliesOpen: anomalies.filter((a) => a.resolvedAt === null).length,
    softwareChecks: state.checks.filter((c) => c.item === 'software' && inYear(c.at)).length,
    pendingFilings: pendingBureauFilings(state).length,
  }
}
