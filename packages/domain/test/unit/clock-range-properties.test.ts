import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareEvents, type EventEnvelope } from '../../src/core/event-envelope.ts'
import { createUnitRegister, foldUnitRegister } from '../../src/unit/unit-fold.ts'
import type { RegisterState } from '../../src/unit/unit-state.ts'
import { eventPool } from '../support/event-pool.ts'
import { local, makeContext, registration, signed } from '../support/fixtures.ts'

/**
 * Issue 10, as properties of the fold: events with an implausible clock (2286, 1970) fold as 时间异常
 * anomalies whatever the order and the split among replicas, and never take effect.
 */

const at = (hhmm: string) => local(`2026-03-02T${hhmm}`)
const ctx = makeContext({ latestEventMs: () => local('2026-03-03T00:00') })

const future = signed(
  'carrier.registered',
  registration({ serial: '2286-0001', receivedOn: '2286-03-02', copies: [{ id: 'c86', copyNumber: 1 }] }),
  { at: local('2286-03-02T09:00'), device: 'pc2' },
)
const futureHandOut = signed(
  'carrier.handed_out',
  { carrierId: 'c1', reader: '钱' },
  { at: local('2286-03-02T10:00'), device: 'pc2' },
)
const past = signed(
  'carrier.registered',
  registration({ serial: '1970-0001', receivedOn: '1970-01-02', copies: [{ id: 'c70', copyNumber: 1 }] }),
  { at: local('1970-01-02T09:00') },
)
const pastHandOut = signed(
  'carrier.handed_out',
  { carrierId: 'c2', reader: '孙' },
  { at: local('1999-12-31T23:59') },
)
const resolveFuture = signed(
  'anomaly.resolved',
  { anomalyId: `clock_out_of_range:${future.id}`, note: '设备时钟错误' },
  { at: at('16:30') },
)
const resolvePast = signed(
  'anomaly.resolved',
  { anomalyId: `clock_out_of_range:${past.id}`, note: '时钟被重置' },
  { at: at('16:40'), device: 'pc2' },
)
const outOfRange = [future, futureHandOut, past, pastHandOut]
const pool = [...eventPool(), ...outOfRange, resolveFuture, resolvePast]
const byOrder = (events: readonly EventEnvelope[]) => events.slice().sort(compareEvents)

/** Each out-of-range event of `events` is an open or resolved 时间异常, and none registered a carrier. */
function expectClockAnomalies(state: RegisterState, events: readonly EventEnvelope[]): void {
  const clock = state.anomalies.filter((a) => a.kind === 'clock_out_of_range').map((a) => a.eventIds[0])
  expect(clock.sort()).toEqual(
    events
      .filter((e) => outOfRange.includes(e))
      .map((e) => e.id)
      .sort(),
  )
  expect(state.carriers.has('c86') || state.carriers.has('c70')).toBe(false)
}

const subsetAndPermutation = fc
  .shuffledSubarray(pool, { minLength: 1 })
  .chain((subset) => fc.tuple(fc.constant(subset), fc.shuffledSubarray(subset, { minLength: subset.length })))

/** What the register shows, but the 时间异常 anomalies themselves. */
function effect(state: RegisterState) {
  return {
    carriers: state.carriers,
    approvals: state.approvals,
    serials: state.serials,
    lastAt: state.lastAt,
    // Refused events are named by anomalies of their own (issue 11 item 3); what they name is `refused`.
    anomalies: state.anomalies.filter((a) => a.kind !== 'clock_out_of_range' && a.kind !== 'refused_event'),
    registers: state.registers,
  }
}

describe('时间异常 fold properties (issue 10, rules C-01, C-05)', () => {
  it('C-01 C-05 the pool opens a 时间异常 for each out-of-range event, and the officer resolves two of them', () => {
    const state = foldUnitRegister(pool, ctx)
    const clock = state.anomalies.filter((a) => a.kind === 'clock_out_of_range')
    expect(clock.map((a) => a.eventIds[0]).sort()).toEqual(outOfRange.map((e) => e.id).sort())
    expect(clock.filter((a) => a.resolvedAt !== null).map((a) => a.resolvedBy)).toEqual(
      expect.arrayContaining([resolveFuture.id, resolvePast.id]),
    )
    expect(clock.every((a) => a.openedAt === 0)).toBe(true)
  })

  it('C-01 any permutation of the same events, 时间异常 ones included, folds to the same state', () => {
    fc.assert(
      fc.property(subsetAndPermutation, ([subset, permuted]) => {
        const state = foldUnitRegister(permuted, ctx)
        expect(state).toEqual(foldUnitRegister(byOrder(subset), ctx))
        expectClockAnomalies(state, subset)
      }),
      { numRuns: 100 },
    )
  })

  it('C-01 replicas ingesting the same events in any split (createUnitRegister) agree with foldUnitRegister', () => {
    fc.assert(
      fc.property(subsetAndPermutation, fc.array(fc.nat(), { maxLength: 8 }), ([subset, permuted], cuts) => {
        const bounds = [...new Set(cuts.map((c) => c % (permuted.length + 1)))].sort((a, b) => a - b)
        const register = createUnitRegister(ctx)
        let from = 0
        for (const to of [...bounds, permuted.length]) {
          register.ingest(permuted.slice(from, to))
          from = to
        }
        expect(register.state).toEqual(foldUnitRegister(subset, ctx))
        expectClockAnomalies(register.state, subset)
      }),
      { numRuns: 100 },
    )
  })

  it('C-05 a 时间异常 event never takes effect: removing them changes no carrier, holder, serial, approval, other anomaly, register or lastAt', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: 1 }), (subset) => {
        const state = foldUnitRegister(subset, ctx)
        const without = foldUnitRegister(
          subset.filter((e) => !outOfRange.includes(e)),
          ctx,
        )
        expect(effect(state)).toEqual(effect(without))
      }),
      { numRuns: 100 },
    )
  })
})
