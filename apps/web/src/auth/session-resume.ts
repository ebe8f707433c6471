import type { DomainError } from '@secledger/domain'
import type { FetchFn } from '../api/http-client.ts'

/**
 * Whether this origin has any IndexedDB database: none on a first visit, so no session is kept and the
 * login page opens without loading Dexie (issue 12, "Bytes"). A browser without
 * `indexedDB.databases()` cannot tell, and looks.
 */
async function anyDatabase(): Promise<boolean> {
  const idb = globalThis.indexedDB
  if (typeof idb?.databases !== 'function') return true
  try {
    return (await idb.databases()).length > 0
  } catch {
    return true
  }
}

/**
 * At startup (a reload, a link opened): reopens the session kept in IndexedDB without the password
 * (auth/session-reopen.ts). True when reopened.
 */
export async function resumeSession(
  notify: (error: DomainError) => void,
  fetchFn?: FetchFn,
): Promise<boolean> {
  if (!(await anyDatabase())) return false
  const { reopenKeptSession } = await import('./session-reopen.ts')
  return reopenKeptSession(notify, fetchFn)
}
