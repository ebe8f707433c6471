import { LEVEL_LABEL_ZH, type Level, MAX_PERIOD_YEARS } from './levels.ts'
import { type DomainError, domainError } from './result.ts'

/** rule D-03: period within the level's maximum; levels that are not state secrets have none. */
export function checkPeriod(level: Level, period: number | null): DomainError | null {
  const max = MAX_PERIOD_YEARS[level]
  if (max === undefined) {
    if (period === null) return null
    return domainError(
      'D-03',
      `${LEVEL_LABEL_ZH[level]}不是国家秘密，不设保密期限（规则 D-03）`,
      'Only state secrets have a secrecy period (rule D-03)',
    )
  }
  if (period === null || (period >= 1 && period <= max)) return null
  return domainError(
    'D-03',
    `${LEVEL_LABEL_ZH[level]}保密期限须为 1 至 ${max} 年（规则 D-03）`,
    `The secrecy period of this level must be 1 to ${max} years (rule D-03)`,
    { max },
  )
}
