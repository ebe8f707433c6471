import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import * as syncProtocol from 'y-protocols/sync'
import { syncFrame } from '../../test/support/sync-client.ts'

const WS_MODULE = createRequire(import.meta.url).resolve('ws')

// Plain CommonJS for an eval'd worker: connect, send the one frame when told, report its ACK.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const WebSocket = require(workerData.wsModule)
const ws = new WebSocket(workerData.url, { headers: workerData.headers, perMessageDeflate: false })
let sentAt = 0
let frame = null
ws.on('open', () => parentPort.postMessage({ kind: 'open' }))
ws.on('error', (error) => parentPort.postMessage({ kind: 'error', message: String(error) }))
ws.on('message', (data) => {
  if (data[0] === 100) parentPort.postMessage({ kind: 'ack', ms: performance.now() - sentAt })
  else if (data[0] === 101) parentPort.postMessage({ kind: 'error', message: data.subarray(2).toString() })
})
parentPort.on('message', (message) => {
  if (message.kind === 'load') {
    frame = new Uint8Array(message.frame)
  } else if (message.kind === 'send') {
    sentAt = performance.now()
    ws.send(frame)
  } else if (message.kind === 'close') {
    ws.close()
    parentPort.close()
  }
})
`

/**
 * A device on its own thread (another event loop, as a remote device is): building, masking and
 * sending a 7 MB frame costs the client ~100 ms, which must not be counted against the server.
 */
export class RemoteUploader {
  private readonly worker: Worker
  private readonly opened: Promise<void>

  constructor(url: string, headers: Readonly<Record<string, string>>) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { url, headers, wsModule: WS_MODULE } })
    this.opened = new Promise((resolve, reject) => {
      this.worker.once('message', (message: { kind: string; message?: string }) =>
        message.kind === 'open' ? resolve() : reject(new Error(message.message)),
      )
    })
  }

  open(): Promise<void> {
    return this.opened
  }

  /** Hands the uploader its update, framed; nothing is sent yet. */
  load(update: Uint8Array): void {
    const frame = syncFrame(syncProtocol.messageYjsUpdate, update)
    this.worker.postMessage({ kind: 'load', frame: frame.buffer }, [frame.buffer as ArrayBuffer])
  }

  /** Sends the loaded update; resolves with the ms from send to its ACK, measured on the uploader's thread. */
  upload(): Promise<number> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: { kind: string; ms?: number; message?: string }): void => {
        if (message.kind !== 'ack' && message.kind !== 'error') return
        this.worker.off('message', onMessage)
        if (message.kind === 'ack') resolve(message.ms ?? Number.NaN)
        else reject(new Error(`upload refused: ${message.message}`))
      }
      this.worker.on('message', onMessage)
      this.worker.postMessage({ kind: 'send' })
    })
  }

  async close(): Promise<void> {
    this.worker.postMessage({ kind: 'close' })
    await this.worker.terminate()
  }
}
