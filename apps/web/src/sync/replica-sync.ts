import * as Y from 'yjs'
import type { SyncError } from './sync-messages.ts'
import { SyncProvider, type SyncProviderOptions, type SyncRefusal, type SyncStatus } from './sync-provider.ts'
import type { UnitReplica } from './unit-replica.ts'

export interface ReplicaSyncOptions {
  readonly url: string
  readonly replica: UnitReplica
  /** Every ERROR frame, shown to the officer in Chinese. */
  readonly onError: (error: SyncError) => void
  /** A data message was acknowledged: the last refusal is behind us. */
  readonly onAck?: () => void
  readonly onStatus?: (status: SyncStatus) => void
  readonly onUnauthenticated?: () => Promise<boolean>
  readonly WebSocketImpl?: typeof WebSocket
  readonly events?: Pick<Window, 'addEventListener' | 'removeEventListener'>
  readonly isOnline?: () => boolean
  readonly now?: () => number
  readonly minBackoffMs?: number
  readonly maxBackoffMs?: number
}

const RELEASING = Symbol('releasing')

/** Refusal codes that judge an event by itself, not the update that carried it. */
const EVENT_VERDICTS: ReadonlySet<string> = new Set(['SYNC-BAD-EVENT', 'SYNC-CLOCK-SKEW'])

/**
 * Keeps a replica in sync with the server and gets it unstuck after a refusal (ARCHITECTURE 5: a
 * silently dropped update stalls its client forever, and the server refuses every update that depends
 * on a refused one). On a refusal: the refused events go to the quarantine — or, when the message
 * carried several, become suspects — the replica is rebuilt from the server's state with a new client
 * id (a second connection fetches that state), and syncing resumes; suspects are then sent one per
 * update, so a later refusal names exactly one event.
 */
export class ReplicaSync {
  private provider: SyncProvider | null = null
  private stopFetch: (() => void) | null = null
  private stopped = false
  private probing: string | typeof RELEASING | null = null
  private readonly opts: ReplicaSyncOptions

  constructor(options: ReplicaSyncOptions) {
    this.opts = options
  }

  start(): void {
    this.stopped = false
    if (this.opts.replica.needsRecovery) void this.recover()
    else this.connect()
  }

  stop(): void {
    this.stopped = true
    this.provider?.destroy()
    this.provider = null
    this.stopFetch?.()
  }

  private now(): number {
    return (this.opts.now ?? Date.now)()
  }

  private baseOptions(): Omit<SyncProviderOptions, 'doc' | 'pendingIds' | 'onAck' | 'onError'> {
    const { url, onStatus, onUnauthenticated, WebSocketImpl, events, isOnline, minBackoffMs, maxBackoffMs } =
      this.opts
    return {
      url,
      ...(onStatus && { onStatus }),
      ...(onUnauthenticated && { onUnauthenticated }),
      ...(WebSocketImpl && { WebSocketImpl }),
      ...(events && { events }),
      ...(isOnline && { isOnline }),
      ...(minBackoffMs !== undefined && { minBackoffMs }),
      ...(maxBackoffMs !== undefined && { maxBackoffMs }),
    }
  }

  private connect(): void {
    if (this.stopped) return
    const replica = this.opts.replica
    this.probing = null
    const provider: SyncProvider = new SyncProvider({
      ...this.baseOptions(),
      doc: replica.doc,
      pendingIds: () => replica.pending,
      onAck: (ids) => {
        this.opts.onAck?.()
        void replica.acknowledge(ids, this.now()).then(() => this.probe(provider))
      },
      onError: this.opts.onError,
      onRefused: (refusal) => void this.onRefused(provider, refusal),
    })
    this.provider = provider
    provider.connect()
  }

  /** Sends the next suspect once the previous one is acknowledged (and the handshake is done). */
  private async probe(provider: SyncProvider): Promise<void> {
    const replica = this.opts.replica
    if (provider !== this.provider || !provider.currentStatus.synced) return
    if (replica.suspects.length === 0) return
    if (this.probing === RELEASING) return
    if (this.probing !== null && replica.pending.includes(this.probing)) return
    this.probing = RELEASING
    this.probing = await replica.releaseSuspect()
  }

  private async onRefused(provider: SyncProvider, refusal: SyncRefusal): Promise<void> {
    if (provider !== this.provider) return
    provider.destroy()
    this.provider = null
    const { eventIds, kind, error } = refusal
    // One event alone in an update, or with a verdict on the event itself (signature, authority, a time
    // beyond the bound): it is the refused one.
    const certain = eventIds.length === 1 && (kind === 'update' || EVENT_VERDICTS.has(error.code))
    await this.opts.replica.refuse({
      error: { code: error.code, message: error.message },
      refusedIds: certain ? eventIds : [],
      suspectIds: certain ? [] : eventIds,
      at: this.now(),
    })
    await this.recover()
  }

  /** Fetches the server's state into a new doc, rebuilds the replica from it, then syncs again. */
  private async recover(): Promise<void> {
    let delayMs = this.opts.minBackoffMs ?? 500
    while (!this.stopped) {
      const fresh = new Y.Doc()
      if (!(await this.fetchServerState(fresh))) {
        fresh.destroy()
        return
      }
      try {
        await this.opts.replica.rebuild(fresh)
        break
      } catch (error) {
        fresh.destroy()
        console.error('[sync] could not rebuild the replica', error)
        await new Promise((resolve) => setTimeout(resolve, delayMs))
        delayMs = Math.min(delayMs * 2, this.opts.maxBackoffMs ?? 10_000)
      }
    }
    this.connect()
  }

  /** True once `doc` holds the server's state; false when stopped first. Retries like any connection. */
  private fetchServerState(doc: Y.Doc): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (got: boolean): void => {
        fetcher.destroy()
        this.stopFetch = null
        resolve(got)
      }
      const fetcher = new SyncProvider({
        ...this.baseOptions(),
        doc,
        pendingIds: () => [],
        onAck: () => undefined,
        onError: this.opts.onError,
        onServerState: () => finish(true),
      })
      this.stopFetch = () => finish(false)
      if (this.stopped) finish(false)
      else fetcher.connect()
    })
  }
}
