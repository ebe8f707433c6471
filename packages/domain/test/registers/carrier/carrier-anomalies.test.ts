import { describe, expect, it } from 'vitest'
import { openAnomalies } from '../../../src/registers/carrier/queries.ts'
import { check, fold, local, refusal, refusedCodes, registration, signed, T } from '../../support/fixtures.ts'

const registered = signed('carrier.registered', registration(), { at: local('2026-03-02T08:00') })
const a = signed('carrier.handed_out', { carrierId: 'c1', reader: '刘' }, { at: T.morning, device: 'pc1' })
const b = signed(
  'carrier.handed_out',
  { carrierId: 'c1', reader: '陈' },
  { at: T.morning + 5, device: 'pc2' },
)
const anomalyId = `concurrent_hand_out:${b.id}`
const history = [registered, a, b]

describe('anomaly resolution (ARCHITECTURE decision 2)', () => {
  it('an officer closes an open anomaly with a note', () => {
    const resolve = signed(
      'anomaly.resolved',
      { anomalyId, note: ' 已核实：陈某借阅记录为误录 ' },
      { at: T.noon },
    )
    const state = fold([...history, resolve])
    expect(state.anomalies).toEqual([
      expect.objectContaining({
        id: anomalyId,
        resolvedAt: T.noon,
        note: '已核实：陈某借阅记录为误录',
        resolvedBy: resolve.id,
      }),
    ])
    expect(openAnomalies(state)).toEqual([])
    expect(openAnomalies(fold(history)).map((x) => x.id)).toEqual([anomalyId])
  })

  it('a resolution needs a non-empty note', () => {
    expect(refusal(check(history, 'anomaly.resolved', { anomalyId, note: '  ' }, { at: T.noon }))).toBe(
      'ANOMALY-NOTE',
    )
    const empty = signed('anomaly.resolved', { anomalyId, note: '' }, { at: T.noon })
    const state = fold([...history, empty])
    expect(refusedCodes(state)).toEqual(['ANOMALY-NOTE'])
    // Still open, and the refused resolution itself is named by an anomaly (issue 11 item 3).
    expect(openAnomalies(state).map((x) => x.id)).toEqual([anomalyId, `refused_event:${empty.id}`])
  })

  it('resolving a missing or already closed anomaly is refused', () => {
    expect(
      refusal(check(history, 'anomaly.resolved', { anomalyId: 'nope', note: 'x' }, { at: T.noon })),
    ).toBe('ANOMALY-UNKNOWN')
    const first = signed('anomaly.resolved', { anomalyId, note: '已核实' }, { at: T.noon })
    expect(
      refusal(check([...history, first], 'anomaly.resolved', { anomalyId, note: '再次' }, { at: T.close })),
    ).toBe('ANOMALY-CLOSED')
    const second = signed('anomaly.resolved', { anomalyId, note: '再次' }, { at: T.close, device: 'pc2' })
    const state = fold([...history, first, second])
    expect(refusedCodes(state)).toEqual(['ANOMALY-CLOSED'])
    expect(state.anomalies[0]?.note).toBe('已核实')
  })

  it('only an officer resolves anomalies', () => {
    const byLeader = signed(
      'anomaly.resolved',
      { anomalyId, note: '已核实' },
      { at: T.noon, actor: 'leader1' },
    )
    const state = fold([...history, byLeader])
    expect(state.alerts.map((x) => x.kind)).toEqual(['role_not_allowed'])
    expect(openAnomalies(state)).toHaveLength(1)
  })
})
