import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { SyncMessage } from '../src/sync/sync-messages.ts'

/** A WebSocket stand-in the test drives by hand. */
export class FakeSocket {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSED = 3
  static instances: FakeSocket[] = []
  readyState = FakeSocket.CONNECTING
  binaryType = 'blob'
  onopen: ((event: unknown) => void) | null = null
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null
  onclose: ((event: { code: number }) => void) | null = null
  onerror: ((event: unknown) => void) | null = null
  readonly sent: Uint8Array[] = []

  constructor(readonly url: string) {
    FakeSocket.instances.push(this)
  }

  send(data: Uint8Array): void {
    this.sent.push(new Uint8Array(data))
  }

  close(code = 1000): void {
    this.readyState = FakeSocket.CLOSED
    this.onclose?.({ code })
  }

  accept(): void {
    this.readyState = FakeSocket.OPEN
    this.onopen?.({})
  }

  receive(bytes: Uint8Array): void {
    this.onmessage?.({ data: bytes.slice().buffer })
  }
}

/**
 * The server side of the contract, just enough for the client's bookkeeping: answers step 1,
 * applies step 2 / updates, counts the client's data-carrying messages.
 */
export class FakeSyncServer {
  readonly doc = new Y.Doc()
  dataMessages = 0
  private read = 0

  constructor(readonly socket: FakeSocket) {}

  sendStep1(): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, SyncMessage.Sync)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    this.socket.receive(encoding.toUint8Array(encoder))
  }

  /** Processes what the client sent since the last call. */
  drain(): void {
    for (; this.read < this.socket.sent.length; this.read++) {
      const decoder = decoding.createDecoder(this.socket.sent[this.read] as Uint8Array)
      if (decoding.readVarUint(decoder) !== SyncMessage.Sync) continue
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, SyncMessage.Sync)
      const type = syncProtocol.readSyncMessage(decoder, reply, this.doc, 'client')
      if (type !== syncProtocol.messageYjsSyncStep1) this.dataMessages += 1
      else this.socket.receive(encoding.toUint8Array(reply))
    }
  }

  ack(n: number): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, SyncMessage.Ack)
    encoding.writeVarUint(encoder, n)
    this.socket.receive(encoding.toUint8Array(encoder))
  }

  error(body: unknown): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, SyncMessage.Error)
    encoding.writeVarString(encoder, JSON.stringify(body))
    this.socket.receive(encoding.toUint8Array(encoder))
  }
}
