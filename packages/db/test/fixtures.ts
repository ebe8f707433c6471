import { expect } from 'vitest'
import { type DatabaseExecutor, sqlStateOf, units, users } from '../src/index.ts'

/** Every byte value once, then the same bytes reversed: catches any text or encoding round trip. */
export function allBytes(): Uint8Array {
  const bytes = new Uint8Array(512)
  for (let i = 0; i < 256; i++) {
    bytes[i] = i
    bytes[511 - i] = i
  }
  return bytes
}

/** Asserts a plain Uint8Array (not a Buffer) holding exactly `expected`. */
export function expectBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect(Object.getPrototypeOf(actual)).toBe(Uint8Array.prototype)
  expect(actual.byteLength).toBe(expected.byteLength)
  expect(Array.from(actual)).toEqual(Array.from(expected))
}

export async function expectSqlState(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error, 'the statement should have been refused').toBeDefined()
  expect(sqlStateOf(error)).toBe(code)
}

/** A county, one township under it, and an officer of that township. */
export async function seedUnitAndUser(
  db: DatabaseExecutor,
  suffix: string,
): Promise<{ unitId: string; userId: string }> {
  const countyId = `county-${suffix}`
  const unitId = `town-${suffix}`
  const userId = `officer-${suffix}`
  await db.insert(units).values([
    { id: countyId, kind: 'county', name: '示范县保密局' },
    { id: unitId, parentId: countyId, kind: 'township', name: '城关镇' },
  ])
  await db.insert(users).values({
    id: userId,
    unitId,
    displayName: '张三',
    roles: ['officer'],
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    publicKey: 'ab'.repeat(32),
    wrappedKey: { v: 1, kdf: 'argon2id', salt: '00', nonce: '11', ciphertext: '22' },
  })
  return { unitId, userId }
}
