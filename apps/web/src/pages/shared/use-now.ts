import { type Ref, ref } from 'vue'
import { useVisibleInterval } from '../county/use-visible-interval.ts'

/**
 * The time a register page judges deadlines by (overdue, due soon), ticking every `ms` while the tab is
 * visible; a page may set it (刷新) to judge again at once.
 */
export function useNow(ms = 30_000): Ref<number> {
  const now = ref(Date.now())
  useVisibleInterval(() => {
    now.value = Date.now()
  }, ms)
  return now
}
