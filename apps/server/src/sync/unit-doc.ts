import {
  createUnitRegister,
  DEFAULT_CALENDAR,
  DEFAULT_UNIT_POLICY,
  type EventEnvelope,
  hlcWallMs,
  type KeyDirectory,
  type UnitRegister,
} from '@secledger/domain'
import type * as Y from 'yjs'
import type { EventVerifier } from './event-verifier.ts'
import type { SerialQueue } from './serial-queue.ts'
import { EVENTS_MAP } from './update-guard.ts'

/** Something that receives this doc's broadcasts: one WebSocket connection. */
export interface SyncPeer {
  send(frame: Uint8Array): void
  /** Ends the connection; the client reconnects and resyncs from the database. */
  close(code: number, reason: string): void
}

/**
 * One unit's register doc held in memory: the Y.Doc (the durable state is in the database), the domain
 * fold kept incrementally beside it, the unit's key directory and the connected peers.
 */
export interface UnitDoc {
  readonly unitId: string
  readonly docName: string
  readonly doc: Y.Doc
  readonly peers: Set<SyncPeer>
  /** Every change to this doc runs here, one at a time: check, commit, apply, broadcast. */
  readonly queue: SerialQueue
  readonly verify: EventVerifier
  /**
   * The latest plausible event time for the fold (issue 10 item 1): the server's now plus the allowed
   * clock skew. A stored event beyond it (written before the ingest bound it) folds as a 时间异常
   * anomaly instead of becoming the unit's present.
   */
  readonly latestEventMs: () => number
  directory: KeyDirectory
  register: UnitRegister
  /** Sequence number of the last update applied to `doc`. */
  lastSeq: number
  updatesSinceSnapshot: number
  /** Encoded state vector of `doc`, kept for the equal-state-vector short cut. */
  stateVector: Uint8Array
  /** The greatest plausible `at` of the events in `doc` (maxEventAt), or null when there is none. */
  maxAt: string | null
  /** Set when the doc no longer mirrors the database; it is dropped from the cache. */
  broken: boolean
}

export function registerDocName(unitId: string): string {
  return `${unitId}:register`
}

export function docEvents(doc: Y.Doc): EventEnvelope[] {
  return Array.from(doc.getMap(EVENTS_MAP).values()) as EventEnvelope[]
}

/**
 * The greatest `at` of `events` and `from` (HLC strings sort as times), leaving out times beyond
 * `latestMs`: the fold keeps those apart (时间异常), so they do not bound what extends its log.
 */
export function maxEventAt(
  events: readonly EventEnvelope[],
  from: string | null,
  latestMs: number,
): string | null {
  let max = from
  for (const event of events) {
    if ((max === null || event.at > max) && hlcWallMs(event.at) <= latestMs) max = event.at
  }
  return max
}

type RegisterSource = Pick<UnitDoc, 'unitId' | 'directory' | 'verify' | 'latestEventMs'>

/** An empty fold of the unit, with the unit's directory, verifier and clock bound. */
export function createRegister(unit: RegisterSource): UnitRegister {
  return createUnitRegister({
    unit: unit.unitId,
    directory: unit.directory,
    calendar: DEFAULT_CALENDAR,
    policy: DEFAULT_UNIT_POLICY,
    verify: unit.verify,
    latestEventMs: unit.latestEventMs,
  })
}

/** A fresh fold of everything the doc holds (after a failed commit, or a directory change). */
export function buildRegister(unit: RegisterSource & Pick<UnitDoc, 'doc'>): UnitRegister {
  const register = createRegister(unit)
  register.ingest(docEvents(unit.doc))
  return register
}
