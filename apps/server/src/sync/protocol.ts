import type { DomainError } from '@secledger/domain'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'

/**
 * The sync wire protocol (contracts.md "WebSocket sync protocol"): binary frames, lib0 encoding,
 * first varUint = message type. Version 1; a change here is a change of the contract.
 */
export const MessageType = { Sync: 0, Ack: 100, Error: 101 } as const
export const SyncStep = {
  Step1: syncProtocol.messageYjsSyncStep1,
  Step2: syncProtocol.messageYjsSyncStep2,
  Update: syncProtocol.messageYjsUpdate,
} as const

/** rule: a frame over 8 MiB is refused with SYNC-TOO-LARGE. */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024

export const CloseCode = { Unauthenticated: 4401, Forbidden: 4403, ServerError: 1011 } as const

/** The empty Yjs update (no structs, empty delete set): a step2 for an up-to-date peer. */
export const EMPTY_UPDATE = new Uint8Array([0, 0])

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, SyncStep.Step1)
  encoding.writeVarUint8Array(encoder, stateVector)
  return encoding.toUint8Array(encoder)
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, SyncStep.Step2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, SyncStep.Update)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function encodeAck(count: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Ack)
  encoding.writeVarUint(encoder, count)
  return encoding.toUint8Array(encoder)
}

export function encodeError(error: DomainError, ref?: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Error)
  const body = { code: error.code, message: { zh: error.message.zh, en: error.message.en } }
  encoding.writeVarString(encoder, JSON.stringify(ref === undefined ? body : { ...body, ref }))
  return encoding.toUint8Array(encoder)
}

/** A client frame, parsed as far as the protocol goes; Yjs bytes are checked later. */
export type ClientFrame =
  | { readonly kind: 'step1'; readonly stateVector: Uint8Array }
  | { readonly kind: 'data'; readonly update: Uint8Array }
  | { readonly kind: 'malformed'; readonly dataCarrying: boolean }

/**
 * Whether a frame announces a step2 or update: such frames are counted for ACK numbering even when
 * they turn out malformed or too large, so the client's count and ours never drift apart.
 */
export function peekDataCarrying(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MessageType.Sync) return false
    const step = decoding.readVarUint(decoder)
    return step === SyncStep.Step2 || step === SyncStep.Update
  } catch {
    return false
  }
}

export function parseClientFrame(frame: Uint8Array): ClientFrame {
  const dataCarrying = peekDataCarrying(frame)
  try {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MessageType.Sync) return { kind: 'malformed', dataCarrying }
    const step = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    // A length running past the frame must never read neighbouring memory.
    if (decoder.pos > frame.byteLength) return { kind: 'malformed', dataCarrying }
    if (step === SyncStep.Step1) return { kind: 'step1', stateVector: payload }
    if (step === SyncStep.Step2 || step === SyncStep.Update) return { kind: 'data', update: payload }
    return { kind: 'malformed', dataCarrying }
  } catch {
    return { kind: 'malformed', dataCarrying }
  }
}
