import { type SQL, type SQLWrapper, sql } from 'drizzle-orm'
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

/**
 * A bytea value as a query parameter, sent as hex text and decoded by the database. PGlite serialises
 * a Uint8Array parameter one byte at a time in JavaScript (~0.7 µs per byte: 5 s of blocked event loop
 * for a 7 MB Yjs update); Buffer's hex is native, and postgres-js sends bytea as the same hex anyway.
 */
export function byteaParam(bytes: Uint8Array): SQL {
  return sql`decode(${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}, 'hex')`
}

/**
 * A bytea column read as hex text and turned back into bytes here, for large values: PGlite parses a
 * bytea result one byte at a time too (`parseInt` per byte). Use in `select({ x: byteaHex(t.col) })`.
 */
export function byteaHex(column: SQLWrapper): SQL<Uint8Array> {
  return sql`encode(${column}, 'hex')`.mapWith((hex: string) => new Uint8Array(Buffer.from(hex, 'hex')))
}
