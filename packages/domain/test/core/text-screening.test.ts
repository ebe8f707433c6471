import { describe, expect, it } from 'vitest'
import {
  createTextScreener,
  MIN_OVERRIDE_REASON_LENGTH,
  screenFreeText,
} from '../../src/core/text-screening.ts'

/** Rule S-03 by example; the screener's properties: text-screening-properties. */

const noWords = createTextScreener([])
const markings = (text: string): string[] =>
  noWords
    .screen(text)
    .hits.filter((h) => h.kind === 'marking')
    .map((h) => h.match)

describe('classification markings (rule S-03)', () => {
  it.each([
    ['机密★10年', '机密★10年'],
    ['绝密 ★', '绝密 ★'],
    ['秘密级', '秘密级'],
    ['【机密】', '【机密】'],
    ['（绝密）会议纪要', '（绝密）'],
    ['文件标注为绝密★长期', '绝密★长期'],
    ['秘密★6个月', '秘密★6个月'],
    ['机密10年', '机密10年'],
    ['机密 二十年', '机密 二十年'],
    ['密级：秘密', '密级：秘密'],
    ['密级为机密，另附清单', '密级为机密'],
    ['秘密 保密期限：10年', '秘密 保密期限：10年'],
    ['机密期限', '机密期限'],
    ['机密*10年', '机密*10年'],
    ['机密☆5年', '机密☆5年'],
    ['按机密级管理', '机密级'],
    ['该件★10年', '★10年'],
    ['[秘密★3年]', '[秘密★3年]'],
    ['機密★', '機密★'],
    ['絕密級', '絕密級'],
  ])('S-03 hits the marking in %j', (text, match) => {
    expect(markings(text)).toEqual([match])
  })

  it('S-03 hits full-width and compatibility forms', () => {
    expect(markings('机密★１０年')).toEqual(['机密★１０年'])
    expect(markings('机密＊１０年')).toEqual(['机密＊１０年'])
    expect(markings('［机密］')).toEqual(['［机密］'])
    expect(markings('㊙密★')).toEqual(['㊙密★']) // ㊙ is 秘 in a circle
    expect(markings('密级：机密')).toEqual(['密级：机密'])
  })

  it.each([
    '机 密 ★ 1 0 年',
    '机\u200B密★10年',
    '机\u200D密\uFEFF级',
    '机\u3000密★',
    '机\n密★',
    '机\u0301密★', // a combining mark glued on
    '绝密\u00A0★',
    '绝\u2060密\u200C★',
    '秘\u00AD密级',
    '机\u0007密★', // an ASCII control character
  ])('S-03 sees through separators inserted to evade: %j', (text) => {
    expect(markings(text)).toEqual([text])
  })

  it.each([
    '涉密载体',
    '保密工作会议',
    '县保密局关于开展保密检查的通知',
    '保密期限十年',
    '机密文件应当专柜存放',
    '机密件3份',
    '涉及国家秘密的载体',
    '工作秘密级文件按规定管理',
    '商业秘密【】',
    '计算机密级标识不清',
    '手机密码不得外借',
    '涉密计算机 密级标识',
    '杜绝密级标注不规范的问题',
    '神秘密级',
    '★★★ 重点',
    '★ 重点工作',
    '内部★',
    '机密＊＊＊',
    '密级',
    '秘密',
    '2024年 第10期',
  ])('S-03 leaves ordinary prose alone: %j', (text) => {
    expect(noWords.screen(text).hits).toEqual([])
  })

  it('S-03 a category name is not a level, but a period star after it still is a marking', () => {
    expect(markings('国家秘密★10年')).toEqual(['★10年'])
    expect(markings('工作秘密★')).toEqual([])
  })

  it('S-03 reports each marking where it is', () => {
    const text = '附件一：机密★10年；附件二：【秘密】'
    expect(noWords.screen(text).hits).toEqual([
      { kind: 'marking', match: '机密★10年', start: 4, end: 10 },
      { kind: 'marking', match: '【秘密】', start: 15, end: 19 },
    ])
  })
})

describe('sensitive words (rule S-03)', () => {
  it('S-03 hits listed words at the right offsets, overlapping ones and surrogate pairs included', () => {
    const screener = createTextScreener(['保密局长', '局长办公', '𠮷野家', '密局'])
    expect(screener.screen('县保密局长办公室与𠮷野家').hits).toEqual([
      { kind: 'sensitive_word', match: '保密局长', start: 1, end: 5, word: '保密局长' },
      { kind: 'sensitive_word', match: '密局', start: 2, end: 4, word: '密局' },
      { kind: 'sensitive_word', match: '局长办公', start: 3, end: 7, word: '局长办公' },
      { kind: 'sensitive_word', match: '𠮷野家', start: 9, end: 13, word: '𠮷野家' },
    ])
  })

  it('S-03 folds case, full-width forms and separators in both the word and the text', () => {
    const screener = createTextScreener(['XJ-7工程', '红 星'])
    expect(screener.screen('关于ｘｊ－７\u200B工 程的通知').hits).toEqual([
      { kind: 'sensitive_word', match: 'ｘｊ－７\u200B工 程', start: 2, end: 10, word: 'XJ-7工程' },
    ])
    expect(screener.screen('红星').hits).toMatchObject([{ word: '红 星', start: 0, end: 2 }])
  })

  it('S-03 matches Latin words at word boundaries only, spaces inside still count as evasion', () => {
    const screener = createTextScreener(['ab', 'test'])
    expect(screener.screen('tab table').hits).toEqual([])
    expect(screener.screen('the best estimate').hits).toEqual([])
    expect(screener.screen('a t e s t!').hits).toMatchObject([{ match: 't e s t', start: 2, end: 9 }])
    expect(screener.screen('项目AB，').hits).toMatchObject([{ match: 'AB', start: 2, end: 4 }])
  })

  it('S-03 drops empty and duplicate words and reports the word as configured', () => {
    const screener = createTextScreener(['', ' ', '\u200B', '保密局', '保 密局', 'Abc', 'ABC'])
    expect(screener.wordCount).toBe(2)
    expect(screener.screen('abc 保密局').hits.map((h) => h.word)).toEqual(['Abc', '保密局'])
  })

  it('S-03 a unit may list a level word itself, then every bare occurrence hits', () => {
    const screener = createTextScreener(['机密'])
    expect(screener.screen('机密文件').hits).toEqual([
      { kind: 'sensitive_word', match: '机密', start: 0, end: 2, word: '机密' },
    ])
  })

  it('S-03 reports a listed word and a marking in the same text, both', () => {
    const screener = createTextScreener(['红星厂'])
    expect(screener.screen('红星厂 机密★').hits.map((h) => h.kind)).toEqual(['sensitive_word', 'marking'])
  })
})

describe('screenFreeText and the override (rule S-03)', () => {
  const screener = createTextScreener(['红星厂'])

  it('S-03 passes clean text with no hits', () => {
    expect(screenFreeText(screener, '年度保密工作总结')).toEqual({
      ok: true,
      value: { overridden: false, hits: [] },
    })
    expect(screenFreeText(screener, '年度保密工作总结', { reason: '不需要理由' })).toEqual({
      ok: true,
      value: { overridden: false, hits: [] },
    })
  })

  it('S-03 refuses a hit without an override and says which', () => {
    const result = screenFreeText(screener, '附：机密★10年')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('S-03')
    expect(result.error.message.zh).toBe('文本中含有密级标志或敏感词（“机密★10年”），请改写（规则 S-03）')
    expect(result.error.message.en).toContain('"机密★10年"')
    expect(result.error.message.en).toContain('rule S-03')
    expect(result.error.details).toEqual({
      hits: [{ kind: 'marking', match: '机密★10年', start: 2, end: 8 }],
      field: 'text',
    })
  })

  it('S-03 lists at most three hits in the message', () => {
    const result = screenFreeText(screener, '红星厂 【机密】 秘密级 绝密★ 红星厂')
    if (result.ok) throw new Error('expected a refusal')
    expect(result.error.message.zh).toBe(
      '文本中含有密级标志或敏感词（“红星厂”、“【机密】”、“秘密级” 等 5 处），请改写（规则 S-03）',
    )
  })

  it('S-03 an override with a reason passes and returns the hits to log', () => {
    const result = screenFreeText(screener, '红星厂搬迁', { reason: '  厂名为公开信息  ' })
    expect(result).toEqual({
      ok: true,
      value: {
        overridden: true,
        hits: [{ kind: 'sensitive_word', match: '红星厂', start: 0, end: 3, word: '红星厂' }],
        reason: '厂名为公开信息',
      },
    })
  })

  it.each(['', '   ', '原因', '。。。。。', '\u200B\u200B\u200B\u200B\u200B', 'a b c'])(
    'S-03 an override without a real reason (%j) fails',
    (reason) => {
      const result = screenFreeText(screener, '红星厂搬迁', { reason })
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.code).toBe('S-03')
      expect(result.error.message.zh).toContain(`不少于 ${MIN_OVERRIDE_REASON_LENGTH} 个字`)
      expect(result.error.details).toMatchObject({ field: 'reason' })
    },
  )

  it('S-03 an override reason of exactly four characters is enough', () => {
    expect(screenFreeText(screener, '红星厂', { reason: '公开信息' }).ok).toBe(true)
  })

  it('S-03 the reason is logged, so a reason that itself carries a hit fails', () => {
    const result = screenFreeText(screener, '红星厂', { reason: '原文标注机密★10年' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.message.zh).toContain('理由中也含有')
    expect(result.error.details).toMatchObject({ field: 'reason', hits: [{ match: '机密★10年' }] })
  })
})
