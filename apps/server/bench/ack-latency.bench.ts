import { queryRows } from '@secledger/db'
import { listTestEngines, type TestDatabase, type TestEngine } from '@secledger/db/testing'
import { sql } from 'drizzle-orm'
import { bench, describe } from 'vitest'
import * as Y from 'yjs'
import { startTestServer, type TestServer } from '../test/support/test-server.ts'
import { BenchClient } from './support/bench-client.ts'
import { type BenchUnit, createBenchUnits } from './support/bench-units.ts'
import { freshRegistration } from './support/fresh-events.ts'
import { report, summarize } from './support/latency.ts'
import { buildHistoryDoc, storeHistory } from './support/stored-history.ts'
import { townshipHistory } from './support/township-history.ts'

// Budgets (ARCHITECTURE): an update acknowledged after its row is committed, p99 ≤ 20 ms at 300 clients;
// 500 clients reconnecting at once all synced within 5 s.
// Clients are spread 10 to a township (a township's devices), each synced and receiving its township's
// broadcasts. Server and clients share this process (and its one event loop): client work is counted too.
const CLIENTS_PER_UNIT = 10
const CLIENT_COUNTS = [50, 300] as const
const HISTORY_PER_UNIT = 200
const SEQUENTIAL_SAMPLES = 300
const OPEN_LOOP_RATE = 50 // updates per second from random clients, not waiting for one another
const OPEN_LOOP_SECONDS = 4
const WAL_EDITS = 100
const RECONNECTING = 500
const ONCE = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 } as const

interface EngineRun {
  readonly database: TestDatabase
  readonly server: TestServer
  readonly units: readonly BenchUnit[]
  clients: BenchClient[]
  readonly latency: Record<string, object>
  readonly writes: Record<string, object>
  readonly reconnects: Record<string, object>
}

const engines = await listTestEngines()
let serialNo = 50_000

async function openEngine(engine: TestEngine): Promise<EngineRun> {
  const database = await engine.open()
  const server = await startTestServer({ database })
  const unitCount = Math.max(...CLIENT_COUNTS, RECONNECTING) / CLIENTS_PER_UNIT
  const units = await createBenchUnits(database, `ack-${engine.kind}`, unitCount)
  for (const [i, unit] of units.entries()) {
    await storeHistory(database, unit.id, buildHistoryDoc(townshipHistory(unit, HISTORY_PER_UNIT, i + 1)))
  }
  return { database, server, units, clients: [], latency: {}, writes: {}, reconnects: {} }
}

function unitOf(run: EngineRun, index: number): BenchUnit {
  return run.units[Math.floor(index / CLIENTS_PER_UNIT)] as BenchUnit
}

/** Connects `count` synced devices, in waves of 50 as devices come online (the first of a township loads it). */
async function connectClients(run: EngineRun, count: number): Promise<void> {
  await Promise.all(run.clients.map((client) => client.close()))
  const clients: BenchClient[] = []
  for (let i = 0; i < count; i++) {
    const unit = unitOf(run, i)
    const url = `${run.server.wsUrl}/api/sync/${unit.id}`
    clients.push(new BenchClient(url, await unit.cookie(`device-${i}`), new Y.Doc()))
  }
  for (let i = 0; i < clients.length; i += 50) {
    const wave = clients.slice(i, i + 50)
    await Promise.all(wave.map((client) => client.connect()))
    await Promise.all(wave.map((client) => client.synced()))
  }
  run.clients = clients
}

/** Client `index` registers one new carrier; resolves with the ms from send to ACK. */
function oneUpdate(run: EngineRun, index: number): Promise<number> {
  const client = run.clients[index] as BenchClient
  return client.addEvents([freshRegistration(unitOf(run, index), ++serialNo, `device-${index}`)])
}

async function walLsn(run: EngineRun): Promise<string> {
  const [row] = await queryRows<{ lsn: string }>(
    run.database.db,
    sql`select pg_current_wal_lsn()::text as lsn`,
  )
  return row?.lsn ?? '0/0'
}

function lsnBytes(lsn: string): bigint {
  const [high, low] = lsn.split('/')
  return (BigInt(`0x${high ?? '0'}`) << 32n) + BigInt(`0x${low ?? '0'}`)
}

for (const engine of engines) {
  let current: EngineRun | null = null
  const ready = async (): Promise<EngineRun> => {
    current ??= await openEngine(engine)
    return current
  }

  describe(`ACK latency on ${engine.kind}`, () => {
    for (const count of CLIENT_COUNTS) {
      let samples: number[] = []
      let next = 0

      bench(
        `${count} clients: one single-event update in flight (ms to ACK)`,
        async () => {
          const run = await ready()
          samples.push(await oneUpdate(run, next))
          next = (next + 7) % run.clients.length
        },
        {
          iterations: SEQUENTIAL_SAMPLES,
          time: 0,
          warmupIterations: 20,
          warmupTime: 0,
          async setup(_task, mode) {
            const run = await ready()
            if (run.clients.length !== count) await connectClients(run, count)
            samples = []
            next = 0
            if (mode === 'run') run.latency[`${count} clients, one in flight`] = { load: 'sequential' }
          },
          teardown(_task, mode) {
            if (mode === 'run' && current) {
              current.latency[`${count} clients, one in flight`] = {
                load: 'sequential',
                ...summarize(samples),
              }
            }
          },
        },
      )

      bench(
        `${count} clients: open loop, ${OPEN_LOOP_RATE} updates/s for ${OPEN_LOOP_SECONDS} s (whole run)`,
        async () => {
          const run = await ready()
          const latencies: Promise<number>[] = []
          const started = performance.now()
          for (let i = 0; i < OPEN_LOOP_RATE * OPEN_LOOP_SECONDS; i++) {
            const wait = started + (i * 1000) / OPEN_LOOP_RATE - performance.now()
            if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
            latencies.push(oneUpdate(run, Math.floor(Math.random() * run.clients.length)))
          }
          run.latency[`${count} clients, ${OPEN_LOOP_RATE}/s open loop`] = {
            load: `${OPEN_LOOP_RATE}/s`,
            ...summarize(await Promise.all(latencies)),
          }
        },
        ONCE,
      )

      bench(
        `${count} clients: burst, every client sends one update at once (whole burst)`,
        async () => {
          const run = await ready()
          const latencies = await Promise.all(run.clients.map((_, i) => oneUpdate(run, i)))
          run.latency[`${count} clients, burst`] = { load: `burst of ${count}`, ...summarize(latencies) }
        },
        ONCE,
      )
    }

    bench(
      `database bytes written per edit (${WAL_EDITS} sequential edits, whole run)`,
      async () => {
        const run = await ready()
        const before = lsnBytes(await walLsn(run))
        let updateBytes = 0
        for (let i = 0; i < WAL_EDITS; i++) {
          const client = run.clients[i % run.clients.length] as BenchClient
          const sentBefore = client.bytesOut
          await oneUpdate(run, i % run.clients.length)
          updateBytes += client.bytesOut - sentBefore
        }
        const wal = Number(lsnBytes(await walLsn(run)) - before) / WAL_EDITS
        const update = updateBytes / WAL_EDITS
        run.writes[engine.kind] = {
          'update frame (B)': Math.round(update),
          'WAL per edit (B)': Math.round(wal),
          ratio: Math.round((wal / update) * 10) / 10,
          budget: '≤ 2 × the update',
        }
      },
      ONCE,
    )

    bench(
      `${RECONNECTING} clients reconnecting at once, docs in memory and after a restart (whole run)`,
      async () => {
        const run = await ready()
        await connectClients(run, RECONNECTING)
        for (const cold of [false, true]) {
          await Promise.all(run.clients.map((client) => client.close()))
          // A restarted server has no doc in memory: every township's doc loads as its devices return.
          if (cold) for (const unit of run.units) run.server.sync.cache.delete(unit.id)
          const started = performance.now()
          const synced = await Promise.all(
            run.clients.map(async (client) => {
              await client.connect()
              await client.synced(60_000)
              return performance.now() - started
            }),
          )
          run.reconnects[cold ? 'after a restart (docs load)' : 'docs in memory'] = {
            townships: RECONNECTING / CLIENTS_PER_UNIT,
            ...summarize(synced),
            budget: 'all within 5,000 ms',
          }
        }
      },
      ONCE,
    )

    bench(
      'report and close',
      async () => {
        const run = await ready()
        report(
          `ACK latency on ${engine.kind} (ms from send to ACK)`,
          'p99 ≤ 20 ms at 300 clients',
          run.latency,
        )
        report(`Database bytes written per edit on ${engine.kind} (WAL)`, '≤ 2 × the update', run.writes)
        report(
          `${RECONNECTING} clients reconnecting at once on ${engine.kind} (ms until each is synced)`,
          'all synced within 5 s',
          run.reconnects,
        )
        await Promise.all(run.clients.map((client) => client.close()))
        await run.server.close()
        await run.database.close()
        current = null
      },
      ONCE,
    )
  })
}
