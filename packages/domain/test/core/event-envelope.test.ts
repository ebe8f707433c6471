import { describe, expect, it } from 'vitest'
import { computeEventId, signEvent, verifyEventSignature } from '../../src/core/event-envelope.ts'
import { tickHlc } from '../../src/core/hlc.ts'
import {
  generateSigningKeyPair,
  publicKeyOf,
  unwrapSecretKey,
  wrappedKeySchema,
  wrapSecretKey,
} from '../../src/core/signing-keys.ts'

const FAST_KDF = { memoryKiB: 64, iterations: 1, parallelism: 1 }

describe('event envelope', () => {
  const officer = generateSigningKeyPair(new Uint8Array(32).fill(1))
  const leader = generateSigningKeyPair(new Uint8Array(32).fill(2))
  const draft = {
    unit: 't1',
    type: 'carrier.registered',
    payload: { b: 1, a: [1, 2] },
    actor: 'officer1',
    device: 'pc1',
    at: tickHlc(null, 1_700_000_000_000, 'pc1'),
  }

  it('id is a content hash independent of key order', () => {
    const reordered = { ...draft, payload: { a: [1, 2], b: 1 } }
    expect(computeEventId(reordered)).toBe(computeEventId(draft))
    expect(computeEventId({ ...draft, actor: 'officer2' })).not.toBe(computeEventId(draft))
  })

  it('verifies with the signer key and nothing else', () => {
    const event = signEvent(draft, officer.secretKey)
    expect(verifyEventSignature(event, officer.publicKey)).toBe(true)
    expect(verifyEventSignature(event, leader.publicKey)).toBe(false)
  })

  it('a forged claim (officer signs, claims the leader) does not verify as the leader', () => {
    const forged = signEvent({ ...draft, actor: 'leader1', type: 'approval.granted' }, officer.secretKey)
    expect(verifyEventSignature(forged, leader.publicKey)).toBe(false)
  })

  it('malformed ids, signatures, keys or payloads never verify', () => {
    const event = signEvent(draft, officer.secretKey)
    expect(verifyEventSignature({ ...event, id: event.id.toUpperCase() }, officer.publicKey)).toBe(false)
    expect(verifyEventSignature({ ...event, sig: event.sig.slice(2) }, officer.publicKey)).toBe(false)
    expect(verifyEventSignature(event, officer.publicKey.slice(2))).toBe(false)
    expect(verifyEventSignature({ ...event, sig: '0'.repeat(128) }, officer.publicKey)).toBe(false)
    expect(verifyEventSignature({ ...event, payload: Number.NaN }, officer.publicKey)).toBe(false)
    // a valid signature on a different id does not carry over
    const other = signEvent({ ...draft, device: 'pc2' }, officer.secretKey)
    expect(verifyEventSignature({ ...event, sig: other.sig }, officer.publicKey)).toBe(false)
    expect(publicKeyOf(officer.secretKey)).toBe(officer.publicKey)
  })

  it('tampered payload breaks the id', () => {
    const event = signEvent(draft, officer.secretKey)
    expect(verifyEventSignature({ ...event, payload: { a: [1], b: 1 } }, officer.publicKey)).toBe(false)
  })
})

describe('wrapped private keys', () => {
  it('unwraps with the right password and user only', async () => {
    const pair = generateSigningKeyPair()
    const wrapped = await wrapSecretKey(pair.secretKey, 'secledger-demo', 'officer1', FAST_KDF)
    expect(wrappedKeySchema.parse(wrapped)).toEqual(wrapped)
    expect(wrapped.kdf).toBe('argon2id')
    const good = await unwrapSecretKey(wrapped, 'secledger-demo', 'officer1')
    expect(good).toEqual({ ok: true, value: pair.secretKey })
    const bad = await unwrapSecretKey(wrapped, 'wrong', 'officer1')
    expect(bad).toEqual({
      ok: false,
      error: {
        code: 'AUTH-PASSWORD',
        message: { zh: '用户名或密码错误', en: 'Wrong user name or password' },
      },
    })
    const swapped = await unwrapSecretKey(wrapped, 'secledger-demo', 'officer2')
    expect(swapped.ok).toBe(false)
  })
})
