import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { DEFAULT_TELEGRAM_POLICY } from '../../../src/registers/telegram/policy.ts'
import { createTelegramSlice, telegramSlice } from '../../../src/registers/telegram/slice.ts'
import { makeContext } from '../../support/fixtures.ts'
import { refusalCodes } from '../../support/slice-fold.ts'
import { eventBuilder, foldTelegrams, receipt, sending } from './telegram-fold.ts'

/** Excerpts, copies and carrying out (rule E-05), and the slice called directly. */

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

describe('telegram excerpts, copies and carrying out (rule E-05)', () => {
  it('rule E-05: an excerpt of an unregistered telegram is refused, even by the designated excerpter', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ...base(ev),
      ev('telegram.excerpted', { telegramId: 'ghost', excerptId: 'x1' }, R + MIN),
    ])
    expect(refusalCodes(fold)).toEqual(['E-02'])
    expect(fold.state.telegrams.has('ghost')).toBe(false)
  })

  it('rule E-05: an excerpt id is registered once per telegram; a sent telegram may be excerpted', () => {
    const ev = eventBuilder()
    const fold = foldTelegrams([
      ...base(ev),
      ev('telegram.excerpted', { telegramId: 't1', excerptId: 'x1' }, R + MIN),
      ev('telegram.excerpted', { telegramId: 't1', excerptId: 'x1' }, R + 2 * MIN),
      ev('telegram.excerpted', { telegramId: 't1', excerptId: 'x2' }, R + 3 * MIN),
      ev('telegram.excerpted', { telegramId: 's1', excerptId: 'x1' }, R + 4 * MIN),
    ])
    expect(refusalCodes(fold)).toEqual(['TELEGRAM-EXISTS'])
    expect(fold.refused[0]?.error.message.en).toContain('x1')
    expect(fold.state.telegrams.get('t1')?.excerpts.map((x) => [x.excerptId, x.at])).toEqual([
      ['x1', R + MIN],
      ['x2', R + 3 * MIN],
    ])
    expect(fold.state.telegrams.get('s1')?.excerpts).toEqual([
      { excerptId: 'x1', by: 'officer1', at: R + 4 * MIN },
    ])
  })

  it('rule E-05: carrying out or copying an unregistered telegram is refused as unregistered', () => {
    const ev = eventBuilder()
    const slice = createTelegramSlice({ ...DEFAULT_TELEGRAM_POLICY, allowCopyWithSuperiorApproval: true })
    const fold = foldTelegrams(
      [
        ...base(ev),
        ev('telegram.carry_out_requested', { telegramId: 'ghost', mode: 'print' }, R + MIN),
        ev('telegram.copy_requested', { telegramId: 'ghost', superiorApprovalRef: 'ref' }, R + 2 * MIN),
      ],
      slice,
    )
    expect(refusalCodes(fold)).toEqual(['E-02', 'E-02'])
    expect(fold.refused.map((r) => r.error.details)).toEqual([
      { telegramId: 'ghost' },
      { telegramId: 'ghost' },
    ])
  })

  it('rule E-05: each refused carrying out names its mode and the telegram', () => {
    const ev = eventBuilder()
    const modes = ['print', 'carry_out', 'mail'] as const
    const fold = foldTelegrams([
      ...base(ev),
      ...modes.map((mode, i) => ev('telegram.carry_out_requested', { telegramId: 't1', mode }, R + i + 1)),
    ])
    expect(fold.refused.map((r) => r.error.message.zh)).toEqual([
      '密码电报不得翻印成文件（规则 E-05）',
      '密码电报不得携带外出（规则 E-05）',
      '密码电报不得邮寄（规则 E-05）',
    ])
    expect(fold.refused.map((r) => r.error.details)).toEqual(
      modes.map((mode) => ({ telegramId: 't1', mode })),
    )
  })

  it('rule E-05: the copy refusal says why: never copied, or the superior’s approval is missing', () => {
    const ev = eventBuilder()
    const events = [...base(ev), ev('telegram.copy_requested', { telegramId: 't1' }, R + MIN)]
    const strict = foldTelegrams(events).refused[0]?.error
    const lenient = foldTelegrams(
      events,
      createTelegramSlice({ ...DEFAULT_TELEGRAM_POLICY, allowCopyWithSuperiorApproval: true }),
    ).refused[0]?.error
    expect(strict?.message).toEqual({
      zh: '严禁自行复制密码电报（规则 E-05）',
      en: 'Cipher telegrams are never copied (rule E-05)',
    })
    expect(lenient?.message).toEqual({
      zh: '复制密码电报须有上级批准记录（规则 E-05）',
      en: "Copying a cipher telegram needs the superior's recorded approval (rule E-05)",
    })
    expect(lenient?.details).toEqual({ telegramId: 't1' })
  })
})

describe('telegram slice called directly (rule E-02)', () => {
  it('rule E-02: an event type foreign to the register is refused by check and ignored by apply', () => {
    const work = telegramSlice.fork(telegramSlice.empty())
    const foreign: SliceEvent = {
      id: 'z1',
      type: 'carrier.registered',
      actor: 'officer1',
      atMs: R,
      payload: {},
    }
    const ctx = makeContext()
    expect(telegramSlice.check(work, foreign, ctx)?.code).toBe('TELEGRAM-UNKNOWN-TYPE')
    telegramSlice.apply(work, foreign, ctx)
    expect(telegramSlice.view(work)).toEqual(telegramSlice.view(telegramSlice.empty()))
  })

  it('rule E-02: fork gives a copy that applying does not leak into the original', () => {
    const ev = eventBuilder()
    const original = telegramSlice.empty()
    const work = telegramSlice.fork(original)
    const ctx = makeContext()
    for (const e of base(ev)) telegramSlice.apply(work, e, ctx)
    expect(original.telegrams.size).toBe(0)
    expect(original.serials.size).toBe(0)
    expect(original.dutyHeads.size).toBe(0)
    expect(original.excerpters.size).toBe(0)
    expect([...work.serials].sort()).toEqual(['received:2026-0001', 'sent:2026-0009'])
  })
})
