import type { SecLedgerDb, SessionKeysRow } from './secledger-db.ts'

/** The one signed-in session of this browser profile (its cookie is per origin too). */
const CURRENT = 'current'

export function readSessionKeys(db: SecLedgerDb): Promise<SessionKeysRow | undefined> {
  return db.sessionKeys.get(CURRENT)
}

export async function writeSessionKeys(db: SecLedgerDb, row: Omit<SessionKeysRow, 'id'>): Promise<void> {
  await db.sessionKeys.put({ id: CURRENT, ...row })
}

/** "Lock": the stored session keys are gone; every sealed record stays. */
export async function deleteSessionKeys(db: SecLedgerDb): Promise<void> {
  await db.sessionKeys.delete(CURRENT)
}
