import type { Database } from '@secledger/db'
import type { DomainError } from '@secledger/domain'
import type { WSContext, WSEvents } from 'hono/ws'
import * as Y from 'yjs'
import type { Session } from '../auth/sessions.ts'
import { ServerError } from '../errors.ts'
import { recordSecurityEvent } from '../security/security-log.ts'
import {
  CloseCode,
  EMPTY_UPDATE,
  encodeAck,
  encodeError,
  encodeSyncStep1,
  encodeSyncStep2,
  MAX_FRAME_BYTES,
  parseClientFrame,
  peekDataCarrying,
} from './protocol.ts'
import { createSerialQueue } from './serial-queue.ts'
import type { SyncService } from './sync-service.ts'
import type { SyncPeer, UnitDoc } from './unit-doc.ts'

// A client that floods frames faster than we commit is cut off instead of growing our memory.
const MAX_QUEUED_FRAMES = 256
const WS_OPEN = 1

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false
  return true
}

/** Answer to a step1: what the client lacks; equal state vectors short-circuit to an empty update. */
function answerStep1(unit: UnitDoc, stateVector: Uint8Array): Uint8Array | null {
  if (bytesEqual(stateVector, unit.stateVector)) return encodeSyncStep2(EMPTY_UPDATE)
  try {
    Y.decodeStateVector(stateVector)
    return encodeSyncStep2(Y.encodeStateAsUpdate(unit.doc, stateVector))
  } catch {
    return null
  }
}

/**
 * The events of one WebSocket on `/api/sync/:unitId` (contracts.md "WebSocket sync protocol").
 * Authorization comes before any doc byte: no session → SYNC-UNAUTHENTICATED + 4401; a user of another
 * unit — another township or the county (rule S-04) → SYNC-FORBIDDEN + 4403 and a security event; no
 * step1 is ever sent to them. Frames of a connection are handled one at a time, in order.
 */
export function syncConnectionEvents(
  service: SyncService,
  database: Database,
  session: Session | null,
  unitId: string,
): WSEvents {
  const frames = createSerialQueue()
  let unit: UnitDoc | null = null
  let peer: SyncPeer | null = null
  let authorized = false
  let closed = false
  let received = 0

  const send = (ws: WSContext, frame: Uint8Array): void => {
    // lib0 encoders allocate plain ArrayBuffers; the cast only narrows the buffer type.
    if (!closed && ws.readyState === WS_OPEN) ws.send(frame as Uint8Array<ArrayBuffer>)
  }
  const sendError = (ws: WSContext, error: DomainError, ref?: number): void =>
    send(ws, encodeError(error, ref))

  async function handleFrame(ws: WSContext, bytes: Uint8Array): Promise<void> {
    if (!unit || closed) return
    const ref = peekDataCarrying(bytes) ? ++received : undefined
    if (bytes.byteLength > MAX_FRAME_BYTES) return sendError(ws, ServerError.SyncTooLarge, ref)
    const frame = parseClientFrame(bytes)
    if (frame.kind === 'malformed') return sendError(ws, ServerError.SyncMalformed, ref)
    if (frame.kind === 'step1') {
      const answer = answerStep1(unit, frame.stateVector)
      return answer ? send(ws, answer) : sendError(ws, ServerError.SyncMalformed)
    }
    const result = await service.ingest(unit, frame.update, {
      userId: session?.user.id ?? null,
      deviceId: session?.deviceId ?? null,
      peer,
    })
    if (result.ok) send(ws, encodeAck(ref ?? received))
    else sendError(ws, result.error, ref)
  }

  return {
    onOpen(_event, ws) {
      if (!session) {
        sendError(ws, ServerError.SyncUnauthenticated)
        ws.close(CloseCode.Unauthenticated, 'unauthenticated')
        return
      }
      if (session.user.unit.id !== unitId) {
        sendError(ws, ServerError.SyncForbidden)
        ws.close(CloseCode.Forbidden, 'forbidden')
        void recordSecurityEvent(database.db, {
          unitId,
          userId: session.user.id,
          deviceId: session.deviceId,
          kind: 'sync_forbidden',
          code: ServerError.SyncForbidden.code,
          detail: { requestedUnit: unitId, userUnit: session.user.unit.id },
        }).catch((error: unknown) => console.error('[sync] could not record a security event', error))
        return
      }
      authorized = true
      const self: SyncPeer = {
        send: (frame) => send(ws, frame),
        close: (code, reason) => ws.close(code, reason),
      }
      peer = self
      void frames
        .run(async () => {
          const joined = await service.join(unitId, self)
          if (closed) return service.leave(joined, self)
          unit = joined
          send(ws, encodeSyncStep1(joined.stateVector))
        })
        .catch((error: unknown) => {
          console.error(`[sync] could not open ${unitId}`, error)
          ws.close(CloseCode.ServerError, 'unavailable')
        })
    },
    onMessage(event, ws) {
      if (!authorized || closed) return
      if (!(event.data instanceof ArrayBuffer)) {
        // A text frame is not part of the protocol.
        sendError(ws, ServerError.SyncMalformed)
        return
      }
      if (frames.pending >= MAX_QUEUED_FRAMES) {
        ws.close(CloseCode.ServerError, 'too many queued frames')
        return
      }
      const bytes = new Uint8Array(event.data)
      void frames
        .run(() => handleFrame(ws, bytes))
        .catch((error: unknown) => {
          // A database failure: nothing was acknowledged; the client reconnects and resends.
          console.error('[sync] frame failed', error)
          ws.close(CloseCode.ServerError, 'storage unavailable')
        })
    },
    onClose() {
      closed = true
      if (unit && peer) service.leave(unit, peer)
    },
  }
}
