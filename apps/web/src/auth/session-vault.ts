import { openBytes, type RecordIdentity, sealBytes } from '../db/sealed-box.ts'
import type { SecLedgerDb } from '../db/secledger-db.ts'
import { deleteSessionKeys, readSessionKeys, writeSessionKeys } from '../db/session-key-store.ts'
import { bytesToHex, hexToBytes } from './hex-bytes.ts'

/**
 * The signed-in session across a reload, without the password. The Ed25519 signing key must be raw
 * bytes for @noble/curves, so it is stored sealed under a session key: a non-extractable AES-GCM
 * CryptoKey generated at login and kept in IndexedDB (structured-cloneable; sessionStorage cannot
 * hold one). Everything else follows from the signing key (auth/member-keys.ts). Logout and expiry
 * delete the row ("lock"); the browser keeps a non-extractable key's material in its profile, so
 * while a session is open its keys are as safe as the profile — bounded by the session's expiry.
 */
export interface ReopenedSession {
  readonly userId: string
  readonly secretKey: string
  readonly expiresAt: number
}

/** The expiry is bound in: a row whose expiry was pushed back does not open. */
function identity(userId: string, expiresAt: number): RecordIdentity {
  return ['sessionKeys', userId, expiresAt]
}

export async function persistSession(
  db: SecLedgerDb,
  session: { userId: string; secretKey: string; expiresAt: number },
): Promise<void> {
  const sessionKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ])
  const secret = hexToBytes(session.secretKey)
  const signingKey = await sealBytes(sessionKey, identity(session.userId, session.expiresAt), secret)
  secret.fill(0)
  await writeSessionKeys(db, {
    userId: session.userId,
    expiresAt: session.expiresAt,
    sessionKey,
    signingKey,
  })
}

/** The stored session, unless there is none, it has expired or it does not open (then it is locked). */
export async function reopenSession(db: SecLedgerDb, nowMs: number): Promise<ReopenedSession | null> {
  const row = await readSessionKeys(db)
  if (!row) return null
  if (!(row.expiresAt > nowMs)) {
    await lockSession(db)
    return null
  }
  try {
    const secret = await openBytes(row.sessionKey, identity(row.userId, row.expiresAt), row.signingKey)
    const secretKey = bytesToHex(secret)
    secret.fill(0)
    return { userId: row.userId, secretKey, expiresAt: row.expiresAt }
  } catch {
    await lockSession(db)
    return null
  }
}

/** "Lock": the stored session keys are deleted; the sealed replica stays for the next login. */
export function lockSession(db: SecLedgerDb): Promise<void> {
  return deleteSessionKeys(db)
}
