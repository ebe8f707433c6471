import { describe, expect, it } from 'vitest'
import {
  materialAwaitingDestruction,
  openOutgoingAnomalies,
  outgoingDueSoon,
  outstandingDeadlines,
  yearReconciliation,
} from '../../../src/registers/outgoing/queries.ts'
import { local } from '../../support/fixtures.ts'
import { refusalCodes } from '../../support/slice-fold.ts'
import { approval, foldOutgoing, HOUR, issue, MIN, outgoingBuilder, print } from './outgoing-fixtures.ts'

const START = local('2026-03-02T09:00')
const END = local('2026-03-02T11:00')
const CLOSE = local('2026-03-02T17:30')
const NEW_YEAR = local('2027-01-01T00:00')
const Q1_END = local('2027-04-01T00:00') - 1

/** Documents registered in the order given, each with its own approval (`a-<docId>`). */
function documents(ev: ReturnType<typeof outgoingBuilder>, docs: [docId: string, sequenceNo: string][]) {
  return docs.flatMap(([docId, sequenceNo]) => [
    ev('outgoing.approved', approval({ approvalId: `a-${docId}`, docId })),
    ev('outgoing.issued', issue({ docId, approvalId: `a-${docId}`, sequenceNo })),
  ])
}
/** doc2 registered before doc1: insertion order differs from id order. */
const twoDocuments = (ev: ReturnType<typeof outgoingBuilder>) =>
  documents(ev, [
    ['doc2', '2026-0002'],
    ['doc1', '2026-0001'],
  ])

describe('outgoing lists: deadlines (C-09, C-14, C-20)', () => {
  it('rule C-09: outstanding duties are ordered by due time, then kind, then subject', () => {
    const ev = outgoingBuilder(START)
    const fold = foldOutgoing([
      ...twoDocuments(ev),
      ev('outgoing.printed', print()),
      ev('outgoing.meeting_handed_out', {
        meetingId: 'm1',
        endsAt: END,
        attendees: ['chief1'],
        items: [{ carrierId: 'c2', attendee: 'chief1' }],
      }),
      ev('outgoing.return_scheduled', {
        carrierId: 'c1',
        returnBy: '2026-03-10',
        toUnit: '县委办公室',
        noticeRef: 'N-1',
      }),
    ])
    expect(refusalCodes(fold)).toEqual([])
    expect(outstandingDeadlines(fold.state)).toEqual([
      { rule: 'C-14', kind: 'meeting_collection', subjectId: 'm1/c2', dueAt: END },
      { rule: 'C-20', kind: 'material_unsecured', subjectId: 'p1', dueAt: CLOSE },
      { rule: 'C-09', kind: 'superior_return', subjectId: 'c1', dueAt: local('2026-03-11T00:00') - 1 },
      { rule: 'C-09', kind: 'bureau_filing', subjectId: '2026', dueAt: Q1_END },
      { rule: 'C-09', kind: 'reconciliation', subjectId: 'doc1', dueAt: Q1_END },
      { rule: 'C-09', kind: 'reconciliation', subjectId: 'doc2', dueAt: Q1_END },
    ])
  })

  it('rule C-14: a duty due exactly now is due soon, not overdue; one ms later it is no longer due soon', () => {
    const ev = outgoingBuilder(START)
    const fold = foldOutgoing([
      ev('outgoing.meeting_handed_out', {
        meetingId: 'm1',
        endsAt: END,
        attendees: ['chief1'],
        items: [{ carrierId: 'c2', attendee: 'chief1' }],
      }),
    ])
    const soon = (now: number, within: number) =>
      outgoingDueSoon(fold.state, now, within).map((d) => d.subjectId)
    expect(soon(END, 0)).toEqual(['m1/c2'])
    expect(soon(END + 1, HOUR)).toEqual([])
    expect(soon(END - HOUR, HOUR)).toEqual(['m1/c2'])
    expect(soon(END - HOUR, HOUR - 1)).toEqual([])
  })
})

describe('outgoing lists: anomalies and material (C-09, C-14, C-20)', () => {
  it('rule C-09: open anomalies are ordered by opening time, then by id', () => {
    const ev = outgoingBuilder(START)
    const at = (minutes: number) => NEW_YEAR + minutes * MIN
    const events = [
      ...twoDocuments(ev),
      ev('outgoing.printed', print({ approvedCount: 1, printedCount: 1, spoiledCount: 0, material: [] })),
      ev(
        'outgoing.printed',
        print({ printJobId: 'p2', docId: 'doc2', approvedCount: 1, printedCount: 1, spoiledCount: 0 }),
      ),
      ev(
        'outgoing.meeting_handed_out',
        {
          meetingId: 'm1',
          endsAt: at(10),
          attendees: ['chief1'],
          items: [{ carrierId: 'c2', attendee: 'chief1' }],
        },
        at(0),
      ),
      ev('outgoing.reconciled', { docId: 'doc2' }, at(1)),
      ev('outgoing.reconciled', { docId: 'doc1' }, at(3)),
      ev('outgoing.meeting_collected', { meetingId: 'm1', collected: [], missing: ['c2'] }, at(3)),
    ]
    const fold = foldOutgoing(events)
    expect(refusalCodes(fold)).toEqual([])
    expect(openOutgoingAnomalies(fold.state).map((a) => a.id)).toEqual([
      'reconciliation_gap:o008',
      'meeting_missing:o010',
      'reconciliation_gap:o009',
    ])
  })

  it('rule C-20: material awaiting destruction is listed oldest job first, then by job id, with its figures', () => {
    const ev = outgoingBuilder(START)
    const t = START + HOUR
    const job = { printedCount: 1, spoiledCount: 0, approvedCount: 1 }
    const fold = foldOutgoing([
      ev('outgoing.approved', approval()),
      ev('outgoing.issued', issue()),
      ev(
        'outgoing.printed',
        print({
          ...job,
          printJobId: 'p9',
          material: [
            { kind: 'draft', count: 1 },
            { kind: 'waste_page', count: 1 },
          ],
        }),
        t - MIN,
      ),
      ev(
        'outgoing.printed',
        print({ ...job, printJobId: 'p2', firstCopyNumber: 2, material: [{ kind: 'stencil', count: 1 }] }),
        t,
      ),
      ev('outgoing.printed', print({ ...job, printJobId: 'p1', firstCopyNumber: 3 }), t),
      ev('outgoing.material_locked', { printJobId: 'p1', kind: 'proof', count: 1 }, t + MIN),
      ev(
        'outgoing.material_destroyed',
        { printJobId: 'p9', kind: 'draft', count: 1, destructionRef: 'X' },
        t + MIN,
      ),
    ])
    expect(refusalCodes(fold)).toEqual([])
    const doc = { docId: 'doc1' }
    expect(materialAwaitingDestruction(fold.state)).toEqual([
      { printJobId: 'p9', ...doc, kind: 'waste_page', pending: 1, locked: 0, since: t - MIN },
      { printJobId: 'p1', ...doc, kind: 'proof', pending: 2, locked: 1, since: t },
      { printJobId: 'p2', ...doc, kind: 'stencil', pending: 1, locked: 0, since: t },
    ])
  })
})

describe('outgoing lists: the year reconciliation (C-09)', () => {
  it('rule C-09: documents by sequence number; pending ones counted; the filing not yet made', () => {
    const ev = outgoingBuilder(START)
    // Sequence order differs from both registration order and id order.
    const fold = foldOutgoing(
      documents(ev, [
        ['doc1', '2026-0002'],
        ['doc2', '2026-0001'],
      ]),
    )
    const year = yearReconciliation(fold.state, 2026)
    expect(year.documents.map((d) => [d.docId, d.sequenceNo, d.status])).toEqual([
      ['doc2', '2026-0001', 'pending'],
      ['doc1', '2026-0002', 'pending'],
    ])
    expect(year).toMatchObject({
      pending: 2,
      gapsOpen: 0,
      filingDueAt: Q1_END,
      filedAt: null,
      filingRef: null,
    })
    // A year without documents has no filing entry: nothing due, nothing filed.
    expect(yearReconciliation(fold.state, 2025)).toEqual({
      year: 2025,
      documents: [],
      printed: 0,
      archivedHere: 0,
      archivedAtRecipients: 0,
      returned: 0,
      gap: 0,
      pending: 0,
      gapsOpen: 0,
      filingDueAt: null,
      filedAt: null,
      filingRef: null,
    })
  })
})
