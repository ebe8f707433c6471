import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import HistoryDrawer from '../src/HistoryDrawer.vue'
import type { HistoryEntry } from '../src/history-entry.ts'
import { UI_LOCALE_KEY } from '../src/ui-messages.ts'

const REGISTERED: HistoryEntry = {
  eventId: 'e1',
  at: 1,
  actorId: 'officer1',
  actorName: '王保密',
  type: 'carrier.registered',
  label: { zh: '登记', en: 'Registered' },
  detail: { zh: '登记编号 2026-0001', en: 'Serial 2026-0001' },
  signature: 'verified',
  refused: null,
}

const HANDED_OUT: HistoryEntry = {
  eventId: 'e2',
  at: 3,
  happenedAt: 2,
  actorId: 'officer1',
  actorName: '王保密',
  type: 'carrier.handed_out',
  label: { zh: '分发阅读', en: 'Handed out to read' },
  detail: { zh: '借给 刘读者', en: 'To 刘读者' },
  signature: 'verified',
  refused: null,
}

const FORGED: HistoryEntry = {
  eventId: 'e3',
  at: 4,
  actorId: 'stranger',
  actorName: 'stranger',
  type: 'carrier.destroyed',
  label: { zh: '销毁', en: 'Destroyed' },
  detail: { zh: '送销', en: 'Sent for destruction' },
  signature: 'invalid',
  refused: { code: 'C-11', zh: '未经批准不得销毁', en: 'Destruction needs an approval' },
}

const TIMES: Record<number, string> = { 1: 'T1', 2: 'T2', 3: 'T3', 4: 'T4' }

function mountDrawer(entries: readonly HistoryEntry[], locale: 'zh-CN' | 'en' = 'zh-CN') {
  return mount(HistoryDrawer, {
    props: {
      modelValue: true,
      title: '操作日志 · 2026-0001',
      entries,
      formatTime: (ms: number) => TIMES[ms] ?? String(ms),
    },
    global: { provide: { [UI_LOCALE_KEY as symbol]: ref(locale) } },
  })
}

describe('HistoryDrawer (操作日志)', () => {
  it('has a heading and lists the entries in the order given, as an ordered list', async () => {
    const wrapper = mountDrawer([REGISTERED, HANDED_OUT, FORGED])
    await nextTick()
    expect(wrapper.find('h2').text()).toBe('操作日志 · 2026-0001')
    const items = wrapper.findAll('ol.sl-history-list > li')
    expect(items.map((li) => li.attributes('data-event-id'))).toEqual(['e1', 'e2', 'e3'])
    expect(items[0]?.text()).toContain('T1')
    expect(items[0]?.text()).toContain('王保密')
    expect(items[0]?.text()).toContain('登记')
    expect(items[0]?.text()).toContain('登记编号 2026-0001')
  })

  it('shows both times of a late entry (补录): when it happened and when it was recorded', async () => {
    const wrapper = mountDrawer([HANDED_OUT])
    await nextTick()
    const item = wrapper.find('li')
    expect(item.find('.sl-history-happened').text()).toBe('发生 T2')
    expect(item.find('.sl-history-recorded').text()).toBe('录入 T3')
    expect(item.text()).toContain('补录')
  })

  it('marks the signature in words, not colour alone: ✓ 签名已验证 / ✗ 签名无效', async () => {
    const wrapper = mountDrawer([REGISTERED, FORGED])
    await nextTick()
    const [good, bad] = wrapper.findAll('li')
    expect(good?.find('[aria-label="签名已验证"]').text()).toBe('✓ 签名已验证')
    expect(bad?.find('[aria-label="签名无效"]').text()).toBe('✗ 签名无效')
    expect(good?.text()).not.toContain('签名无效')
  })

  it('C-11 shows a refused entry as 未生效 with its reason and rule', async () => {
    const wrapper = mountDrawer([REGISTERED, FORGED])
    await nextTick()
    const [applied, refused] = wrapper.findAll('li')
    expect(applied?.find('.sl-history-refused').exists()).toBe(false)
    expect(refused?.classes()).toContain('is-refused')
    expect(refused?.find('.sl-history-refused').text()).toContain('未生效：未经批准不得销毁')
    expect(refused?.find('.sl-history-refused').text()).toContain('规则 C-11')
  })

  it('speaks English when the app provides the en locale', async () => {
    const wrapper = mountDrawer([HANDED_OUT, FORGED], 'en')
    await nextTick()
    expect(wrapper.text()).toContain('Handed out to read')
    expect(wrapper.text()).toContain('Happened T2')
    expect(wrapper.text()).toContain('Signature invalid')
    expect(wrapper.text()).toContain('Not applied: Destruction needs an approval')
  })

  it('opens from the right, and fills the screen when asked to (a phone)', async () => {
    const wide = mountDrawer([REGISTERED])
    await nextTick()
    expect(wide.find('.el-drawer').classes()).toContain('rtl')
    expect(wide.find('.el-drawer').attributes('style')).toContain('width: 520px')
    const full = mount(HistoryDrawer, {
      props: { modelValue: true, title: '操作日志', entries: [REGISTERED], fullScreen: true },
    })
    await nextTick()
    expect(full.find('.el-drawer').attributes('style')).toContain('width: 100%')
  })

  it('says so when there is nothing to list', async () => {
    const wrapper = mountDrawer([])
    await nextTick()
    expect(wrapper.find('ol').exists()).toBe(false)
    expect(wrapper.text()).toContain('暂无操作记录')
  })
})
