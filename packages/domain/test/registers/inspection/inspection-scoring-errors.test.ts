import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SELF_ASSESSMENT_SHEET,
  type SelfAssessmentSheet,
  type SheetAnswer,
  scoreSelfAssessment,
  verdictOf,
} from '../../../src/registers/inspection/scoring.ts'
import { expectClearRefusal } from '../../support/clear-refusal.ts'

/** rule I-05: every way a sheet is filled wrongly is refused with the item and what to fix. */

const SHEET = DEFAULT_SELF_ASSESSMENT_SHEET

function full(): SheetAnswer[] {
  return [
    ...Array.from({ length: 50 }, (_, i): SheetAnswer => ({ no: i + 1, awarded: 2 })),
    ...Array.from({ length: 8 }, (_, i): SheetAnswer => ({ no: 51 + i, deducted: 0 })),
    { no: 59, vetoed: false },
  ]
}

function replace(no: number, answer: SheetAnswer): SheetAnswer[] {
  return full().map((a) => (a.no === no ? answer : a))
}

function errorOf(answers: readonly SheetAnswer[], sheet: SelfAssessmentSheet = SHEET) {
  const r = scoreSelfAssessment(sheet, answers)
  if (r.ok) return null
  expectClearRefusal(r.error)
  return { code: r.error.code, ...r.error.message, details: r.error.details }
}

describe('self-assessment sheet refusals (I-05)', () => {
  it('I-05 an item answered twice, left blank or not on the sheet is named', () => {
    expect(errorOf([...full(), { no: 3, awarded: 1 }])).toEqual({
      code: 'I-05',
      zh: '自评表填写有误：第 3 项重复（规则 I-05）',
      en: 'Invalid self-assessment: item 3 answered twice (rule I-05)',
      details: { no: 3 },
    })
    expect(errorOf(full().filter((a) => a.no !== 7))).toEqual({
      code: 'I-05',
      zh: '自评表填写有误：第 7 项未填写（规则 I-05）',
      en: 'Invalid self-assessment: item 7 not answered (rule I-05)',
      details: { no: 7 },
    })
    expect(errorOf([...full(), { no: 60, awarded: 1 }])).toEqual({
      code: 'I-05',
      zh: '自评表填写有误：第 60 项不在表中（规则 I-05）',
      en: 'Invalid self-assessment: item 60 is not on the sheet (rule I-05)',
      details: { no: 60 },
    })
  })

  it('I-05 a scored item needs points within its maximum, or not applicable', () => {
    const needs = {
      code: 'I-05',
      zh: '第 4 项须填写得分或不适用（规则 I-05）',
      en: 'Item 4: needs points awarded or not applicable (rule I-05)',
      details: { no: 4 },
    }
    expect(errorOf(replace(4, { no: 4, deducted: 0 }))).toEqual(needs)
    const range = {
      code: 'I-05',
      zh: '第 4 项得分须在 0–2 之间（规则 I-05）',
      en: 'Item 4: points must be within 0–2 (rule I-05)',
      details: { no: 4 },
    }
    for (const awarded of [-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(errorOf(replace(4, { no: 4, awarded }))).toEqual(range)
    expect(errorOf(replace(4, { no: 4, awarded: 0 }))).toBeNull()
  })

  it('I-05 a deduction item needs a deduction within its maximum (0 for none)', () => {
    expect(errorOf(replace(52, { no: 52, awarded: 0 }))).toEqual({
      code: 'I-05',
      zh: '第 52 项须填写扣分（无扣分填 0）（规则 I-05）',
      en: 'Item 52: needs the deduction (0 for none) (rule I-05)',
      details: { no: 52 },
    })
    for (const deducted of [-1, 5.5, Number.NaN])
      expect(errorOf(replace(52, { no: 52, deducted }))).toEqual({
        code: 'I-05',
        zh: '第 52 项扣分须在 0–5 之间（规则 I-05）',
        en: 'Item 52: deduction must be within 0–5 (rule I-05)',
        details: { no: 52 },
      })
    const r = scoreSelfAssessment(SHEET, replace(52, { no: 52, deducted: 5 }))
    expect(r.ok && r.value).toEqual({
      awarded: 100,
      deducted: 5,
      score: 95,
      applicablePoints: 100,
      ratio: 0.95,
      vetoed: false,
      verdict: 'compliant',
    })
  })

  it('I-05 the veto item needs its answer; a sheet with nothing applicable cannot be scored', () => {
    expect(errorOf(replace(59, { no: 59, deducted: 0 }))).toEqual({
      code: 'I-05',
      zh: '第 59 项须填写是否触发否决项（规则 I-05）',
      en: 'Item 59: needs whether the veto is triggered (rule I-05)',
      details: { no: 59 },
    })
    const none = full().map((a): SheetAnswer => (a.no <= 50 ? { no: a.no, notApplicable: true } : a))
    expect(errorOf(none)).toEqual({
      code: 'I-05',
      zh: '自评表填写有误：没有适用的评分项（规则 I-05）',
      en: 'Invalid self-assessment: no applicable scored item (rule I-05)',
      details: undefined,
    })
  })

  it('I-05 the verdict thresholds come from the sheet; any triggered veto of several decides', () => {
    const lenient: SelfAssessmentSheet = {
      id: 'lenient',
      items: [
        { no: 1, kind: 'scored', maxPoints: 10 },
        { no: 2, kind: 'veto' },
        { no: 3, kind: 'veto' },
      ],
      compliantPct: 70,
      basicPct: 50,
    }
    expect(verdictOf(7, 10, lenient)).toBe('compliant')
    expect(verdictOf(6.9, 10, lenient)).toBe('basically_compliant')
    expect(verdictOf(5, 10, lenient)).toBe('basically_compliant')
    expect(verdictOf(4.9, 10, lenient)).toBe('non_compliant')
    const r = scoreSelfAssessment(lenient, [
      { no: 1, awarded: 10 },
      { no: 2, vetoed: true },
      { no: 3, vetoed: false },
    ])
    expect(r.ok && r.value).toMatchObject({ score: 10, ratio: 1, vetoed: true, verdict: 'non_compliant' })
  })
})
