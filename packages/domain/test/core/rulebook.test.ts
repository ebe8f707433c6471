import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RULE_GROUPS, RULEBOOK } from '../../src/core/rulebook.ts'

/**
 * Every rule of the rulebook is named by at least one test title (`it('rule C-07: …')` or an ID inside
 * the title), so a reader goes from a rule to the tests that would fail if it were broken.
 */

const testDir = new URL('..', import.meta.url).pathname

function testTitles(): string[] {
  const titles: string[] = []
  const title = /\b(?:it|test|describe)(?:\.each\([\s\S]*?\))?\(\s*(['"`])((?:(?!\1).)*)\1/g
  for (const file of readdirSync(testDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.test.ts'),
  )) {
    const source = readFileSync(join(testDir, file), 'utf8')
    for (const match of source.matchAll(title)) titles.push(match[2] as string)
  }
  return titles
}

describe('the rulebook', () => {
  it('lists each rule once, grouped by a known letter, with at least one kind of enforcement', () => {
    const ids = RULEBOOK.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toHaveLength(77)
    for (const rule of RULEBOOK) {
      expect(rule.id).toMatch(/^[A-Z]-\d{2}$/)
      expect(Object.keys(RULE_GROUPS)).toContain(rule.id[0])
      expect(rule.kinds.length, rule.id).toBeGreaterThan(0)
    }
  })

  it('every rule ID is named by a test title', () => {
    const titles = testTitles()
    expect(titles.length).toBeGreaterThan(300)
    const unnamed = RULEBOOK.filter((r) => !titles.some((t) => new RegExp(`\\b${r.id}\\b`).test(t))).map(
      (r) => r.id,
    )
    expect(unnamed).toEqual([])
  })
})
