import { anomalyProjection, carrierProjection, events, units, yjsUpdates } from '@secledger/db'
import { listTestEngines, type TestDatabase } from '@secledger/db/testing'
import { type EventEnvelope, formatHlc } from '@secledger/domain'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CommitInput, commitUpdate } from '../src/sync/persistence.ts'

const engines = await listTestEngines()
let serial = 0

/** The commit stores what the checks accepted; it does not look at signatures, so these are placeholders. */
function envelope(unitId: string, n: number): EventEnvelope {
  return {
    id: n.toString(16).padStart(64, '0'),
    unit: unitId,
    type: 'carrier.handed_out',
    actor: 'officer1',
    device: 'pc',
    at: formatHlc({ wallMs: 1_795_000_000_000 + n, counter: 0, node: 'pc' }),
    payload: { carrierId: `c${n}`, reader: '甲' },
    sig: '0'.repeat(128),
  }
}

function input(unitId: string, eventCount: number, overrides: Partial<CommitInput> = {}): CommitInput {
  const now = new Date('2026-11-23T03:00:00Z')
  const evs = Array.from({ length: eventCount }, () => envelope(unitId, ++serial))
  return {
    docName: `${unitId}:register`,
    unitId,
    rows: [{ update: new Uint8Array([1, 2, 3]), mac: new Uint8Array(32).fill(serial % 256) }],
    userId: 'officer1',
    deviceId: 'pc',
    events: evs,
    projection: {
      carriers: evs.map((event) => ({
        id: `${unitId}-${event.id.slice(-8)}`,
        unitId,
        serial: `2026-${serial}`,
        docNumber: 'd',
        copyNumber: null,
        level: 'internal',
        periodYears: 10,
        state: 'in_custody',
        kind: 'paper',
        receivedOn: '2026-11-23',
        registeredAt: now,
        dueAt: null,
        updatedAt: now,
      })),
      anomalies: [
        {
          id: `a-${serial}`,
          unitId,
          kind: 'duplicate_serial',
          carrierId: null,
          openedAt: now,
          resolvedAt: null,
        },
      ],
    },
    now,
    ...overrides,
  }
}

describe.each(engines)('commit of an accepted update on $kind (ARCHITECTURE decision 5)', (engine) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await engine.open()
    await database.db.insert(units).values([
      { id: 'county-x', kind: 'county', name: '县' },
      { id: 'town-1', parentId: 'county-x', kind: 'township', name: '镇' },
    ])
  })
  afterAll(async () => {
    await database?.close()
  })

  async function counts(unitId: string) {
    const [updates, stored, carriers, anomalies] = await Promise.all([
      database.db
        .select()
        .from(yjsUpdates)
        .where(eq(yjsUpdates.doc, `${unitId}:register`)),
      database.db.select({ id: events.id }).from(events).where(eq(events.unitId, unitId)),
      database.db
        .select({ id: carrierProjection.id })
        .from(carrierProjection)
        .where(eq(carrierProjection.unitId, unitId)),
      database.db
        .select({ id: anomalyProjection.id })
        .from(anomalyProjection)
        .where(eq(anomalyProjection.unitId, unitId)),
    ])
    return {
      updates: updates.length,
      events: stored.length,
      carriers: carriers.length,
      anomalies: anomalies.length,
    }
  }

  it('writes the update, its events, the projection rows and the last sync time together, and returns the seq', async () => {
    const before = await counts('town-1')
    const commit = input('town-1', 2)
    const seq = await commitUpdate(database.db, commit)
    const [row] = await database.db.select().from(yjsUpdates).where(eq(yjsUpdates.seq, seq))
    expect(row?.update).toEqual(commit.rows[0]?.update)
    // issue 10 item 7: the row carries the MAC the server computed over it, and the time it covers.
    expect(row?.mac).toEqual(commit.rows[0]?.mac)
    expect(row?.createdAt).toEqual(commit.now)
    expect(await counts('town-1')).toEqual({
      updates: before.updates + 1,
      events: before.events + 2,
      carriers: before.carriers + 2,
      anomalies: before.anomalies + 1,
    })
    const [unit] = await database.db.select().from(units).where(eq(units.id, 'town-1'))
    expect(unit?.lastSyncAt).toEqual(commit.now)
    // Resent events are skipped (append-only), the projection rows are updated in place.
    const again = await commitUpdate(database.db, {
      ...commit,
      rows: [{ update: new Uint8Array([4]), mac: new Uint8Array(32) }],
    })
    expect(again).toBeGreaterThan(seq)
    expect((await counts('town-1')).events).toBe(before.events + 2)
  })

  it('issue 10 item 8: the rows travel as JSON yet land column for column: events, carriers, anomalies', async () => {
    const commit = input('town-1', 1)
    const [event] = commit.events
    const [carrier] = commit.projection.carriers
    const [anomaly] = commit.projection.anomalies
    if (!event || !carrier || !anomaly) throw new Error('no rows')
    const dueAt = new Date('2026-11-25T09:30:00.123Z')
    const withNulls = {
      ...commit,
      projection: {
        carriers: [{ ...carrier, copyNumber: 3, dueAt, receivedOn: '2026-02-28' }],
        anomalies: [{ ...anomaly, carrierId: carrier.id, resolvedAt: dueAt }],
      },
    }
    await commitUpdate(database.db, withNulls)
    const [storedEvent] = await database.db.select().from(events).where(eq(events.id, event.id))
    expect(storedEvent).toEqual({
      id: event.id,
      unitId: event.unit,
      type: event.type,
      actor: event.actor,
      device: event.device,
      at: event.at,
      payload: event.payload,
      sig: event.sig,
      receivedAt: commit.now,
    })
    const [storedCarrier] = await database.db
      .select()
      .from(carrierProjection)
      .where(eq(carrierProjection.id, carrier.id))
    expect(storedCarrier).toEqual({ ...carrier, copyNumber: 3, dueAt, receivedOn: '2026-02-28' })
    const [storedAnomaly] = await database.db
      .select()
      .from(anomalyProjection)
      .where(eq(anomalyProjection.id, anomaly.id))
    expect(storedAnomaly).toEqual({ ...anomaly, carrierId: carrier.id, resolvedAt: dueAt })
    // Another unit's entry with the same id never overwrites this unit's row.
    await database.db
      .insert(units)
      .values({ id: 'town-2', parentId: 'county-x', kind: 'township', name: '乡' })
    await commitUpdate(database.db, {
      ...input('town-2', 0),
      projection: { carriers: [{ ...carrier, unitId: 'town-2', state: 'destroyed' }], anomalies: [] },
    })
    const [after] = await database.db
      .select()
      .from(carrierProjection)
      .where(eq(carrierProjection.id, carrier.id))
    expect(after).toEqual(storedCarrier)
  })

  it('writes nothing when any part fails (a projection row of an unknown unit)', async () => {
    const before = await counts('town-1')
    const commit = input('town-1', 1)
    const [carrier] = commit.projection.carriers
    if (!carrier) throw new Error('no carrier row')
    const broken = {
      ...commit,
      projection: { ...commit.projection, carriers: [{ ...carrier, unitId: 'nowhere' }] },
    }
    await expect(commitUpdate(database.db, broken)).rejects.toThrow()
    expect(await counts('town-1')).toEqual(before)
  })

  it('issue 10 item 8: a 3,500-event update stored as slices commits in one transaction of bounded statements, or not at all', async () => {
    const slices = Array.from({ length: 14 }, (_, i) => ({
      update: new Uint8Array([i, i, i]),
      mac: new Uint8Array(32).fill(i),
    }))
    const big = input('town-1', 3_500, { rows: slices })
    const before = await counts('town-1')
    const seq = await commitUpdate(database.db, big)
    const stored = await database.db
      .select()
      .from(yjsUpdates)
      .where(eq(yjsUpdates.doc, 'town-1:register'))
      .orderBy(yjsUpdates.seq)
    const appended = stored.slice(-14)
    expect(appended.map((row) => row.update)).toEqual(slices.map((slice) => slice.update))
    expect(appended.map((row) => row.mac)).toEqual(slices.map((slice) => slice.mac))
    expect(appended.at(-1)?.seq).toBe(seq)
    expect(await counts('town-1')).toEqual({
      updates: before.updates + 14,
      events: before.events + 3_500,
      carriers: before.carriers + 3_500,
      anomalies: before.anomalies + 1,
    })

    const failing = input('town-1', 3_500, { rows: slices })
    const last = failing.projection.carriers.at(-1)
    if (!last) throw new Error('no carrier row')
    // The bad row lands in a later statement than the update's: the first statement must be undone too.
    const broken = {
      ...failing,
      projection: {
        ...failing.projection,
        carriers: [...failing.projection.carriers.slice(0, -1), { ...last, unitId: 'nowhere' }],
      },
    }
    const middle = await counts('town-1')
    await expect(commitUpdate(database.db, broken)).rejects.toThrow()
    expect(await counts('town-1')).toEqual(middle)
  })
})
