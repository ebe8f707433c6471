import { describe, expect, it } from 'vitest'
import { DEFAULT_TELEGRAM_POLICY, type TelegramPrecedence } from '../../../src/registers/telegram/policy.ts'
import { dueSoon, lateTelegramDeadlines, overdueTelegrams } from '../../../src/registers/telegram/queries.ts'
import { local } from '../../support/fixtures.ts'
import { eventBuilder, foldTelegrams, receipt } from './telegram-fold.ts'

const MIN = 60_000
const HOUR = 60 * MIN

describe('telegram deadlines', () => {
  // Receipt at 14:45 so that the 15-minute boundary is 15:00.
  const R = local('2026-03-02T14:45')

  it('E-01 a receipt acknowledged at 14:59 is on time; an unacknowledged one is overdue at 15:01', () => {
    const ev = eventBuilder()
    const onTime = foldTelegrams([
      ev('telegram.received', receipt({ receivedAt: R }), R),
      ev('telegram.acknowledged', { telegramId: 't1' }, local('2026-03-02T14:59')),
    ])
    expect(overdueTelegrams(onTime.state, local('2026-03-02T15:01'))).toEqual([])
    expect(lateTelegramDeadlines(onTime.state)).toEqual([])

    const silent = foldTelegrams([ev('telegram.received', receipt({ receivedAt: R }), R)])
    expect(overdueTelegrams(silent.state, local('2026-03-02T14:59'))).toEqual([])
    expect(overdueTelegrams(silent.state, local('2026-03-02T15:00'))).toEqual([])
    expect(overdueTelegrams(silent.state, local('2026-03-02T15:01'))).toEqual([
      {
        telegramId: 't1',
        serial: '2026-0001',
        overdue: [{ rule: 'E-01', kind: 'acknowledgement', dueAt: local('2026-03-02T15:00'), metAt: null }],
      },
    ])
  })

  it('E-01 a receipt acknowledged at 15:01 is accepted but recorded as late', () => {
    const ev = eventBuilder()
    const late = foldTelegrams([
      ev('telegram.received', receipt({ receivedAt: R }), R),
      ev('telegram.acknowledged', { telegramId: 't1' }, local('2026-03-02T15:01')),
    ])
    expect(late.refused).toEqual([])
    expect(overdueTelegrams(late.state, local('2026-03-02T15:02'))).toEqual([])
    expect(lateTelegramDeadlines(late.state)).toEqual([
      expect.objectContaining({ rule: 'E-01', telegramId: 't1', metAt: local('2026-03-02T15:01') }),
    ])
  })

  // Friday 1 May 2026 is the Labour Day holiday (1–5 May): calendar time still runs around the clock.
  const H = local('2026-05-01T10:00')
  it.each([
    ['routine', '2026-05-04T10:00'],
    ['urgent', '2026-05-03T10:00'],
    ['very_urgent', '2026-05-02T10:00'],
    ['flash', '2026-05-01T12:00'],
  ] as const)(
    'E-03 a %s telegram is due at %s: holidays and weekends do not extend it',
    (precedence, due) => {
      const ev = eventBuilder()
      const fold = foldTelegrams([
        ev('telegram.received', receipt({ receivedAt: H, precedence: precedence as TelegramPrecedence }), H),
        ev('telegram.acknowledged', { telegramId: 't1' }, H + MIN),
      ])
      const dueAt = local(due)
      const handling = (now: number) =>
        overdueTelegrams(fold.state, now).flatMap((t) => t.overdue.filter((d) => d.kind === 'handling'))
      expect(handling(dueAt)).toEqual([])
      expect(handling(dueAt + MIN)).toEqual([{ rule: 'E-03', kind: 'handling', dueAt, metAt: null }])
    },
  )

  it('E-03 a handled telegram is no longer overdue', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.received', receipt({ receivedAt: H }), H),
      ev('telegram.acknowledged', { telegramId: 't1' }, H + MIN),
      ev('telegram.handled', { telegramId: 't1' }, H + 2 * HOUR),
    ])
    expect(overdueTelegrams(fold.state, H + 10 * 24 * HOUR)).toEqual([])
  })

  it('E-03 the report to the head of a 特急 telegram is overdue 30 minutes after receipt', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.received', receipt({ receivedAt: H, precedence: 'very_urgent' }), H),
      ev('telegram.acknowledged', { telegramId: 't1' }, H + MIN),
    ])
    expect(overdueTelegrams(fold.state, H + 30 * MIN)).toEqual([])
    expect(overdueTelegrams(fold.state, H + 31 * MIN)).toEqual([
      {
        telegramId: 't1',
        serial: '2026-0001',
        overdue: [{ rule: 'E-03', kind: 'report_to_head', dueAt: H + 30 * MIN, metAt: null }],
      },
    ])
  })

  it('E-03 a sent telegram has no deadlines; dueSoon lists outstanding deadlines soonest first', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.received', receipt({ receivedAt: H, precedence: 'flash' }), H),
      ev(
        'telegram.sent',
        {
          telegramId: 's1',
          serial: '2026-0001',
          toUnit: '县委机要局',
          docNumber: '',
          level: 'secret',
          precedence: 'flash',
          channel: 'cipher',
          sentAt: H,
        },
        H,
      ),
    ])
    const soon = dueSoon(fold.state, H, HOUR)
    expect(soon.map((d) => [d.telegramId, d.kind])).toEqual([
      ['t1', 'acknowledgement'],
      ['t1', 'report_to_head'],
    ])
    expect(dueSoon(fold.state, H, 2 * HOUR).map((d) => d.kind)).toContain('handling')
    expect(dueSoon(fold.state, H + 16 * MIN, HOUR).map((d) => d.kind)).toEqual(['report_to_head'])
  })

  it('E-03 the policy sets the deadlines (特提 "at once" = 2 hours by default)', () => {
    expect(DEFAULT_TELEGRAM_POLICY.handleWithinMs.flash).toBe(2 * HOUR)
    const ev = eventBuilder()
    const fold = foldTelegrams([ev('telegram.received', receipt({ receivedAt: H, precedence: 'flash' }), H)])
    const strict = {
      ...DEFAULT_TELEGRAM_POLICY,
      handleWithinMs: { ...DEFAULT_TELEGRAM_POLICY.handleWithinMs, flash: HOUR },
    }
    const kinds = (policy = DEFAULT_TELEGRAM_POLICY) =>
      overdueTelegrams(fold.state, H + HOUR + MIN, policy).flatMap((t) => t.overdue.map((d) => d.kind))
    expect(kinds()).not.toContain('handling')
    expect(kinds(strict)).toContain('handling')
  })
})
