import {
  carrierHoldings,
  DEFAULT_CALENDAR,
  DEFAULT_UNIT_POLICY,
  type EventEnvelope,
  type FoldContext,
  foldUnitRegister,
  type RegisterState,
  unitClosureStatus,
} from '@secledger/domain'
import type { FormValues } from '@secledger/ui/logic'
import { describe, expect, it } from 'vitest'
import { holderOptions, holdingRows } from '../src/register/handover/holding-rows.ts'
import { canHandOver, leftRows } from '../src/register/handover/left-rows.ts'
import {
  type ClosureContext,
  type ClosureStep,
  closeUnit,
  declareClosure,
  handOverBatch,
} from '../src/register/workflows/handover.ts'
import { startValues, workflowForm } from '../src/register/workflows/workflow-form.ts'
import { directoryOf, makeUser, type TestUser, UNIT, WORKDAY_10AM } from './fixtures.ts'
import { dryRunAs, registeredAs, signAs } from './signed-events.ts'

const officer = makeUser('officer1', ['officer'])
const leader = makeUser('leader1', ['leader'])
const CTX: FoldContext = {
  unit: UNIT,
  directory: directoryOf(officer, leader),
  calendar: DEFAULT_CALENDAR,
  policy: DEFAULT_UNIT_POLICY,
}
const MIN = 60_000

const registered = (serial: string, ids: readonly string[], atMs: number) =>
  registeredAs(officer, serial, ids, atMs)

const setup = [
  registered('2026-0001', ['c1', 'c2'], WORKDAY_10AM),
  registered('2026-0002', ['c3'], WORKDAY_10AM),
]

function contextOf(state: RegisterState, user: TestUser, rowIds: readonly string[] = []): ClosureContext {
  const status = unitClosureStatus(state)
  return {
    state,
    status,
    rows: leftRows(state, status.left).filter((r) => rowIds.includes(r.id)),
    isOfficer: user === officer,
    isLeader: user === leader,
  }
}

/** Fills a step's form as `user` would, checks the domain accepts it, and signs the event it builds. */
function take(
  events: readonly EventEnvelope[],
  step: ClosureStep,
  user: TestUser,
  now: number,
  typed: FormValues = {},
  rowIds: readonly string[] = [],
): EventEnvelope {
  const state = foldUnitRegister(events, CTX)
  const ctx = contextOf(state, user, rowIds)
  expect(step.available(ctx)).toBe(true)
  const form = workflowForm(
    step,
    ctx,
    { ...startValues(step, ctx), ...typed },
    dryRunAs(state, CTX, user, step.type, now),
    'zh-CN',
  )
  expect(form.fieldErrors).toEqual({})
  expect(form.refusal).toBeNull()
  return signAs(user, step.type, form.payload, now)
}

describe('closing the unit through its configured steps (rule C-17)', () => {
  it('C-17: the leader declares, the officer hands over in batches against receipts, the leader closes', () => {
    const events = [...setup]
    let state = foldUnitRegister(events, CTX)
    // only a leader declares; nothing to hand over or close before
    expect(declareClosure.available(contextOf(state, officer))).toBe(false)
    expect(handOverBatch.available(contextOf(state, officer, ['c1']))).toBe(false)
    events.push(
      take(events, declareClosure, leader, WORKDAY_10AM + MIN, {
        kind: 'merged',
        decisionRef: '县委〔2026〕9号',
        receivingUnits: ['城关镇'],
      }),
    )
    state = foldUnitRegister(events, CTX)
    expect(declareClosure.available(contextOf(state, leader))).toBe(false)
    expect(leftRows(state, unitClosureStatus(state).left).map((r) => r.id)).toEqual(['c1', 'c2', 'c3'])

    // the single receiving unit is chosen already; the carriers are the ticked rows
    const first = take(
      events,
      handOverBatch,
      officer,
      WORKDAY_10AM + 2 * MIN,
      { receiptRef: '签收〔2026〕1号' },
      ['c1', 'c2'],
    )
    expect(first.payload).toMatchObject({
      receivingUnit: '城关镇',
      carrierIds: ['c1', 'c2'],
      registers: false,
    })
    events.push(first)
    state = foldUnitRegister(events, CTX)
    expect(closeUnit.available(contextOf(state, leader))).toBe(false)

    events.push(
      take(
        events,
        handOverBatch,
        officer,
        WORKDAY_10AM + 3 * MIN,
        { receiptRef: '签收〔2026〕2号', registers: true },
        ['c3'],
      ),
    )
    state = foldUnitRegister(events, CTX)
    expect(unitClosureStatus(state).canClose).toBe(true)
    // the officer records, the leader closes
    expect(closeUnit.available(contextOf(state, officer))).toBe(false)
    events.push(take(events, closeUnit, leader, WORKDAY_10AM + 4 * MIN))
    state = foldUnitRegister(events, CTX)
    expect(state.refused).toEqual([])
    expect(state.registers.custody.closure?.closedAt).toBe(WORKDAY_10AM + 4 * MIN)
    expect(handOverBatch.available(contextOf(state, officer))).toBe(false)
  })

  it('C-17: a carrier handed out is listed as left but cannot be ticked; the domain refuses it in a batch', () => {
    const out = signAs(officer, 'carrier.handed_out', { carrierId: 'c1', reader: '刘' }, WORKDAY_10AM + MIN)
    const declared = signAs(
      leader,
      'custody.unit_closure_declared',
      {
        closureId: 'K1',
        kind: 'abolished',
        decisionRef: '县委〔2026〕9号',
        receivingUnits: ['城关镇', '县委办'],
      },
      WORKDAY_10AM + 2 * MIN,
    )
    const events = [...setup, out, declared]
    const state = foldUnitRegister(events, CTX)
    const rows = leftRows(state, unitClosureStatus(state).left)
    expect(rows.map((r) => [r.id, r.reason, canHandOver(r)])).toEqual([
      ['c1', 'held_by_reader', false],
      ['c2', 'in_custody', true],
      ['c3', 'in_custody', true],
    ])
    const ctx = contextOf(state, officer, ['c1'])
    // two receiving units: the officer chooses; a unit not in the decision is not offered
    expect(startValues(handOverBatch, ctx).receivingUnit).toBe('')
    const form = workflowForm(
      handOverBatch,
      ctx,
      { ...startValues(handOverBatch, ctx), receivingUnit: '县委办', receiptRef: '签收1' },
      dryRunAs(state, CTX, officer, handOverBatch.type, WORKDAY_10AM + 3 * MIN),
      'zh-CN',
    )
    expect(form.refusal?.code).toBe('C-17')
  })
})

describe('who holds what before leaving a post (rule C-12)', () => {
  it('C-12: holdings are grouped by person: a hand-out to a user by name joins that user', () => {
    const base = makeUser('staff1', ['staff'])
    const clerk = { ...base, entry: { ...base.entry, displayName: '张三' } }
    const directory = directoryOf(officer, leader, clerk)
    const name = '张三'
    const events = [
      ...setup,
      signAs(officer, 'carrier.handed_out', { carrierId: 'c1', reader: 'staff1' }, WORKDAY_10AM + MIN),
      signAs(officer, 'carrier.handed_out', { carrierId: 'c2', reader: name }, WORKDAY_10AM + 2 * MIN),
      signAs(officer, 'carrier.handed_out', { carrierId: 'c3', reader: '来访的刘' }, WORKDAY_10AM + 3 * MIN),
    ]
    const state = foldUnitRegister(events, CTX)
    const rows = holdingRows(state, carrierHoldings(state), directory)
    expect(rows.map((r) => [r.carrierId, r.personKey, r.rule])).toEqual(
      expect.arrayContaining([
        ['c1', 'staff1', 'C-04'],
        ['c2', 'staff1', 'C-04'],
        ['c3', '来访的刘', 'C-04'],
      ]),
    )
    expect(rows.every((r) => r.handOutId !== null)).toBe(true)
    expect(rows.find((r) => r.carrierId === 'c2')?.personName).toBe('张三')
    expect(holderOptions(rows).map((o) => [o.key, o.count])).toEqual(
      expect.arrayContaining([
        ['staff1', 2],
        ['来访的刘', 1],
      ]),
    )
    expect(holderOptions(rows)).toHaveLength(2)
  })
})
