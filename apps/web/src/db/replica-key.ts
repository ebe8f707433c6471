import { type DomainError, domainError } from '@secledger/domain'
import type { SecLedgerDb } from './secledger-db.ts'

/**
 * The unlocked data key of the replica this database handle currently serves: a non-extractable
 * AES-GCM CryptoKey, held in memory only while a member is signed in ("lock", not "wipe": detaching
 * it leaves every record in place, unreadable). `keyId` names the key; the records sealed under it
 * carry it in clear so each replica on a shared PC reads only its own rows.
 */
export interface ReplicaKey {
  readonly unit: string
  readonly userId: string
  readonly keyId: string
  readonly key: CryptoKey
}

export const REPLICA_LOCKED: DomainError = domainError(
  'DB-LOCKED',
  '本机数据已锁定，请重新登录',
  'The local data is locked: sign in again',
)

export class ReplicaLockedError extends Error {
  readonly error = REPLICA_LOCKED
  constructor(detail: string) {
    super(`${REPLICA_LOCKED.message.en} (${detail})`)
    this.name = 'ReplicaLockedError'
  }
}

const attached = new WeakMap<SecLedgerDb, ReplicaKey>()

export function attachReplicaKey(db: SecLedgerDb, key: ReplicaKey): void {
  attached.set(db, key)
}

export function detachReplicaKey(db: SecLedgerDb): void {
  attached.delete(db)
}

/** The open key for `unit`, or null when locked (for work that may finish after a logout). */
export function replicaKeyIfOpen(db: SecLedgerDb, unit: string): ReplicaKey | null {
  const key = attached.get(db)
  return key && key.unit === unit ? key : null
}

/** The open key for `unit`; throws ReplicaLockedError when locked or open for another unit. */
export function replicaKeyOf(db: SecLedgerDb, unit?: string): ReplicaKey {
  const key = attached.get(db)
  if (!key) throw new ReplicaLockedError('no replica key is unlocked')
  if (unit !== undefined && key.unit !== unit)
    throw new ReplicaLockedError(`the unlocked replica is not ${unit}`)
  return key
}
