import { createHash, randomBytes } from 'node:crypto'
import { type DatabaseExecutor, sessions } from '@secledger/db'
import { and, eq, gt } from 'drizzle-orm'
import type { UserView } from './users.ts'
import { findUserAccount } from './users.ts'

export const SESSION_COOKIE = 'sl_session'
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

/** A logged-in caller, as the request handlers see it. */
export interface Session {
  /** The sha256 of the cookie token (the row's id): names the session without being able to open it. */
  readonly id: string
  readonly user: UserView
  readonly deviceId: string
  readonly expiresAt: Date
}

/** The database keeps only the token's hash: a leaked sessions table opens no session. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function createSession(
  db: DatabaseExecutor,
  userId: string,
  deviceId: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('hex')
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS)
  await db
    .insert(sessions)
    .values({ id: hashSessionToken(token), userId, deviceId, createdAt: now, expiresAt })
  return { token, expiresAt }
}

/** The session of a cookie token, or null when unknown or expired. */
export async function findSession(db: DatabaseExecutor, token: string, now: Date): Promise<Session | null> {
  if (!/^[0-9a-f]{64}$/.test(token)) return null
  const id = hashSessionToken(token)
  const rows = await db
    .select({ userId: sessions.userId, deviceId: sessions.deviceId, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .limit(1)
  const row = rows[0]
  if (!row) return null
  const account = await findUserAccount(db, row.userId)
  return account ? { id, user: account.view, deviceId: row.deviceId, expiresAt: row.expiresAt } : null
}

/**
 * Whether a session found earlier still stands: its row is there (no logout, no ended user — deleting a
 * user cascades to its sessions) and it has not expired. One primary-key lookup.
 */
export async function isSessionActive(db: DatabaseExecutor, sessionId: string, now: Date): Promise<boolean> {
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)))
    .limit(1)
  return rows.length > 0
}

/** Deletes the session of a cookie token; returns its id. */
export async function deleteSession(db: DatabaseExecutor, token: string): Promise<string> {
  const id = hashSessionToken(token)
  await db.delete(sessions).where(eq(sessions.id, id))
  return id
}

/** Deletes every session of a user; returns their ids. */
export async function deleteUserSessions(db: DatabaseExecutor, userId: string): Promise<string[]> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id })
  return rows.map((row) => row.id)
}
