import type { DomainError, Result } from '@secledger/domain'

// The login page imports this module at startup. What signing in takes (Dexie, the replica key, the
// replica) loads at the first call, not with the page (issue 12, "Bytes"); the service worker has
// precached it, so an offline login works as before.
const lifecycle = () => import('./session-lifecycle.ts')

/** The login use case of the app: unlock, remember who is signed in, open the unit's replica. */
export async function signIn(
  username: string,
  password: string,
  notify: (error: DomainError) => void,
): Promise<Result<{ offline: boolean }>> {
  return (await lifecycle()).signIn(username, password, notify)
}

/** "Lock" (logout, expiry): the keys leave memory and IndexedDB and syncing stops (session-lifecycle.ts). */
export async function signOut(): Promise<void> {
  return (await lifecycle()).signOut()
}
