import {
  AnomalyKind,
  type CarrierRegistered,
  DEFAULT_MAX_CLOCK_SKEW_MS,
  EARLIEST_EVENT_MS,
  type EventEnvelope,
  formatHlc,
  hlcWallMs,
  signEvent,
} from '@secledger/domain'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { requestJson } from '../src/api/http-client.ts'
import { openSecLedgerDb, type SecLedgerDb } from '../src/db/secledger-db.ts'
import { ClockGuard, ClockState, clockGuard, latestEventBound } from '../src/sync/clock-guard.ts'
import { watchServerClock } from '../src/sync/clock-watch.ts'
import { EventWriter } from '../src/sync/event-writer.ts'
import { parseSyncError } from '../src/sync/sync-messages.ts'
import { DOC_POISONING_CODES } from '../src/sync/sync-provider.ts'
import { EVENTS_MAP, UnitReplica } from '../src/sync/unit-replica.ts'
import { directoryOf, freshDbName, makeUser, UNIT, WORKDAY_10AM } from './fixtures.ts'
import { unlockTestReplica } from './replica-vault.ts'

const officer = makeUser('officer1', ['officer'])
const directory = directoryOf(officer)
const MINUTE = 60_000
/** 2286-11-20: what a device with a broken clock stamps (the 10-digit seconds roll over in 2286). */
const YEAR_2286 = Date.UTC(2286, 10, 20, 2, 0, 0)

function registration(serial: string, id: string): CarrierRegistered {
  return {
    kind: 'paper',
    direction: 'received',
    issuer: '县委办',
    docNumber: `县委发〔${serial.slice(0, 4)}〕1号`,
    title: '关于＊＊＊',
    level: 'secret',
    periodYears: null,
    scope: '班子成员',
    serial,
    receivedOn: serial.startsWith('2286') ? '2286-11-20' : '2026-03-04',
    copies: [{ id, copyNumber: 1 }],
  }
}

/** A validly signed registration by officer1 from a device whose clock says 2286. */
function registrationIn2286(): EventEnvelope {
  return signEvent(
    {
      unit: UNIT,
      type: 'carrier.registered',
      actor: officer.id,
      device: 'dev-broken-clock',
      at: formatHlc({ wallMs: YEAR_2286, counter: 0, node: 'dev-broken-clock' }),
      payload: registration('2286-0001', 'c-2286'),
    },
    officer.secretKey,
  )
}

/** Puts a remote event into the replica's doc, as a sync from the server would. */
function receive(replica: UnitReplica, event: EventEnvelope): void {
  const remote = new Y.Doc()
  remote.getMap(EVENTS_MAP).set(event.id, { ...event })
  Y.applyUpdate(replica.doc, Y.encodeStateAsUpdate(remote))
  remote.destroy()
}

let db: SecLedgerDb
let replica: UnitReplica
let clock = WORKDAY_10AM
let guard: ClockGuard

function writerWith(g: ClockGuard): EventWriter {
  return new EventWriter(
    db,
    replica,
    { userId: officer.id, deviceId: 'dev-test-0001', secretKey: () => officer.secretKey },
    () => clock,
    g,
  )
}

beforeEach(async () => {
  clock = WORKDAY_10AM
  guard = new ClockGuard(() => clock)
  db = openSecLedgerDb(freshDbName())
  await unlockTestReplica(db) // the replica is sealed at rest: a login attaches the member's key
  replica = new UnitReplica(db, UNIT, directory, latestEventBound(guard))
  await replica.open()
})

afterEach(async () => {
  await replica.flushed()
  replica.close()
  db.close()
})

describe('issue 10: one event with a far-future clock does not stop the township', () => {
  it('C-01 with a signed 2286 event in the replica, the next event is stamped with the real now and a registration succeeds', async () => {
    guard.observe(clock, clock) // the server agrees with this device
    receive(replica, registrationIn2286())
    expect(replica.events.size).toBe(1)

    const result = await writerWith(guard).write('carrier.registered', registration('2026-0001', 'c-1'))

    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(hlcWallMs(result.value.at)).toBe(clock)
    expect(replica.state.carriers.get('c-1')?.serial).toBe('2026-0001')
    // the 2286 event is a 时间异常 anomaly, not the unit's present
    expect(replica.state.lastAt).toBe(result.value.at)
    expect(replica.state.carriers.has('c-2286')).toBe(false)
    const anomalies = replica.state.anomalies.filter((a) => a.kind === AnomalyKind.ClockOutOfRange)
    expect(anomalies.map((a) => a.eventIds)).toEqual([[registrationIn2286().id]])
  })

  it('the writer does not adopt a 2286 lastAt even from a fold without the bound', async () => {
    await replica.flushed()
    replica.close()
    replica = new UnitReplica(db, UNIT, directory, () => Number.POSITIVE_INFINITY)
    await replica.open()
    receive(replica, registrationIn2286())
    expect(replica.state.lastAt).toBe(registrationIn2286().at)

    const result = await writerWith(guard).write('carrier.registered', registration('2026-0001', 'c-1'))

    expect(result.ok).toBe(true)
    expect(result.ok && hlcWallMs(result.value.at)).toBe(clock)
  })

  it('a stored last HLC of this device beyond the bound is not adopted either', async () => {
    // this device itself ran with a 2286 clock once, then the clock was corrected
    clock = YEAR_2286
    const before = await writerWith(guard).write('carrier.registered', registration('2286-0001', 'c-old'))
    expect(before.ok).toBe(true)
    clock = WORKDAY_10AM
    guard.observe(clock, clock)
    const after = await writerWith(guard).write('carrier.registered', registration('2026-0001', 'c-1'))
    expect(after.ok).toBe(true)
    expect(after.ok && hlcWallMs(after.value.at)).toBe(WORKDAY_10AM)
  })

  it('a remote clock within the bound is still adopted: local events order after it', async () => {
    guard.observe(clock, clock)
    const ahead = clock + DEFAULT_MAX_CLOCK_SKEW_MS - MINUTE
    receive(
      replica,
      signEvent(
        {
          unit: UNIT,
          type: 'carrier.registered',
          actor: officer.id,
          device: 'dev-other',
          at: formatHlc({ wallMs: ahead, counter: 0, node: 'dev-other' }),
          payload: registration('2026-0001', 'c-1'),
        },
        officer.secretKey,
      ),
    )
    const local = await writerWith(guard).write('carrier.handed_out', { carrierId: 'c-1', reader: '张三' })
    expect(local.ok).toBe(true)
    expect(local.ok && hlcWallMs(local.value.at)).toBe(ahead)
  })
})

describe('issue 10: the clock guard (server time from the Date header)', () => {
  it('flags a device 10 minutes ahead of the server and the writer refuses to sign (CLOCK-SKEW)', async () => {
    guard.observe(clock - 10 * MINUTE, clock)
    expect(guard.status.state).toBe(ClockState.Skewed)

    const result = await writerWith(guard).write('carrier.registered', registration('2026-0001', 'c-1'))

    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('CLOCK-SKEW')
    expect(result.error.message.zh).toBe('本机时间异常，暂停登记：请校准系统时间')
    expect(result.error.message.en).toMatch(/clock/)
    expect(await db.outbox.count()).toBe(0)
    expect(replica.events.size).toBe(0)
  })

  it('flags a device 10 minutes behind the server too', () => {
    guard.observe(clock + 10 * MINUTE, clock)
    expect(guard.status.state).toBe(ClockState.Skewed)
    expect(guard.refusal()?.code).toBe('CLOCK-SKEW')
  })

  it('a 1-minute offset is fine: the writer signs', async () => {
    guard.observe(clock + MINUTE, clock)
    expect(guard.status).toEqual({ state: ClockState.Ok, offsetMs: MINUTE })
    const result = await writerWith(guard).write('carrier.registered', registration('2026-0001', 'c-1'))
    expect(result.ok).toBe(true)
  })

  it('recovers once a later reading agrees (the officer corrected the system time)', async () => {
    guard.observe(clock - 10 * MINUTE, clock)
    const seen: string[] = []
    guard.onChange((status) => seen.push(status.state))
    guard.observe(clock, clock)
    expect(seen).toEqual([ClockState.Ok])
    expect((await writerWith(guard).write('carrier.registered', registration('2026-0001', 'c-1'))).ok).toBe(
      true,
    )
  })

  it('offline with no known offset: writing is allowed (offline-first)', async () => {
    expect(guard.status).toEqual({ state: ClockState.Unknown, offsetMs: null })
    expect((await writerWith(guard).write('carrier.registered', registration('2026-0001', 'c-1'))).ok).toBe(
      true,
    )
  })

  it('offline with no known offset: a device clock before 2000 is refused', async () => {
    clock = EARLIEST_EVENT_MS - 1
    expect(guard.status.state).toBe(ClockState.BeforeEarliest)
    const result = await writerWith(guard).write('carrier.registered', registration('1999-0001', 'c-1'))
    expect(!result.ok && result.error.code).toBe('CLOCK-SKEW')
  })

  it('reads the Date header: whole seconds, at the midpoint of the round trip; a slow or broken reading is ignored', () => {
    const server = Date.UTC(2026, 2, 4, 2, 10, 0)
    guard.observeDateHeader(new Date(server).toUTCString(), clock, clock + 200)
    // the server's time was in [server, server + 1 s) when this device's clock read clock + 100
    expect(guard.status.offsetMs).toBe(server + 500 - (clock + 100))
    expect(guard.status.state).toBe(ClockState.Skewed)
    const fresh = new ClockGuard(() => clock)
    fresh.observeDateHeader('not a date', clock, clock)
    fresh.observeDateHeader(null, clock, clock)
    fresh.observeDateHeader(new Date(server).toUTCString(), clock, clock + DEFAULT_MAX_CLOCK_SKEW_MS)
    expect(fresh.status.state).toBe(ClockState.Unknown)
  })

  it('every API answer feeds the app’s guard (requestJson)', async () => {
    const serverNow = Date.now() + 10 * MINUTE
    const fetchFn = async (): Promise<Response> =>
      new Response('{"status":"ok"}', {
        status: 200,
        headers: { 'content-type': 'application/json', date: new Date(serverNow).toUTCString() },
      })
    try {
      await requestJson('/api/health', {}, fetchFn)
      expect(clockGuard.status.state).toBe(ClockState.Skewed)
    } finally {
      clockGuard.reset()
    }
    expect(clockGuard.status.state).toBe(ClockState.Unknown)
  })

  it('the fold’s latest plausible time is the trusted now plus the bound, and never decreases', () => {
    const latest = latestEventBound(guard)
    guard.observe(clock + 3 * MINUTE, clock)
    expect(latest()).toBe(clock + 3 * MINUTE + DEFAULT_MAX_CLOCK_SKEW_MS)
    guard.observe(clock, clock) // a later reading moves the trusted now back
    expect(latest()).toBe(clock + 3 * MINUTE + DEFAULT_MAX_CLOCK_SKEW_MS)
    clock += 10 * MINUTE
    expect(latest()).toBe(clock + DEFAULT_MAX_CLOCK_SKEW_MS)
  })
})

describe('issue 10: keeping the reading fresh', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('re-asks the server every 30 s while the clock is off, and every 10 min once it is fine', async () => {
    vi.useFakeTimers()
    let probes = 0
    let serverSays = clock - 10 * MINUTE
    guard.observe(serverSays, clock)
    const stop = watchServerClock({
      guard,
      probe: async () => {
        probes += 1
        guard.observe(serverSays, clock)
      },
    })
    await vi.advanceTimersByTimeAsync(30_000)
    expect(probes).toBe(1)
    serverSays = clock // the officer corrected the clock
    await vi.advanceTimersByTimeAsync(30_000)
    expect(probes).toBe(2)
    expect(guard.status.state).toBe(ClockState.Ok)
    await vi.advanceTimersByTimeAsync(5 * MINUTE)
    expect(probes).toBe(2)
    await vi.advanceTimersByTimeAsync(5 * MINUTE)
    expect(probes).toBe(3)
    stop()
    await vi.advanceTimersByTimeAsync(60 * MINUTE)
    expect(probes).toBe(3)
  })
})

describe('issue 10: the server’s refusals in the officer’s words', () => {
  it('SYNC-CLOCK-SKEW is shown in Chinese first and quarantines the refused event like a bad one', () => {
    const error = parseSyncError(
      JSON.stringify({ code: 'SYNC-CLOCK-SKEW', message: { zh: '服务器原文', en: 'server text' }, ref: 3 }),
    )
    expect(error).toMatchObject({ code: 'SYNC-CLOCK-SKEW', ref: 3 })
    expect(error.message.zh).toBe('同步被拒绝：记录时间超出允许范围（本机时间异常），请校准系统时间')
    expect(error.message.en).toMatch(/clock/)
    expect(DOC_POISONING_CODES.has('SYNC-CLOCK-SKEW')).toBe(true)
  })

  it('SYNC-SESSION-ENDED and ORIGIN-FORBIDDEN have their own messages; an unknown code keeps the server’s', () => {
    expect(parseSyncError('{"code":"SYNC-SESSION-ENDED"}').message.zh).toBe('登录已结束，请重新登录后同步')
    expect(parseSyncError('{"code":"ORIGIN-FORBIDDEN"}').message.zh).toMatch(/^请求来源不被允许/)
    expect(parseSyncError('{"code":"SYNC-NEW","message":{"zh":"新的原因","en":"new"}}').message.zh).toBe(
      '新的原因',
    )
  })
})
