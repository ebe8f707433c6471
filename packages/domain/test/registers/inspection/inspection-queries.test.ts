import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { DEFAULT_INSPECTION_POLICY } from '../../../src/registers/inspection/policy.ts'
import {
  bureauOpinionsPending,
  findingsAwaitingVerification,
  findingsDueSoon,
  inspectionYearFigures,
  openInspectionAnomalies,
  overdueFindings,
  selfAssessmentOfYear,
  seriousFindingsUnreported,
} from '../../../src/registers/inspection/queries.ts'
import { inspectionSlice } from '../../../src/registers/inspection/slice.ts'
import { local } from '../../support/fixtures.ts'
import { CTX, codes, eventBuilder, finding, foldInspections, inspection } from './inspection-fold.ts'

/** The inspection register's lists: what they leave out, their boundaries and their order. */

const T0 = local('2026-03-02T10:00')
const HOUR = 3_600_000
const DAY = 24 * HOUR
const endOf = (date: string) => local(`${date}T00:00`) + DAY - 1

/** Check → apply in the order given, as the unit fold does after ordering by HLC (ids need not ascend). */
function foldInOrder(events: readonly SliceEvent[]) {
  const work = inspectionSlice.fork(inspectionSlice.empty())
  for (const e of events)
    if (inspectionSlice.check(work, e, CTX) === null) inspectionSlice.apply(work, e, CTX)
  return inspectionSlice.view(work)
}

function answers(total: number) {
  return [
    ...Array.from({ length: 50 }, (_, i) => ({ no: i + 1, awarded: i < total / 2 ? 2 : 0 })),
    ...Array.from({ length: 8 }, (_, i) => ({ no: 51 + i, deducted: 0 })),
    { no: 59, vetoed: false },
  ]
}

describe('inspection register: findings by deadline (I-04)', () => {
  const ev = eventBuilder()
  const rectify = (findingId: string, at: number) =>
    ev('inspection.finding_rectified', { findingId, note: '整改' }, at, 'staff1')
  const events = [
    ev('inspection.recorded', inspection(), T0),
    ev('inspection.finding_recorded', finding({ findingId: 'f3', dueOn: '2026-03-10' }), T0),
    ev('inspection.finding_recorded', finding({ findingId: 'f2', dueOn: '2026-03-20' }), T0),
    ev('inspection.finding_recorded', finding({ findingId: 'f1', dueOn: '2026-03-20' }), T0),
    ev('inspection.finding_recorded', finding({ findingId: 'f4', dueOn: '2026-03-10' }), T0),
    ev('inspection.finding_recorded', finding({ findingId: 'f5', dueOn: '2026-03-10' }), T0),
    rectify('f4', endOf('2026-03-10')),
    rectify('f5', endOf('2026-03-10') + 1),
  ]
  const state = foldInspections(events).state

  it('I-04 overdue: by deadline then id; a rectification declared by the deadline, to the ms, is in time', () => {
    expect(codes(foldInspections(events))).toEqual([])
    expect(overdueFindings(state, endOf('2026-03-20') + 1).map((x) => [x.findingId, x.dueAtMs])).toEqual([
      ['f3', endOf('2026-03-10')],
      ['f5', endOf('2026-03-10')],
      ['f1', endOf('2026-03-20')],
      ['f2', endOf('2026-03-20')],
    ])
  })

  it('I-04 due soon: open findings due from now to the end of the window, both ends included', () => {
    const due = endOf('2026-03-20')
    expect(findingsDueSoon(state, due, 0).map((x) => x.findingId)).toEqual(['f1', 'f2'])
    expect(findingsDueSoon(state, due + 1, DAY)).toEqual([])
    expect(findingsDueSoon(state, due - DAY - 1, DAY)).toEqual([])
    expect(findingsDueSoon(state, T0, 10 * DAY).map((x) => x.findingId)).toEqual(['f3'])
  })

  it('I-04 awaiting verification: rectified findings by the time declared, then id; verified ones left out', () => {
    const f = foldInspections([
      ...events,
      rectify('f2', T0 + HOUR),
      rectify('f1', T0 + HOUR),
      rectify('f3', T0 + 2 * HOUR),
      ev(
        'inspection.finding_verified',
        { findingId: 'f4', outcome: 'fixed', note: '复查' },
        endOf('2026-03-11'),
      ),
    ])
    expect(codes(f)).toEqual([])
    expect(f.state.findings.get('f4')?.rectifiedAt).toBe(endOf('2026-03-10'))
    expect(findingsAwaitingVerification(f.state).map((x) => [x.findingId, x.rectifiedAt])).toEqual([
      ['f1', T0 + HOUR],
      ['f2', T0 + HOUR],
      ['f3', T0 + 2 * HOUR],
      ['f5', endOf('2026-03-10') + 1],
    ])
  })
})

describe('inspection register: reports and opinions pending (I-04)', () => {
  it('I-04 serious findings unreported: by report deadline then id; the window comes from the policy', () => {
    const ev = eventBuilder()
    const f = foldInspections([
      ev('inspection.recorded', inspection(), T0),
      ev('inspection.finding_recorded', finding({ findingId: 'f9', severity: 'serious' }), T0 + HOUR),
      ev('inspection.finding_recorded', finding({ findingId: 'f2', severity: 'serious' }), T0),
      ev('inspection.finding_recorded', finding({ findingId: 'f1', severity: 'serious' }), T0),
    ])
    const policy = { ...DEFAULT_INSPECTION_POLICY, seriousReportWithinMs: HOUR }
    expect(seriousFindingsUnreported(f.state, T0 + HOUR, policy)).toEqual([
      { findingId: 'f1', recordedAt: T0, dueAtMs: T0 + HOUR, overdue: false },
      { findingId: 'f2', recordedAt: T0, dueAtMs: T0 + HOUR, overdue: false },
      { findingId: 'f9', recordedAt: T0 + HOUR, dueAtMs: T0 + 2 * HOUR, overdue: false },
    ])
    expect(seriousFindingsUnreported(f.state, T0 + HOUR + 1, policy).map((x) => x.overdue)).toEqual([
      true,
      true,
      false,
    ])
  })

  it('I-04 bureau opinions pending: by inspection day then id; own inspections and answered ones left out', () => {
    const ev = eventBuilder()
    const bureau = (inspectionId: string, heldOn: string) =>
      ev('inspection.recorded', inspection({ inspectionId, kind: 'bureau', heldOn }), T0)
    const f = foldInspections([
      bureau('b3', '2026-02-01'),
      bureau('b2', '2026-03-01'),
      bureau('b1', '2026-03-01'),
      bureau('b0', '2026-01-05'),
      ev('inspection.recorded', inspection({ heldOn: '2026-01-01' }), T0),
      ev(
        'inspection.opinion_recorded',
        { inspectionId: 'b0', opinionRef: 'op', receivedOn: '2026-01-06' },
        T0,
      ),
    ])
    expect(bureauOpinionsPending(f.state)).toEqual([
      { inspectionId: 'b3', sinceMs: local('2026-02-01T00:00') },
      { inspectionId: 'b1', sinceMs: local('2026-03-01T00:00') },
      { inspectionId: 'b2', sinceMs: local('2026-03-01T00:00') },
    ])
  })
})

describe('inspection register: mismatches, self-assessments and year figures', () => {
  it('I-03 open mismatches: oldest first, ties by id whatever the log order; resolved ones left out', () => {
    const ev = eventBuilder()
    const check = (checkId: string, at: number) =>
      ev('inspection.item_checked', { checkId, inspectionId: 'i1', itemRef: checkId, result: 'missing' }, at)
    const state = foldInOrder([
      ev('inspection.recorded', inspection(), T0),
      check('k9', T0),
      check('k5', T0 + HOUR),
      check('k3', T0 + HOUR),
      check('k4', T0 + HOUR),
      ev('inspection.anomaly_resolved', { anomalyId: 'k4', note: '已查明' }, T0 + 2 * HOUR),
    ])
    expect(openInspectionAnomalies(state).map((a) => [a.id, a.openedAt])).toEqual([
      ['k9', T0],
      ['k3', T0 + HOUR],
      ['k5', T0 + HOUR],
    ])
  })

  it('I-05 the year takes its latest self-assessment, the larger id on a tie, whatever the log order', () => {
    const ev = eventBuilder()
    const assess = (assessmentId: string, year: number, total: number, at: number) =>
      ev(
        'inspection.self_assessment_recorded',
        { assessmentId, year, sheetId: 'common-59', answers: answers(total) },
        at,
      )
    const state = foldInOrder([
      assess('a1', 2026, 100, T0),
      assess('a9', 2026, 80, T0 + HOUR),
      assess('a8', 2026, 70, T0 + HOUR),
      assess('a0', 2026, 90, T0),
      assess('z1', 2025, 100, T0 + DAY),
    ])
    expect(selfAssessmentOfYear(state, 2026)?.score).toBe(80)
    expect(selfAssessmentOfYear(state, 2025)?.score).toBe(100)
    const later = foldInOrder([assess('b2', 2026, 60, T0 + HOUR), assess('b9', 2026, 100, T0)])
    expect(selfAssessmentOfYear(later, 2026)?.score).toBe(60)
  })

  it('I-01 I-03 I-04 year figures count inspections held in the year and what they found', () => {
    const ev = eventBuilder()
    const held = (inspectionId: string, kind: 'quarterly' | 'spot' | 'holiday' | 'bureau', heldOn: string) =>
      ev('inspection.recorded', inspection({ inspectionId, kind, heldOn }), T0)
    const check = (checkId: string, inspectionId: string, result: 'match' | 'missing') =>
      ev('inspection.item_checked', { checkId, inspectionId, itemRef: checkId, result }, T0)
    const f = foldInspections([
      held('old', 'quarterly', '2025-12-31'),
      held('q1', 'quarterly', '2026-01-01'),
      held('s1', 'spot', '2026-02-01'),
      held('s2', 'spot', '2026-02-02'),
      held('h1', 'holiday', '2026-02-10'),
      check('k1', 'old', 'missing'),
      check('k2', 'q1', 'match'),
      check('k3', 'q1', 'missing'),
      ev(
        'inspection.finding_recorded',
        finding({ findingId: 'f0', inspectionId: 'old', severity: 'serious' }),
        T0,
      ),
      ev(
        'inspection.finding_recorded',
        finding({ findingId: 'f1', inspectionId: 'q1', severity: 'serious' }),
        T0,
      ),
      ev('inspection.finding_recorded', finding({ findingId: 'f2', inspectionId: 's1' }), T0),
      ev('inspection.finding_recorded', finding({ findingId: 'f3', inspectionId: 's2' }), T0),
      ev('inspection.finding_rectified', { findingId: 'f2', note: '整改' }, T0 + HOUR, 'staff1'),
      ev('inspection.finding_verified', { findingId: 'f2', outcome: 'fixed', note: '复查' }, T0 + 2 * HOUR),
      ev(
        'inspection.self_assessment_recorded',
        { assessmentId: 'a1', year: 2026, sheetId: 'common-59', answers: answers(100) },
        T0,
      ),
    ])
    expect(codes(f)).toEqual([])
    const figures = inspectionYearFigures(f.state, 2026)
    expect(figures).toEqual({
      year: 2026,
      inspections: { quarterly: 1, spot: 2, holiday: 1, bureau: 0 },
      findings: 3,
      seriousFindings: 1,
      findingsVerified: 1,
      itemsChecked: 2,
      mismatches: 1,
      selfAssessment: selfAssessmentOfYear(f.state, 2026),
    })
    expect(figures.selfAssessment?.score).toBe(100)
    expect(inspectionYearFigures(f.state, 2025)).toMatchObject({
      inspections: { quarterly: 1, spot: 0, holiday: 0, bureau: 0 },
      findings: 1,
      itemsChecked: 1,
      mismatches: 1,
      selfAssessment: null,
    })
  })
})
