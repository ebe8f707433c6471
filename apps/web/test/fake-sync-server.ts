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
  /** Called for every new socket (a test that serves connections automatically). */
  static onCreated: ((socket: FakeSocket) => void) | null = null
  /** Called after every frame the client sends. */
  onSent: (() => void) | null = null
  readyState = FakeSocket.CONNECTING
  binaryType = 'blob'
  onopen: ((event: unknown) => void) | null = null
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null
  onclose: ((event: { code: number }) => void) | null = null
  onerror: ((event: unknown) => void) | null = null
  readonly sent: Uint8Array[] = []

  constructor(readonly url: string) {
    FakeSocket.instances.push(this)
    FakeSocket.onCreated?.(this)
  }

  send(data: Uint8Array): void {
    this.sent.push(new Uint8Array(data))
    this.onSent?.()
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

export interface FakeServerOptions {
  /** The unit doc, shared by the connections of one test "server". */
  readonly doc?: Y.Doc
  /** ACK every accepted data message at once, as the real server does after committing it. */
  readonly autoAck?: boolean
  /** The code to refuse a message with when it carries this entry (an event envelope), else null. */
  readonly refuseEntry?: (value: unknown) => string | null
}

function refusedEntry(update: Uint8Array, refuse: FakeServerOptions['refuseEntry']): string | null {
  if (!refuse) return null
  for (const struct of Y.decodeUpdate(update).structs)
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentAny)
      for (const value of struct.content.arr) {
        const code = refuse(value)
        if (code !== null) return code
      }
  return null
}

/** True when the update carries a struct after a clock the doc lacks (the real server refuses it). */
function dependsOnMissing(update: Uint8Array, doc: Y.Doc): boolean {
  const next = new Map<number, number>()
  for (const struct of Y.decodeUpdate(update).structs) {
    const { client, clock } = struct.id
    const expected = next.get(client) ?? Y.getState(doc.store, client)
    if (struct instanceof Y.Skip || clock > expected) return true
    next.set(client, Math.max(expected, clock + struct.length))
  }
  return false
}

/**
 * The server side of the contract, just enough for the client's bookkeeping: answers step 1,
 * applies step 2 / updates, counts the client's data-carrying messages; refuses the messages the
 * test names, and — like the real server — every later one that depends on a refused update.
 */
export class FakeSyncServer {
  readonly doc: Y.Doc
  dataMessages = 0
  /** Data message number → the error code to refuse it with. */
  readonly refuse = new Map<number, string>()
  readonly refused: number[] = []
  /** While true, automatic serving leaves the client's frames unread (they queue up, in order). */
  paused = false
  private read = 0

  constructor(
    readonly socket: FakeSocket,
    private readonly options: FakeServerOptions = {},
  ) {
    this.doc = options.doc ?? new Y.Doc()
  }

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
      const syncType = decoding.peekVarUint(decoder)
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        const reply = encoding.createEncoder()
        encoding.writeVarUint(reply, SyncMessage.Sync)
        syncProtocol.readSyncMessage(decoder, reply, this.doc, 'client')
        this.socket.receive(encoding.toUint8Array(reply))
        continue
      }
      this.dataMessages += 1
      const n = this.dataMessages
      decoding.readVarUint(decoder)
      const update = decoding.readVarUint8Array(decoder)
      const code =
        this.refuse.get(n) ??
        (dependsOnMissing(update, this.doc)
          ? 'SYNC-MALFORMED'
          : refusedEntry(update, this.options.refuseEntry))
      if (code !== null) {
        this.refused.push(n)
        this.error({ code, message: { zh: `拒绝 ${code}`, en: code }, ref: n })
        continue
      }
      Y.applyUpdate(this.doc, update, 'client')
      if (this.options.autoAck) this.ack(n)
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

/**
 * Serves every new FakeSocket like the real server: accepts it, sends step 1, answers each frame
 * on the next tick. All connections share `doc`. Returns the servers, in connection order.
 */
export function serveAutomatically(
  doc: Y.Doc,
  options: Omit<FakeServerOptions, 'doc'> = {},
): FakeSyncServer[] {
  const servers: FakeSyncServer[] = []
  FakeSocket.onCreated = (socket) => {
    const server = new FakeSyncServer(socket, { ...options, doc })
    servers.push(server)
    socket.onSent = () => {
      setTimeout(() => {
        if (socket.readyState === FakeSocket.OPEN && !server.paused) server.drain()
      }, 0)
    }
    setTimeout(() => {
      socket.accept()
      server.sendStep1()
    }, 0)
  }
  return servers
}
