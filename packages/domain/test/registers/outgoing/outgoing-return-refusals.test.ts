import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { incidentSlice } from '../../../src/registers/incident/slice.ts'
import type { IncidentState } from '../../../src/registers/incident/state.ts'
import { local } from '../../support/fixtures.ts'
import { foldSlice, refusalCodes, sliceEvent } from '../../support/slice-fold.ts'
import {
  carriers,
  deviceState,
  foldOutgoing,
  foldWork,
  MIN,
  MON,
  outgoingBuilder,
  printedDocument,
  viewContext,
} from './outgoing-fixtures.ts'

const START = local('2026-03-02T09:00')
const END = local('2026-03-02T11:00')
const NEW_YEAR = local('2027-01-01T00:00')

const handOut = (meetingId: string, items: { carrierId: string; attendee: string }[], endsAt = END) => ({
  meetingId,
  endsAt,
  attendees: ['leader1', 'chief1'],
  items,
})
const c1 = [{ carrierId: 'c1', attendee: 'leader1' }]
const c2 = [{ carrierId: 'c2', attendee: 'chief1' }]
const ret = (carrierIds: string[]) => ({ carrierIds, toUnit: '县委办公室', receiptRef: 'QT-1' })
const schedule = (carrierId: string) => ({
  carrierId,
  returnBy: '2026-03-10',
  toUnit: '县委办公室',
  noticeRef: '清退〔2026〕1号',
})

/** The incident register with a missing item mis1 and no explicit incident. */
function missingOnly(): IncidentState {
  const fold = foldSlice(incidentSlice, [
    sliceEvent(
      'i001',
      'incident.carrier_missing',
      {
        missingId: 'mis1',
        carrierId: 'c2',
        itemRef: '2026-0002',
        level: 'top_secret',
        source: 'reconciliation',
        sourceRef: 'o002',
        noticedAt: MON,
      },
      MON,
    ),
  ])
  if (fold.refused.length > 0) throw new Error('incident fixture refused')
  return fold.state
}

describe('meeting documents: hand-out refusals (C-14)', () => {
  it('rule C-14: a meeting may end at the instant of the hand-out, not before; its id is used once', () => {
    const ev = outgoingBuilder(START)
    const fold = foldOutgoing([
      ev('outgoing.meeting_handed_out', handOut('m1', c1, START + MIN - 1), START + MIN),
      ev('outgoing.meeting_handed_out', handOut('m1', c1, START + 2 * MIN), START + 2 * MIN),
      ev('outgoing.meeting_handed_out', handOut('m1', c2), START + 3 * MIN),
    ])
    expect(refusalCodes(fold)).toEqual(['C-14', 'OUTGOING-EXISTS'])
    expect(fold.refused[0]?.error.message.zh).toContain('会议结束时间早于文件分发时间')
    expect(fold.refused[1]?.error.message.zh).toBe('会议标识 m1 已存在')
    expect(fold.state.meetings.get('m1')).toMatchObject({
      endsAt: START + 2 * MIN,
      handedOutAt: START + 2 * MIN,
    })
    expect(fold.state.meetings.get('m1')?.items.map((i) => i.carrierId)).toEqual(['c1'])
  })

  it('rule C-14: repeated attendees and carriers are named; a refused carrier says where it is', () => {
    const ev = outgoingBuilder(START)
    const events: SliceEvent[] = [
      ev('outgoing.meeting_handed_out', { ...handOut('m1', c1), attendees: ['leader1', 'leader1'] }),
      ev('outgoing.meeting_handed_out', handOut('m1', [...c1, { carrierId: 'c1', attendee: 'chief1' }])),
      ev('outgoing.meeting_handed_out', handOut('m1', [{ carrierId: 'c4', attendee: 'leader1' }])),
      ev('outgoing.meeting_handed_out', handOut('m1', c1)),
      ev('outgoing.meeting_handed_out', handOut('m2', c1)),
      ev('outgoing.returned_to_issuer', ret(['c2'])),
      ev('outgoing.meeting_handed_out', handOut('m3', c2)),
    ]
    const fold = foldOutgoing(events)
    expect(refusalCodes(fold)).toEqual(['C-14', 'C-14', 'C-14', 'C-14', 'C-09'])
    const zh = fold.refused.map((r) => r.error.message.zh)
    expect(zh[0]).toContain('参会人员清单中 leader1 重复')
    expect(zh[1]).toContain('载体 c1 重复分发')
    expect(zh[4]).toContain('载体 2026-0002 已清退')
    expect(fold.refused.slice(2).map((r) => r.error.details)).toEqual([
      { carrierId: 'c4', state: 'out' },
      { carrierId: 'c1', meetingId: 'm1' },
      { carrierId: 'c2' },
    ])
    expect([...fold.state.meetings.keys()]).toEqual(['m1'])
  })

  it('rule C-14: a collection names carriers, each once, each still out at that meeting', () => {
    const ev = outgoingBuilder(START)
    const fold = foldOutgoing([
      ev('outgoing.meeting_handed_out', handOut('m1', [...c1, ...c2])),
      ev('outgoing.meeting_collected', { meetingId: 'm9', collected: ['c1'], missing: [] }),
      ev('outgoing.meeting_collected', { meetingId: 'm1', collected: [], missing: [] }),
      ev('outgoing.meeting_collected', { meetingId: 'm1', collected: ['c1'], missing: ['c1'] }),
      ev('outgoing.meeting_collected', { meetingId: 'm1', collected: ['c3'], missing: [] }),
    ])
    expect(refusalCodes(fold)).toEqual(['C-14', 'C-14', 'C-14', 'C-14'])
    const zh = fold.refused.map((r) => r.error.message.zh)
    expect(zh[0]).toContain('没有会议 m9 的文件分发记录')
    expect(zh[1]).toContain('须列明收回或缺失的载体')
    expect(zh[2]).toContain('载体 c1 重复列出')
    expect(zh[3]).toContain('载体 c3 不是会议 m1 上尚未收回的文件')
    expect(fold.refused[3]?.error.details).toEqual({ carrierId: 'c3' })
    expect(fold.state.meetings.get('m1')?.items.map((i) => i.status)).toEqual(['out', 'out'])
  })
})

describe('return to superior units: refusals (C-09)', () => {
  it('rule C-09: a carrier already returned gets no return schedule', () => {
    const ev = outgoingBuilder(START)
    const fold = foldOutgoing([
      ev('outgoing.returned_to_issuer', ret(['c1'])),
      ev('outgoing.return_scheduled', schedule('c1')),
      ev('outgoing.return_scheduled', schedule('c3')),
    ])
    expect(refusalCodes(fold)).toEqual(['C-09'])
    expect(fold.refused[0]?.error.message.zh).toContain('载体 2026-0001 已清退')
    expect([...fold.state.schedules.keys()]).toEqual(['c3'])
  })

  it('rule C-09: a return schedule refused for a carrier not received names the carrier', () => {
    const ev = outgoingBuilder(START)
    const fold = foldOutgoing([ev('outgoing.return_scheduled', schedule('c5'))])
    expect(fold.refused[0]?.error.details).toEqual({ carrierId: 'c5' })
    expect(fold.refused[0]?.error.message.en).toContain('c5 is not one')
  })
})

describe('bureau filing (C-09)', () => {
  it('rule C-09: a year is filed from its first instant after the year, whatever other years hold', () => {
    const ev = outgoingBuilder()
    const y2026 = local('2026-01-01T00:00')
    const fold = foldOutgoing([
      ev('outgoing.return_filed', { year: 2025, filingRef: 'BA-0' }, y2026 - 1),
      ev('outgoing.return_filed', { year: 2025, filingRef: 'BA-1' }, y2026),
      ...printedDocument(ev),
    ])
    expect(refusalCodes(fold)).toEqual(['C-09'])
    expect(fold.refused[0]?.error.message.zh).toContain('2025年清退回收情况在次年报备')
    // A year without documents has no filing entry yet: filed against the policy's due date.
    expect(fold.state.filings.get(2025)).toEqual({
      year: 2025,
      dueAt: local('2026-04-01T00:00') - 1,
      filedAt: y2026,
      filingRef: 'BA-1',
      eventId: 'o002',
    })
    // 2026's unreconciled document does not hold back another year's filing.
    const later = foldOutgoing([
      ...printedDocument(outgoingBuilder()),
      sliceEvent('f001', 'outgoing.return_filed', { year: 2025, filingRef: 'BA-2' }, MON + HOUR),
    ])
    expect(refusalCodes(later)).toEqual([])
    expect(later.state.filings.get(2025)?.filingRef).toBe('BA-2')
    expect(later.state.filings.get(2026)?.filedAt).toBeNull()
  })
})

const HOUR = 60 * MIN

describe('anomaly resolution (C-09, C-14, X-02)', () => {
  const missingBase = () => {
    const ev = outgoingBuilder(START)
    return {
      ev,
      events: [
        ev('outgoing.meeting_handed_out', handOut('m1', [...c1, ...c2])),
        ev('outgoing.meeting_collected', { meetingId: 'm1', collected: ['c1'], missing: ['c2'] }),
      ],
    }
  }
  const id = 'meeting_missing:o002'

  it('rule X-02: an anomaly that does not exist cannot be resolved', () => {
    const { ev, events } = missingBase()
    const fold = foldOutgoing([
      ...events,
      ev('outgoing.anomaly_resolved', { anomalyId: 'meeting_missing:o999', outcome: 'found', note: '找到' }),
    ])
    expect(refusalCodes(fold)).toEqual(['OUTGOING-ANOMALY'])
    expect(fold.refused[0]?.error.message.zh).toBe('异常 meeting_missing:o999 不存在')
    expect(fold.state.anomalies.get(id)?.resolvedAt).toBeNull()
  })

  it('rule X-02: the refusal names an unknown incident, or asks for one', () => {
    const { ev, events } = missingBase()
    const fold = foldOutgoing([
      ...events,
      ev('outgoing.anomaly_resolved', { anomalyId: id, outcome: 'incident', note: '未找回' }),
      ev('outgoing.anomaly_resolved', {
        anomalyId: id,
        outcome: 'incident',
        note: '未找回',
        incidentId: 'nope',
      }),
    ])
    expect(refusalCodes(fold)).toEqual(['X-02', 'X-02'])
    expect(fold.refused[0]?.error.message.zh).not.toContain('不存在）')
    expect(fold.refused[0]?.error.details).toEqual({ incidentId: null })
    expect(fold.refused[1]?.error.message.zh).toContain('（nope 不存在）')
    expect(fold.refused[1]?.error.details).toEqual({ incidentId: 'nope' })
  })

  it('rule X-02: a missing item of the incident register may stand for the incident', () => {
    const { ev, events } = missingBase()
    const ctx = viewContext({
      carriers: carriers(),
      registers: { device: deviceState(), incident: missingOnly() },
    })
    const fold = foldOutgoing(
      [
        ...events,
        ev('outgoing.anomaly_resolved', {
          anomalyId: id,
          outcome: 'incident',
          note: '未找回',
          incidentId: 'mis1',
        }),
      ],
      ctx,
    )
    expect(refusalCodes(fold)).toEqual([])
    expect(fold.state.anomalies.get(id)).toMatchObject({ outcome: 'incident', incidentId: 'mis1' })
    expect(fold.state.meetings.get('m1')?.items.map((i) => i.status)).toEqual(['collected', 'lost'])
  })

  it('rule C-09: a reconciliation gap found again is not linked to an incident (refused under C-09)', () => {
    const ev = outgoingBuilder()
    const gap = 'reconciliation_gap:o004'
    const fold = foldOutgoing([
      ...printedDocument(ev),
      ev('outgoing.reconciled', { docId: 'doc1' }, NEW_YEAR),
      ev('outgoing.anomaly_resolved', {
        anomalyId: gap,
        outcome: 'found',
        note: '找到',
        incidentId: 'inc1',
        bureauReportRef: 'BM-1',
      }),
    ])
    expect(refusalCodes(fold)).toEqual(['C-09'])
    expect(fold.refused[0]?.error.message.zh).toContain('已找回的不应关联泄密事件')
    expect(fold.state.anomalies.get(gap)?.resolvedAt).toBeNull()
  })

  it('rule C-09: the gap refusal without the bureau report names the anomaly', () => {
    const ev = outgoingBuilder()
    const gap = 'reconciliation_gap:o004'
    const { slice, work } = foldWork([
      ...printedDocument(ev),
      ev('outgoing.reconciled', { docId: 'doc1' }, NEW_YEAR),
    ])
    const resolve = ev('outgoing.anomaly_resolved', { anomalyId: gap, outcome: 'found', note: '找到' })
    expect(slice.check(work, resolve, viewContext())?.details).toEqual({ anomalyId: gap })
  })
})
