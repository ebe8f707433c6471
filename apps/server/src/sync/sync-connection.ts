import type { Database } from '@secledger/db'
import type { DomainError } from '@secledger/domain'
import type { WSContext, WSEvents } from 'hono/ws'
import * as Y from 'yjs'
import type { SessionSockets } from '../auth/session-sockets.ts'
import { isSessionActive, type Session } from '../auth/sessions.ts'
import { ServerError } from '../errors.ts'
import { logError } from '../http/error-log.ts'
import { recordSecurityEvent } from '../security/security-log.ts'
import { FOREGROUND_MAX_BYTES } from './foreground.ts'
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
// setTimeout's longest delay (~24.8 days); a longer wait is taken in steps.
const MAX_TIMER_MS = 2 ** 31 - 1

/** What a connection needs to keep its session honest after the upgrade (issue 10 item 2). */
export interface SyncConnectionContext {
  readonly service: SyncService
  readonly database: Database
  readonly sockets: SessionSockets
  readonly now: () => Date
}

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
 *
 * The session is not trusted for the socket's lifetime (issue 10 item 2): the socket is registered under
 * its session, so logout and `endUserSessions` close it; a timer closes it when the session expires; and
 * every frame re-checks the session in the database (a logout on another node, an expiry the timer has
 * not seen) before anything is read or ingested. An ended session gets SYNC-SESSION-ENDED and 4401, and
 * its frame is never committed.
 */
export function syncConnectionEvents(
  context: SyncConnectionContext,
  session: Session | null,
  unitId: string,
): WSEvents {
  const { service, database } = context
  const frames = createSerialQueue()
  let unit: UnitDoc | null = null
  let peer: SyncPeer | null = null
  let authorized = false
  let closed = false
  let ended = false
  let received = 0
  let unregister: (() => void) | null = null
  let expiryTimer: ReturnType<typeof setTimeout> | null = null

  const release = (): void => {
    if (expiryTimer !== null) clearTimeout(expiryTimer)
    expiryTimer = null
    unregister?.()
    unregister = null
  }

  const send = (ws: WSContext, frame: Uint8Array): void => {
    // lib0 encoders allocate plain ArrayBuffers; the cast only narrows the buffer type.
    if (!closed && ws.readyState === WS_OPEN) ws.send(frame as Uint8Array<ArrayBuffer>)
  }
  const sendError = (ws: WSContext, error: DomainError, ref?: number): void =>
    send(ws, encodeError(error, ref))

  /** Ends the connection because its session ended: one error frame, then 4401; later frames are dropped. */
  const endSession = (ws: WSContext, error: DomainError = ServerError.SessionEnded, ref?: number): void => {
    if (ended || closed) return
    sendError(ws, error, ref)
    ended = true
    release()
    ws.close(CloseCode.Unauthenticated, 'session ended')
  }

  /** Closes the socket when the session expires. The delay is read on the app's clock (`now`) once. */
  const armExpiry = (ws: WSContext, delayMs: number): void => {
    expiryTimer =
      delayMs > MAX_TIMER_MS
        ? setTimeout(() => armExpiry(ws, delayMs - MAX_TIMER_MS), MAX_TIMER_MS)
        : setTimeout(() => endSession(ws), delayMs)
  }

  const sessionStands = async (active: Session): Promise<boolean> => {
    const now = context.now()
    return active.expiresAt > now && (await isSessionActive(database.db, active.id, now))
  }

  /**
   * A small frame is an ordinary edit from its arrival: a large upload in progress gives way to it
   * during its session check too, not only its commit (issue 10 item 8; foreground.ts).
   */
  async function handleFrame(ws: WSContext, bytes: Uint8Array): Promise<void> {
    const leave = bytes.byteLength <= FOREGROUND_MAX_BYTES ? service.foreground.enter() : null
    try {
      await handleFrameInOrder(ws, bytes)
    } finally {
      leave?.()
    }
  }

  async function handleFrameInOrder(ws: WSContext, bytes: Uint8Array): Promise<void> {
    if (!unit || closed || ended || !session) return
    const ref = peekDataCarrying(bytes) ? ++received : undefined
    if (!(await sessionStands(session))) return endSession(ws, ServerError.SessionEnded, ref)
    if (closed || ended) return
    if (bytes.byteLength > MAX_FRAME_BYTES) return sendError(ws, ServerError.SyncTooLarge, ref)
    const frame = parseClientFrame(bytes)
    if (frame.kind === 'malformed') return sendError(ws, ServerError.SyncMalformed, ref)
    if (frame.kind === 'step1') {
      const answer = answerStep1(unit, frame.stateVector)
      return answer ? send(ws, answer) : sendError(ws, ServerError.SyncMalformed)
    }
    const result = await service.ingest(unit, frame.update, {
      userId: session.user.id,
      deviceId: session.deviceId,
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
        }).catch((error: unknown) => logError('[sync] could not record a security event', error))
        return
      }
      authorized = true
      unregister = context.sockets.add(session.id, session.user.id, { end: (error) => endSession(ws, error) })
      const untilExpiry = session.expiresAt.getTime() - context.now().getTime()
      if (untilExpiry <= 0) return endSession(ws)
      armExpiry(ws, untilExpiry)
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
          logError(`[sync] could not open ${unitId}`, error)
          ws.close(CloseCode.ServerError, 'unavailable')
        })
    },
    onMessage(event, ws) {
      if (!authorized || closed || ended) return
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
          logError('[sync] frame failed', error)
          ws.close(CloseCode.ServerError, 'storage unavailable')
        })
    },
    onClose() {
      closed = true
      release()
      if (unit && peer) service.leave(unit, peer)
    },
  }
}
