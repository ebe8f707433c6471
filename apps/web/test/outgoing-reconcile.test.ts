import { foldUnitRegister } from '@secledger/domain'
import { describe, expect, it } from 'vitest'
import { EMPTY_OUTGOING_FILTER, outgoingRows } from '../src/register/outgoing/outgoing-rows.ts'
import {
  ANOMALY_STEPS,
  DOCUMENT_STEPS,
  MEETING_STEPS,
  PAGE_STEPS,
} from '../src/register/workflows/outgoing.ts'
import {
  archiveHere,
  fileRecipientArchive,
  reconcileOutgoing,
  recoverCopies,
  resolveOutgoingAnomaly,
  sendOutgoing,
} from '../src/register/workflows/outgoing-copies.ts'
import {
  collectMeeting,
  handOutMeeting,
  returnToIssuer,
  scheduleReturn,
} from '../src/register/workflows/outgoing-meeting.ts'
import { destroyMaterial } from '../src/register/workflows/outgoing-print.ts'
import {
  CTX,
  contextFor,
  DEC_29,
  formOf,
  HOUR,
  ids,
  JAN_5,
  officer,
  printed,
  setup,
  take,
} from './outgoing-fixtures.ts'

describe('outgoing accounting, meetings and returns through the forms (issue 12)', () => {
  it('C-09 C-20: every copy accounted for and the spoiled one destroyed: reconciled in the next year, 相符', () => {
    const events = printed()
    take(events, destroyMaterial, officer, DEC_29 + 3 * HOUR, {
      kind: 'defective',
      count: 1,
      destructionRef: '送销清单〔2025〕5号',
    })
    take(events, sendOutgoing, officer, DEC_29 + 3 * HOUR, {
      recipientId: 'r1',
      copyNumbers: ['2'],
      channel: 'confidential_courier',
      courierRef: '机要 2025-118',
    })
    take(events, sendOutgoing, officer, DEC_29 + 4 * HOUR, {
      recipientId: 'r2',
      copyNumbers: ['3'],
      channel: 'designated_person',
      bearer: '王保密',
      signedBy: '李收文',
    })
    take(events, archiveHere, officer, DEC_29 + 5 * HOUR, { copyNumbers: ['1'], archiveRef: '2025-永久-001' })
    take(events, fileRecipientArchive, officer, DEC_29 + 5 * HOUR, {
      recipientId: 'r1',
      copyNumbers: ['2'],
      listRef: '县委办存档〔2025〕3号',
    })
    // in December the reconciliation is not offered: it is done in Q1 of the next year
    const december = foldUnitRegister(events, CTX)
    expect(
      ids(DOCUMENT_STEPS, contextFor(december, officer, DEC_29 + 6 * HOUR, { row: 'first' })),
    ).not.toContain('outgoing-reconcile')
    const row = outgoingRows(december, EMPTY_OUTGOING_FILTER, DEC_29 + 6 * HOUR)[0]
    expect(row?.figures).toMatchObject({
      printed: 4,
      archivedHere: 1,
      archivedAtRecipients: 1,
      returned: 0,
      destroyed: 1,
      difference: 1,
      verdict: 'difference',
    })
    take(events, recoverCopies, officer, JAN_5, { recipientId: 'r2', copyNumbers: ['3'] })
    take(events, reconcileOutgoing, officer, JAN_5 + HOUR, {})
    const after = outgoingRows(foldUnitRegister(events, CTX), EMPTY_OUTGOING_FILTER, JAN_5 + HOUR)[0]
    expect(after).toMatchObject({ state: 'reconciled' })
    expect(after?.figures).toMatchObject({
      printed: 4,
      archivedHere: 1,
      archivedAtRecipients: 1,
      returned: 1,
      destroyed: 1,
      difference: 0,
      verdict: 'balanced',
    })
  })

  it('C-09: a copy missing at reconciliation opens an anomaly, resolved with the bureau report', () => {
    const events = printed()
    take(events, archiveHere, officer, DEC_29 + 5 * HOUR, {
      copyNumbers: ['1', '2', '3'],
      archiveRef: '2025-永久-001',
    })
    take(events, reconcileOutgoing, officer, JAN_5, {})
    const state = foldUnitRegister(events, CTX)
    // every good copy accounted for, but the spoiled one never destroyed: 4 printed, 3 accounted (C-20)
    expect(outgoingRows(state, EMPTY_OUTGOING_FILTER, JAN_5)[0]?.figures).toMatchObject({
      difference: 1,
      spoiledPending: 1,
      openCopies: [],
      verdict: 'difference',
    })
    const events2 = printed()
    take(events2, archiveHere, officer, DEC_29 + 5 * HOUR, {
      copyNumbers: ['1', '2'],
      archiveRef: '2025-永久-001',
    })
    take(events2, reconcileOutgoing, officer, JAN_5, {})
    const gap = foldUnitRegister(events2, CTX)
    expect(outgoingRows(gap, EMPTY_OUTGOING_FILTER, JAN_5)[0]?.figures).toMatchObject({
      verdict: 'gap',
      openCopies: [3],
    })
    const ctx = contextFor(gap, officer, JAN_5 + HOUR, { anomaly: true })
    expect(ids(ANOMALY_STEPS, ctx)).toEqual(['outgoing-anomaly-resolve'])
    const noReport = formOf(
      events2,
      resolveOutgoingAnomaly,
      officer,
      JAN_5 + HOUR,
      { outcome: 'found', note: '在档案室找到' },
      { anomaly: true },
    )
    expect(noReport.refusal?.code).toBe('C-09')
    take(
      events2,
      resolveOutgoingAnomaly,
      officer,
      JAN_5 + HOUR,
      { outcome: 'found', note: '在档案室找到', bureauReportRef: '保密局〔2026〕1号' },
      { anomaly: true },
    )
    expect(
      outgoingRows(foldUnitRegister(events2, CTX), EMPTY_OUTGOING_FILTER, JAN_5)[0]?.figures?.verdict,
    ).toBe('gap_resolved')
  })

  it('C-14: meeting documents handed out against the list and collected', () => {
    const events = [...setup]
    const start = foldUnitRegister(events, CTX)
    expect(ids(PAGE_STEPS, contextFor(start, officer, DEC_29))).toEqual([
      'outgoing-meeting-out',
      'outgoing-return-schedule',
      'outgoing-return',
    ])
    // an attendee not on the list gets nothing
    const offList = formOf(
      events,
      handOutMeeting,
      officer,
      DEC_29,
      { attendees: ['leader1'], items: [{ carrierId: 'c1', attendee: 'officer1' }] },
      {},
    )
    expect(offList.refusal?.code).toBe('C-14')
    take(
      events,
      handOutMeeting,
      officer,
      DEC_29,
      { attendees: ['leader1'], items: [{ carrierId: 'c1', attendee: 'leader1' }] },
      {},
    )
    const out = foldUnitRegister(events, CTX)
    const ctx = contextFor(out, officer, DEC_29 + 3 * HOUR, { meeting: true })
    expect(ids(MEETING_STEPS, ctx)).toEqual(['outgoing-meeting-collect'])
    // a carrier out at a meeting is not offered for another hand-out
    const again = handOutMeeting.fields(contextFor(out, officer, DEC_29)).items?.columns?.carrierId?.options
    expect(again?.map((o) => o.value)).toEqual(['c2'])
    const collected = take(events, collectMeeting, officer, DEC_29 + 3 * HOUR, {}, { meeting: true })
    expect(collected).toEqual({ meetingId: expect.any(String), collected: ['c1'], missing: [] })
    const meeting = [...foldUnitRegister(events, CTX).registers.outgoing.meetings.values()][0]
    expect(meeting?.items.map((i) => i.status)).toEqual(['collected'])
  })

  it('C-09: a superior unit’s document gets its notice, then goes back to the unit it names', () => {
    const events = [...setup]
    take(
      events,
      scheduleReturn,
      officer,
      DEC_29,
      { carrierId: 'c1', returnBy: '2026-01-31', toUnit: '县委办公室', noticeRef: '县委办清〔2025〕2号' },
      {},
    )
    const wrongUnit = formOf(
      events,
      returnToIssuer,
      officer,
      DEC_29 + HOUR,
      { toUnit: '县政府办', receiptRef: 'R-1' },
      {},
    )
    expect(wrongUnit.refusal?.message.zh).toBe('载体 c1 应清退至 县委办公室（规则 C-09）')
    const returned = take(
      events,
      returnToIssuer,
      officer,
      DEC_29 + HOUR,
      { receiptRef: '县委办签收 12 号' },
      {},
    )
    expect(returned).toMatchObject({ carrierIds: ['c1'], toUnit: '县委办公室' })
    expect(foldUnitRegister(events, CTX).registers.outgoing.returned.has('c1')).toBe(true)
  })
})
