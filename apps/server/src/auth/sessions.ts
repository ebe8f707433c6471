import { createHash, randomBytes } from 'node:crypto'
import { type DatabaseExecutor, sessions } from '@secledger/db'
import { and, eq, gt } from 'drizzle-orm'
import type { UserView } from './users.ts'
import { findUserAccount } from './users.ts'

export const SESSION_COOKIE = 'sl_session'
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

/** A logged-in caller, as the request handlers see it. */
export interface Session {
  readonly user: UserView
  readonly deviceId: string
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
  const rows = await db
    .select({ userId: sessions.userId, deviceId: sessions.deviceId })
    .from(sessions)
    .where(and(eq(sessions.id, hashSessionToken(token)), gt(sessions.expiresAt, now)))
    .limit(1)
  const row = rows[0]
  if (!row) return null
  const account = await findUserAccount(db, row.userId)
  return account ? { user: account.view, deviceId: row.deviceId } : null
}

export async function deleteSession(db: DatabaseExecutor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashSessionToken(token)))
}
