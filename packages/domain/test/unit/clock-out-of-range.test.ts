import { describe, expect, it } from 'vitest'
import { type EventDraft, type EventEnvelope, signEvent } from '../../src/core/event-envelope.ts'
import { boundedHlc, DEFAULT_MAX_CLOCK_SKEW_MS, hlcWallMs, tickHlc } from '../../src/core/hlc.ts'
import { DEFAULT_CALENDAR } from '../../src/core/work-calendar.ts'
import { nextSerial, openAnomalies } from '../../src/registers/carrier/queries.ts'
import { AnomalyKind } from '../../src/registers/carrier/state.ts'
import { unitOpenAnomalies, unitOverdue } from '../../src/unit/agenda.ts'
import { checkEvent } from '../../src/unit/check-event.ts'
import { createUnitRegister, foldUnitRegister } from '../../src/unit/unit-fold.ts'
import { unitYearSummary } from '../../src/unit/year-summary.ts'
import { inspection } from '../registers/inspection/inspection-fold.ts'
import {
  fold,
  KEYS,
  local,
  makeContext,
  refusedCodes,
  registration,
  signed,
  T,
  UNIT,
} from '../support/fixtures.ts'
import { registered, registered2 } from './unit-agenda-fixtures.ts'

/**
 * Issue 10: a signed event whose clock says 2286 (or 1970) must not take a township's register. It folds
 * as a 时间异常 (clock_out_of_range) anomaly and moves nothing else: no carrier, numbering year, holder,
 * deadline, other register, nor `lastAt` (which devices tick from).
 */

const NOW = T.tuesday // the trusted clock: Tuesday 3 March 2026, 10:00
const ctx = makeContext({ latestEventMs: () => NOW + DEFAULT_MAX_CLOCK_SKEW_MS })

const FUTURE = local('2286-03-02T09:00')
const future = signed(
  'carrier.registered',
  registration({ serial: '2286-0001', receivedOn: '2286-03-02', copies: [{ id: 'c86', copyNumber: 1 }] }),
  { at: FUTURE },
)
const futureHandOut = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: FUTURE + 60_000 })
const futureInspection = signed('inspection.recorded', inspection({ heldOn: '2286-03-02' }), {
  at: FUTURE + 120_000,
})
const past = signed(
  'carrier.registered',
  registration({ serial: '1970-0001', receivedOn: '1970-01-02', copies: [{ id: 'c70', copyNumber: 1 }] }),
  { at: local('1970-01-02T09:00') },
)
const bogus = [future, futureHandOut, futureInspection, past]
const history = [registered, registered2, ...bogus]
const clockId = (e: EventEnvelope) => `clock_out_of_range:${e.id}`

/** A draft stamped as the web client stamps it: ticked from the register's lastAt, bounded by the clock. */
function draftNow(state: { lastAt: string | null }, type: string, payload: unknown): EventDraft {
  const at = tickHlc(boundedHlc(state.lastAt, NOW), NOW, 'pc1')
  return { unit: UNIT, type, payload, actor: 'officer1', device: 'pc1', at }
}

describe('时间异常: events with an implausible clock (issue 10)', () => {
  it('C-01 C-05 signed 2286 and 1970 events open 时间异常 anomalies and move no carrier, serial, holder, deadline, register or lastAt', () => {
    const state = fold(history, ctx)
    expect(state.refused).toEqual([])
    expect(state.alerts).toEqual([])
    expect([...state.carriers.keys()].sort()).toEqual(['c1', 'c2'])
    expect(state.carriers.get('c1')).toMatchObject({
      state: 'in_custody',
      holders: [],
      updatedAt: local('2026-03-02T08:00'),
    })
    expect([...state.serials.keys()].sort()).toEqual(['2026-0001', '2026-0002'])
    expect(state.registers.inspection.inspections.size).toBe(0)
    expect(state.lastAt).toBe(registered2.at)
    expect(state.size).toBe(history.length)
    // The far-future ones fold first (their resolution, stamped now, must find them open), then the log.
    expect(state.anomalies).toEqual(
      [future, futureHandOut, futureInspection, past].map((e) => ({
        id: clockId(e),
        kind: AnomalyKind.ClockOutOfRange,
        carrierId: null,
        eventIds: [e.id],
        openedAt: 0, // never the bogus time: nothing plausible was folded before them
        resolvedAt: null,
        note: null,
        resolvedBy: null,
      })),
    )
    expect(openAnomalies(state).map((a) => a.kind)).toEqual(Array(4).fill('clock_out_of_range'))
  })

  it('C-01 after a 2286 event, a registration stamped from the real clock passes checkEvent and folds with the real year (时间异常 does not take the numbering)', () => {
    const state = fold(history, ctx)
    const serial = nextSerial(state, NOW, DEFAULT_CALENDAR)
    expect(serial).toBe('2026-0003')
    const draft = draftNow(
      state,
      'carrier.registered',
      registration({ serial, receivedOn: '2026-03-03', copies: [{ id: 'c3', copyNumber: 3 }] }),
    )
    expect(hlcWallMs(draft.at)).toBe(NOW)
    expect(checkEvent(state, draft, ctx)).toEqual({ ok: true, value: undefined })
    const registeredNow = signEvent(draft, KEYS.officer1.secretKey)
    const after = fold([...history, registeredNow], ctx)
    expect(after.carriers.get('c3')).toMatchObject({ serial: '2026-0003', registeredAt: NOW })
    expect(after.lastAt).toBe(registeredNow.at)
    // rule C-05: and a hand-out now is due at the close of this working day, not in 2286
    const handOut = draftNow(after, 'carrier.handed_out', { carrierId: 'c3', reader: '陈' })
    expect(checkEvent(after, handOut, ctx).ok).toBe(true)
    const out = fold([...history, registeredNow, signEvent(handOut, KEYS.officer1.secretKey)], ctx)
    expect(out.carriers.get('c3')?.holders.map((h) => h.dueAt)).toEqual([local('2026-03-03T17:30')])
    expect(refusedCodes(out)).toEqual([])
  })

  it('C-01 without latestEventMs the 1970 floor still applies: a 1970 registration is a 时间异常, never numbered 1970', () => {
    const state = fold([registered, past], makeContext())
    expect(state.carriers.has('c70')).toBe(false)
    expect(state.serials.has('1970-0001')).toBe(false)
    expect(state.anomalies.map((a) => a.id)).toEqual([clockId(past)])
    expect(state.lastAt).toBe(registered.at)
    // with no upper bound given, a 2286 clock is not judged (the caller's clock is the bound)
    expect(fold([registered, future], makeContext()).carriers.has('c86')).toBe(true)
  })

  it('C-01 an officer resolves a 时间异常 with a note, stamped now (before the 2286 event in log order); a second resolution is refused', () => {
    const state = fold(history, ctx)
    const resolve = (e: EventEnvelope, note: string, minutes: number) =>
      signed('anomaly.resolved', { anomalyId: clockId(e), note }, { at: NOW + minutes * 60_000 })
    const draft = draftNow(state, 'anomaly.resolved', { anomalyId: clockId(future), note: '设备时钟错误' })
    expect(checkEvent(state, draft, ctx).ok).toBe(true)
    const first = resolve(future, ' 设备时钟错误，已校准 ', 1)
    const again = resolve(future, '再次', 2)
    const old = resolve(past, '电脑时钟被重置', 3)
    const after = fold([...history, first, again, old], ctx)
    expect(refusedCodes(after)).toEqual(['ANOMALY-CLOSED'])
    expect(after.anomalies.find((a) => a.id === clockId(future))).toMatchObject({
      resolvedAt: NOW + 60_000,
      note: '设备时钟错误，已校准',
      resolvedBy: first.id,
    })
    expect(after.anomalies.find((a) => a.id === clockId(past))?.resolvedBy).toBe(old.id)
    // The refused second resolution is kept, named by an anomaly (issue 11 item 3), not dropped.
    expect(openAnomalies(after).map((a) => a.id)).toEqual([
      clockId(futureHandOut),
      clockId(futureInspection),
      `refused_event:${again.id}`,
    ])
  })

  it('S-04 the agenda lists open 时间异常 anomalies by identifiers only; no 2286 deadline reaches it', () => {
    const state = fold(history, ctx)
    expect(unitOpenAnomalies(state)).toEqual(
      [future, futureHandOut, futureInspection, past]
        .map((e) => ({ register: 'carrier', id: clockId(e), kind: 'clock_out_of_range', openedAt: 0 }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    )
    const in2286 = local('2286-03-03T10:00')
    expect(unitOverdue(state, in2286, ctx).filter((i) => i.register === 'carrier')).toEqual([])
    expect(unitYearSummary(state, 2286, in2286, ctx).carriers.registered).toBe(0)
  })

  it('C-01 C-05 the incremental register agrees with foldUnitRegister, reads latestEventMs once per ingest, and applies an event once the bound has grown past it', () => {
    let latest = NOW + DEFAULT_MAX_CLOCK_SKEW_MS
    let reads = 0
    const growing = makeContext({
      latestEventMs: () => {
        reads += 1
        return latest
      },
    })
    const register = createUnitRegister(growing)
    register.ingest([future, registered, futureHandOut])
    expect(reads).toBe(1)
    register.ingest([past, registered2, futureInspection])
    expect(reads).toBe(2)
    expect(register.ingest([future, registered])).toBe(register.state) // nothing new: no clock read
    expect(reads).toBe(2)
    expect(register.state).toEqual(foldUnitRegister(history, growing))
    for (const e of history) expect(register.has(e.id)).toBe(true)

    // A device 10 minutes fast: implausible now, plausible (and applied) once the trusted clock catches up.
    const fast = signed(
      'carrier.registered',
      registration({ serial: '2026-0003', receivedOn: '2026-03-03', copies: [{ id: 'c3', copyNumber: 1 }] }),
      { at: NOW + 10 * 60_000, device: 'pc2' },
    )
    expect(register.ingest([fast]).anomalies.map((a) => a.id)).toContain(clockId(fast))
    expect(register.state.carriers.has('c3')).toBe(false)
    latest = NOW + 11 * 60_000
    const back = signed('anomaly.resolved', { anomalyId: clockId(past), note: '电脑时钟被重置' }, { at: NOW })
    const state = register.ingest([back])
    expect(state.carriers.get('c3')?.serial).toBe('2026-0003')
    expect(state.anomalies.map((a) => a.id)).not.toContain(clockId(fast))
    expect(state.lastAt).toBe(fast.at)
    expect(state).toEqual(foldUnitRegister([...history, fast, back], growing))
  })
})
