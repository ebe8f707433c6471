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
import { readLastAck, readRecoveryMarker } from '../db/meta-store.ts'
import { acknowledgeOutbox, listOutbox } from '../db/outbox-store.ts'
import { clearSuspect, listQuarantine, type RefusalRecord, recordRefusal } from '../db/quarantine-store.ts'
import type { OutboxRow, QuarantineRow, SecLedgerDb } from '../db/secledger-db.ts'
import { clockGuard, latestEventBound } from './clock-guard.ts'
import { EVENTS_MAP, LOCAL_WRITE, registerDocName } from './replica-doc.ts'
import { rebuildFromServer } from './replica-rebuild.ts'

export { EVENTS_MAP, LOCAL_WRITE, registerDocName }

export interface ReplicaSnapshot {
  readonly state: RegisterState
  /** Unsent events, suspects included. */
  readonly pending: number
  readonly lastAckAt: number | null
  /** 被拒绝的记录: events the server refused, kept here and shown. */
  readonly quarantined: readonly QuarantineRow[]
}

/**
 * The unit's register on this device (ARCHITECTURE decision 6): a Y.Doc loaded from IndexedDB,
 * every later update appended there, the outbox of unacknowledged events, and the domain fold.
 * After a refusal by the server the doc is replaced by one rebuilt from the server's state.
 */
export class UnitReplica {
  readonly ctx: FoldContext
  private current = new Y.Doc()
  private eventsMap: Y.Map<EventEnvelope>
  private register: UnitRegister
  private readonly pendingIds = new Set<string>()
  /** Outbox events refused together with others, left out of the doc until sent again alone. */
  private readonly suspectRows: OutboxRow[] = []
  private quarantine: readonly QuarantineRow[] = []
  private recoveryMarked = false
  private lastAck: number | null = null
  private persistence: ReturnType<typeof persistDocUpdates> | null = null
  private readonly listeners = new Set<(snapshot: ReplicaSnapshot) => void>()
  private exclusive: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly db: SecLedgerDb,
    readonly unit: string,
    directory: KeyDirectory,
    /**
     * Issue 10: the latest plausible event time; a later event folds as a 时间异常 anomaly instead of
     * becoming the unit's present. Defaults to the clock guard's trusted now plus the allowed skew.
     */
    latestEventMs: () => number = latestEventBound(clockGuard),
  ) {
    this.eventsMap = this.current.getMap<EventEnvelope>(EVENTS_MAP)
    this.ctx = {
      unit,
      directory,
      calendar: DEFAULT_CALENDAR,
      policy: DEFAULT_UNIT_POLICY,
      verify: createSignatureCache(),
      latestEventMs,
    }
    this.register = createUnitRegister(this.ctx)
  }

  /** The current doc: a different object after a rebuild. */
  get doc(): Y.Doc {
    return this.current
  }

  get events(): Y.Map<EventEnvelope> {
    return this.eventsMap
  }

  get docName(): string {
    return registerDocName(this.unit)
  }

  get state(): RegisterState {
    return this.register.state
  }

  /** Unsent events in the doc (a step 2 carries those the server lacks); suspects are not among them. */
  get pending(): readonly string[] {
    return [...this.pendingIds]
  }

  get suspects(): readonly string[] {
    return this.suspectRows.map((row) => row.id)
  }

  get quarantined(): readonly QuarantineRow[] {
    return this.quarantine
  }

  /** The server refused an update of this doc: it must be rebuilt before it syncs again. */
  get needsRecovery(): boolean {
    return this.recoveryMarked
  }

  get snapshot(): ReplicaSnapshot {
    return {
      state: this.register.state,
      pending: this.pendingIds.size + this.suspectRows.length,
      lastAckAt: this.lastAck,
      quarantined: this.quarantine,
    }
  }

  /** Works offline: everything comes from IndexedDB. */
  async open(): Promise<void> {
    await loadDocUpdates(this.db, this.docName, this.current)
    this.persistence = persistDocUpdates(this.db, this.docName, this.current)
    this.lastAck = (await readLastAck(this.db, this.unit)) ?? null
    this.recoveryMarked = (await readRecoveryMarker(this.db, this.unit)) !== undefined
    this.quarantine = await listQuarantine(this.db, this.unit)
    this.loadOutbox(await listOutbox(this.db, this.unit))
    this.eventsMap.observe(this.onEvents)
    this.ingest([...this.eventsMap.values()])
  }

  onChange(listener: (snapshot: ReplicaSnapshot) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Runs `task` with no other write, acknowledgement or rebuild in between (the writer goes through
   * here too), so a rebuild never loses an event written while it runs.
   */
  runExclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.exclusive.then(task)
    this.exclusive = run.catch(() => undefined)
    return run
  }

  /** Appends an already signed and recorded event. Events are immutable: a present key is never set again. */
  appendLocal(envelope: EventEnvelope): void {
    if (this.eventsMap.has(envelope.id)) return
    this.pendingIds.add(envelope.id)
    this.current.transact(() => this.eventsMap.set(envelope.id, envelope), LOCAL_WRITE)
  }

  /** The server committed these events: they leave the outbox; the ACK time is "last synced". */
  acknowledge(ids: readonly string[], nowMs: number): Promise<void> {
    return this.runExclusive(async () => {
      const mine = ids.filter((id) => this.pendingIds.has(id))
      await acknowledgeOutbox(this.db, this.unit, mine, nowMs)
      for (const id of mine) this.pendingIds.delete(id)
      this.lastAck = nowMs
      this.emit()
    })
  }

  /** Records a refusal durably (quarantine, suspects, the recovery mark); the rebuild comes next. */
  refuse(record: Omit<RefusalRecord, 'unit'>): Promise<void> {
    return this.runExclusive(async () => {
      await recordRefusal(this.db, { ...record, unit: this.unit })
      this.recoveryMarked = true
      this.quarantine = await listQuarantine(this.db, this.unit)
      this.loadOutbox(await listOutbox(this.db, this.unit))
      this.emit()
    })
  }

  /**
   * Replaces the doc by `fresh` (the server's state, a new client id) plus the unsent events; see
   * replica-rebuild.ts. The register is folded again from the new doc.
   */
  rebuild(fresh: Y.Doc): Promise<void> {
    return this.runExclusive(async () => {
      // Nothing of the old doc may be appended after the replacement: stop and drain its writer first.
      this.persistence?.stop()
      await this.persistence?.flushed()
      let result: Awaited<ReturnType<typeof rebuildFromServer>>
      try {
        result = await rebuildFromServer(this.db, this.unit, this.docName, fresh)
      } catch (error) {
        this.persistence = persistDocUpdates(this.db, this.docName, this.current)
        throw error
      }
      this.eventsMap.unobserve(this.onEvents)
      this.current.destroy()
      this.current = fresh
      this.eventsMap = fresh.getMap<EventEnvelope>(EVENTS_MAP)
      this.register = createUnitRegister(this.ctx)
      this.persistence = persistDocUpdates(this.db, this.docName, fresh)
      this.recoveryMarked = false
      this.loadOutbox(result.outbox)
      this.eventsMap.observe(this.onEvents)
      this.ingest([...this.eventsMap.values()])
    })
  }

  /** Sends the oldest suspect again, alone in its own update; false when there is none. */
  releaseSuspect(): Promise<string | null> {
    return this.runExclusive(async () => {
      const row = this.suspectRows.shift()
      if (!row) return null
      await clearSuspect(this.db, row.id)
      this.appendLocal(row.envelope)
      this.emit()
      return row.id
    })
  }

  /** Updates still being written to IndexedDB (tests, logout). */
  async flushed(): Promise<void> {
    await this.persistence?.flushed()
  }

  close(): void {
    this.eventsMap.unobserve(this.onEvents)
    this.persistence?.stop()
    this.current.destroy()
    this.listeners.clear()
  }

  private loadOutbox(rows: readonly OutboxRow[]): void {
    this.pendingIds.clear()
    this.suspectRows.length = 0
    for (const row of [...rows].sort((a, b) => a.createdAt - b.createdAt)) {
      if (row.suspect) this.suspectRows.push(row)
      else this.pendingIds.add(row.id)
    }
    // An event committed to the outbox but lost before its doc update was stored: put it back.
    const missing = rows.filter((row) => !row.suspect && !this.eventsMap.has(row.id))
    if (missing.length > 0)
      this.current.transact(() => {
        for (const row of missing) this.eventsMap.set(row.id, row.envelope)
      }, LOCAL_WRITE)
  }

  private readonly onEvents = (event: Y.YMapEvent<EventEnvelope>): void => {
    const added: unknown[] = []
    for (const [key, change] of event.changes.keys)
      if (change.action === 'add') added.push(this.eventsMap.get(key))
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
