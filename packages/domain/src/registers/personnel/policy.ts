/**
 * Unit configuration of the classified-personnel and training register (涉密人员 / 保密教育, rules
 * P-01..P-05, T-01..T-03). Kept apart from UnitPolicy, which this register does not own; the slice is
 * built with one (createPersonnelSlice). No setting exempts any employment type (rule P-05).
 */
export const SecrecyPostLevel = {
  Core: 'core',
  Important: 'important',
  General: 'general',
} as const
export type SecrecyPostLevel = (typeof SecrecyPostLevel)[keyof typeof SecrecyPostLevel]

export const POST_LEVEL_LABEL_ZH: Readonly<Record<SecrecyPostLevel, string>> = {
  core: '核心',
  important: '重要',
  general: '一般',
}

/** A 脱密期 range in months, both ends inclusive. */
export interface MonthRange {
  readonly minMonths: number
  readonly maxMonths: number
}

export interface PersonnelPolicy {
  /**
   * rule P-03: 脱密期 ranges per level. The sources disagree (core 2–3 or 3–5 years, important 1–2 or 2–3,
   * general 6 months–1 year or 1–2); county configuration, default the shorter set.
   */
  readonly decontaminationMonths: Readonly<Record<SecrecyPostLevel, MonthRange>>
  /**
   * rules P-01, T-02: a scored session counts as "trained" only at or above this score (培训合格).
   * Sessions without a score (lectures, videos) count by attendance.
   */
  readonly passScore: number
  /**
   * rule T-03: the annual education plan is adopted by this local month-day of its year ('MM-DD').
   * The seed says only "annual"; an inspector expects the plan at the start of the year: default 01-31.
   */
  readonly planDueMonthDay: string
}

export const DEFAULT_PERSONNEL_POLICY: PersonnelPolicy = {
  decontaminationMonths: {
    core: { minMonths: 24, maxMonths: 36 },
    important: { minMonths: 12, maxMonths: 24 },
    general: { minMonths: 6, maxMonths: 12 },
  },
  passScore: 60,
  planDueMonthDay: '01-31',
}

/**
 * The longer set of 脱密期 ranges (core 3–5 years, important 2–3, general 1–2), for a county that
 * configures it.
 */
export const LONGER_DECONTAMINATION_MONTHS: Readonly<Record<SecrecyPostLevel, MonthRange>> = {
  core: { minMonths: 36, maxMonths: 60 },
  important: { minMonths: 24, maxMonths: 36 },
  general: { minMonths: 12, maxMonths: 24 },
}
