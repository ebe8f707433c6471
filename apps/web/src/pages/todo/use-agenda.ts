import { type ComputedRef, computed, ref } from 'vue'
import {
  AGENDA_CONTEXT,
  agendaCounts,
  agendaGroups,
  type TodoCounts,
  type TodoGroups,
} from '../../register/agenda-rows.ts'
import { useRegisterStore } from '../../stores/register-store.ts'
import { useSessionStore } from '../../stores/session-store.ts'
import { activeReplica } from '../../sync/replica-session.ts'
import { useVisibleInterval } from '../county/use-visible-interval.ts'

/** Deadlines pass while the page stays open: the agenda is asked again each minute (not in a hidden tab). */
const TICK_MS = 60_000

export interface AgendaModel {
  readonly now: ComputedRef<number>
  readonly groups: ComputedRef<TodoGroups>
  readonly counts: ComputedRef<TodoCounts>
  /** The replica is not folded yet: the counts are not known. */
  readonly loading: ComputedRef<boolean>
}

/**
 * The 待办 of the signed-in user from the local replica (works offline): recomputed when the fold's
 * state changes (a new snapshot object) and each minute while the tab is visible.
 */
export function useAgenda(): AgendaModel {
  const store = useRegisterStore()
  const session = useSessionStore()
  const now = ref(Date.now())
  useVisibleInterval(() => {
    now.value = Date.now()
  }, TICK_MS)
  const groups = computed(() => {
    const user = session.user
    const viewer = { userId: user?.id ?? '', roles: user?.roles ?? [] }
    // The replica's own fold context (calendar, policy), so the agenda judges as the fold did.
    return agendaGroups(store.state, now.value, viewer, activeReplica()?.ctx ?? AGENDA_CONTEXT)
  })
  return {
    now: computed(() => now.value),
    groups,
    counts: computed(() => agendaCounts(groups.value)),
    loading: computed(() => store.state === null),
  }
}
