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
import { carrierRows, EMPTY_FILTER } from '../src/register/carrier-rows.ts'
import { approveWithdrawal, withdraw } from '../src/register/workflows/archive.ts'
import { approveDestructionList, archiveBatch, destroyList } from '../src/register/workflows/batch.ts'
import { approveElectronicUse, registerElectronicUse } from '../src/register/workflows/electronic.ts'
import { batchWorkflowsFor, workflowsFor } from '../src/register/workflows/index.ts'
import { approveLoan, lendOut, returnLoan } from '../src/register/workflows/loan.ts'
import { anomalyCarriers, resolveMovementAnomaly } from '../src/register/workflows/movement-anomaly.ts'
import { approveCarryOut, carryOut } from '../src/register/workflows/trip.ts'
import { type Workflow, type WorkflowContext, whereabouts } from '../src/register/workflows/workflow.ts'
import { startValues, workflowForm } from '../src/register/workflows/workflow-form.ts'
import { directoryOf, makeUser, type TestUser, UNIT, WORKDAY_10AM } from './fixtures.ts'
import { dryRunAs, signAs } from './signed-events.ts'

const officer = makeUser('officer1', ['officer'])
const leader = makeUser('leader1', ['leader'])
const DIRECTORY = directoryOf(officer, leader)
const CTX: FoldContext = {
  unit: UNIT,
  directory: DIRECTORY,
  calendar: DEFAULT_CALENDAR,
  policy: DEFAULT_UNIT_POLICY,
}
const HOUR = 3_600_000
const DAY = 24 * HOUR

/** The writer's dry run, as the dialog calls it. */
const checkAs = (state: RegisterState, user: TestUser, type: string, now: number) =>
  dryRunAs(state, CTX, user, type, now)

const setup = [
  signAs(
    leader,
    'organisation.post_assigned',
    { post: 'first_responsible', userId: leader.id },
    WORKDAY_10AM - HOUR,
  ),
  signAs(
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
    WORKDAY_10AM,
  ),
]

function contextFor(state: RegisterState, user: TestUser, now: number): WorkflowContext {
  const row = carrierRows(state, EMPTY_FILTER, now).flatMap((r) => r.children ?? [r])[0]
  if (!row) throw new Error('no row')
  return {
    row,
    rows: [row],
    state,
    directory: DIRECTORY,
    userId: user.id,
    isOfficer: user === officer,
    isLeader: user === leader,
    now,
  }
}

/** Both copies ticked in the list. */
function batchFor(state: RegisterState, user: TestUser, now: number): WorkflowContext {
  const rows = carrierRows(state, EMPTY_FILTER, now).flatMap((r) => r.children ?? [r])
  return { ...contextFor(state, user, now), rows }
}

/** Fills a step's form as a user would, checks it is clean, and signs the event it builds. */
function take(
  events: EventEnvelope[],
  step: Workflow,
  user: TestUser,
  now: number,
  typed: FormValues,
): EventEnvelope {
  const state = foldUnitRegister(events, CTX)
  const ctx = step.batch ? batchFor(state, user, now) : contextFor(state, user, now)
  expect((step.batch ? batchWorkflowsFor(ctx) : workflowsFor(ctx)).map((w) => w.id)).toContain(step.id)
  const values = { ...startValues(step, ctx), ...typed }
  const form = workflowForm(step, ctx, values, checkAs(state, user, step.type, now), 'zh-CN')
  expect(form.fieldErrors).toEqual({})
  expect(form.refusal).toBeNull()
  return signAs(user, step.type, form.payload, now)
}

describe('carrier workflows configured on the domain’s schemas (issue 12)', () => {
  it('C-06: a loan approved, lent against the approval, shown away, and returned', () => {
    const events = [...setup]
    events.push(take(events, approveLoan, leader, WORKDAY_10AM + HOUR, { borrower: '县档案馆' }))
    const lent = take(events, lendOut, officer, WORKDAY_10AM + 2 * HOUR, {
      borrowerKind: 'unit',
      borrowerApprover: '张馆长',
      borrowerApprovalRef: '档借〔2026〕1号',
      dueAt: WORKDAY_10AM + 7 * DAY,
    })
    // the borrower comes from the approval; the loan names the approval and this carrier
    expect(lent.payload).toMatchObject({ borrower: '县档案馆', carrierIds: ['c1'] })
    events.push(lent)
    const away = foldUnitRegister(events, CTX)
    expect(away.registers.movement.carriersAway.get('c1')).toMatchObject({ rule: 'C-06', holder: '县档案馆' })
    // away on loan: no hand-out, no second loan; the return is offered
    const steps = workflowsFor(contextFor(away, officer, WORKDAY_10AM + 3 * HOUR)).map((w) => w.id)
    expect(steps).toEqual(['loan-return', 'loan-extend'])
    events.push(take(events, returnLoan, officer, WORKDAY_10AM + 3 * DAY, {}))
    expect(foldUnitRegister(events, CTX).registers.movement.carriersAway.has('c1')).toBe(false)
  })

  it('C-06: without an approval the loan is refused by the rule, not written', () => {
    const state = foldUnitRegister(setup, CTX)
    const ctx = contextFor(state, officer, WORKDAY_10AM + HOUR)
    const values = {
      ...startValues(lendOut, ctx),
      approvalId: 'no-such-approval',
      borrower: '县档案馆',
      borrowerKind: 'unit',
      borrowerApprover: '张馆长',
      borrowerApprovalRef: '档借〔2026〕1号',
      dueAt: WORKDAY_10AM + 7 * DAY,
    }
    const form = workflowForm(
      lendOut,
      ctx,
      values,
      checkAs(state, officer, lendOut.type, WORKDAY_10AM + HOUR),
      'zh-CN',
    )
    expect(form.refusal?.code).toBe('C-06')
  })

  it('errors beside the fields the officer fills, in Chinese, before any rule is asked', () => {
    const state = foldUnitRegister(setup, CTX)
    const ctx = contextFor(state, officer, WORKDAY_10AM + HOUR)
    let asked = false
    const form = workflowForm(
      lendOut,
      ctx,
      startValues(lendOut, ctx),
      () => {
        asked = true
        return null
      },
      'zh-CN',
    )
    expect(asked).toBe(false)
    expect(form.fieldErrors).toMatchObject({
      borrower: '请填写借阅方',
      borrowerKind: '请选择借阅方类别',
      dueAt: '请填写归还期限',
    })
  })

  it('C-08: a carry-out approved and registered with its bearers; a leader is offered approvals only', () => {
    const events = [...setup]
    const leaderSteps = workflowsFor(contextFor(foldUnitRegister(events, CTX), leader, WORKDAY_10AM)).map(
      (w) => w.id,
    )
    expect(leaderSteps).toEqual(['loan-approve', 'trip-approve'])
    events.push(take(events, approveCarryOut, leader, WORKDAY_10AM + HOUR, {}))
    events.push(
      take(events, carryOut, officer, WORKDAY_10AM + 2 * HOUR, {
        bearers: ['王保密', '李干事'],
        destination: '县保密局',
        plannedReturnAt: WORKDAY_10AM + 6 * HOUR,
      }),
    )
    const state = foldUnitRegister(events, CTX)
    expect(state.registers.movement.carriersAway.get('c1')).toMatchObject({ rule: 'C-08' })
    expect(workflowsFor(contextFor(state, officer, WORKDAY_10AM + 3 * HOUR)).map((w) => w.id)).toEqual([
      'trip-return',
    ])
  })

  it('C-11: a destruction list of both copies, approved by the leader, sent to central destruction', () => {
    const events = [...setup]
    events.push(take(events, approveDestructionList, leader, WORKDAY_10AM + HOUR, { note: '同意' }))
    // in-house destruction is refused unless the county allows it (the rule's message, before signing)
    const before = foldUnitRegister(events, CTX)
    const ctx = batchFor(before, officer, WORKDAY_10AM + 2 * HOUR)
    const inHouse = {
      ...startValues(destroyList, ctx),
      method: 'in_house',
      destroyer: '王保密',
      supervisors: ['李干事', '赵干事'],
    }
    const refused = workflowForm(
      destroyList,
      ctx,
      inHouse,
      checkAs(before, officer, destroyList.type, WORKDAY_10AM + 2 * HOUR),
      'zh-CN',
    )
    expect(refused.refusal?.message.zh).toContain('不得自行销毁')
    const destroyed = take(events, destroyList, officer, WORKDAY_10AM + 2 * HOUR, {
      method: 'central',
      receiptNumber: '县保密局销〔2026〕12号',
    })
    expect(destroyed.payload).toMatchObject({ carrierIds: ['c1', 'c2'], method: 'central' })
    events.push(destroyed)
    const state = foldUnitRegister(events, CTX)
    expect([...state.carriers.values()].map((c) => c.state)).toEqual(['destroyed', 'destroyed'])
    // nothing left to do with destroyed copies
    expect(batchWorkflowsFor(batchFor(state, officer, WORKDAY_10AM + 3 * HOUR))).toEqual([])
  })

  it('C-11: without an approval covering every ticked copy the list is refused by the rule', () => {
    const events = [...setup]
    events.push(take(events, approveDestructionList, leader, WORKDAY_10AM + HOUR, {}))
    const state = foldUnitRegister(events, CTX)
    const ctx = batchFor(state, officer, WORKDAY_10AM + 2 * HOUR)
    const values = {
      ...startValues(destroyList, ctx),
      approvalId: '',
      method: 'central',
      receiptNumber: '县保密局销〔2026〕1号',
    }
    const form = workflowForm(
      destroyList,
      ctx,
      values,
      checkAs(state, officer, destroyList.type, WORKDAY_10AM + 2 * HOUR),
      'zh-CN',
    )
    expect(form.fieldErrors).toEqual({ approvalId: '请选择领导审批' })
  })

  it('C-10: both copies archived under one 案卷号, shown in the archive, taken out again on a leader’s approval', () => {
    const events = [...setup]
    events.push(take(events, archiveBatch, officer, WORKDAY_10AM + HOUR, { archiveRef: '2026-永久-001' }))
    let state = foldUnitRegister(events, CTX)
    expect(whereabouts(state, 'c2')).toEqual({ rule: 'C-10', holder: '2026-永久-001' })
    // archived: no hand-out, loan or trip is offered; 出档 is
    expect(workflowsFor(contextFor(state, officer, WORKDAY_10AM + 2 * HOUR)).map((w) => w.id)).toEqual([
      'withdraw',
    ])
    events.push(
      take(events, approveWithdrawal, leader, WORKDAY_10AM + 2 * HOUR, {
        requester: '党政办',
        reason: '上级检查调阅',
      }),
    )
    events.push(take(events, withdraw, officer, WORKDAY_10AM + 3 * HOUR, {}))
    state = foldUnitRegister(events, CTX)
    expect(whereabouts(state, 'c1')).toBeNull()
    expect(whereabouts(state, 'c2')).not.toBeNull()
  })

  it('C-16: the leader approves who may copy an electronic file, chosen from the unit; the officer registers the use', () => {
    const electronic = signAs(
      officer,
      'carrier.registered',
      {
        kind: 'electronic',
        direction: 'produced',
        issuer: '本镇党政办',
        docNumber: '',
        title: '工作计划',
        level: 'internal',
        periodYears: null,
        scope: '机关全体',
        serial: '2026-0002',
        receivedOn: '2026-03-04',
        copies: [{ id: 'e1', copyNumber: null }],
      },
      WORKDAY_10AM,
    )
    const events = [setup[0] as EventEnvelope, electronic]
    const state = foldUnitRegister(events, CTX)
    const ctx = contextFor(state, leader, WORKDAY_10AM + HOUR)
    const people = approveElectronicUse.fields(ctx).user?.options?.map((o) => o.value)
    expect(people).toEqual(['officer1', 'leader1'])
    events.push(
      take(events, approveElectronicUse, leader, WORKDAY_10AM + HOUR, { action: 'copy', user: 'officer1' }),
    )
    const used = take(events, registerElectronicUse, officer, WORKDAY_10AM + 2 * HOUR, { userSigned: true })
    // the use registered is the approved one: its action and user come from the approval
    expect(used.payload).toMatchObject({
      carrierId: 'e1',
      action: 'copy',
      user: 'officer1',
      userSigned: true,
    })
    events.push(used)
    expect(foldUnitRegister(events, CTX).registers.movement.electronicUses).toHaveLength(1)
  })

  it('C-06: a loan back without one copy opens a gap; the officer resolves it, recovered, with a note', () => {
    const events = [...setup]
    events.push(take(events, approveLoan, leader, WORKDAY_10AM + HOUR, { borrower: '县档案馆' }))
    events.push(
      take(events, lendOut, officer, WORKDAY_10AM + 2 * HOUR, {
        borrowerKind: 'unit',
        borrowerApprover: '张馆长',
        borrowerApprovalRef: '档借〔2026〕1号',
        dueAt: WORKDAY_10AM + 7 * DAY,
      }),
    )
    // the return check: nothing ticked as returned
    events.push(take(events, returnLoan, officer, WORKDAY_10AM + 3 * DAY, { returnedIds: [] }))
    let state = foldUnitRegister(events, CTX)
    const [gap] = [...state.registers.movement.anomalies.values()].filter((a) => a.resolvedAt === null)
    if (!gap) throw new Error('no gap opened')
    const ctx = { anomaly: gap, state, isOfficer: true }
    expect(anomalyCarriers(ctx)).toBe('2026-0001 第 1 份')
    const now = WORKDAY_10AM + 4 * DAY
    const values = { note: '借阅方已送回，清点无误', recovered: true }
    const form = workflowForm(
      resolveMovementAnomaly,
      ctx,
      values,
      checkAs(state, officer, resolveMovementAnomaly.type, now),
      'zh-CN',
    )
    expect(form.fieldErrors).toEqual({})
    expect(form.refusal).toBeNull()
    events.push(signAs(officer, resolveMovementAnomaly.type, form.payload, now))
    state = foldUnitRegister(events, CTX)
    expect(state.registers.movement.anomalies.get(gap.id)?.resolvedAt).not.toBeNull()
    // a leader does not resolve gaps
    expect(resolveMovementAnomaly.available({ ...ctx, isOfficer: false })).toBe(false)
  })
})
