/** One column of a register table; `slot` names a scoped slot `cell-<prop>` that renders the cell. */
export interface RegisterColumn {
  readonly prop: string
  readonly label: string
  readonly width?: number
  readonly minWidth?: number
  readonly slot?: boolean
  readonly fixed?: 'left' | 'right'
  /** Sorted by the shell over all rows (not only the page shown). */
  readonly sortable?: boolean
  /** Not shown until the user turns it on in 列设置 (keeps the default table within a 1,280 px screen). */
  readonly hidden?: boolean
}
