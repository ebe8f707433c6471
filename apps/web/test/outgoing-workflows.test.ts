import { foldUnitRegister } from '@secledger/domain'
import { describe, expect, it } from 'vitest'
import { EMPTY_OUTGOING_FILTER, outgoingRows } from '../src/register/outgoing/outgoing-rows.ts'
import { DOCUMENT_STEPS, PAGE_STEPS } from '../src/register/workflows/outgoing.ts'
import { sendOutgoing } from '../src/register/workflows/outgoing-copies.ts'
import { approveOutgoing, issueOutgoing } from '../src/register/workflows/outgoing-issue.ts'
import { printOutgoing } from '../src/register/workflows/outgoing-print.ts'
import {
  CTX,
  contextFor,
  DEC_29,
  formOf,
  HOUR,
  ids,
  leader,
  officer,
  printed,
  setup,
  take,
} from './outgoing-fixtures.ts'

describe('outgoing steps configured on the domain’s schemas (issue 12)', () => {
  it('C-15: the leader signs out with the distribution as rows; the officer registers against it', () => {
    const events = [...setup]
    const before = foldUnitRegister(events, CTX)
    expect(ids(PAGE_STEPS, contextFor(before, leader, DEC_29))).toEqual(['outgoing-approve'])
    expect(ids(PAGE_STEPS, contextFor(before, officer, DEC_29))).not.toContain('outgoing-approve')
    const payload = take(
      events,
      approveOutgoing,
      leader,
      DEC_29,
      {
        copies: 3,
        recipients: [
          { unitName: ' 县委办公室 ', local: false },
          { unitName: '邻镇党政办', local: true },
        ],
      },
      { row: null },
    )
    expect(payload.recipients).toEqual([
      { recipientId: 'r1', unitName: '县委办公室', local: false },
      { recipientId: 'r2', unitName: '邻镇党政办', local: true },
    ])
    const signed = foldUnitRegister(events, CTX)
    // the leader sees the sign-out waiting; the officer is offered its registration only
    expect(outgoingRows(signed, EMPTY_OUTGOING_FILTER, DEC_29)[0]).toMatchObject({
      kind: 'approval',
      state: 'approved',
      signer: 'leader1',
    })
    expect(ids(DOCUMENT_STEPS, contextFor(signed, officer, DEC_29, { row: 'first' }))).toEqual([
      'outgoing-issue',
    ])
    expect(ids(DOCUMENT_STEPS, contextFor(signed, leader, DEC_29, { row: 'first' }))).toEqual([])
    const issued = take(events, issueOutgoing, officer, DEC_29 + HOUR, {
      docNumber: '城关发〔2025〕8号',
      level: 'secret',
    })
    // the 发文顺序号 runs per year; no period typed is the level's longest (null), never left out
    expect(issued).toMatchObject({ sequenceNo: '2025-0001', periodYears: null })
  })

  it('C-15: a blank recipient row is named by its row before anything is signed', () => {
    const form = formOf(
      [...setup],
      approveOutgoing,
      leader,
      DEC_29,
      {
        copies: 2,
        recipients: [
          { unitName: '县委办公室', local: false },
          { unitName: '', local: false },
        ],
      },
      { row: null },
    )
    expect(form.fieldErrors).toEqual({ recipients: '第 2 行：请填写收文单位' })
  })

  it('C-15, C-20: printed on the classified computer; extra prints kept are refused with the rule’s message', () => {
    const events = printed()
    const state = foldUnitRegister(events, CTX)
    const doc = [...state.registers.outgoing.documents.values()][0]
    expect(doc?.copies.map((c) => c.number)).toEqual([1, 2, 3])
    expect(
      [...state.registers.outgoing.printJobs.values()][0]?.material.map((m) => [m.kind, m.count]),
    ).toEqual([
      ['proof', 2],
      ['defective', 1],
    ])
    // all three printed: no further print; the material and the copies' steps are offered
    const ctx = contextFor(state, officer, DEC_29 + 3 * HOUR, { row: 'first' })
    expect(ids(DOCUMENT_STEPS, ctx)).toEqual([
      'outgoing-material-locked',
      'outgoing-material-destroyed',
      'outgoing-material-kept',
      'outgoing-send',
      'outgoing-archive-here',
    ])
    const events2 = [...setup]
    take(events2, approveOutgoing, leader, DEC_29, { copies: 2, recipients: [] }, { row: null })
    take(events2, issueOutgoing, officer, DEC_29 + HOUR, { docNumber: '城关发〔2025〕9号', level: 'secret' })
    const extra = formOf(
      events2,
      printOutgoing,
      officer,
      DEC_29 + 2 * HOUR,
      { printedCount: 3, spoiledCount: 0 },
      { row: 'first' },
    )
    expect(extra.refusal?.code).toBe('C-20')
    expect(extra.refusal?.message.zh).toContain('不得多印自留')
  })

  it('C-15: sending by ordinary post is refused with the domain’s reason; by courier and by hand it is recorded', () => {
    const events = printed()
    const post = formOf(
      events,
      sendOutgoing,
      officer,
      DEC_29 + 3 * HOUR,
      { recipientId: 'r1', copyNumbers: ['2'], channel: 'ordinary_post' },
      { row: 'first' },
    )
    expect(post.refusal?.message.zh).toBe(
      '三密文件不得通过普通邮件传递，须经机要交通或指派专人递送（规则 C-15）',
    )
    const courier = take(events, sendOutgoing, officer, DEC_29 + 3 * HOUR, {
      recipientId: 'r1',
      copyNumbers: ['2'],
      channel: 'confidential_courier',
      courierRef: '机要 2025-118',
    })
    expect(courier.copyNumbers).toEqual([2])
    // a local recipient signs on receipt
    const unsigned = formOf(
      events,
      sendOutgoing,
      officer,
      DEC_29 + 4 * HOUR,
      { recipientId: 'r2', copyNumbers: ['3'], channel: 'designated_person', bearer: '王保密' },
      { row: 'first' },
    )
    expect(unsigned.refusal?.code).toBe('C-15')
    take(events, sendOutgoing, officer, DEC_29 + 4 * HOUR, {
      recipientId: 'r2',
      copyNumbers: ['3'],
      channel: 'designated_person',
      bearer: '王保密',
      signedBy: '李收文',
    })
    const doc = [...foldUnitRegister(events, CTX).registers.outgoing.documents.values()][0]
    expect(doc?.copies.map((c) => [c.number, c.status, c.recipientId])).toEqual([
      [1, 'here', null],
      [2, 'sent', 'r1'],
      [3, 'sent', 'r2'],
    ])
  })
})
