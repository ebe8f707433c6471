import type { DatabaseExecutor } from '@secledger/db'
import type { KeyDirectory } from '@secledger/domain'
import * as Y from 'yjs'
import { loadUnitDirectory } from '../keys/unit-directory.ts'
import { recordSecurityEvent } from '../security/security-log.ts'
import { checkStoredEvent } from './event-check.ts'
import { createEventVerifier, type EventVerifier } from './event-verifier.ts'
import { ingestInSlices } from './fold-slices.ts'
import { loadSnapshot, loadUpdates, type StoredUpdate, snapshotCandidates } from './persistence.ts'
import { createSerialQueue } from './serial-queue.ts'
import { createSlicer, type Slicer } from './slicer.ts'
import { macMatches, snapshotMac, updateRowMac } from './storage-mac.ts'
import type { SyncContext } from './sync-context.ts'
import { createRegister, docEvents, maxEventAt, registerDocName, type UnitDoc } from './unit-doc.ts'
import { guardUpdate } from './update-guard.ts'

/** What a load needs of the service's context. */
export type LoadContext = Pick<SyncContext, 'database' | 'now' | 'clock' | 'storageKey'>

/** Code of a `storage_tampered` security event: stored bytes the server did not write (issue 10 item 7). */
export const STORAGE_TAMPERED = 'STORAGE-TAMPERED'

/** A loaded doc, and whether its load had to re-verify stored rows (then a snapshot should follow). */
export interface LoadedUnitDoc {
  readonly unit: UnitDoc
  /** Rows whose MAC was missing or wrong: their events were verified again (or the row left out). */
  readonly reverified: number
}

function applyStored(doc: Y.Doc, update: Uint8Array, what: string): void {
  try {
    Y.applyUpdate(doc, update)
  } catch (error) {
    // Only checked updates are stored; a failure here means a bug or tampering, not a reason to stop serving.
    console.error(`[sync] could not apply stored ${what}`, error)
  }
}

async function recordTampered(
  db: DatabaseExecutor,
  unitId: string,
  detail: Record<string, unknown>,
): Promise<void> {
  console.error(`[sync] stored data of ${unitId} failed its integrity check`, detail)
  try {
    await recordSecurityEvent(db, {
      unitId,
      userId: null,
      deviceId: null,
      kind: 'storage_tampered',
      code: STORAGE_TAMPERED,
      detail,
    })
  } catch (cause) {
    console.error('[sync] could not record a security event', cause)
  }
}

/** The newest snapshot whose MAC checks, applied to `doc`; returns its `uptoSeq` (0 when none). */
async function applyTrustedSnapshot(
  ctx: LoadContext,
  unitId: string,
  docName: string,
  doc: Y.Doc,
  slicer: Slicer,
): Promise<number> {
  const db = ctx.database.db
  for (const uptoSeq of await snapshotCandidates(db, docName)) {
    const snapshot = await loadSnapshot(db, docName, uptoSeq)
    if (snapshot === null) continue
    const expected = await snapshotMac(ctx.storageKey, { doc: docName, ...snapshot }, slicer)
    if (macMatches(expected, snapshot.mac)) {
      applyStored(doc, snapshot.state, `snapshot ${docName}@${uptoSeq}`)
      return uptoSeq
    }
    // Ignored: the doc is rebuilt from the updates, which are all still there (append-only).
    await recordTampered(db, unitId, { doc: docName, uptoSeq, reason: 'snapshot MAC does not match' })
  }
  return 0
}

/**
 * A row without a valid MAC (written before MACs existed, under another key, or not by this server):
 * applied only if the guard still admits it and every event in it verifies against its actor's key.
 * Returns why not, or null when it was applied.
 */
async function applyUnvouchedRow(
  row: StoredUpdate,
  unitId: string,
  directory: KeyDirectory,
  doc: Y.Doc,
  verify: EventVerifier,
  slicer: Slicer,
): Promise<Record<string, unknown> | null> {
  const guard = await guardUpdate(row.update, doc, slicer)
  if (!guard.ok) return { reason: guard.reason }
  // Not vouched: every event is checked (OpenSSL Ed25519), a slice at a time.
  for (const entry of guard.entries) {
    const verdict = checkStoredEvent(entry, unitId, directory, verify)
    if (!verdict.ok) return { reason: verdict.reason, eventId: verdict.eventId, actor: verdict.actor }
    if (slicer.due()) await slicer.pause()
  }
  applyStored(doc, row.update, `update #${row.seq}`)
  return null
}

/**
 * Rebuilds a unit's doc from storage (issue 10 item 7): the newest snapshot whose MAC checks, then the
 * updates after it. An update whose MAC checks was written by this server after checking each event,
 * so its events are vouched (no re-verification of 100,000 signatures per load); any other row is
 * served only when all its events verify, else left out and recorded as `storage_tampered`. The fold
 * runs in slices, so loading a large township does not stall the others (item 8).
 */
export async function loadUnitDoc(ctx: LoadContext, unitId: string): Promise<LoadedUnitDoc> {
  const db = ctx.database.db
  const docName = registerDocName(unitId)
  const slicer = createSlicer()
  const directory = await loadUnitDirectory(db, unitId)
  const doc = new Y.Doc({ gc: false })
  const snapshotSeq = await applyTrustedSnapshot(ctx, unitId, docName, doc, slicer)
  const rows = await loadUpdates(db, docName, snapshotSeq)
  let lastSeq = snapshotSeq
  let reverified = 0
  // Checks without vouching anything, for rows whose MAC does not check.
  const checkStored = createEventVerifier()
  for (const row of rows) {
    lastSeq = row.seq
    const expected = await updateRowMac(ctx.storageKey, { doc: docName, ...row }, slicer)
    if (macMatches(expected, row.mac)) {
      applyStored(doc, row.update, `update ${docName}#${row.seq}`)
      continue
    }
    reverified++
    const refused = await applyUnvouchedRow(row, unitId, directory, doc, checkStored, slicer)
    if (refused !== null) await recordTampered(db, unitId, { doc: docName, seq: row.seq, ...refused })
  }
  if (reverified > 0)
    console.warn(`[sync] ${docName}: ${reverified} stored updates without a valid MAC re-verified`)
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    console.error(`[sync] ${docName} has pending structs after load`)
  }
  const events = docEvents(doc)
  // Everything in `doc` now is vouched: by a MAC, or by the checks just made.
  const verify = createEventVerifier(events)
  const maxClockSkewMs = ctx.clock.maxClockSkewMs
  const latestEventMs = () => ctx.now().getTime() + maxClockSkewMs
  const register = createRegister({ unitId, directory, verify, latestEventMs })
  await ingestInSlices(register, events, null, slicer)
  const unit: UnitDoc = {
    unitId,
    docName,
    doc,
    peers: new Set(),
    queue: createSerialQueue(),
    verify,
    latestEventMs,
    directory,
    register,
    lastSeq,
    updatesSinceSnapshot: rows.length,
    stateVector: Y.encodeStateVector(doc),
    maxAt: maxEventAt(events, null, latestEventMs()),
    broken: false,
  }
  return { unit, reverified }
}
