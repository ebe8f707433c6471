import { describe, expect, it } from 'vitest'
import type { Level } from '../../../src/core/levels.ts'
import {
  check,
  fold,
  local,
  makeContext,
  refusal,
  refusedCodes,
  registration,
  signed,
  T,
} from '../../support/fixtures.ts'

const titleFor = (level: Level) =>
  level === 'top_secret' || level === 'secret' ? '关于＊＊＊' : '关于某事的通知'
const registeredAs = (level: Level) =>
  signed(
    'carrier.registered',
    registration({ level, title: titleFor(level), periodYears: level === 'public' ? null : null }),
    {
      at: local('2026-03-02T08:00'),
    },
  )
const copyPayload = (extra: Partial<{ approvalRef: string; copier: string }> = {}) => ({
  originalId: 'c1',
  copies: [{ id: 'k1', copyNumber: 5 }],
  approvalRef: '县委办批复〔2026〕1号',
  copier: '办公室复印机 A',
  ...extra,
})

describe('copying (rule C-07)', () => {
  it('C-07 refuses copying a 绝密 carrier without the originating authority’s consent', () => {
    const r = check([registeredAs('top_secret')], 'carrier.copied', copyPayload(), { at: T.morning })
    expect(r).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'C-07',
        message: expect.objectContaining({ zh: '绝密载体未经原定密机关同意不得复制（规则 C-07）' }),
      }),
    })
    expect(
      refusedCodes(
        fold([registeredAs('top_secret'), signed('carrier.copied', copyPayload(), { at: T.morning })]),
      ),
    ).toEqual(['C-07'])
  })

  it('C-07 with the county’s consent policy a 绝密 copy needs a named consent', () => {
    const ctx = makeContext({}, { allowTopSecretCopyWithConsent: true })
    expect(
      refusal(check([registeredAs('top_secret')], 'carrier.copied', copyPayload(), { at: T.morning }, ctx)),
    ).toBeNull()
    const none = copyPayload({ approvalRef: ' ' })
    expect(refusal(check([registeredAs('top_secret')], 'carrier.copied', none, { at: T.morning }, ctx))).toBe(
      'C-07',
    )
  })

  it('C-07 机密 and 秘密 copies need the recorded approval and the designated copier', () => {
    for (const level of ['secret', 'confidential'] as const) {
      const history = [registeredAs(level)]
      expect(
        refusal(check(history, 'carrier.copied', copyPayload({ approvalRef: '' }), { at: T.morning })),
      ).toBe('C-07')
      expect(
        refusal(check(history, 'carrier.copied', copyPayload({ copier: '  ' }), { at: T.morning })),
      ).toBe('C-07')
      expect(refusal(check(history, 'carrier.copied', copyPayload(), { at: T.morning }))).toBeNull()
    }
  })

  it('C-07 lower levels are copied without an approval', () => {
    const history = [registeredAs('work_secret')]
    expect(
      refusal(
        check(history, 'carrier.copied', copyPayload({ approvalRef: '', copier: '' }), { at: T.morning }),
      ),
    ).toBeNull()
  })

  it('C-07 a copy is a new carrier linked to its original with its level, period, scope, number and title', () => {
    const original = registeredAs('secret')
    const first = signed('carrier.copied', copyPayload(), { at: T.morning })
    const second = signed(
      'carrier.copied',
      {
        ...copyPayload(),
        copies: [
          { id: 'k2', copyNumber: 6 },
          { id: 'k3', copyNumber: 7 },
        ],
      },
      { at: T.noon },
    )
    const state = fold([original, first, second])
    const source = state.carriers.get('c1')
    const copy = state.carriers.get('k1')
    expect(copy).toMatchObject({
      id: 'k1',
      serial: '2026-0001-F1',
      originalId: 'c1',
      copyNumber: 5,
      level: source?.level,
      periodYears: source?.periodYears,
      scope: source?.scope,
      docNumber: source?.docNumber,
      title: source?.title,
      issuer: source?.issuer,
      registeredAt: T.morning,
      state: 'in_custody',
      holders: [],
      createdBy: first.id,
    })
    expect(state.carriers.get('k3')?.serial).toBe('2026-0001-F3')
    expect(state.carriers.get('k2')?.serial).toBe('2026-0001-F2')
    // the original is untouched (same object as before copying)
    expect(fold([original]).carriers.get('c1')).toEqual(source)
  })

  it('C-07 refuses copying a destroyed carrier, an unknown one, or onto an existing id', () => {
    const original = registeredAs('secret')
    const approval = signed(
      'approval.granted',
      { subject: 'carrier.destroy', carrierIds: ['c1'] },
      { at: T.morning },
    )
    const destroyed = signed(
      'carrier.destroyed',
      { carrierIds: ['c1'], approvalId: approval.id, method: 'central', receiptNumber: 'XB-1' },
      { at: T.noon },
    )
    expect(
      refusal(check([original, approval, destroyed], 'carrier.copied', copyPayload(), { at: T.close })),
    ).toBe('C-07')
    expect(
      refusal(check([original], 'carrier.copied', { ...copyPayload(), originalId: 'zz' }, { at: T.close })),
    ).toBe('CARRIER-UNKNOWN')
    const onto = { ...copyPayload(), copies: [{ id: 'c1', copyNumber: 9 }] }
    expect(refusal(check([original], 'carrier.copied', onto, { at: T.close }))).toBe('CARRIER-EXISTS')
  })

  it('C-02 copies of 机密 carriers need distinct positive copy numbers', () => {
    const noNumber = { ...copyPayload(), copies: [{ id: 'k1', copyNumber: null }] }
    expect(refusal(check([registeredAs('secret')], 'carrier.copied', noNumber, { at: T.morning }))).toBe(
      'C-02',
    )
  })
})
