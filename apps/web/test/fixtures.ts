import { type DirectoryUser, generateSigningKeyPair, type KeyDirectory, type Role } from '@secledger/domain'

export const UNIT = 'town-1'

export interface TestUser {
  readonly id: string
  readonly secretKey: string
  readonly entry: DirectoryUser
}

export function makeUser(id: string, roles: readonly Role[], unit: string = UNIT): TestUser {
  const keys = generateSigningKeyPair()
  return {
    id,
    secretKey: keys.secretKey,
    entry: { id, unit, roles, publicKey: keys.publicKey, displayName: id },
  }
}

export function directoryOf(...users: readonly TestUser[]): KeyDirectory {
  return { users: Object.fromEntries(users.map((u) => [u.id, u.entry])) }
}

let dbCounter = 0
/** A fresh IndexedDB name per test (fake-indexeddb keeps databases for the whole file). */
export function freshDbName(): string {
  dbCounter += 1
  return `secledger-test-${dbCounter}-${Math.random().toString(36).slice(2)}`
}

/** Wednesday 2026-03-04 10:00 in Asia/Shanghai: a working day within office hours. */
export const WORKDAY_10AM = Date.UTC(2026, 2, 4, 2, 0, 0)
