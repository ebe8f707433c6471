import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import type { IncidentEventPayloads } from '../../../src/registers/incident/events.ts'
import { DEFAULT_INCIDENT_POLICY, endOfDayMonthsLater } from '../../../src/registers/incident/policy.ts'
import {
  incidentDeadlines,
  incidentYearFigures,
  lateIncidentDeadlines,
  missingItems,
  openIncidents,
  overdueIncidents,
} from '../../../src/registers/incident/queries.ts'
import { local } from '../../support/fixtures.ts'
import { codes, eventBuilder, foldIncidents } from '../inspection/inspection-fold.ts'

/** The incident register's lists and deadlines: what they leave out, their boundaries and their order. */

const CAL = DEFAULT_CALENDAR
const D = local('2026-03-02T10:00')
const HOUR = 3_600_000
const DAY = 24 * HOUR
const endOf = (date: string) => local(`${date}T00:00`) + DAY - 1

function missing(
  missingId: string,
  carrierId: string,
  level: IncidentEventPayloads['incident.carrier_missing']['level'],
  noticedAt: number,
): IncidentEventPayloads['incident.carrier_missing'] {
  return {
    missingId,
    carrierId,
    itemRef: `ref-${carrierId}`,
    level,
    source: 'inspection',
    sourceRef: 's1',
    noticedAt,
  }
}

function opened(
  incidentId: string,
  discoveredAt: number,
  missingId?: string,
): IncidentEventPayloads['incident.opened'] {
  return {
    incidentId,
    kind: 'suspected_leak',
    discoveredAt,
    carrierRefs: [],
    ...(missingId ? { missingId } : {}),
  }
}

describe('incident register: deadlines (X-01)', () => {
  it('X-01 "within n months" ends on the same day n months later, clamped to the month, across years', () => {
    expect(endOfDayMonthsLater(local('2026-09-15T10:00'), 3, CAL)).toBe(endOf('2026-12-15'))
    expect(endOfDayMonthsLater(local('2026-10-31T10:00'), 1, CAL)).toBe(endOf('2026-11-30'))
    expect(endOfDayMonthsLater(local('2028-01-31T10:00'), 1, CAL)).toBe(endOf('2028-02-29'))
    expect(endOfDayMonthsLater(local('2026-12-31T23:00'), 2, CAL)).toBe(endOf('2027-02-28'))
    expect(endOfDayMonthsLater(D, 12, CAL)).toBe(endOf('2027-03-02'))
  })

  it('X-01 both limits come from the policy', () => {
    const policy = { ...DEFAULT_INCIDENT_POLICY, reportWithinMs: 2 * HOUR, investigationWithinMonths: 1 }
    expect(incidentDeadlines(D, null, D + HOUR, CAL, policy)).toEqual([
      { rule: 'X-01', kind: 'report_to_bureau', dueAt: D + 2 * HOUR, metAt: null },
      { rule: 'X-01', kind: 'written_result', dueAt: endOf('2026-04-02'), metAt: D + HOUR },
    ])
  })
})

describe('incident register: open and overdue incidents (X-01, X-02)', () => {
  const ev = eventBuilder()
  const events = [
    ev('incident.opened', opened('x2', D), D),
    ev('incident.opened', opened('x1', D), D),
    ev('incident.opened', opened('x0', D - DAY), D),
    ev('incident.opened', opened('x3', D - DAY), D),
    ev('incident.reported_to_bureau', { incidentId: 'x3', reportRef: 'r3' }, D),
    ev('incident.opened', opened('x4', D - DAY), D),
    ev('incident.reported_to_bureau', { incidentId: 'x4', reportRef: 'r4' }, D),
    ev('incident.investigation_concluded', { incidentId: 'x4', resultRef: 'w4', note: '查明' }, D),
    ev('incident.carrier_missing', missing('m1', 'c1', 'top_secret', D - 10 * DAY), D),
    ev('incident.carrier_missing', missing('m2', 'c2', 'internal', D - 100 * DAY), D),
    ev('incident.carrier_missing', missing('m3', 'c3', 'confidential', D - 60 * DAY + 1), D),
  ]
  const state = foldIncidents(events).state

  it('X-01 X-02 explicit and automatic incidents come by discovery then id; closed ones and levels without a limit left out', () => {
    expect(codes(foldIncidents(events))).toEqual([])
    expect(openIncidents(state, D, CAL)).toEqual([
      {
        id: 'x0',
        automatic: false,
        missingId: null,
        discoveredAt: D - DAY,
        deadlines: incidentDeadlines(D - DAY, null, null, CAL),
      },
      {
        id: 'x3',
        automatic: false,
        missingId: null,
        discoveredAt: D - DAY,
        deadlines: incidentDeadlines(D - DAY, D, null, CAL),
      },
      {
        id: 'missing:m1',
        automatic: true,
        missingId: 'm1',
        discoveredAt: D,
        deadlines: incidentDeadlines(D, null, null, CAL),
      },
      {
        id: 'x1',
        automatic: false,
        missingId: null,
        discoveredAt: D,
        deadlines: incidentDeadlines(D, null, null, CAL),
      },
      {
        id: 'x2',
        automatic: false,
        missingId: null,
        discoveredAt: D,
        deadlines: incidentDeadlines(D, null, null, CAL),
      },
    ])
    expect(openIncidents(state, D + 1, CAL).map((v) => v.id)).toContain('missing:m3')
  })

  it('X-01 overdue lists only the deadlines still outstanding and past due', () => {
    const late = endOf('2026-06-01') + 1
    const overdue = overdueIncidents(state, late, CAL)
    expect(overdue.map((v) => [v.id, v.deadlines.map((d) => d.kind)])).toEqual([
      ['x0', ['report_to_bureau', 'written_result']],
      ['x3', ['written_result']],
      ['missing:m1', ['report_to_bureau']],
      ['x1', ['report_to_bureau']],
      ['x2', ['report_to_bureau']],
      ['missing:m3', ['report_to_bureau']],
    ])
  })
})

describe('incident register: late deadlines (X-01)', () => {
  it('X-01 a report exactly at the deadline is in time; late ones are listed by due time then incident', () => {
    const ev = eventBuilder()
    const report = (incidentId: string, at: number) =>
      ev('incident.reported_to_bureau', { incidentId, reportRef: `r-${incidentId}` }, at)
    const f = foldIncidents([
      ev('incident.opened', opened('x2', D), D),
      ev('incident.opened', opened('x1', D), D),
      ev('incident.opened', opened('x0', D), D),
      report('x2', D + DAY + 1),
      report('x1', D + DAY + 2),
      report('x0', D + DAY),
      ev(
        'incident.investigation_concluded',
        { incidentId: 'x0', resultRef: 'w', note: 'n' },
        endOf('2026-06-02') + 1,
      ),
    ])
    expect(codes(f)).toEqual([])
    expect(lateIncidentDeadlines(f.state, CAL)).toEqual([
      { rule: 'X-01', kind: 'report_to_bureau', dueAt: D + DAY, metAt: D + DAY + 2, incidentId: 'x1' },
      { rule: 'X-01', kind: 'report_to_bureau', dueAt: D + DAY, metAt: D + DAY + 1, incidentId: 'x2' },
      {
        rule: 'X-01',
        kind: 'written_result',
        dueAt: endOf('2026-06-02'),
        metAt: endOf('2026-06-02') + 1,
        incidentId: 'x0',
      },
    ])
  })
})

describe('incident register: missing items (X-02)', () => {
  it('X-02 soonest leak first, ties by id, levels without a limit last; a leak from its very instant', () => {
    const ev = eventBuilder()
    const f = foldIncidents([
      ev('incident.carrier_missing', missing('m9', 'c9', 'public', D), D),
      ev('incident.carrier_missing', missing('m8', 'c8', 'internal', D), D),
      ev('incident.carrier_missing', missing('m5', 'c5', 'secret', D), D),
      ev('incident.carrier_missing', missing('m4', 'c4', 'confidential', D), D),
      ev('incident.carrier_missing', missing('m6', 'c6', 'top_secret', D), D),
      ev('incident.carrier_missing', missing('m7', 'c7', 'top_secret', D - DAY), D),
      ev('incident.carrier_found', { missingId: 'm7', note: '找到' }, D + HOUR),
    ])
    const now = D + 10 * DAY
    expect(missingItems(f.state, now).map((m) => [m.missingId, m.leakAt, m.treatedAsLeak])).toEqual([
      ['m6', D + 10 * DAY, true],
      ['m4', D + 60 * DAY, false],
      ['m5', D + 60 * DAY, false],
      ['m8', null, false],
      ['m9', null, false],
    ])
    expect(missingItems(f.state, now - 1)[0]?.treatedAsLeak).toBe(false)
    const strict = { ...DEFAULT_INCIDENT_POLICY, missingLimitDays: { top_secret: 1, internal: 2 } }
    expect(missingItems(f.state, D + DAY, strict).map((m) => [m.missingId, m.treatedAsLeak])).toEqual([
      ['m6', true],
      ['m8', false],
      ['m4', false],
      ['m5', false],
      ['m9', false],
    ])
  })
})

describe('incident register: year figures', () => {
  it('X-01 X-02 count incidents discovered and carriers noticed missing in the local year; reports in time by the policy', () => {
    const ev = eventBuilder()
    const newYear = local('2026-01-01T00:00')
    const f = foldIncidents([
      ev('incident.opened', opened('old', newYear - 1), D),
      ev('incident.opened', opened('x1', newYear), D),
      ev('incident.opened', opened('x2', D - DAY), D),
      ev('incident.opened', opened('x3', D - DAY), D),
      ev('incident.reported_to_bureau', { incidentId: 'x2', reportRef: 'r' }, D),
      ev('incident.reported_to_bureau', { incidentId: 'x3', reportRef: 'r' }, D + 1),
      ev('incident.investigation_concluded', { incidentId: 'x2', resultRef: 'w', note: 'n' }, D + HOUR),
      ev('incident.carrier_missing', missing('m0', 'c0', 'secret', newYear - 1), D),
      ev('incident.carrier_missing', missing('m1', 'c1', 'secret', newYear), D),
      ev('incident.carrier_missing', missing('m2', 'c2', 'secret', D), D),
      ev('incident.carrier_found', { missingId: 'm2', note: '找到' }, D + HOUR),
    ])
    expect(codes(f)).toEqual([])
    expect(incidentYearFigures(f.state, 2026, CAL)).toEqual({
      year: 2026,
      incidentsOpened: 3,
      notReportedInTime: 2,
      concluded: 1,
      carriersMissing: 2,
      carriersFound: 1,
    })
    const lenient = { ...DEFAULT_INCIDENT_POLICY, reportWithinMs: DAY + 1 }
    expect(incidentYearFigures(f.state, 2026, CAL, lenient).notReportedInTime).toBe(1)
    expect(incidentYearFigures(f.state, 2025, CAL)).toEqual({
      year: 2025,
      incidentsOpened: 1,
      notReportedInTime: 1,
      concluded: 0,
      carriersMissing: 1,
      carriersFound: 0,
    })
  })
})
