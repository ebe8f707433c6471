import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readEnv } from '../src/env.ts'

const repoRoot = resolve(import.meta.dirname, '../../..')

describe('env', () => {
  it('defaults PORT, DATA_DIR and WEB_DIST to the repository layout', () => {
    expect(readEnv({})).toEqual({
      PORT: 8787,
      DATA_DIR: resolve(repoRoot, 'data'),
      WEB_DIST: resolve(repoRoot, 'apps/web/dist'),
    })
  })

  it('reads the variables it knows, treating empty ones as unset', () => {
    const env = readEnv({ PORT: '8799', DATABASE_URL: 'postgres://u@h/db', DATA_DIR: '/tmp/x', WEB_DIST: '' })
    expect(env).toMatchObject({ PORT: 8799, DATABASE_URL: 'postgres://u@h/db', DATA_DIR: '/tmp/x' })
    expect(env.WEB_DIST).toBe(resolve(repoRoot, 'apps/web/dist'))
  })

  it('refuses a bad port or database URL', () => {
    expect(() => readEnv({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => readEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/)
  })
})
