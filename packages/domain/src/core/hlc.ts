/**
 * Hybrid logical clock, encoded so that string order is causal-then-wall order:
 * `<wall ms, 13 digits>.<counter, 5 base-36 digits>.<device>`.
 * Time comes in as an argument; the domain never reads a clock.
 */
export type Hlc = string

/** How far an event's clock may run ahead of the trusted time (server, or the replica's corrected clock). */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 5 * 60 * 1000

/**
 * No register event can be older than this (2000-01-01 00:00 China time): an earlier clock is a device
 * with a reset clock (1970), never a record. Old paper records are entered now, as late entries (补录).
 */
export const EARLIEST_EVENT_MS = Date.UTC(1999, 11, 31, 16, 0, 0)

const WALL_DIGITS = 13
const COUNTER_DIGITS = 5
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1

export interface HlcParts {
  readonly wallMs: number
  readonly counter: number
  readonly node: string
}

const HLC_PATTERN = /^(\d{13})\.([0-9a-z]{5})\.([A-Za-z0-9_-]{1,64})$/

export function formatHlc(parts: HlcParts): Hlc {
  return `${String(parts.wallMs).padStart(WALL_DIGITS, '0')}.${parts.counter
    .toString(36)
    .padStart(COUNTER_DIGITS, '0')}.${parts.node}`
}

export function parseHlc(hlc: Hlc): HlcParts | null {
  const m = HLC_PATTERN.exec(hlc)
  if (!m) return null
  return { wallMs: Number(m[1]), counter: Number.parseInt(m[2] as string, 36), node: m[3] as string }
}

export function isHlc(value: unknown): value is Hlc {
  return typeof value === 'string' && HLC_PATTERN.test(value)
}

/** The wall time an HLC stands for, in ms since the epoch. */
export function hlcWallMs(hlc: Hlc): number {
  // Digit by digit: no substring per call (the fold reads this for every event).
  let ms = 0
  for (let i = 0; i < WALL_DIGITS; i++) {
    const digit = hlc.charCodeAt(i) - 48
    if (!(digit >= 0 && digit <= 9)) return Number.NaN
    ms = ms * 10 + digit
  }
  return ms
}

function bump(wallMs: number, counter: number, node: string): Hlc {
  if (counter > MAX_COUNTER) return formatHlc({ wallMs: wallMs + 1, counter: 0, node })
  return formatHlc({ wallMs, counter, node })
}

/** Next timestamp for a local event: never behind the last one this device issued or saw. */
export function tickHlc(last: Hlc | null, nowMs: number, node: string): Hlc {
  const prev = last ? parseHlc(last) : null
  if (!prev || nowMs > prev.wallMs) return formatHlc({ wallMs: nowMs, counter: 0, node })
  return bump(prev.wallMs, prev.counter + 1, node)
}

/**
 * The last timestamp a device may tick from (issue 10): `last` unless its wall time is more than
 * `maxAheadMs` ahead of `nowMs` or before EARLIEST_EVENT_MS (a remote clock set to 2286 or reset to
 * 1970), then null. So `tickHlc(boundedHlc(last, now), now, node)` never adopts an implausible clock,
 * which would stamp every later event (and its registration year, rule C-01) with it.
 */
export function boundedHlc(
  last: Hlc | null,
  nowMs: number,
  maxAheadMs: number = DEFAULT_MAX_CLOCK_SKEW_MS,
): Hlc | null {
  if (last === null) return null
  const wallMs = hlcWallMs(last)
  return wallMs >= EARLIEST_EVENT_MS && wallMs <= nowMs + maxAheadMs ? last : null
}

/** Merge a remote timestamp into the local clock when receiving events. */
export function receiveHlc(last: Hlc | null, remote: Hlc, nowMs: number, node: string): Hlc {
  const local = last ? parseHlc(last) : null
  const other = parseHlc(remote)
  if (!other) return tickHlc(last, nowMs, node)
  const localWall = local?.wallMs ?? 0
  const wall = Math.max(localWall, other.wallMs, nowMs)
  if (wall === localWall && wall === other.wallMs)
    return bump(wall, Math.max(local?.counter ?? 0, other.counter) + 1, node)
  if (wall === localWall) return bump(wall, (local?.counter ?? 0) + 1, node)
  if (wall === other.wallMs) return bump(wall, other.counter + 1, node)
  return formatHlc({ wallMs: wall, counter: 0, node })
}
