import type { DomainError, KeyDirectory } from '@secledger/domain'
import { requestJson } from '../api/http-client.ts'
import { secretKeyInMemory } from '../auth/key-vault.ts'
import { reauthenticate } from '../auth/offline-reauth.ts'
import { appDb } from '../db/db-instance.ts'
import { useRegisterStore } from '../stores/register-store.ts'
import { clockGuard } from './clock-guard.ts'
import { watchServerClock } from './clock-watch.ts'
import { EventWriter } from './event-writer.ts'
import { ReplicaSync } from './replica-sync.ts'
import { UnitReplica } from './unit-replica.ts'

interface ActiveReplica {
  readonly replica: UnitReplica
  readonly sync: ReplicaSync
  readonly writer: EventWriter
  readonly stopListening: () => void
  readonly stopClockWatch: () => void
}

let active: ActiveReplica | null = null

export interface ReplicaStart {
  readonly unit: string
  readonly directory: KeyDirectory
  readonly userId: string
  readonly deviceId: string
  /** Shows a server refusal to the officer (Chinese first). */
  readonly notify: (error: DomainError) => void
}

function syncUrl(unit: string): string {
  const scheme = globalThis.location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${globalThis.location.host}/api/sync/${encodeURIComponent(unit)}`
}

/** Load the unit doc from IndexedDB (offline is fine), fold it into the store, then start syncing. */
export async function startReplica(start: ReplicaStart): Promise<void> {
  stopReplica()
  const store = useRegisterStore()
  store.reset()
  store.loading = true
  const db = appDb()
  const replica = new UnitReplica(db, start.unit, start.directory)
  const stopListening = replica.onChange((snap) => {
    store.state = snap.state
    store.pending = snap.pending
    store.lastAckAt = snap.lastAckAt
    store.quarantined = snap.quarantined
  })
  await replica.open()
  store.loading = false
  const sync = new ReplicaSync({
    url: syncUrl(start.unit),
    replica,
    onAck: () => {
      store.syncError = null
    },
    onError: (error) => {
      store.syncError = error
      start.notify(error)
    },
    onStatus: (status) => {
      store.online = status.online
      store.connected = status.connected
    },
    onUnauthenticated: reauthenticate,
    events: globalThis.window,
  })
  const writer = new EventWriter(db, replica, {
    userId: start.userId,
    deviceId: start.deviceId,
    secretKey: secretKeyInMemory,
  })
  const stopClockWatch = watchServerClock({
    guard: clockGuard,
    probe: recheckClock,
    events: globalThis.window,
  })
  active = { replica, sync, writer, stopListening, stopClockWatch }
  sync.start()
}

/**
 * Asks the server for its time now (issue 10: after the officer corrected the system clock). True when
 * the server answered.
 */
export async function recheckClock(): Promise<boolean> {
  const result = await requestJson('/api/health')
  return result.ok || result.kind === 'http'
}

export function activeWriter(): EventWriter | null {
  return active?.writer ?? null
}

export function activeReplica(): UnitReplica | null {
  return active?.replica ?? null
}

export function stopReplica(): void {
  if (!active) return
  active.sync.stop()
  active.stopListening()
  active.stopClockWatch()
  active.replica.close()
  active = null
}
