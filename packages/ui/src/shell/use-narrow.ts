import { onBeforeUnmount, onMounted, type Ref, ref } from 'vue'

/** A phone-sized viewport (≤ 640 px wide): the shell shows cards instead of a wide table. */
export const NARROW_QUERY = '(max-width: 640px)'

export function useNarrow(query: string = NARROW_QUERY): Ref<boolean> {
  const list = globalThis.matchMedia?.(query)
  const narrow = ref(list?.matches ?? false)
  const change = (event: MediaQueryListEvent) => {
    narrow.value = event.matches
  }
  onMounted(() => list?.addEventListener('change', change))
  onBeforeUnmount(() => list?.removeEventListener('change', change))
  return narrow
}
