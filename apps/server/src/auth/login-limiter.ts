import { type DatabaseExecutor, loginAttempts } from '@secledger/db'
import { and, eq, inArray, sql } from 'drizzle-orm'

/**
 * Login limits per account AND device (ARCHITECTURE decision 5): a township office sits behind one NAT
 * address, so an IP limit would lock the whole office out. A looser account-wide cap slows a guesser
 * that rotates device ids.
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

type Limit = LoginLimits['perDevice']

/** The outcome of claiming one login attempt. */
export type LoginClaim =
  | { readonly allowed: false }
  /** `lastAllowed`: this attempt used up a counter's allowance: a failure now means that counter locks. */
  | { readonly allowed: true; readonly lastAllowed: 'device' | 'account' | null }

/**
 * Counts one attempt on a counter BEFORE the password is verified (issue 10 item 4), in one atomic
 * upsert … returning: concurrent attempts on one row serialise on its row lock, so each gets its own
 * count and at most `maxFailures` of them are ever allowed, whatever the concurrency. The attempt that
 * reaches the limit also starts the lock; a success deletes the counter (and so the lock). A lock that
 * has run out starts the count afresh.
 */
async function claimOn(
  db: DatabaseExecutor,
  account: string,
  deviceId: string,
  now: Date,
  limit: Limit,
): Promise<{ allowed: boolean; last: boolean }> {
  const nowAt = sql`${now.toISOString()}::timestamptz`
  const lockEnd = sql`${new Date(now.getTime() + limit.lockMs).toISOString()}::timestamptz`
  const max = sql`${limit.maxFailures}::integer`
  const lockOver = sql`(${loginAttempts.lockedUntil} is not null and ${loginAttempts.lockedUntil} <= ${nowAt})`
  const [row] = await db
    .insert(loginAttempts)
    .values({
      account,
      deviceId,
      failedCount: 1,
      lockedUntil: limit.maxFailures <= 1 ? new Date(now.getTime() + limit.lockMs) : null,
    })
    .onConflictDoUpdate({
      target: [loginAttempts.account, loginAttempts.deviceId],
      set: {
        failedCount: sql`case when ${lockOver} then 1 else ${loginAttempts.failedCount} + 1 end`,
        lockedUntil: sql`case
          when ${lockOver} then (case when 1 >= ${max} then ${lockEnd} else null end)
          when ${loginAttempts.lockedUntil} is null and ${loginAttempts.failedCount} + 1 >= ${max} then ${lockEnd}
          else ${loginAttempts.lockedUntil} end`,
      },
    })
    .returning({ count: loginAttempts.failedCount })
  const count = row?.count ?? Number.POSITIVE_INFINITY
  return { allowed: count <= limit.maxFailures, last: count === limit.maxFailures }
}

/**
 * Claims one login attempt on the device's counter, then on the account-wide one; the password may be
 * verified only when both allow it. A claim refused by the device counter does not touch the account's.
 */
export async function claimLoginAttempt(
  db: DatabaseExecutor,
  account: string,
  deviceId: string,
  now: Date,
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
): Promise<LoginClaim> {
  const device = await claimOn(db, account, deviceId, now, limits.perDevice)
  if (!device.allowed) return { allowed: false }
  const accountWide = await claimOn(db, account, ACCOUNT_WIDE, now, limits.perAccount)
  if (!accountWide.allowed) return { allowed: false }
  return { allowed: true, lastAllowed: accountWide.last ? 'account' : device.last ? 'device' : null }
}

/** A successful login clears this device's counter and the account-wide one, and their locks. */
export async function recordLoginSuccess(
  db: DatabaseExecutor,
  account: string,
  deviceId: string,
): Promise<void> {
  await db
    .delete(loginAttempts)
    .where(and(eq(loginAttempts.account, account), inArray(loginAttempts.deviceId, [deviceId, ACCOUNT_WIDE])))
}
