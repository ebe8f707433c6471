import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadStorageKey, STORAGE_KEY_FILE } from '../src/sync/storage-key.ts'

describe('issue 10 item 7: the storage key lives outside the database', () => {
  const dirs: string[] = []
  function dataDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'secledger-key-'))
    dirs.push(dir)
    return join(dir, 'data')
  }
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('issue 10 item 7: STORAGE_KEY (64 hex digits) wins, and nothing is written', () => {
    const dir = dataDir()
    const hex = 'ab'.repeat(32)
    const loaded = loadStorageKey({ hex, dataDir: dir })
    expect(loaded).toMatchObject({ origin: 'env', path: null })
    expect(Buffer.from(loaded.key).toString('hex')).toBe(hex)
    expect(() => statSync(join(dir, STORAGE_KEY_FILE))).toThrow()
    expect(() => loadStorageKey({ hex: 'abc', dataDir: dir })).toThrow(/64 hex digits/)
  })

  it('issue 10 item 7: a first start creates DATA_DIR/storage.key with mode 0600; later starts read the same key', () => {
    const dir = dataDir()
    const first = loadStorageKey({ dataDir: dir })
    expect(first.origin).toBe('created')
    expect(first.key.byteLength).toBe(32)
    const path = join(dir, STORAGE_KEY_FILE)
    expect(first.path).toBe(path)
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(readFileSync(path, 'utf8').trim()).toBe(Buffer.from(first.key).toString('hex'))
    const again = loadStorageKey({ dataDir: dir })
    expect(again.origin).toBe('file')
    expect(again.key).toEqual(first.key)
  })

  it.skipIf(process.platform === 'win32')(
    'issue 10 item 7: a key file other users can read is refused, as is one that is not a key',
    () => {
      const dir = dataDir()
      loadStorageKey({ dataDir: dir })
      const path = join(dir, STORAGE_KEY_FILE)
      chmodSync(path, 0o644)
      expect(() => loadStorageKey({ dataDir: dir })).toThrow(/chmod 600/)
      chmodSync(path, 0o600)
      writeFileSync(path, 'not a key\n')
      expect(() => loadStorageKey({ dataDir: dir })).toThrow(/64 hex digits/)
    },
  )
})
