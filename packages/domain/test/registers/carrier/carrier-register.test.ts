import { describe, expect, it } from 'vitest'
import { changedCarriers } from '../../../src/registers/carrier/diff.ts'
import { createUnitRegister, foldUnitRegister } from '../../../src/unit/unit-fold.ts'
import { eventPool } from '../../support/event-pool.ts'
import { fold, local, makeContext, registration, signed, T } from '../../support/fixtures.ts'

const ctx = makeContext()
const r1 = signed('carrier.registered', registration(), { at: local('2026-03-02T08:00') })
const r2 = signed(
  'carrier.registered',
  registration({ serial: '2026-0002', copies: [{ id: 'c2', copyNumber: 2 }] }),
  {
    at: local('2026-03-02T08:01'),
  },
)
const out = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: T.morning })

describe('incremental register', () => {
  it('an empty register has an empty state', () => {
    const register = createUnitRegister(ctx)
    const { carriers, approvals, serials, registers, ...rest } = register.state
    expect([carriers.size, approvals.size, serials.size]).toEqual([0, 0, 0])
    expect(registers.telegram.telegrams.size).toBe(0)
    expect(rest).toEqual({ anomalies: [], alerts: [], refused: [], size: 0, lastAt: null })
    expect(register.has(r1.id)).toBe(false)
  })

  it('appending keeps unchanged carriers by reference and earlier snapshots unchanged', () => {
    const register = createUnitRegister(ctx)
    const first = register.ingest([r1, r2])
    const c1 = first.carriers.get('c1')
    const c2 = first.carriers.get('c2')
    const second = register.ingest([out])
    expect(second).not.toBe(first)
    expect(second.carriers.get('c2')).toBe(c2) // untouched carrier: same object
    expect(second.carriers.get('c1')).not.toBe(c1) // changed carrier: new object
    expect(first.carriers.get('c1')?.state).toBe('in_custody') // the old snapshot did not move
    expect(second.carriers.get('c1')?.state).toBe('out')
    expect(first.size).toBe(2)
    expect(second.size).toBe(3)
    expect(second.lastAt).toBe(out.at)
  })

  it('a late event that sorts before the last one refolds: the result equals the full fold', () => {
    const register = createUnitRegister(ctx)
    register.ingest([r1])
    const before = register.ingest([out])
    const late = register.ingest([r2]) // 08:01 sorts before the 09:00 hand-out
    // the refold puts back carrier objects that came out the same: diff by reference still works
    expect(late.carriers.get('c1')).toBe(before.carriers.get('c1'))
    expect(changedCarriers(before, late).map((c) => c.id)).toEqual(['c2'])
    expect(late).toEqual(fold([r1, r2, out]))
    expect(new Map(late.serials)).toEqual(
      new Map([
        ['2026-0001', r1.id],
        ['2026-0002', r2.id],
      ]),
    )
  })

  it('is idempotent by id: repeats within and across batches count once', () => {
    const register = createUnitRegister(ctx)
    const state = register.ingest([r1, r1, out])
    expect(state.size).toBe(2)
    expect(register.ingest([r1, out])).toBe(state)
    expect(register.has(r1.id)).toBe(true)
    expect(register.has(r2.id)).toBe(false)
    register.ingest([r2])
    expect(register.has(r2.id)).toBe(true)
  })

  it('the same event under a second signature is folded once', () => {
    const forgedSig = { ...r1, sig: 'f'.repeat(128) }
    const state = foldUnitRegister([forgedSig, r1], ctx)
    expect(state.carriers.size).toBe(1)
    expect(state.alerts.map((a) => a.kind)).toEqual(['bad_signature'])
    // two copies that both verify (as with a verifier that accepts both): applied once, no refusal
    const lenient = makeContext({ verify: () => true })
    const twice = foldUnitRegister([r1, { ...r1, sig: 'e'.repeat(128) }], lenient)
    expect(twice.carriers.size).toBe(1)
    expect(twice.refused).toEqual([])
    expect(twice.size).toBe(2)
    const incremental = createUnitRegister(lenient)
    incremental.ingest([r1])
    expect(incremental.ingest([{ ...r1, sig: 'e'.repeat(128) }])).toEqual(twice)
  })

  it('never reorders the caller’s array', () => {
    const input = [out, r2, r1]
    fold(input)
    expect(input).toEqual([out, r2, r1])
  })

  it('accepts any iterable of events', () => {
    const pool = eventPool()
    expect(foldUnitRegister(new Set(pool), ctx)).toEqual(foldUnitRegister(pool, ctx))
  })
})
