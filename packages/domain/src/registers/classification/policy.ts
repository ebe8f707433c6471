/**
 * Unit configuration of the classification register (定密). Kept apart from UnitPolicy, which this
 * register does not own; the slice is built with one (createClassificationSlice).
 */
export interface ClassificationPolicy {
  /** rule D-06: years between periodic reviews of a determined item; the 2024 law asks for yearly. */
  readonly reviewIntervalYears: number
  /**
   * rule D-01: whether a proposal may cite a catalogue item as original authority (原始定密).
   * A township has none (保密法 第十七条), so default off: determinations are derived (派生定密).
   */
  readonly allowOriginalClassification: boolean
}

export const DEFAULT_CLASSIFICATION_POLICY: ClassificationPolicy = {
  reviewIntervalYears: 1,
  allowOriginalClassification: false,
}
