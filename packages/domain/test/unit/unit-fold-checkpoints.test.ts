import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BENCH_CONTEXT, mixedEvents } from '../../bench/mixed-events.ts'
import type { EventEnvelope } from '../../src/core/event-envelope.ts'
import { createCheckpoints, passCheckpoint, restoreCheckpoint } from '../../src/unit/fold-checkpoints.ts'
import { emptyWork } from '../../src/unit/fold-work.ts'
import { composeSlices } from '../../src/unit/slices.ts'
import { createUnitRegister, foldUnitRegister } from '../../src/unit/unit-fold.ts'
import type { FoldContext, RegisterState } from '../../src/unit/unit-state.ts'
import { eventPool } from '../support/event-pool.ts'
import { local, makeContext, registration, signed } from '../support/fixtures.ts'

/**
 * Issue 11: a late event refolds from the last checkpoint before it. Whatever the batches, the order
 * and the checkpoint spacing, the register equals the fold of all its events, field by field.
 */

function expectSameState(actual: RegisterState, expected: RegisterState): void {
  expect([...actual.carriers]).toEqual([...expected.carriers])
  expect(actual.anomalies).toEqual(expected.anomalies)
  expect([...actual.approvals]).toEqual([...expected.approvals])
  expect([...actual.serials]).toEqual([...expected.serials])
  expect(actual.refused).toEqual(expected.refused)
  expect(actual.alerts).toEqual(expected.alerts)
  expect(actual.size).toBe(expected.size)
  expect(actual.lastAt).toBe(expected.lastAt)
  expect(actual.registers).toEqual(expected.registers)
}

/** Splits `events` at the given cut points (any naturals) into consecutive batches. */
function batches<T>(events: readonly T[], cuts: readonly number[]): T[][] {
  const bounds = [...new Set(cuts.map((c) => c % (events.length + 1)))].sort((a, b) => a - b)
  const out: T[][] = []
  let from = 0
  for (const to of [...bounds, events.length]) {
    out.push(events.slice(from, to))
    from = to
  }
  return out
}

describe('checkpoints of the fold (issue 11)', () => {
  it('keeps the newest checkpoints dense and thins older ones, and restores the last one at or before a position', () => {
    const checkpoints = createCheckpoints(1)
    let work = emptyWork(composeSlices(BENCH_CONTEXT.policy))
    for (let pos = 1; pos <= 100; pos++) work = passCheckpoint(checkpoints, pos, pos, work)
    const positions = checkpoints.list.map((c) => c.pos)
    expect(positions.slice(-2)).toEqual([99, 100])
    expect(positions.length).toBeLessThan(20)
    expect(positions[0]).toBeLessThanOrEqual(32) // a late event far back still finds one near it
    const gaps = positions.slice(1).map((p, i) => p - (positions[i] as number))
    expect(gaps).toEqual(gaps.slice().sort((a, b) => b - a)) // spacing only shrinks toward the end
    const kept = positions.filter((p) => p <= 90).at(-1) as number
    const restored = restoreCheckpoint(checkpoints, 90)
    expect(restored?.pos).toBe(kept)
    expect(checkpoints.list.at(-1)?.pos).toBe(kept) // later ones dropped, this one kept for the next
    expect(restored?.work).not.toBe(checkpoints.list.at(-1)?.work)
    expect(restoreCheckpoint(checkpoints, 0)).toBeNull()
  })

  it('a fold that knows its end takes only the checkpoints kept there, the same as one event at a time', () => {
    for (const end of [1, 7, 64, 100, 1_000]) {
      const stepwise = createCheckpoints(3)
      const planned = createCheckpoints(3)
      const taken: number[] = []
      let one = emptyWork(composeSlices(BENCH_CONTEXT.policy))
      let all = emptyWork(composeSlices(BENCH_CONTEXT.policy))
      for (let pos = 1; pos <= end; pos++) {
        one = passCheckpoint(stepwise, pos, pos, one)
        const next = passCheckpoint(planned, pos, end, all)
        if (next !== all) taken.push(pos)
        all = next
      }
      expect(planned.list.map((c) => c.pos)).toEqual(stepwise.list.map((c) => c.pos))
      expect(taken).toEqual(planned.list.map((c) => c.pos))
    }
  })

  it('refuses a spacing below one event', () => {
    expect(() => createCheckpoints(0)).toThrow()
  })
})

describe('a register fed in any batches and order equals the fold of all its events', () => {
  const at = (hhmm: string) => local(`2026-03-02T${hhmm}`)
  const future = signed(
    'carrier.registered',
    registration({ serial: '2286-0001', receivedOn: '2286-03-02', copies: [{ id: 'c86', copyNumber: 1 }] }),
    { at: local('2286-03-02T09:00'), device: 'pc2' },
  )
  const resolveFuture = signed(
    'anomaly.resolved',
    { anomalyId: `clock_out_of_range:${future.id}`, note: '设备时钟错误' },
    { at: at('16:30') },
  )
  // Signed events hitting every carrier rule: anomalies opened and resolved in place, refusals, alerts.
  const pool = [...eventPool(), future, resolveFuture]
  const bounds = [at('10:00'), at('14:00'), local('2026-03-03T00:00'), Number.POSITIVE_INFINITY]

  it('the signed event pool, checkpoints 1 to 5 events apart, with a latest plausible time that grows', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(pool, { minLength: 1 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: bounds.length - 1 }), { minLength: 1, maxLength: 9 }),
        (events, cuts, every, steps) => {
          let bound = bounds[0] as number
          const ctx = makeContext({ latestEventMs: () => bound })
          const register = createUnitRegister(ctx, { checkpointEvery: every })
          const rises = steps.slice().sort((a, b) => a - b)
          const before: { state: RegisterState; carriers: unknown; anomalies: unknown }[] = []
          // Non-empty batches only: an ingest with nothing new reads no bound and refolds nothing.
          batches(events, cuts)
            .filter((batch) => batch.length > 0)
            .forEach((batch, i) => {
              bound = Math.max(bound, bounds[rises[i] ?? rises.length - 1] as number)
              const state = register.ingest(batch)
              before.push({
                state,
                carriers: [...state.carriers],
                anomalies: structuredClone(state.anomalies),
              })
            })
          const fixed: FoldContext = makeContext({ latestEventMs: () => bound })
          expectSameState(register.state, foldUnitRegister(events, fixed))
          // Earlier snapshots never change, however the later ingests refolded.
          for (const b of before) {
            expect([...b.state.carriers]).toEqual(b.carriers)
            expect(b.state.anomalies).toEqual(b.anomalies)
          }
        },
      ),
      { numRuns: 150 },
    )
  })

  it('a late take-back undoes a concurrent hand-out: its resolution is refused, not applied to another anomaly', () => {
    // The checkpoint before the late event must not see the anomaly index as it was later on.
    const register1 = signed('carrier.registered', registration(), { at: at('08:00') })
    const handOut = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: at('09:00') })
    const takeBack = signed(
      'carrier.taken_back',
      { carrierId: 'c1', handOutId: handOut.id },
      { at: at('09:20') },
    )
    const second = signed(
      'carrier.handed_out',
      { carrierId: 'c1', reader: '陈' },
      { at: at('09:30'), device: 'pc2' },
    )
    const sameSerial = signed(
      'carrier.registered',
      registration({ docNumber: '县委办〔2026〕4号', copies: [{ id: 'c2', copyNumber: 1 }] }),
      { at: at('12:00'), device: 'pc2' },
    )
    const resolve = signed(
      'anomaly.resolved',
      { anomalyId: `concurrent_hand_out:${second.id}`, note: '已核实' },
      { at: at('16:00') },
    )
    const events = [register1, handOut, takeBack, second, sameSerial, resolve]
    const ctx = makeContext()
    const expected = foldUnitRegister(events, ctx)
    expect(expected.refused.map((r) => r.eventId)).toContain(resolve.id)
    expect(expected.anomalies.find((a) => a.kind === 'duplicate_serial')?.resolvedAt).toBeNull()
    expect(expected.anomalies.some((a) => a.kind === 'concurrent_hand_out')).toBe(false)
    for (const every of [1, 2, 3]) {
      const register = createUnitRegister(ctx, { checkpointEvery: every })
      const before = register.ingest(events.filter((e) => e !== takeBack))
      expect(before.anomalies.find((a) => a.kind === 'concurrent_hand_out')?.resolvedAt).toBe(at('16:00'))
      expectSameState(register.ingest([takeBack]), expected)
    }
  })

  const history = mixedEvents(1_200, 11)
  const expected = foldUnitRegister(history, BENCH_CONTEXT)

  it('a mixed history (carriers, copies, destructions, telegrams) with late events before, at and between checkpoints', () => {
    expect(expected.carriers.size).toBeGreaterThan(100)
    expect(expected.registers.telegram.telegrams.size).toBeGreaterThan(10)
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(history.length - 1), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.constantFrom(8, 16, 50, 64),
        fc.boolean(),
        (lateAt, cuts, every, together) => {
          const late = lateAt.map((i) => history[i] as EventEnvelope)
          const onTime = history.filter((e) => !late.includes(e))
          const register = createUnitRegister(BENCH_CONTEXT, { checkpointEvery: every })
          for (const batch of batches(onTime, cuts)) register.ingest(batch)
          // The late ones arrive after the rest: one at a time (two late events in a row), or together.
          if (together) register.ingest(late)
          else for (const event of late) register.ingest([event])
          expectSameState(register.state, expected)
        },
      ),
      { numRuns: 40 },
    )
    // 40 refolds of a 1,200-event history: ~1 s plain, several under mutation-test instrumentation
  }, 60_000)

  it('late events exactly at, just before and just after a checkpoint, then a later one again', () => {
    const every = 64
    const register = createUnitRegister(BENCH_CONTEXT, { checkpointEvery: every })
    const picks = [every * 9, every * 9 - 1, every * 4 + 1, every * 17, 3, history.length - 1]
    const late = picks.map((i) => history[i] as EventEnvelope)
    register.ingest(history.filter((e) => !late.includes(e)))
    for (const event of late) register.ingest([event])
    expectSameState(register.state, expected)
  })

  it('an unchanged carrier keeps its object across a refold from a checkpoint (diff by reference)', () => {
    const register = createUnitRegister(BENCH_CONTEXT, { checkpointEvery: 64 })
    const late = history[history.length - 100] as EventEnvelope
    const first = register.ingest(history.filter((e) => e !== late))
    const second = register.ingest([late])
    expectSameState(second, expected)
    const same = [...second.carriers].filter(([id, c]) => first.carriers.get(id) === c).length
    expect(same).toBeGreaterThan(second.carriers.size - 5)
  })
})
