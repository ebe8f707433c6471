import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import type { IncidentEventPayloads } from '../../../src/registers/incident/events.ts'
import { DEFAULT_INCIDENT_POLICY, endOfDayMonthsLater } from '../../../src/registers/incident/policy.ts'
import {
  incidentYearFigures,
  lateIncidentDeadlines,
  missingItems,
  openIncidents,
  overdueIncidents,
} from '../../../src/registers/incident/queries.ts'
import { local } from '../../support/fixtures.ts'
import {
  carrierMissing,
  codes,
  eventBuilder,
  foldIncidents,
  incidentOpened,
} from '../inspection/inspection-fold.ts'

const CAL = DEFAULT_CALENDAR
const HOUR = 3_600_000
const DAY = 24 * HOUR
// Saturday 2 May 2026, inside the Labour Day holiday: calendar time runs on.
const D = local('2026-05-02T22:00')

function fold(events: readonly SliceEvent[]) {
  return foldIncidents(events)
}

const missing = (o: Partial<IncidentEventPayloads['incident.carrier_missing']> = {}) =>
  carrierMissing(D, { level: 'top_secret', ...o })

const opened = (o: Partial<IncidentEventPayloads['incident.opened']> = {}) => incidentOpened(D, o)

describe('incident register rules', () => {
  it('X-01 the report to the bureau is due 24 hours after discovery, holidays or not', () => {
    const ev = eventBuilder()
    const f = fold([ev('incident.opened', opened(), D + HOUR)])
    expect(overdueIncidents(f.state, D + DAY, CAL)).toEqual([])
    expect(overdueIncidents(f.state, D + DAY + 1, CAL)).toEqual([
      {
        id: 'x1',
        automatic: false,
        missingId: null,
        discoveredAt: D,
        deadlines: [{ rule: 'X-01', kind: 'report_to_bureau', dueAt: D + DAY, metAt: null }],
      },
    ])
  })

  it('X-01 a late report is accepted and stays on record as late', () => {
    const ev = eventBuilder()
    const f = fold([
      ev('incident.opened', opened(), D),
      ev('incident.reported_to_bureau', { incidentId: 'x1', reportRef: '镇保〔2026〕1号' }, D + DAY + HOUR),
    ])
    expect(f.refused).toEqual([])
    expect(overdueIncidents(f.state, D + 2 * DAY, CAL)).toEqual([])
    expect(lateIncidentDeadlines(f.state, CAL)).toEqual([
      { rule: 'X-01', kind: 'report_to_bureau', dueAt: D + DAY, metAt: D + DAY + HOUR, incidentId: 'x1' },
    ])
    expect(incidentYearFigures(f.state, 2026, CAL).notReportedInTime).toBe(1)
  })

  it('X-01 the written result is due within 3 calendar months; it needs the report first', () => {
    const due = local('2026-08-03T00:00') - 1 // end of 2 August 2026
    expect(endOfDayMonthsLater(D, 3, CAL)).toBe(due)
    // 30 November + 3 months clamps to the end of February.
    expect(endOfDayMonthsLater(local('2025-11-30T10:00'), 3, CAL)).toBe(local('2026-03-01T00:00') - 1)
    const ev = eventBuilder()
    const events = [
      ev('incident.opened', opened(), D),
      ev('incident.investigation_concluded', { incidentId: 'x1', resultRef: 'r', note: '查明' }, D + HOUR),
      ev('incident.reported_to_bureau', { incidentId: 'x1', reportRef: '镇保〔2026〕1号' }, D + 2 * HOUR),
    ]
    const f = fold(events)
    expect(codes(f)).toEqual(['X-01'])
    expect(overdueIncidents(f.state, due, CAL)).toEqual([])
    expect(overdueIncidents(f.state, due + 1, CAL)[0]?.deadlines).toEqual([
      { rule: 'X-01', kind: 'written_result', dueAt: due, metAt: null },
    ])
    const closed = fold([
      ...events,
      ev(
        'incident.investigation_concluded',
        { incidentId: 'x1', resultRef: '县保密局〔2026〕9号', note: '查明' },
        D + 30 * DAY,
      ),
      ev('incident.remedied', { incidentId: 'x1', note: '结案后' }, D + 31 * DAY),
    ])
    expect(codes(closed)).toEqual(['X-01', 'X-01'])
    expect(openIncidents(closed.state, due + 1, CAL)).toEqual([])
  })

  it('X-01 refuses a discovery later than its record and actions on an unknown incident', () => {
    const ev = eventBuilder()
    const f = fold([
      ev('incident.opened', opened({ discoveredAt: D + HOUR }), D),
      ev('incident.reported_to_bureau', { incidentId: 'x1', reportRef: 'r' }, D + 2 * HOUR),
      ev('incident.remedied', { incidentId: 'x1', note: '补救' }, D + 2 * HOUR),
    ])
    expect(codes(f)).toEqual(['X-01', 'X-01', 'X-01'])
    expect(f.state.incidents.size).toBe(0)
  })

  it('X-02 a 绝密 carrier still missing after 10 days is treated as a leak; 机密 after 60', () => {
    const ev = eventBuilder()
    const f = fold([
      ev('incident.carrier_missing', missing(), D),
      ev('incident.carrier_missing', missing({ missingId: 'm2', carrierId: 'c2', level: 'secret' }), D),
      ev('incident.carrier_missing', missing({ missingId: 'm3', carrierId: 'c3', level: 'internal' }), D),
      ev('incident.carrier_missing', missing({ missingId: 'm4' }), D + HOUR),
    ])
    expect(codes(f)).toEqual(['X-02'])
    const tenDays = D + 10 * DAY
    expect(openIncidents(f.state, tenDays - 1, CAL)).toEqual([])
    expect(openIncidents(f.state, tenDays, CAL).map((v) => [v.id, v.discoveredAt])).toEqual([
      ['missing:m1', tenDays],
    ])
    expect(overdueIncidents(f.state, tenDays + DAY + 1, CAL).map((v) => v.id)).toEqual(['missing:m1'])
    expect(openIncidents(f.state, D + 60 * DAY, CAL).map((v) => v.id)).toEqual(['missing:m1', 'missing:m2'])
    expect(missingItems(f.state, D + 60 * DAY).map((m) => [m.missingId, m.treatedAsLeak])).toEqual([
      ['m1', true],
      ['m2', true],
      ['m3', false],
    ])
  })

  it('X-02 the limits are policy', () => {
    const ev = eventBuilder()
    const f = fold([ev('incident.carrier_missing', missing(), D)])
    const policy = { ...DEFAULT_INCIDENT_POLICY, missingLimitDays: { top_secret: 3 } }
    expect(openIncidents(f.state, D + 3 * DAY, CAL, policy).map((v) => v.id)).toEqual(['missing:m1'])
  })

  it('X-02 found again closes the missing item and its automatic incident', () => {
    const ev = eventBuilder()
    const f = fold([
      ev('incident.carrier_missing', missing(), D),
      ev('incident.carrier_found', { missingId: 'm1', note: '在档案柜夹层找到' }, D + 11 * DAY),
      ev('incident.carrier_found', { missingId: 'm1', note: '再次' }, D + 12 * DAY),
      ev('incident.carrier_missing', missing({ missingId: 'm2', noticedAt: D + 20 * DAY }), D + 20 * DAY),
    ])
    expect(codes(f)).toEqual(['X-02'])
    expect(openIncidents(f.state, D + 20 * DAY, CAL)).toEqual([])
    expect(missingItems(f.state, D + 20 * DAY).map((m) => m.missingId)).toEqual(['m2'])
  })

  it('X-02 an incident opened for a missing item replaces the automatic one; found before the report closes it', () => {
    const ev = eventBuilder()
    const base = [
      ev('incident.carrier_missing', missing(), D),
      ev('incident.opened', opened({ kind: 'loss', missingId: 'm1' }), D + 10 * DAY),
      ev('incident.opened', opened({ incidentId: 'x2', kind: 'loss', missingId: 'm1' }), D + 10 * DAY),
      ev('incident.opened', opened({ incidentId: 'x3', missingId: 'nope' }), D + 10 * DAY),
    ]
    const f = fold(base)
    expect(codes(f)).toEqual(['X-02', 'X-02'])
    expect(openIncidents(f.state, D + 10 * DAY, CAL).map((v) => v.id)).toEqual(['x1'])

    const found = fold([
      ...base,
      ev('incident.carrier_found', { missingId: 'm1', note: '找到' }, D + 10 * DAY + HOUR),
    ])
    expect(found.state.incidents.get('x1')?.state).toBe('closed_found')
    expect(openIncidents(found.state, D + 11 * DAY, CAL)).toEqual([])

    // Already reported: the bureau has a case, so the written result is still due.
    const reported = fold([
      ...base,
      ev('incident.reported_to_bureau', { incidentId: 'x1', reportRef: 'r' }, D + 10 * DAY + HOUR),
      ev('incident.carrier_found', { missingId: 'm1', note: '找到' }, D + 10 * DAY + 2 * HOUR),
    ])
    expect(reported.state.incidents.get('x1')?.state).toBe('reported')
    expect(openIncidents(reported.state, D + 11 * DAY, CAL).map((v) => v.id)).toEqual(['x1'])
  })
})
