import { describe, expect, it } from 'vitest'
import { containsCanary, makeCanary } from './support/canary.ts'

describe('test canaries', () => {
  it('issue 10 item 11: a canary is 24 characters mixing CJK and Latin, fresh per call, and no id, hash or time can hold it', () => {
    const canaries = Array.from({ length: 50 }, () => makeCanary())
    expect(new Set(canaries).size).toBe(canaries.length)
    for (const canary of canaries) {
      expect([...canary]).toHaveLength(24)
      expect(canary, canary).toMatch(/^(?:[\u4e00-\u9fff][g-zG-Z]){12}$/)
      // Ids are hex hashes, HLC strings, ISO times and ASCII names: all of them ASCII.
      expect(/^[\x20-\x7e]*$/.test(canary), canary).toBe(false)
    }
  })

  it('issue 10 item 11: finds a canary as is and JSON-escaped', () => {
    const canary = makeCanary()
    expect(containsCanary(`{"title":"x${canary}y"}`, canary)).toBe(true)
    const escaped = JSON.stringify(canary).replace(
      /[\u0080-\uffff]/g,
      (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
    expect(containsCanary(escaped, canary)).toBe(true)
    expect(containsCanary(escaped.toUpperCase().replace(/\\U/g, '\\u'), canary)).toBe(true)
    expect(containsCanary('7f3a 0123456789abcdef', canary)).toBe(false)
  })
})
