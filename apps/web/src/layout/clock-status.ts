import { type ComputedRef, computed, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { ClockState, type ClockStatus, clockGuard } from '../sync/clock-guard.ts'

// One reactive copy of the guard's status for the whole app (the guard itself is framework-free).
const status = shallowRef<ClockStatus>(clockGuard.status)
clockGuard.onChange((next) => {
  status.value = next
})

export interface ClockWarning {
  /** 本机时间异常 */
  readonly title: string
  /** What is wrong and what to do. */
  readonly detail: string
  /** How far off, when known. */
  readonly offset: string | null
}

/** Issue 10: the warning the top bar and the layout show while this device may not sign; null when fine. */
export function useClockWarning(): ComputedRef<ClockWarning | null> {
  const { t } = useI18n()
  return computed(() => {
    const { state, offsetMs } = status.value
    if (state === ClockState.BeforeEarliest)
      return { title: t('clock.skewed'), detail: t('clock.beforeEarliest'), offset: null }
    if (state !== ClockState.Skewed || offsetMs === null) return null
    const minutes = Math.round(Math.abs(offsetMs) / 60_000)
    // offset = server − device: a negative offset is a device ahead of the server.
    const how = offsetMs < 0 ? t('clock.ahead', { n: minutes }) : t('clock.behind', { n: minutes })
    return { title: t('clock.skewed'), detail: t('clock.explain'), offset: how }
  })
}
