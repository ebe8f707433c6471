import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { DEFAULT_OUTGOING_POLICY } from '../../../src/registers/outgoing/policy.ts'
import {
  openOutgoingAnomalies,
  outgoingDueSoon,
  overdueOutgoing,
  reconciliation,
  yearReconciliation,
} from '../../../src/registers/outgoing/queries.ts'
import { createOutgoingSlice } from '../../../src/registers/outgoing/slice.ts'
import { local } from '../../support/fixtures.ts'
import { refusalCodes } from '../../support/slice-fold.ts'
import {
  approval,
  foldOutgoing,
  foldWork,
  issue,
  MIN,
  type OutEv,
  outgoingBuilder,
  print,
  printedDocument,
  viewContext,
} from './outgoing-fixtures.ts'

const Q1_END = local('2027-04-01T00:00') - 1
const NEW_YEAR = local('2027-01-01T00:00')
const courier = { channel: 'confidential_courier', courierRef: 'JY-1', signedBy: '周收文' } as const

/** doc1's five copies: 1, 2 to the county office, 3, 4 to town-2, 5 archived here. */
function distributed(ev: OutEv): SliceEvent[] {
  return [
    ...printedDocument(ev),
    ev('outgoing.sent', {
      sendId: 's1',
      docId: 'doc1',
      recipientId: 'county-office',
      copyNumbers: [1, 2],
      ...courier,
    }),
    ev('outgoing.sent', {
      sendId: 's2',
      docId: 'doc1',
      recipientId: 'town-2',
      copyNumbers: [3, 4],
      ...courier,
    }),
    ev('outgoing.archived_here', { docId: 'doc1', copyNumbers: [5], archiveRef: 'WS-2026-1' }),
  ]
}

describe('return of outgoing documents (C-09)', () => {
  it('rule C-09: reconciliation arithmetic: printed = archived here + archived at recipients + returned (+ gap)', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...distributed(ev),
      ev('outgoing.recipient_archive_filed', {
        listId: 'l1',
        docId: 'doc1',
        recipientId: 'county-office',
        copyNumbers: [1],
        listRef: 'CD-1',
      }),
      ev('outgoing.copies_recovered', {
        recoveryId: 'r1',
        docId: 'doc1',
        recipientId: 'town-2',
        copyNumbers: [3, 4],
      }),
      ev('outgoing.reconciled', { docId: 'doc1' }, local('2027-01-12T10:00')),
    ])
    expect(refusalCodes(fold)).toEqual([])
    const r = reconciliation(fold.state, 'doc1')
    expect(r).toMatchObject({
      printed: 5,
      archivedHere: 1,
      archivedAtRecipients: 1,
      returned: 2,
      gap: 1,
      status: 'gap_open',
      year: 2026,
      anomalyId: 'reconciliation_gap:o009',
    })
    expect(r && r.printed === r.archivedHere + r.archivedAtRecipients + r.returned + r.gap).toBe(true)
    expect(
      openOutgoingAnomalies(fold.state).map((a) => [a.kind, a.subjectId, a.copyNumbers, a.recipientIds]),
    ).toEqual([['reconciliation_gap', 'doc1', [2], ['county-office']]])
    // The spoiled copy is intermediate material (C-20), not a printed copy of the reconciliation.
    expect(fold.state.printJobs.get('p1')?.printedCount).toBe(6)
    expect(fold.state.documents.get('doc1')?.reconciliation).toMatchObject({ printed: 5, gap: 1 })
  })

  it('rule C-09: a balanced document reconciles without an anomaly; recovery after archiving counts as returned', () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...distributed(ev),
      ev('outgoing.recipient_archive_filed', {
        listId: 'l1',
        docId: 'doc1',
        recipientId: 'county-office',
        copyNumbers: [1, 2],
        listRef: 'CD-1',
      }),
      ev('outgoing.copies_recovered', {
        recoveryId: 'r1',
        docId: 'doc1',
        recipientId: 'county-office',
        copyNumbers: [2],
      }),
      ev('outgoing.copies_recovered', {
        recoveryId: 'r2',
        docId: 'doc1',
        recipientId: 'town-2',
        copyNumbers: [3, 4],
      }),
      ev('outgoing.reconciled', { docId: 'doc1' }, NEW_YEAR),
    ])
    expect(refusalCodes(fold)).toEqual([])
    expect(reconciliation(fold.state, 'doc1')).toMatchObject({
      printed: 5,
      archivedHere: 1,
      archivedAtRecipients: 1,
      returned: 3,
      gap: 0,
      status: 'balanced',
      anomalyId: null,
      reconciledAt: NEW_YEAR,
    })
    expect(openOutgoingAnomalies(fold.state)).toEqual([])
    expect(reconciliation(fold.state, 'nope')).toBeUndefined()
  })

  it("rule C-09: a recipient's 存档清单 lists copies sent to it; a recovery comes from the recipient holding them", () => {
    const ev = outgoingBuilder()
    const fold = foldOutgoing([
      ...distributed(ev),
      ev('outgoing.recipient_archive_filed', {
        listId: 'l1',
        docId: 'doc1',
        recipientId: 'town-2',
        copyNumbers: [1],
        listRef: 'x',
      }),
      ev('outgoing.recipient_archive_filed', {
        listId: 'l1',
        docId: 'doc1',
        recipientId: 'town-2',
        copyNumbers: [5],
        listRef: 'x',
      }),
      ev('outgoing.copies_recovered', {
        recoveryId: 'r1',
        docId: 'doc1',
        recipientId: 'county-office',
        copyNumbers: [3],
      }),
      ev('outgoing.archived_here', { docId: 'doc1', copyNumbers: [1], archiveRef: 'WS-1' }),
      ev('outgoing.recipient_archive_filed', {
        listId: 'l1',
        docId: 'doc1',
        recipientId: 'town-2',
        copyNumbers: [3],
        listRef: 'x',
      }),
      ev('outgoing.recipient_archive_filed', {
        listId: 'l1',
        docId: 'doc1',
        recipientId: 'town-2',
        copyNumbers: [4],
        listRef: 'x',
      }),
      ev('outgoing.copies_recovered', {
        recoveryId: 'r1',
        docId: 'doc1',
        recipientId: 'town-2',
        copyNumbers: [3],
      }),
      ev('outgoing.copies_recovered', {
        recoveryId: 'r1',
        docId: 'doc1',
        recipientId: 'town-2',
        copyNumbers: [3],
      }),
    ])
    expect(refusalCodes(fold)).toEqual(['C-09', 'C-09', 'C-09', 'C-09', 'OUTGOING-EXISTS', 'OUTGOING-EXISTS'])
    expect(fold.refused[0]?.error.message.zh).toContain('不在收文单位 town-2 处')
    expect(fold.state.accounts.get('list:l1')).toMatchObject({
      kind: 'archived_at_recipient',
      ref: 'x',
      copyNumbers: [3],
    })
    expect(fold.state.documents.get('doc1')?.copies.map((c) => c.status)).toEqual([
      'sent',
      'sent',
      'returned',
      'sent',
      'archived_here',
    ])
  })

  it('rule C-09: reconciled from 1 January of the next year, once, due by 31 March (boundary)', () => {
    const ev = outgoingBuilder()
    const events = [
      ...distributed(ev),
      ev('outgoing.reconciled', { docId: 'doc1' }, NEW_YEAR - 1),
      ev('outgoing.reconciled', { docId: 'doc9' }, NEW_YEAR),
    ]
    const fold = foldOutgoing(events)
    expect(refusalCodes(fold)).toEqual(['C-09', 'C-15'])
    expect(fold.refused[0]?.error.message.zh).toContain('2027年第一季度')
    expect(fold.state.documents.get('doc1')?.reconcileDueAt).toBe(Q1_END)
    const late = (now: number) => overdueOutgoing(fold.state, now).filter((o) => o.kind === 'reconciliation')
    expect(late(Q1_END)).toEqual([])
    expect(late(Q1_END + 1)).toEqual([
      { rule: 'C-09', kind: 'reconciliation', subjectId: 'doc1', dueAt: Q1_END, since: Q1_END },
    ])
    const soon = outgoingDueSoon(fold.state, Q1_END - 7 * 86_400_000, 7 * 86_400_000)
    expect(soon.map((d) => d.kind)).toEqual(['bureau_filing', 'reconciliation'])
    const twice = foldOutgoing([
      ...events,
      ev('outgoing.reconciled', { docId: 'doc1' }, Q1_END + MIN),
      ev('outgoing.reconciled', { docId: 'doc1' }, Q1_END + 2 * MIN),
    ])
    expect(refusalCodes(twice)).toEqual(['C-09', 'C-15', 'C-09'])
    expect(reconciliation(twice.state, 'doc1')?.reconciledAt).toBe(Q1_END + MIN)
    expect(
      overdueOutgoing(twice.state, Q1_END + HOUR_AFTER)
        .filter((o) => o.rule === 'C-09')
        .map((o) => o.kind),
    ).toEqual(['bureau_filing'])
  })

  it('rule C-09: a gap is resolved with the bureau report reference, as found or as an incident (X-02)', () => {
    const ev = outgoingBuilder()
    const base = [...distributed(ev), ev('outgoing.reconciled', { docId: 'doc1' }, NEW_YEAR)]
    const id = 'reconciliation_gap:o007'
    expect(openOutgoingAnomalies(foldOutgoing(base).state).map((a) => [a.id, a.copyNumbers])).toEqual([
      [id, [1, 2, 3, 4]],
    ])
    const resolve = (extra: object) =>
      ev('outgoing.anomaly_resolved', { anomalyId: id, outcome: 'incident', note: '督促查找未果', ...extra })
    const fold = foldOutgoing([
      ...base,
      resolve({ incidentId: 'inc1' }),
      resolve({ bureauReportRef: 'BM-2027-3' }),
      resolve({ incidentId: 'inc1', bureauReportRef: 'BM-2027-3' }),
    ])
    expect(refusalCodes(fold)).toEqual(['C-09', 'X-02'])
    expect(fold.refused[0]?.error.message.zh).toContain('报市国家保密局')
    expect(reconciliation(fold.state, 'doc1')?.status).toBe('gap_resolved')
    expect(fold.state.anomalies.get(id)).toMatchObject({ incidentId: 'inc1', bureauReportRef: 'BM-2027-3' })

    const lenient = foldOutgoing(
      [...base, resolve({ outcome: 'found', note: '收文单位已找到' })],
      viewContext(),
      {
        ...DEFAULT_OUTGOING_POLICY,
        gapResolutionNeedsBureauReport: false,
      },
    )
    expect(refusalCodes(lenient)).toEqual([])
    expect(openOutgoingAnomalies(lenient.state)).toEqual([])
  })

  it('rule C-09: the return result is filed with the bureau after every document of the year is reconciled, by 31 March', () => {
    const ev = outgoingBuilder()
    const events = [
      ...distributed(ev),
      ev('outgoing.approved', approval({ approvalId: 'a2', docId: 'doc2' })),
      ev('outgoing.issued', issue({ docId: 'doc2', approvalId: 'a2', sequenceNo: '2026-0002' })),
      ev(
        'outgoing.printed',
        print({ printJobId: 'p2', docId: 'doc2', approvedCount: 2, printedCount: 2, spoiledCount: 0 }),
      ),
      ev('outgoing.return_filed', { year: 2026, filingRef: 'BA-1' }, NEW_YEAR - 1),
      ev('outgoing.reconciled', { docId: 'doc1' }, NEW_YEAR + MIN),
      ev('outgoing.return_filed', { year: 2026, filingRef: 'BA-1' }, NEW_YEAR + 2 * MIN),
    ]
    const fold = foldOutgoing(events)
    expect(refusalCodes(fold)).toEqual(['C-09', 'C-09'])
    expect(fold.refused[1]?.error.message.zh).toContain('2026-0002')
    expect(overdueOutgoing(fold.state, Q1_END).filter((o) => o.kind === 'bureau_filing')).toEqual([])
    expect(overdueOutgoing(fold.state, Q1_END + 1).filter((o) => o.kind === 'bureau_filing')).toEqual([
      { rule: 'C-09', kind: 'bureau_filing', subjectId: '2026', dueAt: Q1_END, since: Q1_END },
    ])
    const filed = foldOutgoing([
      ...events,
      ev('outgoing.reconciled', { docId: 'doc2' }, NEW_YEAR + 3 * MIN),
      ev('outgoing.return_filed', { year: 2026, filingRef: 'BA-2' }, NEW_YEAR + 4 * MIN),
      ev('outgoing.return_filed', { year: 2026, filingRef: 'BA-3' }, NEW_YEAR + 5 * MIN),
    ])
    expect(refusalCodes(filed)).toEqual(['C-09', 'C-09', 'C-09'])
    const year = yearReconciliation(filed.state, 2026)
    expect(year).toMatchObject({
      year: 2026,
      printed: 7,
      archivedHere: 1,
      archivedAtRecipients: 0,
      returned: 0,
      gap: 6,
      pending: 0,
      gapsOpen: 2,
      filingDueAt: Q1_END,
      filedAt: NEW_YEAR + 4 * MIN,
      filingRef: 'BA-2',
    })
    expect(year.documents.map((d) => [d.docId, d.printed, d.gap])).toEqual([
      ['doc1', 5, 4],
      ['doc2', 2, 2],
    ])
    expect(overdueOutgoing(filed.state, Q1_END + 1).filter((o) => o.kind === 'bureau_filing')).toEqual([])
    expect(yearReconciliation(filed.state, 2025)).toMatchObject({
      documents: [],
      printed: 0,
      filingDueAt: null,
    })
  })
})

const HOUR_AFTER = 60 * MIN

describe('return of superior units documents (C-09)', () => {
  const ev0 = () => outgoingBuilder(local('2026-03-02T09:00'))
  const schedule = (carrierId: string, returnBy = '2026-03-10') => ({
    carrierId,
    returnBy,
    toUnit: '县委办公室',
    noticeRef: '清退〔2026〕1号',
  })

  it('rule C-09: received carriers get a return-by date once; overdue after that day (boundary)', () => {
    const ev = ev0()
    const fold = foldOutgoing([
      ev('outgoing.return_scheduled', schedule('c1')),
      ev('outgoing.return_scheduled', schedule('c1', '2026-03-20')),
      ev('outgoing.return_scheduled', schedule('c5')),
      ev('outgoing.return_scheduled', schedule('c6')),
      ev('outgoing.return_scheduled', schedule('c9')),
      ev('outgoing.return_scheduled', schedule('c2', '2026-02-30')),
    ])
    expect(refusalCodes(fold)).toEqual(['C-09', 'C-09', 'C-09', 'C-09', 'C-09'])
    const due = local('2026-03-11T00:00') - 1
    expect(fold.state.schedules.get('c1')?.dueAt).toBe(due)
    expect(overdueOutgoing(fold.state, due)).toEqual([])
    expect(overdueOutgoing(fold.state, due + 1)).toEqual([
      { rule: 'C-09', kind: 'superior_return', subjectId: 'c1', dueAt: due, since: due },
    ])
    expect(
      refusalCodes(foldOutgoing([ev('outgoing.return_scheduled', schedule('c1'))], viewContext({}))),
    ).toEqual([])
  })

  it('rule C-09: returned carriers go to the scheduled unit and are away for good (carrierAway)', () => {
    const ev = ev0()
    const ret = (carrierIds: string[], toUnit = '县委办公室') =>
      ev('outgoing.returned_to_issuer', { carrierIds, toUnit, receiptRef: 'QT-1' })
    const events = [
      ev('outgoing.return_scheduled', schedule('c1')),
      ret(['c1'], '县政府办公室'),
      ret(['c4']),
      ret(['c6']),
      ret(['c5']),
      ret(['c1', 'c1']),
      ret(['c1', 'c2']),
      ret(['c1']),
      ev('outgoing.meeting_handed_out', {
        meetingId: 'm1',
        endsAt: local('2026-03-02T17:00'),
        attendees: ['leader1'],
        items: [{ carrierId: 'c1', attendee: 'leader1' }],
      }),
    ]
    const fold = foldOutgoing(events)
    expect(refusalCodes(fold)).toEqual(['C-09', 'C-09', 'C-09', 'C-09', 'C-09', 'C-09', 'C-09'])
    expect(fold.refused[0]?.error.message.zh).toContain('应清退至 县委办公室')
    expect(fold.refused[3]?.error.message.zh).toContain('本单位制发')
    expect(fold.refused[5]?.error.message.zh).toContain('已清退')
    expect(fold.refused[6]?.error.message.zh).toContain('已清退')
    expect([...fold.state.returned.keys()]).toEqual(['c1', 'c2'])
    expect(overdueOutgoing(fold.state, local('2026-04-01T00:00'))).toEqual([])
    const { slice, work } = foldWork(events)
    expect(slice.carrierAway?.(work, 'c2')).toEqual({
      code: 'C-09',
      zh: '载体已清退至 县委办公室（规则 C-09）',
      en: 'The carrier has been returned to 县委办公室 (rule C-09)',
      holder: '县委办公室',
      since: fold.state.returned.get('c2')?.at,
    })
    expect(slice.carrierAway?.(work, 'c3')).toBeNull()
  })

  it('rule C-09: returns and schedules are refused when the carrier register is not in the view', () => {
    const ev = ev0()
    const slice = createOutgoingSlice()
    const work = slice.fork(slice.empty())
    const ctx = { ...viewContext() }
    const { view: _view, ...noView } = ctx
    const s = ev('outgoing.return_scheduled', schedule('c1'))
    const r = ev('outgoing.returned_to_issuer', {
      carrierIds: ['c1'],
      toUnit: '县委办公室',
      receiptRef: 'QT-1',
    })
    expect(slice.check(work, s, noView)?.message.zh).toContain('载体台账不可用')
    expect(slice.check(work, r, noView)?.code).toBe('C-09')
    expect(slice.check(work, r, ctx)).toBeNull()
  })
})

describe('outgoing policy', () => {
  it('rule C-09: a reconciliation deadline that is not a day of every year is refused at configuration', () => {
    expect(() =>
      createOutgoingSlice({ ...DEFAULT_OUTGOING_POLICY, reconcileBy: { month: 2, day: 29 } }),
    ).toThrow(RangeError)
    expect(() =>
      createOutgoingSlice({ ...DEFAULT_OUTGOING_POLICY, bureauFilingBy: { month: 13, day: 1 } }),
    ).toThrow(RangeError)
    const ev = outgoingBuilder()
    const fold = foldOutgoing(printedDocument(ev), viewContext(), {
      ...DEFAULT_OUTGOING_POLICY,
      reconcileBy: { month: 2, day: 28 },
    })
    expect(fold.state.documents.get('doc1')?.reconcileDueAt).toBe(local('2027-03-01T00:00') - 1)
    expect(fold.state.filings.get(2026)?.dueAt).toBe(Q1_END)
  })
})
