import type { DatabaseExecutor } from '@secledger/db'
import { ServerError } from '../errors.ts'
import type { SessionSockets } from './session-sockets.ts'
import { deleteSession, deleteUserSessions } from './sessions.ts'

/** Logout: the session's row goes, and with it every sync socket opened on it (issue 10 item 2). */
export async function endSession(
  db: DatabaseExecutor,
  sockets: SessionSockets,
  token: string,
): Promise<void> {
  const id = await deleteSession(db, token)
  sockets.endSession(id, ServerError.SessionEnded)
}

/**
 * Ends every session of a user and closes their sync sockets: what disabling an account does until the
 * users table has a `disabled_at` column (then login and findSession must refuse a disabled user too).
 * Returns how many sessions were ended.
 */
export async function endUserSessions(
  db: DatabaseExecutor,
  sockets: SessionSockets,
  userId: string,
): Promise<number> {
  const ids = await deleteUserSessions(db, userId)
  sockets.endUser(userId, ServerError.SessionEnded)
  return ids.length
}
