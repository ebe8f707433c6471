/**
 * Fault plan (ARCHITECTURE decision 5, "Traps"): 10 kill -9 rounds during continuous writes on PostgreSQL
 * lose no acknowledged event. Starts the real server (src/main.ts) on a fresh PostgreSQL database, keeps a
 * device writing registrations with several updates in flight, SIGKILLs the server at random moments,
 * restarts it, and at the end checks that every event the server acknowledged is in the events table and
 * in the doc a restarted server serves. Prints the counts; exits 1 on any loss.
 *
 *   pnpm --filter @secledger/server fault        (TEST_DATABASE_URL: the server to create the database on)
 *   KILL_ROUNDS=20 pnpm --filter @secledger/server fault
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { events } from '@secledger/db'
import { openTestPostgres } from '@secledger/db/testing'
import {
  DEFAULT_CALENDAR,
  type EventEnvelope,
  formatHlc,
  localDay,
  unwrapSecretKey,
  wrappedKeySchema,
} from '@secledger/domain'
import { eq } from 'drizzle-orm'
import { DEMO_PASSWORD } from '../src/demo/demo-data.ts'
import { createSyncService } from '../src/sync/sync-service.ts'
import { AckRecorder } from './support/ack-recorder.ts'
import { createFastSigner } from './support/fast-signer.ts'
import { freePort, ServerProcess } from './support/server-process.ts'

const ROUNDS = Number(process.env.KILL_ROUNDS ?? 10)
const MAX_IN_FLIGHT = 16
const WRITE_EVERY_MS = 3
const UNIT = 'town-1'
const USER = 'officer1'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const randomBetween = (low: number, high: number) => low + Math.random() * (high - low)

async function login(baseUrl: string): Promise<{ cookie: string; secretKey: string }> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username: USER, password: DEMO_PASSWORD, deviceId: 'fault-writer' }),
  })
  if (response.status !== 200) throw new Error(`login: ${response.status} ${await response.text()}`)
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const body = (await response.json()) as { wrappedKey: unknown }
  const secret = await unwrapSecretKey(wrappedKeySchema.parse(body.wrappedKey), DEMO_PASSWORD, USER)
  if (!secret.ok) throw new Error('cannot unwrap the signing key')
  return { cookie, secretKey: secret.value }
}

function registrations(secretKey: string) {
  const sign = createFastSigner(secretKey)
  let serialNo = 10_000
  return (count: number): EventEnvelope[] =>
    Array.from({ length: count }, () => {
      const atMs = Date.now()
      const day = localDay(atMs, DEFAULT_CALENDAR)
      const n = ++serialNo
      return sign({
        unit: UNIT,
        type: 'carrier.registered',
        actor: USER,
        device: 'fault-writer',
        at: formatHlc({ wallMs: atMs, counter: n % 1000, node: 'fault-writer' }),
        payload: {
          kind: 'paper',
          direction: 'received',
          issuer: '县委办公室',
          docNumber: `县委办〔${day.year}〕${n}号`,
          title: `关于第${n}项工作的通知`,
          level: 'internal',
          periodYears: null,
          scope: '镇领导班子',
          serial: `${day.year}-${String(n).padStart(5, '0')}`,
          receivedOn: day.date,
          copies: [{ id: `${UNIT}-k${n}`, copyNumber: null }],
        },
      })
    })
}

async function main(): Promise<number> {
  const database = await openTestPostgres(process.env.TEST_DATABASE_URL || undefined)
  const dataDir = mkdtempSync(join(tmpdir(), 'secledger-kill9-'))
  const logFile = join(dataDir, 'server.log')
  const storageKey = randomBytes(32)
  const port = await freePort()
  const server = new ServerProcess(
    port,
    {
      DATABASE_URL: database.url ?? '',
      DATA_DIR: dataDir,
      STORAGE_KEY: storageKey.toString('hex'),
      WEB_DIST: join(dataDir, 'no-web-app'),
    },
    logFile,
  )
  const origin = server.url
  let recorder: AckRecorder | null = null
  let writing = true
  try {
    await server.start()
    const { cookie, secretKey } = await login(server.url)
    const next = registrations(secretKey)
    const device = new AckRecorder(`ws://127.0.0.1:${port}/api/sync/${UNIT}`, cookie, origin)
    recorder = device
    // The device: keeps writing while connected, reconnects (as the web app does) when the server returns.
    const writer = (async () => {
      while (writing) {
        if (!device.open) {
          await device.connect().catch(() => sleep(100))
          continue
        }
        if (device.pending < MAX_IN_FLIGHT) device.write(next(1 + Math.floor(Math.random() * 3)))
        await sleep(WRITE_EVERY_MS)
      }
    })()
    const perRound: { round: number; ackedBefore: number; killedAfterMs: number }[] = []
    for (let round = 1; round <= ROUNDS; round++) {
      const killedAfterMs = Math.round(randomBetween(300, 2_000))
      await sleep(killedAfterMs)
      perRound.push({ round, ackedBefore: device.acked.size, killedAfterMs })
      await server.stop('SIGKILL')
      await sleep(randomBetween(50, 300))
      await server.start()
    }
    await sleep(1_000)
    writing = false
    await writer
    for (let waited = 0; device.pending > 0 && waited < 10_000; waited += 50) await sleep(50)
    device.close()
    await server.stop('SIGTERM')

    const stored = new Set(
      (await database.db.select({ id: events.id }).from(events).where(eq(events.unitId, UNIT))).map(
        (row) => row.id,
      ),
    )
    const served = (await createSyncService({ database, storageKey }).open(UNIT)).doc.getMap('events')
    const acked = [...device.acked]
    const missingRows = acked.filter((id) => !stored.has(id))
    const missingDoc = acked.filter((id) => !served.has(id))
    console.table(perRound)
    console.table({
      'kill -9 rounds': ROUNDS,
      'events sent': device.sentEvents,
      'events acknowledged': acked.length,
      'in flight at a kill (unknown)': device.unknownEvents,
      'refusals (error frames)': device.errors.length,
      'acknowledged, in the events table': acked.length - missingRows.length,
      'acknowledged, in the served doc': acked.length - missingDoc.length,
      'acknowledged and LOST': new Set([...missingRows, ...missingDoc]).size,
    })
    if (missingRows.length > 0 || missingDoc.length > 0) {
      console.error('LOST acknowledged events:', [...new Set([...missingRows, ...missingDoc])].slice(0, 20))
      return 1
    }
    if (acked.length === 0) {
      console.error('nothing was acknowledged: the run proves nothing')
      return 1
    }
    console.log(`OK: ${acked.length} acknowledged events, none lost across ${ROUNDS} kill -9 rounds`)
    return 0
  } catch (error) {
    console.error(error)
    try {
      console.error(readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'))
    } catch {
      // no log
    }
    return 1
  } finally {
    writing = false
    recorder?.close()
    await server.stop('SIGKILL')
    await database.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

process.exitCode = await main()
