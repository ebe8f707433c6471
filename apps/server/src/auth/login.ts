import { randomBytes } from 'node:crypto'
import type { DatabaseExecutor } from '@secledger/db'
import { type DomainError, err, type KeyDirectory, ok, type Result } from '@secledger/domain'
import { ServerError } from '../errors.ts'
import { loadUnitDirectory } from '../keys/unit-directory.ts'
import { recordSecurityEvent } from '../security/security-log.ts'
import { claimLoginAttempt, type LoginLimits, recordLoginSuccess } from './login-limiter.ts'
import { hashPassword, type PasswordVerifier } from './password.ts'
import { createSession } from './sessions.ts'
import { findUserAccount, type UserView } from './users.ts'

export interface LoginInput {
  readonly username: string
  readonly password: string
  readonly deviceId: string
}

export interface LoginSuccess {
  readonly token: string
  readonly expiresAt: Date
  /** What the web app needs to unwrap the signing key and log in offline later. */
  readonly body: { readonly user: UserView; readonly wrappedKey: unknown; readonly directory: KeyDirectory }
}

// Verified when the account does not exist, so an unknown name costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'))
  return dummyHash
}

export interface LoginDeps {
  readonly db: DatabaseExecutor
  readonly limits: LoginLimits
  readonly verifyPassword: PasswordVerifier
}

/**
 * The attempt is counted before the password is verified (issue 10 item 4): the password both opens a
 * session and, in the body returned, unwraps the user's signing key, so no concurrency may buy more
 * guesses than the limits allow.
 */
export async function login(
  deps: LoginDeps,
  input: LoginInput,
  now: Date,
): Promise<Result<LoginSuccess, DomainError>> {
  const { db } = deps
  const claim = await claimLoginAttempt(db, input.username, input.deviceId, now, deps.limits)
  if (!claim.allowed) return err(ServerError.AuthRateLimited)
  const account = await findUserAccount(db, input.username)
  const passwordOk = await deps.verifyPassword(
    account?.passwordHash ?? (await dummyPasswordHash()),
    input.password,
  )
  if (!account || !passwordOk) {
    if (claim.lastAllowed !== null) {
      await recordSecurityEvent(db, {
        unitId: account?.view.unit.id ?? null,
        userId: account?.view.id ?? null,
        deviceId: input.deviceId,
        kind: 'login_locked',
        code: ServerError.AuthRateLimited.code,
        detail: { account: input.username, scope: claim.lastAllowed },
      })
    }
    return err(ServerError.AuthFailed)
  }
  await recordLoginSuccess(db, input.username, input.deviceId)
  const session = await createSession(db, account.view.id, input.deviceId, now)
  const directory = await loadUnitDirectory(db, account.view.unit.id)
  return ok({
    token: session.token,
    expiresAt: session.expiresAt,
    body: { user: account.view, wrappedKey: account.wrappedKey, directory },
  })
}
