import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { carrierHandedOutSchema, carrierTakenBackSchema } from '../../../src/registers/carrier/events.ts'
import { fastHandedOut, fastTakenBack } from '../../../src/registers/carrier/fast-parse.ts'

/**
 * rule S-01 on the fold's hot path: the fast checks of hand-out and take-back payloads accept only what
 * the strict zod schema accepts, and return exactly what zod would; everything else falls back to zod.
 */

const id = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/),
  fc.string({ maxLength: 70 }),
  fc.constantFrom('', 'c1', 'c 1', 'ｃ1', 'a'.repeat(64), 'a'.repeat(65)),
)
const text = fc.oneof(
  fc.string({ maxLength: 210 }),
  fc.constantFrom('', '李镇长', 'x'.repeat(200), 'x'.repeat(201)),
)
const due = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER, 2 ** 60, undefined, null, '1'),
)
const extra = fc.option(fc.record({ body: fc.string() }), { nil: undefined })

function payloads(fields: Record<string, fc.Arbitrary<unknown>>) {
  return fc
    .tuple(fc.record(fields, { requiredKeys: [] }), extra, fc.boolean())
    .map(([p, more, prototype]) => {
      const value = { ...p, ...(more ?? {}) }
      return prototype ? Object.assign(Object.create({ inherited: 1 }), value) : value
    })
}

function agreesWithZod(
  fast: unknown,
  schema: typeof carrierHandedOutSchema | typeof carrierTakenBackSchema,
  payload: unknown,
) {
  if (fast === undefined) return // zod decides
  const parsed = schema.safeParse(payload)
  expect(parsed.success).toBe(true)
  expect(fast).toStrictEqual(parsed.data)
}

describe('fast payload checks agree with the strict schemas (rule S-01)', () => {
  it('carrier.handed_out: accepted only when zod accepts, with the same value', () => {
    fc.assert(
      fc.property(payloads({ carrierId: id, reader: text, dueAt: due }), (payload) =>
        agreesWithZod(fastHandedOut(payload), carrierHandedOutSchema, payload),
      ),
      { numRuns: 2000 },
    )
  })

  it('carrier.taken_back: accepted only when zod accepts, with the same value', () => {
    fc.assert(
      fc.property(payloads({ carrierId: id, handOutId: text }), (payload) =>
        agreesWithZod(fastTakenBack(payload), carrierTakenBackSchema, payload),
      ),
      { numRuns: 2000 },
    )
  })

  it('takes the common shapes fast and leaves extra fields, bad ids and open-ended values to zod', () => {
    expect(fastHandedOut({ carrierId: 'c1', reader: '李镇长' })).toEqual({
      carrierId: 'c1',
      reader: '李镇长',
    })
    expect(fastHandedOut({ carrierId: 'c1', reader: '李', dueAt: 5 })).toEqual({
      carrierId: 'c1',
      reader: '李',
      dueAt: 5,
    })
    expect(fastHandedOut({ carrierId: 'c1', reader: '李', body: '正文' })).toBeUndefined()
    expect(fastHandedOut({ carrierId: 'c 1', reader: '李' })).toBeUndefined()
    expect(fastHandedOut({ carrierId: 'c1', reader: '' })).toBeUndefined()
    expect(fastHandedOut({ carrierId: 'c1', reader: '李', dueAt: -1 })).toBeUndefined()
    expect(fastHandedOut({ carrierId: 'c1', reader: '李', dueAt: undefined })).toBeUndefined()
    expect(fastHandedOut(null)).toBeUndefined()
    expect(fastTakenBack({ carrierId: 'c1', handOutId: 'e1' })).toEqual({ carrierId: 'c1', handOutId: 'e1' })
    expect(fastTakenBack({ carrierId: 'c1', handOutId: '' })).toBeUndefined()
    expect(fastTakenBack({ carrierId: 'c1', handOutId: 'e'.repeat(65) })).toBeUndefined()
    expect(fastTakenBack({ carrierId: 'c1' })).toBeUndefined()
  })
})
