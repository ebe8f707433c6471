import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { openOutgoingAnomalies, reconciliation } from '../../../src/registers/outgoing/queries.ts'
import type { OutgoingState } from '../../../src/registers/outgoing/state.ts'
import { local } from '../../support/fixtures.ts'
import { sliceEvent } from '../../support/slice-fold.ts'
import { approval, foldOutgoing, issue, MIN, outgoingBuilder, print } from './outgoing-fixtures.ts'

const DAY1 = local('2026-03-02T09:00')
const NEXT_YEAR = local('2027-01-05T10:00')
const courier = { channel: 'confidential_courier', courierRef: 'JY-1', signedBy: '周收文' } as const

/** A pool hitting C-09, C-14, C-15 and C-20, accepted and refused, some events at the same instant. */
function pool(): SliceEvent[] {
  const ev = outgoingBuilder(DAY1)
  const at = (minutes: number) => DAY1 + minutes * MIN
  return [
    ev('outgoing.approved', approval(), at(0)),
    ev('outgoing.approved', approval({ approvalId: 'a2', docId: 'doc2' }), at(0), 'chief1'),
    ev('outgoing.approved', approval({ approvalId: 'a3', docId: 'doc3', copies: 2 }), at(1)),
    ev('outgoing.issued', issue(), at(2)),
    ev('outgoing.issued', issue({ docId: 'doc2', approvalId: 'a2', sequenceNo: '2026-0002' }), at(2)),
    ev('outgoing.issued', issue({ docId: 'doc3', approvalId: 'a3', sequenceNo: '2026-0001' }), at(2)),
    ev('outgoing.issued', issue({ docId: 'doc3', approvalId: 'a3', sequenceNo: '2026-0003' }), at(3)),
    ev('outgoing.printed', print({ printJobId: 'p0', deviceId: 'pc2' }), at(4)),
    ev('outgoing.printed', print(), at(4)),
    ev(
      'outgoing.printed',
      print({ printJobId: 'p2', printedCount: 1, spoiledCount: 0, firstCopyNumber: 6 }),
      at(5),
    ),
    ev(
      'outgoing.printed',
      print({ printJobId: 'p3', docId: 'doc3', approvedCount: 2, printedCount: 3, spoiledCount: 0 }),
      at(5),
    ),
    ev(
      'outgoing.printed',
      print({
        printJobId: 'p3',
        docId: 'doc3',
        approvedCount: 2,
        printedCount: 2,
        spoiledCount: 0,
        material: [],
      }),
      at(6),
    ),
    ev('outgoing.material_locked', { printJobId: 'p1', kind: 'proof', count: 2 }, at(10)),
    ev(
      'outgoing.material_destroyed',
      { printJobId: 'p1', kind: 'proof', count: 3, destructionRef: 'XH-1' },
      at(10),
    ),
    ev('outgoing.material_kept', { printJobId: 'p1', kind: 'defective', count: 1, carrierId: 'c5' }, at(11)),
    ev('outgoing.material_kept', { printJobId: 'p1', kind: 'proof', count: 1, carrierId: 'c5' }, at(11)),
    ev(
      'outgoing.material_destroyed',
      { printJobId: 'p1', kind: 'proof', count: 2, destructionRef: 'XH-1' },
      at(12),
    ),
    ev(
      'outgoing.sent',
      { sendId: 's1', docId: 'doc1', recipientId: 'county-office', copyNumbers: [1, 2], ...courier },
      at(20),
    ),
    ev(
      'outgoing.sent',
      { sendId: 's2', docId: 'doc1', recipientId: 'town-2', copyNumbers: [2, 3], ...courier },
      at(20),
    ),
    ev(
      'outgoing.sent',
      { sendId: 's3', docId: 'doc1', recipientId: 'town-2', copyNumbers: [3], channel: 'ordinary_post' },
      at(21),
    ),
    ev(
      'outgoing.sent',
      {
        sendId: 's4',
        docId: 'doc1',
        recipientId: 'town-2',
        copyNumbers: [4],
        channel: 'designated_person',
        bearer: '刘干事',
        signedBy: '陈主任',
      },
      at(21),
    ),
    ev(
      'outgoing.sent',
      { sendId: 's5', docId: 'doc3', recipientId: 'county-office', copyNumbers: [1, 2], ...courier },
      at(21),
    ),
    ev('outgoing.archived_here', { docId: 'doc1', copyNumbers: [5], archiveRef: 'WS-1' }, at(22)),
    ev('outgoing.archived_here', { docId: 'doc1', copyNumbers: [5], archiveRef: 'WS-2' }, at(22)),
    ev(
      'outgoing.recipient_archive_filed',
      { listId: 'l1', docId: 'doc1', recipientId: 'county-office', copyNumbers: [1], listRef: 'CD-1' },
      at(30),
    ),
    ev(
      'outgoing.recipient_archive_filed',
      { listId: 'l2', docId: 'doc1', recipientId: 'county-office', copyNumbers: [4], listRef: 'CD-2' },
      at(30),
    ),
    ev(
      'outgoing.copies_recovered',
      { recoveryId: 'r1', docId: 'doc1', recipientId: 'town-2', copyNumbers: [4] },
      at(31),
    ),
    ev(
      'outgoing.copies_recovered',
      { recoveryId: 'r2', docId: 'doc3', recipientId: 'county-office', copyNumbers: [1, 2] },
      at(31),
    ),
    ev(
      'outgoing.meeting_handed_out',
      {
        meetingId: 'm1',
        endsAt: at(120),
        attendees: ['leader1', 'chief1'],
        items: [
          { carrierId: 'c1', attendee: 'leader1' },
          { carrierId: 'c2', attendee: 'chief1' },
        ],
      },
      at(40),
    ),
    ev(
      'outgoing.meeting_handed_out',
      {
        meetingId: 'm2',
        endsAt: at(120),
        attendees: ['leader1'],
        items: [{ carrierId: 'c1', attendee: 'leader1' }],
      },
      at(40),
    ),
    ev(
      'outgoing.meeting_handed_out',
      {
        meetingId: 'm3',
        endsAt: at(120),
        attendees: ['leader1'],
        items: [{ carrierId: 'c3', attendee: 'chief1' }],
      },
      at(41),
    ),
    ev('outgoing.meeting_collected', { meetingId: 'm1', collected: ['c1'], missing: ['c2'] }, at(120)),
    ev('outgoing.meeting_collected', { meetingId: 'm1', collected: ['c2'], missing: [] }, at(121)),
    ev(
      'outgoing.return_scheduled',
      { carrierId: 'c1', returnBy: '2026-03-10', toUnit: '县委办公室', noticeRef: 'QT-1' },
      at(130),
    ),
    ev(
      'outgoing.return_scheduled',
      { carrierId: 'c5', returnBy: '2026-03-10', toUnit: '县委办公室', noticeRef: 'QT-1' },
      at(130),
    ),
    ev(
      'outgoing.returned_to_issuer',
      { carrierIds: ['c1'], toUnit: '县委办公室', receiptRef: 'QS-1' },
      at(140),
    ),
    ev(
      'outgoing.returned_to_issuer',
      { carrierIds: ['c3'], toUnit: '县委办公室', receiptRef: 'QS-1' },
      at(140),
    ),
    ev(
      'outgoing.returned_to_issuer',
      { carrierIds: ['c1'], toUnit: '县委办公室', receiptRef: 'QS-2' },
      at(141),
    ),
    ev('outgoing.reconciled', { docId: 'doc1' }, at(200)),
    ev('outgoing.reconciled', { docId: 'doc1' }, NEXT_YEAR),
    ev('outgoing.reconciled', { docId: 'doc3' }, NEXT_YEAR),
    ev('outgoing.return_filed', { year: 2026, filingRef: 'BA-1' }, NEXT_YEAR + MIN),
    ev(
      'outgoing.anomaly_resolved',
      { anomalyId: 'meeting_missing:o032', outcome: 'incident', note: '未找到', incidentId: 'inc1' },
      NEXT_YEAR + 2 * MIN,
    ),
    ev(
      'outgoing.anomaly_resolved',
      { anomalyId: 'meeting_missing:o032', outcome: 'found', note: '已找到' },
      NEXT_YEAR + 3 * MIN,
    ),
    ev(
      'outgoing.anomaly_resolved',
      { anomalyId: 'meeting_missing:o032', outcome: 'incident', note: '未找到', incidentId: 'nope' },
      NEXT_YEAR + MIN,
    ),
  ]
}

/** Every string anywhere in the state (ids, event ids, anomaly ids…). */
function strings(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') out.add(value)
  else if (value instanceof Map)
    for (const [k, v] of value) {
      strings(k, out)
      strings(v, out)
    }
  else if (Array.isArray(value)) for (const v of value) strings(v, out)
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) strings(v, out)
  return out
}

function refusedNotInState(state: OutgoingState, refusedIds: readonly string[]): void {
  const all = [...strings(state)]
  for (const id of refusedIds) expect(all.filter((s) => s === id || s.endsWith(`:${id}`))).toEqual([])
}

/** Resolves every open anomaly (found, with the bureau report) after the events; nothing may be refused. */
function resolveAll(events: readonly SliceEvent[], state: OutgoingState): void {
  const open = openOutgoingAnomalies(state)
  const resolutions = open.map((a, i) =>
    sliceEvent(
      `z${String(i).padStart(3, '0')}`,
      'outgoing.anomaly_resolved',
      {
        anomalyId: a.id,
        outcome: 'found',
        note: '已查明',
        bureauReportRef: 'BM-1',
      },
      NEXT_YEAR + 60 * MIN + i,
    ),
  )
  const resolved = foldOutgoing([...events, ...resolutions])
  const refusedResolutions = resolved.refused.filter((r) => r.eventId.startsWith('z'))
  expect(refusedResolutions).toEqual([])
  expect(openOutgoingAnomalies(resolved.state)).toEqual([])
}

describe('outgoing fold properties', () => {
  const events = pool()
  const reference = foldOutgoing(events)

  it('C-09 C-14 C-15 C-20 the pool exercises refusals of every rule and opens both kinds of anomaly', () => {
    const codes = new Set(reference.refused.map((r) => r.error.code))
    for (const code of ['C-09', 'C-14', 'C-15', 'C-20', 'X-02']) expect(codes).toContain(code)
    expect([...reference.state.anomalies.values()].map((a) => [a.kind, a.resolvedAt === null])).toEqual([
      ['meeting_missing', false],
      ['reconciliation_gap', true],
    ])
    expect(reconciliation(reference.state, 'doc3')?.status).toBe('balanced')
    expect(reconciliation(reference.state, 'doc1')).toMatchObject({ printed: 5, gap: 2, status: 'gap_open' })
  })

  it('C-09 C-14 C-15 C-20 any permutation folds to deeply equal state and refusals; no refused event in state', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        (shuffled) => {
          const fold = foldOutgoing(shuffled)
          expect(fold.state).toEqual(reference.state)
          expect(fold.refused).toEqual(reference.refused)
          refusedNotInState(
            fold.state,
            fold.refused.map((r) => r.eventId),
          )
        },
      ),
      { numRuns: 60 },
    )
  })

  it('C-09 C-14 any subset keeps the arithmetic, keeps refused events out and leaves every anomaly resolvable', () => {
    fc.assert(
      fc.property(fc.subarray(events), (subset) => {
        const fold = foldOutgoing(subset)
        refusedNotInState(
          fold.state,
          fold.refused.map((r) => r.eventId),
        )
        for (const doc of fold.state.documents.values()) {
          const r = reconciliation(fold.state, doc.id)
          expect(r && r.printed === r.archivedHere + r.archivedAtRecipients + r.returned + r.gap).toBe(true)
          expect(r?.printed).toBeLessThanOrEqual(doc.approvedCopies)
        }
        for (const job of fold.state.printJobs.values())
          expect(job.printedCount - job.spoiledCount).toBeLessThanOrEqual(job.approvedCount)
        resolveAll(subset, fold.state)
      }),
      { numRuns: 60 },
    )
  })
})
