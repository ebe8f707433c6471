import { type DatabaseExecutor, loginAttempts } from '@secledger/db'
import { and, eq, gt, inArray, sql } from 'drizzle-orm'

/**
 * Failed-login limits per account AND device (ARCHITECTURE decision 5): a township office sits behind
 * one NAT address, so an IP limit would lock the whole office out. A looser account-wide cap slows a
 * guesser that rotates device ids.
 */
export interface LoginLimits {
  readonly perDevice: { readonly maxFailures: number; readonly lockMs: number }
  readonly perAccount: { readonly maxFailures: number; readonly lockMs: number }
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perDevice: { maxFailures: 5, lockMs: 15 * 60 * 1000 },
  perAccount: { maxFailures: 20, lockMs: 15 * 60 * 1000 },
}

/** The device id of the account-wide counter; device ids never contain '*'. */
const ACCOUNT_WIDE = '*'

export async function isLoginLocked(
  db: DatabaseExecutor,
  account: string,
  deviceId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .select({ deviceId: loginAttempts.deviceId })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.account, account),
        inArray(loginAttempts.deviceId, [deviceId, ACCOUNT_WIDE]),
        gt(loginAttempts.lockedUntil, now),
      ),
    )
    .limit(1)
  return rows.length > 0
}

/** Counts one failure on both counters; returns which of them it locked. */
export async function recordLoginFailure(
  db: DatabaseExecutor,
  account: string,
  deviceId: string,
  now: Date,
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
): Promise<{ deviceLocked: boolean; accountLocked: boolean }> {
  const deviceLocked = await countFailure(db, account, deviceId, now, limits.perDevice)
  const accountLocked = await countFailure(db, account, ACCOUNT_WIDE, now, limits.perAccount)
  return { deviceLocked, accountLocked }
}

async function countFailure(
  db: DatabaseExecutor,
  account: string,
  deviceId: string,
  now: Date,
  limit: { readonly maxFailures: number; readonly lockMs: number },
): Promise<boolean> {
  // Atomic increment, so concurrent guesses cannot slip past the limit.
  const [row] = await db
    .insert(loginAttempts)
    .values({ account, deviceId, failedCount: 1, lockedUntil: null })
    .onConflictDoUpdate({
      target: [loginAttempts.account, loginAttempts.deviceId],
      set: { failedCount: sql`${loginAttempts.failedCount} + 1` },
    })
    .returning({ failedCount: loginAttempts.failedCount })
  if (!row || row.failedCount < limit.maxFailures) return false
  // Lock, and start counting afresh for when the lock ends.
  await db
    .update(loginAttempts)
    .set({ failedCount: 0, lockedUntil: new Date(now.getTime() + limit.lockMs) })
    .where(and(eq(loginAttempts.account, account), eq(loginAttempts.deviceId, deviceId)))
  return true
}

/** A successful login clears this device's counter and the account-wide one. */
export async function recordLoginSuccess(
  db: DatabaseExecutor,
  account: string,
  deviceId: string,
): Promise<void> {
  await db
    .delete(loginAttempts)
    .where(and(eq(loginAttempts.account, account), inArray(loginAttempts.deviceId, [deviceId, ACCOUNT_WIDE])))
}
