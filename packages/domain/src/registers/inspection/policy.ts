import { type Checklist, DEFAULT_CHECKLIST } from './checklist.ts'
import { DEFAULT_SELF_ASSESSMENT_SHEET, type SelfAssessmentSheet } from './scoring.ts'

/**
 * County and unit configuration of the inspection register (保密检查 / 整改, rules I-01..I-05).
 * The slice is built with one (createInspectionSlice); UnitPolicy does not carry these settings.
 */
export interface InspectionPolicy {
  /** rule I-02: every checklist version the county has published (inspections name theirs). */
  readonly checklists: readonly Checklist[]
  /** rule I-05: every scoring sheet version the county has published. */
  readonly sheets: readonly SelfAssessmentSheet[]
  /**
   * rule I-01: a holiday check counts when the inspection is held within this many calendar days
   * before the first day off. The seeds say "节前" without a figure; 7 days is the policy's reading.
   */
  readonly holidayCheckWindowDays: number
  /**
   * rule I-04: a serious finding (重大泄密隐患和严重违规情况) is reported to the unit's responsible
   * leader within this many ms of being recorded. The seed says "要向负责人报告" with no figure;
   * 3 calendar days is the policy's reading.
   */
  readonly seriousReportWithinMs: number
}

export const DEFAULT_INSPECTION_POLICY: InspectionPolicy = {
  checklists: [DEFAULT_CHECKLIST],
  sheets: [DEFAULT_SELF_ASSESSMENT_SHEET],
  holidayCheckWindowDays: 7,
  seriousReportWithinMs: 3 * 86_400_000,
}
