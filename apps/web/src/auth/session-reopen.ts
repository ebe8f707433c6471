import type { DomainError } from '@secledger/domain'
import { type FetchFn, requestJson } from '../api/http-client.ts'
import { openAccountProfile, readCachedAccount } from '../db/account-cache.ts'
import { appDb } from '../db/db-instance.ts'
import { ensureDeviceId } from '../db/device-id.ts'
import { deriveMemberKeys } from './member-keys.ts'
import type { SessionUser } from './session-user.ts'
import { lockSession, reopenSession } from './session-vault.ts'

/** A server that does not answer soon is as good as offline: the register opens from IndexedDB. */
const ME_TIMEOUT_MS = 5_000

const fetchWithTimeout: FetchFn = (input, init) =>
  fetch(input, { ...init, signal: AbortSignal.timeout(ME_TIMEOUT_MS) })

/**
 * At startup (a reload, a link opened; auth/session-resume.ts): reopens the session kept in IndexedDB
 * without the password when the server still knows it (GET /api/me 200) or, unreachable, while it has
 * not expired. A server that says the session is gone (401/403) or belongs to someone else locks it.
 * True when reopened.
 */
export async function reopenKeptSession(
  notify: (error: DomainError) => void,
  fetchFn: FetchFn = fetchWithTimeout,
): Promise<boolean> {
  const db = appDb()
  const stored = await reopenSession(db, Date.now())
  if (!stored) return false
  const me = await requestJson<{ user?: SessionUser }>('/api/me', {}, fetchFn)
  const refused = !me.ok && me.kind === 'http' && (me.status === 401 || me.status === 403)
  if (refused || (me.ok && me.value?.user?.id !== stored.userId)) {
    await lockSession(db)
    return false
  }
  const keys = await deriveMemberKeys(stored.secretKey, stored.userId)
  const account = await readCachedAccount(db, stored.userId)
  const profile = account ? await openAccountProfile(account, keys.accountKey) : null
  if (!profile) {
    await lockSession(db)
    return false
  }
  const online = me.ok ? me.value.user : undefined
  // The replica loads once there is a session to open, not to look for one.
  const { openSession } = await import('./session-lifecycle.ts')
  await openSession(
    {
      user: online ?? profile.user,
      directory: profile.directory,
      secretKey: stored.secretKey,
      keys,
      deviceId: await ensureDeviceId(db),
      offline: !me.ok,
    },
    stored.expiresAt,
    notify,
  )
  return true
}
