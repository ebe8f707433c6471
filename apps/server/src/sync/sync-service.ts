import type { Database } from '@secledger/db'
import { createDocCache, type DocCache } from './doc-cache.ts'
import { type IngestResult, ingestUpdate, type UpdateOrigin } from './ingest.ts'
import { CloseCode } from './protocol.ts'
import { loadUnitDoc, type SyncPeer, type UnitDoc } from './unit-doc.ts'

export interface SyncServiceOptions {
  readonly database: Database
  readonly now?: () => Date
  /** Docs kept in memory (LRU); docs with peers are never evicted. */
  readonly maxDocs?: number
  /** Compaction: a snapshot after this many updates. */
  readonly snapshotEvery?: number
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
  /** Waits for queued work on every doc. */
  drain(): Promise<void>
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const ctx = {
    database: options.database,
    now: options.now ?? (() => new Date()),
    snapshotEvery: options.snapshotEvery ?? 500,
  }
  const cache = createDocCache<UnitDoc>({
    capacity: options.maxDocs ?? 200,
    load: (unitId) => loadUnitDoc(options.database.db, unitId),
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
