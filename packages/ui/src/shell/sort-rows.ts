/** Sorting and paging of a register's rows, over all rows (not only the page shown). */

export type SortOrder = 'ascending' | 'descending'
export interface SortState {
  readonly prop: string
  readonly order: SortOrder
}

export type SortValue = string | number | boolean | null | undefined

const collator = new Intl.Collator('zh-CN', { numeric: true })

function compareValues(a: SortValue, b: SortValue): number {
  // Empty values last, whatever the direction is: a sorted 应还时间 shows the open hand-outs first.
  const emptyA = a === null || a === undefined || a === ''
  const emptyB = b === null || b === undefined || b === ''
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return collator.compare(String(a), String(b))
}

/** The rows in the given order (stable); `readValue` reads a row's value for a column. */
export function sortRows<Row>(
  rows: readonly Row[],
  sort: SortState | null,
  readValue: (row: Row, prop: string) => SortValue,
): Row[] {
  if (sort === null) return [...rows]
  const sign = sort.order === 'ascending' ? 1 : -1
  const keyed = rows.map((row, index) => ({ row, index, value: readValue(row, sort.prop) }))
  keyed.sort((x, y) => {
    const emptyX = x.value === null || x.value === undefined || x.value === ''
    const emptyY = y.value === null || y.value === undefined || y.value === ''
    if (emptyX || emptyY) return compareValues(x.value, y.value) || x.index - y.index
    return sign * compareValues(x.value, y.value) || x.index - y.index
  })
  return keyed.map((k) => k.row)
}

export function pageOf<T>(rows: readonly T[], page: number, size: number): T[] {
  const start = (Math.max(1, page) - 1) * size
  return rows.slice(start, start + size)
}

/** The last page that still has rows (after a filter shrank the list). */
export function clampPage(page: number, total: number, size: number): number {
  return Math.min(Math.max(1, page), Math.max(1, Math.ceil(total / size)))
}
