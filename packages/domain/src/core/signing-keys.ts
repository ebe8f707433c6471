import { gcm } from '@noble/ciphers/aes.js'
import { ed25519 } from '@noble/curves/ed25519.js'
import { bytesToHex, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js'
import { argon2id } from 'hash-wasm'
import { z } from 'zod'
import { type DomainError, domainError, err, ok, type Result } from './result.ts'

export interface SigningKeyPair {
  readonly secretKey: string
  readonly publicKey: string
}

export function generateSigningKeyPair(seed: Uint8Array = randomBytes(32)): SigningKeyPair {
  const { secretKey, publicKey } = ed25519.keygen(seed)
  return { secretKey: bytesToHex(secretKey), publicKey: bytesToHex(publicKey) }
}

export function publicKeyOf(secretKeyHex: string): string {
  return bytesToHex(ed25519.getPublicKey(hexToBytes(secretKeyHex)))
}

/** Argon2id cost of the password-derived wrapping key (OWASP's minimum for Argon2id). */
export const DEFAULT_KDF_PARAMS = { memoryKiB: 19_456, iterations: 2, parallelism: 1 } as const
export type KdfParams = {
  readonly memoryKiB: number
  readonly iterations: number
  readonly parallelism: number
}

/** A private key encrypted (AES-256-GCM) under a key derived from the user's password. */
export const wrappedKeySchema = z.object({
  v: z.literal(1),
  kdf: z.literal('argon2id'),
  memoryKiB: z.number().int().min(8),
  iterations: z.number().int().min(1),
  parallelism: z.number().int().min(1),
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  nonce: z.string().regex(/^[0-9a-f]{24}$/),
  ciphertext: z.string().regex(/^[0-9a-f]+$/),
})
export type WrappedKey = z.infer<typeof wrappedKeySchema>

async function deriveWrappingKey(password: string, salt: Uint8Array, params: KdfParams): Promise<Uint8Array> {
  return argon2id({
    password,
    salt,
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  })
}

/** The user id is bound as associated data, so a wrapped key cannot be swapped between accounts. */
export async function wrapSecretKey(
  secretKeyHex: string,
  password: string,
  userId: string,
  params: KdfParams = DEFAULT_KDF_PARAMS,
  random: (n: number) => Uint8Array = randomBytes,
): Promise<WrappedKey> {
  const salt = random(16)
  const nonce = random(12)
  const key = await deriveWrappingKey(password, salt, params)
  const ciphertext = gcm(key, nonce, utf8ToBytes(userId)).encrypt(hexToBytes(secretKeyHex))
  return {
    v: 1,
    kdf: 'argon2id',
    ...params,
    salt: bytesToHex(salt),
    nonce: bytesToHex(nonce),
    ciphertext: bytesToHex(ciphertext),
  }
}

/** Fails with AUTH-PASSWORD when the password is wrong (the GCM tag does not verify). */
export async function unwrapSecretKey(
  wrapped: WrappedKey,
  password: string,
  userId: string,
): Promise<Result<string, DomainError>> {
  const key = await deriveWrappingKey(password, hexToBytes(wrapped.salt), wrapped)
  try {
    const secret = gcm(key, hexToBytes(wrapped.nonce), utf8ToBytes(userId)).decrypt(
      hexToBytes(wrapped.ciphertext),
    )
    return ok(bytesToHex(secret))
  } catch {
    return err(domainError('AUTH-PASSWORD', '用户名或密码错误', 'Wrong user name or password'))
  }
}
