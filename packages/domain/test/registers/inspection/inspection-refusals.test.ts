import { describe, expect, it } from 'vitest'
import { DEFAULT_INSPECTION_POLICY } from '../../../src/registers/inspection/policy.ts'
import {
  DEFAULT_SELF_ASSESSMENT_SHEET,
  scoreSelfAssessment,
} from '../../../src/registers/inspection/scoring.ts'
import { createInspectionSlice, inspectionSlice } from '../../../src/registers/inspection/slice.ts'
import { expectClearRefusal } from '../../support/clear-refusal.ts'
import { local } from '../../support/fixtures.ts'
import { CTX, codes, eventBuilder, finding, foldInspections, inspection } from './inspection-fold.ts'

/** Refusal branches of the inspection register not taken elsewhere: ids reused, unknown references, dates. */

const T0 = local('2026-03-02T10:00')
const HOUR = 3_600_000
const fold = foldInspections

/** A complete sheet with every scored item at full points. */
const fullAnswers = [
  ...Array.from({ length: 50 }, (_, i) => ({ no: i + 1, awarded: 2 })),
  ...Array.from({ length: 8 }, (_, i) => ({ no: 51 + i, deducted: 0 })),
  { no: 59, vetoed: false },
]

describe('inspection register: ids are recorded once', () => {
  it('I-01 I-03 I-04 I-05 an inspection, a check, a finding or a self-assessment id is never reused', () => {
    const ev = eventBuilder()
    const check = { checkId: 'k1', inspectionId: 'i1', itemRef: '2026-0001' } as const
    const assess = { assessmentId: 'a1', year: 2026, sheetId: 'common-59', answers: fullAnswers }
    const f = fold([
      ev('inspection.recorded', inspection(), T0),
      ev('inspection.recorded', inspection({ kind: 'spot' }), T0),
      ev('inspection.item_checked', { ...check, result: 'match' }, T0),
      ev('inspection.item_checked', { ...check, result: 'missing' }, T0),
      ev('inspection.finding_recorded', finding(), T0),
      ev('inspection.finding_recorded', finding({ severity: 'serious' }), T0),
      ev('inspection.self_assessment_recorded', assess, T0),
      ev('inspection.self_assessment_recorded', { ...assess, year: 2025 }, T0),
    ])
    expect(codes(f)).toEqual([
      'INSPECTION-EXISTS',
      'INSPECTION-EXISTS',
      'INSPECTION-EXISTS',
      'INSPECTION-EXISTS',
    ])
    expect(f.refused.map((r) => r.error.details)).toEqual([
      { id: 'i1' },
      { id: 'k1' },
      { id: 'f1' },
      { id: 'a1' },
    ])
    expect(f.state.inspections.get('i1')?.kind).toBe('quarterly')
    expect(f.state.checks.get('k1')?.result).toBe('match')
    expect(f.state.anomalies.size).toBe(0)
    expect(f.state.findings.get('f1')?.severity).toBe('general')
    expect(f.state.assessments.get('a1')?.year).toBe(2026)
  })
})

describe('inspection register: unknown references', () => {
  it('I-03 resolving a mismatch that was never recorded is refused', () => {
    const ev = eventBuilder()
    const f = fold([
      ev('inspection.recorded', inspection(), T0),
      ev('inspection.anomaly_resolved', { anomalyId: 'k9', note: '无' }, T0),
    ])
    expect(codes(f)).toEqual(['I-03'])
    expect(f.refused[0]?.error.details).toEqual({ id: 'k9' })
  })

  it('I-04 reports, rectifications and verifications name a recorded finding', () => {
    const ev = eventBuilder()
    const f = fold([
      ev('inspection.recorded', inspection(), T0),
      ev('inspection.finding_reported_up', { findingId: 'f9', reportedTo: '书记' }, T0),
      ev('inspection.finding_rectified', { findingId: 'f9', note: '整改' }, T0, 'staff1'),
      ev('inspection.finding_verified', { findingId: 'f9', outcome: 'fixed', note: '复查' }, T0),
    ])
    expect(codes(f)).toEqual(['I-04', 'I-04', 'I-04'])
    expect(f.refused.map((r) => r.error.details)).toEqual([{ id: 'f9' }, { id: 'f9' }, { id: 'f9' }])
    expect(f.state.findings.size).toBe(0)
  })

  it('I-04 an opinion needs a recorded inspection and a real date no later than its recording', () => {
    const ev = eventBuilder()
    const opinion = (inspectionId: string, receivedOn: string) =>
      ev('inspection.opinion_recorded', { inspectionId, opinionRef: '县保密局〔2026〕5号', receivedOn }, T0)
    const f = fold([
      ev('inspection.recorded', inspection({ kind: 'bureau' }), T0),
      opinion('i9', '2026-03-02'),
      opinion('i1', '2026-02-30'),
      opinion('i1', '2026-03-03'),
    ])
    expect(codes(f)).toEqual(['I-04', 'I-04', 'I-04'])
    expect(f.refused.map((r) => r.error.details)).toEqual([{ id: 'i9' }, { date: '2026-02-30' }, undefined])
    expect(f.state.inspections.get('i1')?.opinion).toBeNull()
  })

  it('I-04 a finding is due no earlier than the day it is recorded, on a real date', () => {
    const ev = eventBuilder()
    const f = fold([
      ev('inspection.recorded', inspection(), T0),
      ev('inspection.finding_recorded', finding({ dueOn: '2026-02-30' }), T0),
      ev('inspection.finding_recorded', finding({ dueOn: '2026-03-02' }), T0),
    ])
    expect(codes(f)).toEqual(['I-04'])
    expect(f.refused[0]?.error.details).toEqual({ date: '2026-02-30' })
    expect(f.state.findings.get('f1')?.dueAtMs).toBe(local('2026-03-03T00:00') - 1)
  })

  it('I-04 a finding in an area off the checklist names the area', () => {
    const ev = eventBuilder()
    const f = fold([
      ev('inspection.recorded', inspection(), T0),
      ev('inspection.finding_recorded', finding({ area: 'weather' }), T0),
    ])
    expect(codes(f)).toEqual(['I-02'])
    expect(f.refused[0]?.error.details).toEqual({ area: 'weather' })
  })
})

describe('inspection register: the state of a finding', () => {
  it('I-04 a rectification is refused while one awaits verification and after the finding is verified; the refusal says which', () => {
    const ev = eventBuilder()
    const rectify = (at: number) =>
      ev('inspection.finding_rectified', { findingId: 'f1', note: '整改' }, at, 'staff1')
    const f = fold([
      ev('inspection.recorded', inspection(), T0),
      ev('inspection.finding_recorded', finding(), T0),
      rectify(T0 + HOUR),
      rectify(T0 + 2 * HOUR),
      ev('inspection.finding_verified', { findingId: 'f1', outcome: 'fixed', note: '复查' }, T0 + 3 * HOUR),
      rectify(T0 + 4 * HOUR),
      ev('inspection.finding_verified', { findingId: 'f1', outcome: 'fixed', note: '再查' }, T0 + 5 * HOUR),
    ])
    expect(codes(f)).toEqual(['I-04', 'I-04', 'I-04'])
    const [awaiting, verified, again] = f.refused.map((r) => r.error)
    expect(awaiting?.message.en).toBe('Finding f1 awaits verification (rule I-04)')
    expect(awaiting?.message.zh).toBe('问题 f1 已报整改，待验证（规则 I-04）')
    expect(awaiting?.details).toEqual({ findingId: 'f1', state: 'rectified' })
    expect(verified?.message.en).toBe('Finding f1 is already verified fixed (rule I-04)')
    expect(verified?.message.zh).toBe('问题 f1 已验证整改完毕（规则 I-04）')
    expect(verified?.details).toEqual({ findingId: 'f1', state: 'verified' })
    expect(again?.details).toEqual({ findingId: 'f1', state: 'verified' })
    expect(f.state.findings.get('f1')).toMatchObject({ state: 'verified', rectifiedAt: T0 + HOUR })
  })

  it('I-04 verifying an open finding names its state; by the responsible person names the two parts', () => {
    const ev = eventBuilder()
    const f = fold([
      ev('inspection.recorded', inspection(), T0),
      ev('inspection.finding_recorded', finding({ responsible: 'officer3' }), T0),
      ev('inspection.finding_verified', { findingId: 'f1', outcome: 'fixed', note: '过早' }, T0),
      ev('inspection.finding_rectified', { findingId: 'f1', note: '整改' }, T0 + HOUR, 'officer3'),
      ev(
        'inspection.finding_verified',
        { findingId: 'f1', outcome: 'fixed', note: '自验' },
        T0 + HOUR,
        'officer3',
      ),
    ])
    expect(codes(f)).toEqual(['I-04', 'I-04'])
    expect(f.refused.map((r) => r.error.details)).toEqual([
      { findingId: 'f1', state: 'open' },
      { person: 'officer3', parts: ['responsible person', 'verifier'] },
    ])
  })
})

describe('inspection register: the slice', () => {
  it('I-02 a slice built with its own policy is still the inspection register and applies what it accepts', () => {
    const slice = createInspectionSlice({ ...DEFAULT_INSPECTION_POLICY, holidayCheckWindowDays: 3 })
    expect(slice.name).toBe('inspection')
    const ev = eventBuilder()
    const f = fold([ev('inspection.recorded', inspection(), T0)], slice)
    expect(codes(f)).toEqual([])
    expect([...f.state.inspections.keys()]).toEqual(['i1'])
  })

  it('I-01 the slice refuses an event type it does not keep', () => {
    const error = inspectionSlice.check(
      inspectionSlice.empty(),
      { id: 'x1', type: 'inspection.unknown', actor: 'officer1', atMs: T0, payload: {} },
      CTX,
    )
    expect(error?.code).toBe('INSPECTION-UNKNOWN-TYPE')
    if (error) expectClearRefusal(error)
    expect(error?.message.en).toContain('inspection.unknown')
  })

  it('I-05 a recorded self-assessment keeps its year, sheet, time and computed score', () => {
    const ev = eventBuilder()
    const f = fold([
      ev(
        'inspection.self_assessment_recorded',
        { assessmentId: 'a1', year: 2026, sheetId: 'common-59', answers: fullAnswers },
        T0,
      ),
    ])
    const score = scoreSelfAssessment(DEFAULT_SELF_ASSESSMENT_SHEET, fullAnswers)
    expect(score.ok).toBe(true)
    expect([...f.state.assessments.values()]).toEqual([
      {
        id: 'a1',
        eventId: 'e001',
        year: 2026,
        sheetId: 'common-59',
        atMs: T0,
        score: score.ok && score.value,
      },
    ])
  })
})
