import { describe, expect, it } from 'vitest'
import { unitYearSummary } from '../../src/unit/year-summary.ts'
import { determined } from '../registers/classification/classification-fold.ts'
import { finding, inspection } from '../registers/inspection/inspection-fold.ts'
import {
  copyPayload,
  fold,
  local,
  makeContext,
  registration,
  signed,
  type TestActor,
} from '../support/fixtures.ts'

/** The year's summary figures (年度保密工作总结) as one query across the composed registers. */

const at = (isoLocal: string) => local(isoLocal)

describe('the year summary across registers', () => {
  it('counts carriers registered, copied and destroyed, inspections, findings fixed, per year', () => {
    const events = [
      signed('carrier.registered', registration(), { at: at('2026-03-02T09:00') }),
      signed(
        'carrier.registered',
        registration({
          serial: '2026-0002',
          level: 'confidential',
          title: '关于秋季防火的通知',
          receivedOn: '2026-02-27',
          copies: [{ id: 'c2', copyNumber: null }],
        }),
        { at: at('2026-03-02T09:05') },
      ),
      signed('carrier.copied', copyPayload('c2', [{ id: 'c3', copyNumber: null }]), {
        at: at('2026-03-02T09:10'),
      }),
      signed(
        'approval.granted',
        { subject: 'carrier.destroy', carrierIds: ['c3'] },
        { at: at('2026-03-02T10:00') },
      ),
      signed(
        'carrier.destroyed',
        { carrierIds: ['c3'], approvalId: '', method: 'central', receiptNumber: '销〔2026〕1号' },
        { at: at('2026-03-02T11:00') },
      ),
      signed('inspection.recorded', inspection(), { at: at('2026-03-02T14:00') }),
      signed('inspection.finding_recorded', finding({ responsible: 'classifier1' }), {
        at: at('2026-03-02T15:00'),
      }),
      signed(
        'inspection.finding_rectified',
        { findingId: 'f1', note: '已整改' },
        { at: at('2026-03-09T10:00') },
      ),
      signed(
        'inspection.finding_verified',
        { findingId: 'f1', outcome: 'fixed', note: '复查到位' },
        { at: at('2026-03-10T10:00'), actor: 'leader1' },
      ),
    ]
    // The destruction names the approval by its event id.
    const approvalId = String(events[3]?.id)
    events[4] = signed(
      'carrier.destroyed',
      { carrierIds: ['c3'], approvalId, method: 'central', receiptNumber: '销〔2026〕1号' },
      { at: at('2026-03-02T11:00') },
    )
    const state = fold(events)
    expect(state.refused).toEqual([])
    const summary = unitYearSummary(state, 2026, at('2026-12-31T12:00'), makeContext())
    expect(summary.carriers).toEqual({
      registered: 2,
      registeredByLevel: { secret: 1, confidential: 1 },
      registeredLate: 1,
      copies: 1,
      destroyed: 1,
      anomaliesOpened: 0,
      anomaliesResolved: 0,
    })
    expect(summary.inspections.inspections.quarterly).toBe(1)
    expect(summary.inspections.findings).toBe(1)
    expect(summary.findingsFixed).toBe(1)
    expect(summary.incidents.incidentsOpened).toBe(0)
    const lastYear = unitYearSummary(state, 2025, at('2026-12-31T12:00'), makeContext())
    expect(lastYear.carriers.registered).toBe(0)
    expect(lastYear.inspections.findings).toBe(0)
    expect(lastYear.findingsFixed).toBe(0)
  })

  it('rule S-04: the summary the county may read holds figures only: no titles, numbers, names or notes', () => {
    const state = fold([
      signed('carrier.registered', registration({ title: '关于＊＊＊', docNumber: '县委办〔2026〕3号' }), {
        at: at('2026-03-02T09:00'),
      }),
      signed('inspection.recorded', inspection(), { at: at('2026-03-02T14:00') }),
      signed('inspection.finding_recorded', finding({ responsible: 'classifier1' }), {
        at: at('2026-03-02T15:00'),
      }),
    ])
    const strings: string[] = []
    const walk = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value)
      else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) walk(v)
    }
    walk(unitYearSummary(state, 2026, at('2026-12-31T12:00'), makeContext()))
    expect(strings).toEqual([])
  })

  it('rule C-04: carriers, destructions and anomalies count in the year they happened, not the year of the carrier', () => {
    const morning = at('2025-12-29T09:00')
    const handOut = signed(
      'carrier.handed_out',
      { carrierId: 'c1', reader: '刘' },
      { at: morning + 3_600_000 },
    )
    const concurrent = signed(
      'carrier.handed_out',
      { carrierId: 'c1', reader: '陈' },
      { at: morning + 3_600_000 + 5, device: 'pc2' },
    )
    const approval = signed(
      'approval.granted',
      { subject: 'carrier.destroy', carrierIds: ['c2'] },
      { at: at('2026-01-06T10:00') },
    )
    const state = fold([
      signed('carrier.registered', registration({ serial: '2025-0001', receivedOn: '2025-12-29' }), {
        at: morning,
      }),
      signed(
        'carrier.registered',
        registration({
          serial: '2025-0002',
          receivedOn: '2025-12-29',
          copies: [{ id: 'c2', copyNumber: 2 }],
        }),
        { at: morning + 60_000 },
      ),
      handOut,
      concurrent,
      signed(
        'anomaly.resolved',
        { anomalyId: `concurrent_hand_out:${concurrent.id}`, note: '已核实：陈某借阅为误录' },
        { at: at('2026-01-05T10:00') },
      ),
      approval,
      signed(
        'carrier.destroyed',
        { carrierIds: ['c2'], approvalId: approval.id, method: 'central', receiptNumber: '销〔2026〕2号' },
        { at: at('2026-01-06T11:00') },
      ),
    ])
    expect(state.refused).toEqual([])
    const figures = (year: number) =>
      unitYearSummary(state, year, at('2026-12-31T12:00'), makeContext()).carriers
    expect(figures(2025)).toMatchObject({
      registered: 2,
      destroyed: 0,
      anomaliesOpened: 1,
      anomaliesResolved: 0,
    })
    expect(figures(2026)).toMatchObject({
      registered: 0,
      destroyed: 1,
      anomaliesOpened: 0,
      anomaliesResolved: 1,
    })
  })

  it('rule D-08: items first determined in the year count in its summary, not in the year before', () => {
    const ids = new Map<string, string>()
    const events = determined('i1', at('2026-03-02T10:00')).map((e) => {
      const payload = e.payload as Record<string, unknown>
      const proposalId = typeof payload.proposalId === 'string' ? ids.get(payload.proposalId) : undefined
      const envelope = signed(e.type, { ...payload, ...(proposalId ? { proposalId } : {}) } as never, {
        at: e.atMs,
        actor: e.actor as TestActor,
      })
      ids.set(e.id, envelope.id)
      return envelope
    })
    // rule B-04: the 主要领导 who approves and the 定密责任人 who reviews, from the organisation register.
    const posts = [
      signed(
        'organisation.post_assigned',
        { post: 'first_responsible', userId: 'leader1' },
        { at: at('2026-03-02T08:00') },
      ),
      signed(
        'organisation.post_assigned',
        { post: 'classifier', userId: 'classifier1' },
        { at: at('2026-03-02T08:01') },
      ),
    ]
    const state = fold([...posts, ...events])
    expect(state.refused).toEqual([])
    expect(unitYearSummary(state, 2026, at('2026-12-31T12:00'), makeContext()).secretItemsDetermined).toBe(1)
    expect(unitYearSummary(state, 2025, at('2026-12-31T12:00'), makeContext()).secretItemsDetermined).toBe(0)
  })
})
