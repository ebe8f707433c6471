import {
  type DatabaseClient,
  type DatabaseExecutor,
  events,
  units,
  yjsSnapshots,
  yjsUpdates,
} from '@secledger/db'
import type { EventEnvelope } from '@secledger/domain'
import { and, asc, desc, eq, gt } from 'drizzle-orm'
import { type ProjectionChanges, upsertProjection } from '../projection/carrier-projection.ts'

/** What a doc is rebuilt from: its latest snapshot plus the updates appended after it. */
export interface StoredDoc {
  readonly snapshot: { readonly uptoSeq: number; readonly state: Uint8Array } | null
  readonly updates: readonly { readonly seq: number; readonly update: Uint8Array }[]
}

export async function loadStoredDoc(db: DatabaseExecutor, docName: string): Promise<StoredDoc> {
  const [snapshot] = await db
    .select({ uptoSeq: yjsSnapshots.uptoSeq, state: yjsSnapshots.state })
    .from(yjsSnapshots)
    .where(eq(yjsSnapshots.doc, docName))
    .orderBy(desc(yjsSnapshots.uptoSeq))
    .limit(1)
  const after = snapshot?.uptoSeq ?? 0
  const updates = await db
    .select({ seq: yjsUpdates.seq, update: yjsUpdates.update })
    .from(yjsUpdates)
    .where(and(eq(yjsUpdates.doc, docName), gt(yjsUpdates.seq, after)))
    .orderBy(asc(yjsUpdates.seq))
  return { snapshot: snapshot ?? null, updates }
}

export interface CommitInput {
  readonly docName: string
  readonly unitId: string
  readonly update: Uint8Array
  readonly userId: string | null
  readonly deviceId: string | null
  readonly events: readonly EventEnvelope[]
  readonly projection: ProjectionChanges
  readonly now: Date
}

const EVENT_BATCH = 1000

/**
 * ONE transaction per accepted update (ARCHITECTURE decision 5): the raw update appended, its events
 * inserted (idempotent by id), the changed projection rows upserted, the unit's last sync time set.
 * Returns the update's sequence number; the caller acknowledges only after this resolves.
 */
export async function commitUpdate(db: DatabaseClient, input: CommitInput): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(yjsUpdates)
      .values({
        doc: input.docName,
        update: input.update,
        userId: input.userId,
        deviceId: input.deviceId,
        createdAt: input.now,
      })
      .returning({ seq: yjsUpdates.seq })
    if (!row) throw new Error('yjs_updates insert returned no row')
    for (let i = 0; i < input.events.length; i += EVENT_BATCH) {
      await tx
        .insert(events)
        .values(
          input.events.slice(i, i + EVENT_BATCH).map((event) => ({
            id: event.id,
            unitId: event.unit,
            type: event.type,
            actor: event.actor,
            device: event.device,
            at: event.at,
            payload: event.payload,
            sig: event.sig,
            receivedAt: input.now,
          })),
        )
        .onConflictDoNothing()
    }
    await upsertProjection(tx, input.projection)
    await tx.update(units).set({ lastSyncAt: input.now }).where(eq(units.id, input.unitId))
    return row.seq
  })
}

/** Compaction: the doc's merged state up to `uptoSeq`, so a load replays only later updates. */
export async function writeSnapshot(
  db: DatabaseExecutor,
  input: { docName: string; uptoSeq: number; state: Uint8Array; stateVector: Uint8Array },
): Promise<void> {
  await db
    .insert(yjsSnapshots)
    .values({
      doc: input.docName,
      uptoSeq: input.uptoSeq,
      state: input.state,
      stateVector: input.stateVector,
    })
    .onConflictDoNothing()
}
