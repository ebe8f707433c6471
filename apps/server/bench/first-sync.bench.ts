import { listTestEngines, type TestDatabase, type TestEngine } from '@secledger/db/testing'
import { bench, describe } from 'vitest'
import * as Y from 'yjs'
import { EVENTS_MAP } from '../src/sync/update-guard.ts'
import { startTestServer, type TestServer } from '../test/support/test-server.ts'
import { BenchClient } from './support/bench-client.ts'
import { type BenchUnit, createBenchUnits } from './support/bench-units.ts'
import { freshRegistration } from './support/fresh-events.ts'
import { heapUsedMiB } from './support/heap.ts'
import { report, summarize } from './support/latency.ts'
import { buildHistoryDoc, storeHistory } from './support/stored-history.ts'
import { townshipHistory } from './support/township-history.ts'

// Budgets (ARCHITECTURE): first sync of a township with 10,000 carriers (~100,000 events) to a new device
// ≤ 2 s over loopback; a replica 100 updates behind resyncs ≤ 10 ms; an up-to-date one exchanges ≤ 200 B;
// server heap with 1,000 unit docs open ≤ 1 GB. The history is really signed and stored as the server
// keeps a long-lived register: one snapshot. BENCH_EVENTS changes its size, BENCH_POSTGRES=1 adds PostgreSQL.
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000)
const BEHIND = 100
const RESYNC_ROUNDS = 4
const WARM_SYNCS = 2
const UP_TO_DATE_BUDGET_BYTES = 200
const ONCE = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 } as const

const round1 = (value: number): number => Math.round(value * 10) / 10
const mib = (bytes: number): number => round1(bytes / 1_048_576)

interface EngineRun {
  readonly database: TestDatabase
  readonly server: TestServer
  readonly unit: BenchUnit
  readonly url: string
  readonly cookie: string
  readonly facts: Record<string, number | string>
  readonly firstSync: Record<string, number[]>
  keeper: BenchClient | null
}

interface HistoryParts {
  readonly doc: ReturnType<typeof buildHistoryDoc>
  readonly signMs: number
  readonly buildMs: number
  /** A full-state encode of the doc: what compaction and a new device's step2 cost the server. */
  readonly encodeMs: number
}

// Built once for every engine: the bench unit's keys derive from its id, so the signatures hold in each.
let history: HistoryParts | null = null

async function historyFor(unit: BenchUnit): Promise<HistoryParts> {
  if (history) return history
  const started = performance.now()
  const events = townshipHistory(unit, EVENTS)
  const signed = performance.now()
  const doc = buildHistoryDoc(events)
  const builtAt = performance.now()
  const loaded = new Y.Doc({ gc: false })
  Y.applyUpdate(loaded, doc.state)
  const encodeStarted = performance.now()
  Y.encodeStateAsUpdate(loaded)
  const encodeMs = performance.now() - encodeStarted
  history = { doc, signMs: signed - started, buildMs: builtAt - signed, encodeMs }
  return history
}

async function openEngine(engine: TestEngine): Promise<EngineRun> {
  const database = await engine.open()
  // No compaction during the run: it is measured apart (the setup's snapshot write is exactly one).
  const server = await startTestServer({ database, snapshotEvery: 1_000_000 })
  const unit = (await createBenchUnits(database, 'big', 1))[0] as BenchUnit
  const parts = await historyFor(unit)
  const stored = performance.now()
  await storeHistory(database, unit.id, parts.doc)
  const storeMs = performance.now() - stored
  return {
    database,
    server,
    unit,
    url: `${server.wsUrl}/api/sync/${unit.id}`,
    cookie: await unit.cookie('bench-device'),
    facts: {
      events: EVENTS,
      'yjs clients (app sessions)': parts.doc.sessions,
      'doc (MiB)': mib(parts.doc.state.byteLength),
      'sign history (ms)': Math.round(parts.signMs),
      'build doc (ms)': Math.round(parts.buildMs),
      'encode full state (ms)': Math.round(parts.encodeMs),
      'write snapshot = one compaction (ms)': Math.round(storeMs),
    },
    firstSync: { cold: [], warm: [] },
    keeper: null,
  }
}

/** A new device: empty doc, connect, until the server's step2 is applied and its own step2 acked. */
async function newDevice(run: EngineRun): Promise<{ ms: number; bytes: number; serverStep1: number }> {
  const client = new BenchClient(run.url, run.cookie, new Y.Doc())
  const started = performance.now()
  await client.connect()
  await client.synced(180_000)
  const ms = performance.now() - started
  const size = client.doc?.getMap(EVENTS_MAP).size ?? 0
  if (size < EVENTS) throw new Error(`first sync gave ${size} of ${EVENTS} events`)
  await client.close()
  return { ms, bytes: client.bytesIn, serverStep1: client.at.serverStep1 - started }
}

// PGlite always; PostgreSQL (~1 min more: another 47 MiB snapshot, another cold load) with BENCH_POSTGRES=1.
const engines = (await listTestEngines()).filter(
  (engine) => engine.kind === 'pglite' || process.env.BENCH_POSTGRES === '1',
)
for (const engine of engines) {
  let current: EngineRun | null = null
  const ready = async (): Promise<EngineRun> => {
    current ??= await openEngine(engine)
    return current
  }

  describe(`first sync and resync of a ${EVENTS.toLocaleString('en')}-event township on ${engine.kind}`, () => {
    bench(
      'cold: first sync to a new device, doc not in memory (connect → full doc)',
      async () => {
        const run = await ready()
        const heapBefore = heapUsedMiB()
        const { ms, bytes, serverStep1 } = await newDevice(run)
        run.facts['heap of the loaded doc (MiB)'] = round1(heapUsedMiB() - heapBefore)
        run.firstSync.cold?.push(ms)
        run.facts['cold: connect → step1, i.e. loading the doc (ms)'] = Math.round(serverStep1)
        run.facts['step2 to a new device (MiB)'] = mib(bytes)
        const loaded = run.server.sync.cache.peek(run.unit.id)
        run.facts.carriers = loaded?.register.state.carriers.size ?? 0
        run.facts['refused + alerts'] =
          (loaded?.register.state.refused.length ?? 0) + (loaded?.register.state.alerts.length ?? 0)
      },
      ONCE,
    )

    bench(
      'warm: first sync to a new device, doc in memory (connect → full doc)',
      async () => {
        const run = await ready()
        run.firstSync.warm?.push((await newDevice(run)).ms)
      },
      {
        ...ONCE,
        iterations: WARM_SYNCS,
        async setup() {
          const run = await ready()
          if (run.keeper) return
          run.keeper = new BenchClient(run.url, run.cookie, null)
          await run.keeper.connect()
        },
      },
    )

    bench(
      `resync: ${RESYNC_ROUNDS} × (${BEHIND} updates by another device, reconnect twice), then report`,
      async () => {
        const run = await ready()
        const writer = new BenchClient(run.url, await run.unit.cookie('writer'), new Y.Doc(), false)
        await writer.connect()
        const replica = new BenchClient(run.url, await run.unit.cookie('replica'), new Y.Doc())
        await replica.connect()
        await replica.synced(180_000)
        await replica.close()
        const acks: number[] = []
        const behind: number[] = []
        const behindOpen: number[] = []
        const upToDate: number[] = []
        const upToDateOpen: number[] = []
        let exchange = { out: 0, in: 0, frames: 0 }
        let serialNo = 90_000
        for (let round = 0; round < RESYNC_ROUNDS; round++) {
          for (let i = 0; i < BEHIND; i++) {
            acks.push(await writer.addEvents([freshRegistration(run.unit, ++serialNo, 'writer')]))
          }
          let started = performance.now()
          await replica.connect()
          await replica.synced()
          behind.push(performance.now() - started)
          behindOpen.push(replica.at.synced - replica.at.open)
          const size = replica.doc?.getMap(EVENTS_MAP).size
          if (size !== EVENTS + (round + 1) * BEHIND) throw new Error(`replica has ${size} events`)
          await replica.close()
          started = performance.now()
          await replica.connect()
          await replica.synced()
          upToDate.push(performance.now() - started)
          upToDateOpen.push(replica.at.synced - replica.at.open)
          exchange = { out: replica.bytesOut, in: replica.bytesIn, frames: replica.framesIn }
          await replica.close()
        }
        await writer.close()
        await run.keeper?.close()
        await run.server.close()
        await run.database.close()
        current = null

        const bytes = exchange.out + exchange.in
        report(
          `Township of ${EVENTS} events on ${engine.kind}: setup and server side`,
          'heap: 1,000 docs ≤ 1 GB',
          {
            [engine.kind]: run.facts,
          },
        )
        report(
          `First sync to a new device on ${engine.kind} (ms, connect → full doc applied)`,
          '≤ 2,000 ms',
          {
            'cold (doc loaded from the database)': summarize(run.firstSync.cold ?? []),
            'warm (doc already in memory)': summarize(run.firstSync.warm ?? []),
          },
        )
        report(`Resync on ${engine.kind} (ms, connect → synced)`, '≤ 10 ms', {
          [`${BEHIND} updates behind: connect → synced`]: summarize(behind),
          [`${BEHIND} updates behind: socket open → synced`]: summarize(behindOpen),
          'up to date: connect → synced': summarize(upToDate),
          'up to date: socket open → synced': summarize(upToDateOpen),
          'ACK of a single-event update on this doc': summarize(acks),
        })
        report(
          `Up-to-date reconnect on ${engine.kind}: WebSocket payload bytes`,
          `≤ ${UP_TO_DATE_BUDGET_BYTES} B`,
          {
            exchange: {
              'client → server (B)': exchange.out,
              'server → client (B)': exchange.in,
              'total (B)': bytes,
              verdict: bytes <= UP_TO_DATE_BUDGET_BYTES ? 'within budget' : 'OVER BUDGET',
            },
          },
        )
      },
      ONCE,
    )
  })
}
