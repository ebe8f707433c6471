import { createDatabase, type Database, users, yjsSnapshots } from '@secledger/db'
import { unwrapSecretKey, wrappedKeySchema } from '@secledger/domain'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEMO_PASSWORD } from '../src/demo/demo-data.ts'
import { seedDemo } from '../src/demo/seed.ts'
import { createDocCache } from '../src/sync/doc-cache.ts'
import { createSyncService } from '../src/sync/sync-service.ts'
import { registration, updateWith } from './support/events.ts'
import { SEED_NOW, TEST_KDF, TEST_PASSWORD_COST } from './support/test-server.ts'

describe('doc cache (bounded LRU)', () => {
  it('evicts the least recently used idle doc, never a busy one, and shares concurrent loads', async () => {
    let loads = 0
    const busy = new Set<string>()
    const cache = createDocCache<{ key: string }>({
      capacity: 2,
      load: async (key) => {
        loads++
        return { key }
      },
      isIdle: (value) => !busy.has(value.key),
    })
    const [a1, a2] = await Promise.all([cache.get('a'), cache.get('a')])
    expect(a1).toBe(a2)
    expect(loads).toBe(1)
    await cache.get('b')
    await cache.get('a') // a is now the most recent
    await cache.get('c')
    expect(cache.peek('b')).toBeUndefined()
    expect(cache.size).toBe(2)
    busy.add('a')
    busy.add('c')
    await cache.get('d')
    // Everything else is in use: the bound yields rather than drop a doc in use or the one just asked for.
    expect(cache.size).toBe(3)
    expect(cache.peek('d')).toBeDefined()
    busy.clear()
    await cache.get('e')
    expect(cache.size).toBe(2)
    expect(cache.peek('e')).toBeDefined()
  })
})

describe('persistence: snapshots and reload', () => {
  let database: Database
  let officerKey: string

  beforeAll(async () => {
    database = await createDatabase({})
    await seedDemo(database, createSyncService({ database }), {
      kdfParams: TEST_KDF,
      passwordCost: TEST_PASSWORD_COST,
      now: SEED_NOW,
    })
    const [officer] = await database.db.select().from(users).where(eq(users.id, 'officer1'))
    const secret = await unwrapSecretKey(
      wrappedKeySchema.parse(officer?.wrappedKey),
      DEMO_PASSWORD,
      'officer1',
    )
    if (!secret.ok) throw new Error('cannot unwrap')
    officerKey = secret.value
  })
  afterAll(async () => {
    await database.close()
  })

  it('writes a snapshot every N updates, and a fresh node rebuilds the same doc and register', async () => {
    const sync = createSyncService({ database, snapshotEvery: 3 })
    const unit = await sync.open('town-1')
    for (let i = 0; i < 4; i++) {
      const event = registration({
        unit: 'town-1',
        actor: 'officer1',
        secretKey: officerKey,
        serialNo: 500 + i,
      })
      const result = await sync.ingest(unit, updateWith([event]), {
        userId: 'officer1',
        deviceId: 't',
        peer: null,
      })
      expect(result.ok).toBe(true)
    }
    await sync.drain()
    const snapshots = await database.db.select().from(yjsSnapshots)
    expect(snapshots.map((s) => s.doc)).toEqual(['town-1:register'])
    expect(snapshots[0]?.uptoSeq).toBeLessThan(unit.lastSeq)

    const fresh = await createSyncService({ database }).open('town-1')
    expect(fresh.doc.getMap('events').toJSON()).toEqual(unit.doc.getMap('events').toJSON())
    expect(fresh.lastSeq).toBe(unit.lastSeq)
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(unit.doc))
    expect([...fresh.register.state.carriers.keys()].sort()).toEqual(
      [...unit.register.state.carriers.keys()].sort(),
    )
    expect(fresh.register.state.carriers.size).toBe(7 + 4)
  })
})
