import { hexToBytes } from './hex-bytes.ts'

/**
 * Keys a member's password unlocks, beyond the signing key itself (ARCHITECTURE decisions 3 and 6).
 *
 * The password unwraps the Ed25519 signing key (Argon2id, then AES-GCM: packages/domain
 * signing-keys.ts); HKDF-SHA-256 over those 32 secret bytes derives, per purpose, non-extractable
 * AES-GCM keys. No new password derivation: login costs one Argon2id, as before, and a dump of
 * IndexedDB without the password opens nothing (the signing key is there only wrapped). A changed
 * password re-wraps the same signing key, so the replica stays readable; a replaced signing key
 * starts a fresh replica (db/replica-key-store.ts).
 */
export interface MemberKeys {
  /** Wraps this member's replica data keys (db/replica-key-store.ts). */
  readonly replicaKek: CryptoKey
  /** Seals the cached profile and unit directory (db/account-cache.ts). */
  readonly accountKey: CryptoKey
}

const SALT = new TextEncoder().encode('secledger/member-keys/v1')

async function derive(
  base: CryptoKey,
  purpose: string,
  userId: string,
  usages: KeyUsage[],
): Promise<CryptoKey> {
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: SALT,
      info: new TextEncoder().encode(`${purpose}\u0000${userId}`),
    },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    usages,
  )
}

export async function deriveMemberKeys(secretKeyHex: string, userId: string): Promise<MemberKeys> {
  const secret = hexToBytes(secretKeyHex)
  const base = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey'])
  secret.fill(0)
  const [replicaKek, accountKey] = await Promise.all([
    derive(base, 'replica-kek', userId, ['wrapKey', 'unwrapKey']),
    derive(base, 'account', userId, ['encrypt', 'decrypt']),
  ])
  return { replicaKek, accountKey }
}
