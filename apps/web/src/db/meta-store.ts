import { type ReplicaKey, replicaKeyOf } from './replica-key.ts'
import type { SecLedgerDb } from './secledger-db.ts'

/**
 * Meta values stay in clear: none reveals register content. The device id is random; the last HLC is
 * a time, a counter and the device id, kept for the whole device (every member's events must order
 * after it); the last ACK and the recovery mark ({code, at}) are per replica, so they are stored
 * under the replica's key id (two members of a unit on one PC keep separate replicas).
 */
export const MetaKey = {
  DeviceId: 'deviceId',
  LastHlc: 'lastHlc',
  /**
   * When the server last acknowledged the replica's data. Stored per replica under
   * replicaMetaKey(…); the bare key is how schema 2 stored it (db/plaintext-adoption.ts).
   */
  lastAck: (unit: string) => `lastAck:${unit}`,
  /**
   * Set when the server refused an update: the replica must be rebuilt from the server's state.
   * Per replica, like lastAck.
   */
  recovery: (unit: string) => `recovery:${unit}`,
} as const

export async function readMeta<T>(db: SecLedgerDb, key: string): Promise<T | undefined> {
  const row = await db.meta.get(key)
  return row?.value as T | undefined
}

export async function writeMeta(db: SecLedgerDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value })
}

/** The meta key of a per-replica value: the unit-wide key suffixed with the id of the replica's key. */
export function replicaMetaKey(base: string, replica: Pick<ReplicaKey, 'keyId'>): string {
  return `${base}#${replica.keyId}`
}

/** When the server last acknowledged this replica's data (the sync indicator's "last synced"). */
export function readLastAck(db: SecLedgerDb, unit: string): Promise<number | undefined> {
  return readMeta<number>(db, replicaMetaKey(MetaKey.lastAck(unit), replicaKeyOf(db, unit)))
}

/** The recovery mark of this replica, when a refusal left it to be rebuilt. */
export function readRecoveryMarker<T>(db: SecLedgerDb, unit: string): Promise<T | undefined> {
  return readMeta<T>(db, replicaMetaKey(MetaKey.recovery(unit), replicaKeyOf(db, unit)))
}
