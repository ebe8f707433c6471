import { attachReplicaKey, type ReplicaKey } from '../src/db/replica-key.ts'
import { unlockReplicaKey } from '../src/db/replica-key-store.ts'
import type { SecLedgerDb } from '../src/db/secledger-db.ts'
import { UNIT } from './fixtures.ts'

/** A member's key-encryption key as login derives it: non-extractable, wrap and unwrap only. */
export function testKek(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey'])
}

/** Unlocks (or creates) the member's replica key of the unit and attaches it, as a login does. */
export async function unlockTestReplica(
  db: SecLedgerDb,
  unit: string = UNIT,
  userId = 'officer1',
  kek?: CryptoKey,
): Promise<ReplicaKey> {
  const { replica } = await unlockReplicaKey(db, unit, userId, kek ?? (await testKek()), 0)
  attachReplicaKey(db, replica)
  return replica
}
