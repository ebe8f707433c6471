import {
  DEFAULT_CALENDAR,
  DEFAULT_UNIT_POLICY,
  type EventEnvelope,
  type FoldContext,
  foldUnitRegister,
  formatHlc,
  type RegisterState,
  signEvent,
} from '@secledger/domain'
import { describe, expect, it } from 'vitest'
import { carrierHistory } from '../src/register/carrier-history.ts'
import { directoryOf, makeUser, type TestUser, UNIT, WORKDAY_10AM } from './fixtures.ts'

function named(user: TestUser, displayName: string): TestUser {
  return { ...user, entry: { ...user.entry, displayName } }
}

const officer = named(makeUser('officer1', ['officer']), '王保密')
const leader = named(makeUser('leader1', ['leader']), '李镇长')
const stranger = makeUser('stranger', ['officer'])
const DIRECTORY = directoryOf(officer, leader)

const CTX: FoldContext = {
  unit: UNIT,
  directory: DIRECTORY,
  calendar: DEFAULT_CALENDAR,
  policy: { ...DEFAULT_UNIT_POLICY, copyPoints: [{ id: 'cp-1', name: '县国家秘密载体定点复制单位' }] },
}

const HOUR = 3_600_000
/** Wednesday 2026-03-04 in Asia/Shanghai: 10:00 + `hours`. */
function at(hours: number): number {
  return WORKDAY_10AM + hours * HOUR
}

function sign(user: TestUser, type: string, payload: object, atMs: number, counter = 0): EventEnvelope {
  const device = 'dev-test-0001'
  return signEvent(
    {
      unit: UNIT,
      type,
      payload,
      actor: user.id,
      device,
      at: formatHlc({ wallMs: atMs, counter, node: device }),
    },
    user.secretKey,
  )
}

const registered = sign(
  officer,
  'carrier.registered',
  {
    kind: 'paper',
    direction: 'received',
    issuer: '县委办公室',
    docNumber: '县委办〔2026〕3号',
    title: '关于＊＊＊',
    level: 'secret',
    periodYears: null,
    scope: '镇领导班子',
    serial: '2026-0001',
    receivedOn: '2026-03-04',
    copies: [
      { id: 'c1', copyNumber: 1 },
      { id: 'c2', copyNumber: 2 },
    ],
  },
  at(0),
)
const handOutC1 = sign(officer, 'carrier.handed_out', { carrierId: 'c1', reader: '刘读者' }, at(1))
const handOutC2 = sign(officer, 'carrier.handed_out', { carrierId: 'c2', reader: '陈读者' }, at(1), 1)
const takeBackC1 = sign(officer, 'carrier.taken_back', { carrierId: 'c1', handOutId: handOutC1.id }, at(2))
// 补录: handed out at 12:30 and taken back at 13:30, both recorded at 15:00.
const lateHandOut = sign(
  officer,
  'carrier.handed_out',
  { carrierId: 'c1', reader: '刘读者', happenedAt: at(2.5) },
  at(5),
)
const lateTakeBack = sign(
  officer,
  'carrier.taken_back',
  { carrierId: 'c1', handOutId: lateHandOut.id, happenedAt: at(3.5) },
  at(5),
  1,
)
// Taken back again though it is in custody: the register refuses it.
const takeBackTwice = sign(
  officer,
  'carrier.taken_back',
  { carrierId: 'c1', handOutId: lateHandOut.id },
  at(6),
)

function fold(events: readonly EventEnvelope[]): RegisterState {
  return foldUnitRegister(events, CTX)
}

const HISTORY = [registered, handOutC1, handOutC2, takeBackC1, lateHandOut, lateTakeBack, takeBackTwice]

describe('carrierHistory (操作日志 of one carrier)', () => {
  it('lists what concerns the carrier, oldest first, whatever order the replica holds them in', () => {
    const state = fold(HISTORY)
    const entries = carrierHistory([...HISTORY].reverse(), 'c1', state, DIRECTORY)
    expect(entries.map((e) => e.eventId)).toEqual([
      registered.id,
      handOutC1.id,
      takeBackC1.id,
      lateHandOut.id,
      lateTakeBack.id,
      takeBackTwice.id,
    ])
    expect(entries.map((e) => e.label.zh)).toEqual(['登记', '分发阅读', '收回', '分发阅读', '收回', '收回'])
    expect(entries.map((e) => e.at)).toEqual([at(0), at(1), at(2), at(5), at(5), at(6)])
  })

  it('shows a registration of two copies in both copies’ histories, and no hand-out of the other copy', () => {
    const state = fold(HISTORY)
    const c2 = carrierHistory(HISTORY, 'c2', state, DIRECTORY)
    expect(c2.map((e) => e.eventId)).toEqual([registered.id, handOutC2.id])
    expect(c2[0]?.detail).toEqual({
      zh: '登记编号 2026-0001，份号 2，共 2 份',
      en: 'Serial 2026-0001, copy no. 2, 2 copies',
    })
    expect(c2[1]?.detail.zh).toBe('借给 陈读者，应还 2026-03-04 17:30')
    const c1 = carrierHistory(HISTORY, 'c1', state, DIRECTORY)
    expect(c1[0]?.detail.zh).toBe('登记编号 2026-0001，份号 1，共 2 份')
    expect(c1.some((e) => e.eventId === handOutC2.id)).toBe(false)
  })

  it('names the signer from the key directory, the reader in the summary, and nothing of the title', () => {
    const state = fold(HISTORY)
    const [reg, out, back] = carrierHistory(HISTORY, 'c1', state, DIRECTORY)
    expect(reg?.actorId).toBe('officer1')
    expect(reg?.actorName).toBe('王保密')
    expect(out?.detail).toEqual({
      zh: '借给 刘读者，应还 2026-03-04 17:30',
      en: 'To 刘读者, due 2026-03-04 17:30',
    })
    expect(back?.detail).toEqual({ zh: '自 刘读者 收回', en: 'From 刘读者' })
    for (const entry of [reg, out, back]) expect(JSON.stringify(entry)).not.toContain('关于')
  })

  it('keeps both times of a late entry (补录): when it happened and when it was recorded', () => {
    const state = fold(HISTORY)
    const entries = carrierHistory(HISTORY, 'c1', state, DIRECTORY)
    const late = entries.find((e) => e.eventId === lateHandOut.id)
    expect(late?.at).toBe(at(5))
    expect(late?.happenedAt).toBe(at(2.5))
    // rule C-05: due at the close of the day it happened, not of the day it was recorded
    expect(late?.detail.zh).toBe('借给 刘读者，应还 2026-03-04 17:30')
    expect(entries.find((e) => e.eventId === lateTakeBack.id)?.happenedAt).toBe(at(3.5))
    expect('happenedAt' in (entries[1] as object)).toBe(false)
  })

  it('marks every event whose signature checks out as verified', () => {
    const state = fold(HISTORY)
    const entries = carrierHistory(HISTORY, 'c1', state, DIRECTORY)
    expect(entries.every((e) => e.signature === 'verified')).toBe(true)
  })

  it('lists a tampered event and one signed by an unknown key, marked invalid and not applied', () => {
    // The reader changed after signing: the id no longer matches the content.
    const forged = sign(officer, 'carrier.handed_out', { carrierId: 'c1', reader: '刘读者' }, at(7))
    const tampered: EventEnvelope = { ...forged, payload: { carrierId: 'c1', reader: '外人' } }
    const unknown = sign(stranger, 'carrier.handed_out', { carrierId: 'c1', reader: '刘读者' }, at(8))
    const events = [...HISTORY, tampered, unknown]
    const state = fold(events)
    const entries = carrierHistory(events, 'c1', state, DIRECTORY)
    const bad = entries.find((e) => e.eventId === tampered.id)
    expect(bad?.signature).toBe('invalid')
    expect(bad?.refused?.code).toBe('bad_signature')
    const stray = entries.find((e) => e.eventId === unknown.id)
    expect(stray?.signature).toBe('invalid')
    expect(stray?.actorName).toBe('stranger')
    expect(stray?.refused?.code).toBe('unknown_actor')
    expect(state.carriers.get('c1')?.state).toBe('in_custody')
  })

  it('uses the verify function it is given', () => {
    const state = fold(HISTORY)
    const entries = carrierHistory(HISTORY, 'c1', state, DIRECTORY, () => false)
    expect(entries.every((e) => e.signature === 'invalid')).toBe(true)
  })

  it('shows a refused event with the register’s refusal code and message', () => {
    const state = fold(HISTORY)
    const refusal = state.refused.find((r) => r.eventId === takeBackTwice.id)
    expect(refusal).toBeDefined()
    const entries = carrierHistory(HISTORY, 'c1', state, DIRECTORY)
    const refused = entries.find((e) => e.eventId === takeBackTwice.id)
    expect(refused?.refused).toEqual({
      code: refusal?.error.code,
      zh: refusal?.error.message.zh,
      en: refusal?.error.message.en,
    })
    expect(refused?.signature).toBe('verified')
    expect(entries.filter((e) => e.refused !== null).map((e) => e.eventId)).toEqual([takeBackTwice.id])
  })

  it('C-07 shows a copy in the original’s history and its making in the copy’s', () => {
    const copied = sign(
      officer,
      'carrier.copied',
      {
        originalId: 'c1',
        copies: [{ id: 'c1-f1', copyNumber: 3 }],
        approval: {
          authority: 'issuing_organ',
          approver: '县委办公室',
          reference: '县委办批复〔2026〕1号',
          approvedOn: '2026-03-01',
        },
        place: { kind: 'licensed_point', pointId: 'cp-1' },
      },
      at(6.5),
    )
    const events = [...HISTORY, copied]
    const state = fold(events)
    expect(state.refused.some((r) => r.eventId === copied.id)).toBe(false)
    const original = carrierHistory(events, 'c1', state, DIRECTORY).find((e) => e.eventId === copied.id)
    expect(original?.label.zh).toBe('复制')
    expect(original?.detail).toEqual({ zh: '复制 1 份', en: '1 copy made' })
    const copy = carrierHistory(events, 'c1-f1', state, DIRECTORY)
    expect(copy.map((e) => e.eventId)).toEqual([copied.id])
    expect(copy[0]?.detail.zh).toBe('复制自 2026-0001，份号 3')
  })

  it('C-11 lists the approval and the destruction with its method and receipt', () => {
    const approval = sign(
      leader,
      'approval.granted',
      { subject: 'carrier.destroy', carrierIds: ['c1', 'c2'] },
      at(6.5),
    )
    const destroyed = sign(
      officer,
      'carrier.destroyed',
      { carrierIds: ['c1'], approvalId: approval.id, method: 'central', receiptNumber: 'XH-7' },
      at(6.6),
    )
    const events = [...HISTORY, approval, destroyed]
    const state = fold(events)
    expect(state.carriers.get('c1')?.state).toBe('destroyed')
    const entries = carrierHistory(events, 'c1', state, DIRECTORY).slice(-2)
    expect(entries.map((e) => [e.label.zh, e.detail.zh, e.actorName])).toEqual([
      ['审批销毁', '同批 2 件', '李镇长'],
      ['销毁', '送销，回执 XH-7', '王保密'],
    ])
    expect(carrierHistory(events, 'c2', state, DIRECTORY).map((e) => e.eventId)).toEqual([
      registered.id,
      handOutC2.id,
      approval.id,
    ])
  })

  it('lists the resolution of an anomaly about the carrier (C-04 after a merge)', () => {
    // Two devices handed c2 out without knowing of each other: the second hand-out opens an anomaly.
    const concurrent = sign(officer, 'carrier.handed_out', { carrierId: 'c2', reader: '赵读者' }, at(1.5))
    const before = fold([...HISTORY, concurrent])
    const anomaly = before.anomalies.find((a) => a.carrierId === 'c2')
    expect(anomaly).toBeDefined()
    const resolved = sign(
      officer,
      'anomaly.resolved',
      { anomalyId: anomaly?.id ?? '', note: '赵读者所借为误录' },
      at(6.5),
    )
    const events = [...HISTORY, concurrent, resolved]
    const state = fold(events)
    const c2 = carrierHistory(events, 'c2', state, DIRECTORY)
    const last = c2[c2.length - 1]
    expect(last?.eventId).toBe(resolved.id)
    expect(last?.label.zh).toBe('异常处理')
    expect(last?.detail.zh).toBe('同时分发给两人')
    expect(JSON.stringify(last)).not.toContain('误录')
    expect(carrierHistory(events, 'c1', state, DIRECTORY).some((e) => e.eventId === resolved.id)).toBe(false)
  })

  it('C-06 follows a loan to its return, which names the loan and not the carrier', () => {
    // rule B-04: the leader who approves holds the post in the organisation register.
    const post = sign(
      officer,
      'organisation.post_assigned',
      { post: 'responsible_leader', userId: 'leader1' },
      at(-1),
    )
    const backC2 = sign(officer, 'carrier.taken_back', { carrierId: 'c2', handOutId: handOutC2.id }, at(6.4))
    const approved = sign(
      leader,
      'movement.loan_out_approved',
      { carrierIds: ['c2'], borrower: '县委办公室' },
      at(6.5),
    )
    const loaned = sign(
      officer,
      'movement.loaned_out',
      {
        loanId: 'loan-1',
        carrierIds: ['c2'],
        borrower: '县委办公室',
        borrowerKind: 'unit',
        borrowerApprover: '张主任',
        borrowerApprovalRef: '县委办借〔2026〕2号',
        approvalId: approved.id,
        dueAt: at(30),
      },
      at(6.6),
    )
    const returned = sign(
      officer,
      'movement.loan_returned',
      { loanId: 'loan-1', returnedIds: ['c2'], damagedIds: [] },
      at(24),
    )
    const events = [post, ...HISTORY, backC2, approved, loaned, returned]
    const state = fold(events)
    expect(state.refused.map((r) => r.eventId)).toEqual([takeBackTwice.id])
    const entries = carrierHistory(events, 'c2', state, DIRECTORY).slice(-3)
    expect(entries.map((e) => [e.label.zh, e.detail.zh])).toEqual([
      ['审批借出', '借给 县委办公室'],
      ['借出', '借给 县委办公室，应还 2026-03-05 16:00'],
      ['归还', '已归还'],
    ])
    expect(carrierHistory(events, 'c1', state, DIRECTORY).some((e) => e.type.startsWith('movement.'))).toBe(
      false,
    )
  })

  it('falls back to the type for an event type it has no label for', () => {
    const odd = sign(officer, 'future.carrier_noted', { carrierId: 'c1' }, at(9))
    const events = [...HISTORY, odd]
    const entries = carrierHistory(events, 'c1', fold(events), DIRECTORY)
    const last = entries[entries.length - 1]
    expect(last?.label).toEqual({ zh: 'future.carrier_noted', en: 'future.carrier_noted' })
    expect(last?.detail).toEqual({ zh: '', en: '' })
    expect(last?.refused?.code).toBe('unknown_type')
  })
})
