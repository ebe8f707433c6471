import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import { nextSerial } from '../../../src/registers/carrier/queries.ts'
import {
  check,
  fold,
  local,
  makeContext,
  refusal,
  refusedCodes,
  registration,
  signed,
  T,
} from '../../support/fixtures.ts'

const reg = (payload = registration(), at: number = T.morning, counter = 0) =>
  signed('carrier.registered', payload, { at, counter })

describe('registration (rules C-01, C-02, D-03, S-01, S-02)', () => {
  it('C-01 registers every copy as its own entry with the registration fields', () => {
    const p = registration({
      copies: [
        { id: 'c1', copyNumber: 1 },
        { id: 'c2', copyNumber: 2 },
      ],
    })
    const e = reg(p)
    const state = fold([e])
    expect(state.carriers.size).toBe(2)
    expect(state.carriers.get('c2')).toEqual({
      id: 'c2',
      serial: '2026-0001',
      docNumber: p.docNumber,
      issuer: p.issuer,
      title: p.title,
      kind: 'paper',
      direction: 'received',
      level: 'secret',
      keptAsClassified: false,
      periodYears: 20,
      scope: p.scope,
      copyNumber: 2,
      originalId: null,
      receivedOn: '2026-03-02',
      lateRegistration: false,
      registeredAt: T.morning,
      state: 'in_custody',
      holders: [],
      updatedAt: T.morning,
      destroyedAt: null,
      lastCopiedAt: null,
      createdBy: e.id,
      lastEventId: e.id,
    })
    expect(state.serials.get('2026-0001')).toBe(e.id)
    expect(state.refused).toEqual([])
  })

  it('C-01 a registration after the day of receipt is flagged late, the same day is not', () => {
    const late = fold([reg(registration({ receivedOn: '2026-02-27' }))])
    expect(late.carriers.get('c1')?.lateRegistration).toBe(true)
    const sameDay = fold([reg(registration({ receivedOn: '2026-03-02' }), local('2026-03-02T23:59'))])
    expect(sameDay.carriers.get('c1')?.lateRegistration).toBe(false)
  })

  it('C-01 refuses a receipt date after the registration day or an impossible date', () => {
    expect(
      refusal(check([], 'carrier.registered', registration({ receivedOn: '2026-03-03' }), { at: T.morning })),
    ).toBe('C-01')
    expect(
      refusal(check([], 'carrier.registered', registration({ receivedOn: '2026-02-30' }), { at: T.morning })),
    ).toBe('C-01')
    expect(refusedCodes(fold([reg(registration({ receivedOn: '2026-03-03' }))]))).toEqual(['C-01'])
  })

  it('C-01 the serial starts with the registration year', () => {
    const p = registration({ serial: '2025-0001' })
    expect(refusal(check([], 'carrier.registered', p, { at: T.morning }))).toBe('C-01')
    expect(fold([reg(p)]).carriers.size).toBe(0)
    // a document received on 31 December and registered on 2 January takes the new year's number
    const newYear = registration({ serial: '2026-0001', receivedOn: '2025-12-31' })
    expect(refusal(check([], 'carrier.registered', newYear, { at: local('2026-01-02T09:00') }))).toBeNull()
  })

  it('C-01 checkEvent refuses a serial already in use; after a merge the fold keeps both and opens duplicate_serial', () => {
    const first = reg()
    const second = registration({ copies: [{ id: 'c9', copyNumber: 1 }], docNumber: '另一文号' })
    expect(refusal(check([first], 'carrier.registered', second, { at: T.noon }))).toBe('C-01')
    const other = signed('carrier.registered', second, { at: T.noon, device: 'pc2' })
    const state = fold([other, first])
    expect(state.carriers.has('c1')).toBe(true)
    expect(state.carriers.has('c9')).toBe(true)
    expect(state.refused).toEqual([])
    expect(state.anomalies).toEqual([
      {
        id: `duplicate_serial:${other.id}`,
        kind: 'duplicate_serial',
        carrierId: 'c9',
        eventIds: [first.id, other.id],
        openedAt: T.noon,
        resolvedAt: null,
        note: null,
        resolvedBy: null,
      },
    ])
  })

  it('C-01 proposes the next serial of the year', () => {
    expect(nextSerial(fold([]), T.morning, DEFAULT_CALENDAR)).toBe('2026-0001')
    const state = fold([
      reg(),
      reg(registration({ serial: '2026-0012', copies: [{ id: 'c2', copyNumber: 1 }] }), T.noon),
    ])
    expect(nextSerial(state, T.close, DEFAULT_CALENDAR)).toBe('2026-0013')
    expect(nextSerial(state, local('2027-01-04T09:00'), DEFAULT_CALENDAR)).toBe('2027-0001')
  })

  it('C-01 refuses a carrier id that already exists or repeats within the event', () => {
    const dup = registration({ serial: '2026-0002' })
    expect(refusal(check([reg()], 'carrier.registered', dup, { at: T.noon }))).toBe('CARRIER-EXISTS')
    const twice = registration({
      copies: [
        { id: 'c1', copyNumber: 1 },
        { id: 'c1', copyNumber: 2 },
      ],
    })
    expect(refusal(check([], 'carrier.registered', twice, { at: T.noon }))).toBe('CARRIER-EXISTS')
    const state = fold([reg(), reg(dup, T.noon)])
    expect(refusedCodes(state)).toEqual(['CARRIER-EXISTS'])
    expect(state.carriers.get('c1')?.serial).toBe('2026-0001')
  })

  it('C-02 绝密 and 机密 copies need distinct positive copy numbers', () => {
    for (const level of ['top_secret', 'secret'] as const) {
      for (const copies of [
        [{ id: 'c1', copyNumber: null }],
        [{ id: 'c1', copyNumber: 0 }],
        [{ id: 'c1', copyNumber: -1 }],
        [
          { id: 'c1', copyNumber: 3 },
          { id: 'c2', copyNumber: 3 },
        ],
      ]) {
        const p = registration({ level, copies })
        expect(refusal(check([], 'carrier.registered', p, { at: T.morning }))).toBe('C-02')
        expect(refusedCodes(fold([reg(p)]))).toEqual(['C-02'])
      }
    }
    const ok = registration({
      copies: [
        { id: 'c1', copyNumber: 3 },
        { id: 'c2', copyNumber: 4 },
      ],
    })
    expect(refusal(check([], 'carrier.registered', ok, { at: T.morning }))).toBeNull()
  })

  it('C-02 秘密 and lower levels may go without copy numbers', () => {
    const p = registration({
      level: 'confidential',
      title: '关于某事的通知',
      copies: [{ id: 'c1', copyNumber: null }],
    })
    expect(refusal(check([], 'carrier.registered', p, { at: T.morning }))).toBeNull()
  })

  it('D-03 the period is at most 30/20/10 years; null means the maximum', () => {
    const cases = [
      ['top_secret', 30],
      ['secret', 20],
      ['confidential', 10],
    ] as const
    for (const [level, max] of cases) {
      const base = { level, title: level === 'confidential' ? '通知' : '关于＊＊＊' }
      expect(
        refusal(
          check([], 'carrier.registered', registration({ ...base, periodYears: max + 1 }), { at: T.morning }),
        ),
      ).toBe('D-03')
      expect(
        refusal(
          check([], 'carrier.registered', registration({ ...base, periodYears: 0 }), { at: T.morning }),
        ),
      ).toBe('D-03')
      expect(
        refusal(
          check([], 'carrier.registered', registration({ ...base, periodYears: max }), { at: T.morning }),
        ),
      ).toBeNull()
      expect(
        refusal(
          check([], 'carrier.registered', registration({ ...base, periodYears: 1 }), { at: T.morning }),
        ),
      ).toBeNull()
      expect(fold([reg(registration({ ...base, periodYears: null }))]).carriers.get('c1')?.periodYears).toBe(
        max,
      )
      expect(refusedCodes(fold([reg(registration({ ...base, periodYears: max + 1 }))]))).toEqual(['D-03'])
    }
  })

  it('D-03 levels that are not state secrets have no period', () => {
    const p = registration({
      level: 'work_secret',
      title: '工作方案',
      copies: [{ id: 'c1', copyNumber: null }],
    })
    expect(refusal(check([], 'carrier.registered', { ...p, periodYears: 5 }, { at: T.morning }))).toBe('D-03')
    expect(fold([reg(p)]).carriers.get('c1')?.periodYears).toBe(0)
  })

  it('S-02 refuses a 绝密/机密 title that is not de-sensitized per the unit policy', () => {
    const full = registration({ title: '关于某项工程的实施方案' })
    expect(refusal(check([], 'carrier.registered', full, { at: T.morning }))).toBe('S-02')
    expect(
      refusal(check([], 'carrier.registered', { ...full, level: 'top_secret' }, { at: T.morning })),
    ).toBe('S-02')
    expect(refusedCodes(fold([reg(full)]))).toEqual(['S-02'])
    // number_only: only an empty title passes
    const ctx = makeContext({}, { titleMasking: 'number_only' })
    expect(refusal(check([], 'carrier.registered', registration(), { at: T.morning }, ctx))).toBe('S-02')
    expect(
      refusal(check([], 'carrier.registered', registration({ title: '' }), { at: T.morning }, ctx)),
    ).toBeNull()
    // an empty title is stricter than masking and always passes
    expect(
      refusal(check([], 'carrier.registered', registration({ title: '' }), { at: T.morning })),
    ).toBeNull()
    expect(refusal(check([], 'carrier.registered', registration({ title: '关于' }), { at: T.morning }))).toBe(
      'S-02',
    )
    // 秘密 titles are kept as typed
    const conf = registration({ level: 'confidential', title: '关于某项工程的实施方案' })
    expect(refusal(check([], 'carrier.registered', conf, { at: T.morning }))).toBeNull()
  })

  it('S-01 refuses payload fields beyond the schema and over-long titles', () => {
    const extra = { ...registration(), body: '正文内容' }
    expect(refusal(check([], 'carrier.registered', extra, { at: T.morning }))).toBe('S-01')
    const long = registration({ level: 'confidential', title: '长'.repeat(201) })
    expect(refusal(check([], 'carrier.registered', long, { at: T.morning }))).toBe('S-01')
    const nested = registration({ copies: [{ id: 'c1', copyNumber: 1, note: 'x' } as never] })
    expect(refusal(check([], 'carrier.registered', nested, { at: T.morning }))).toBe('S-01')
    expect(
      refusal(check([], 'carrier.registered', { ...registration(), level: 'ultra' }, { at: T.morning })),
    ).toBe('EVT-MALFORMED')
    // in the fold a malformed payload is a security alert and changes nothing
    const state = fold([signed('carrier.registered', extra, { at: T.morning })])
    expect(state.carriers.size).toBe(0)
    expect(state.alerts.map((a) => a.kind)).toEqual(['malformed_payload'])
  })
})
