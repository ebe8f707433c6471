import { describe, expect, it } from 'vitest'
import { DEFAULT_INSPECTION_POLICY } from '../../../src/registers/inspection/policy.ts'
import { inspectionYearFigures, openInspectionAnomalies } from '../../../src/registers/inspection/queries.ts'
import { createInspectionSlice } from '../../../src/registers/inspection/slice.ts'
import { local } from '../../support/fixtures.ts'
import { codes, eventBuilder, finding, foldInspections, inspection } from './inspection-fold.ts'

/** Recording inspections and checking items (I-01..I-03); findings and opinions: inspection-findings. */

const T0 = local('2026-03-02T10:00')
const HOUR = 3_600_000
const fold = foldInspections

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
})
