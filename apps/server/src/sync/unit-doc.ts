import type { DatabaseExecutor } from '@secledger/db'
import {
  createUnitRegister,
  DEFAULT_CALENDAR,
  DEFAULT_UNIT_POLICY,
  type EventEnvelope,
  type KeyDirectory,
  type UnitRegister,
} from '@secledger/domain'
import * as Y from 'yjs'
import { loadUnitDirectory } from '../keys/unit-directory.ts'
import { createEventVerifier, type EventVerifier } from './event-verifier.ts'
import { loadStoredDoc } from './persistence.ts'
import { createSerialQueue, type SerialQueue } from './serial-queue.ts'
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
  directory: KeyDirectory
  register: UnitRegister
  /** Sequence number of the last update applied to `doc`. */
  lastSeq: number
  updatesSinceSnapshot: number
  /** Encoded state vector of `doc`, kept for the equal-state-vector short cut. */
  stateVector: Uint8Array
  /** Set when the doc no longer mirrors the database; it is dropped from the cache. */
  broken: boolean
}

export function registerDocName(unitId: string): string {
  return `${unitId}:register`
}

export function docEvents(doc: Y.Doc): EventEnvelope[] {
  return Array.from(doc.getMap(EVENTS_MAP).values()) as EventEnvelope[]
}

/** A fresh fold of everything the doc holds (on load, and after a failed commit). */
export function buildRegister(unit: Pick<UnitDoc, 'unitId' | 'directory' | 'verify' | 'doc'>): UnitRegister {
  const register = createUnitRegister({
    unit: unit.unitId,
    directory: unit.directory,
    calendar: DEFAULT_CALENDAR,
    policy: DEFAULT_UNIT_POLICY,
    verify: unit.verify,
  })
  register.ingest(docEvents(unit.doc))
  return register
}

function applyStored(doc: Y.Doc, update: Uint8Array, what: string): void {
  try {
    Y.applyUpdate(doc, update)
  } catch (error) {
    // Only checked updates are stored; a failure here means a bug or tampering, not a reason to stop serving.
    console.error(`[sync] could not apply stored ${what}`, error)
  }
}

/** Rebuilds a unit's doc from its latest snapshot plus the updates appended after it. */
export async function loadUnitDoc(db: DatabaseExecutor, unitId: string): Promise<UnitDoc> {
  const docName = registerDocName(unitId)
  const [stored, directory] = await Promise.all([loadStoredDoc(db, docName), loadUnitDirectory(db, unitId)])
  const doc = new Y.Doc({ gc: false })
  let lastSeq = 0
  if (stored.snapshot) {
    applyStored(doc, stored.snapshot.state, `snapshot ${docName}@${stored.snapshot.uptoSeq}`)
    lastSeq = stored.snapshot.uptoSeq
  }
  for (const row of stored.updates) {
    applyStored(doc, row.update, `update ${docName}#${row.seq}`)
    lastSeq = row.seq
  }
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    console.error(`[sync] ${docName} has pending structs after load`)
  }
  // Stored events were verified when ingested: the load fold re-screens actor, role and unit, not crypto.
  const partial = { unitId, directory, verify: createEventVerifier(docEvents(doc)), doc }
  return {
    ...partial,
    docName,
    peers: new Set(),
    queue: createSerialQueue(),
    register: buildRegister(partial),
    lastSeq,
    updatesSinceSnapshot: stored.updates.length,
    stateVector: Y.encodeStateVector(doc),
    broken: false,
  }
}
