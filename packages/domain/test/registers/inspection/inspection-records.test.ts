import { describe, expect, it } from 'vitest'
import { inspectionSlice } from '../../../src/registers/inspection/slice.ts'
import { local } from '../../support/fixtures.ts'
import { CTX, codes, eventBuilder, finding, foldInspections, inspection } from './inspection-fold.ts'

/** What the inspection register records for each accepted event (I-01..I-04). */

const T0 = local('2026-03-02T10:00')
const HOUR = 3_600_000
const fold = foldInspections

describe('inspection register: records', () => {
  it('I-01 I-04 an inspection is recorded from local midnight of its day, with its recorder; a bureau one gets its opinion', () => {
    const ev = eventBuilder()
    const f = fold([
      ev(
        'inspection.recorded',
        inspection({ heldOn: '2026-03-01', areasChecked: ['documents'] }),
        T0,
        'leader1',
      ),
      ev('inspection.recorded', inspection({ inspectionId: 'b1', kind: 'bureau', heldOn: '2026-03-01' }), T0),
      ev(
        'inspection.opinion_recorded',
        { inspectionId: 'b1', opinionRef: '县保密局〔2026〕5号', receivedOn: '2026-03-02' },
        T0 + HOUR,
      ),
    ])
    expect(codes(f)).toEqual([])
    expect(f.state.inspections.get('i1')).toEqual({
      id: 'i1',
      eventId: 'e001',
      kind: 'quarterly',
      heldOn: '2026-03-01',
      heldAtMs: local('2026-03-01T00:00'),
      inspectors: ['李镇长', '王保密'],
      checklistId: 'default-1',
      areasChecked: ['documents'],
      recordedBy: 'leader1',
      opinion: null,
    })
    expect(f.state.inspections.get('b1')?.opinion).toEqual({
      ref: '县保密局〔2026〕5号',
      receivedOn: '2026-03-02',
      eventId: 'e003',
    })
  })

  it('I-03 a check and its mismatch are recorded; the resolution records who, when, by which event and why', () => {
    const ev = eventBuilder()
    const f = fold([
      ev('inspection.recorded', inspection(), T0),
      ev(
        'inspection.item_checked',
        { checkId: 'k1', inspectionId: 'i1', itemRef: '2026-0001', result: 'differs' },
        T0,
      ),
      ev('inspection.anomaly_resolved', { anomalyId: 'k1', note: '登记有误，已更正' }, T0 + HOUR),
    ])
    expect(codes(f)).toEqual([])
    expect(f.state.checks.get('k1')).toEqual({
      id: 'k1',
      eventId: 'e002',
      inspectionId: 'i1',
      itemRef: '2026-0001',
      result: 'differs',
      atMs: T0,
    })
    expect(f.state.anomalies.get('k1')).toEqual({
      id: 'k1',
      kind: 'differs',
      inspectionId: 'i1',
      itemRef: '2026-0001',
      openedAt: T0,
      resolvedAt: T0 + HOUR,
      resolvedBy: 'officer1',
      resolutionEventId: 'e003',
      note: '登记有误，已更正',
    })
  })

  it('I-04 a finding records its report up, each verification, and reopens when not fixed until verified fixed', () => {
    const ev = eventBuilder()
    const f = fold([
      ev('inspection.recorded', inspection(), T0),
      ev('inspection.finding_recorded', finding({ severity: 'serious' }), T0),
      ev('inspection.finding_reported_up', { findingId: 'f1', reportedTo: '镇党委书记' }, T0 + HOUR),
      ev('inspection.finding_rectified', { findingId: 'f1', note: '整改' }, T0 + 2 * HOUR, 'staff1'),
      ev(
        'inspection.finding_verified',
        { findingId: 'f1', outcome: 'not_fixed', note: '未到位' },
        T0 + 3 * HOUR,
      ),
    ])
    expect(codes(f)).toEqual([])
    const notFixed = {
      eventId: 'e005',
      by: 'officer1',
      atMs: T0 + 3 * HOUR,
      outcome: 'not_fixed',
      note: '未到位',
    }
    expect(f.state.findings.get('f1')).toEqual({
      id: 'f1',
      eventId: 'e002',
      inspectionId: 'i1',
      area: 'computers_media',
      severity: 'serious',
      responsible: 'staff1',
      dueOn: '2026-03-31',
      dueAtMs: local('2026-04-01T00:00') - 1,
      recordedAt: T0,
      reportedUpAt: T0 + HOUR,
      reportedTo: '镇党委书记',
      rectifiedAt: null,
      rectifiedBy: null,
      verifications: [notFixed],
      state: 'open',
      closedAt: null,
    })
    const closed = fold([
      ...[
        ev('inspection.recorded', inspection(), T0),
        ev('inspection.finding_recorded', finding(), T0),
        ev('inspection.finding_rectified', { findingId: 'f1', note: '整改' }, T0 + 2 * HOUR, 'staff1'),
        ev(
          'inspection.finding_verified',
          { findingId: 'f1', outcome: 'not_fixed', note: '未到位' },
          T0 + 3 * HOUR,
        ),
        ev('inspection.finding_rectified', { findingId: 'f1', note: '再整改' }, T0 + 4 * HOUR, 'staff1'),
        ev(
          'inspection.finding_verified',
          { findingId: 'f1', outcome: 'fixed', note: '复查' },
          T0 + 5 * HOUR,
          'leader1',
        ),
      ],
    ])
    expect(codes(closed)).toEqual([])
    expect(closed.state.findings.get('f1')).toMatchObject({
      state: 'verified',
      rectifiedAt: T0 + 4 * HOUR,
      closedAt: T0 + 5 * HOUR,
      reportedUpAt: null,
      verifications: [
        { eventId: 'e009', by: 'officer1', atMs: T0 + 3 * HOUR, outcome: 'not_fixed', note: '未到位' },
        { eventId: 'e011', by: 'leader1', atMs: T0 + 5 * HOUR, outcome: 'fixed', note: '复查' },
      ],
    })
  })

  it('I-03 a fork keeps every entry, and what is applied to it leaves the original unchanged', () => {
    const ev = eventBuilder()
    const work = inspectionSlice.fork(inspectionSlice.empty())
    const apply = (w: typeof work, e: ReturnType<typeof ev>) => {
      const error = inspectionSlice.check(w, e, CTX)
      if (error === null) inspectionSlice.apply(w, e, CTX)
      return error?.code ?? null
    }
    apply(work, ev('inspection.recorded', inspection(), T0))
    apply(
      work,
      ev(
        'inspection.item_checked',
        { checkId: 'k1', inspectionId: 'i1', itemRef: 'r1', result: 'missing' },
        T0,
      ),
    )
    const before = structuredClone(inspectionSlice.view(work))
    const fork = inspectionSlice.fork(work)
    expect(inspectionSlice.view(fork)).toEqual(before)
    const results = [
      apply(fork, ev('inspection.anomaly_resolved', { anomalyId: 'k1', note: '已查明' }, T0 + HOUR)),
      apply(fork, ev('inspection.finding_recorded', finding(), T0 + HOUR)),
      apply(fork, ev('inspection.recorded', inspection({ inspectionId: 'i2' }), T0 + HOUR)),
    ]
    expect(results).toEqual([null, null, null])
    expect(inspectionSlice.view(work)).toEqual(before)
  })
})
