import type { Carrier } from '../core/carrier-record.ts'
import type { EventEnvelope } from '../core/event-envelope.ts'
import { hlcWallMs } from '../core/hlc.ts'
import { sameCarrier } from '../registers/carrier/diff.ts'
import { foldEvent } from './carrier-apply.ts'
import { clearCheckpoints, createCheckpoints, passCheckpoint, restoreCheckpoint } from './fold-checkpoints.ts'
import { emptyWork, type FoldWork, forkWork, snapshot } from './fold-work.ts'
import { type ScreenVerdict, screenUnitEvent } from './screen.ts'
import { composeSlices } from './slices.ts'
import type { FoldContext, RegisterState } from './unit-state.ts'

/**
 * The register fold (ARCHITECTURE decisions 1–3): events in a deterministic total order (HLC, then id,
 * then signature, so that even a re-signed copy of an event sorts the same everywhere), each screened,
 * parsed, checked against the block rules and applied. Same events + same context ⇒ same state.
 * Events beyond the context's latest plausible time come first and only open 时间异常 anomalies (issue 10).
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

/** Beyond the latest plausible time (issue 10). A malformed time (NaN) is not: screening alerts it. */
function beyond(event: EventEnvelope, latestMs: number): boolean {
  return hlcWallMs(String(event.at)) > latestMs
}

/** Tuning of an incremental register; the defaults are measured (bench/fold.bench.ts). */
export interface UnitRegisterOptions {
  /** Log events between checkpoints (CHECKPOINT_EVERY); tests make it small. */
  readonly checkpointEvery?: number
}

/** Number of log events that sort before `event`. */
function positionOf(log: readonly EventEnvelope[], event: EventEnvelope): number {
  let lo = 0
  let hi = log.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compareLog(log[mid] as EventEnvelope, event) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * `fresh` (sorted, none in `log`) merged into `log`. A few late events are spliced in place: finding
 * their places costs log n comparisons each, where a merge compares all 100,000 events of the log.
 */
function insertSorted(log: EventEnvelope[], fresh: readonly EventEnvelope[]): EventEnvelope[] {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: either way gives the same log
  if (fresh.length > 32) return mergeSorted(log, fresh)
  for (const event of fresh) log.splice(positionOf(log, event), 0, event)
  return log
}

/**
 * An incremental register. Events after the last applied one are folded on top of a copy of the state;
 * an event that sorts before it (an offline history arriving late) refolds the log from the last
 * checkpoint before it (fold-checkpoints.ts), or from the start when there is none, so the state
 * always equals foldUnitRegister of everything ingested.
 *
 * Issue 10: events later than `ctx.latestEventMs()` (read once per ingest) are kept apart, in `tail`,
 * and folded first, as 时间异常 anomalies. First, so that an officer's resolution (stamped now, sorting
 * before a 2286 event) finds its anomaly open; apart, so that one 2286 event does not make every later
 * ingest refold the whole log. When the bound has grown past a tail event, or a new event is beyond it,
 * the whole log is refolded (checkpoints hold the tail's anomalies).
 */
export function createUnitRegister(ctx: FoldContext, options: UnitRegisterOptions = {}): UnitRegister {
  const slices = composeSlices(ctx.policy)
  let log: EventEnvelope[] = [] // events within the latest plausible time, in fold order
  let tail: EventEnvelope[] = [] // events beyond it, in log order
  let latestMs = Number.NEGATIVE_INFINITY // the bound the current partition was made with
  let ids: Set<string> | null = null // built on the first has(): the fold itself never needs it
  let work: FoldWork = emptyWork(slices)
  let state: RegisterState = snapshot(work)
  let shownCarriers = work.carriers // state.carriers, as the CowMap it is
  const checkpoints = createCheckpoints(options.checkpointEvery)
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

  /**
   * The partition still holds under `latest`: nothing folded as plausible is beyond it (the bound never
   * shrinks, by contract; checked all the same) and every tail event still is (tail[0] is the earliest).
   */
  function partitionHolds(latest: number): boolean {
    const first = tail[0]
    return latest >= latestMs && (first === undefined || beyond(first, latest))
  }

  /** Folds log[from…] into `work` (already holding the tail and log[0, from)), taking checkpoints. */
  function foldLog(from: number, screen: (event: EventEnvelope) => ScreenVerdict | undefined): void {
    for (let i = from; i < log.length; i++) {
      const event = log[i] as EventEnvelope
      foldEvent(work, event, ctx, screen(event))
      work = passCheckpoint(checkpoints, i + 1, log.length, work)
    }
  }

  /** Put back the carrier objects that came out the same, so callers can still diff by reference. */
  function keepSameCarriers(): void {
    const same: [string, Carrier][] = []
    work.carriers.forEachAgainst(shownCarriers, (carrier, previous, id) => {
      if (previous !== undefined && previous !== carrier && sameCarrier(previous, carrier))
        same.push([id, previous])
    })
    for (const [id, carrier] of same) work.carriers.set(id, carrier)
  }

  function refold(fresh: readonly EventEnvelope[], latest: number): void {
    const all = mergeSorted(mergeSorted(log, tail), fresh)
    log = []
    tail = []
    for (const event of all) (beyond(event, latest) ? tail : log).push(event)
    latestMs = latest
    clearCheckpoints(checkpoints)
    work = emptyWork(slices)
    work.latestMs = latest
    for (const event of tail) foldEvent(work, event, ctx, screenOnce(event))
    foldLog(0, screenOnce)
    keepSameCarriers()
  }

  /** Late events within the bound: refold from the last checkpoint before the first of them. */
  function refoldFromCheckpoint(fresh: readonly EventEnvelope[], latest: number): void {
    const restored = restoreCheckpoint(checkpoints, positionOf(log, fresh[0] as EventEnvelope))
    if (restored === null) {
      refold(fresh, latest)
      return
    }
    log = insertSorted(log, fresh)
    latestMs = latest
    work = restored.work
    work.latestMs = latest // the tail's anomalies stand: partitionHolds(latest)
    foldLog(restored.pos, screenOnce)
    keepSameCarriers()
  }

  function ingest(events: readonly EventEnvelope[]): RegisterState {
    let fresh = sortedUnique(events)
    // Stryker disable next-line ConditionalExpression,EqualityOperator: filtering against an empty log is a no-op
    if (log.length > 0 || tail.length > 0) fresh = fresh.filter((e) => !inLog(log, e) && !inLog(tail, e))
    if (fresh.length === 0) return state
    if (ids) for (const event of fresh) ids.add(String(event.id))
    const latest = ctx.latestEventMs?.() ?? Number.POSITIVE_INFINITY
    const last = log[log.length - 1]
    const within = partitionHolds(latest) && !fresh.some((event) => beyond(event, latest))
    if (!within) refold(fresh, latest)
    else if (last !== undefined && compareLog(last, fresh[0] as EventEnvelope) > 0)
      refoldFromCheckpoint(fresh, latest)
    else {
      const from = log.length
      work = log.length === 0 && tail.length === 0 ? emptyWork(slices) : forkWork(work)
      latestMs = latest
      work.latestMs = latest
      for (const event of fresh) log.push(event)
      foldLog(from, () => undefined)
    }
    state = snapshot(work)
    shownCarriers = work.carriers
    return state
  }

  return {
    ingest,
    get state() {
      return state
    },
    has(id) {
      ids ??= new Set([...log, ...tail].map((event) => String(event.id)))
      return ids.has(id)
    },
  }
}

/**
 * The register of a unit from its events, in any order and with duplicates. One fold, no register to
 * ingest into later: it takes no checkpoints (each costs the buckets written after it, and nothing
 * could refold from them).
 */
export function foldUnitRegister(events: Iterable<EventEnvelope>, ctx: FoldContext): RegisterState {
  const once = createUnitRegister(ctx, { checkpointEvery: Number.POSITIVE_INFINITY })
  return once.ingest(Array.isArray(events) ? events : [...events])
}
