import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import RefusalAlert from '../src/RefusalAlert.vue'
import StateTag from '../src/StateTag.vue'
import SyncStatus from '../src/SyncStatus.vue'
import { UI_LOCALE_KEY } from '../src/ui-messages.ts'

describe('StateTag', () => {
  it('shows 传阅中 and a red 逾期 tag for an overdue hand-out (C-05)', () => {
    const wrapper = mount(StateTag, { props: { state: 'out', overdue: true } })
    expect(wrapper.text()).toContain('传阅中')
    expect(wrapper.find('.sl-overdue').text()).toBe('逾期')
    expect(wrapper.find('.sl-overdue').classes()).toContain('el-tag--danger')
  })

  it('shows 在册 without an overdue tag', () => {
    const wrapper = mount(StateTag, { props: { state: 'in_custody' } })
    expect(wrapper.text()).toBe('在册')
    expect(wrapper.find('.sl-overdue').exists()).toBe(false)
  })

  it('speaks English when the app provides the en locale', () => {
    const wrapper = mount(StateTag, {
      props: { state: 'destroyed' },
      global: { provide: { [UI_LOCALE_KEY as symbol]: ref('en') } },
    })
    expect(wrapper.text()).toBe('Destroyed')
  })
})

describe('SyncStatus', () => {
  it('shows 离线 and the pending count while offline', () => {
    const wrapper = mount(SyncStatus, { props: { online: false, pending: 3, lastSyncAt: null } })
    expect(wrapper.text()).toContain('离线')
    expect(wrapper.text()).toContain('待同步 3 条')
    expect(wrapper.text()).toContain('尚未同步')
    expect(wrapper.text()).not.toContain('已同步')
  })

  it('shows 已同步 only once an acknowledgement time exists', () => {
    const wrapper = mount(SyncStatus, {
      props: { online: true, connected: true, pending: 0, lastSyncAt: 0, formatTime: () => '08:30' },
    })
    expect(wrapper.text()).toContain('在线')
    expect(wrapper.text()).toContain('已同步')
    expect(wrapper.text()).toContain('最后同步：08:30')
  })
})

describe('RefusalAlert', () => {
  it('C-07 shows the refusal message with its rule code', () => {
    const wrapper = mount(RefusalAlert, {
      props: {
        error: { code: 'C-07', message: { zh: '绝密载体未经原定密机关同意不得复制', en: 'no copy' } },
      },
    })
    expect(wrapper.text()).toContain('绝密载体未经原定密机关同意不得复制')
    expect(wrapper.text()).toContain('规则 C-07')
  })

  it('shows a code that is not a rule ID as it is', () => {
    const wrapper = mount(RefusalAlert, {
      props: { error: { code: 'AUTH-FAILED', message: { zh: '用户名或密码错误', en: 'Wrong' } } },
    })
    expect(wrapper.find('.sl-refusal-code').text()).toBe('AUTH-FAILED')
  })

  it('renders nothing without an error', () => {
    const wrapper = mount(RefusalAlert, { props: { error: null } })
    expect(wrapper.find('.sl-refusal').exists()).toBe(false)
  })
})
