/** rule S-03: the unit's sensitive-word list (county data); markings are screened whatever the list. */
export interface ScreeningPolicy {
  readonly sensitiveWords: readonly string[]
}

export const DEFAULT_SCREENING_POLICY: ScreeningPolicy = { sensitiveWords: [] }
