import { writeVarUint } from 'lib0/encoding'
import * as Y from 'yjs'

/**
 * A large answer to the server's step 1 (a device that was offline for weeks, or an import) sent as
 * bounded frames (issue 10 item 8): one 7 MB frame holds the server's event loop while it arrives and
 * is read, delaying every other township's acknowledgements, and a frame over 8 MiB is refused
 * outright (SYNC-TOO-LARGE), so such a device could never sync. Each frame is a Yjs update of its own,
 * acknowledged on its own: its events leave the outbox as soon as it is committed.
 */

/** Above the server's foreground bound (64 KiB): frames of an upload are sliced there, not rushed. */
export const MAX_FRAME_BYTES = 256 * 1024

export interface UpdateFrame {
  readonly update: Uint8Array
  /** The events-map keys (event ids) whose entries this frame carries. */
  readonly eventIds: readonly string[]
}

/** The event id an item of the events map is stored under, or null for anything else. */
function eventKeyOf(struct: Y.Item | Y.GC | Y.Skip, eventsMapName: string): string | null {
  if (!(struct instanceof Y.Item)) return null
  // A decoded item names its root type by name (typed as a type, it is a string until integrated).
  if ((struct.parent as unknown) !== eventsMapName || typeof struct.parentSub !== 'string') return null
  if (struct.origin !== null || struct.rightOrigin !== null) return null
  return struct.parentSub
}

/** A run of new entries as an update: per client, its structs from the first one's clock, no deletes. */
function encodeItems(items: readonly Y.Item[]): Uint8Array {
  const byClient = new Map<number, Y.Item[]>()
  for (const item of items) {
    const run = byClient.get(item.id.client)
    if (run) run.push(item)
    else byClient.set(item.id.client, [item])
  }
  const encoder = new Y.UpdateEncoderV1()
  writeVarUint(encoder.restEncoder, byClient.size)
  for (const [client, run] of byClient) {
    writeVarUint(encoder.restEncoder, run.length)
    encoder.writeClient(client)
    writeVarUint(encoder.restEncoder, (run[0] as Y.Item).id.clock)
    for (const item of run) item.write(encoder, 0)
  }
  writeVarUint(encoder.restEncoder, 0) // an empty delete set
  return encoder.toUint8Array()
}

/**
 * Splits `update` into frames of about `maxBytes` each, in order, or returns null (send it whole) when
 * it is small or holds anything but new entries of the events map (a delete, a nested type, an
 * overwrite): those are rare, small, and safest left as Yjs wrote them.
 */
export function splitUpdate(
  update: Uint8Array,
  eventsMapName: string,
  maxBytes: number = MAX_FRAME_BYTES,
): UpdateFrame[] | null {
  if (update.byteLength <= maxBytes) return null
  const { structs, ds } = Y.decodeUpdate(update)
  if (ds.clients.size > 0) return null
  const items: Y.Item[] = []
  const keys = new Map<Y.Item, string>()
  for (const struct of structs) {
    const key = eventKeyOf(struct, eventsMapName)
    if (key === null) return null
    items.push(struct as Y.Item)
    keys.set(struct as Y.Item, key)
  }
  // Items of one client must follow each other without a gap, in clock order, within and across frames.
  items.sort((a, b) => a.id.client - b.id.client || a.id.clock - b.id.clock)
  const perFrame = Math.max(1, Math.floor((items.length * maxBytes) / update.byteLength))
  const frames: UpdateFrame[] = []
  for (let i = 0; i < items.length; i += perFrame) {
    const run = items.slice(i, i + perFrame)
    frames.push({ update: encodeItems(run), eventIds: run.map((item) => keys.get(item) as string) })
  }
  return frames
}
