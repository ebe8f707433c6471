import { describe, expect, it } from 'vitest'
import { DEFAULT_INSPECTION_POLICY } from '../../../src/registers/inspection/policy.ts'
import {
  bureauOpinionsPending,
  findingsAwaitingVerification,
  findingsDueSoon,
  overdueFindings,
  seriousFindingsUnreported,
} from '../../../src/registers/inspection/queries.ts'
import { local } from '../../support/fixtures.ts'
import { codes, eventBuilder, finding, foldInspections, inspection } from './inspection-fold.ts'

/** Findings (I-04): responsible user, deadline, rectification verified by another, reports up, bureau opinions. */

const T0 = local('2026-03-02T10:00')
const HOUR = 3_600_000
const DAY = 24 * HOUR
const fold = foldInspections

describe('inspection register rules', () => {
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

  it('I-04 whoever declared the rectification for the responsible person does not verify it (four eyes)', () => {
    const ev = eventBuilder()
    const f = fold([
      ev('inspection.recorded', inspection(), T0),
      ev('inspection.finding_recorded', finding(), T0),
      // officer3 declares staff1's rectification done, then tries to verify it; leader1 verifies.
      ev('inspection.finding_rectified', { findingId: 'f1', note: '已代为申报' }, T0 + HOUR, 'officer3'),
      ev(
        'inspection.finding_verified',
        { findingId: 'f1', outcome: 'fixed', note: '复查' },
        T0 + DAY,
        'officer3',
      ),
      ev(
        'inspection.finding_verified',
        { findingId: 'f1', outcome: 'fixed', note: '复查' },
        T0 + 2 * DAY,
        'leader1',
      ),
    ])
    expect(codes(f)).toEqual(['I-04'])
    expect(f.refused[0]?.error.details).toEqual({ person: 'officer3', parts: ['declarer', 'verifier'] })
    expect(f.state.findings.get('f1')).toMatchObject({
      state: 'verified',
      rectifiedBy: 'officer3',
      verifications: [expect.objectContaining({ by: 'leader1' })],
    })
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
