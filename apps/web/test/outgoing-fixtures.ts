import {
  DEFAULT_CALENDAR,
  DEFAULT_UNIT_POLICY,
  type EventEnvelope,
  type FoldContext,
  foldUnitRegister,
  type RegisterState,
} from '@secledger/domain'
import type { FormValues } from '@secledger/ui/logic'
import { expect } from 'vitest'
import { EMPTY_OUTGOING_FILTER, outgoingRows } from '../src/register/outgoing/outgoing-rows.ts'
import {
  type OutgoingContext,
  type OutgoingStep,
  outgoingStepsFor,
} from '../src/register/workflows/outgoing.ts'
import { approveOutgoing, issueOutgoing } from '../src/register/workflows/outgoing-issue.ts'
import { printOutgoing } from '../src/register/workflows/outgoing-print.ts'
import { startValues, workflowForm } from '../src/register/workflows/workflow-form.ts'
import { directoryOf, makeUser, type TestUser, UNIT } from './fixtures.ts'
import { dryRunAs, signAs } from './signed-events.ts'

/**
 * Signed events of a township for the outgoing register's tests (rules C-09, C-14, C-15, C-20): the
 * main leader's post, a classified computer with its user's book, two received 绝密 copies (c1, c2),
 * and the steps taken through their forms as the dialog takes them.
 */

export const officer = makeUser('officer1', ['officer'])
export const leader = makeUser('leader1', ['leader'])
export const DIRECTORY = directoryOf(officer, leader)
export const CTX: FoldContext = {
  unit: UNIT,
  directory: DIRECTORY,
  calendar: DEFAULT_CALENDAR,
  policy: DEFAULT_UNIT_POLICY,
}
export const HOUR = 3_600_000
/** Monday 29 December 2025, 10:00 Asia/Shanghai: the document's year. */
export const DEC_29 = Date.UTC(2025, 11, 29, 2, 0)
/** Monday 5 January 2026, 10:00: the first quarter of the next year, when it is reconciled (C-09). */
export const JAN_5 = Date.UTC(2026, 0, 5, 2, 0)

/** The main leader's post (B-04), a classified computer with its user's book (M-01, B-05), two received copies. */
export const setup = [
  signAs(
    leader,
    'organisation.post_assigned',
    { post: 'first_responsible', userId: leader.id },
    DEC_29 - 2 * HOUR,
  ),
  signAs(leader, 'device.user_book_signed', { bookId: 'book1', user: officer.id }, DEC_29 - 2 * HOUR),
  signAs(
    officer,
    'device.registered',
    {
      deviceId: 'pc1',
      number: '涉密计算机 JSJ-01',
      kind: 'computer',
      classified: true,
      level: 'top_secret',
      responsible: officer.id,
    },
    DEC_29 - HOUR,
  ),
  signAs(
    officer,
    'carrier.registered',
    {
      kind: 'paper',
      direction: 'received',
      issuer: '县委办公室',
      docNumber: '县委办〔2025〕9号',
      title: '关于＊＊＊',
      level: 'top_secret',
      periodYears: null,
      scope: '镇领导班子',
      serial: '2025-0001',
      receivedOn: '2025-12-29',
      copies: [
        { id: 'c1', copyNumber: 1 },
        { id: 'c2', copyNumber: 2 },
      ],
    },
    DEC_29 - HOUR,
  ),
]

export type Target = { row?: 'first' | null; meeting?: boolean; anomaly?: boolean }

export function contextFor(
  state: RegisterState,
  user: TestUser,
  now: number,
  target: Target = {},
): OutgoingContext {
  const rows = outgoingRows(state, EMPTY_OUTGOING_FILTER, now)
  return {
    row: target.row === 'first' ? (rows[0] ?? null) : null,
    meeting: target.meeting ? ([...state.registers.outgoing.meetings.values()][0] ?? null) : null,
    anomaly: target.anomaly ? ([...state.registers.outgoing.anomalies.values()][0] ?? null) : null,
    state,
    directory: DIRECTORY,
    userId: user.id,
    isOfficer: user === officer,
    isLeader: user === leader,
    now,
  }
}

export function formOf(
  events: readonly EventEnvelope[],
  step: OutgoingStep,
  user: TestUser,
  now: number,
  typed: FormValues,
  target: Target,
) {
  const state = foldUnitRegister(events, CTX)
  const ctx = contextFor(state, user, now, target)
  const values = { ...startValues(step, ctx), ...typed }
  return workflowForm(step, ctx, values, checkAs(state, user, step.type, now), 'zh-CN')
}

/** Fills a step's form as a user would, checks it is clean, and signs the event it builds. */
export function take(
  events: EventEnvelope[],
  step: OutgoingStep,
  user: TestUser,
  now: number,
  typed: FormValues,
  target: Target = { row: 'first' },
) {
  const form = formOf(events, step, user, now, typed, target)
  expect(form.fieldErrors).toEqual({})
  expect(form.refusal).toBeNull()
  events.push(signAs(user, step.type, form.payload, now))
  return form.payload
}

export const ids = (list: readonly OutgoingStep[], ctx: OutgoingContext) =>
  outgoingStepsFor(list, ctx).map((s) => s.id)

/** Signed out for 3 copies to two recipients (the second local), registered, printed 4 with 1 spoiled. */
export function printed(): EventEnvelope[] {
  const events = [...setup]
  take(
    events,
    approveOutgoing,
    leader,
    DEC_29,
    {
      copies: 3,
      recipients: [
        { unitName: '县委办公室', local: false },
        { unitName: '邻镇党政办', local: true },
      ],
    },
    { row: null },
  )
  take(events, issueOutgoing, officer, DEC_29 + HOUR, {
    docNumber: '城关发〔2025〕8号',
    level: 'secret',
    periodYears: 10,
  })
  take(events, printOutgoing, officer, DEC_29 + 2 * HOUR, {
    printedCount: 4,
    spoiledCount: 1,
    material: [{ kind: 'proof', count: 2 }],
  })
  return events
}

/** The writer's dry run, as the dialog calls it. */
export function checkAs(state: RegisterState, user: TestUser, type: string, now: number) {
  return dryRunAs(state, CTX, user, type, now)
}

/** Signed as the given member, as the tests' steps are. */
export const sign = signAs
