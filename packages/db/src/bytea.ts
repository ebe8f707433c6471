import { customType } from 'drizzle-orm/pg-core'

/**
 * Normalises whatever a driver returns for a bytea value to a plain Uint8Array: postgres-js gives
 * a Buffer, PGlite a Uint8Array, and a text-format result is the `\x…` hex escape. A Buffer is
 * viewed, not copied, so reading large Yjs updates costs no extra allocation.
 */
export function toUint8Array(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) {
    if (Object.getPrototypeOf(value) === Uint8Array.prototype) return value
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  }
  if (typeof value === 'string' && value.startsWith('\\x')) {
    const hex = value.slice(2)
    if (hex.length % 2 === 0 && /^[0-9a-fA-F]*$/.test(hex)) {
      const bytes = new Uint8Array(hex.length / 2)
      for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
      return bytes
    }
  }
  throw new TypeError(`expected bytea as Uint8Array, Buffer or \\x hex text, got ${typeof value}`)
}

/** A bytea column read and written as Uint8Array on both PGlite and postgres-js. */
export const bytea = customType<{ data: Uint8Array; driverData: unknown }>({
  dataType() {
    return 'bytea'
  },
  // Both drivers serialise a Uint8Array (Buffer included) as bytea; pass it through untouched.
  toDriver(value) {
    return value
  },
  fromDriver(value) {
    return toUint8Array(value)
  },
})
