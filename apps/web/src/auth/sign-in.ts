import { type DomainError, err, ok, type Result } from '@secledger/domain'
import { requestJson } from '../api/http-client.ts'
import { appDb } from '../db/db-instance.ts'
import { ensureDeviceId } from '../db/device-id.ts'
import { useRegisterStore } from '../stores/register-store.ts'
import { useSessionStore } from '../stores/session-store.ts'
import { startReplica, stopReplica } from '../sync/replica-session.ts'
import { dropSecretKey, holdSecretKey } from './key-vault.ts'
import { login } from './login.ts'
import { forgetReauth, holdForReauth } from './offline-reauth.ts'
import { hasRole } from './session-user.ts'

/** The login use case of the app: unlock, remember who is signed in, open the unit's replica. */
export async function signIn(
  username: string,
  password: string,
  notify: (error: DomainError) => void,
): Promise<Result<{ offline: boolean }>> {
  const db = appDb()
  const deviceId = await ensureDeviceId(db)
  const result = await login({ db, deviceId }, username, password)
  if (!result.ok) return err(result.error)
  const session = result.value
  holdSecretKey(session.secretKey)
  if (session.offline) holdForReauth(username.trim(), password, deviceId)
  else forgetReauth()
  useSessionStore().signIn(session)
  // The county never receives a township register (rule S-04): no replica for it.
  if (!hasRole(session.user, 'county'))
    await startReplica({
      unit: session.user.unit.id,
      directory: session.directory,
      userId: session.user.id,
      deviceId,
      notify,
    })
  return ok({ offline: session.offline })
}

/** "Lock": drop the key and stop syncing; the local data stays for the next (offline) login. */
export async function signOut(): Promise<void> {
  stopReplica()
  dropSecretKey()
  forgetReauth()
  useRegisterStore().reset()
  useSessionStore().signOut()
  await requestJson('/api/auth/logout', { method: 'POST' })
}
