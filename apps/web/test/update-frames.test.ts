import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MAX_FRAMES_IN_FLIGHT, OutgoingFrames } from '../src/sync/outgoing-frames.ts'
import { SyncProvider } from '../src/sync/sync-provider.ts'
import { MAX_FRAME_BYTES, splitUpdate } from '../src/sync/update-frames.ts'
import { FakeSocket, FakeSyncServer } from './fake-sync-server.ts'

// Issue 10 item 8: a device that wrote thousands of events offline answers the server's step 1 in
// bounded frames (the server refuses a frame over 8 MiB, and one 7 MB frame holds its event loop).

const FILLER = '登'.repeat(300) // ~900 bytes of UTF-8 per event, like a signed registration

function offlineDoc(events: number, prefix = 'e'): Y.Doc {
  const doc = new Y.Doc()
  const map = doc.getMap('events')
  doc.transact(() => {
    for (let i = 0; i < events; i++) map.set(`${prefix}${i}`, { id: `${prefix}${i}`, payload: FILLER, n: i })
  })
  return doc
}

afterEach(() => {
  FakeSocket.instances = []
})

describe('a large step 2 in bounded frames (issue 10 item 8)', () => {
  it('splits a 6 MB update into frames of at most ~256 KiB that rebuild the same doc, each naming its events', () => {
    const doc = offlineDoc(6_000)
    const update = Y.encodeStateAsUpdate(doc)
    expect(update.byteLength).toBeGreaterThan(5_000_000)
    const frames = splitUpdate(update, 'events')
    expect(frames).not.toBeNull()
    const list = frames ?? []
    expect(list.length).toBeGreaterThan(20)
    for (const frame of list) expect(frame.update.byteLength).toBeLessThanOrEqual(MAX_FRAME_BYTES * 1.05)
    expect(list.flatMap((f) => f.eventIds).sort()).toEqual([...doc.getMap('events').keys()].sort())
    const rebuilt = new Y.Doc()
    for (const frame of list) {
      Y.applyUpdate(rebuilt, frame.update)
      // Each frame applies on its own: nothing it holds waits for a later frame.
      expect(rebuilt.store.pendingStructs).toBeNull()
    }
    expect(rebuilt.getMap('events').toJSON()).toEqual(doc.getMap('events').toJSON())
  })

  it('leaves small updates, and anything but new entries of the events map, whole', () => {
    const small = offlineDoc(10)
    expect(splitUpdate(Y.encodeStateAsUpdate(small), 'events')).toBeNull()
    const other = offlineDoc(1_000)
    other.getMap('meta').set('note', 'x')
    expect(splitUpdate(Y.encodeStateAsUpdate(other), 'events', 64 * 1024)).toBeNull()
    const deleting = offlineDoc(1_000)
    deleting.getMap('events').delete('e1')
    expect(splitUpdate(Y.encodeStateAsUpdate(deleting), 'events', 64 * 1024)).toBeNull()
  })

  it(`sends at most ${MAX_FRAMES_IN_FLIGHT} frames unacknowledged, each ACK releasing its events; a live edit follows them in order`, () => {
    const doc = offlineDoc(6_000)
    const acked: string[] = []
    const errors: string[] = []
    const provider = new SyncProvider({
      url: 'ws://test/api/sync/u1',
      doc,
      pendingIds: () => [...doc.getMap('events').keys()].filter((id) => !acked.includes(id)),
      onAck: (ids) => acked.push(...ids),
      onError: (e) => errors.push(e.code),
      WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
      isOnline: () => true,
    })
    provider.connect()
    const socket = FakeSocket.instances.at(-1) as FakeSocket
    socket.accept()
    const server = new FakeSyncServer(socket)
    server.sendStep1()
    const dataFrames = () => socket.sent.length - 1 // the first frame is the client's step 1
    expect(dataFrames()).toBe(MAX_FRAMES_IN_FLIGHT)
    for (const frame of socket.sent.slice(1)) expect(frame.byteLength).toBeLessThan(MAX_FRAME_BYTES * 1.1)
    // An edit while the step 2 is still going out waits behind it (it depends on the earlier frames).
    doc.getMap('events').set('live', { id: 'live', payload: 'x' })
    expect(dataFrames()).toBe(MAX_FRAMES_IN_FLIGHT)
    server.drain()
    server.ack(1)
    expect(dataFrames()).toBe(MAX_FRAMES_IN_FLIGHT + 1)
    expect(acked.length).toBeGreaterThan(0)
    expect(acked.length).toBeLessThan(400) // one frame's events, not the whole step 2
    for (let n = 2; n <= 200 && server.dataMessages >= n - 1; n++) {
      server.drain()
      if (server.dataMessages >= n) server.ack(n)
    }
    expect(errors).toEqual([]) // the fake server refuses a frame that depends on one it lacks
    expect(acked.sort()).toEqual([...doc.getMap('events').keys()].sort())
    expect(server.doc.getMap('events').toJSON()).toEqual(doc.getMap('events').toJSON())
    provider.destroy()
  })

  it('frames queued on a closed connection are never sent on the next one (its step 2 carries them)', () => {
    const sent: Uint8Array[] = []
    const frames = new OutgoingFrames((bytes) => {
      sent.push(bytes)
      return true
    })
    for (let i = 0; i < MAX_FRAMES_IN_FLIGHT + 4; i++)
      frames.enqueue(new Uint8Array([i]), [`e${i}`], 'update')
    expect(sent).toHaveLength(MAX_FRAMES_IN_FLIGHT)
    expect(frames.acknowledge(1)).toEqual(['e0'])
    expect(sent).toHaveLength(MAX_FRAMES_IN_FLIGHT + 1)
    frames.reset()
    expect(frames.acknowledge(2)).toEqual([])
    expect(sent).toHaveLength(MAX_FRAMES_IN_FLIGHT + 1)
    frames.enqueue(new Uint8Array([99]), ['new'], 'step2')
    expect(sent.at(-1)).toEqual(new Uint8Array([99]))
  })
})
