import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

export type ServerFrame =
  | { readonly kind: 'sync'; readonly step: number; readonly payload: Uint8Array }
  | { readonly kind: 'ack'; readonly n: number }
  | {
      readonly kind: 'error'
      readonly code: string
      readonly ref?: number
      readonly message: { zh: string; en: string }
    }
  | { readonly kind: 'unknown'; readonly bytes: Uint8Array }

export function decodeServerFrame(bytes: Uint8Array): ServerFrame {
  const decoder = decoding.createDecoder(bytes)
  const type = decoding.readVarUint(decoder)
  if (type === 0) {
    const step = decoding.readVarUint(decoder)
    return { kind: 'sync', step, payload: decoding.readVarUint8Array(decoder) }
  }
  if (type === 100) return { kind: 'ack', n: decoding.readVarUint(decoder) }
  if (type === 101) return { kind: 'error', ...JSON.parse(decoding.readVarString(decoder)) }
  return { kind: 'unknown', bytes }
}

export function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

const REMOTE = Symbol('remote')

/** The page origin a browser would send for a socket to `url` (ws://host → http://host). */
export function originOf(url: string): string {
  const parsed = new URL(url)
  return `${parsed.protocol === 'wss:' ? 'https:' : 'http:'}//${parsed.host}`
}

/**
 * A test client speaking the contract's protocol over a real WebSocket, with its own Y.Doc. With
 * `auto`, it behaves like the web app's provider: step1 on open, step2 in answer to the server's step1,
 * every local change sent as an update.
 */
export class SyncClient {
  readonly doc: Y.Doc
  readonly frames: ServerFrame[] = []
  closed: { code: number; reason: string } | null = null
  /** Data-carrying messages sent on the current connection (the server's ACK numbering). */
  sent = 0
  private ws: WebSocket | null = null
  private waiters: (() => void)[] = []
  private readonly auto: boolean
  private readonly origin: string | null

  constructor(
    private readonly url: string,
    private readonly cookie: string | null,
    options: { auto?: boolean; doc?: Y.Doc; origin?: string | null } = {},
  ) {
    this.auto = options.auto ?? true
    this.doc = options.doc ?? new Y.Doc()
    // A browser always sends Origin on a WebSocket upgrade; the server refuses an upgrade without one.
    this.origin = options.origin === undefined ? originOf(url) : options.origin
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE && this.auto && this.isOpen) this.sendData(syncProtocol.messageYjsUpdate, update)
    })
  }

  get isOpen(): boolean {
    return this.ws !== null && this.ws.readyState === WebSocket.OPEN
  }

  get events(): Y.Map<unknown> {
    return this.doc.getMap('events')
  }

  connect(): Promise<void> {
    this.frames.length = 0
    this.sent = 0
    this.closed = null
    const ws = new WebSocket(this.url, {
      ...(this.cookie ? { headers: { cookie: this.cookie } } : {}),
      ...(this.origin !== null ? { origin: this.origin } : {}),
    })
    ws.binaryType = 'nodebuffer'
    this.ws = ws
    ws.on('message', (data: Buffer) => {
      const bytes = new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength))
      const frame = decodeServerFrame(bytes)
      this.frames.push(frame)
      if (this.auto && frame.kind === 'sync') this.handleSync(frame)
      this.notify()
    })
    ws.on('close', (code: number, reason: Buffer) => {
      this.closed = { code, reason: reason.toString() }
      this.notify()
    })
    return new Promise((resolve, reject) => {
      ws.once('open', () => {
        if (this.auto)
          this.sendRaw(syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(this.doc)))
        resolve()
      })
      ws.once('error', reject)
    })
  }

  private handleSync(frame: Extract<ServerFrame, { kind: 'sync' }>): void {
    if (frame.step === syncProtocol.messageYjsSyncStep1) {
      this.sendData(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(this.doc, frame.payload))
    } else {
      Y.applyUpdate(this.doc, frame.payload, REMOTE)
    }
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter()
  }

  sendRaw(bytes: Uint8Array): void {
    if (!this.ws) throw new Error('not connected')
    this.ws.send(bytes)
  }

  /** Sends a step2 or update; returns its number for ACK matching. */
  sendData(step: number, update: Uint8Array): number {
    this.sendRaw(syncFrame(step, update))
    this.sent++
    return this.sent
  }

  sendUpdate(update: Uint8Array): number {
    return this.sendData(syncProtocol.messageYjsUpdate, update)
  }

  /** Resolves with the first frame (seen so far or later) matching; rejects after the timeout. */
  waitFor<F extends ServerFrame>(
    predicate: (frame: ServerFrame) => frame is F,
    timeoutMs?: number,
  ): Promise<F>
  waitFor(predicate: (frame: ServerFrame) => boolean, timeoutMs?: number): Promise<ServerFrame>
  waitFor(predicate: (frame: ServerFrame) => boolean, timeoutMs = 5000): Promise<ServerFrame> {
    return this.waitUntil(() => this.frames.find(predicate), timeoutMs, 'frame')
  }

  waitForAck(n: number, timeoutMs = 5000): Promise<ServerFrame> {
    return this.waitFor((f) => f.kind === 'ack' && f.n === n, timeoutMs)
  }

  waitForError(code: string, timeoutMs = 5000): Promise<Extract<ServerFrame, { kind: 'error' }>> {
    return this.waitFor(
      (f): f is Extract<ServerFrame, { kind: 'error' }> => f.kind === 'error' && f.code === code,
      timeoutMs,
    )
  }

  waitForClose(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    return this.waitUntil(() => this.closed ?? undefined, timeoutMs, 'close')
  }

  /** Every data message sent so far is acknowledged and the server's step2 arrived. */
  async synced(timeoutMs = 5000): Promise<void> {
    await this.waitUntil(
      () =>
        this.frames.some((f) => f.kind === 'sync' && f.step === syncProtocol.messageYjsSyncStep2) &&
        (this.sent === 0 || this.frames.some((f) => f.kind === 'ack' && f.n === this.sent))
          ? true
          : undefined,
      timeoutMs,
      'sync',
    )
  }

  waitUntil<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const value = probe()
        if (value === undefined) return false
        clearTimeout(timer)
        resolve(value)
        return true
      }
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== loop)
        reject(
          new Error(
            `timed out waiting for ${what}; frames: ${JSON.stringify(this.frames.map((f) => (f.kind === 'sync' ? { sync: f.step } : f)))}`,
          ),
        )
      }, timeoutMs)
      const loop = (): void => {
        if (!check()) this.waiters.push(loop)
      }
      loop()
    })
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
