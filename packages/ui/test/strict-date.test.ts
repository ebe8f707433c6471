import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import StrictDatePicker from '../src/forms/StrictDatePicker.vue'
import { parseStrictDay } from '../src/forms/strict-day.ts'

describe('strict dates (issue 12: 2026-02-30 was stored as 2026-03-02)', () => {
  it('reads the forms officers type, full-width digits too', () => {
    for (const text of [
      '2026-03-02',
      '2026/3/2',
      '2026.3.2',
      '2026年3月2日',
      '２０２６－０３－０２',
      ' 2026-3-2 ',
    ])
      expect(parseStrictDay(text), text).toEqual({ ok: true, day: '2026-03-02' })
    expect(parseStrictDay('')).toBeNull()
    expect(parseStrictDay('  ')).toBeNull()
  })

  it('an impossible or malformed day is an error, never rolled over', () => {
    for (const text of [
      '2026-02-30',
      '2026/2/29',
      '2026-13-01',
      '2026-00-10',
      '2026年4月31日',
      '3/2/2026',
      '二〇二六年三月二日',
      '2026-03-02T10:00',
    ])
      expect(parseStrictDay(text), text).toEqual({ ok: false, text })
    expect(parseStrictDay('2028-02-29')).toEqual({ ok: true, day: '2028-02-29' })
  })

  it('the picker keeps its value and shows an error for a typed impossible day; a valid one in any form is taken', async () => {
    const value = ref<string | null>('2026-03-01')
    const wrapper = mount(StrictDatePicker, {
      props: {
        id: 'd1',
        ariaLabel: '收到日期',
        modelValue: value.value,
        'onUpdate:modelValue': (v: string | null) => {
          value.value = v
        },
      },
      attachTo: document.body,
    })
    await nextTick()
    const input = wrapper.find('input#d1')
    ;(input.element as HTMLInputElement).value = '2026-02-30'
    await input.trigger('change')
    expect(value.value).toBe('2026-03-01')
    expect(wrapper.find('[role="alert"]').text()).toContain('2026-02-30')
    expect(input.attributes('aria-invalid')).toBe('true')
    ;(input.element as HTMLInputElement).value = '2026年3月5日'
    await input.trigger('keydown', { key: 'Enter' })
    expect(value.value).toBe('2026-03-05')
    await wrapper.setProps({ modelValue: value.value })
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
