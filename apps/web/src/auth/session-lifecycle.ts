import { type DomainError, err, ok, type Result } from '@secledger/domain'
import { requestJson } from '../api/http-client.ts'
import { appDb } from '../db/db-instance.ts'
import { ensureDeviceId } from '../db/device-id.ts'
import { adoptPlaintextReplica } from '../db/plaintext-adoption.ts'
import { attachReplicaKey, detachReplicaKey } from '../db/replica-key.ts'
import { unlockReplicaKey } from '../db/replica-key-store.ts'
import { useRegisterStore } from '../stores/register-store.ts'
import { useSessionStore } from '../stores/session-store.ts'
import { startReplica, stopReplica } from '../sync/replica-session.ts'
import { dropSecretKey, holdSecretKey } from './key-vault.ts'
import type { UnlockedSession } from './login.ts'
import { forgetReauth, holdForReauth } from './offline-reauth.ts'
import { cancelSessionEnd, SESSION_TTL_MS, scheduleSessionEnd } from './session-expiry.ts'
import { hasRole } from './session-user.ts'
import { lockSession, persistSession } from './session-vault.ts'

/** The login use case of the app: unlock, remember who is signed in, open the unit's replica. */
export async function signIn(
  username: string,
  password: string,
  notify: (error: DomainError) => void,
): Promise<Result<{ offline: boolean }>> {
  const db = appDb()
  const deviceId = await ensureDeviceId(db)
  // Argon2id (hash-wasm) and key unwrapping: only a login needs them, a reopened session does not.
  const { login } = await import('./login.ts')
  const result = await login({ db, deviceId }, username, password)
  if (!result.ok) return err(result.error)
  const session = result.value
  if (session.offline) holdForReauth(username.trim(), password, deviceId)
  else forgetReauth()
  const expiresAt = Date.now() + SESSION_TTL_MS
  // Kept for a reload within the session (auth/session-vault.ts); the password is not.
  await persistSession(db, { userId: session.user.id, secretKey: session.secretKey, expiresAt })
  try {
    await openSession(session, expiresAt, notify)
  } catch (error) {
    await signOut()
    throw error
  }
  return ok({ offline: session.offline })
}

/**
 * Opens an unlocked session, from a login or from the keys kept across a reload: the signing key in
 * memory, the member's replica key of the unit unwrapped and attached to the database, the unit's
 * replica started, the session's end scheduled.
 */
export async function openSession(
  session: UnlockedSession,
  expiresAt: number,
  notify: (error: DomainError) => void,
): Promise<void> {
  const db = appDb()
  stopReplica()
  detachReplicaKey(db)
  holdSecretKey(session.secretKey)
  // The county never receives a township register (rule S-04): no replica for it.
  const township = !hasRole(session.user, 'county')
  if (township) {
    const unlocked = await unlockReplicaKey(
      db,
      session.user.unit.id,
      session.user.id,
      session.keys.replicaKek,
      Date.now(),
    )
    await adoptPlaintextReplica(db, unlocked.replica)
    attachReplicaKey(db, unlocked.replica)
  }
  useSessionStore().signIn(session)
  scheduleSessionEnd(expiresAt)
  if (township)
    await startReplica({
      unit: session.user.unit.id,
      directory: session.directory,
      userId: session.user.id,
      deviceId: session.deviceId,
      notify,
    })
}

/**
 * "Lock" (logout, expiry): the keys leave memory and IndexedDB and syncing stops; every record stays,
 * sealed, and unsent events go out after the next login (ARCHITECTURE traps: ASVS 14.3.3 deviation).
 */
export async function signOut(): Promise<void> {
  const db = appDb()
  cancelSessionEnd()
  stopReplica()
  detachReplicaKey(db)
  dropSecretKey()
  forgetReauth()
  await lockSession(db)
  useRegisterStore().reset()
  useSessionStore().signOut()
  await requestJson('/api/auth/logout', { method: 'POST' })
}
