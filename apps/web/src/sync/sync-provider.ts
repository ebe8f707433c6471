import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { SentKind } from './ack-ledger.ts'
import { OutgoingFrames } from './outgoing-frames.ts'
import { parseSyncError, SyncCloseCode, type SyncError, SyncMessage, syncErrorFor } from './sync-messages.ts'
import { splitUpdate } from './update-frames.ts'

export interface SyncStatus {
  readonly online: boolean
  readonly connected: boolean
  /** Handshake done: the server has our step 2 in flight or acknowledged. */
  readonly synced: boolean
}

/** The server refused one of our data-carrying messages (ERROR 101 with `ref`, contracts.md). */
export interface SyncRefusal {
  readonly error: SyncError
  /** The events that message carried (what this side recorded when sending it). */
  readonly eventIds: readonly string[]
  readonly kind: SentKind | null
}

/** Refusals after which every later update of this doc's client id would be refused too. */
export const DOC_POISONING_CODES: ReadonlySet<string> = new Set([
  'SYNC-IMMUTABLE',
  'SYNC-BAD-EVENT',
  'SYNC-MALFORMED',
  'SYNC-TOO-LARGE',
  // Issue 10: an event dated beyond the server's bound; later updates of the doc depend on it.
  'SYNC-CLOCK-SKEW',
])

export interface SyncProviderOptions {
  readonly url: string
  readonly doc: Y.Doc
  readonly eventsMapName?: string
  /** Ids of the events still in the outbox; a step 2 carries all of them the server lacks. */
  readonly pendingIds: () => readonly string[]
  readonly onAck: (eventIds: readonly string[]) => void
  readonly onError: (error: SyncError) => void
  /**
   * A refused data message (a code of DOC_POISONING_CODES with `ref`). When given, the provider stops
   * at once — every later message of this doc would be refused as a consequence — and leaves the
   * recovery to the caller; onError is called first all the same.
   */
  readonly onRefused?: (refusal: SyncRefusal) => void
  /** The server's step 2 was applied: this doc now holds everything the server had at that point. */
  readonly onServerState?: () => void
  readonly onStatus?: (status: SyncStatus) => void
  /** Called on close 4401: return true when a fresh session was obtained and a retry makes sense. */
  readonly onUnauthenticated?: () => Promise<boolean>
  readonly WebSocketImpl?: typeof WebSocket
  readonly events?: Pick<Window, 'addEventListener' | 'removeEventListener'>
  readonly isOnline?: () => boolean
  readonly minBackoffMs?: number
  readonly maxBackoffMs?: number
}

/**
 * y-protocols sync over one WebSocket per unit doc (contracts.md "WebSocket sync protocol"),
 * plus the ACK/ERROR frames of the contract. Reconnects with backoff; follows online/offline events.
 */
export class SyncProvider {
  private ws: WebSocket | null = null
  private readonly frames = new OutgoingFrames((bytes) => this.send(bytes))
  private handshakeDone = false
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private backoffMs: number
  private stopped = false
  private status: SyncStatus
  private readonly opts: SyncProviderOptions
  private readonly WS: typeof WebSocket
  private readonly eventsMap: Y.Map<unknown>
  private readonly eventsMapName: string

  constructor(options: SyncProviderOptions) {
    this.opts = options
    this.WS = options.WebSocketImpl ?? WebSocket
    this.backoffMs = options.minBackoffMs ?? 500
    this.eventsMapName = options.eventsMapName ?? 'events'
    this.eventsMap = options.doc.getMap(this.eventsMapName)
    this.status = { online: this.isOnline(), connected: false, synced: false }
    options.doc.on('update', this.onDocUpdate)
    options.events?.addEventListener('online', this.onOnline)
    options.events?.addEventListener('offline', this.onOffline)
  }

  get currentStatus(): SyncStatus {
    return this.status
  }

  connect(): void {
    this.stopped = false
    if (this.ws || !this.isOnline()) {
      this.setStatus({ online: this.isOnline() })
      return
    }
    this.clearRetry()
    let ws: WebSocket
    try {
      ws = new this.WS(this.opts.url)
    } catch {
      this.scheduleReconnect()
      return
    }
    ws.binaryType = 'arraybuffer'
    this.ws = ws
    ws.onopen = () => {
      if (this.ws !== ws) return
      this.backoffMs = this.opts.minBackoffMs ?? 500
      this.setStatus({ connected: true, online: true })
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, SyncMessage.Sync)
      syncProtocol.writeSyncStep1(encoder, this.opts.doc)
      ws.send(encoding.toUint8Array(encoder))
    }
    ws.onmessage = (event: MessageEvent) => {
      if (this.ws !== ws) return
      this.onMessage(new Uint8Array(event.data as ArrayBuffer))
    }
    ws.onclose = (event: CloseEvent) => {
      if (this.ws !== ws) return
      this.ws = null
      this.handshakeDone = false
      this.frames.reset()
      this.setStatus({ connected: false, synced: false })
      void this.afterClose(event.code)
    }
    ws.onerror = () => {
      // onclose follows and schedules the retry
    }
  }

  /** Stop syncing and forget listeners (logout / lock). */
  destroy(): void {
    this.stopped = true
    this.clearRetry()
    this.opts.doc.off('update', this.onDocUpdate)
    this.opts.events?.removeEventListener('online', this.onOnline)
    this.opts.events?.removeEventListener('offline', this.onOffline)
    this.closeSocket()
  }

  private isOnline(): boolean {
    return this.opts.isOnline ? this.opts.isOnline() : globalThis.navigator?.onLine !== false
  }

  private async afterClose(code: number): Promise<void> {
    if (this.stopped) return
    if (code === SyncCloseCode.Forbidden) return // rule S-04: retrying cannot help
    if (code === SyncCloseCode.Unauthenticated) {
      const renewed = this.opts.onUnauthenticated ? await this.opts.onUnauthenticated() : false
      if (!renewed) return
    }
    this.scheduleReconnect()
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer || !this.isOnline()) return
    const delay = this.backoffMs
    this.backoffMs = Math.min(this.backoffMs * 2, this.opts.maxBackoffMs ?? 10_000)
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      this.connect()
    }, delay)
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
  }

  private closeSocket(): void {
    const ws = this.ws
    this.ws = null
    this.handshakeDone = false
    this.frames.reset()
    if (ws) {
      ws.onopen = null
      ws.onmessage = null
      ws.onclose = null
      ws.onerror = null
      try {
        ws.close()
      } catch {
        // already closed
      }
    }
    this.setStatus({ connected: false, synced: false })
  }

  private readonly onOnline = (): void => {
    this.backoffMs = this.opts.minBackoffMs ?? 500
    this.setStatus({ online: true })
    if (!this.stopped) this.connect()
  }

  private readonly onOffline = (): void => {
    this.clearRetry()
    this.closeSocket()
    this.setStatus({ online: false })
  }

  private setStatus(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch }
    this.opts.onStatus?.(this.status)
  }

  private send(bytes: Uint8Array): boolean {
    const ws = this.ws
    if (!ws || ws.readyState !== this.WS.OPEN) return false
    ws.send(bytes)
    return true
  }

  private onMessage(data: Uint8Array): void {
    let decoder: decoding.Decoder
    let type: number
    try {
      decoder = decoding.createDecoder(data)
      type = decoding.readVarUint(decoder)
    } catch {
      return
    }
    if (type === SyncMessage.Sync) this.onSyncMessage(decoder)
    else if (type === SyncMessage.Ack) this.onAckMessage(decoder)
    else if (type === SyncMessage.Error) this.onErrorMessage(decoder)
  }

  private onSyncMessage(decoder: decoding.Decoder): void {
    // Snapshot before answering: the step 2 written below carries every event written so far.
    const pendingAtStep2 = [...this.opts.pendingIds()]
    let syncType: number
    let update: Uint8Array | null = null
    try {
      syncType = decoding.peekVarUint(decoder)
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        decoding.readVarUint(decoder)
        update = Y.encodeStateAsUpdate(this.opts.doc, decoding.readVarUint8Array(decoder))
      } else syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), this.opts.doc, this)
    } catch {
      this.opts.onError(syncErrorFor('SYNC-MALFORMED'))
      return
    }
    if (syncType === syncProtocol.messageYjsSyncStep2) this.opts.onServerState?.()
    if (update !== null && this.sendStep2(update, pendingAtStep2)) {
      this.handshakeDone = true
      this.setStatus({ synced: true })
    }
  }

  /**
   * The answer to the server's step 1: one step 2 frame, or (issue 10 item 8) a large one as bounded
   * frames, each acknowledged on its own. Pending events none of them carries (the server had them
   * already) leave the outbox with the last one.
   */
  private sendStep2(update: Uint8Array, pending: readonly string[]): boolean {
    if (!this.ws || this.ws.readyState !== this.WS.OPEN) return false
    const frames = splitUpdate(update, this.eventsMapName)
    if (frames === null) {
      this.frames.enqueue(syncFrame(syncProtocol.messageYjsSyncStep2, update), pending, 'step2')
      return true
    }
    const carried = new Set(frames.flatMap((frame) => frame.eventIds))
    const rest = pending.filter((id) => !carried.has(id))
    for (const [i, frame] of frames.entries()) {
      const type = i === 0 ? syncProtocol.messageYjsSyncStep2 : syncProtocol.messageYjsUpdate
      const ids = i === frames.length - 1 ? [...frame.eventIds, ...rest] : frame.eventIds
      this.frames.enqueue(syncFrame(type, frame.update), ids, 'step2')
    }
    return true
  }

  private onAckMessage(decoder: decoding.Decoder): void {
    let n: number
    try {
      n = decoding.readVarUint(decoder)
    } catch {
      return
    }
    // Whether or not the message carried events, an ACK is a successful sync.
    this.opts.onAck(this.frames.acknowledge(n))
  }

  private onErrorMessage(decoder: decoding.Decoder): void {
    let json = ''
    try {
      json = decoding.readVarString(decoder)
    } catch {
      json = ''
    }
    const error = parseSyncError(json)
    const refused = error.ref === undefined ? null : this.frames.refuse(error.ref)
    this.opts.onError(error)
    const onRefused = this.opts.onRefused
    if (error.ref === undefined || !onRefused || !DOC_POISONING_CODES.has(error.code)) return
    // Later messages of this connection depend on the refused one: their refusals are consequences,
    // not verdicts on their events, so nothing more is read or sent here.
    this.stopped = true
    this.clearRetry()
    this.closeSocket()
    onRefused({ error, eventIds: refused?.eventIds ?? [], kind: refused?.kind ?? null })
  }

  /** Local updates go out once the handshake is done; earlier ones travel in the step 2. */
  private readonly onDocUpdate = (
    update: Uint8Array,
    origin: unknown,
    _doc: Y.Doc,
    tr: Y.Transaction,
  ): void => {
    if (origin === this || !this.handshakeDone) return
    const ids: string[] = []
    for (const [type, keys] of tr.changed) {
      if ((type as unknown) !== this.eventsMap) continue
      for (const key of keys) if (typeof key === 'string') ids.push(key)
    }
    this.frames.enqueue(syncFrame(syncProtocol.messageYjsUpdate, update), ids, 'update')
  }
}

/** One sync frame of the contract: SyncMessage.Sync, then a y-protocols step 2 or update. */
function syncFrame(type: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, SyncMessage.Sync)
  encoding.writeVarUint(encoder, type)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}
