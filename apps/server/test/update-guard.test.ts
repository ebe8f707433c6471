import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { UNSLICED } from '../src/sync/slicer.ts'
import { decodeUpdateSliced, encodeStructs } from '../src/sync/update-codec.ts'
import { guardUpdate } from '../src/sync/update-guard.ts'

const ID_A = 'a'.repeat(64)
const ID_B = 'b'.repeat(64)

function serverWith(entries: Record<string, unknown>): Y.Doc {
  const doc = new Y.Doc()
  for (const [key, value] of Object.entries(entries)) doc.getMap('events').set(key, value)
  return doc
}

/** A client that has synced the server's doc, then changes it; returns only its change. */
function clientChange(server: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const sv = Y.encodeStateVector(client)
  change(client)
  return Y.encodeStateAsUpdate(client, sv)
}

describe('guardUpdate (ARCHITECTURE decision 5: events are immutable)', () => {
  it('accepts new top-level entries of events and returns them', async () => {
    const server = serverWith({ [ID_A]: { id: ID_A } })
    const update = clientChange(server, (doc) => doc.getMap('events').set(ID_B, { id: ID_B }))
    const verdict = await guardUpdate(update, server)
    expect(verdict).toMatchObject({ ok: true, entries: [{ key: ID_B, value: { id: ID_B } }] })
  })

  it('refuses a delete as SYNC-IMMUTABLE', async () => {
    const server = serverWith({ [ID_A]: { id: ID_A } })
    const update = clientChange(server, (doc) => doc.getMap('events').delete(ID_A))
    expect(await guardUpdate(update, server)).toMatchObject({ ok: false, error: { code: 'SYNC-IMMUTABLE' } })
  })

  it('refuses an overwrite as SYNC-IMMUTABLE', async () => {
    const server = serverWith({ [ID_A]: { id: ID_A } })
    const update = clientChange(server, (doc) => doc.getMap('events').set(ID_A, { id: ID_A, extra: 1 }))
    expect(await guardUpdate(update, server)).toMatchObject({ ok: false, error: { code: 'SYNC-IMMUTABLE' } })
  })

  it('refuses a concurrent set of a key the server already holds (no origin, other client)', async () => {
    const server = serverWith({ [ID_A]: { id: ID_A } })
    const other = new Y.Doc()
    other.getMap('events').set(ID_A, { id: ID_A, forged: true })
    expect(await guardUpdate(Y.encodeStateAsUpdate(other), server)).toMatchObject({
      ok: false,
      error: { code: 'SYNC-IMMUTABLE' },
    })
  })

  it('refuses other root types, nested types and non-JSON content as SYNC-MALFORMED', async () => {
    const server = serverWith({})
    const cases: ((doc: Y.Doc) => void)[] = [
      (doc) => doc.getMap('other').set(ID_A, { id: ID_A }),
      (doc) => doc.getMap('events').set(ID_A, new Y.Map()),
      (doc) => doc.getText('notes').insert(0, 'free text'),
      (doc) => doc.getArray('events-list').push([1]),
    ]
    for (const change of cases) {
      expect(await guardUpdate(clientChange(server, change), server)).toMatchObject({
        ok: false,
        error: { code: 'SYNC-MALFORMED' },
      })
    }
  })

  it('refuses an update depending on structs the server lacks, and undecodable bytes, as SYNC-MALFORMED', async () => {
    const server = serverWith({})
    const client = new Y.Doc()
    client.getMap('events').set(ID_A, { id: ID_A })
    const sv = Y.encodeStateVector(client)
    client.getMap('events').set(ID_B, { id: ID_B })
    const second = Y.encodeStateAsUpdate(client, sv)
    expect(await guardUpdate(second, server)).toMatchObject({ ok: false, error: { code: 'SYNC-MALFORMED' } })
    expect(await guardUpdate(new Uint8Array([1, 2, 3, 200, 200]), server)).toMatchObject({
      ok: false,
      error: { code: 'SYNC-MALFORMED' },
    })
  })

  it('skips structs the server already holds (a resend is not an overwrite)', async () => {
    const client = new Y.Doc()
    client.getMap('events').set(ID_A, { id: ID_A })
    const server = new Y.Doc()
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
    client.getMap('events').set(ID_B, { id: ID_B })
    const verdict = await guardUpdate(Y.encodeStateAsUpdate(client), server)
    expect(verdict).toMatchObject({ ok: true, entries: [{ key: ID_B, value: { id: ID_B } }] })
  })
})

describe('issue 10 item 8: a large update is decoded and applied in slices', () => {
  function bigUpdate(count: number): { update: Uint8Array; client: Y.Doc } {
    const client = new Y.Doc()
    const map = client.getMap('events')
    client.transact(() => {
      for (let i = 0; i < count; i++) {
        const id = i.toString(16).padStart(64, '0')
        map.set(id, { id, payload: { n: i, text: '关于做好保密工作的通知'.repeat(4) } })
      }
    })
    return { update: Y.encodeStateAsUpdate(client), client }
  }

  it('issue 10 item 8: the guard of 5,000 events pauses (a timer runs before it finishes) and admits them all', async () => {
    const { update } = bigUpdate(5_000)
    let pauses = 0
    let calls = 0
    const slicer = {
      due: () => ++calls % 100 === 0,
      pause: () => {
        pauses++
        return new Promise<void>((resolve) => setImmediate(resolve))
      },
    }
    let timerRan = false
    let finishedFirst = false
    setImmediate(() => {
      timerRan = true
    })
    const verdict = await guardUpdate(update, new Y.Doc(), slicer).then((v) => {
      finishedFirst = !timerRan
      return v
    })
    expect(finishedFirst).toBe(false)
    expect(pauses).toBeGreaterThan(0)
    expect(verdict.ok && verdict.entries.length).toBe(5_000)
    const whole = await guardUpdate(update, new Y.Doc())
    expect(verdict.ok && verdict.entries.map((entry) => entry.key)).toEqual(
      whole.ok && whole.entries.map((entry) => entry.key),
    )
  })

  it('issue 10 item 8: the new structs re-encoded in slices rebuild the same doc as the whole update', async () => {
    const { update, client } = bigUpdate(1_200)
    const verdict = await guardUpdate(update, new Y.Doc())
    if (!verdict.ok) throw new Error(verdict.reason)
    const sliced = new Y.Doc()
    for (let i = 0; i < verdict.structs.length; i += 250) {
      Y.applyUpdate(sliced, encodeStructs(verdict.structs.slice(i, i + 250)))
    }
    expect(sliced.store.pendingStructs).toBeNull()
    expect(sliced.getMap('events').toJSON()).toEqual(client.getMap('events').toJSON())
    expect(Y.encodeStateVector(sliced)).toEqual(Y.encodeStateVector(client))
    expect(Buffer.compare(Y.encodeStateAsUpdate(sliced), Y.encodeStateAsUpdate(client))).toBe(0)
  })

  it('issue 10 item 8: content the sliced reader does not read (text, nested types) gets the reference verdict', async () => {
    const server = serverWith({})
    const text = clientChange(server, (doc) => {
      doc.getMap('events').set(ID_A, { id: ID_A })
      doc.getText('notes').insert(0, '自由文本')
    })
    expect(await decodeUpdateSliced(text, UNSLICED)).toEqual({
      structs: Y.decodeUpdate(text).structs,
      deletes: false,
    })
  })
})
