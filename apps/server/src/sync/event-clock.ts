import {
  DEFAULT_MAX_CLOCK_SKEW_MS,
  EARLIEST_EVENT_MS,
  type EventEnvelope,
  hlcWallMs,
} from '@secledger/domain'

/**
 * The times the server takes custody of (issue 10 item 1; ARCHITECTURE "Traps": a hybrid logical
 * clock adopts the largest time it has seen, so one event stamped 2286 would become every replica's
 * present, permanently in an append-only log). An event is refused on ingest — SYNC-CLOCK-SKEW, the
 * whole update — when its wall time is ahead of the server's clock by more than the allowed skew,
 * older than the allowed age, or before EARLIEST_EVENT_MS (a reset clock: 1970).
 */
export interface ClockWindow {
  readonly maxClockSkewMs: number
  readonly maxEventAgeMs: number
}

const DAY_MS = 86_400_000

/** A device may stay offline for most of a year and still hand in what it recorded. */
export const DEFAULT_MAX_EVENT_AGE_MS = 366 * DAY_MS

export const DEFAULT_CLOCK_WINDOW: ClockWindow = {
  maxClockSkewMs: DEFAULT_MAX_CLOCK_SKEW_MS,
  maxEventAgeMs: DEFAULT_MAX_EVENT_AGE_MS,
}

/** Why the event's time is out of the window, or null when it is within it. */
export function clockRefusal(event: EventEnvelope, nowMs: number, window: ClockWindow): string | null {
  const atMs = hlcWallMs(event.at)
  if (!Number.isFinite(atMs)) return 'unreadable time'
  if (atMs > nowMs + window.maxClockSkewMs) return 'ahead of the server clock'
  if (atMs < EARLIEST_EVENT_MS) return 'before the earliest event time'
  if (atMs < nowMs - window.maxEventAgeMs) return 'older than the oldest accepted event'
  return null
}
