import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  boundedHlc,
  DEFAULT_MAX_CLOCK_SKEW_MS,
  EARLIEST_EVENT_MS,
  formatHlc,
  hlcWallMs,
  isHlc,
  parseHlc,
  receiveHlc,
  tickHlc,
} from '../../src/core/hlc.ts'

const T0 = 1_772_416_800_000

describe('hybrid logical clock (ARCHITECTURE decision 1)', () => {
  it('formats as zero-padded wall time, base-36 counter and node, and parses back', () => {
    expect(formatHlc({ wallMs: 5, counter: 35, node: 'pc1' })).toBe('0000000000005.0000z.pc1')
    expect(parseHlc('0000000000005.0000z.pc1')).toEqual({ wallMs: 5, counter: 35, node: 'pc1' })
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999_999_999 }),
        fc.integer({ min: 0, max: 36 ** 5 - 1 }),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
        (wallMs, counter, node) => {
          const hlc = formatHlc({ wallMs, counter, node })
          expect(isHlc(hlc)).toBe(true)
          expect(parseHlc(hlc)).toEqual({ wallMs, counter, node })
          expect(hlcWallMs(hlc)).toBe(wallMs)
        },
      ),
    )
  })

  it('rejects what is not a clock', () => {
    for (const bad of [
      '',
      'yesterday',
      '123.00000.pc1',
      '0000000000005.0000Z.pc1',
      '0000000000005.00000.',
      5,
      null,
    ]) {
      expect(isHlc(bad)).toBe(false)
      if (typeof bad === 'string') expect(parseHlc(bad)).toBeNull()
    }
    expect(hlcWallMs('00000000000x5.00000.pc1')).toBeNaN()
    expect(hlcWallMs('/000000000005.00000.pc1')).toBeNaN()
    expect(hlcWallMs(':000000000005.00000.pc1')).toBeNaN()
  })

  it('string order is time order', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1e12 }),
        fc.nat({ max: 1e12 }),
        fc.nat({ max: 1000 }),
        fc.nat({ max: 1000 }),
        (a, b, c, d) => {
          const x = formatHlc({ wallMs: a, counter: c, node: 'n' })
          const y = formatHlc({ wallMs: b, counter: d, node: 'n' })
          const byTime = a !== b ? Math.sign(a - b) : Math.sign(c - d)
          expect(Math.sign(x < y ? -1 : x > y ? 1 : 0)).toBe(byTime)
        },
      ),
    )
  })

  it('tick moves with the wall clock and never goes back', () => {
    expect(tickHlc(null, T0, 'pc1')).toBe(formatHlc({ wallMs: T0, counter: 0, node: 'pc1' }))
    const first = tickHlc(null, T0, 'pc1')
    expect(tickHlc(first, T0 + 5, 'pc1')).toBe(formatHlc({ wallMs: T0 + 5, counter: 0, node: 'pc1' }))
    // same millisecond or a clock set back: the counter moves on
    expect(tickHlc(first, T0, 'pc1')).toBe(formatHlc({ wallMs: T0, counter: 1, node: 'pc1' }))
    expect(tickHlc(formatHlc({ wallMs: T0, counter: 7, node: 'x' }), T0 - 1000, 'pc1')).toBe(
      formatHlc({ wallMs: T0, counter: 8, node: 'pc1' }),
    )
    // counter overflow carries into the wall time
    expect(tickHlc(formatHlc({ wallMs: T0, counter: 36 ** 5 - 1, node: 'x' }), T0, 'pc1')).toBe(
      formatHlc({ wallMs: T0 + 1, counter: 0, node: 'pc1' }),
    )
    expect(tickHlc(formatHlc({ wallMs: T0, counter: 36 ** 5 - 2, node: 'x' }), T0, 'pc1')).toBe(
      formatHlc({ wallMs: T0, counter: 36 ** 5 - 1, node: 'pc1' }),
    )
    expect(tickHlc('garbage', T0, 'pc1')).toBe(formatHlc({ wallMs: T0, counter: 0, node: 'pc1' }))
  })

  it('receive keeps the clock ahead of both the local and the remote time', () => {
    const at = (wallMs: number, counter: number) => formatHlc({ wallMs, counter, node: 'r' })
    const mine = (wallMs: number, counter: number) => formatHlc({ wallMs, counter, node: 'pc1' })
    // wall clock ahead of both
    expect(receiveHlc(at(T0, 3), at(T0 - 1, 9), T0 + 10, 'pc1')).toBe(mine(T0 + 10, 0))
    // all three equal: max counter + 1
    expect(receiveHlc(at(T0, 3), at(T0, 9), T0, 'pc1')).toBe(mine(T0, 10))
    expect(receiveHlc(at(T0, 9), at(T0, 3), T0, 'pc1')).toBe(mine(T0, 10))
    // local ahead
    expect(receiveHlc(at(T0 + 5, 2), at(T0, 9), T0, 'pc1')).toBe(mine(T0 + 5, 3))
    // remote ahead
    expect(receiveHlc(at(T0, 2), at(T0 + 5, 9), T0, 'pc1')).toBe(mine(T0 + 5, 10))
    expect(receiveHlc(null, at(T0 + 5, 9), T0, 'pc1')).toBe(mine(T0 + 5, 10))
    expect(receiveHlc(null, at(T0, 4), T0, 'pc1')).toBe(mine(T0, 5))
    // a remote value that is not a clock is ignored
    expect(receiveHlc(at(T0, 2), 'garbage', T0, 'pc1')).toBe(mine(T0, 3))
    fc.assert(
      fc.property(fc.nat({ max: 1e6 }), fc.nat({ max: 1e6 }), fc.nat({ max: 1e6 }), (l, r, now) => {
        const local = at(T0 + l, 1)
        const remote = at(T0 + r, 2)
        const next = receiveHlc(local, remote, T0 + now, 'pc1')
        expect(next > local.replace('.r', '.pc1')).toBe(true)
        expect(hlcWallMs(next)).toBeGreaterThanOrEqual(Math.max(T0 + l, T0 + r, T0 + now))
      }),
    )
  })

  it('C-01 时间异常: boundedHlc keeps the last clock within the skew and drops a 2286 or 1970 one, so a tick never adopts it', () => {
    const at = (wallMs: number) => formatHlc({ wallMs, counter: 4, node: 'r' })
    const skew = DEFAULT_MAX_CLOCK_SKEW_MS
    expect(skew).toBe(5 * 60_000)
    expect(EARLIEST_EVENT_MS).toBe(Date.parse('2000-01-01T00:00:00+08:00'))
    expect(boundedHlc(null, T0)).toBeNull()
    expect(boundedHlc(at(T0 - 86_400_000), T0)).toBe(at(T0 - 86_400_000))
    expect(boundedHlc(at(T0 + skew), T0)).toBe(at(T0 + skew)) // the bound itself is plausible
    expect(boundedHlc(at(T0 + skew + 1), T0)).toBeNull()
    expect(boundedHlc(at(T0 + 60_000), T0, 30_000)).toBeNull()
    expect(boundedHlc(at(T0 + 30_000), T0, 30_000)).toBe(at(T0 + 30_000))
    expect(boundedHlc(at(EARLIEST_EVENT_MS), T0)).toBe(at(EARLIEST_EVENT_MS))
    expect(boundedHlc(at(EARLIEST_EVENT_MS - 1), T0)).toBeNull()
    expect(boundedHlc('garbage', T0)).toBeNull()
    const in2286 = at(Date.parse('2286-03-02T09:00:00+08:00'))
    expect(tickHlc(boundedHlc(in2286, T0), T0, 'pc1')).toBe(
      formatHlc({ wallMs: T0, counter: 0, node: 'pc1' }),
    )
    const in1970 = at(86_400_000)
    expect(tickHlc(boundedHlc(in1970, T0), T0, 'pc1')).toBe(
      formatHlc({ wallMs: T0, counter: 0, node: 'pc1' }),
    )
    // within the skew, the counter still moves on from the remote clock (causal order kept)
    expect(tickHlc(boundedHlc(at(T0 + 1000), T0), T0, 'pc1')).toBe(
      formatHlc({ wallMs: T0 + 1000, counter: 5, node: 'pc1' }),
    )
  })
})
