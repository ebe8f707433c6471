import { describe, expect, it } from 'vitest'
import type { IncidentEventPayloads } from '../../../src/registers/incident/events.ts'
import { incidentSlice } from '../../../src/registers/incident/slice.ts'
import { expectClearRefusal } from '../../support/clear-refusal.ts'
import { local } from '../../support/fixtures.ts'
import {
  CTX,
  carrierMissing,
  codes,
  eventBuilder,
  foldIncidents,
  incidentOpened,
} from '../inspection/inspection-fold.ts'

/** Refusal branches and records of the incident register not taken elsewhere. */

const D = local('2026-03-02T10:00')
const HOUR = 3_600_000

const missing = (o: Partial<IncidentEventPayloads['incident.carrier_missing']> = {}) => carrierMissing(D, o)

const opened = (o: Partial<IncidentEventPayloads['incident.opened']> = {}) => incidentOpened(D, o)

describe('incident register: ids and times (X-01, X-02)', () => {
  it('X-01 X-02 an incident or missing-item id is recorded once', () => {
    const ev = eventBuilder()
    const f = foldIncidents([
      ev('incident.opened', opened(), D),
      ev('incident.opened', opened({ kind: 'loss' }), D + HOUR),
      ev('incident.carrier_missing', missing(), D),
      ev('incident.carrier_missing', missing({ carrierId: 'c2' }), D + HOUR),
    ])
    expect(codes(f)).toEqual(['INCIDENT-EXISTS', 'INCIDENT-EXISTS'])
    expect(f.refused.map((r) => r.error.details)).toEqual([{ id: 'x1' }, { id: 'm1' }])
    expect(f.state.incidents.get('x1')?.kind).toBe('suspected_leak')
    expect(f.state.missing.get('m1')?.carrierId).toBe('c1')
  })

  it('X-01 X-02 discovered or noticed at the very instant of the record is accepted; a ms later is refused', () => {
    const ev = eventBuilder()
    const f = foldIncidents([
      ev('incident.opened', opened({ discoveredAt: D }), D),
      ev('incident.opened', opened({ incidentId: 'x2', discoveredAt: D + 1 }), D),
      ev('incident.carrier_missing', missing({ noticedAt: D }), D),
      ev('incident.carrier_missing', missing({ missingId: 'm2', carrierId: 'c2', noticedAt: D + 1 }), D),
    ])
    expect(codes(f)).toEqual(['X-01', 'X-02'])
    expect([...f.state.incidents.keys()]).toEqual(['x1'])
    expect([...f.state.missing.keys()]).toEqual(['m1'])
  })
})

describe('incident register: missing items and their incidents (X-02)', () => {
  it('X-02 an incident for a missing item found again, or for one never recorded, is refused', () => {
    const ev = eventBuilder()
    const f = foldIncidents([
      ev('incident.carrier_missing', missing(), D),
      ev('incident.carrier_found', { missingId: 'm1', note: '找到' }, D + HOUR),
      ev('incident.opened', opened({ missingId: 'm1' }), D + 2 * HOUR),
      ev('incident.carrier_found', { missingId: 'm9', note: '找到' }, D + 2 * HOUR),
    ])
    expect(codes(f)).toEqual(['X-02', 'X-02'])
    expect(f.refused.map((r) => r.error.details)).toEqual([{ missingId: 'm1' }, { missingId: 'm9' }])
    expect(f.state.incidents.size).toBe(0)
    expect(f.state.missing.get('m1')).toEqual({
      id: 'm1',
      eventId: 'e001',
      carrierId: 'c1',
      itemRef: '2026-0007 第3份',
      level: 'secret',
      source: 'reconciliation',
      sourceRef: 'rec-2026-q1',
      noticedAt: D,
      recordedAt: D,
      foundAt: D + HOUR,
      foundNote: '找到',
      foundEventId: 'e002',
      incidentId: null,
    })
  })

  it('X-02 the refusal of a carrier already missing names the open entry', () => {
    const ev = eventBuilder()
    const f = foldIncidents([
      ev('incident.carrier_missing', missing(), D),
      ev('incident.carrier_missing', missing({ missingId: 'm2', carrierId: 'c2' }), D),
      ev('incident.carrier_missing', missing({ missingId: 'm3', carrierId: 'c2' }), D + HOUR),
    ])
    expect(codes(f)).toEqual(['X-02'])
    expect(f.refused[0]?.error.details).toEqual({ missingId: 'm2' })
  })

  it('X-01 X-02 an incident opened for a missing item is linked both ways; once found before a report it is closed', () => {
    const ev = eventBuilder()
    const f = foldIncidents([
      ev('incident.carrier_missing', missing(), D),
      ev('incident.opened', opened({ kind: 'loss', missingId: 'm1' }), D + HOUR, 'leader1'),
      ev('incident.carrier_found', { missingId: 'm1', note: '找到' }, D + 2 * HOUR),
      ev('incident.remedied', { incidentId: 'x1', note: '找到后补救' }, D + 3 * HOUR),
      ev('incident.reported_to_bureau', { incidentId: 'x1', reportRef: 'r' }, D + 3 * HOUR),
    ])
    expect(codes(f)).toEqual(['X-01', 'X-01'])
    expect(f.refused.map((r) => r.error.details)).toEqual([{ incidentId: 'x1' }, { incidentId: 'x1' }])
    expect(f.state.missing.get('m1')?.incidentId).toBe('x1')
    expect(f.state.incidents.get('x1')).toEqual({
      id: 'x1',
      eventId: 'e002',
      kind: 'loss',
      discoveredAt: D,
      openedAt: D + HOUR,
      openedBy: 'leader1',
      missingId: 'm1',
      carrierRefs: ['2026-0007'],
      remedies: [],
      reportedAt: null,
      reportRef: null,
      concludedAt: null,
      resultRef: null,
      state: 'closed_found',
      closedAt: D + 2 * HOUR,
    })
  })
})

describe('incident register: the life of an incident (X-01)', () => {
  it('X-01 remedies, the report and the written result are recorded; a second report is refused', () => {
    const ev = eventBuilder()
    const f = foldIncidents([
      ev('incident.opened', opened(), D),
      ev('incident.remedied', { incidentId: 'x1', note: '封存' }, D + HOUR),
      ev('incident.remedied', { incidentId: 'x1', note: '追回' }, D + 2 * HOUR, 'leader1'),
      ev('incident.reported_to_bureau', { incidentId: 'x1', reportRef: '镇保〔2026〕1号' }, D + 3 * HOUR),
      ev('incident.reported_to_bureau', { incidentId: 'x1', reportRef: '又一次' }, D + 4 * HOUR),
      ev('incident.investigation_concluded', { incidentId: 'x9', resultRef: 'r', note: 'n' }, D + 5 * HOUR),
      ev(
        'incident.investigation_concluded',
        { incidentId: 'x1', resultRef: '查处〔2026〕2号', note: '查明' },
        D + 6 * HOUR,
      ),
    ])
    expect(codes(f)).toEqual(['INCIDENT-EXISTS', 'X-01'])
    expect(f.refused.map((r) => r.error.details)).toEqual([{ id: 'x1' }, { incidentId: 'x9' }])
    expect(f.state.incidents.get('x1')).toMatchObject({
      missingId: null,
      openedBy: 'officer1',
      remedies: [
        { eventId: 'e002', atMs: D + HOUR, by: 'officer1', note: '封存' },
        { eventId: 'e003', atMs: D + 2 * HOUR, by: 'leader1', note: '追回' },
      ],
      reportedAt: D + 3 * HOUR,
      reportRef: '镇保〔2026〕1号',
      concludedAt: D + 6 * HOUR,
      resultRef: '查处〔2026〕2号',
      state: 'concluded',
      closedAt: D + 6 * HOUR,
    })
  })

  it('X-01 the written result needs the report first; the refusal names the incident', () => {
    const ev = eventBuilder()
    const f = foldIncidents([
      ev('incident.opened', opened(), D),
      ev('incident.investigation_concluded', { incidentId: 'x1', resultRef: 'r', note: 'n' }, D + HOUR),
    ])
    expect(codes(f)).toEqual(['X-01'])
    expect(f.refused[0]?.error.details).toEqual({ incidentId: 'x1' })
    expect(f.state.incidents.get('x1')?.state).toBe('open')
  })

  it('X-01 the slice refuses an event type it does not keep', () => {
    const error = incidentSlice.check(
      incidentSlice.empty(),
      { id: 'z1', type: 'incident.unknown', actor: 'officer1', atMs: D, payload: {} },
      CTX,
    )
    expect(error?.code).toBe('INCIDENT-UNKNOWN-TYPE')
    if (error) expectClearRefusal(error)
    expect(error?.message.en).toContain('incident.unknown')
  })
})
