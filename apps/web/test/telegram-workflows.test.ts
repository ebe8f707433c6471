import {
  DEFAULT_CALENDAR,
  DEFAULT_UNIT_POLICY,
  type EventEnvelope,
  type FoldContext,
  foldUnitRegister,
  type RegisterState,
} from '@secledger/domain'
import type { FormValues } from '@secledger/ui/logic'
import { describe, expect, it } from 'vitest'
import type { PageBase } from '../src/register/page-config.ts'
import { telegramPage } from '../src/register/telegram/telegram-page.ts'
import {
  filterTelegramRows,
  nextTelegramSerial,
  telegramRows,
} from '../src/register/telegram/telegram-rows.ts'
import {
  acknowledgeTelegram,
  copyTelegram,
  designateHead,
  handleTelegram,
  headPresent,
  receiveTelegram,
  replyTelegram,
  reportToHead,
  type TelegramContext,
  type TelegramStep,
} from '../src/register/workflows/telegram.ts'
import { startValues, workflowForm } from '../src/register/workflows/workflow-form.ts'
import { directoryOf, makeUser, type TestUser, UNIT, WORKDAY_10AM } from './fixtures.ts'
import { dryRunAs, signAs } from './signed-events.ts'

const officer = makeUser('officer1', ['officer'])
const leader = makeUser('leader1', ['leader'])
const head = makeUser('head1', ['officer'])
const CTX: FoldContext = {
  unit: UNIT,
  directory: directoryOf(officer, leader, head),
  calendar: DEFAULT_CALENDAR,
  policy: DEFAULT_UNIT_POLICY,
}
const MIN = 60_000

function base(state: RegisterState, user: TestUser, now: number): PageBase {
  return {
    state,
    directory: CTX.directory,
    userId: user.id,
    isOfficer: user.entry.roles.includes('officer'),
    isLeader: user.entry.roles.includes('leader'),
    now,
  }
}

function contextOf(
  events: readonly EventEnvelope[],
  user: TestUser,
  now: number,
  rowId: string | null = null,
): TelegramContext {
  const state = foldUnitRegister(events, CTX)
  const b = base(state, user, now)
  const row = rowId === null ? null : (telegramRows(state, now).find((r) => r.id === rowId) ?? null)
  return telegramPage.context(b, row)
}

function formOf(step: TelegramStep, ctx: TelegramContext, user: TestUser, now: number, typed: FormValues) {
  return workflowForm(
    step,
    ctx,
    { ...startValues(step, ctx), ...typed },
    dryRunAs(ctx.state, CTX, user, step.type, now),
    'zh-CN',
  )
}

/** Fills a step as `user` would, checks the domain takes it, and signs what it builds. */
function take(
  events: readonly EventEnvelope[],
  step: TelegramStep,
  user: TestUser,
  now: number,
  typed: FormValues = {},
  rowId: string | null = null,
): EventEnvelope {
  const ctx = contextOf(events, user, now, rowId)
  expect(step.available(ctx)).toBe(true)
  const form = formOf(step, ctx, user, now, typed)
  expect(form.fieldErrors).toEqual({})
  expect(form.refusal).toBeNull()
  return signAs(user, step.type, form.payload, now)
}

const T0 = WORKDAY_10AM
const received: FormValues = {
  fromUnit: '县委办公室',
  docNumber: '县机〔2026〕18号',
  level: 'secret',
  precedence: 'very_urgent',
  important: false,
  earlyWarning: true,
}

describe('the telegram register through its configured steps (rules E-01..E-06)', () => {
  it('E-02, E-01, E-03, E-06: registered with the next serial, receipt, report, presence, closed', () => {
    const events: EventEnvelope[] = [take([], designateHead, leader, T0, { userId: 'head1' })]
    const reg = take(events, receiveTelegram, officer, T0 + MIN, received)
    expect(reg.payload).toMatchObject({
      serial: `${new Date(T0).getUTCFullYear()}-0001`,
      receivedAt: T0 + MIN,
    })
    events.push(reg)
    const id = (reg.payload as { telegramId: string }).telegramId
    let rows = telegramRows(foldUnitRegister(events, CTX), T0 + 2 * MIN)
    expect(rows[0]).toMatchObject({ id, state: 'open', overdue: false, next: { kind: 'acknowledgement' } })

    // closing before the receipt is refused with the rule's message
    const early = formOf(
      handleTelegram,
      contextOf(events, officer, T0 + 2 * MIN, id),
      officer,
      T0 + 2 * MIN,
      {},
    )
    expect(early.refusal?.code).toBe('E-01')
    expect(early.refusal?.message.zh).toContain('未登记回单')

    events.push(take(events, acknowledgeTelegram, officer, T0 + 5 * MIN, {}, id))
    expect(acknowledgeTelegram.available(contextOf(events, officer, T0 + 6 * MIN, id))).toBe(false)
    // the only designated head is chosen already
    const report = take(events, reportToHead, officer, T0 + 6 * MIN, {}, id)
    expect(report.payload).toMatchObject({ telegramId: id, head: 'head1' })
    events.push(report)
    // an early warning closes only with the head's presence, signed by the head
    expect(
      formOf(handleTelegram, contextOf(events, officer, T0 + 7 * MIN, id), officer, T0 + 7 * MIN, {}).refusal
        ?.code,
    ).toBe('E-06')
    const byOfficer = formOf(
      headPresent,
      contextOf(events, officer, T0 + 7 * MIN, id),
      officer,
      T0 + 7 * MIN,
      {},
    )
    expect(byOfficer.refusal?.code).toBe('E-06')
    events.push(take(events, headPresent, head, T0 + 8 * MIN, {}, id))
    events.push(take(events, handleTelegram, officer, T0 + 9 * MIN, {}, id))
    const state = foldUnitRegister(events, CTX)
    expect(state.refused).toEqual([])
    rows = telegramRows(state, T0 + 10 * MIN)
    expect(rows[0]).toMatchObject({ state: 'handled', next: null })
    expect(handleTelegram.available(contextOf(events, officer, T0 + 10 * MIN, id))).toBe(false)
    expect(nextTelegramSerial(state, 'received', T0)).toMatch(/-0002$/)
    expect(nextTelegramSerial(state, 'sent', T0)).toMatch(/-0001$/)
  })

  it('E-04, E-05: a reply goes in cipher only; copying is refused by default', () => {
    const reg = signAs(
      officer,
      'telegram.received',
      { telegramId: 'tg1', serial: '2026-0001', ...received, earlyWarning: false, receivedAt: T0 },
      T0,
    )
    const events = [reg]
    const ctx = contextOf(events, officer, T0 + MIN, 'tg1')
    expect(startValues(replyTelegram, ctx)).toMatchObject({ toUnit: '县委办公室', level: 'secret' })
    const plain = formOf(replyTelegram, ctx, officer, T0 + MIN, {
      docNumber: '复1',
      precedence: 'routine',
      channel: 'phone',
    })
    expect(plain.refusal?.code).toBe('E-04')
    const cipher = take(
      events,
      replyTelegram,
      officer,
      T0 + MIN,
      { docNumber: '复1', precedence: 'routine', channel: 'cipher' },
      'tg1',
    )
    expect(cipher.payload).toMatchObject({ replyTo: 'tg1', channel: 'cipher' })
    const copy = formOf(copyTelegram, ctx, officer, T0 + MIN, { superiorApprovalRef: '县委办批1' })
    expect(copy.refusal?.code).toBe('E-05')
  })

  it('E-01: the row owes its receipt; past 15 minutes it is overdue and found by 只看逾期', () => {
    const events = [
      signAs(
        officer,
        'telegram.received',
        { telegramId: 'tg1', serial: '2026-0001', ...received, receivedAt: T0 },
        T0,
      ),
    ]
    const state = foldUnitRegister(events, CTX)
    expect(filterTelegramRows(telegramRows(state, T0 + 10 * MIN), { overdueOnly: true })).toEqual([])
    const late = filterTelegramRows(telegramRows(state, T0 + 16 * MIN), { overdueOnly: true })
    expect(late.map((r) => [r.id, r.next?.kind])).toEqual([['tg1', 'acknowledgement']])
    expect(filterTelegramRows(telegramRows(state, T0), { keyword: '县委' })).toHaveLength(1)
    expect(filterTelegramRows(telegramRows(state, T0), { direction: 'sent' })).toHaveLength(0)
  })
})
