import type { Database } from '@secledger/db'
import type { ClockWindow } from './event-clock.ts'
import type { ForegroundGate } from './foreground.ts'

/** What the sync service's paths share: storage, the trusted clock and its window, compaction, the key. */
export interface SyncContext {
  readonly database: Database
  readonly now: () => Date
  readonly clock: ClockWindow
  /** Write a snapshot after this many updates (compaction). */
  readonly snapshotEvery: number
  /** HMAC key of every stored update and snapshot (storage-key.ts), kept outside the database. */
  readonly storageKey: Uint8Array
  /** Ordinary edits in progress, which large uploads give way to (issue 10 item 8). */
  readonly foreground: ForegroundGate
}
