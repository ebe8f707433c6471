import type { KeyDirectory } from '@secledger/domain'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { hasRole, type SessionUser } from '../auth/session-user.ts'

/** Who is signed in on this tab. The signing key is not here: it stays in auth/key-vault.ts. */
export const useSessionStore = defineStore('session', () => {
  const user = shallowRef<SessionUser | null>(null)
  const directory = shallowRef<KeyDirectory | null>(null)
  const deviceId = ref<string | null>(null)
  const offlineLogin = ref(false)

  const isCounty = computed(() => hasRole(user.value, 'county'))
  const isOfficer = computed(() => hasRole(user.value, 'officer'))
  const isLeader = computed(() => hasRole(user.value, 'leader'))

  function signIn(next: {
    user: SessionUser
    directory: KeyDirectory
    deviceId: string
    offline: boolean
  }): void {
    user.value = next.user
    directory.value = next.directory
    deviceId.value = next.deviceId
    offlineLogin.value = next.offline
  }

  function signOut(): void {
    user.value = null
    directory.value = null
    offlineLogin.value = false
  }

  return { user, directory, deviceId, offlineLogin, isCounty, isOfficer, isLeader, signIn, signOut }
})
