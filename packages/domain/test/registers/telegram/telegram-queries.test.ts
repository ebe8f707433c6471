import { describe, expect, it } from 'vitest'
import { DEFAULT_TELEGRAM_POLICY } from '../../../src/registers/telegram/policy.ts'
import {
  dueSoon,
  lateTelegramDeadlines,
  overdueTelegrams,
  telegramDeadlines,
} from '../../../src/registers/telegram/queries.ts'
import { eventBuilder, foldTelegrams, receipt, sending } from './telegram-fold.ts'

/** Boundaries and ordering of the deadline queries (rules E-01, E-03). */

const R = Date.UTC(2026, 4, 1, 2, 0)
const MIN = 60_000
const HOUR = 60 * MIN
const ACK = DEFAULT_TELEGRAM_POLICY.acknowledgeWithinMs

describe('telegram deadline list', () => {
  it('rule E-03: a sent telegram has no deadline at all', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([ev('telegram.sent', sending({ precedence: 'flash', sentAt: R }), R)])
    const s1 = fold.state.telegrams.get('s1')
    expect(s1 && telegramDeadlines(s1)).toEqual([])
    expect(dueSoon(fold.state, R, 10 * 24 * HOUR)).toEqual([])
    expect(overdueTelegrams(fold.state, R + 10 * 24 * HOUR)).toEqual([])
  })

  it('rule E-03: the report to the head is never due after the handling deadline', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([ev('telegram.received', receipt({ receivedAt: R, precedence: 'flash' }), R)])
    const t1 = fold.state.telegrams.get('t1')
    if (t1 === undefined) throw new Error('t1 not registered')
    const tight = {
      ...DEFAULT_TELEGRAM_POLICY,
      handleWithinMs: { ...DEFAULT_TELEGRAM_POLICY.handleWithinMs, flash: 10 * MIN },
    }
    expect(telegramDeadlines(t1, tight)).toEqual([
      { rule: 'E-01', kind: 'acknowledgement', dueAt: R + ACK, metAt: null },
      { rule: 'E-03', kind: 'report_to_head', dueAt: R + 10 * MIN, metAt: null },
      { rule: 'E-03', kind: 'handling', dueAt: R + 10 * MIN, metAt: null },
    ])
    expect(telegramDeadlines(t1).map((d) => d.dueAt)).toEqual([R + ACK, R + 30 * MIN, R + 2 * HOUR])
  })

  it('rule E-03: an urgent telegram without important content owes no report to the head', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([ev('telegram.received', receipt({ receivedAt: R, precedence: 'urgent' }), R)])
    const t1 = fold.state.telegrams.get('t1')
    expect(t1 && telegramDeadlines(t1).map((d) => d.kind)).toEqual(['acknowledgement', 'handling'])
  })
})

describe('overdue telegrams', () => {
  it('rule E-01: overdue telegrams are listed by serial whatever the registration order', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.received', receipt({ telegramId: 'a', serial: '2026-0003', receivedAt: R }), R),
      ev('telegram.received', receipt({ telegramId: 'b', serial: '2026-0001', receivedAt: R }), R + 1),
      ev('telegram.received', receipt({ telegramId: 'c', serial: '2026-0002', receivedAt: R }), R + 2),
      ev('telegram.acknowledged', { telegramId: 'c' }, R + MIN),
    ])
    const overdue = overdueTelegrams(fold.state, R + ACK + 1)
    expect(overdue.map((t) => [t.telegramId, t.serial])).toEqual([
      ['b', '2026-0001'],
      ['a', '2026-0003'],
    ])
    expect(overdue[0]?.overdue).toEqual([
      { rule: 'E-01', kind: 'acknowledgement', dueAt: R + ACK, metAt: null },
    ])
  })

  it('rule E-01: a telegram with no deadline past due is left out', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([ev('telegram.received', receipt({ receivedAt: R }), R)])
    expect(overdueTelegrams(fold.state, R + ACK)).toEqual([])
    expect(overdueTelegrams(fold.state, R + ACK + 1).map((t) => t.telegramId)).toEqual(['t1'])
  })
})

describe('deadlines due soon', () => {
  const ev = eventBuilder()
  const fold = foldTelegrams([
    ev('telegram.received', receipt({ telegramId: 'z', serial: '2026-0001', receivedAt: R }), R),
    ev('telegram.received', receipt({ telegramId: 'y', serial: '2026-0002', receivedAt: R }), R),
    ev('telegram.received', receipt({ telegramId: 'x', serial: '2026-0003', receivedAt: R + MIN }), R + MIN),
    ev('telegram.acknowledged', { telegramId: 'x' }, R + 2 * MIN),
  ])

  it('rule E-01: a deadline exactly at now or exactly at the end of the window is due soon', () => {
    expect(dueSoon(fold.state, R + ACK, 0).map((d) => [d.telegramId, d.dueAt])).toEqual([
      ['y', R + ACK],
      ['z', R + ACK],
    ])
    expect(dueSoon(fold.state, R + ACK - MIN, MIN).map((d) => d.telegramId)).toEqual(['y', 'z'])
    expect(dueSoon(fold.state, R + ACK - MIN, MIN - 1)).toEqual([])
    expect(dueSoon(fold.state, R + ACK + 1, MIN)).toEqual([])
  })

  it('rule E-01: ties on the due time are ordered by telegram id; met deadlines are left out', () => {
    const soon = dueSoon(fold.state, R, 3 * 24 * HOUR + MIN)
    expect(soon.map((d) => [d.telegramId, d.kind, d.dueAt])).toEqual([
      ['y', 'acknowledgement', R + ACK],
      ['z', 'acknowledgement', R + ACK],
      ['y', 'handling', R + 3 * 24 * HOUR],
      ['z', 'handling', R + 3 * 24 * HOUR],
      ['x', 'handling', R + MIN + 3 * 24 * HOUR],
    ])
    expect(soon[0]).toEqual({
      rule: 'E-01',
      kind: 'acknowledgement',
      dueAt: R + ACK,
      metAt: null,
      telegramId: 'y',
      serial: '2026-0002',
    })
  })
})

describe('late deadlines', () => {
  it('rule E-01: a receipt acknowledged exactly at the deadline is not late; one ms later it is', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.received', receipt({ telegramId: 'b', serial: '2026-0001', receivedAt: R }), R),
      ev('telegram.received', receipt({ telegramId: 'a', serial: '2026-0002', receivedAt: R }), R),
      ev('telegram.received', receipt({ telegramId: 'c', serial: '2026-0003', receivedAt: R }), R),
      ev('telegram.acknowledged', { telegramId: 'c' }, R + ACK),
      ev('telegram.acknowledged', { telegramId: 'b' }, R + ACK + 1),
      ev('telegram.acknowledged', { telegramId: 'a' }, R + ACK + 2),
    ])
    expect(lateTelegramDeadlines(fold.state)).toEqual([
      {
        rule: 'E-01',
        kind: 'acknowledgement',
        dueAt: R + ACK,
        metAt: R + ACK + 2,
        telegramId: 'a',
        serial: '2026-0002',
      },
      {
        rule: 'E-01',
        kind: 'acknowledgement',
        dueAt: R + ACK,
        metAt: R + ACK + 1,
        telegramId: 'b',
        serial: '2026-0001',
      },
    ])
  })

  it('rule E-03: late deadlines are listed by due time first, then id', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.duty_head_designated', { userId: 'chief1' }, R - MIN, 'leader1'),
      ev(
        'telegram.received',
        receipt({ telegramId: 'a', receivedAt: R + MIN, precedence: 'flash' }),
        R + MIN,
      ),
      ev('telegram.received', receipt({ telegramId: 'b', serial: '2026-0002', receivedAt: R }), R),
      ev('telegram.acknowledged', { telegramId: 'a' }, R + HOUR),
      ev('telegram.acknowledged', { telegramId: 'b' }, R + HOUR),
      ev('telegram.reported_to_head', { telegramId: 'a', head: 'chief1' }, R + HOUR),
    ])
    expect(lateTelegramDeadlines(fold.state).map((d) => [d.telegramId, d.kind])).toEqual([
      ['b', 'acknowledgement'],
      ['a', 'acknowledgement'],
      ['a', 'report_to_head'],
    ])
  })
})
