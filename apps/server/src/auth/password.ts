import { hash, verify } from '@node-rs/argon2'

/** Argon2id cost (@node-rs/argon2 defaults to Argon2id). Tests pass a cheap one. */
export interface PasswordHashCost {
  readonly memoryCost: number
  readonly timeCost: number
  readonly parallelism: number
}

/** OWASP's minimum for Argon2id. */
export const DEFAULT_PASSWORD_COST: PasswordHashCost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(
  password: string,
  cost: PasswordHashCost = DEFAULT_PASSWORD_COST,
): Promise<string> {
  return hash(password, {
    memoryCost: cost.memoryCost,
    timeCost: cost.timeCost,
    parallelism: cost.parallelism,
  })
}

/** Checks a password against its stored hash; injectable so tests can count verifications. */
export type PasswordVerifier = (passwordHash: string, password: string) => Promise<boolean>

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}
