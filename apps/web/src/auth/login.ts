import {
  err,
  type KeyDirectory,
  ok,
  type Result,
  unwrapSecretKey,
  type WrappedKey,
  wrappedKeySchema,
} from '@secledger/domain'
import { type FetchFn, requestJson } from '../api/http-client.ts'
import { cacheAccount, openAccountProfile, readCachedAccount } from '../db/account-cache.ts'
import type { SecLedgerDb } from '../db/secledger-db.ts'
import { LOGIN_ERRORS } from './login-errors.ts'
import { deriveMemberKeys, type MemberKeys } from './member-keys.ts'
import type { SessionUser } from './session-user.ts'

export interface LoginResponse {
  readonly user: SessionUser
  readonly wrappedKey: WrappedKey
  readonly directory: KeyDirectory
}

/** What a successful login yields; the secret key lives in memory only (ASVS 14.3.3 deviation: "lock"). */
export interface UnlockedSession {
  readonly user: SessionUser
  readonly directory: KeyDirectory
  readonly secretKey: string
  /** Derived from the signing key: they open this member's replica and cached profile. */
  readonly keys: MemberKeys
  readonly deviceId: string
  /** True when the server could not be reached and the cached account was unlocked. */
  readonly offline: boolean
}

export interface LoginDeps {
  readonly db: SecLedgerDb
  readonly deviceId: string
  readonly fetch?: FetchFn
  readonly now?: () => number
}

/**
 * Online first; when the server cannot be reached, unlock the account cached at the last online
 * login: the AES-GCM tag of the wrapped key is what checks the password (ARCHITECTURE decision 3).
 */
export async function login(
  deps: LoginDeps,
  username: string,
  password: string,
): Promise<Result<UnlockedSession>> {
  const name = username.trim()
  if (name === '' || password === '') return err(LOGIN_ERRORS.failed)
  const online = await requestJson<LoginResponse>(
    '/api/auth/login',
    { method: 'POST', body: { username: name, password, deviceId: deps.deviceId } },
    deps.fetch,
  )
  if (online.ok) return loginWithResponse(deps, online.value, password)
  if (online.kind === 'http') return err(online.status === 401 ? LOGIN_ERRORS.failed : online.error)
  return loginOffline(deps, name, password)
}

async function loginWithResponse(
  deps: LoginDeps,
  response: LoginResponse,
  password: string,
): Promise<Result<UnlockedSession>> {
  const wrapped = wrappedKeySchema.safeParse(response?.wrappedKey)
  if (!wrapped.success || !response.user?.id) return err(LOGIN_ERRORS.badResponse)
  const unwrapped = await unwrapSecretKey(wrapped.data, password, response.user.id)
  if (!unwrapped.ok) return err(LOGIN_ERRORS.failed)
  const keys = await deriveMemberKeys(unwrapped.value, response.user.id)
  await cacheAccount(
    deps.db,
    {
      userId: response.user.id,
      wrappedKey: wrapped.data,
      cachedAt: (deps.now ?? Date.now)(),
      profile: { user: response.user, directory: response.directory },
    },
    keys.accountKey,
  )
  return ok({
    user: response.user,
    directory: response.directory,
    secretKey: unwrapped.value,
    keys,
    deviceId: deps.deviceId,
    offline: false,
  })
}

export async function loginOffline(
  deps: LoginDeps,
  username: string,
  password: string,
): Promise<Result<UnlockedSession>> {
  const account = await readCachedAccount(deps.db, username.trim())
  if (!account) return err(LOGIN_ERRORS.neverOnline)
  const unwrapped = await unwrapSecretKey(account.wrappedKey, password, account.userId)
  if (!unwrapped.ok) return err(LOGIN_ERRORS.failed)
  const keys = await deriveMemberKeys(unwrapped.value, account.userId)
  const profile = await openAccountProfile(account, keys.accountKey)
  if (!profile) return err(LOGIN_ERRORS.neverOnline)
  // A profile cached in clear before schema 3 is sealed now.
  if (!account.sealed) await cacheAccount(deps.db, { ...account, profile }, keys.accountKey)
  return ok({
    user: profile.user,
    directory: profile.directory,
    secretKey: unwrapped.value,
    keys,
    deviceId: deps.deviceId,
    offline: true,
  })
}
