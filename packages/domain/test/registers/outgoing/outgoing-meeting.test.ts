import { describe, expect, it } from 'vitest'
import { DEFAULT_OUTGOING_POLICY } from '../../../src/registers/outgoing/policy.ts'
import { openOutgoingAnomalies, overdueOutgoing } from '../../../src/registers/outgoing/queries.ts'
import { local, makeContext } from '../../support/fixtures.ts'
import { refusalCodes } from '../../support/slice-fold.ts'
import {
  carriers,
  deviceState,
  foldOutgoing,
  foldWork,
  MIN,
  outgoingBuilder,
  viewContext,
} from './outgoing-fixtures.ts'

const START = local('2026-03-02T09:00')
const END = local('2026-03-02T11:00')
const CLOSE = local('2026-03-02T17:30')

const handOut = (items: { carrierId: string; attendee: string }[], extra: object = {}) => ({
  meetingId: 'm1',
  endsAt: END,
  attendees: ['leader1', 'chief1'],
  items,
  ...extra,
})
const both = [
  { carrierId: 'c1', attendee: 'leader1' },
  { carrierId: 'c2', attendee: 'chief1' },
]

describe('meeting documents (C-14)', () => {
  it('rule C-14: hands out only to attendees on the list, only carriers in the officer custody', () => {
    const ev = outgoingBuilder(START - 10 * MIN)
    const fold = foldOutgoing(
      [
        ev('outgoing.meeting_handed_out', handOut([{ carrierId: 'c1', attendee: 'stranger' }])),
        ev('outgoing.meeting_handed_out', handOut([{ carrierId: 'c4', attendee: 'leader1' }])),
        ev('outgoing.meeting_handed_out', handOut([{ carrierId: 'c6', attendee: 'leader1' }])),
        ev('outgoing.meeting_handed_out', handOut([{ carrierId: 'c9', attendee: 'leader1' }])),
        ev('outgoing.meeting_handed_out', handOut([{ carrierId: 'c3', attendee: 'leader1' }])),
        ev('outgoing.meeting_handed_out', handOut([...both, { carrierId: 'c1', attendee: 'chief1' }])),
        ev('outgoing.meeting_handed_out', handOut(both, { attendees: ['leader1', 'leader1'] })),
        ev('outgoing.meeting_handed_out', handOut(both, { endsAt: START - 20 * MIN })),
        ev('outgoing.meeting_handed_out', handOut(both)),
      ],
      viewContext({
        away: {
          c3: { code: 'C-06', zh: '已借出（规则 C-06）', en: 'Lent (rule C-06)', holder: '县局', since: 0 },
        },
      }),
    )
    expect(refusalCodes(fold)).toEqual(['C-14', 'C-14', 'C-14', 'C-14', 'C-06', 'C-14', 'C-14', 'C-14'])
    const zh = fold.refused.map((r) => r.error.message.zh)
    expect(zh[0]).toContain('不在参会人员清单中')
    expect(zh[1]).toContain('已借出')
    expect(zh[2]).toContain('已销毁')
    expect(zh[3]).toContain('台账中没有载体 c9')
    expect(fold.refused[4]?.error.details).toEqual({ carrierId: 'c3', holder: '县局' })
    expect(fold.state.meetings.get('m1')?.items.map((i) => [i.carrierId, i.attendee, i.level])).toEqual([
      ['c1', 'leader1', 'secret'],
      ['c2', 'chief1', 'top_secret'],
    ])
  })

  it('rule C-14: refuses meeting hand-outs when the carrier register is not in the view', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([ev('outgoing.meeting_handed_out', handOut(both))], makeContext())
    expect(refusalCodes(fold)).toEqual(['C-14'])
    expect(fold.refused[0]?.error.message.zh).toContain('载体台账不可用')
  })

  it('rule C-14: 绝密 documents are due at the meeting end, others by the close of that working day (boundary)', () => {
    const ev = outgoingBuilder(START - MIN)
    const fold = foldOutgoing([ev('outgoing.meeting_handed_out', handOut(both))])
    const items = fold.state.meetings.get('m1')?.items
    expect(items?.map((i) => [i.carrierId, i.dueAt])).toEqual([
      ['c1', CLOSE],
      ['c2', END],
    ])
    expect(overdueOutgoing(fold.state, END)).toEqual([])
    expect(overdueOutgoing(fold.state, END + 1)).toEqual([
      { rule: 'C-14', kind: 'meeting_collection', subjectId: 'm1/c2', dueAt: END, since: END },
    ])
    expect(overdueOutgoing(fold.state, CLOSE).map((o) => o.subjectId)).toEqual(['m1/c2'])
    expect(overdueOutgoing(fold.state, CLOSE + 1).map((o) => o.subjectId)).toEqual(['m1/c2', 'm1/c1'])
  })

  it('rule C-14: a county may require every meeting document back at the meeting end (policy)', () => {
    const ev = outgoingBuilder(START - MIN)
    const fold = foldOutgoing([ev('outgoing.meeting_handed_out', handOut(both))], viewContext(), {
      ...DEFAULT_OUTGOING_POLICY,
      meetingCollection: 'meeting_end',
    })
    expect(fold.state.meetings.get('m1')?.items.map((i) => i.dueAt)).toEqual([END, END])
  })

  it('rule C-14: a meeting ending after office hours or on a day off hands back at its end', () => {
    const ev = outgoingBuilder(START)
    const evening = local('2026-03-02T19:30')
    const saturday = local('2026-03-07T11:00')
    const fold = foldOutgoing([
      ev(
        'outgoing.meeting_handed_out',
        handOut([{ carrierId: 'c1', attendee: 'leader1' }], { endsAt: evening }),
      ),
      ev(
        'outgoing.meeting_handed_out',
        handOut([{ carrierId: 'c3', attendee: 'leader1' }], { meetingId: 'm2', endsAt: saturday }),
      ),
    ])
    expect(fold.state.meetings.get('m1')?.items[0]?.dueAt).toBe(evening)
    expect(fold.state.meetings.get('m2')?.items[0]?.dueAt).toBe(saturday)
  })

  it('rule C-14: a meeting in a year the calendar does not cover is accepted, due by the close of an ordinary working day', () => {
    const ev = outgoingBuilder(local('2030-03-04T09:00')) // a Monday
    const fold = foldOutgoing([
      ev('outgoing.meeting_handed_out', handOut(both, { endsAt: local('2030-03-04T11:00') })),
    ])
    expect(refusalCodes(fold)).toEqual([])
    expect(fold.state.meetings.get('m1')?.items.map((i) => [i.carrierId, i.dueAt])).toEqual([
      ['c1', local('2030-03-04T17:30')],
      ['c2', local('2030-03-04T11:00')],
    ])
  })

  it('rule C-14: while out at a meeting a carrier is away (carrierAway) and cannot go out again', () => {
    const ev = outgoingBuilder(START - MIN)
    const events = [
      ev('outgoing.meeting_handed_out', handOut(both)),
      ev(
        'outgoing.meeting_handed_out',
        handOut([{ carrierId: 'c1', attendee: 'leader1' }], { meetingId: 'm2' }),
      ),
    ]
    const fold = foldOutgoing(events)
    expect(refusalCodes(fold)).toEqual(['C-14'])
    expect(fold.refused[0]?.error.message.zh).toContain('在会议 m1 上尚未收回')
    const { slice, work } = foldWork(events)
    expect(slice.carrierAway?.(work, 'c1')).toEqual({
      code: 'C-14',
      zh: '载体在会议 m1 上分发给 leader1，尚未收回（规则 C-14）',
      en: 'The carrier was handed out to leader1 at meeting m1 and is not collected yet (rule C-14)',
      holder: 'leader1',
      since: START,
    })
    expect(slice.carrierAway?.(work, 'c3')).toBeNull()
    const collected = foldWork([
      ...events,
      ev('outgoing.meeting_collected', { meetingId: 'm1', collected: ['c1', 'c2'], missing: [] }),
    ])
    expect(collected.slice.carrierAway?.(collected.work, 'c1')).toBeNull()
  })

  it('rule C-14: collection covers only carriers still out at that meeting', () => {
    const ev = outgoingBuilder(START - MIN)
    const fold = foldOutgoing([
      ev('outgoing.meeting_handed_out', handOut(both)),
      ev('outgoing.meeting_collected', { meetingId: 'm9', collected: ['c1'], missing: [] }),
      ev('outgoing.meeting_collected', { meetingId: 'm1', collected: [], missing: [] }),
      ev('outgoing.meeting_collected', { meetingId: 'm1', collected: ['c3'], missing: [] }),
      ev('outgoing.meeting_collected', { meetingId: 'm1', collected: ['c1'], missing: ['c1'] }),
      ev('outgoing.meeting_collected', { meetingId: 'm1', collected: ['c2'], missing: [] }, END),
      ev('outgoing.meeting_collected', { meetingId: 'm1', collected: ['c2'], missing: [] }, END + MIN),
    ])
    expect(refusalCodes(fold)).toEqual(['C-14', 'C-14', 'C-14', 'C-14', 'C-14'])
    const c2 = fold.state.meetings.get('m1')?.items.find((i) => i.carrierId === 'c2')
    expect(c2).toMatchObject({ status: 'collected', collectedAt: END })
    expect(overdueOutgoing(fold.state, CLOSE).map((o) => o.subjectId)).toEqual([])
    expect(overdueOutgoing(fold.state, CLOSE + 1).map((o) => o.subjectId)).toEqual(['m1/c1'])
  })

  it('rule C-14: a carrier missing at collection is an anomaly, resolved as found or as an incident (X-02)', () => {
    const ev = outgoingBuilder(START - MIN)
    const base = [
      ev('outgoing.meeting_handed_out', handOut(both)),
      ev('outgoing.meeting_collected', { meetingId: 'm1', collected: ['c1'], missing: ['c2'] }, END),
    ]
    const open = foldWork(base)
    const fold = foldOutgoing(base)
    expect(openOutgoingAnomalies(fold.state).map((a) => [a.id, a.kind, a.carrierIds])).toEqual([
      ['meeting_missing:o002', 'meeting_missing', ['c2']],
    ])
    // A missing item is an anomaly, not an overdue collection; it stays away from custody meanwhile.
    expect(overdueOutgoing(fold.state, CLOSE + 1)).toEqual([])
    expect(open.slice.carrierAway?.(open.work, 'c2')?.zh).toContain('收回时缺失')
    expect(open.slice.carrierAway?.(open.work, 'c1')).toBeNull()

    const resolve = (extra: { outcome: 'found' | 'incident'; incidentId?: string }) =>
      ev('outgoing.anomaly_resolved', { anomalyId: 'meeting_missing:o002', note: '会场复查', ...extra })
    const found = [
      ...base,
      resolve({ outcome: 'incident' }),
      resolve({ outcome: 'found', incidentId: 'inc1' }),
    ]
    found.push(resolve({ outcome: 'found' }), resolve({ outcome: 'found' }))
    const foundFold = foldOutgoing(found)
    expect(refusalCodes(foundFold)).toEqual(['X-02', 'C-14', 'OUTGOING-ANOMALY'])
    expect(openOutgoingAnomalies(foundFold.state)).toEqual([])
    const c2 = foundFold.state.meetings.get('m1')?.items.find((i) => i.carrierId === 'c2')
    expect(c2).toMatchObject({ status: 'collected', collectEventId: 'o005' })
    const back = foldWork(found)
    expect(back.slice.carrierAway?.(back.work, 'c2')).toBeNull()

    const lost = [...base, resolve({ outcome: 'incident', incidentId: 'nope' })]
    lost.push(resolve({ outcome: 'incident', incidentId: 'inc1' }))
    const lostFold = foldOutgoing(lost)
    expect(refusalCodes(lostFold)).toEqual(['X-02'])
    expect(lostFold.state.anomalies.get('meeting_missing:o002')).toMatchObject({
      outcome: 'incident',
      incidentId: 'inc1',
      resolvedBy: lost.at(-1)?.id,
    })
    const gone = foldWork(lost)
    expect(gone.slice.carrierAway?.(gone.work, 'c2')?.zh).toContain('已按泄密事件处理')
    // Without the incident register in view no incident can be named.
    const noIncidents = foldOutgoing(
      lost,
      viewContext({ carriers: carriers(), registers: { device: deviceState() } }),
    )
    expect(refusalCodes(noIncidents)).toEqual(['X-02', 'X-02'])
  })
})
