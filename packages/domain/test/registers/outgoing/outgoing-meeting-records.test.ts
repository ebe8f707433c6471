import { describe, expect, it } from 'vitest'
import { DEFAULT_OUTGOING_POLICY } from '../../../src/registers/outgoing/policy.ts'
import { local } from '../../support/fixtures.ts'
import { foldOutgoing, foldWork, MIN, outgoingBuilder, viewContext } from './outgoing-fixtures.ts'

const START = local('2026-03-02T09:00')
const END = local('2026-03-02T11:00')

describe('outgoing records: meetings (C-14)', () => {
  const handOut = {
    meetingId: 'm1',
    endsAt: END,
    attendees: ['leader1', 'chief1'],
    items: [
      { carrierId: 'c2', attendee: 'chief1' },
      { carrierId: 'c1', attendee: 'leader1' },
      { carrierId: 'c3', attendee: 'leader1' },
    ],
  }

  it('rule C-14: collected and missing items are recorded; the anomaly lists missing carriers in order', () => {
    const ev = outgoingBuilder(START)
    const events = [
      ev('outgoing.meeting_handed_out', handOut),
      ev('outgoing.meeting_collected', { meetingId: 'm1', collected: ['c1'], missing: ['c3', 'c2'] }, END),
    ]
    const fold = foldOutgoing(events, viewContext(), {
      ...DEFAULT_OUTGOING_POLICY,
      meetingCollection: 'meeting_end',
    })
    const items = fold.state.meetings.get('m1')?.items
    const common = { dueAt: END, collectEventId: 'o002' }
    expect(items).toEqual([
      {
        carrierId: 'c2',
        attendee: 'chief1',
        level: 'top_secret',
        ...common,
        status: 'missing',
        collectedAt: null,
        anomalyId: 'meeting_missing:o002',
      },
      {
        carrierId: 'c1',
        attendee: 'leader1',
        level: 'secret',
        ...common,
        status: 'collected',
        collectedAt: END,
        anomalyId: null,
      },
      {
        carrierId: 'c3',
        attendee: 'leader1',
        level: 'confidential',
        ...common,
        status: 'missing',
        collectedAt: null,
        anomalyId: 'meeting_missing:o002',
      },
    ])
    expect(fold.state.anomalies.get('meeting_missing:o002')).toMatchObject({
      subjectId: 'm1',
      carrierIds: ['c2', 'c3'],
      copyNumbers: [],
      recipientIds: [],
      openedAt: END,
    })
    const { slice, work } = foldWork(events)
    expect(slice.carrierAway?.(work, 'c2')).toEqual({
      code: 'C-14',
      zh: '载体在会议 m1 上分发给 chief1，收回时缺失，正在查找（规则 C-14）',
      en: 'The carrier was handed out to chief1 at meeting m1 and was missing at collection and is being traced (rule C-14)',
      holder: 'chief1',
      since: START + MIN,
    })
  })

  it('rule C-14: a full collection opens no anomaly; a lost carrier stays away', () => {
    const ev = outgoingBuilder(START)
    const full = foldOutgoing([
      ev('outgoing.meeting_handed_out', handOut),
      ev('outgoing.meeting_collected', { meetingId: 'm1', collected: ['c1', 'c2', 'c3'], missing: [] }),
    ])
    expect(full.state.anomalies.size).toBe(0)
    expect(full.state.meetings.get('m1')?.items.map((i) => i.anomalyId)).toEqual([null, null, null])

    const ev2 = outgoingBuilder(START)
    const lost = [
      ev2('outgoing.meeting_handed_out', handOut),
      ev2('outgoing.meeting_collected', { meetingId: 'm1', collected: ['c1', 'c3'], missing: ['c2'] }),
      ev2('outgoing.anomaly_resolved', {
        anomalyId: 'meeting_missing:o002',
        outcome: 'incident',
        note: '未找回',
        incidentId: 'inc1',
      }),
    ]
    const { slice, work } = foldWork(lost)
    expect(slice.carrierAway?.(work, 'c2')?.en).toBe(
      'The carrier was handed out to chief1 at meeting m1 and was not found and is handled as an incident (rule C-14)',
    )
    expect(work.anomalies.get('meeting_missing:o002')?.bureauReportRef).toBeNull()
  })

  it('rule C-14: a carrier found again is collected at the resolution, with no incident or report', () => {
    const ev = outgoingBuilder(START)
    const events = [
      ev('outgoing.meeting_handed_out', handOut),
      ev('outgoing.meeting_collected', { meetingId: 'm1', collected: ['c1', 'c3'], missing: ['c2'] }),
      ev(
        'outgoing.anomaly_resolved',
        { anomalyId: 'meeting_missing:o002', outcome: 'found', note: '会场找到' },
        END,
      ),
    ]
    const fold = foldOutgoing(events)
    expect(fold.state.meetings.get('m1')?.items[0]).toMatchObject({
      status: 'collected',
      collectedAt: END,
      collectEventId: 'o003',
    })
    expect(fold.state.anomalies.get('meeting_missing:o002')).toMatchObject({
      resolvedAt: END,
      resolvedBy: 'o003',
      outcome: 'found',
      note: '会场找到',
      incidentId: null,
      bureauReportRef: null,
    })
  })
})
