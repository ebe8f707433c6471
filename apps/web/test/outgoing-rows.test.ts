import { type EventEnvelope, foldUnitRegister } from '@secledger/domain'
import { describe, expect, it } from 'vitest'
import {
  meetingRows,
  nextSequenceNo,
  outgoingAnomalyRows,
  outgoingOverdueRows,
  returnRows,
} from '../src/register/outgoing/outgoing-lists.ts'
import {
  EMPTY_OUTGOING_FILTER,
  outgoingFilterFromQuery,
  outgoingRows,
} from '../src/register/outgoing/outgoing-rows.ts'
import { CTX, DEC_29, HOUR, leader, officer, setup, sign } from './outgoing-fixtures.ts'

const MIN = 60_000
/** 1 April 2026, 00:00 Asia/Shanghai: the first quarter of 2026 is over. */
const APR_1 = Date.UTC(2026, 2, 31, 16, 0)

/** A document signed out and registered: `n` its number of the year, `level` its level. */
function document(n: number, level: string, docNumber: string, at: number): EventEnvelope[] {
  return [
    sign(
      leader,
      'outgoing.approved',
      {
        approvalId: `a${n}`,
        docId: `d${n}`,
        copies: 2,
        recipients: [{ recipientId: 'r1', unitName: '县委办公室', local: false }],
      },
      at,
    ),
    sign(
      officer,
      'outgoing.issued',
      {
        docId: `d${n}`,
        approvalId: `a${n}`,
        sequenceNo: `2025-000${n}`,
        docNumber,
        level,
        periodYears: null,
      },
      at + MIN,
    ),
  ]
}

function printJob(docId: string, at: number, material: object[] = []): EventEnvelope {
  return sign(
    officer,
    'outgoing.printed',
    {
      printJobId: `p-${docId}`,
      docId,
      deviceId: 'pc1',
      approvedCount: 2,
      printedCount: 2,
      spoiledCount: 0,
      firstCopyNumber: 1,
      material,
    },
    at,
  )
}

describe('the 发文登记 rows (rules C-09, C-15, C-20)', () => {
  it('C-15: a sign-out waiting for registration comes first; documents by 发文顺序号, latest first', () => {
    const events = [
      ...setup,
      ...document(1, 'secret', '城关发〔2025〕1号', DEC_29),
      ...document(2, 'confidential', '城关发〔2025〕2号', DEC_29 + HOUR),
      sign(
        leader,
        'outgoing.approved',
        { approvalId: 'a3', docId: 'd3', copies: 1, recipients: [] },
        DEC_29 + 2 * HOUR,
      ),
    ]
    const state = foldUnitRegister(events, CTX)
    const rows = outgoingRows(state, EMPTY_OUTGOING_FILTER, DEC_29 + 3 * HOUR)
    expect(rows.map((r) => [r.kind, r.sequenceNo, r.state])).toEqual([
      ['approval', '', 'approved'],
      ['document', '2025-0002', 'to_print'],
      ['document', '2025-0001', 'to_print'],
    ])
    const filter = (values: Record<string, string | boolean>) =>
      outgoingRows(state, outgoingFilterFromQuery(values), DEC_29 + 3 * HOUR).map((r) => r.id)
    expect(filter({ keyword: '〔2025〕1号' })).toEqual(['d1'])
    expect(filter({ keyword: '县委办' })).toEqual(['d2', 'd1'])
    expect(filter({ level: 'confidential' })).toEqual(['d2'])
    expect(filter({ state: 'approved' })).toEqual(['approval:a3'])
    expect(nextSequenceNo(state, DEC_29)).toBe('2025-0003')
    // the 发文顺序号 starts again each year
    expect(nextSequenceNo(state, Date.UTC(2026, 0, 5, 2, 0))).toBe('2026-0001')
  })

  it('C-09: copies nested under their document; its state follows them to 待核对', () => {
    const events = [
      ...setup,
      ...document(1, 'secret', '城关发〔2025〕1号', DEC_29),
      printJob('d1', DEC_29 + HOUR),
    ]
    const state = () =>
      outgoingRows(foldUnitRegister(events, CTX), EMPTY_OUTGOING_FILTER, DEC_29 + 2 * HOUR)[0]
    expect(state()?.state).toBe('printed')
    expect(state()?.children?.map((c) => [c.id, c.copyStatus, c.holder])).toEqual([
      ['d1#1', 'here', ''],
      ['d1#2', 'here', ''],
    ])
    events.push(
      sign(
        officer,
        'outgoing.sent',
        {
          sendId: 's1',
          docId: 'd1',
          recipientId: 'r1',
          copyNumbers: [2],
          channel: 'confidential_courier',
          courierRef: 'J-1',
        },
        DEC_29 + 2 * HOUR,
      ),
    )
    expect(state()?.state).toBe('distributing')
    expect(state()?.children?.[1]).toMatchObject({ copyStatus: 'sent', holder: '县委办公室' })
    events.push(
      sign(
        officer,
        'outgoing.archived_here',
        { docId: 'd1', copyNumbers: [1], archiveRef: 'A-1' },
        DEC_29 + 3 * HOUR,
      ),
      sign(
        officer,
        'outgoing.copies_recovered',
        { recoveryId: 'v1', docId: 'd1', recipientId: 'r1', copyNumbers: [2] },
        DEC_29 + 4 * HOUR,
      ),
    )
    expect(state()).toMatchObject({ state: 'to_reconcile', figures: { difference: 0, verdict: 'balanced' } })
  })

  it('C-20: material lying about after the working day makes the document overdue, until locked away', () => {
    const events = [
      ...setup,
      ...document(1, 'secret', '城关发〔2025〕1号', DEC_29),
      printJob('d1', DEC_29 + HOUR, [{ kind: 'proof', count: 2 }]),
    ]
    const evening = Date.UTC(2025, 11, 29, 12, 0)
    const state = foldUnitRegister(events, CTX)
    expect(
      outgoingRows(state, outgoingFilterFromQuery({ overdueOnly: true }), evening).map((r) => r.id),
    ).toEqual(['d1'])
    expect(outgoingOverdueRows(state, evening)).toEqual([
      {
        key: 'material_unsecured:p-d1',
        rule: 'C-20',
        kind: 'material_unsecured',
        subject: { kind: 'print', sequenceNo: '2025-0001', at: DEC_29 + HOUR },
        since: expect.any(Number),
      },
    ])
    events.push(
      sign(
        officer,
        'outgoing.material_locked',
        { printJobId: 'p-d1', kind: 'proof', count: 2 },
        DEC_29 + 2 * HOUR,
      ),
    )
    expect(outgoingOverdueRows(foldUnitRegister(events, CTX), evening)).toEqual([])
  })

  it('C-09: not reconciled by the end of the next first quarter: overdue, with the bureau filing of the year', () => {
    const state = foldUnitRegister([...setup, ...document(1, 'secret', '城关发〔2025〕1号', DEC_29)], CTX)
    expect(outgoingOverdueRows(state, APR_1 - 1)).toEqual([])
    expect(outgoingOverdueRows(state, APR_1).map((r) => [r.rule, r.kind, r.subject])).toEqual([
      ['C-09', 'bureau_filing', { kind: 'year', year: '2025' }],
      [
        'C-09',
        'reconciliation',
        { kind: 'document', sequenceNo: '2025-0001', docNumber: '城关发〔2025〕1号' },
      ],
    ])
    expect(outgoingRows(state, EMPTY_OUTGOING_FILTER, APR_1)[0]).toMatchObject({ overdue: true })
  })

  it('C-14: a 绝密 meeting document is due back at the meeting’s end; missing at collection it is an anomaly', () => {
    const ends = DEC_29 + 2 * HOUR
    const events = [
      ...setup,
      sign(
        officer,
        'outgoing.meeting_handed_out',
        {
          meetingId: 'm1',
          endsAt: ends,
          attendees: ['leader1', 'A07'],
          items: [
            { carrierId: 'c1', attendee: 'leader1' },
            { carrierId: 'c2', attendee: 'A07' },
          ],
        },
        DEC_29,
      ),
    ]
    const out = foldUnitRegister(events, CTX)
    expect(meetingRows(out, ends + 1)[0]).toMatchObject({ out: 2 })
    expect(meetingRows(out, ends + 1)[0]?.items.map((i) => [i.carrier, i.overdue])).toEqual([
      ['2025-0001 第 1 份', true],
      ['2025-0001 第 2 份', true],
    ])
    expect(outgoingOverdueRows(out, ends + 1).map((r) => r.subject)).toEqual([
      { kind: 'carrier', serial: '2025-0001', copyNumber: 1 },
      { kind: 'carrier', serial: '2025-0001', copyNumber: 2 },
    ])
    events.push(
      sign(
        officer,
        'outgoing.meeting_collected',
        { meetingId: 'm1', collected: ['c1'], missing: ['c2'] },
        ends,
      ),
    )
    const after = foldUnitRegister(events, CTX)
    expect(meetingRows(after, ends + 1)[0]?.items.map((i) => i.status)).toEqual(['collected', 'missing'])
    expect(outgoingAnomalyRows(after).map((a) => [a.kind, a.items])).toEqual([
      ['meeting_missing', ['2025-0001 第 2 份']],
    ])
  })

  it('C-09: superior units’ documents to return: overdue first, returned last', () => {
    const events = [
      ...setup,
      sign(
        officer,
        'outgoing.return_scheduled',
        { carrierId: 'c1', returnBy: '2025-12-30', toUnit: '县委办公室', noticeRef: 'N-1' },
        DEC_29,
      ),
      sign(
        officer,
        'outgoing.return_scheduled',
        { carrierId: 'c2', returnBy: '2025-12-31', toUnit: '县委办公室', noticeRef: 'N-1' },
        DEC_29,
      ),
      sign(
        officer,
        'outgoing.returned_to_issuer',
        { carrierIds: ['c2'], toUnit: '县委办公室', receiptRef: 'R-9' },
        DEC_29 + HOUR,
      ),
    ]
    const rows = returnRows(foldUnitRegister(events, CTX), Date.UTC(2025, 11, 31, 2, 0))
    expect(rows.map((r) => [r.carrier, r.overdue, r.receiptRef])).toEqual([
      ['2025-0001 第 1 份', true, ''],
      ['2025-0001 第 2 份', false, 'R-9'],
    ])
  })
})
