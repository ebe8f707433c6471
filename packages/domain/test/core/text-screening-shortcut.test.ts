import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cannotHoldMarking, createTextScreener } from '../../src/core/text-screening.ts'

/** rule S-03: the shortcut for texts that cannot hold a marking never hides one. */

const PIECES = [
  '机',
  '密',
  '秘',
  '绝',
  '级',
  '年',
  '长期',
  '关于',
  '通知',
  '县委办',
  '〔',
  '〕',
  '（',
  '）',
  '★',
  '☆',
  '*',
  '＊',
  '.',
  ' ',
  '2026',
  '10',
  '号',
  '、',
  '：',
  '０',
  '㊙',
  '\u200B',
  'a',
  'Z',
  '-',
]

describe('S-03 shortcut (text-screening.ts cannotHoldMarking)', () => {
  it('S-03 register text of names, 文号 and 脱密 titles takes the shortcut; markings and stars do not', () => {
    for (const text of ['县委办〔2026〕3号', '关于＊＊＊', 'a**', '张三、李四', '镇领导班子', 'FY-01 复印机'])
      expect(cannotHoldMarking(text)).toBe(true)
    for (const text of [
      '机密★10年',
      '〔密〕',
      '秘密',
      '★长期',
      '*10年',
      '＊10年',
      '㊙',
      '机\u200B密',
      '关于＊＊＊10年',
    ])
      expect(cannotHoldMarking(text)).toBe(false)
  })

  it('S-03 whenever the shortcut says a text cannot hold a marking, the full screening finds none', () => {
    // A listed word makes the screener take the full path for every text.
    const full = createTextScreener(['不会出现的词语'])
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (pieces) => {
        const text = pieces.join('')
        if (!cannotHoldMarking(text)) return
        expect(full.screen(text).hits.filter((h) => h.kind === 'marking')).toEqual([])
      }),
      { numRuns: 3_000 },
    )
  })
})
