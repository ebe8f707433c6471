import type { DomainError, RegisterState } from '@secledger/domain'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { QuarantineRow } from '../db/secledger-db.ts'

/** The folded register and the sync indicator's figures; filled by sync/replica-session.ts. */
export const useRegisterStore = defineStore('register', () => {
  // The fold's snapshots are immutable values: shallow, never made deeply reactive.
  const state = shallowRef<RegisterState | null>(null)
  const loading = ref(false)
  const pending = ref(0)
  const lastAckAt = ref<number | null>(null)
  const online = ref(globalThis.navigator?.onLine ?? true)
  const connected = ref(false)
  const syncError = shallowRef<DomainError | null>(null)
  /** 被拒绝的记录: events the server refused, kept on this device. */
  const quarantined = shallowRef<readonly QuarantineRow[]>([])

  function reset(): void {
    state.value = null
    loading.value = false
    pending.value = 0
    lastAckAt.value = null
    connected.value = false
    syncError.value = null
    quarantined.value = []
  }

  return { state, loading, pending, lastAckAt, online, connected, syncError, quarantined, reset }
})
