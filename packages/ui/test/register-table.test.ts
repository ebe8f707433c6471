import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import RegisterTable from '../src/RegisterTable.vue'

const columns = [
  { prop: 'serial', label: '登记编号' },
  { prop: 'level', label: '密级', slot: true },
]

describe('RegisterTable', () => {
  it('renders the configured headers, plain cells and slotted cells', async () => {
    const wrapper = mount(RegisterTable, {
      props: { rows: [{ id: 'a', serial: '2026-0001', level: 'secret' }], columns, rowKey: 'id' },
      slots: {
        'cell-level': ({ row }: { row: object }) =>
          h('b', { class: 'slotted' }, (row as { level: string }).level),
      },
      attachTo: document.body,
    })
    await new Promise((resolve) => setTimeout(resolve, 0))
    const text = wrapper.text()
    expect(text).toContain('登记编号')
    expect(text).toContain('密级')
    expect(text).toContain('2026-0001')
    expect(wrapper.find('.slotted').text()).toBe('secret')
    wrapper.unmount()
  })

  it('shows the empty text when there are no rows', async () => {
    const wrapper = mount(RegisterTable, {
      props: { rows: [], columns, rowKey: 'id', emptyText: '暂无登记的载体' },
      attachTo: document.body,
    })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(wrapper.text()).toContain('暂无登记的载体')
    wrapper.unmount()
  })
})
