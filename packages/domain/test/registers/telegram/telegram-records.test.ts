import { describe, expect, it } from 'vitest'
import { telegramEvents } from '../../../src/registers/telegram/events.ts'
import { requiresReportToHead } from '../../../src/registers/telegram/policy.ts'
import { eventBuilder, foldTelegrams, receipt, sending } from './telegram-fold.ts'

/** What each accepted event records in the 收发电报登记本 (rules E-01..E-06). */

const R = Date.UTC(2026, 2, 2, 6, 0)
const MIN = 60_000

describe('telegram book entries', () => {
  it('rule E-02: a received telegram is registered with every column of the book', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev(
        'telegram.received',
        receipt({
          serial: '2026-0042',
          fromUnit: '市委机要局',
          docNumber: '市机电〔2026〕7号',
          level: 'secret',
          precedence: 'urgent',
          important: true,
          earlyWarning: true,
          receivedAt: R - MIN,
        }),
        R,
      ),
    ])
    expect(fold.state.telegrams.get('t1')).toEqual({
      id: 't1',
      eventId: 'e001',
      direction: 'received',
      serial: '2026-0042',
      counterpart: '市委机要局',
      docNumber: '市机电〔2026〕7号',
      level: 'secret',
      precedence: 'urgent',
      important: true,
      earlyWarning: true,
      at: R - MIN,
      registeredAt: R,
      replyTo: null,
      state: 'open',
      acknowledgedAt: null,
      reportedAt: null,
      reportedTo: null,
      headPresentAt: null,
      headPresentBy: null,
      handledAt: null,
      excerpts: [],
      copies: [],
    })
  })

  it('rule E-04: a sent telegram is registered as sent, never important or early warning, replyTo null when none', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev(
        'telegram.sent',
        sending({
          serial: '2026-0007',
          toUnit: '县委办',
          docNumber: '镇机电〔2026〕3号',
          level: 'confidential',
          precedence: 'very_urgent',
          sentAt: R - 2 * MIN,
        }),
        R,
      ),
    ])
    expect(fold.state.telegrams.get('s1')).toEqual({
      id: 's1',
      eventId: 'e001',
      direction: 'sent',
      serial: '2026-0007',
      counterpart: '县委办',
      docNumber: '镇机电〔2026〕3号',
      level: 'confidential',
      precedence: 'very_urgent',
      important: false,
      earlyWarning: false,
      at: R - 2 * MIN,
      registeredAt: R,
      replyTo: null,
      state: 'sent',
      acknowledgedAt: null,
      reportedAt: null,
      reportedTo: null,
      headPresentAt: null,
      headPresentBy: null,
      handledAt: null,
      excerpts: [],
      copies: [],
    })
  })

  it('rule E-01: acknowledgement, report, presence and closing each record their time and signer', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.duty_head_designated', { userId: 'chief1' }, R - MIN, 'leader1'),
      ev('telegram.received', receipt({ receivedAt: R, precedence: 'flash', earlyWarning: true }), R),
      ev('telegram.acknowledged', { telegramId: 't1' }, R + MIN),
      ev('telegram.reported_to_head', { telegramId: 't1', head: 'chief1' }, R + 2 * MIN),
      ev('telegram.head_present', { telegramId: 't1' }, R + 3 * MIN, 'chief1'),
      ev('telegram.handled', { telegramId: 't1' }, R + 4 * MIN),
    ])
    expect(fold.refused).toEqual([])
    expect(fold.state.telegrams.get('t1')).toMatchObject({
      state: 'handled',
      acknowledgedAt: R + MIN,
      reportedAt: R + 2 * MIN,
      reportedTo: 'chief1',
      headPresentAt: R + 3 * MIN,
      headPresentBy: 'chief1',
      handledAt: R + 4 * MIN,
    })
    expect([...fold.state.dutyHeads]).toEqual([['chief1', R - MIN]])
  })

  it('rule E-06: a 预警通知 closes once the head’s presence is recorded, with no report needed below 特急', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.duty_head_designated', { userId: 'chief1' }, R - MIN, 'leader1'),
      ev('telegram.received', receipt({ receivedAt: R, precedence: 'urgent', earlyWarning: true }), R),
      ev('telegram.acknowledged', { telegramId: 't1' }, R + MIN),
      ev('telegram.head_present', { telegramId: 't1' }, R + 2 * MIN, 'chief1'),
      ev('telegram.handled', { telegramId: 't1' }, R + 3 * MIN),
    ])
    expect(fold.refused).toEqual([])
    expect(fold.state.telegrams.get('t1')?.state).toBe('handled')
  })

  it('rule E-03: the report to the head is required for 特急 and 特提, or important content at any precedence', () => {
    expect(requiresReportToHead('routine', false)).toBe(false)
    expect(requiresReportToHead('urgent', false)).toBe(false)
    expect(requiresReportToHead('very_urgent', false)).toBe(true)
    expect(requiresReportToHead('flash', false)).toBe(true)
    expect(requiresReportToHead('routine', true)).toBe(true)
  })

  it('rule E-06: the designated head signs presence as an officer or a leader; only a leader designates', () => {
    expect(telegramEvents['telegram.head_present'].roles).toEqual(['officer', 'leader'])
    expect(telegramEvents['telegram.duty_head_designated'].roles).toEqual(['leader'])
    expect(telegramEvents['telegram.excerpter_designated'].roles).toEqual(['leader'])
    expect(telegramEvents['telegram.excerpted'].roles).toEqual(['officer', 'leader', 'staff'])
    expect(telegramEvents['telegram.carry_out_requested'].roles).toEqual(['officer', 'leader', 'staff'])
  })
})
