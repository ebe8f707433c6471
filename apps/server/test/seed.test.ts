import {
  carrierProjection,
  createDatabase,
  type Database,
  events,
  units,
  users,
  yjsUpdates,
} from '@secledger/db'
import {
  DEFAULT_CALENDAR,
  DEFAULT_UNIT_POLICY,
  foldUnitRegister,
  generateSigningKeyPair,
  publicKeyOf,
  unwrapSecretKey,
  wrappedKeySchema,
} from '@secledger/domain'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '../src/auth/password.ts'
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/demo-data.ts'
import { demoTownshipEvents, seedDemo } from '../src/demo/seed.ts'
import { createSyncService } from '../src/sync/sync-service.ts'
import { SEED_NOW, TEST_KDF, TEST_PASSWORD_COST } from './support/test-server.ts'

let database: Database
let seededFirst: boolean
let seededAgain: boolean

beforeAll(async () => {
  database = await createDatabase({})
  const sync = createSyncService({ database })
  const options = { kdfParams: TEST_KDF, passwordCost: TEST_PASSWORD_COST, now: SEED_NOW }
  seededFirst = await seedDemo(database, sync, options)
  seededAgain = await seedDemo(database, sync, options)
})
afterAll(async () => {
  await database.close()
})

describe('demo seed', () => {
  it('seeds an empty database once (idempotent)', async () => {
    expect(seededFirst).toBe(true)
    expect(seededAgain).toBe(false)
    const rows = await database.db.select().from(units)
    expect(rows.map((u) => [u.id, u.parentId, u.kind, u.name]).sort()).toEqual([
      ['county-demo', null, 'county', '示范县保密局'],
      ['town-1', 'county-demo', 'township', '城关镇'],
      ['town-2', 'county-demo', 'township', '河西乡'],
      ['town-3', 'county-demo', 'township', '青山镇'],
    ])
    expect((await database.db.select({ id: users.id }).from(users)).map((u) => u.id).sort()).toEqual([
      'classifier1',
      'classifier2',
      'classifier3',
      'county',
      'leader1',
      'leader2',
      'leader3',
      'officer1',
      'officer2',
      'officer3',
    ])
  })

  it('gives every user an Argon2id password hash and a wrapped Ed25519 key that unwraps with the demo password', async () => {
    const rows = await database.db.select().from(users)
    for (const row of rows) {
      expect(row.passwordHash).toMatch(/^\$argon2id\$/)
      expect(await verifyPassword(row.passwordHash, DEMO_PASSWORD)).toBe(true)
      const wrapped = wrappedKeySchema.parse(row.wrappedKey)
      const secret = await unwrapSecretKey(wrapped, DEMO_PASSWORD, row.id)
      expect(secret.ok && publicKeyOf(secret.value)).toBe(row.publicKey)
    }
  })

  it('ingests signed carriers per township through the sync path, with S-02 masked titles', async () => {
    const stored = await database.db.select().from(events).where(eq(events.unitId, 'town-1'))
    expect(stored).toHaveLength(7)
    expect(stored.every((e) => e.actor === 'officer1')).toBe(true)
    const titles = stored
      .filter((e) => e.type === 'carrier.registered')
      .map((e) => e.payload as { level: string; title: string })
    for (const { level, title } of titles.filter((t) => t.level === 'secret')) {
      expect(level).toBe('secret')
      expect(title).toMatch(/^.{2}＊＊＊$/u)
    }
    expect(
      await database.db.select().from(yjsUpdates).where(eq(yjsUpdates.doc, 'town-1:register')),
    ).toHaveLength(1)
  })

  it('fills the projection, with one overdue hand-out per township', async () => {
    const rows = await database.db.select().from(carrierProjection)
    expect(rows).toHaveLength(21)
    const out = rows.filter((row) => row.state === 'out')
    expect(out.map((row) => row.unitId).sort()).toEqual(['town-1', 'town-2', 'town-3'])
    expect(out.every((row) => row.dueAt !== null && row.dueAt.getTime() < SEED_NOW.getTime())).toBe(true)
    const secret = rows.filter((row) => row.unitId === 'town-1' && row.level === 'secret')
    expect(secret.map((row) => row.copyNumber).sort()).toEqual([1, 1, 2, 2, 3])
  })

  it('rules B-04, M-07, C-07: a demo township’s log folds with no refusal; its main leader and classified copier are on record', () => {
    const keys = new Map(DEMO_USERS.map((user) => [user.id, generateSigningKeyPair()]))
    const directory = {
      users: Object.fromEntries(
        DEMO_USERS.map((user) => [
          user.id,
          { ...user, unit: user.unitId, publicKey: keys.get(user.id)?.publicKey ?? '' },
        ]),
      ),
    }
    const log = demoTownshipEvents(
      'town-1',
      'officer1',
      keys.get('officer1')?.secretKey ?? '',
      SEED_NOW.getTime(),
    )
    const state = foldUnitRegister(log, {
      unit: 'town-1',
      directory,
      calendar: DEFAULT_CALENDAR,
      policy: DEFAULT_UNIT_POLICY,
    })
    expect(state.refused).toEqual([])
    expect(state.alerts).toEqual([])
    expect(state.registers.responsibility.posts.get('first_responsible')?.userId).toBe('leader1')
    expect(state.registers.device.devices.get('town-1-fy1')).toMatchObject({
      kind: 'office_device',
      classified: true,
      status: 'in_use',
    })
  })
})
