import { createPublicKey, type KeyObject, verify } from 'node:crypto'
import { computeEventId, type EventEnvelope } from '@secledger/domain'

/** The `verify` of a unit's fold and of the ingest checks: true when `publicKey` signed this event. */
export type EventVerifier = (event: EventEnvelope, publicKey: string) => boolean

// SubjectPublicKeyInfo wrapping of a raw 32-byte Ed25519 key (RFC 8410), so OpenSSL can load it.
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')
const HEX_64 = /^[0-9a-f]{64}$/
const HEX_128 = /^[0-9a-f]{128}$/
const STORED = true

/**
 * Signature checks on the server, through Node's OpenSSL: the same Ed25519 and the same envelope rule as
 * the domain's `verifyEventSignature` (id = hash of the content, signature over the id's bytes), ~20×
 * faster than the pure-JS check, which dominated ingest (~3 ms of every ACK). OpenSSL follows RFC 8032
 * strictly, so the server may refuse a crafted non-canonical signature a ZIP-215 client would accept —
 * never an honest one.
 *
 * `stored` are the events of a doc as loaded from the database: each was checked when it was ingested
 * (ARCHITECTURE "Traps": the server verifies on ingest) and its row's MAC shows this server stored it,
 * or it was verified again on load (load-unit-doc.ts, issue 10 item 7), so loading a 100,000-event
 * register does not spend ~10 s re-verifying them. Verdicts are kept per event object (the fold checks
 * the objects the ingest checks just saw), so they go with the objects; nobody mutates an event object.
 */
export function createEventVerifier(stored: Iterable<object> = []): EventVerifier {
  const vouched = new WeakMap<object, string | typeof STORED>()
  for (const event of stored) vouched.set(event, STORED)
  const keys = new Map<string, KeyObject | null>()

  function keyObject(publicKey: string): KeyObject | null {
    let key = keys.get(publicKey)
    if (key === undefined) {
      try {
        key = HEX_64.test(publicKey)
          ? createPublicKey({
              key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(publicKey, 'hex')]),
              format: 'der',
              type: 'spki',
            })
          : null
      } catch {
        key = null
      }
      keys.set(publicKey, key)
    }
    return key
  }

  function check(event: EventEnvelope, publicKey: string): boolean {
    if (!HEX_64.test(event.id) || !HEX_128.test(event.sig)) return false
    const key = keyObject(publicKey)
    if (key === null) return false
    try {
      if (computeEventId(event) !== event.id) return false
      return verify(null, Buffer.from(event.id, 'hex'), key, Buffer.from(event.sig, 'hex'))
    } catch {
      return false
    }
  }

  return (event, publicKey) => {
    const known = vouched.get(event)
    if (known === STORED || known === publicKey) return true
    const verdict = check(event, publicKey)
    if (verdict) vouched.set(event, publicKey)
    return verdict
  }
}
