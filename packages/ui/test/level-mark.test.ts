import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import LevelMark from '../src/LevelMark.vue'

describe('LevelMark', () => {
  it('D-03 shows the marking 机密★10年 with the period', () => {
    const wrapper = mount(LevelMark, { props: { level: 'secret', periodYears: 10 } })
    expect(wrapper.text()).toBe('机密★10年')
    expect(wrapper.classes()).toContain('sl-level-secret')
  })

  it('D-03 shows the maximum period when none is set', () => {
    const wrapper = mount(LevelMark, { props: { level: 'top_secret', periodYears: null } })
    expect(wrapper.text()).toBe('绝密★30年')
  })

  it('shows a non-state-secret level without a star', () => {
    const wrapper = mount(LevelMark, { props: { level: 'internal' } })
    expect(wrapper.text()).toBe('内部')
  })
})
