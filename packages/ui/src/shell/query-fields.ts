/**
 * The query form of a register (查询条件), as officers know it from RuoYi / vben: configured per
 * register, rendered by RegisterQuery.vue. The register decides what a value means (its own filter).
 */
export type QueryField =
  | { readonly kind: 'keyword'; readonly key: string; readonly label: string; readonly placeholder?: string }
  | {
      readonly kind: 'select'
      readonly key: string
      readonly label: string
      readonly options: readonly { readonly value: string; readonly label: string }[]
    }
  | { readonly kind: 'dateRange'; readonly key: string; readonly label: string }
  | { readonly kind: 'switch'; readonly key: string; readonly label: string }

/** A date range as 'YYYY-MM-DD' days, both ends included. */
export type DayRange = readonly [string, string]

export type QueryValue = string | boolean | DayRange | null
export type QueryValues = Readonly<Record<string, QueryValue>>

/** The values of an untouched form: nothing chosen, nothing filtered. */
export function emptyQuery(fields: readonly QueryField[]): QueryValues {
  const values: Record<string, QueryValue> = {}
  for (const field of fields)
    values[field.key] = field.kind === 'switch' ? false : field.kind === 'dateRange' ? null : ''
  return values
}

/** How many fields have a value (the collapsed form shows it, so a hidden filter is never forgotten). */
export function activeCount(fields: readonly QueryField[], values: QueryValues): number {
  let n = 0
  for (const field of fields) {
    const value = values[field.key]
    if (value !== null && value !== '' && value !== false && value !== undefined) n += 1
  }
  return n
}

/** Whether a keyword (trimmed, case-insensitive; full-width letters and digits folded) occurs in any text. */
export function matchesKeyword(keyword: string, texts: readonly (string | null | undefined)[]): boolean {
  return keywordMatcher(keyword)(texts)
}

/**
 * The keyword's test, folded once for a whole list (a register of 10,000 rows tests it 10,000 times).
 * Texts are folded once each and remembered: a search over the same rows folds nothing again.
 */
export function keywordMatcher(keyword: string): (texts: readonly (string | null | undefined)[]) => boolean {
  const needle = foldText(keyword.trim())
  if (needle === '') return () => true
  return (texts) =>
    texts.some((text) => text !== null && text !== undefined && foldText(text).includes(needle))
}

// Bounded: cleared when it grows past what a few registers' worth of fields need.
const FOLDED = new Map<string, string>()
const MAX_FOLDED = 200_000

function foldText(text: string): string {
  let folded = FOLDED.get(text)
  if (folded === undefined) {
    if (FOLDED.size >= MAX_FOLDED) FOLDED.clear()
    folded = text.normalize('NFKC').toLowerCase()
    FOLDED.set(text, folded)
  }
  return folded
}

/** Whether a 'YYYY-MM-DD' day lies in a range (both ends included); no range: every day. */
export function inDayRange(day: string, range: DayRange | null): boolean {
  if (range === null) return true
  return day >= range[0] && day <= range[1]
}
