import { foldEvent } from './carrier-apply.ts'
import { sameCarrier } from './carrier-diff.ts'
import { type ScreenVerdict, screenUnitEvent } from './carrier-screen.ts'
import type { FoldContext, RegisterState } from './carrier-state.ts'
import type { EventEnvelope } from './event-envelope.ts'
import { emptyWork, type FoldWork, forkWork, snapshot } from './fold-work.ts'
import { composeSlices } from './unit-slices.ts'

/**
 * The register fold (ARCHITECTURE decisions 1–3): events in a deterministic total order (HLC, then id,
 * then signature, so that even a re-signed copy of an event sorts the same everywhere), each screened,
 * parsed, checked against the block rules and applied. Same events + same context ⇒ same state.
 *
 * The log is kept sorted, so an event seen twice is found by binary search and copies of one id sit
 * side by side (the fold applies the first that passes screening): no id index on the hot path.
 */

function compareLog(a: EventEnvelope, b: EventEnvelope): number {
  if (a.at !== b.at) return String(a.at) < String(b.at) ? -1 : 1
  if (a.id !== b.id) return String(a.id) < String(b.id) ? -1 : 1
  if (a.sig === b.sig) return 0
  return String(a.sig) < String(b.sig) ? -1 : 1
}

/** Sorted, without repeats (the same id, time and signature). */
function sortedUnique(events: readonly EventEnvelope[]): EventEnvelope[] {
  const sorted = events.slice()
  // Stryker disable all: a fast path for input already in order; the slow path gives the same result
  let ordered = true
  for (let i = 1; i < sorted.length && ordered; i++)
    ordered = compareLog(sorted[i - 1] as EventEnvelope, sorted[i] as EventEnvelope) < 0
  if (!ordered) sorted.sort(compareLog)
  else return sorted // strictly increasing: no repeats either
  // Stryker restore all
  const out: EventEnvelope[] = []
  for (const event of sorted) {
    const last = out[out.length - 1]
    if (last === undefined || compareLog(last, event) !== 0) out.push(event)
  }
  return out
}

function inLog(log: readonly EventEnvelope[], event: EventEnvelope): boolean {
  let lo = 0
  let hi = log.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const c = compareLog(log[mid] as EventEnvelope, event)
    if (c === 0) return true
    // Stryker disable next-line EqualityOperator: c === 0 returned above
    if (c < 0) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

function mergeSorted(log: readonly EventEnvelope[], fresh: readonly EventEnvelope[]): EventEnvelope[] {
  // Stryker disable next-line ArrayDeclaration: pre-sizing is only for speed
  const out: EventEnvelope[] = new Array(log.length + fresh.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < log.length && j < fresh.length) {
    const a = log[i] as EventEnvelope
    const b = fresh[j] as EventEnvelope
    if (compareLog(a, b) <= 0) {
      out[k++] = a
      i++
    } else {
      out[k++] = b
      j++
    }
  }
  while (i < log.length) out[k++] = log[i++] as EventEnvelope
  while (j < fresh.length) out[k++] = fresh[j++] as EventEnvelope
  return out
}

export interface UnitRegister {
  /** Adds events (idempotent by id); returns the new state, the same object when nothing was new. */
  ingest(events: readonly EventEnvelope[]): RegisterState
  readonly state: RegisterState
  has(id: string): boolean
}

/**
 * An incremental register. Events after the last applied one are folded on top of a copy of the state;
 * an event that sorts before it (an offline history arriving late) makes it refold the whole log, so the
 * state always equals foldUnitRegister of everything ingested.
 */
export function createUnitRegister(ctx: FoldContext): UnitRegister {
  const slices = composeSlices(ctx.policy)
  let log: EventEnvelope[] = []
  let ids: Set<string> | null = null // built on the first has(): the fold itself never needs it
  let work: FoldWork = emptyWork(slices)
  let state: RegisterState = snapshot(work)
  // Refolds screen the same immutable envelopes again: remember each verdict (signature, actor,
  // parsed payload) for this context. Only refolds fill it, so a single fold pays nothing.
  const screened = new WeakMap<EventEnvelope, ScreenVerdict>()
  function screenOnce(event: EventEnvelope): ScreenVerdict {
    // Stryker disable all: a cache of a pure function; without it the result is the same
    let verdict = screened.get(event)
    if (verdict === undefined) {
      verdict = screenUnitEvent(event, ctx, slices)
      screened.set(event, verdict)
    }
    return verdict
    // Stryker restore all
  }

  function ingest(events: readonly EventEnvelope[]): RegisterState {
    let fresh = sortedUnique(events)
    // Stryker disable next-line ConditionalExpression,EqualityOperator: filtering against an empty log is a no-op
    if (log.length > 0) fresh = fresh.filter((event) => !inLog(log, event))
    if (fresh.length === 0) return state
    if (ids) for (const event of fresh) ids.add(String(event.id))
    const last = log[log.length - 1]
    if (last === undefined || compareLog(last, fresh[0] as EventEnvelope) < 0) {
      work = log.length === 0 ? emptyWork(slices) : forkWork(work)
      for (const event of fresh) {
        log.push(event)
        foldEvent(work, event, ctx)
      }
    } else {
      log = mergeSorted(log, fresh)
      work = emptyWork(slices)
      for (const event of log) foldEvent(work, event, ctx, screenOnce(event))
      // Put back the carrier objects that came out the same, so callers can still diff by reference.
      for (const [id, carrier] of work.carriers) {
        const previous = state.carriers.get(id)
        if (previous !== undefined && previous !== carrier && sameCarrier(previous, carrier))
          work.carriers.set(id, previous)
      }
    }
    state = snapshot(work)
    return state
  }

  return {
    ingest,
    get state() {
      return state
    },
    has(id) {
      ids ??= new Set(log.map((event) => String(event.id)))
      return ids.has(id)
    },
  }
}

/** The register of a unit from its events, in any order and with duplicates. */
export function foldUnitRegister(events: Iterable<EventEnvelope>, ctx: FoldContext): RegisterState {
  return createUnitRegister(ctx).ingest(Array.isArray(events) ? events : [...events])
}
