import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR, deadlineEstimated, ESTIMATED_DEADLINE_NOTE } from '../../src/core/work-calendar.ts'
import { nextSerial } from '../../src/registers/carrier/queries.ts'
import { majorHolidays } from '../../src/registers/inspection/holidays.ts'
import { unitDueSoon, unitOverdue } from '../../src/unit/agenda.ts'
import { checkEvent } from '../../src/unit/check-event.ts'
import {
  draftOf,
  fold,
  local,
  makeContext,
  refusal,
  refusedCodes,
  registration,
  signed,
} from '../support/fixtures.ts'

/**
 * Issue 10: DEFAULT_CALENDAR has holiday data for 2025–2026 only. From 1 January 2027 work must go on:
 * working days fall back to the ordinary week and each such deadline is marked estimated.
 */

const ctx = makeContext() // DEFAULT_CALENDAR: no 2027 schedule
const MONDAY_2027 = local('2027-01-04T09:00')
const reg2027 = registration({
  serial: '2027-0001',
  docNumber: '县委办〔2027〕1号',
  receivedOn: '2027-01-04',
  copies: [{ id: 'c27', copyNumber: 1 }],
})

describe('a year without holiday data does not stop work (issue 10)', () => {
  it('C-01 C-05 on Monday 2027-01-04 a carrier is registered and handed out (checkEvent ok, folded), due 17:30 +08:00, marked estimated', () => {
    expect(nextSerial(fold([], ctx), MONDAY_2027, DEFAULT_CALENDAR)).toBe('2027-0001')
    expect(
      checkEvent(fold([], ctx), draftOf('carrier.registered', reg2027, { at: MONDAY_2027 }), ctx),
    ).toEqual({
      ok: true,
      value: undefined,
    })
    const registered = signed('carrier.registered', reg2027, { at: MONDAY_2027 })
    const handOut = { carrierId: 'c27', reader: '刘' }
    const at = MONDAY_2027 + 60 * 60_000
    const before = fold([registered], ctx)
    expect(checkEvent(before, draftOf('carrier.handed_out', handOut, { at }), ctx).ok).toBe(true)
    const state = fold([registered, signed('carrier.handed_out', handOut, { at })], ctx)
    expect(refusedCodes(state)).toEqual([])
    const holder = state.carriers.get('c27')?.holders[0]
    expect(holder?.dueAt).toBe(Date.parse('2027-01-04T17:30:00+08:00'))
    expect(deadlineEstimated(holder?.handedOutAt ?? 0, holder?.dueAt ?? 0, DEFAULT_CALENDAR)).toBe(true)
    expect(ESTIMATED_DEADLINE_NOTE.zh).toBe('按常规工作日计算，节假日安排未录入')
    // the agenda carries on into the uncovered year: the hand-out is due soon, then overdue
    expect(unitDueSoon(state, at, 9 * 60 * 60_000, ctx).filter((i) => i.rule === 'C-05')).toEqual([
      { register: 'carrier', rule: 'C-05', subject: 'c27', dueAt: holder?.dueAt, since: null },
    ])
    expect(unitOverdue(state, local('2027-01-04T18:00'), ctx).map((i) => [i.rule, i.subject])).toContainEqual(
      ['C-05', 'c27'],
    )
  })

  it('C-05 a hand-out on Saturday 2027-01-09 follows the weekend rule: the officer sets a return time that same day', () => {
    const saturday = local('2027-01-09T10:00')
    const history = [signed('carrier.registered', reg2027, { at: MONDAY_2027 })]
    const unset = { carrierId: 'c27', reader: '刘' }
    expect(
      refusal(checkEvent(fold(history, ctx), draftOf('carrier.handed_out', unset, { at: saturday }), ctx)),
    ).toBe('C-05')
    const set = { ...unset, dueAt: local('2027-01-09T12:00') }
    const tooLate = { ...unset, dueAt: local('2027-01-10T00:00') }
    expect(
      refusal(checkEvent(fold(history, ctx), draftOf('carrier.handed_out', tooLate, { at: saturday }), ctx)),
    ).toBe('C-05')
    const state = fold([...history, signed('carrier.handed_out', set, { at: saturday })], ctx)
    expect(refusedCodes(state)).toEqual([])
    expect(state.carriers.get('c27')?.holders[0]?.dueAt).toBe(local('2027-01-09T12:00'))
  })

  it('C-05 a 2026 hand-out deadline is not estimated', () => {
    const registered = signed('carrier.registered', registration(), { at: local('2026-03-02T08:00') })
    const out = signed(
      'carrier.handed_out',
      { carrierId: 'c1', reader: '刘' },
      { at: local('2026-03-02T09:00') },
    )
    const holder = fold([registered, out], ctx).carriers.get('c1')?.holders[0]
    expect(holder?.dueAt).toBe(local('2026-03-02T17:30'))
    expect(deadlineEstimated(holder?.handedOutAt ?? 0, holder?.dueAt ?? 0, DEFAULT_CALENDAR)).toBe(false)
  })

  it('I-01 the holiday reminders still need the year (CAL-YEAR) and the agenda leaves them out instead of failing', () => {
    const missing = majorHolidays(2027, DEFAULT_CALENDAR)
    expect(missing.ok ? null : missing.error.code).toBe('CAL-YEAR')
    const state = fold([signed('carrier.registered', reg2027, { at: MONDAY_2027 })], ctx)
    const soon = unitDueSoon(state, MONDAY_2027, 366 * 86_400_000, ctx)
    expect(soon.some((i) => i.rule === 'I-01' && i.subject.startsWith('2027-Q'))).toBe(true)
    expect(soon.filter((i) => i.rule === 'I-01' && /^2027-[a-z]/.test(i.subject))).toEqual([])
  })
})
