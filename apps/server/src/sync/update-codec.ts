import * as decoding from 'lib0/decoding'
import { writeVarUint } from 'lib0/encoding'
import * as Y from 'yjs'
import type { Slicer } from './slicer.ts'

/**
 * Yjs v1 updates read and written a slice at a time (issue 10 item 8): one `Y.decodeUpdate` or
 * `Y.applyUpdate` of a 6 MB update is ~150 ms of a single synchronous call.
 *
 * `decodeUpdateSliced` reads the format as Yjs's own lazy reader does (yjs/src/utils/updates.js
 * `lazyStructReaderGenerator`), pausing between slices, but only the content a register holds (one
 * JSON value, ContentAny); at anything else, or anything unexpected, it hands the update to
 * `Y.decodeUpdate`, so every verdict is the one the reference decoder gives. `encodeStructs` writes
 * a run of decoded structs back as an update of their own.
 */

export type DecodedStruct = Y.Item | Y.GC | Y.Skip

export interface DecodedUpdate {
  readonly structs: readonly DecodedStruct[]
  /** Whether the delete set removes anything. */
  readonly deletes: boolean
}

// Bits of a struct's info byte (yjs Item.write).
const CONTENT_BITS = 0b1_1111
const HAS_PARENT_SUB = 0b10_0000
const HAS_RIGHT_ORIGIN = 0b100_0000
const HAS_ORIGIN = 0b1000_0000
const CONTENT_ANY = 8
const SKIP = 10

/** Content other than one JSON value: left to the reference decoder. */
class NotLazilyReadable extends Error {}

function readStruct(decoder: Y.UpdateDecoderV1, client: number, clock: number): DecodedStruct {
  const info = decoder.readInfo()
  if (info === SKIP) return new Y.Skip(Y.createID(client, clock), decoding.readVarUint(decoder.restDecoder))
  if ((info & CONTENT_BITS) === 0) return new Y.GC(Y.createID(client, clock), decoder.readLen())
  if ((info & CONTENT_BITS) !== CONTENT_ANY) throw new NotLazilyReadable()
  const origin = (info & HAS_ORIGIN) !== 0 ? decoder.readLeftID() : null
  const rightOrigin = (info & HAS_RIGHT_ORIGIN) !== 0 ? decoder.readRightID() : null
  const ownsParentInfo = origin === null && rightOrigin === null
  // A root type is named by its key string, as in a Yjs-decoded (not integrated) struct.
  const parent = ownsParentInfo
    ? decoder.readParentInfo()
      ? decoder.readString()
      : decoder.readLeftID()
    : null
  const parentSub = ownsParentInfo && (info & HAS_PARENT_SUB) !== 0 ? decoder.readString() : null
  const length = decoder.readLen()
  const values: unknown[] = []
  for (let i = 0; i < length; i++) values.push(decoder.readAny())
  return new Y.Item(
    Y.createID(client, clock),
    null,
    origin,
    null,
    rightOrigin,
    parent as Y.ID | null,
    parentSub,
    new Y.ContentAny(values),
  )
}

async function readLazily(update: Uint8Array, slicer: Slicer): Promise<DecodedUpdate> {
  const decoder = new Y.UpdateDecoderV1(decoding.createDecoder(update))
  const rest = decoder.restDecoder
  const structs: DecodedStruct[] = []
  const clients = decoding.readVarUint(rest)
  for (let c = 0; c < clients; c++) {
    const count = decoding.readVarUint(rest)
    const client = decoder.readClient()
    let clock = decoding.readVarUint(rest)
    for (let i = 0; i < count; i++) {
      const struct = readStruct(decoder, client, clock)
      structs.push(struct)
      clock += struct.length
      if (slicer.due()) await slicer.pause()
    }
  }
  let deletes = false
  const deleteClients = decoding.readVarUint(rest)
  for (let c = 0; c < deleteClients; c++) {
    decoding.readVarUint(rest) // client
    const ranges = decoding.readVarUint(rest)
    for (let i = 0; i < ranges; i++) {
      decoder.readDsClock()
      decoder.readDsLen()
      deletes = true
    }
  }
  return { structs, deletes }
}

/** Decodes a v1 update in slices; throws, as `Y.decodeUpdate` does, on bytes that are not an update. */
export async function decodeUpdateSliced(update: Uint8Array, slicer: Slicer): Promise<DecodedUpdate> {
  try {
    return await readLazily(update, slicer)
  } catch {
    // Other content, or malformed bytes: whatever Yjs makes of them is the verdict.
    const decoded = Y.decodeUpdate(update)
    const deletes = Array.from(decoded.ds.clients.values()).some((ranges) => ranges.length > 0)
    return { structs: decoded.structs, deletes }
  }
}

/**
 * Encodes new structs of the `events` map (no origins, as the guard admits them) as a v1 update, so a
 * large committed update can be applied to the served doc in slices. `structs` must continue each
 * client's clock without gaps, in order, as the guard's `structs` do.
 */
export function encodeStructs(structs: readonly Y.Item[]): Uint8Array {
  const byClient = new Map<number, Y.Item[]>()
  for (const struct of structs) {
    const run = byClient.get(struct.id.client)
    if (run) run.push(struct)
    else byClient.set(struct.id.client, [struct])
  }
  const encoder = new Y.UpdateEncoderV1()
  const rest = encoder.restEncoder
  writeVarUint(rest, byClient.size)
  for (const [client, run] of byClient) {
    writeVarUint(rest, run.length)
    encoder.writeClient(client)
    writeVarUint(rest, (run[0] as Y.Item).id.clock)
    for (const struct of run) struct.write(encoder, 0)
  }
  writeVarUint(rest, 0) // an empty delete set
  return encoder.toUint8Array()
}
