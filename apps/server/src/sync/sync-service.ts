import type { Database } from '@secledger/db'
import { DEFAULT_MAX_CLOCK_SKEW_MS } from '@secledger/domain'
import { compact } from './compaction.ts'
import { createDocCache, type DocCache } from './doc-cache.ts'
import { DEFAULT_MAX_EVENT_AGE_MS } from './event-clock.ts'
import { createForegroundGate, type ForegroundGate } from './foreground.ts'
import { type IngestResult, ingestUpdate, type UpdateOrigin } from './ingest.ts'
import { loadUnitDoc } from './load-unit-doc.ts'
import { CloseCode } from './protocol.ts'
import { PROCESS_STORAGE_KEY, STORAGE_KEY_BYTES } from './storage-key.ts'
import type { SyncContext } from './sync-context.ts'
import type { SyncPeer, UnitDoc } from './unit-doc.ts'

export interface SyncServiceOptions {
  readonly database: Database
  readonly now?: () => Date
  /** Docs kept in memory (LRU); docs with peers are never evicted. */
  readonly maxDocs?: number
  /** Compaction: a snapshot after this many updates. */
  readonly snapshotEvery?: number
  /**
   * How far ahead of `now()` an event's time may be (issue 10 item 1); further → SYNC-CLOCK-SKEW.
   * Default DEFAULT_MAX_CLOCK_SKEW_MS (5 minutes). Also the fold's bound on stored events.
   */
  readonly maxClockSkewMs?: number
  /** How far behind `now()` an event's time may be; older → SYNC-CLOCK-SKEW. Default 366 days. */
  readonly maxEventAgeMs?: number
  /**
   * HMAC key (≥ 32 bytes) of every stored update and snapshot, kept outside the database (issue 10
   * item 7; `loadStorageKey` in storage-key.ts). Every node of one database needs the same key.
   * Default: a random key of this process — safe, but after a restart every stored row is
   * re-verified and every snapshot ignored once.
   */
  readonly storageKey?: Uint8Array
}

/** The server side of sync, transport-free: docs, peers and the ingest path. */
export interface SyncService {
  /** Loads (or finds) the unit's doc and adds the peer to it, atomically with respect to eviction. */
  join(unitId: string, peer: SyncPeer): Promise<UnitDoc>
  leave(unit: UnitDoc, peer: SyncPeer): void
  /** The doc for server-side writers (demo seed); not pinned by a peer. */
  open(unitId: string): Promise<UnitDoc>
  ingest(unit: UnitDoc, update: Uint8Array, origin: UpdateOrigin): Promise<IngestResult>
  readonly cache: DocCache<UnitDoc>
  /** Ordinary edits in progress, which large uploads give way to (issue 10 item 8). */
  readonly foreground: ForegroundGate
  /** Waits for queued work on every doc. */
  drain(): Promise<void>
}

function contextOf(options: SyncServiceOptions): SyncContext {
  const storageKey = options.storageKey ?? PROCESS_STORAGE_KEY
  if (storageKey.byteLength < STORAGE_KEY_BYTES) {
    throw new Error(`the storage key must have at least ${STORAGE_KEY_BYTES} bytes`)
  }
  return {
    database: options.database,
    now: options.now ?? (() => new Date()),
    clock: {
      maxClockSkewMs: options.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS,
      maxEventAgeMs: options.maxEventAgeMs ?? DEFAULT_MAX_EVENT_AGE_MS,
    },
    snapshotEvery: options.snapshotEvery ?? 500,
    storageKey,
    foreground: createForegroundGate(),
  }
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const ctx = contextOf(options)
  const cache = createDocCache<UnitDoc>({
    capacity: options.maxDocs ?? 200,
    async load(unitId) {
      const { unit, reverified } = await loadUnitDoc(ctx, unitId)
      // Rows re-verified now are vouched by a snapshot from now on (and rows left out stay out).
      if (reverified > 0) void unit.queue.run(() => compact(ctx, unit, true))
      return unit
    },
    isIdle: (unit) => unit.peers.size === 0 && unit.queue.pending === 0,
  })

  async function open(unitId: string): Promise<UnitDoc> {
    for (;;) {
      const unit = await cache.get(unitId)
      // Another load may have evicted it between resolution and now; then load again.
      if (cache.peek(unitId) === unit) return unit
    }
  }

  /** The doc no longer mirrors the database: drop it; its peers reconnect and resync from storage. */
  function discard(unit: UnitDoc): void {
    if (cache.peek(unit.unitId) === unit) cache.delete(unit.unitId)
    for (const peer of unit.peers) peer.close(CloseCode.ServerError, 'resync')
    unit.peers.clear()
  }

  return {
    cache,
    foreground: ctx.foreground,
    open,
    async join(unitId, peer) {
      const unit = await open(unitId)
      unit.peers.add(peer)
      return unit
    },
    leave(unit, peer) {
      unit.peers.delete(peer)
    },
    async ingest(unit, update, origin) {
      try {
        return await ingestUpdate(ctx, unit, update, origin)
      } finally {
        if (unit.broken) discard(unit)
      }
    },
    async drain() {
      await Promise.all(cache.values().map((unit) => unit.queue.drain()))
    },
  }
}
