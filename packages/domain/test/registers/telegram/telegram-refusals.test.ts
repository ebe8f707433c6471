import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { refusalCodes } from '../../support/slice-fold.ts'
import { eventBuilder, foldTelegrams, receipt, sending } from './telegram-fold.ts'

/** Refusal paths of the telegram register that a well-behaved office rarely takes (E-02..E-06). */

const R = Date.UTC(2026, 2, 2, 6, 0)
const MIN = 60_000

/** A registered received telegram t1 and a sent one s1, with chief1 as head and officer1 as excerpter. */
function base(ev: ReturnType<typeof eventBuilder>): SliceEvent[] {
  return [
    ev('telegram.duty_head_designated', { userId: 'chief1' }, R - 2 * MIN, 'leader1'),
    ev('telegram.excerpter_designated', { userId: 'officer1' }, R - 2 * MIN, 'leader1'),
    ev('telegram.received', receipt({ receivedAt: R, precedence: 'flash' }), R),
    ev('telegram.sent', sending({ serial: '2026-0009', sentAt: R }), R),
  ]
}

describe('telegram designations', () => {
  it('rule E-03: a head designation naming a user unknown to the key directory is refused', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.duty_head_designated', { userId: 'stranger' }, R, 'leader1'),
      ev('telegram.excerpter_designated', { userId: 'nobody' }, R, 'leader1'),
    ])
    expect(refusalCodes(fold)).toEqual(['TELEGRAM-USER-UNKNOWN', 'TELEGRAM-USER-UNKNOWN'])
    expect(fold.refused[0]?.error.details).toEqual({ userId: 'stranger' })
    expect(fold.refused[0]?.error.message.en).toContain('stranger')
    expect(fold.state.dutyHeads.size).toBe(0)
    expect(fold.state.excerpters.size).toBe(0)
  })

  it('rule E-05: a designation naming a user of another unit is refused', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.excerpter_designated', { userId: 'officer2' }, R, 'leader1'),
      ev('telegram.duty_head_designated', { userId: 'leader2' }, R, 'leader1'),
    ])
    expect(refusalCodes(fold)).toEqual(['TELEGRAM-USER-UNKNOWN', 'TELEGRAM-USER-UNKNOWN'])
    expect(fold.state.excerpters.has('officer2')).toBe(false)
    expect(fold.state.dutyHeads.has('leader2')).toBe(false)
  })

  it('rule E-03: a repeated designation keeps the first designation time', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.duty_head_designated', { userId: 'chief1' }, R, 'leader1'),
      ev('telegram.duty_head_designated', { userId: 'chief1' }, R + MIN, 'leader1'),
      ev('telegram.excerpter_designated', { userId: 'officer1' }, R, 'leader1'),
      ev('telegram.excerpter_designated', { userId: 'officer1' }, R + MIN, 'leader1'),
    ])
    expect(fold.refused).toEqual([])
    expect([...fold.state.dutyHeads]).toEqual([['chief1', R]])
    expect([...fold.state.excerpters]).toEqual([['officer1', R]])
  })
})

describe('telegram identifiers and serials (rule E-02)', () => {
  it('rule E-02: a received telegram reusing an existing id is refused even with a fresh serial', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ...base(ev),
      ev('telegram.received', receipt({ serial: '2026-0002', receivedAt: R, fromUnit: '别处' }), R + MIN),
      ev('telegram.received', receipt({ telegramId: 's1', serial: '2026-0003', receivedAt: R }), R + MIN),
    ])
    expect(refusalCodes(fold)).toEqual(['TELEGRAM-EXISTS', 'TELEGRAM-EXISTS'])
    expect(fold.refused[0]?.error.message.en).toContain('t1')
    expect(fold.state.telegrams.get('t1')?.counterpart).toBe('县委机要局')
    expect(fold.state.telegrams.get('s1')?.direction).toBe('sent')
  })

  it('rule E-02: a sent telegram reusing an existing id (received or sent) is refused', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ...base(ev),
      ev('telegram.sent', sending({ telegramId: 't1', serial: '2026-0010', sentAt: R }), R + MIN),
      ev('telegram.sent', sending({ serial: '2026-0011', toUnit: '别处', sentAt: R }), R + MIN),
    ])
    expect(refusalCodes(fold)).toEqual(['TELEGRAM-EXISTS', 'TELEGRAM-EXISTS'])
    expect(fold.state.telegrams.get('t1')?.direction).toBe('received')
    expect(fold.state.telegrams.get('s1')?.counterpart).toBe('县委机要局')
    expect(fold.state.telegrams.size).toBe(2)
  })

  it('rule E-02: a sent serial is used once in the sent book', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ...base(ev),
      ev('telegram.sent', sending({ telegramId: 's2', serial: '2026-0009', sentAt: R }), R + MIN),
      ev('telegram.sent', sending({ telegramId: 's3', serial: '2026-0001', sentAt: R }), R + MIN),
    ])
    expect(refusalCodes(fold)).toEqual(['E-02'])
    expect(fold.refused[0]?.error.message.zh).toContain('2026-0009')
    expect(fold.state.telegrams.has('s2')).toBe(false)
    expect(fold.state.telegrams.get('s3')?.serial).toBe('2026-0001')
  })

  it('rule E-02: a receipt registered at the very instant of receipt is accepted', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([ev('telegram.received', receipt({ receivedAt: R }), R)])
    expect(fold.refused).toEqual([])
    expect(fold.state.telegrams.get('t1')).toMatchObject({ at: R, registeredAt: R, state: 'open' })
  })

  it('rule E-04: a reply may only answer a received telegram, not a sent one', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ...base(ev),
      ev('telegram.sent', sending({ telegramId: 's2', serial: '2026-0010', replyTo: 's1' }), R + MIN),
    ])
    expect(refusalCodes(fold)).toEqual(['E-02'])
    expect(fold.refused[0]?.error.details).toEqual({ telegramId: 's1' })
    expect(fold.state.telegrams.has('s2')).toBe(false)
  })
})

describe('telegram actions on a telegram that is not an open received one (rule E-02)', () => {
  const actions = (ev: ReturnType<typeof eventBuilder>, id: string, at: number): SliceEvent[] => [
    ev('telegram.acknowledged', { telegramId: id }, at),
    ev('telegram.reported_to_head', { telegramId: id, head: 'chief1' }, at + 1),
    ev('telegram.head_present', { telegramId: id }, at + 2, 'chief1'),
    ev('telegram.handled', { telegramId: id }, at + 3),
  ]

  it('rule E-02: acknowledging, reporting, presence and closing are refused on a sent telegram', () => {
    const ev = eventBuilder()
    const before = foldTelegrams(base(eventBuilder()))
    const fold = foldTelegrams([...base(ev), ...actions(ev, 's1', R + MIN)])
    expect(refusalCodes(fold)).toEqual(['E-02', 'E-02', 'E-02', 'E-02'])
    expect(fold.refused.map((r) => r.error.details)).toEqual(Array(4).fill({ telegramId: 's1' }))
    expect(fold.state).toEqual(before.state)
  })

  it('rule E-02: the same actions on an unregistered telegram are refused, head designated or not', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([...base(ev), ...actions(ev, 'ghost', R + MIN)])
    expect(refusalCodes(fold)).toEqual(['E-02', 'E-02', 'E-02', 'E-02'])
    expect(fold.state.telegrams.has('ghost')).toBe(false)
  })

  it('rule E-03: once handled, the telegram refuses every further handling step as closed', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ...base(ev),
      ev('telegram.acknowledged', { telegramId: 't1' }, R + MIN),
      ev('telegram.reported_to_head', { telegramId: 't1', head: 'chief1' }, R + 2 * MIN),
      ev('telegram.handled', { telegramId: 't1' }, R + 3 * MIN),
      ...actions(ev, 't1', R + 4 * MIN),
    ])
    expect(refusalCodes(fold)).toEqual(Array(4).fill('TELEGRAM-CLOSED'))
    expect(fold.refused[0]?.error.message.zh).toContain('2026-0001')
    expect(fold.state.telegrams.get('t1')).toMatchObject({
      state: 'handled',
      acknowledgedAt: R + MIN,
      reportedAt: R + 2 * MIN,
      headPresentAt: null,
      handledAt: R + 3 * MIN,
    })
  })

  it('rule E-01: the first acknowledgement and the first report stay on record when repeated', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.duty_head_designated', { userId: 'leader1' }, R - MIN, 'leader1'),
      ...base(ev),
      ev('telegram.acknowledged', { telegramId: 't1' }, R + MIN),
      ev('telegram.acknowledged', { telegramId: 't1' }, R + 2 * MIN),
      ev('telegram.reported_to_head', { telegramId: 't1', head: 'chief1' }, R + 3 * MIN),
      ev('telegram.reported_to_head', { telegramId: 't1', head: 'leader1' }, R + 4 * MIN),
      ev('telegram.head_present', { telegramId: 't1' }, R + 5 * MIN, 'chief1'),
      ev('telegram.head_present', { telegramId: 't1' }, R + 6 * MIN, 'leader1'),
    ])
    expect(fold.refused).toEqual([])
    expect(fold.state.telegrams.get('t1')).toMatchObject({
      state: 'open',
      acknowledgedAt: R + MIN,
      reportedAt: R + 3 * MIN,
      reportedTo: 'chief1',
      headPresentAt: R + 5 * MIN,
      headPresentBy: 'chief1',
    })
  })

  it('rule E-03: the head is not reported to by themself (four eyes), another officer reports', () => {
    const ev = eventBuilder()
    // chief1 is the head and also keeps the book (officer role): the report is another person's.
    const fold = foldTelegrams([
      ...base(ev),
      ev('telegram.reported_to_head', { telegramId: 't1', head: 'chief1' }, R + MIN, 'chief1'),
      ev('telegram.reported_to_head', { telegramId: 't1', head: 'chief1' }, R + 2 * MIN, 'officer1'),
    ])
    expect(refusalCodes(fold)).toEqual(['E-03'])
    expect(fold.refused[0]?.error.details).toEqual({
      person: 'chief1',
      parts: ['reporter', 'head of the confidential office'],
    })
    expect(fold.state.telegrams.get('t1')).toMatchObject({ reportedAt: R + 2 * MIN, reportedTo: 'chief1' })
  })

  it('rule E-03: the closing refusal names the precedence, or 重要内容 for an important telegram', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.received', receipt({ receivedAt: R, precedence: 'flash' }), R),
      ev('telegram.received', receipt({ telegramId: 't2', serial: '2026-0002', important: true }), R),
      ev('telegram.acknowledged', { telegramId: 't1' }, R + MIN),
      ev('telegram.acknowledged', { telegramId: 't2' }, R + MIN),
      ev('telegram.handled', { telegramId: 't1' }, R + 2 * MIN),
      ev('telegram.handled', { telegramId: 't2' }, R + 2 * MIN),
    ])
    expect(refusalCodes(fold)).toEqual(['E-03', 'E-03'])
    expect(fold.refused[0]?.error.message.zh).toBe('特提电报 2026-0001 须先向机要室负责人报告（规则 E-03）')
    expect(fold.refused[1]?.error.message.zh).toBe(
      '重要内容电报 2026-0002 须先向机要室负责人报告（规则 E-03）',
    )
    expect(fold.refused.map((r) => r.error.details)).toEqual([{ telegramId: 't1' }, { telegramId: 't2' }])
  })
})
