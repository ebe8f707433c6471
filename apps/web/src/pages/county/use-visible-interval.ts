import { onBeforeUnmount, onMounted } from 'vue'

/** Runs `tick` now and every `ms` while the page is visible (no polling in a background tab). */
export function useVisibleInterval(tick: () => void, ms: number): void {
  let timer: ReturnType<typeof setInterval> | null = null
  const start = (): void => {
    if (timer || document.visibilityState !== 'visible') return
    tick()
    timer = setInterval(tick, ms)
  }
  const stop = (): void => {
    if (timer) clearInterval(timer)
    timer = null
  }
  const onVisibility = (): void => (document.visibilityState === 'visible' ? start() : stop())
  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility)
    start()
  })
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility)
    stop()
  })
}
