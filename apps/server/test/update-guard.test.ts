import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
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
  it('accepts new top-level entries of events and returns them', () => {
    const server = serverWith({ [ID_A]: { id: ID_A } })
    const update = clientChange(server, (doc) => doc.getMap('events').set(ID_B, { id: ID_B }))
    const verdict = guardUpdate(update, server)
    expect(verdict).toEqual({ ok: true, entries: [{ key: ID_B, value: { id: ID_B } }] })
  })

  it('refuses a delete as SYNC-IMMUTABLE', () => {
    const server = serverWith({ [ID_A]: { id: ID_A } })
    const update = clientChange(server, (doc) => doc.getMap('events').delete(ID_A))
    expect(guardUpdate(update, server)).toMatchObject({ ok: false, error: { code: 'SYNC-IMMUTABLE' } })
  })

  it('refuses an overwrite as SYNC-IMMUTABLE', () => {
    const server = serverWith({ [ID_A]: { id: ID_A } })
    const update = clientChange(server, (doc) => doc.getMap('events').set(ID_A, { id: ID_A, extra: 1 }))
    expect(guardUpdate(update, server)).toMatchObject({ ok: false, error: { code: 'SYNC-IMMUTABLE' } })
  })

  it('refuses a concurrent set of a key the server already holds (no origin, other client)', () => {
    const server = serverWith({ [ID_A]: { id: ID_A } })
    const other = new Y.Doc()
    other.getMap('events').set(ID_A, { id: ID_A, forged: true })
    expect(guardUpdate(Y.encodeStateAsUpdate(other), server)).toMatchObject({
      ok: false,
      error: { code: 'SYNC-IMMUTABLE' },
    })
  })

  it('refuses other root types, nested types and non-JSON content as SYNC-MALFORMED', () => {
    const server = serverWith({})
    const cases: ((doc: Y.Doc) => void)[] = [
      (doc) => doc.getMap('other').set(ID_A, { id: ID_A }),
      (doc) => doc.getMap('events').set(ID_A, new Y.Map()),
      (doc) => doc.getText('notes').insert(0, 'free text'),
      (doc) => doc.getArray('events-list').push([1]),
    ]
    for (const change of cases) {
      expect(guardUpdate(clientChange(server, change), server)).toMatchObject({
        ok: false,
        error: { code: 'SYNC-MALFORMED' },
      })
    }
  })

  it('refuses an update depending on structs the server lacks, and undecodable bytes, as SYNC-MALFORMED', () => {
    const server = serverWith({})
    const client = new Y.Doc()
    client.getMap('events').set(ID_A, { id: ID_A })
    const sv = Y.encodeStateVector(client)
    client.getMap('events').set(ID_B, { id: ID_B })
    const second = Y.encodeStateAsUpdate(client, sv)
    expect(guardUpdate(second, server)).toMatchObject({ ok: false, error: { code: 'SYNC-MALFORMED' } })
    expect(guardUpdate(new Uint8Array([1, 2, 3, 200, 200]), server)).toMatchObject({
      ok: false,
      error: { code: 'SYNC-MALFORMED' },
    })
  })

  it('skips structs the server already holds (a resend is not an overwrite)', () => {
    const client = new Y.Doc()
    client.getMap('events').set(ID_A, { id: ID_A })
    const server = new Y.Doc()
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
    client.getMap('events').set(ID_B, { id: ID_B })
    const verdict = guardUpdate(Y.encodeStateAsUpdate(client), server)
    expect(verdict).toEqual({ ok: true, entries: [{ key: ID_B, value: { id: ID_B } }] })
  })
})
