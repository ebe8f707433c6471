import type { Page } from 'playwright-core'

export interface StorageDump {
  /** Every record of every object store of every database, and the page's Web Storage, as text. */
  readonly text: string
  /** Record count per `database/store`. */
  readonly counts: Readonly<Record<string, number>>
}

/**
 * Runs in the page, as a string: a compiled function could carry bundler helpers the page lacks. Binary
 * values (ArrayBuffer, typed arrays) appear as hex, as decoded UTF-8 and as decoded UTF-16LE; a
 * CryptoKey as its type and algorithm (its material is not readable by script).
 */
const DUMP_SCRIPT = `(async () => {
  const utf8 = new TextDecoder('utf-8', { fatal: false })
  const utf16 = new TextDecoder('utf-16le', { fatal: false })
  const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  const ser = (v) => {
    if (v === null || v === undefined) return String(v)
    if (typeof v === 'string') return v
    if (typeof v !== 'object') return String(v)
    if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
      const bytes = v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength)
      return '<bin ' + hex(bytes) + ' | ' + utf8.decode(bytes) + ' | ' + utf16.decode(bytes) + '>'
    }
    if (v instanceof CryptoKey) return '<CryptoKey ' + v.type + ' ' + v.extractable + ' ' + JSON.stringify(v.algorithm) + '>'
    if (v instanceof Date) return v.toISOString()
    if (v instanceof Map) return '{' + Array.from(v, ([k, x]) => ser(k) + ':' + ser(x)).join(',') + '}'
    if (v instanceof Set) return '[' + Array.from(v, ser).join(',') + ']'
    if (Array.isArray(v)) return '[' + v.map(ser).join(',') + ']'
    return '{' + Object.entries(v).map(([k, x]) => k + ':' + ser(x)).join(',') + '}'
  }
  const parts = []
  const counts = {}
  for (const info of await indexedDB.databases()) {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open(info.name)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    for (const store of Array.from(db.objectStoreNames)) {
      const rows = await new Promise((resolve, reject) => {
        const acc = []
        const request = db.transaction(store, 'readonly').objectStore(store).openCursor()
        request.onsuccess = () => {
          const cursor = request.result
          if (!cursor) return resolve(acc)
          acc.push(ser(cursor.primaryKey) + ' => ' + ser(cursor.value))
          cursor.continue()
        }
        request.onerror = () => reject(request.error)
      })
      counts[info.name + '/' + store] = rows.length
      parts.push('## ' + info.name + '/' + store, ...rows)
    }
    db.close()
  }
  for (const [name, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]])
    for (let i = 0; i < storage.length; i++) parts.push(name + ' ' + storage.key(i) + ' => ' + storage.getItem(storage.key(i)))
  return { text: parts.join('\\n'), counts }
})()`

export function dumpBrowserStorage(page: Page): Promise<StorageDump> {
  return page.evaluate(DUMP_SCRIPT) as Promise<StorageDump>
}

function utf8Hex(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The canaries found in the dump: whole, as UTF-8 hex, or either half of one. */
export function leakedCanaries(dump: StorageDump, canaries: readonly string[]): string[] {
  const half = (c: string) => [c.slice(0, c.length / 2), c.slice(c.length / 2)]
  return canaries.filter(
    (c) =>
      dump.text.includes(c) ||
      dump.text.includes(utf8Hex(c)) ||
      half(c).some((part) => dump.text.includes(part)),
  )
}
