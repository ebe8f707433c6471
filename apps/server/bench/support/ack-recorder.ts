import type { EventEnvelope } from '@secledger/domain'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { EVENTS_MAP } from '../../src/sync/update-guard.ts'
import { decodeServerFrame, syncFrame } from '../../test/support/sync-client.ts'

/**
 * A device that writes and remembers exactly which events the server acknowledged (ARCHITECTURE
 * decision 5: an ACK means committed). Each update comes from a fresh Y.Doc, so no update depends on
 * another that a crash may have lost; what was in flight when the connection dropped counts as unknown.
 */
export class AckRecorder {
  readonly acked = new Set<string>()
  readonly errors: string[] = []
  sentEvents = 0
  /** Events in flight when a connection dropped: maybe committed, never acknowledged. */
  unknownEvents = 0
  private ws: WebSocket | null = null
  private sent = 0
  private readonly inFlight = new Map<number, readonly string[]>()

  constructor(
    private readonly url: string,
    private readonly cookie: string,
    private readonly origin: string,
  ) {}

  get open(): boolean {
    return this.ws !== null && this.ws.readyState === WebSocket.OPEN
  }

  get pending(): number {
    return this.inFlight.size
  }

  connect(): Promise<void> {
    this.sent = 0
    const ws = new WebSocket(this.url, { headers: { cookie: this.cookie, origin: this.origin } })
    ws.binaryType = 'nodebuffer'
    this.ws = ws
    ws.on('message', (data: Buffer) => {
      const frame = decodeServerFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
      if (frame.kind === 'ack') {
        for (const id of this.inFlight.get(frame.n) ?? []) this.acked.add(id)
        this.inFlight.delete(frame.n)
      } else if (frame.kind === 'error') {
        this.errors.push(frame.code)
        if (frame.ref !== undefined) this.inFlight.delete(frame.ref)
      }
    })
    ws.on('close', () => {
      for (const ids of this.inFlight.values()) this.unknownEvents += ids.length
      this.inFlight.clear()
    })
    ws.on('error', () => {})
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
  }

  write(events: readonly EventEnvelope[]): void {
    if (!this.ws || !this.open) return
    const doc = new Y.Doc()
    const map = doc.getMap(EVENTS_MAP)
    doc.transact(() => {
      for (const event of events) map.set(event.id, { ...event })
    })
    this.inFlight.set(
      ++this.sent,
      events.map((event) => event.id),
    )
    this.sentEvents += events.length
    this.ws.send(syncFrame(syncProtocol.messageYjsUpdate, Y.encodeStateAsUpdate(doc)))
  }

  close(): void {
    this.ws?.close()
  }
}
