import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { freeTextOf, hasFreeText, visitFreeTexts } from '../../src/core/free-text-fields.ts'
import { carrierEventSchemas } from '../../src/registers/carrier/events.ts'
import { DEFAULT_UNIT_POLICY } from '../../src/unit/policy.ts'
import { unitEventDefinition, unitEventTypes } from '../../src/unit/slices.ts'

describe('free-text fields, read off the schemas (rule S-03)', () => {
  it('rule S-03: free strings are found at any depth; ids, dates, enums, literals and opted-out fields are not', () => {
    const schema = z.strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/),
      day: z.iso.date(),
      kind: z.enum(['a', 'b']),
      fixed: z.literal('x'),
      marking: z.string().meta({ freeText: false }),
      note: z.string().max(200),
      items: z.array(z.strictObject({ title: z.string().optional(), n: z.number() })),
      maybe: z.string().nullable(),
      either: z.union([z.strictObject({ a: z.string() }), z.strictObject({ b: z.number() })]),
    })
    const payload = {
      id: 'x-1',
      day: '2026-03-02',
      kind: 'a',
      fixed: 'x',
      marking: '机密★10年',
      note: '备注',
      items: [{ title: '一', n: 1 }, { n: 2 }, { title: '三', n: 3 }],
      maybe: null,
      either: { a: '选项' },
    }
    const texts = freeTextOf(schema, payload)
    expect(texts).toEqual([
      { path: 'note', text: '备注' },
      { path: 'items.0.title', text: '一' },
      { path: 'items.2.title', text: '三' },
      { path: 'either.a', text: '选项' },
    ])
    expect(hasFreeText(z.strictObject({ id: z.string().regex(/^x$/), at: z.number() }))).toBe(false)
    expect(hasFreeText(schema)).toBe(true)
    // The fold's visitor (no paths) sees the same texts in the same order.
    const visited: string[] = []
    visitFreeTexts(schema, payload, (text) => visited.push(text))
    expect(visited).toEqual(texts.map((v) => v.text))
  })

  it('rule S-03: an event id an event refers to (the hand-out of a take-back, an approval) is an id, not free text', () => {
    expect(hasFreeText(carrierEventSchemas['carrier.taken_back'])).toBe(false)
    const paths = freeTextOf(carrierEventSchemas['carrier.destroyed'], {
      carrierIds: ['c1'],
      approvalId: 'a'.repeat(64),
      method: 'central',
      receiptNumber: '销〔2026〕1号',
    }).map((v) => v.path)
    expect(paths).toEqual(['receiptNumber'])
    // …and a reference that is not an id's form is refused by the schema, not stored as text.
    expect(
      carrierEventSchemas['carrier.taken_back'].safeParse({ carrierId: 'c1', handOutId: '关于 某事' })
        .success,
    ).toBe(false)
  })

  it('rules S-02, S-03: the carrier registration screens its title, scope, issuer and document number', () => {
    const paths = freeTextOf(carrierEventSchemas['carrier.registered'], {
      serial: '2026-0001',
      docNumber: '镇发〔2026〕1号',
      issuer: '示范县委办',
      title: '关于开展检查的通知',
      scope: '全体干部',
      copies: [{ id: 'c1', copyNumber: 1 }],
    }).map((v) => v.path)
    expect(paths).toEqual(expect.arrayContaining(['docNumber', 'issuer', 'title', 'scope']))
    expect(paths).not.toContain('serial')
    expect(paths).not.toContain('copies.0.id')
  })

  it('rule S-03: every register offers free text somewhere, so the gate covers them all', () => {
    const types = unitEventTypes(DEFAULT_UNIT_POLICY)
    const withText = types.filter((type) => {
      const schema = unitEventDefinition(type, DEFAULT_UNIT_POLICY)?.schema
      return schema !== undefined && hasFreeText(schema)
    })
    const registers = new Set(withText.map((type) => type.split('.')[0]))
    for (const register of ['carrier', 'classification', 'telegram', 'device', 'incident', 'inspection'])
      expect(registers, register).toContain(register)
    expect(withText.length).toBeGreaterThan(types.length / 3)
  })
})
