import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { h, nextTick } from 'vue'
import type { QueryField } from '../src/shell/query-fields.ts'
import RegisterShell from '../src/shell/RegisterShell.vue'
import { settingsKey } from '../src/shell/table-settings.ts'

const columns = [
  { prop: 'serial', label: '登记编号', sortable: true },
  { prop: 'title', label: '脱密标题' },
]
const fields: QueryField[] = [
  { kind: 'keyword', key: 'q', label: '关键字' },
  { kind: 'select', key: 'level', label: '密级', options: [{ value: 'secret', label: '机密' }] },
]
const rows = Array.from({ length: 25 }, (_, i) => ({
  id: `c${i}`,
  serial: `2026-${String(i + 1).padStart(4, '0')}`,
  title: `标题${i + 1}`,
}))
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

function mountShell(extra: Record<string, unknown> = {}) {
  return mount(RegisterShell, {
    props: { registerId: 'carriers', userId: 'officer1', fields, columns, rows, rowKey: 'id', ...extra },
    attachTo: document.body,
  })
}

afterEach(() => {
  localStorage.clear()
  document.body.innerHTML = ''
})

describe('RegisterShell', () => {
  it('shows the first page, labels every query input, and emits the query on 搜索', async () => {
    const wrapper = mountShell()
    await settle()
    expect(wrapper.findAll('.el-table__body tr.el-table__row')).toHaveLength(20)
    for (const input of wrapper.findAll('.sl-register-query input')) {
      const id = input.attributes('id')
      const labelled = id !== undefined && document.querySelector(`label[for="${id}"]`) !== null
      expect(labelled || input.attributes('aria-label') !== undefined, id).toBe(true)
    }
    await wrapper.find('#carriers-q-q').setValue('标题3')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('search')?.[0]?.[0]).toEqual({ q: '标题3', level: '' })
    wrapper.unmount()
  })

  it('sorts over all rows, not only the page shown', async () => {
    const wrapper = mountShell({ initialSort: { prop: 'serial', order: 'descending' } })
    await settle()
    const first = wrapper.find('.el-table__body tr.el-table__row').text()
    expect(first).toContain('2026-0025')
    wrapper.unmount()
  })

  it('remembers the page size and hidden columns per user', async () => {
    localStorage.setItem(
      settingsKey('carriers', 'officer1'),
      JSON.stringify({
        columns: [
          { prop: 'serial', visible: true },
          { prop: 'title', visible: false },
        ],
        pageSize: 10,
      }),
    )
    const wrapper = mountShell()
    await settle()
    expect(wrapper.findAll('.el-table__body tr.el-table__row')).toHaveLength(10)
    expect(wrapper.find('.el-table__header').text()).not.toContain('脱密标题')
    const other = mountShell({ userId: 'officer2' })
    await settle()
    expect(other.findAll('.el-table__body tr.el-table__row')).toHaveLength(20)
    expect(other.find('.el-table__header').text()).toContain('脱密标题')
    wrapper.unmount()
    other.unmount()
  })

  it('shows 新增 and the paper buttons only where the register handles them', async () => {
    const bare = mountShell()
    await nextTick()
    expect(bare.text()).not.toContain('新增')
    expect(bare.text()).not.toContain('导出')
    let exported = 0
    const full = mountShell({ canAdd: true, onExport: () => void exported++ })
    await nextTick()
    expect(full.text()).toContain('新增')
    const exportButton = full.findAll('button').find((b) => b.text() === '导出')
    await exportButton?.trigger('click')
    expect(exported).toBe(1)
    await full
      .findAll('button')
      .find((b) => b.text() === '新增')
      ?.trigger('click')
    expect(full.emitted('add')).toHaveLength(1)
    bare.unmount()
    full.unmount()
  })
})

describe('RegisterShell on a phone', () => {
  it('shows cards with the same cells and actions; a document opens its copies', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query.includes('max-width'),
      addEventListener: () => {},
      removeEventListener: () => {},
    }))
    const grouped = [
      {
        id: 'doc',
        serial: '2026-0001',
        title: '关于＊＊＊',
        children: [
          { id: 'c1', serial: '2026-0001', title: '' },
          { id: 'c2', serial: '2026-0001', title: '' },
        ],
      },
      { id: 'c3', serial: '2026-0002', title: '通知' },
    ]
    const wrapper = mount(RegisterShell, {
      props: { registerId: 'carriers', userId: 'officer1', fields, columns, rows: grouped, rowKey: 'id' },
      slots: {
        actions: ({ row }: { row: object }) =>
          h('button', { class: 'act' }, `办理 ${(row as { id: string }).id}`),
      },
      attachTo: document.body,
    })
    await settle()
    expect(wrapper.find('.el-table').exists()).toBe(false)
    expect(wrapper.findAll('.sl-card')).toHaveLength(2)
    expect(wrapper.findAll('.act').map((b) => b.text())).toEqual(['办理 doc', '办理 c3'])
    // an empty plain value is left out of the card
    expect(wrapper.findAll('.sl-card')[1]?.text()).toContain('通知')
    await wrapper.find('.sl-card-toggle').trigger('click')
    expect(wrapper.findAll('.sl-card')).toHaveLength(4)
    expect(wrapper.findAll('.sl-cards-nested .sl-card')[0]?.text()).not.toContain('脱密标题')
    wrapper.unmount()
    vi.unstubAllGlobals()
  })
})
