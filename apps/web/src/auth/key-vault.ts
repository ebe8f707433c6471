/**
 * The unwrapped signing key, in memory only, for @noble/curves (which signs with raw bytes). Across a
 * reload it survives only sealed under a non-extractable session key (auth/session-vault.ts). Logging
 * out "locks": the key is dropped and the local data stays, sealed (ARCHITECTURE traps: ASVS 14.3.3
 * deviation, "lock" instead of "wipe").
 */
let secretKey: string | null = null

export function holdSecretKey(key: string): void {
  secretKey = key
}

export function secretKeyInMemory(): string | null {
  return secretKey
}

export function dropSecretKey(): void {
  secretKey = null
}
