import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CowMap } from '../../src/core/cow-map.ts'

describe('copy-on-write map (fold snapshots)', () => {
  it('behaves as a Map for any sequence of writes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.integer())), (writes) => {
        const cow = CowMap.empty<number>()
        const map = new Map<string, number>()
        for (const [k, v] of writes) {
          cow.set(k, v)
          map.set(k, v)
        }
        expect(cow.size).toBe(map.size)
        expect(new Map(cow)).toEqual(map)
        expect(new Map(cow.entries())).toEqual(map)
        expect(new Set(cow.keys())).toEqual(new Set(map.keys()))
        expect([...cow.values()].sort()).toEqual([...map.values()].sort())
        for (const [k, v] of map) {
          expect(cow.get(k)).toBe(v)
          expect(cow.has(k)).toBe(true)
        }
        expect(cow.has('\u0000absent')).toBe(false)
      }),
    )
  })

  it('a fork shares entries and never changes its parent', () => {
    const parent = CowMap.empty<number>()
    for (let i = 0; i < 1000; i++) parent.set(`c${i}`, i)
    const child = parent.fork()
    child.set('c1', -1)
    child.set('new', 7)
    expect(parent.get('c1')).toBe(1)
    expect(parent.has('new')).toBe(false)
    expect(parent.size).toBe(1000)
    expect(child.get('c1')).toBe(-1)
    expect(child.get('c2')).toBe(2)
    expect(child.size).toBe(1001)
    const seen: [string, number][] = []
    child.forEach((v, k, m) => {
      expect(m).toBe(child)
      seen.push([k, v])
    })
    expect(seen).toHaveLength(1001)
  })

  it('deep equality compares contents, not internals', () => {
    const a = CowMap.empty<number>().set('x', 1)
    const b = CowMap.empty<number>().set('x', 1).fork()
    expect(a).toEqual(b)
    expect(a).not.toEqual(CowMap.empty<number>().set('x', 2))
    expect(a).not.toEqual(CowMap.empty<number>().set('y', 1))
    expect(a).not.toEqual(CowMap.empty<number>())
  })
})
