import { describe, expect, it } from 'vitest'
import { selfAssessmentOfYear } from '../../../src/registers/inspection/queries.ts'
import {
  DEFAULT_SELF_ASSESSMENT_SHEET,
  type SheetAnswer,
  scoreSelfAssessment,
} from '../../../src/registers/inspection/scoring.ts'
import { local } from '../../support/fixtures.ts'
import { codes, eventBuilder, foldInspections } from './inspection-fold.ts'

const SHEET = DEFAULT_SELF_ASSESSMENT_SHEET

/** A full sheet: `total` points spread over items 1–50 (2 each, the remainder on one item). */
function answers(
  total: number,
  opts: { notApplicable?: number[]; deducted?: number; vetoed?: boolean } = {},
): SheetAnswer[] {
  const na = new Set(opts.notApplicable ?? [])
  let left = total
  const out: SheetAnswer[] = []
  for (let no = 1; no <= 50; no++) {
    if (na.has(no)) {
      out.push({ no, notApplicable: true })
      continue
    }
    const awarded = Math.min(2, left)
    left -= awarded
    out.push({ no, awarded })
  }
  for (let no = 51; no <= 58; no++) out.push({ no, deducted: no === 51 ? (opts.deducted ?? 0) : 0 })
  out.push({ no: 59, vetoed: opts.vetoed ?? false })
  return out
}

function verdict(a: SheetAnswer[]): string {
  const r = scoreSelfAssessment(SHEET, a)
  return r.ok ? r.value.verdict : r.error.code
}

describe('self-assessment scoring', () => {
  it('I-05 the common sheet has 59 items and items 1–50 are worth 100 points', () => {
    expect(SHEET.items).toHaveLength(59)
    const scored = SHEET.items.filter((i) => i.kind === 'scored')
    expect(scored.map((i) => i.no)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    expect(scored.reduce((s, i) => s + (i.kind === 'scored' ? i.maxPoints : 0), 0)).toBe(100)
    expect(SHEET.items.filter((i) => i.kind === 'deduction').map((i) => i.no)).toEqual([
      51, 52, 53, 54, 55, 56, 57, 58,
    ])
    expect(SHEET.items[58]).toEqual({ no: 59, kind: 'veto' })
  })

  it.each([
    [100, 'compliant'],
    [90, 'compliant'],
    [89.5, 'basically_compliant'],
    [89, 'basically_compliant'],
    [80, 'basically_compliant'],
    [79.5, 'non_compliant'],
    [0, 'non_compliant'],
  ])('I-05 %s of 100 points is %s', (total, expected) => {
    expect(verdict(answers(total))).toBe(expected)
  })

  it('I-05 the ratio is over the applicable items only: 36 of 40 applicable points is 90%', () => {
    const na = Array.from({ length: 30 }, (_, i) => i + 21) // items 21–50 not applicable: 40 points left
    const r = scoreSelfAssessment(SHEET, answers(36, { notApplicable: na }))
    expect(r.ok && r.value).toMatchObject({
      score: 36,
      applicablePoints: 40,
      ratio: 0.9,
      verdict: 'compliant',
    })
    expect(verdict(answers(35.5, { notApplicable: na }))).toBe('basically_compliant')
  })

  it('I-05 extra deductions (51–58) lower the score across a boundary, never below 0', () => {
    expect(verdict(answers(92, { deducted: 2 }))).toBe('compliant')
    expect(verdict(answers(92, { deducted: 2.5 }))).toBe('basically_compliant')
    const r = scoreSelfAssessment(SHEET, answers(3, { deducted: 5 }))
    expect(r.ok && r.value.score).toBe(0)
  })

  it('I-05 item 59 is a veto: 不符合 whatever the score', () => {
    const r = scoreSelfAssessment(SHEET, answers(100, { vetoed: true }))
    expect(r.ok && r.value).toMatchObject({ score: 100, vetoed: true, verdict: 'non_compliant' })
  })

  it('I-05 refuses an incomplete, repeated, out-of-range or foreign answer, and a sheet with nothing applicable', () => {
    const full = answers(100)
    expect(verdict(full.slice(1))).toBe('I-05')
    expect(verdict([...full, { no: 3, awarded: 1 }])).toBe('I-05')
    expect(verdict(full.map((a) => (a.no === 4 ? { no: 4, awarded: 2.5 } : a)))).toBe('I-05')
    expect(verdict(full.map((a) => (a.no === 52 ? { no: 52, deducted: 6 } : a)))).toBe('I-05')
    expect(verdict(full.map((a) => (a.no === 59 ? { no: 59, awarded: 1 } : a)))).toBe('I-05')
    expect(verdict([...full, { no: 60, awarded: 1 }])).toBe('I-05')
    expect(verdict(answers(0, { notApplicable: Array.from({ length: 50 }, (_, i) => i + 1) }))).toBe('I-05')
  })

  it('I-05 the fold scores a recorded self-assessment and refuses an invalid one or an unpublished sheet', () => {
    const ev = eventBuilder()
    const at = local('2026-11-20T10:00')
    const f = foldInspections([
      ev(
        'inspection.self_assessment_recorded',
        { assessmentId: 'a1', year: 2026, sheetId: 'common-59', answers: answers(85) },
        at,
      ),
      ev(
        'inspection.self_assessment_recorded',
        { assessmentId: 'a2', year: 2026, sheetId: 'common-59', answers: answers(85).slice(2) },
        at,
      ),
      ev(
        'inspection.self_assessment_recorded',
        { assessmentId: 'a3', year: 2026, sheetId: 'other', answers: answers(85) },
        at,
      ),
    ])
    expect(codes(f)).toEqual(['I-05', 'I-05'])
    expect(selfAssessmentOfYear(f.state, 2026)?.verdict).toBe('basically_compliant')
    expect(selfAssessmentOfYear(f.state, 2025)).toBeNull()
  })
})
