import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readEnv } from '../src/env.ts'

const repoRoot = resolve(import.meta.dirname, '../../..')

describe('env', () => {
  it('defaults PORT, DATA_DIR and WEB_DIST to the repository layout, and the security settings', () => {
    expect(readEnv({})).toEqual({
      PORT: 8787,
      DATA_DIR: resolve(repoRoot, 'data'),
      WEB_DIST: resolve(repoRoot, 'apps/web/dist'),
      ALLOWED_ORIGINS: [],
      MAX_CLOCK_SKEW_SECONDS: 300,
      MAX_EVENT_AGE_DAYS: 366,
    })
  })

  it('issue 10 item 3: reads ALLOWED_ORIGINS as a comma-separated list of normalised origins', () => {
    const env = readEnv({ ALLOWED_ORIGINS: ' https://Ledger.Example.gov.cn:443 , http://10.0.0.5:8080,' })
    expect(env.ALLOWED_ORIGINS).toEqual(['https://ledger.example.gov.cn', 'http://10.0.0.5:8080'])
    for (const bad of ['ledger.example', 'https://a.example/path', 'ftp://a.example', '*'])
      expect(() => readEnv({ ALLOWED_ORIGINS: bad }), bad).toThrow(/ALLOWED_ORIGINS/)
  })

  it('reads MAX_CLOCK_SKEW_SECONDS and MAX_EVENT_AGE_DAYS as positive integers', () => {
    expect(readEnv({ MAX_CLOCK_SKEW_SECONDS: '60', MAX_EVENT_AGE_DAYS: '30' })).toMatchObject({
      MAX_CLOCK_SKEW_SECONDS: 60,
      MAX_EVENT_AGE_DAYS: 30,
    })
    expect(() => readEnv({ MAX_CLOCK_SKEW_SECONDS: '0' })).toThrow(/MAX_CLOCK_SKEW_SECONDS/)
    expect(() => readEnv({ MAX_EVENT_AGE_DAYS: 'a year' })).toThrow(/MAX_EVENT_AGE_DAYS/)
  })

  it('reads STORAGE_KEY as 64 hex digits', () => {
    expect(readEnv({ STORAGE_KEY: 'ab'.repeat(32) }).STORAGE_KEY).toBe('ab'.repeat(32))
    expect(() => readEnv({ STORAGE_KEY: 'abc' })).toThrow(/STORAGE_KEY/)
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
