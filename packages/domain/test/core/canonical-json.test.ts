import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../src/core/canonical-json.ts'
import { compareEvents } from '../../src/core/event-envelope.ts'

describe('canonical JSON (event ids)', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    )
    expect(canonicalJson({ B: 1, a: 2, _: 3, aa: 4 })).toBe('{"B":1,"_":3,"a":2,"aa":4}')
    expect(canonicalJson([null, true, 'é'])).toBe('[null,true,"é"]')
  })

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow('non-finite number')
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow('non-finite number')
    expect(() => canonicalJson(undefined)).toThrow('undefined is not JSON')
    expect(() => canonicalJson([undefined])).toThrow('undefined is not JSON')
  })
})

describe('event order', () => {
  it('orders by clock, then by id, and is consistent', () => {
    const e = (at: string, id: string) => ({ at, id })
    expect(compareEvents(e('1', 'b'), e('2', 'a'))).toBe(-1)
    expect(compareEvents(e('2', 'a'), e('1', 'b'))).toBe(1)
    expect(compareEvents(e('1', 'a'), e('1', 'b'))).toBe(-1)
    expect(compareEvents(e('1', 'b'), e('1', 'a'))).toBe(1)
    expect(compareEvents(e('1', 'a'), e('1', 'a'))).toBe(0)
  })
})
