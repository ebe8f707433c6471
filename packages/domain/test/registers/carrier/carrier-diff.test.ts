import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Carrier } from '../../../src/core/carrier-record.ts'
import { changedCarriers, sameCarrier } from '../../../src/registers/carrier/diff.ts'
import { createUnitRegister } from '../../../src/unit/unit-fold.ts'
import { fold, local, makeContext, registration, signed, T } from '../../support/fixtures.ts'

const base: Carrier = {
  id: 'c1',
  serial: '2026-0001',
  docNumber: '文号',
  issuer: '县委',
  title: '关于＊＊＊',
  kind: 'paper',
  direction: 'received',
  level: 'secret',
  keptAsClassified: false,
  periodYears: 20,
  scope: '班子',
  copyNumber: 1,
  originalId: null,
  receivedOn: '2026-03-02',
  lateRegistration: false,
  registeredAt: 1,
  state: 'out',
  holders: [{ id: 'h1', reader: '刘', handedOutAt: 2, dueAt: 3 }],
  updatedAt: 2,
  destroyedAt: null,
  lastCopiedAt: null,
  createdBy: 'e1',
  lastEventId: 'e2',
}

const changes: Record<keyof Carrier, unknown> = {
  id: 'c2',
  serial: '2026-0002',
  docNumber: '另',
  issuer: '镇',
  title: '其他＊＊＊',
  kind: 'medium',
  direction: 'produced',
  level: 'top_secret',
  keptAsClassified: true,
  periodYears: 30,
  scope: '全体',
  copyNumber: 2,
  originalId: 'c0',
  receivedOn: '2026-03-01',
  lateRegistration: true,
  registeredAt: 9,
  state: 'in_custody',
  holders: [],
  updatedAt: 9,
  destroyedAt: 9,
  lastCopiedAt: 9,
  createdBy: 'e9',
  lastEventId: 'e9',
}

describe('carrier diff (projections upsert what changed)', () => {
  it('a copy with equal fields is the same carrier', () => {
    expect(sameCarrier(base, { ...base, holders: base.holders.map((h) => ({ ...h })) })).toBe(true)
    expect(sameCarrier(base, base)).toBe(true)
  })

  it('any single changed field makes it a different carrier', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(changes) as (keyof Carrier)[])), (field) => {
        const other = { ...base, [field]: changes[field] } as Carrier
        expect(sameCarrier(base, other)).toBe(false)
        expect(sameCarrier(other, base)).toBe(false)
      }),
    )
  })

  it('any changed hand-out field makes it a different carrier', () => {
    const holder = base.holders[0] as Carrier['holders'][number]
    for (const change of [{ id: 'h2' }, { reader: '陈' }, { handedOutAt: 5 }, { dueAt: 6 }]) {
      expect(sameCarrier(base, { ...base, holders: [{ ...holder, ...change }] })).toBe(false)
    }
    expect(sameCarrier(base, { ...base, holders: [holder, holder] })).toBe(false)
  })

  it('changedCarriers lists new and changed carriers only', () => {
    const r1 = signed('carrier.registered', registration(), { at: local('2026-03-02T08:00') })
    const r2 = signed(
      'carrier.registered',
      registration({ serial: '2026-0002', copies: [{ id: 'c2', copyNumber: 2 }] }),
      {
        at: local('2026-03-02T08:01'),
      },
    )
    const register = createUnitRegister(makeContext())
    const before = register.ingest([r1, r2])
    const out = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: T.morning })
    const r3 = signed(
      'carrier.registered',
      registration({ serial: '2026-0003', copies: [{ id: 'c3', copyNumber: 3 }] }),
      {
        at: T.noon,
      },
    )
    const after = register.ingest([out, r3])
    expect(changedCarriers(before, before)).toEqual([])
    expect(
      changedCarriers(before, after)
        .map((c) => c.id)
        .sort(),
    ).toEqual(['c1', 'c3'])
    // separate folds share no objects: everything counts as changed
    expect(changedCarriers(fold([r1, r2]), after)).toHaveLength(3)
  })
})
