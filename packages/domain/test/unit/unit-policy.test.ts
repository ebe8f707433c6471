import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LEVELS } from '../../src/core/levels.ts'
import { desensitizeTitle } from '../../src/registers/carrier/policy.ts'
import { DEFAULT_UNIT_POLICY, type UnitPolicy } from '../../src/unit/policy.ts'

const numberOnly: UnitPolicy = { ...DEFAULT_UNIT_POLICY, titleMasking: 'number_only' }

describe('title de-sensitization (rule S-02)', () => {
  it('S-02 defaults are the strict readings', () => {
    expect(DEFAULT_UNIT_POLICY).toMatchObject({
      titleMasking: 'masked',
      allowInHouseDestruction: false,
      barLeaderFromSupervising: false,
      allowTopSecretCopyWithConsent: false,
    })
  })

  it('S-02 绝密 and 机密 titles keep two characters then ＊＊＊', () => {
    expect(desensitizeTitle('关于某项工程的实施方案', 'top_secret', DEFAULT_UNIT_POLICY)).toBe('关于＊＊＊')
    expect(desensitizeTitle('关于某项工程的实施方案', 'secret', DEFAULT_UNIT_POLICY)).toBe('关于＊＊＊')
    expect(desensitizeTitle('  会议纪要', 'secret', DEFAULT_UNIT_POLICY)).toBe('会议＊＊＊')
    expect(desensitizeTitle('𠮷野家的方案', 'secret', DEFAULT_UNIT_POLICY)).toBe('𠮷野＊＊＊')
  })

  it('S-02 number_only keeps no title at all', () => {
    expect(desensitizeTitle('关于某项工程的实施方案', 'secret', numberOnly)).toBe('')
    expect(desensitizeTitle('关于某项工程的实施方案', 'top_secret', numberOnly)).toBe('')
  })

  it('S-02 秘密 and lower levels keep the title as typed', () => {
    expect(desensitizeTitle('关于某项工程的实施方案', 'confidential', DEFAULT_UNIT_POLICY)).toBe(
      '关于某项工程的实施方案',
    )
    expect(desensitizeTitle('通知', 'public', numberOnly)).toBe('通知')
  })

  it('S-02 is idempotent for every level, policy and title', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('关', '于', '＊', ' ', 'a', '𠮷', '★'), maxLength: 8 }),
        fc.constantFrom(...LEVELS),
        fc.constantFrom(DEFAULT_UNIT_POLICY, numberOnly),
        (title, level, policy) => {
          const once = desensitizeTitle(title, level, policy)
          expect(desensitizeTitle(once, level, policy)).toBe(once)
        },
      ),
      { numRuns: 2000, examples: [['＊ 关', 'secret', DEFAULT_UNIT_POLICY]] },
    )
  })
})
