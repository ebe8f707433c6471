import { randomBytes } from 'node:crypto'
import type { DatabaseExecutor } from '@secledger/db'
import { type DomainError, err, type KeyDirectory, ok, type Result } from '@secledger/domain'
import { ServerError } from '../errors.ts'
import { loadUnitDirectory } from '../keys/unit-directory.ts'
import { recordSecurityEvent } from '../security/security-log.ts'
import { isLoginLocked, type LoginLimits, recordLoginFailure, recordLoginSuccess } from './login-limiter.ts'
import { hashPassword, verifyPassword } from './password.ts'
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

export async function login(
  db: DatabaseExecutor,
  input: LoginInput,
  now: Date,
  limits: LoginLimits,
): Promise<Result<LoginSuccess, DomainError>> {
  if (await isLoginLocked(db, input.username, input.deviceId, now)) return err(ServerError.AuthRateLimited)
  const account = await findUserAccount(db, input.username)
  const passwordOk = await verifyPassword(
    account?.passwordHash ?? (await dummyPasswordHash()),
    input.password,
  )
  if (!account || !passwordOk) {
    const locked = await recordLoginFailure(db, input.username, input.deviceId, now, limits)
    if (locked.deviceLocked || locked.accountLocked) {
      await recordSecurityEvent(db, {
        unitId: account?.view.unit.id ?? null,
        userId: account?.view.id ?? null,
        deviceId: input.deviceId,
        kind: 'login_locked',
        code: ServerError.AuthRateLimited.code,
        detail: { account: input.username, scope: locked.accountLocked ? 'account' : 'device' },
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
