/**
 * One record's content at rest: AES-256-GCM (WebCrypto) under a replica data key, a fresh random
 * 96-bit nonce per record, and the record's identity (table and key) as additional authenticated
 * data, so a record copied or moved to another place fails its tag (ARCHITECTURE decision 6, and the
 * ASVS 14.3.3 deviation: sensitive data in the browser only under authenticated encryption).
 */
export interface SealedBox {
  readonly iv: Uint8Array<ArrayBuffer>
  readonly data: Uint8Array<ArrayBuffer>
}

/** A record's identity, e.g. `['outbox', unit, keyId, eventId]`; JSON keeps the parts unambiguous. */
export type RecordIdentity = readonly (string | number)[]

const encoder = new TextEncoder()
const decoder = new TextDecoder()

function aad(identity: RecordIdentity): Uint8Array<ArrayBuffer> {
  return encoder.encode(JSON.stringify(identity))
}

export async function sealBytes(
  key: CryptoKey,
  identity: RecordIdentity,
  plain: Uint8Array<ArrayBuffer>,
): Promise<SealedBox> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(identity) }, key, plain)
  return { iv, data: new Uint8Array(data) }
}

/** Rejects (OperationError) when the key, the identity or a single bit of the box is not the original. */
export async function openBytes(
  key: CryptoKey,
  identity: RecordIdentity,
  box: SealedBox,
): Promise<Uint8Array<ArrayBuffer>> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: box.iv, additionalData: aad(identity) },
    key,
    box.data,
  )
  return new Uint8Array(plain)
}

export function sealJson(key: CryptoKey, identity: RecordIdentity, value: unknown): Promise<SealedBox> {
  return sealBytes(key, identity, encoder.encode(JSON.stringify(value)))
}

export async function openJson<T>(key: CryptoKey, identity: RecordIdentity, box: SealedBox): Promise<T> {
  return JSON.parse(decoder.decode(await openBytes(key, identity, box))) as T
}

/** Copies any byte view into one backed by its own ArrayBuffer (what WebCrypto's types ask for). */
export function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  return copy
}
