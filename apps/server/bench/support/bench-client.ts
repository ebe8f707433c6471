import type { EventEnvelope } from '@secledger/domain'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { EVENTS_MAP } from '../../src/sync/update-guard.ts'
import { decodeServerFrame, originOf, syncFrame } from '../../test/support/sync-client.ts'

const REMOTE = Symbol('remote')

/**
 * A lean sync client for benchmarks (the tests' SyncClient keeps every frame and scans them): real
 * `ws` + y-protocols framing, ACK times by number, and the bytes of every frame in each direction.
 * With a doc it syncs like the web app (step1 on open, step2 in answer, applies what it receives);
 * without one it is a listener that only holds the connection open and receives broadcasts.
 */
export class BenchClient {
  bytesIn = 0
  bytesOut = 0
  framesIn = 0
  private ws: WebSocket | null = null
  private sent = 0
  private serverStep2 = false
  /** performance.now() of the last connect's milestones (NaN until reached). */
  readonly at = { connect: Number.NaN, open: Number.NaN, serverStep1: Number.NaN, synced: Number.NaN }
  private acked = 0
  private readonly ackWaiters = new Map<number, () => void>()
  private syncWaiters: (() => void)[] = []
  private errors: string[] = []

  /**
   * `handshake: false` makes a pure writer: it adds events to its own doc and sends them, but neither
   * asks for nor applies the server's state (a device that only needs its ACKs).
   */
  constructor(
    private readonly url: string,
    private readonly cookie: string,
    readonly doc: Y.Doc | null,
    private readonly handshake = doc !== null,
  ) {}

  /** Opens the socket; with a doc, sends step1 at once. Resolves when the socket is open. */
  connect(): Promise<void> {
    this.bytesIn = 0
    this.bytesOut = 0
    this.framesIn = 0
    this.sent = 0
    this.acked = 0
    this.serverStep2 = false
    this.at.connect = performance.now()
    this.at.open = Number.NaN
    this.at.serverStep1 = Number.NaN
    this.at.synced = Number.NaN
    // A browser always sends Origin on the upgrade; the server refuses one without it.
    const headers = { cookie: this.cookie, origin: originOf(this.url) }
    const ws = new WebSocket(this.url, { headers, perMessageDeflate: false })
    ws.binaryType = 'nodebuffer'
    this.ws = ws
    ws.on('message', (data: Buffer) =>
      this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
    )
    return new Promise((resolve, reject) => {
      ws.once('open', () => {
        this.at.open = performance.now()
        if (this.doc && this.handshake)
          this.send(syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(this.doc)))
        resolve()
      })
      ws.once('error', reject)
    })
  }

  private receive(bytes: Uint8Array): void {
    this.bytesIn += bytes.byteLength
    this.framesIn++
    if (!this.doc) return
    const frame = decodeServerFrame(bytes)
    if (frame.kind === 'sync' && this.handshake) {
      if (frame.step === syncProtocol.messageYjsSyncStep1) {
        if (Number.isNaN(this.at.serverStep1)) this.at.serverStep1 = performance.now()
        this.sendData(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(this.doc, frame.payload))
      } else {
        Y.applyUpdate(this.doc, frame.payload, REMOTE)
        if (frame.step === syncProtocol.messageYjsSyncStep2) this.serverStep2 = true
      }
    } else if (frame.kind === 'ack') {
      this.acked = Math.max(this.acked, frame.n)
      this.ackWaiters.get(frame.n)?.()
      this.ackWaiters.delete(frame.n)
    } else if (frame.kind === 'error') {
      this.errors.push(frame.code)
    }
    if (this.isSynced()) {
      if (Number.isNaN(this.at.synced)) this.at.synced = performance.now()
      for (const waiter of this.syncWaiters.splice(0)) waiter()
    }
  }

  private isSynced(): boolean {
    return this.serverStep2 && this.acked >= this.sent
  }

  private send(frame: Uint8Array): void {
    if (!this.ws) throw new Error('not connected')
    this.bytesOut += frame.byteLength
    this.ws.send(frame)
  }

  private sendData(step: number, update: Uint8Array): number {
    this.send(syncFrame(step, update))
    return ++this.sent
  }

  /** The server's step2 is applied and every data message sent so far is acknowledged. */
  synced(timeoutMs = 30_000): Promise<void> {
    if (this.isSynced()) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`not synced; errors: ${this.errors.join(',')}`)),
        timeoutMs,
      )
      this.syncWaiters.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  }

  /** Sends an update and resolves with the milliseconds until its ACK. */
  sendUpdate(update: Uint8Array, timeoutMs = 30_000): Promise<number> {
    const started = performance.now()
    const n = this.sendData(syncProtocol.messageYjsUpdate, update)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ACK ${n}; errors: ${this.errors.join(',')}`)),
        timeoutMs,
      )
      this.ackWaiters.set(n, () => {
        clearTimeout(timer)
        resolve(performance.now() - started)
      })
    })
  }

  /** Adds events to the doc in one transaction (as the web app does) and sends that update; ms to its ACK. */
  addEvents(events: readonly EventEnvelope[]): Promise<number> {
    const doc = this.doc
    if (!doc) throw new Error('a listener has no doc')
    let update: Uint8Array | null = null
    const capture = (u: Uint8Array): void => {
      update = u
    }
    doc.on('update', capture)
    const map = doc.getMap(EVENTS_MAP)
    doc.transact(() => {
      for (const event of events) map.set(event.id, { ...event })
    })
    doc.off('update', capture)
    if (update === null) throw new Error('no update')
    return this.sendUpdate(update)
  }

  close(): Promise<void> {
    const ws = this.ws
    if (!ws || ws.readyState === WebSocket.CLOSED) return Promise.resolve()
    return new Promise((resolve) => {
      ws.once('close', () => resolve())
      ws.close()
    })
  }
}
