import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The server's storage key (issue 10 item 7): the HMAC key of every yjs_updates row and snapshot it
 * writes (storage-mac.ts). It must live outside the database, or whoever can write the tables could
 * also forge the MACs. Every node serving one database needs the same key (set STORAGE_KEY on each);
 * a node with another key still serves correctly, only slower: it re-verifies every event it loads.
 * Losing the key loses no data for the same reason.
 */

export const STORAGE_KEY_BYTES = 32
export const STORAGE_KEY_FILE = 'storage.key'

const HEX_KEY = /^[0-9a-fA-F]{64}$/

export interface StorageKeySource {
  /** The STORAGE_KEY environment variable: 64 hex digits. Wins over the file. */
  readonly hex?: string | undefined
  /** DATA_DIR: `storage.key` there is read, or created (mode 0600) on first start. */
  readonly dataDir: string
}

export interface LoadedStorageKey {
  readonly key: Uint8Array
  /** Where it came from: the environment, the existing file, or a file created just now. */
  readonly origin: 'env' | 'file' | 'created'
  /** The key file, or null when the key came from the environment. */
  readonly path: string | null
}

function parseHexKey(hex: string, where: string): Uint8Array {
  const trimmed = hex.trim()
  if (!HEX_KEY.test(trimmed)) throw new Error(`${where} must be ${STORAGE_KEY_BYTES * 2} hex digits`)
  return new Uint8Array(Buffer.from(trimmed, 'hex'))
}

function readKeyFile(path: string): Uint8Array {
  // Like ssh with a private key: a key others can read is no longer the server's alone.
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    throw new Error(`${path} is readable by other users: chmod 600 ${path}`)
  }
  return parseHexKey(readFileSync(path, 'utf8'), path)
}

/** STORAGE_KEY if given, else DATA_DIR/storage.key, created with a random key on first start. */
export function loadStorageKey(source: StorageKeySource): LoadedStorageKey {
  if (source.hex !== undefined && source.hex !== '') {
    return { key: parseHexKey(source.hex, 'STORAGE_KEY'), origin: 'env', path: null }
  }
  const path = join(source.dataDir, STORAGE_KEY_FILE)
  mkdirSync(source.dataDir, { recursive: true })
  try {
    // 'wx': never overwrite a key another process created a moment ago.
    writeFileSync(path, `${randomBytes(STORAGE_KEY_BYTES).toString('hex')}\n`, { mode: 0o600, flag: 'wx' })
    return { key: readKeyFile(path), origin: 'created', path }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  return { key: readKeyFile(path), origin: 'file', path }
}

/**
 * The key of a service given none: random, for this process only. What it stores is vouched until the
 * process ends; after a restart its rows are re-verified and its snapshots ignored (never trusted
 * blindly). Production passes a persistent key (loadStorageKey); tests in one process share this one.
 */
export const PROCESS_STORAGE_KEY: Uint8Array = new Uint8Array(randomBytes(STORAGE_KEY_BYTES))
