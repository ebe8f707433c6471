import { describe, expect, it } from 'vitest'
import type { SliceContext, SliceEvent } from '../../../src/core/register-slice.ts'
import { MIN_OVERRIDE_REASON_LENGTH } from '../../../src/core/text-screening.ts'
import {
  createScreeningSlice,
  isScreeningEventType,
  ScreeningEventType,
  screeningEvents,
  screeningOverrideRecordedSchema,
} from '../../../src/registers/screening/index.ts'

// The slice reads neither the directory nor the calendar; a context with neither keeps that visible.
const ctx = { unit: 'u-1' } as unknown as SliceContext
const hashA = 'a'.repeat(64)
const hashB = 'b'.repeat(64)

function override(
  id: string,
  textHashes: string[],
  reason: string,
  atMs = 1_000,
  actor = 'officer-1',
): SliceEvent {
  return { id, type: ScreeningEventType.OverrideRecorded, actor, atMs, payload: { textHashes, reason } }
}

describe('rule S-03: the override log', () => {
  const slice = createScreeningSlice()

  it('rule S-03: a reason of exactly the minimum letters or digits passes; one fewer is refused', () => {
    const enough = 'x'.repeat(MIN_OVERRIDE_REASON_LENGTH)
    expect(slice.check(slice.empty(), override('e1', [hashA], enough), ctx)).toBeNull()
    const short = slice.check(slice.empty(), override('e1', [hashA], enough.slice(1)), ctx)
    expect(short?.code).toBe('S-03')
    expect(short?.details).toEqual({ field: 'reason' })
    expect(short?.message.zh).toContain(String(MIN_OVERRIDE_REASON_LENGTH))
  })

  it('rule S-03: only letters and digits count — spaces and punctuation do not make a reason', () => {
    // Four characters that are neither letters nor digits, padded by spaces: no reason at all.
    expect(slice.check(slice.empty(), override('e1', [hashA], '  。，！？  '), ctx)?.code).toBe('S-03')
    expect(slice.check(slice.empty(), override('e1', [hashA], '公 开 信 息'), ctx)).toBeNull()
    expect(slice.check(slice.empty(), override('e1', [hashA], '2026'), ctx)).toBeNull()
    expect(slice.check(slice.empty(), override('e1', [hashA], '已核实。'), ctx)?.code).toBe('S-03')
  })

  it('rule S-03: a type the log does not hold is refused by name', () => {
    const error = slice.check(slice.empty(), { ...override('e1', [hashA], '公开信息'), type: 'x.y' }, ctx)
    expect(error?.code).toBe('SCREENING-UNKNOWN-TYPE')
    expect(error?.message.en).toContain('x.y')
    expect(isScreeningEventType('x.y')).toBe(false)
    expect(isScreeningEventType('toString')).toBe(false)
    expect(isScreeningEventType(ScreeningEventType.OverrideRecorded)).toBe(true)
  })

  it('rule S-03: an override is recorded per text, with who, when and why', () => {
    const work = slice.empty()
    slice.apply(work, override('e1', [hashA, hashB], '已公开的会议名称', 5_000), ctx)
    const state = slice.view(work)
    expect([...state.overrides.keys()].sort()).toEqual([hashA, hashB])
    expect(state.overrides.get(hashB)).toEqual({
      textHash: hashB,
      eventId: 'e1',
      by: 'officer-1',
      at: 5_000,
      reason: '已公开的会议名称',
    })
  })

  it('rule S-03: the first override of a text stands; a later one does not rewrite the log', () => {
    const work = slice.empty()
    slice.apply(work, override('e1', [hashA], '第一次的理由', 1_000), ctx)
    slice.apply(work, override('e2', [hashA, hashB], '第二次的理由', 2_000, 'officer-2'), ctx)
    const state = slice.view(work)
    expect(state.overrides.get(hashA)?.eventId).toBe('e1')
    expect(state.overrides.get(hashA)?.by).toBe('officer-1')
    expect(state.overrides.get(hashB)?.eventId).toBe('e2')
  })

  it('a fork and a view are copies: applying to the fork leaves the original and its view alone', () => {
    const work = slice.empty()
    slice.apply(work, override('e1', [hashA], '第一次的理由'), ctx)
    const before = slice.view(work)
    const fork = slice.fork(work)
    slice.apply(fork, override('e2', [hashB], '第二次的理由'), ctx)
    expect(work.overrides.has(hashB)).toBe(false)
    expect(before.overrides.has(hashB)).toBe(false)
    expect(fork.overrides.has(hashA)).toBe(true)
    slice.apply(work, override('e3', [hashB], '第三次的理由'), ctx)
    expect(before.overrides.has(hashB)).toBe(false)
    expect(slice.empty().overrides.size).toBe(0)
  })

  it('rule S-03: the payload names texts by their SHA-256 only, 1 to 20 of them, and a bounded reason', () => {
    const ok = { textHashes: [hashA], reason: '公开信息' }
    expect(screeningOverrideRecordedSchema.safeParse(ok).success).toBe(true)
    expect(screeningOverrideRecordedSchema.safeParse({ ...ok, textHashes: [] }).success).toBe(false)
    expect(
      screeningOverrideRecordedSchema.safeParse({ ...ok, textHashes: Array(21).fill(hashA) }).success,
    ).toBe(false)
    expect(
      screeningOverrideRecordedSchema.safeParse({ ...ok, textHashes: Array(20).fill(hashA) }).success,
    ).toBe(true)
    for (const bad of ['A'.repeat(64), 'a'.repeat(63), `${'a'.repeat(64)}0`, `x${'a'.repeat(63)}`])
      expect(screeningOverrideRecordedSchema.safeParse({ ...ok, textHashes: [bad] }).success).toBe(false)
    expect(screeningOverrideRecordedSchema.safeParse({ ...ok, reason: '字'.repeat(501) }).success).toBe(false)
    expect(screeningOverrideRecordedSchema.safeParse({ ...ok, text: '原文' }).success).toBe(false)
  })

  it('rule S-03: only the officer signs an override', () => {
    expect(screeningEvents[ScreeningEventType.OverrideRecorded].roles).toEqual(['officer'])
  })
})
