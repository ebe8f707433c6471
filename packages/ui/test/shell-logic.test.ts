import { describe, expect, it } from 'vitest'
import {
  activeCount,
  emptyQuery,
  inDayRange,
  matchesKeyword,
  type QueryField,
} from '../src/shell/query-fields.ts'
import { clampPage, pageOf, sortRows } from '../src/shell/sort-rows.ts'
import {
  defaultSettings,
  fitSettings,
  loadSettings,
  moveColumn,
  saveSettings,
  setColumn,
  settingsKey,
} from '../src/shell/table-settings.ts'

const fields: QueryField[] = [
  { kind: 'keyword', key: 'q', label: '关键字' },
  { kind: 'select', key: 'level', label: '密级', options: [{ value: 'secret', label: '机密' }] },
  { kind: 'dateRange', key: 'received', label: '收文日期' },
  { kind: 'switch', key: 'overdue', label: '只看逾期' },
]

describe('query fields', () => {
  it('an untouched form filters nothing; set fields are counted', () => {
    const empty = emptyQuery(fields)
    expect(empty).toEqual({ q: '', level: '', received: null, overdue: false })
    expect(activeCount(fields, empty)).toBe(0)
    expect(activeCount(fields, { ...empty, level: 'secret', overdue: true })).toBe(2)
  })

  it('a keyword matches any of the texts, trimmed, ignoring case and full-width forms', () => {
    expect(matchesKeyword('  ', ['x'])).toBe(true)
    expect(matchesKeyword('县委发', ['2026-0001', '县委发〔2026〕7号'])).toBe(true)
    expect(matchesKeyword('ＡＢ１', ['ab1-x'])).toBe(true)
    expect(matchesKeyword('刘', ['2026-0001', null, undefined, '张三'])).toBe(false)
  })

  it('a day range includes both ends', () => {
    expect(inDayRange('2026-03-02', ['2026-03-02', '2026-03-05'])).toBe(true)
    expect(inDayRange('2026-03-05', ['2026-03-02', '2026-03-05'])).toBe(true)
    expect(inDayRange('2026-03-06', ['2026-03-02', '2026-03-05'])).toBe(false)
    expect(inDayRange('2026-03-06', null)).toBe(true)
  })
})

describe('sorting and paging over all rows', () => {
  const rows = [
    { id: 'a', serial: '2026-0010', due: null },
    { id: 'b', serial: '2026-0002', due: 5 },
    { id: 'c', serial: '2026-0100', due: 3 },
  ]
  const readValue = (row: (typeof rows)[number], prop: string) =>
    (row as Record<string, string | number | null>)[prop]

  it('sorts numerically inside text (2026-0010 after 2026-0002), both ways; empty values last', () => {
    expect(sortRows(rows, { prop: 'serial', order: 'ascending' }, readValue).map((r) => r.id)).toEqual([
      'b',
      'a',
      'c',
    ])
    expect(sortRows(rows, { prop: 'serial', order: 'descending' }, readValue).map((r) => r.id)).toEqual([
      'c',
      'a',
      'b',
    ])
    expect(sortRows(rows, { prop: 'due', order: 'ascending' }, readValue).map((r) => r.id)).toEqual([
      'c',
      'b',
      'a',
    ])
    expect(sortRows(rows, { prop: 'due', order: 'descending' }, readValue).map((r) => r.id)).toEqual([
      'b',
      'c',
      'a',
    ])
    expect(sortRows(rows, null, readValue).map((r) => r.id)).toEqual(['a', 'b', 'c'])
  })

  it('pages and keeps the page within the rows left', () => {
    const many = Array.from({ length: 45 }, (_, i) => i)
    expect(pageOf(many, 3, 20)).toEqual([40, 41, 42, 43, 44])
    expect(clampPage(3, 45, 20)).toBe(3)
    expect(clampPage(3, 10, 20)).toBe(1)
    expect(clampPage(0, 0, 20)).toBe(1)
  })
})

describe('table settings, remembered per user and register', () => {
  const props = ['serial', 'docNumber', 'title']

  it('saved choices survive a changed register: unknown columns dropped, new ones appended, bad values ignored', () => {
    const saved = {
      columns: [
        { prop: 'title', visible: false, width: 5000 },
        { prop: 'gone', visible: true },
        { prop: 'serial', visible: true, width: 99.6 },
        { prop: 'serial', visible: false },
        'junk',
      ],
      density: 'small',
      pageSize: 50,
    }
    expect(fitSettings(saved, props)).toEqual({
      columns: [
        { prop: 'title', visible: false, width: 800 },
        { prop: 'serial', visible: true, width: 100 },
        { prop: 'docNumber', visible: true },
      ],
      density: 'small',
      pageSize: 50,
    })
    expect(fitSettings({ density: 'huge', pageSize: 7 }, props)).toEqual(defaultSettings(props))
    expect(fitSettings('nonsense', props)).toEqual(defaultSettings(props))
  })

  it('a column hidden by default stays hidden until the user turns it on, and stays on after', () => {
    const props = ['serial', 'receivedOn']
    expect(defaultSettings(props, ['receivedOn']).columns).toEqual([
      { prop: 'serial', visible: true },
      { prop: 'receivedOn', visible: false },
    ])
    // a register that adds a hidden column: users' saved settings get it hidden too
    expect(
      fitSettings({ columns: [{ prop: 'serial', visible: true }] }, props, ['receivedOn']).columns,
    ).toEqual([
      { prop: 'serial', visible: true },
      { prop: 'receivedOn', visible: false },
    ])
    const chosen = {
      columns: [
        { prop: 'serial', visible: true },
        { prop: 'receivedOn', visible: true },
      ],
    }
    expect(fitSettings(chosen, props, ['receivedOn']).columns[1]).toEqual({
      prop: 'receivedOn',
      visible: true,
    })
  })

  it('moves, hides, and round-trips through storage under a per-user key', () => {
    let settings = moveColumn(defaultSettings(props), 'title', -1)
    expect(settings.columns.map((c) => c.prop)).toEqual(['serial', 'title', 'docNumber'])
    expect(moveColumn(settings, 'serial', -1)).toBe(settings)
    settings = setColumn(settings, 'docNumber', { visible: false })
    const store = new Map<string, string>()
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    }
    const key = settingsKey('carriers', 'officer1')
    expect(key).not.toBe(settingsKey('carriers', 'officer2'))
    saveSettings(storage, key, settings)
    expect(loadSettings(storage, key, props)).toEqual(settings)
    expect(loadSettings(storage, settingsKey('carriers', 'officer2'), props)).toEqual(defaultSettings(props))
    store.set(key, '{broken')
    expect(loadSettings(storage, key, props)).toEqual(defaultSettings(props))
  })
})
