import { type DomainError, domainError, err, ok, type Result } from '../../core/result.ts'

/**
 * rule I-05: the self-assessment scoring sheet (自查自评表) as county-published data, and a pure
 * scoring function. The common sheet has 59 items: 1–50 scored (100 points in all), 51–58 extra
 * deductions, 59 a veto (一票否决). Verdict by score ÷ points of the applicable items:
 * ≥ 90% 符合, 80–89% 基本符合, below 不符合; a triggered veto is 不符合 whatever the score.
 */
export type SheetItem =
  | { readonly no: number; readonly kind: 'scored'; readonly maxPoints: number }
  | { readonly no: number; readonly kind: 'deduction'; readonly maxDeduction: number }
  | { readonly no: number; readonly kind: 'veto' }

export interface SelfAssessmentSheet {
  readonly id: string
  readonly items: readonly SheetItem[]
  /** Percent thresholds: ratio ≥ compliant → 符合; ≥ basic → 基本符合; else 不符合. */
  readonly compliantPct: number
  readonly basicPct: number
}

/**
 * The common sheet's shape. The item texts and per-item points differ between published versions;
 * the default spreads the 100 points evenly (2 per item) and caps each extra deduction at 5 points:
 * a county publishing its own sheet replaces both (decision, listed in the report).
 */
export const DEFAULT_SELF_ASSESSMENT_SHEET: SelfAssessmentSheet = {
  id: 'common-59',
  items: [
    ...Array.from({ length: 50 }, (_, i): SheetItem => ({ no: i + 1, kind: 'scored', maxPoints: 2 })),
    ...Array.from({ length: 8 }, (_, i): SheetItem => ({ no: 51 + i, kind: 'deduction', maxDeduction: 5 })),
    { no: 59, kind: 'veto' },
  ],
  compliantPct: 90,
  basicPct: 80,
}

/** One answer per sheet item: points awarded, not applicable, points deducted, or the veto. */
export type SheetAnswer =
  | { readonly no: number; readonly awarded: number }
  | { readonly no: number; readonly notApplicable: true }
  | { readonly no: number; readonly deducted: number }
  | { readonly no: number; readonly vetoed: boolean }

export type Verdict = 'compliant' | 'basically_compliant' | 'non_compliant'

export const VERDICT_LABEL_ZH: Readonly<Record<Verdict, string>> = {
  compliant: '符合',
  basically_compliant: '基本符合',
  non_compliant: '不符合',
}

export interface SelfAssessmentScore {
  readonly awarded: number
  readonly deducted: number
  /** awarded − deducted, never below 0 (decision: a deduction cannot make the score negative). */
  readonly score: number
  /** Points of the applicable scored items (the denominator). */
  readonly applicablePoints: number
  /** score ÷ applicablePoints, for display; the verdict compares exactly, not this float. */
  readonly ratio: number
  readonly vetoed: boolean
  readonly verdict: Verdict
}

function invalid(zh: string, en: string, details?: Readonly<Record<string, unknown>>): Result<never> {
  return err(
    domainError(
      'I-05',
      `自评表填写有误：${zh}（规则 I-05）`,
      `Invalid self-assessment: ${en} (rule I-05)`,
      details,
    ),
  )
}

function answerError(item: SheetItem, a: SheetAnswer): DomainError | null {
  const bad = (zh: string, en: string): DomainError =>
    domainError('I-05', `第 ${item.no} 项${zh}（规则 I-05）`, `Item ${item.no}: ${en} (rule I-05)`, {
      no: item.no,
    })
  switch (item.kind) {
    case 'scored':
      if ('notApplicable' in a) return null
      if (!('awarded' in a)) return bad('须填写得分或不适用', 'needs points awarded or not applicable')
      if (!Number.isFinite(a.awarded) || a.awarded < 0 || a.awarded > item.maxPoints)
        return bad(`得分须在 0–${item.maxPoints} 之间`, `points must be within 0–${item.maxPoints}`)
      return null
    case 'deduction':
      if (!('deducted' in a)) return bad('须填写扣分（无扣分填 0）', 'needs the deduction (0 for none)')
      if (!Number.isFinite(a.deducted) || a.deducted < 0 || a.deducted > item.maxDeduction)
        return bad(`扣分须在 0–${item.maxDeduction} 之间`, `deduction must be within 0–${item.maxDeduction}`)
      return null
    case 'veto':
      return 'vetoed' in a ? null : bad('须填写是否触发否决项', 'needs whether the veto is triggered')
  }
}

/**
 * rule I-05: scores a completed sheet. Every sheet item is answered exactly once (an inspector reads
 * a blank as not assessed, so an incomplete sheet is refused rather than scored).
 */
export function scoreSelfAssessment(
  sheet: SelfAssessmentSheet,
  answers: readonly SheetAnswer[],
): Result<SelfAssessmentScore> {
  const byNo = new Map<number, SheetAnswer>()
  for (const a of answers) {
    if (byNo.has(a.no)) return invalid(`第 ${a.no} 项重复`, `item ${a.no} answered twice`, { no: a.no })
    byNo.set(a.no, a)
  }
  let awarded = 0
  let deducted = 0
  let applicablePoints = 0
  let vetoed = false
  for (const item of sheet.items) {
    const a = byNo.get(item.no)
    if (a === undefined)
      return invalid(`第 ${item.no} 项未填写`, `item ${item.no} not answered`, { no: item.no })
    byNo.delete(item.no)
    const e = answerError(item, a)
    if (e !== null) return err(e)
    if (item.kind === 'scored' && 'awarded' in a) {
      awarded += a.awarded
      applicablePoints += item.maxPoints
    } else if (item.kind === 'deduction' && 'deducted' in a) deducted += a.deducted
    else if (item.kind === 'veto' && 'vetoed' in a) vetoed = vetoed || a.vetoed
  }
  const extra = [...byNo.keys()][0]
  if (extra !== undefined)
    return invalid(`第 ${extra} 项不在表中`, `item ${extra} is not on the sheet`, { no: extra })
  if (applicablePoints === 0) return invalid('没有适用的评分项', 'no applicable scored item')
  const score = Math.max(0, awarded - deducted)
  return ok({
    awarded,
    deducted,
    score,
    applicablePoints,
    ratio: score / applicablePoints,
    vetoed,
    verdict: vetoed ? 'non_compliant' : verdictOf(score, applicablePoints, sheet),
  })
}

/**
 * The verdict compares score × 100 with pct × points instead of dividing: 89.999…% is not rounded
 * up to 90% (decision: 80–89% means below 90%, so 89.5% is 基本符合).
 */
export function verdictOf(score: number, applicablePoints: number, sheet: SelfAssessmentSheet): Verdict {
  if (score * 100 >= sheet.compliantPct * applicablePoints) return 'compliant'
  if (score * 100 >= sheet.basicPct * applicablePoints) return 'basically_compliant'
  return 'non_compliant'
}
