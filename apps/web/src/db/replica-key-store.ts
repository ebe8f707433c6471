import type { ReplicaKey } from './replica-key.ts'
import type { ReplicaKeyRow, SecLedgerDb } from './secledger-db.ts'

/**
 * Replica data keys on this device (ARCHITECTURE decision 6).
 *
 * Decision (issue 10, item 10): a unit's replica is sealed under a random AES-256-GCM data key made on
 * this device; the key is stored only wrapped, once per member who has unlocked it, under that
 * member's key-encryption key (derived from their signing key, which only their password unwraps:
 * auth/member-keys.ts). A wrapping can only be made by someone holding both the data key and the
 * member's password, so a member who finds no wrapping of their own — the second officer of a township
 * office PC, or a member whose signing key was replaced — starts a fresh replica under a new data key
 * and resyncs it from the server. The other replica's records stay where they are, sealed; its unsent
 * outbox rows stay its member's and go out at that member's next login. Records carry the id of the
 * key they are sealed under, so sharing one key between members later needs no change to them.
 */
const DATA_KEY: AesKeyGenParams = { name: 'AES-GCM', length: 256 }
const DATA_KEY_USAGES: KeyUsage[] = ['encrypt', 'decrypt']

function wrapIdentity(unit: string, userId: string, keyId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(['replicaKeys', unit, userId, keyId]))
}

function newKeyId(): string {
  return `k-${crypto.randomUUID()}`
}

async function unwrap(row: ReplicaKeyRow, kek: CryptoKey): Promise<CryptoKey | null> {
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      row.wrapped,
      kek,
      { name: 'AES-GCM', iv: row.iv, additionalData: wrapIdentity(row.unit, row.userId, row.keyId) },
      DATA_KEY,
      false,
      DATA_KEY_USAGES,
    )
  } catch {
    return null
  }
}

export interface UnlockedReplicaKey {
  readonly replica: ReplicaKey
  /** True when no wrapping of this member opened: the replica starts empty and resyncs. */
  readonly created: boolean
}

/**
 * This member's data key of the unit, unwrapped non-extractable; made and wrapped when there is none
 * the member's key-encryption key opens.
 */
export async function unlockReplicaKey(
  db: SecLedgerDb,
  unit: string,
  userId: string,
  kek: CryptoKey,
  nowMs: number,
): Promise<UnlockedReplicaKey> {
  const row = await db.replicaKeys.get([unit, userId])
  const existing = row ? await unwrap(row, kek) : null
  if (row && existing) return { replica: { unit, userId, keyId: row.keyId, key: existing }, created: false }
  const keyId = newKeyId()
  // Extractable only long enough to be wrapped; the session uses the non-extractable unwrapped copy.
  const fresh = await crypto.subtle.generateKey(DATA_KEY, true, DATA_KEY_USAGES)
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const wrapped = new Uint8Array(
    await crypto.subtle.wrapKey('raw', fresh, kek, {
      name: 'AES-GCM',
      iv,
      additionalData: wrapIdentity(unit, userId, keyId),
    }),
  )
  const next: ReplicaKeyRow = { unit, userId, keyId, iv, wrapped, createdAt: nowMs }
  await db.replicaKeys.put(next)
  const key = await unwrap(next, kek)
  if (!key) throw new Error('a freshly wrapped replica key does not unwrap')
  return { replica: { unit, userId, keyId, key }, created: true }
}
