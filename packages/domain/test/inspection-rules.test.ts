import { describe, expect, it } from 'vitest'
import { DEFAULT_INSPECTION_POLICY } from '../src/inspection-policy.ts'
import {
  bureauOpinionsPending,
  findingsAwaitingVerification,
  findingsDueSoon,
  inspectionYearFigures,
  openInspectionAnomalies,
  overdueFindings,
  seriousFindingsUnreported,
} from '../src/inspection-queries.ts'
import { createInspectionSlice, inspectionSlice } from '../src/inspection-slice.ts'
import type { SliceEvent } from '../src/register-slice.ts'
import { local } from './fixtures.ts'
import { codes, eventBuilder, finding, foldSlice, inspection } from './inspection-fold.ts'

const T0 = local('2026-03-02T10:00')
const HOUR = 3_600_000
const DAY = 24 * HOUR

function fold(events: readonly SliceEvent[], slice = inspectionSlice) {
  return foldSlice(slice, events)
}

describe('inspection register rules', () => {
  it('I-01 refuses an inspection dated after its recording; records one held today', () => {
    const ev = eventBuilder()
    const f = fold([
      ev('inspection.recorded', inspection({ heldOn: '2026-03-03' }), T0),
      ev('inspection.recorded', inspection({ inspectionId: 'i2' }), T0),
      ev('inspection.recorded', inspection({ inspectionId: 'i3', heldOn: '2026-02-30' }), T0),
    ])
    expect(codes(f)).toEqual(['I-01', 'I-01'])
    expect([...f.state.inspections.keys()]).toEqual(['i2'])
  })

  it('I-02 refuses an unpublished checklist, an area not on it and a repeated area', () => {
    const ev = eventBuilder()
    const f = fold([
      ev('inspection.recorded', inspection({ checklistId: 'county-2027' }), T0),
      ev('inspection.recorded', inspection({ areasChecked: ['documents', 'weather'] }), T0),
      ev('inspection.recorded', inspection({ areasChecked: ['documents', 'documents'] }), T0),
    ])
    expect(codes(f)).toEqual(['I-02', 'I-02', 'I-02'])
    expect(f.state.inspections.size).toBe(0)
  })

  it('I-02 accepts a checklist the county publishes as data, and findings only in its areas', () => {
    const county = { id: 'county-2026', areas: [{ id: 'seals', zh: '印章', en: 'Seals' }] }
    const slice = createInspectionSlice({
      ...DEFAULT_INSPECTION_POLICY,
      checklists: [...DEFAULT_INSPECTION_POLICY.checklists, county],
    })
    const ev = eventBuilder()
    const f = fold(
      [
        ev('inspection.recorded', inspection({ checklistId: 'county-2026', areasChecked: ['seals'] }), T0),
        ev('inspection.finding_recorded', finding({ area: 'documents' }), T0 + HOUR),
        ev('inspection.finding_recorded', finding({ area: 'seals' }), T0 + HOUR),
      ],
      slice,
    )
    expect(codes(f)).toEqual(['I-02'])
    expect(f.state.findings.get('f1')?.area).toBe('seals')
  })

  it('I-03 a mismatch becomes an anomaly; the officer resolves it with a note; not twice', () => {
    const ev = eventBuilder()
    const f = fold([
      ev('inspection.recorded', inspection(), T0),
      ev(
        'inspection.item_checked',
        { checkId: 'k1', inspectionId: 'i1', itemRef: '2026-0001', result: 'match' },
        T0,
      ),
      ev(
        'inspection.item_checked',
        { checkId: 'k2', inspectionId: 'i1', itemRef: '2026-0002', result: 'missing' },
        T0,
      ),
      ev(
        'inspection.item_checked',
        { checkId: 'k3', inspectionId: 'nope', itemRef: '2026-0003', result: 'match' },
        T0,
      ),
    ])
    expect(codes(f)).toEqual(['I-03'])
    expect(f.state.checks.size).toBe(2)
    expect(openInspectionAnomalies(f.state).map((a) => [a.id, a.kind])).toEqual([['k2', 'missing']])

    const kinds = fold([
      ev('inspection.recorded', inspection(), T0),
      ev(
        'inspection.item_checked',
        { checkId: 'k4', inspectionId: 'i1', itemRef: '2026-0004', result: 'differs' },
        T0,
      ),
      ev(
        'inspection.item_checked',
        { checkId: 'k5', inspectionId: 'i1', itemRef: '无编号', result: 'unregistered' },
        T0,
      ),
    ])
    expect(openInspectionAnomalies(kinds.state).map((a) => [a.id, a.kind])).toEqual([
      ['k4', 'differs'],
      ['k5', 'unregistered'],
    ])
    expect(inspectionYearFigures(kinds.state, 2026)).toMatchObject({
      inspections: { quarterly: 1, spot: 0, holiday: 0, bureau: 0 },
      itemsChecked: 2,
      mismatches: 2,
      selfAssessment: null,
    })

    const resolved = fold([
      ...[
        ev('inspection.recorded', inspection(), T0),
        ev(
          'inspection.item_checked',
          { checkId: 'k2', inspectionId: 'i1', itemRef: '2026-0002', result: 'missing' },
          T0,
        ),
      ],
      ev('inspection.anomaly_resolved', { anomalyId: 'k2', note: '已登记丢失 m1' }, T0 + HOUR),
      ev('inspection.anomaly_resolved', { anomalyId: 'k2', note: '再次' }, T0 + 2 * HOUR),
      ev('inspection.anomaly_resolved', { anomalyId: 'k2', note: '' }, T0 + 3 * HOUR),
      ev('inspection.anomaly_resolved', { anomalyId: 'k2', note: '职员' }, T0 + 4 * HOUR, 'staff1'),
    ])
    expect(codes(resolved)).toEqual(['I-03', 'MALFORMED', 'ROLE'])
    expect(openInspectionAnomalies(resolved.state)).toEqual([])
    expect(resolved.state.anomalies.get('k2')).toMatchObject({
      note: '已登记丢失 m1',
      resolvedBy: 'officer1',
    })
  })

  it('I-04 a finding names a responsible user of the unit and a deadline not in the past', () => {
    const ev = eventBuilder()
    const f = fold([
      ev('inspection.recorded', inspection(), T0),
      ev('inspection.finding_recorded', finding({ responsible: 'far' }), T0),
      ev('inspection.finding_recorded', finding({ responsible: 'ghost' }), T0),
      ev('inspection.finding_recorded', finding({ dueOn: '2026-03-01' }), T0),
      ev('inspection.finding_recorded', finding({ inspectionId: 'nope' }), T0),
      ev('inspection.finding_recorded', finding(), T0),
    ])
    expect(codes(f)).toEqual(['I-04', 'I-04', 'I-04', 'I-04'])
    expect(f.state.findings.get('f1')).toMatchObject({
      state: 'open',
      dueAtMs: local('2026-04-01T00:00') - 1,
    })
  })

  it('I-04 stays open until verified fixed, and never by the responsible person', () => {
    const ev = eventBuilder()
    const base = [
      ev('inspection.recorded', inspection(), T0),
      ev('inspection.finding_recorded', finding(), T0),
    ]
    const early = ev(
      'inspection.finding_verified',
      { findingId: 'f1', outcome: 'fixed', note: '过早' },
      T0 + HOUR,
      'leader1',
    )
    const rectified = ev(
      'inspection.finding_rectified',
      { findingId: 'f1', note: '已加装密码' },
      T0 + DAY,
      'staff1',
    )
    const self = ev(
      'inspection.finding_verified',
      { findingId: 'f1', outcome: 'fixed', note: '自验' },
      T0 + 2 * DAY,
      'staff1',
    )
    const byOfficer = ev(
      'inspection.finding_verified',
      { findingId: 'f1', outcome: 'fixed', note: '复查' },
      T0 + 3 * DAY,
    )
    const f = fold([...base, early, rectified, self, byOfficer])
    expect(codes(f)).toEqual(['I-04', 'ROLE'])
    expect(f.state.findings.get('f1')).toMatchObject({ state: 'verified', closedAt: T0 + 3 * DAY })

    // A responsible person who is also an officer is refused by the rule itself, not by the role screen.
    const officerResponsible = fold([
      ev('inspection.recorded', inspection(), T0),
      ev('inspection.finding_recorded', finding({ responsible: 'officer3' }), T0),
      ev('inspection.finding_rectified', { findingId: 'f1', note: '整改' }, T0 + HOUR, 'officer3'),
      ev(
        'inspection.finding_verified',
        { findingId: 'f1', outcome: 'fixed', note: '自验' },
        T0 + 2 * HOUR,
        'officer3',
      ),
    ])
    expect(codes(officerResponsible)).toEqual(['I-04'])
    expect(officerResponsible.state.findings.get('f1')?.state).toBe('rectified')
    expect(findingsAwaitingVerification(officerResponsible.state).map((x) => x.findingId)).toEqual(['f1'])
  })

  it('I-04 a rejected rectification reopens the finding and it falls overdue after its deadline', () => {
    const ev = eventBuilder()
    const f = fold([
      ev('inspection.recorded', inspection(), T0),
      ev('inspection.finding_recorded', finding(), T0),
      ev('inspection.finding_rectified', { findingId: 'f1', note: '整改' }, T0 + DAY, 'staff1'),
      ev(
        'inspection.finding_verified',
        { findingId: 'f1', outcome: 'not_fixed', note: '未到位' },
        T0 + 2 * DAY,
      ),
      ev('inspection.finding_rectified', { findingId: 'f1', note: '再整改' }, T0 + 3 * DAY, 'staff1'),
      ev('inspection.finding_rectified', { findingId: 'f1', note: '重复' }, T0 + 4 * DAY, 'staff1'),
    ])
    expect(codes(f)).toEqual(['I-04'])
    const reopened = fold([
      ev('inspection.recorded', inspection(), T0),
      ev('inspection.finding_recorded', finding(), T0),
      ev('inspection.finding_rectified', { findingId: 'f1', note: '整改' }, T0 + DAY, 'staff1'),
      ev(
        'inspection.finding_verified',
        { findingId: 'f1', outcome: 'not_fixed', note: '未到位' },
        T0 + 2 * DAY,
      ),
    ])
    const due = local('2026-04-01T00:00') - 1
    expect(reopened.state.findings.get('f1')?.state).toBe('open')
    expect(overdueFindings(reopened.state, due)).toEqual([])
    expect(findingsDueSoon(reopened.state, due - DAY, DAY).map((x) => x.findingId)).toEqual(['f1'])
    expect(overdueFindings(reopened.state, due + 1)).toEqual([
      { findingId: 'f1', inspectionId: 'i1', severity: 'general', responsible: 'staff1', dueAtMs: due },
    ])
  })

  it('I-04 a rectification declared after the deadline stays overdue until verified', () => {
    const ev = eventBuilder()
    const late = local('2026-04-02T10:00')
    const events = [
      ev('inspection.recorded', inspection(), T0),
      ev('inspection.finding_recorded', finding(), T0),
      ev('inspection.finding_rectified', { findingId: 'f1', note: '迟报' }, late, 'staff1'),
    ]
    expect(overdueFindings(fold(events).state, late + HOUR).map((x) => x.findingId)).toEqual(['f1'])
    const verified = fold([
      ...events,
      ev('inspection.finding_verified', { findingId: 'f1', outcome: 'fixed', note: '复查' }, late + HOUR),
    ])
    expect(overdueFindings(verified.state, late + 2 * HOUR)).toEqual([])
  })

  it('I-04 serious findings are reported up; unreported ones show due, then overdue', () => {
    const ev = eventBuilder()
    const events = [
      ev('inspection.recorded', inspection(), T0),
      ev('inspection.finding_recorded', finding({ severity: 'serious' }), T0),
      ev('inspection.finding_recorded', finding({ findingId: 'f2' }), T0),
    ]
    const open = fold(events)
    const dueAtMs = T0 + DEFAULT_INSPECTION_POLICY.seriousReportWithinMs
    expect(seriousFindingsUnreported(open.state, dueAtMs)).toEqual([
      { findingId: 'f1', recordedAt: T0, dueAtMs, overdue: false },
    ])
    expect(seriousFindingsUnreported(open.state, dueAtMs + 1)[0]?.overdue).toBe(true)
    const reported = fold([
      ...events,
      ev('inspection.finding_reported_up', { findingId: 'f1', reportedTo: '镇党委书记' }, T0 + HOUR),
      ev('inspection.finding_reported_up', { findingId: 'f1', reportedTo: '又一次' }, T0 + 2 * HOUR),
    ])
    expect(codes(reported)).toEqual(['INSPECTION-EXISTS'])
    expect(seriousFindingsUnreported(reported.state, dueAtMs + 1)).toEqual([])
  })

  it('I-04 a bureau inspection ends in a written opinion; its findings follow the opinion', () => {
    const ev = eventBuilder()
    const bureau = ev('inspection.recorded', inspection({ kind: 'bureau' }), T0)
    const before = fold([bureau, ev('inspection.finding_recorded', finding(), T0 + HOUR)])
    expect(codes(before)).toEqual(['I-04'])
    expect(bureauOpinionsPending(before.state)).toEqual([
      { inspectionId: 'i1', sinceMs: local('2026-03-02T00:00') },
    ])

    const after = fold([
      bureau,
      ev(
        'inspection.opinion_recorded',
        { inspectionId: 'i1', opinionRef: '县保密局〔2026〕5号', receivedOn: '2026-03-01' },
        T0,
      ),
      ev(
        'inspection.opinion_recorded',
        { inspectionId: 'i1', opinionRef: '县保密局〔2026〕5号', receivedOn: '2026-03-02' },
        T0 + HOUR,
      ),
      ev(
        'inspection.opinion_recorded',
        { inspectionId: 'i1', opinionRef: '重复', receivedOn: '2026-03-02' },
        T0 + HOUR,
      ),
      ev('inspection.finding_recorded', finding(), T0 + 2 * HOUR),
    ])
    expect(codes(after)).toEqual(['I-04', 'INSPECTION-EXISTS'])
    expect(bureauOpinionsPending(after.state)).toEqual([])
    expect(after.state.findings.has('f1')).toBe(true)

    const own = fold([
      ev('inspection.recorded', inspection(), T0),
      ev(
        'inspection.opinion_recorded',
        { inspectionId: 'i1', opinionRef: 'x', receivedOn: '2026-03-02' },
        T0,
      ),
    ])
    expect(codes(own)).toEqual(['I-04'])
  })
})
