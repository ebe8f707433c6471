import { createHmac, timingSafeEqual } from 'node:crypto'
import { type Slicer, UNSLICED } from './slicer.ts'

/**
 * Integrity of what the server stored (issue 10 item 7): each yjs_updates row and each snapshot carries
 * an HMAC-SHA256 under the server's storage key, a key kept outside the database (ARCHITECTURE
 * "Traps": a hash chain inside PostgreSQL proves nothing against whoever runs PostgreSQL). A row whose
 * MAC checks was written by this server after checking every event, so its events are vouched on load
 * without 100,000 signature checks; any other row has each event verified again.
 *
 * An update row's MAC covers what the one commit statement writes — doc, created_at, user, device and
 * the bytes — not its `seq`, which the insert assigns: a copied row replays an update Yjs already
 * holds (a no-op), while moving a row to another doc, or altering its bytes, breaks the MAC.
 */

type Part = string | number | null | Uint8Array
// Large byte fields are fed in pieces, so a 30 MB snapshot is hashed in slices.
const PIECE_BYTES = 1 << 20

function lengthPrefix(length: number): Buffer {
  const prefix = Buffer.alloc(5)
  prefix.writeUInt8(length < 0 ? 0 : 1)
  prefix.writeUInt32BE(Math.max(length, 0), 1)
  return prefix
}

/** HMAC over unambiguously framed parts (kind, then length-prefixed fields; null differs from ''). */
async function mac(
  key: Uint8Array,
  label: string,
  parts: readonly Part[],
  slicer: Slicer,
): Promise<Uint8Array> {
  const hmac = createHmac('sha256', key)
  hmac.update(`secledger-storage-mac/v1/${label}`)
  for (const part of parts) {
    if (part === null) {
      hmac.update(lengthPrefix(-1))
      continue
    }
    const bytes = typeof part === 'string' || typeof part === 'number' ? Buffer.from(String(part)) : part
    hmac.update(lengthPrefix(bytes.byteLength))
    for (let offset = 0; offset < bytes.byteLength; offset += PIECE_BYTES) {
      hmac.update(bytes.subarray(offset, offset + PIECE_BYTES))
      if (slicer.due()) await slicer.pause()
    }
  }
  return new Uint8Array(hmac.digest())
}

export interface UpdateRowFields {
  readonly doc: string
  readonly createdAt: Date
  readonly userId: string | null
  readonly deviceId: string | null
  readonly update: Uint8Array
}

export function updateRowMac(
  key: Uint8Array,
  row: UpdateRowFields,
  slicer: Slicer = UNSLICED,
): Promise<Uint8Array> {
  return mac(
    key,
    'yjs_updates',
    [row.doc, row.createdAt.getTime(), row.userId, row.deviceId, row.update],
    slicer,
  )
}

export interface SnapshotFields {
  readonly doc: string
  readonly uptoSeq: number
  readonly state: Uint8Array
  readonly stateVector: Uint8Array
}

export function snapshotMac(
  key: Uint8Array,
  row: SnapshotFields,
  slicer: Slicer = UNSLICED,
): Promise<Uint8Array> {
  return mac(key, 'yjs_snapshots', [row.doc, row.uptoSeq, row.state, row.stateVector], slicer)
}

/** Constant-time comparison; a missing MAC (a row older than this check) never matches. */
export function macMatches(expected: Uint8Array, stored: Uint8Array | null): boolean {
  return stored !== null && stored.byteLength === expected.byteLength && timingSafeEqual(expected, stored)
}
