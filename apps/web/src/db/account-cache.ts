import type { WrappedKey } from '@secledger/domain'
import { openJson, sealJson } from './sealed-box.ts'
import type { AccountProfile, CachedAccount, SecLedgerDb } from './secledger-db.ts'

/** Caches a login for offline use; the profile (names) is sealed under the member's account key. */
export async function cacheAccount(
  db: SecLedgerDb,
  account: { userId: string; wrappedKey: WrappedKey; cachedAt: number; profile: AccountProfile },
  accountKey: CryptoKey,
): Promise<void> {
  const sealed = await sealJson(accountKey, ['accounts', account.userId], account.profile)
  await db.accounts.put({
    userId: account.userId,
    wrappedKey: account.wrappedKey,
    cachedAt: account.cachedAt,
    sealed,
  })
}

export function readCachedAccount(db: SecLedgerDb, userId: string): Promise<CachedAccount | undefined> {
  return db.accounts.get(userId)
}

/** The cached profile, or null when it does not open under this key (another member's, altered). */
export async function openAccountProfile(
  account: CachedAccount,
  accountKey: CryptoKey,
): Promise<AccountProfile | null> {
  if (!account.sealed)
    return account.user && account.directory ? { user: account.user, directory: account.directory } : null
  try {
    return await openJson<AccountProfile>(accountKey, ['accounts', account.userId], account.sealed)
  } catch {
    return null
  }
}
