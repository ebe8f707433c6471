import {
  createSignatureCache,
  createUnitRegister,
  DEFAULT_CALENDAR,
  DEFAULT_UNIT_POLICY,
  type EventEnvelope,
  eventEnvelopeSchema,
  type FoldContext,
  type KeyDirectory,
  type RegisterState,
  type UnitRegister,
} from '@secledger/domain'
import * as Y from 'yjs'
import { loadDocUpdates, persistDocUpdates } from '../db/doc-updates.ts'
import { MetaKey, readMeta } from '../db/meta-store.ts'
import { acknowledgeOutbox, listOutbox } from '../db/outbox-store.ts'
import type { SecLedgerDb } from '../db/secledger-db.ts'

/** Transaction origin of events this device writes. */
export const LOCAL_WRITE = Symbol('secledger-local-write')

export const EVENTS_MAP = 'events'

export function registerDocName(unit: string): string {
  return `${unit}:register`
}

export interface ReplicaSnapshot {
  readonly state: RegisterState
  readonly pending: number
  readonly lastAckAt: number | null
}

/**
 * The unit's register on this device (ARCHITECTURE decision 6): a Y.Doc loaded from IndexedDB,
 * every later update appended there, the outbox of unacknowledged events, and the domain fold.
 */
export class UnitReplica {
  readonly doc = new Y.Doc()
  readonly events: Y.Map<EventEnvelope>
  readonly ctx: FoldContext
  private readonly register: UnitRegister
  private readonly pendingIds = new Set<string>()
  private lastAck: number | null = null
  private persistence: ReturnType<typeof persistDocUpdates> | null = null
  private readonly listeners = new Set<(snapshot: ReplicaSnapshot) => void>()

  constructor(
    private readonly db: SecLedgerDb,
    readonly unit: string,
    directory: KeyDirectory,
  ) {
    this.events = this.doc.getMap<EventEnvelope>(EVENTS_MAP)
    this.ctx = {
      unit,
      directory,
      calendar: DEFAULT_CALENDAR,
      policy: DEFAULT_UNIT_POLICY,
      verify: createSignatureCache(),
    }
    this.register = createUnitRegister(this.ctx)
  }

  get docName(): string {
    return registerDocName(this.unit)
  }

  get state(): RegisterState {
    return this.register.state
  }

  get pending(): readonly string[] {
    return [...this.pendingIds]
  }

  get snapshot(): ReplicaSnapshot {
    return { state: this.register.state, pending: this.pendingIds.size, lastAckAt: this.lastAck }
  }

  /** Works offline: everything comes from IndexedDB. */
  async open(): Promise<void> {
    await loadDocUpdates(this.db, this.docName, this.doc)
    this.persistence = persistDocUpdates(this.db, this.docName, this.doc)
    this.lastAck = (await readMeta<number>(this.db, MetaKey.lastAck(this.unit))) ?? null
    const outbox = await listOutbox(this.db, this.unit)
    for (const row of outbox) this.pendingIds.add(row.id)
    // An event committed to the outbox but lost before its doc update was stored: put it back.
    const missing = outbox.filter((row) => !this.events.has(row.id))
    if (missing.length > 0)
      this.doc.transact(() => {
        for (const row of missing) this.events.set(row.id, row.envelope)
      }, LOCAL_WRITE)
    this.events.observe(this.onEvents)
    this.ingest([...this.events.values()])
  }

  onChange(listener: (snapshot: ReplicaSnapshot) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Appends an already signed and recorded event. Events are immutable: a present key is never set again. */
  appendLocal(envelope: EventEnvelope): void {
    if (this.events.has(envelope.id)) return
    this.pendingIds.add(envelope.id)
    this.doc.transact(() => this.events.set(envelope.id, envelope), LOCAL_WRITE)
  }

  /** The server committed these events: they leave the outbox; the ACK time is "last synced". */
  async acknowledge(ids: readonly string[], nowMs: number): Promise<void> {
    const mine = ids.filter((id) => this.pendingIds.has(id))
    await acknowledgeOutbox(this.db, this.unit, mine, nowMs)
    for (const id of mine) this.pendingIds.delete(id)
    this.lastAck = nowMs
    this.emit()
  }

  /** Updates still being written to IndexedDB (tests, logout). */
  async flushed(): Promise<void> {
    await this.persistence?.flushed()
  }

  close(): void {
    this.events.unobserve(this.onEvents)
    this.persistence?.stop()
    this.doc.destroy()
    this.listeners.clear()
  }

  private readonly onEvents = (event: Y.YMapEvent<EventEnvelope>): void => {
    const added: unknown[] = []
    for (const [key, change] of event.changes.keys)
      if (change.action === 'add') added.push(this.events.get(key))
    this.ingest(added)
  }

  private ingest(values: readonly unknown[]): void {
    const envelopes: EventEnvelope[] = []
    for (const value of values) {
      const parsed = eventEnvelopeSchema.safeParse(value)
      if (parsed.success) envelopes.push(parsed.data as EventEnvelope)
    }
    this.register.ingest(envelopes)
    this.emit()
  }

  private emit(): void {
    const snapshot = this.snapshot
    for (const listener of this.listeners) listener(snapshot)
  }
}
