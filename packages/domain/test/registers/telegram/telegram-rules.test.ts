import { describe, expect, it } from 'vitest'
import { DEFAULT_TELEGRAM_POLICY } from '../../../src/registers/telegram/policy.ts'
import { createTelegramSlice } from '../../../src/registers/telegram/slice.ts'
import { local } from '../../support/fixtures.ts'
import { eventBuilder, foldTelegrams, receipt } from './telegram-fold.ts'

const R = local('2026-03-02T14:00')
const MIN = 60_000

function codes(fold: ReturnType<typeof foldTelegrams>): string[] {
  return fold.refused.map((r) => r.error.code)
}

describe('telegram register rules', () => {
  it('E-02 registers a received telegram and refuses any action on an unregistered one', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.received', receipt({ receivedAt: R }), R),
      ev('telegram.acknowledged', { telegramId: 'nope' }, R + MIN),
      ev('telegram.handled', { telegramId: 'nope' }, R + 2 * MIN),
      ev('telegram.copy_requested', { telegramId: 'nope' }, R + 3 * MIN),
    ])
    expect(fold.state.telegrams.get('t1')?.state).toBe('open')
    expect(codes(fold)).toEqual(['E-02', 'E-02', 'E-02'])
  })

  it('E-02 refuses a serial already used in the same book, but the sent book numbers separately', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.received', receipt({ receivedAt: R }), R),
      ev('telegram.received', receipt({ telegramId: 't2', receivedAt: R }), R + MIN),
      ev(
        'telegram.sent',
        {
          telegramId: 's1',
          serial: '2026-0001',
          toUnit: '县委机要局',
          docNumber: '',
          level: 'internal',
          precedence: 'routine',
          channel: 'cipher',
          sentAt: R,
        },
        R + 2 * MIN,
      ),
    ])
    expect(codes(fold)).toEqual(['E-02'])
    expect(fold.refused[0]?.error.message.zh).toContain('2026-0001')
    expect([...fold.state.telegrams.keys()]).toEqual(['t1', 's1'])
  })

  it('E-02 refuses a receipt time later than the registration', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([ev('telegram.received', receipt({ receivedAt: R + MIN }), R)])
    expect(codes(fold)).toEqual(['E-02'])
    expect(fold.state.telegrams.size).toBe(0)
  })

  it('E-01 refuses closing a telegram whose receipt was never acknowledged', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.received', receipt({ receivedAt: R }), R),
      ev('telegram.handled', { telegramId: 't1' }, R + 60 * MIN),
    ])
    expect(codes(fold)).toEqual(['E-01'])
    expect(fold.state.telegrams.get('t1')?.state).toBe('open')
  })

  it('E-03 refuses closing a 特急 telegram not reported to the head, allows it once reported', () => {
    const ev = eventBuilder()
    const base = [
      ev('telegram.duty_head_designated', { userId: 'chief1' }, R - MIN, 'leader1'),
      ev('telegram.received', receipt({ receivedAt: R, precedence: 'very_urgent' }), R),
      ev('telegram.acknowledged', { telegramId: 't1' }, R + 5 * MIN),
    ]
    const close = ev('telegram.handled', { telegramId: 't1' }, R + 60 * MIN)
    const unreported = foldTelegrams([...base, close])
    expect(codes(unreported)).toEqual(['E-03'])
    const reported = foldTelegrams([
      ...base,
      ev('telegram.reported_to_head', { telegramId: 't1', head: 'chief1' }, R + 10 * MIN),
      close,
    ])
    expect(codes(reported)).toEqual([])
    expect(reported.state.telegrams.get('t1')).toMatchObject({
      state: 'handled',
      reportedTo: 'chief1',
      handledAt: R + 60 * MIN,
    })
  })

  it.each([
    ['flash', false, true],
    ['routine', true, true],
    ['urgent', false, false],
    ['routine', false, false],
  ] as const)('E-03 report to head needed for %s (important %s): %s', (precedence, important, needed) => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.received', receipt({ receivedAt: R, precedence, important }), R),
      ev('telegram.acknowledged', { telegramId: 't1' }, R + MIN),
      ev('telegram.handled', { telegramId: 't1' }, R + 2 * MIN),
    ])
    expect(codes(fold)).toEqual(needed ? ['E-03'] : [])
  })

  it('E-03 refuses a report to someone not designated as head; E-03 designation is a leader’s', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ev('telegram.duty_head_designated', { userId: 'chief1' }, R - 2 * MIN, 'officer1'),
      ev('telegram.received', receipt({ receivedAt: R, precedence: 'flash' }), R),
      ev('telegram.reported_to_head', { telegramId: 't1', head: 'chief1' }, R + MIN),
    ])
    expect(codes(fold)).toEqual(['ROLE', 'E-03'])
    expect(fold.state.dutyHeads.size).toBe(0)
  })

  it('E-06 refuses closing a 预警通知 telegram without the head’s recorded presence', () => {
    const ev = eventBuilder()
    const base = [
      ev('telegram.duty_head_designated', { userId: 'chief1' }, R - MIN, 'leader1'),
      ev('telegram.received', receipt({ receivedAt: R, earlyWarning: true }), R),
      ev('telegram.acknowledged', { telegramId: 't1' }, R + MIN),
    ]
    const close = ev('telegram.handled', { telegramId: 't1' }, R + 90 * MIN)
    expect(codes(foldTelegrams([...base, close]))).toEqual(['E-06'])
    // signed by someone else than the head: refused, still cannot close
    const byOfficer = foldTelegrams([
      ...base,
      ev('telegram.head_present', { telegramId: 't1' }, R + 5 * MIN),
      close,
    ])
    expect(codes(byOfficer)).toEqual(['E-06', 'E-06'])
    const present = foldTelegrams([
      ...base,
      ev('telegram.head_present', { telegramId: 't1' }, R + 6 * MIN, 'chief1'),
      close,
    ])
    expect(codes(present)).toEqual([])
    expect(present.state.telegrams.get('t1')).toMatchObject({ state: 'handled', headPresentBy: 'chief1' })
  })

  describe('E-04 a reply to a cipher telegram is in cipher', () => {
    const sent = (
      channel: 'cipher' | 'plain' | 'phone',
      replyTo: string | undefined,
      level = 'internal' as const,
    ) => {
      const ev = eventBuilder()
      return foldTelegrams([
        ev('telegram.received', receipt({ receivedAt: R }), R),
        ev(
          'telegram.sent',
          {
            telegramId: 's1',
            serial: '2026-0001',
            toUnit: '县委机要局',
            docNumber: '',
            level,
            precedence: 'routine',
            channel,
            sentAt: R + MIN,
            ...(replyTo === undefined ? {} : { replyTo }),
          },
          R + MIN,
        ),
      ])
    }
    it('E-04 refuses a plain-text reply', () => {
      const fold = sent('plain', 't1')
      expect(codes(fold)).toEqual(['E-04'])
      expect(fold.state.telegrams.has('s1')).toBe(false)
    })
    it('E-04 refuses a phone reply', () => expect(codes(sent('phone', 't1'))).toEqual(['E-04']))
    it('E-04 registers a cipher reply linked to its telegram', () => {
      const fold = sent('cipher', 't1')
      expect(codes(fold)).toEqual([])
      expect(fold.state.telegrams.get('s1')).toMatchObject({ direction: 'sent', replyTo: 't1' })
    })
    it('E-04 refuses a state secret sent in plain even when not a reply', () => {
      expect(codes(sent('plain', undefined, 'confidential' as 'internal'))).toEqual(['E-04'])
      expect(codes(sent('plain', undefined))).toEqual([])
    })
    it('E-02 refuses a reply to an unregistered telegram', () =>
      expect(codes(sent('cipher', 'zz'))).toEqual(['E-02']))
  })

  describe('E-05 no printing, carrying out, mailing; copies and excerpts restricted', () => {
    const ev = eventBuilder()
    const received = ev('telegram.received', receipt({ receivedAt: R }), R)
    const copyWithRef = ev(
      'telegram.copy_requested',
      { telegramId: 't1', superiorApprovalRef: '市委机要局批复1号' },
      R + MIN,
    )
    const copyNoRef = ev('telegram.copy_requested', { telegramId: 't1' }, R + 2 * MIN)
    const modes = (['print', 'carry_out', 'mail'] as const).map((mode, i) =>
      ev('telegram.carry_out_requested', { telegramId: 't1', mode }, R + (3 + i) * MIN, 'leader1'),
    )

    it('E-05 refuses copying by default, even with a superior approval reference', () => {
      const fold = foldTelegrams([received, copyWithRef])
      expect(codes(fold)).toEqual(['E-05'])
      expect(fold.state.telegrams.get('t1')?.copies).toEqual([])
    })
    it('E-05 allows a copy with the superior’s approval only when the county policy allows it', () => {
      const slice = createTelegramSlice({ ...DEFAULT_TELEGRAM_POLICY, allowCopyWithSuperiorApproval: true })
      const fold = foldTelegrams([received, copyWithRef, copyNoRef], slice)
      expect(fold.refused).toEqual([expect.objectContaining({ eventId: copyNoRef.id })])
      expect(fold.state.telegrams.get('t1')?.copies).toEqual([
        { eventId: copyWithRef.id, superiorApprovalRef: '市委机要局批复1号', at: R + MIN },
      ])
    })
    it('E-05 always refuses printing, carrying out and mailing, whatever the policy', () => {
      const slice = createTelegramSlice({ ...DEFAULT_TELEGRAM_POLICY, allowCopyWithSuperiorApproval: true })
      const fold = foldTelegrams([received, ...modes], slice)
      expect(codes(fold)).toEqual(['E-05', 'E-05', 'E-05'])
      expect(fold.refused[2]?.error.message.zh).toContain('邮寄')
    })
    it('E-05 refuses an excerpt by a person not designated, records one by a designated person', () => {
      const e = eventBuilder()
      const fold = foldTelegrams([
        e('telegram.received', receipt({ receivedAt: R }), R),
        e('telegram.excerpted', { telegramId: 't1', excerptId: 'x1' }, R + MIN),
        e('telegram.excerpter_designated', { userId: 'officer1' }, R + 2 * MIN, 'leader1'),
        e('telegram.excerpted', { telegramId: 't1', excerptId: 'x2' }, R + 3 * MIN),
      ])
      expect(codes(fold)).toEqual(['E-05'])
      expect(fold.state.telegrams.get('t1')?.excerpts).toEqual([
        { excerptId: 'x2', by: 'officer1', at: R + 3 * MIN },
      ])
    })
  })

  it('E-02 refusals never change state', () => {
    const ev = eventBuilder()
    const accepted = [
      ev('telegram.duty_head_designated', { userId: 'chief1' }, R - MIN, 'leader1'),
      ev('telegram.received', receipt({ receivedAt: R, precedence: 'flash', earlyWarning: true }), R),
      ev('telegram.acknowledged', { telegramId: 't1' }, R + MIN),
    ]
    const refusedOnes = [
      ev('telegram.handled', { telegramId: 't1' }, R + 2 * MIN),
      ev('telegram.head_present', { telegramId: 't1' }, R + 3 * MIN),
      ev('telegram.copy_requested', { telegramId: 't1' }, R + 4 * MIN),
      ev('telegram.carry_out_requested', { telegramId: 't1', mode: 'mail' }, R + 5 * MIN),
      ev('telegram.excerpted', { telegramId: 't1', excerptId: 'x' }, R + 6 * MIN),
      ev('telegram.received', receipt({ telegramId: 't2', receivedAt: R }), R + 7 * MIN),
    ]
    const without = foldTelegrams(accepted)
    const withRefusals = foldTelegrams([...accepted, ...refusedOnes])
    expect(withRefusals.refused.map((r) => r.eventId)).toEqual(refusedOnes.map((e) => e.id))
    expect(withRefusals.state).toEqual(without.state)
  })
})
