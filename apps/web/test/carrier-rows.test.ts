import type { Carrier, RegisterState } from '@secledger/domain'
import { emptyQuery, type QueryField } from '@secledger/ui/logic'
import { describe, expect, it } from 'vitest'
import { carrierRows, EMPTY_FILTER, filterFromQuery } from '../src/register/carrier-rows.ts'

const NOW = Date.UTC(2026, 2, 4, 2, 0, 0)

function carrier(id: string, overrides: Partial<Carrier> = {}): Carrier {
  return {
    id,
    serial: '2026-0001',
    docNumber: '县委发〔2026〕7号',
    issuer: '县委办公室',
    title: '关于＊＊＊',
    kind: 'paper',
    direction: 'received',
    level: 'secret',
    keptAsClassified: false,
    periodYears: 20,
    scope: '班子成员',
    copyNumber: 1,
    originalId: null,
    receivedOn: '2026-03-02',
    lateRegistration: false,
    registeredAt: NOW - 86_400_000,
    state: 'in_custody',
    holders: [],
    updatedAt: NOW - 86_400_000,
    destroyedAt: null,
    lastCopiedAt: null,
    createdBy: `reg-${id}`,
    lastEventId: `reg-${id}`,
    ...overrides,
  }
}

function stateOf(carriers: readonly Carrier[]): RegisterState {
  return { carriers: new Map(carriers.map((c) => [c.id, c])) } as unknown as RegisterState
}

// A 25-copy 机密 document, a 秘密 one handed out to 刘读者 and overdue, and an internal one received in February.
const copies = Array.from({ length: 25 }, (_, i) =>
  carrier(`d${i + 1}`, { copyNumber: i + 1, createdBy: 'reg-doc', lastEventId: 'reg-doc' }),
)
const lent = carrier('s1', {
  serial: '2026-0002',
  docNumber: '市委办〔2026〕3号',
  level: 'confidential',
  title: '关于年度考核的通知',
  state: 'out',
  holders: [{ id: 'h1', reader: '刘读者', handedOutAt: NOW - 3 * 3_600_000, dueAt: NOW - 3_600_000 }],
})
const old = carrier('i1', {
  serial: '2026-0003',
  docNumber: '镇发〔2026〕1号',
  level: 'internal',
  title: '春节值班安排',
  receivedOn: '2026-02-10',
  copyNumber: null,
})
const state = stateOf([...copies, lent, old])

describe('carrier rows (issue 12: one row per document, keyword search)', () => {
  it('nests the copies of one registration under one document row, by copy number', () => {
    const rows = carrierRows(state, EMPTY_FILTER, NOW)
    expect(rows.map((r) => r.serial)).toEqual(['2026-0003', '2026-0002', '2026-0001'])
    const doc = rows[2]
    expect(doc).toMatchObject({ kind: 'document', id: 'doc:reg-doc', copyNumber: null, state: 'in_custody' })
    expect(doc?.children?.map((c) => c.copyNumber)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1))
    expect(doc?.stateCounts).toEqual({ in_custody: 25, out: 0, destroyed: 0 })
  })

  it('a document with a copy out shows as out, with the reader and the earliest due time', () => {
    const one = { ...(copies[3] as Carrier), state: 'out' as const, holders: lent.holders }
    const rows = carrierRows(stateOf([...copies.slice(0, 3), one]), EMPTY_FILTER, NOW)
    expect(rows[0]).toMatchObject({ kind: 'document', state: 'out', holders: '刘读者', overdue: true })
    expect(rows[0]?.stateCounts).toEqual({ in_custody: 3, out: 1, destroyed: 0 })
  })

  it('finds by serial, document number, de-sensitized title or holder, full-width or not', () => {
    const find = (keyword: string) =>
      carrierRows(state, { ...EMPTY_FILTER, keyword }, NOW).map((r) => r.serial)
    expect(find('0002')).toEqual(['2026-0002'])
    expect(find('市委办')).toEqual(['2026-0002'])
    expect(find('值班')).toEqual(['2026-0003'])
    expect(find('刘读者')).toEqual(['2026-0002'])
    expect(find('２０２６－０００３')).toEqual(['2026-0003'])
    expect(find('没有的')).toEqual([])
  })

  it('filters by level, state, overdue and the received days; one matching copy of a document shows alone', () => {
    const by = (filter: Partial<typeof EMPTY_FILTER>) =>
      carrierRows(state, { ...EMPTY_FILTER, ...filter }, NOW).map((r) => `${r.kind}:${r.serial}`)
    expect(by({ level: 'confidential' })).toEqual(['copy:2026-0002'])
    expect(by({ state: 'out' })).toEqual(['copy:2026-0002'])
    expect(by({ overdueOnly: true })).toEqual(['copy:2026-0002'])
    expect(by({ received: ['2026-02-01', '2026-02-28'] })).toEqual(['copy:2026-0003'])
    expect(by({ received: ['2026-03-02', '2026-03-02'] })).toEqual(['copy:2026-0002', 'document:2026-0001'])
    const single = stateOf([copies[0] as Carrier, { ...(copies[1] as Carrier), state: 'destroyed' }])
    expect(carrierRows(single, { ...EMPTY_FILTER, state: 'destroyed' }, NOW)).toMatchObject([
      { kind: 'copy', copyNumber: 2 },
    ])
  })

  it('reads the query form’s values, ignoring anything it does not know', () => {
    const fields: QueryField[] = [
      { kind: 'keyword', key: 'keyword', label: '关键字' },
      { kind: 'select', key: 'level', label: '密级', options: [] },
      { kind: 'switch', key: 'overdueOnly', label: '仅看逾期' },
      { kind: 'dateRange', key: 'received', label: '收到日期' },
    ]
    expect(filterFromQuery(emptyQuery(fields))).toEqual(EMPTY_FILTER)
    expect(
      filterFromQuery({
        keyword: '县委',
        level: 'secret',
        state: 'lost',
        overdueOnly: true,
        received: ['2026-03-01', '2026-03-31'],
      }),
    ).toEqual({
      keyword: '县委',
      level: 'secret',
      state: '',
      overdueOnly: true,
      received: ['2026-03-01', '2026-03-31'],
    })
  })
})
