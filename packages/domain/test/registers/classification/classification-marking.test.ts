import { describe, expect, it } from 'vitest'
import { isStar, LEVEL_WORDS, markingAround, markingFromStar } from '../../../src/core/level-marking.ts'
import { createTextFolder } from '../../../src/core/text-fold.ts'
import { createTextScreener } from '../../../src/core/text-screening.ts'

/**
 * rule S-03: the edges of what reads as a classification marking (classification-marking.ts): periods
 * cut short at the end of the text, traditional forms, joiners before a level, brackets around it.
 * The common cases are in text-screening.test.ts.
 */

const screener = createTextScreener([])
const markings = (text: string): string[] =>
  screener
    .screen(text)
    .hits.filter((h) => h.kind === 'marking')
    .map((h) => h.match)

describe('periods after a level word (rule S-03)', () => {
  it.each([
    ['秘密6个月', ['秘密6个月']],
    ['秘密6個月', ['秘密6個月']],
    ['秘密6个', []],
    ['秘密6个年', []],
    ['机密三十', []],
    ['机密三十年', ['机密三十年']],
    ['机密3月', ['机密3月']],
    ['机密长期', ['机密长期']],
    ['机密長期', ['机密長期']],
  ])('rule S-03: %j gives %j', (text, expected) => {
    expect(markings(text)).toEqual(expected)
  })
})

describe('stars and asterisks (rule S-03)', () => {
  it.each([
    ['机密★1', ['机密★']],
    ['机密★10', ['机密★']],
    ['机密★★', ['机密★']],
    ['机密*', []],
    ['机密*10', []],
    ['机密**10年', []],
    ['机密*长期', ['机密*长期']],
    ['★长期', ['★长期']],
    ['★長期', ['★長期']],
    ['★长', []],
    ['★10', []],
    ['★', []],
    ['★机密★10年', ['机密★10年']],
  ])('rule S-03: %j gives %j', (text, expected) => {
    expect(markings(text)).toEqual(expected)
  })

  it('rule S-03: every star form counts as a star, a letter does not', () => {
    for (const star of '★☆⭐✩✪✫✬✭✮✯✰⋆') expect(isStar(star.codePointAt(0) ?? 0)).toBe(true)
    expect(isStar('*'.codePointAt(0) ?? 0)).toBe(false)
    expect(LEVEL_WORDS).toEqual(['绝密', '机密', '秘密', '絕密', '機密', '祕密'])
  })
})

describe('级, 期限 and brackets (rule S-03)', () => {
  it.each([
    ['绝密级', ['绝密级']],
    ['秘密级★5年', ['秘密级★5年']],
    ['秘密级★', ['秘密级★']],
    ['秘密级】', ['秘密级】']],
    ['机密期限：10年', ['机密期限：10年']],
    ['机密期限:十年', ['机密期限:十年']],
    ['机密期限到', ['机密期限']],
    ['机密保密期限', ['机密保密期限']],
    ['机密保密期限10年', ['机密保密期限10年']],
    ['【机密】】', ['【机密】']],
    ['机密★10年】', ['机密★10年】']],
    ['★10年】', ['★10年】']],
    ['(机密)', ['(机密)']],
    ['<秘密>', ['<秘密>']],
    ['「绝密」', ['「绝密」']],
    ['机密』', ['机密』']],
  ])('rule S-03: %j gives %j', (text, expected) => {
    expect(markings(text)).toEqual(expected)
  })
})

describe('密级 before the level (rule S-03)', () => {
  it.each([
    ['密级机密', ['密级机密']],
    ['密级是机密', ['密级是机密']],
    ['密級為秘密', ['密級為秘密']],
    ['密级为機密', ['密级为機密']],
    ['x密级：机密', ['密级：机密']],
    ['（密级：机密）', ['（密级：机密）']],
    ['密级秘密★10年', ['密级秘密★10年']],
    ['：机密★', ['机密★']],
    ['是机密级', ['机密级']],
    ['为秘密', []],
  ])('rule S-03: %j gives %j', (text, expected) => {
    expect(markings(text)).toEqual(expected)
  })
})

describe('words that only look like a level (rule S-03)', () => {
  it.each([
    '隔绝密级',
    '拒絕密級',
    '杜絕密級',
    '電機密級',
    '计算機密級',
    '神祕密級',
    '文秘密级',
    '国家秘密级',
    '工作祕密级',
    '商业秘密★',
  ])('rule S-03: %j is not a marking', (text) => {
    expect(markings(text)).toEqual([])
  })

  it('rule S-03: only 秘密 names a category after 工作, 商业 or 国家; 机密 and 绝密 stay levels', () => {
    expect(markings('国家绝密★')).toEqual(['绝密★'])
    expect(markings('商业机密级')).toEqual(['机密级'])
    expect(markings('工作机密★10年')).toEqual(['机密★10年'])
  })

  it('rule S-03: a level word after an unrelated character is still a marking', () => {
    expect(markings('秘书秘密级')).toEqual(['秘密级'])
    expect(markings('电话机密级')).toEqual([])
    expect(markings('密件机密级')).toEqual(['机密级'])
  })
})

describe('the folded length bounds the marking (rule S-03)', () => {
  // A folded buffer is longer than its text; what lies past `length` is never part of a marking.
  const folded = (text: string) => createTextFolder().fold(text).chars

  it('rule S-03: a star or 级 past the length does not make the level word a marking', () => {
    expect(markingAround(folded('机密★'), 2, 0, 2)).toBeNull()
    expect(markingAround(folded('秘密级★'), 3, 0, 2)).toEqual([0, 3])
    expect(markingAround(folded('秘密级★'), 4, 0, 2)).toEqual([0, 4])
  })

  it('rule S-03: a period or 长期 cut off by the length is no period', () => {
    expect(markingAround(folded('机密10年'), 4, 0, 2)).toBeNull()
    expect(markingAround(folded('机密10年'), 5, 0, 2)).toEqual([0, 5])
    expect(markingAround(folded('机密长期'), 3, 0, 2)).toBeNull()
    expect(markingAround(folded('机密★长期'), 4, 0, 2)).toEqual([0, 3])
    expect(markingAround(folded('秘密6个月'), 4, 0, 2)).toBeNull()
    expect(markingFromStar(folded('★10年'), 3, 0)).toBe(-1)
    expect(markingFromStar(folded('★10年】'), 4, 0)).toBe(4)
  })
})
