/**
 * What each user sets on a register table and finds again next time (列设置, 密度, 每页条数): per
 * register and per user, in the browser's storage. Pure functions here; the shell reads and writes.
 */

export type Density = 'large' | 'default' | 'small'
export const PAGE_SIZES = [10, 20, 50, 100] as const
export type PageSize = (typeof PAGE_SIZES)[number]

export interface ColumnSetting {
  readonly prop: string
  readonly visible: boolean
  /** A width the user set (px); undefined: the column's own. */
  readonly width?: number
}

export interface TableSettings {
  /** In display order. */
  readonly columns: readonly ColumnSetting[]
  readonly density: Density
  readonly pageSize: PageSize
}

const MIN_WIDTH = 48
const MAX_WIDTH = 800

/** Every column shown but those the register hides by default (`hidden`), 20 rows a page. */
export function defaultSettings(props: readonly string[], hidden: readonly string[] = []): TableSettings {
  return {
    columns: props.map((prop) => ({ prop, visible: !hidden.includes(prop) })),
    density: 'default',
    pageSize: 20,
  }
}

/**
 * Saved settings fitted to the register's current columns: saved order and choices kept, columns the
 * register no longer has dropped, new ones appended visible; anything malformed falls back to defaults.
 */
export function fitSettings(
  saved: unknown,
  props: readonly string[],
  hidden: readonly string[] = [],
): TableSettings {
  const base = defaultSettings(props, hidden)
  if (typeof saved !== 'object' || saved === null) return base
  const record = saved as Record<string, unknown>
  const known = new Set(props)
  const seen = new Set<string>()
  const columns: ColumnSetting[] = []
  for (const item of Array.isArray(record.columns) ? record.columns : []) {
    if (typeof item !== 'object' || item === null) continue
    const { prop, visible, width } = item as Record<string, unknown>
    if (typeof prop !== 'string' || !known.has(prop) || seen.has(prop)) continue
    seen.add(prop)
    const fitted: ColumnSetting =
      typeof width === 'number' && Number.isFinite(width)
        ? {
            prop,
            visible: visible !== false,
            width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width))),
          }
        : { prop, visible: visible !== false }
    columns.push(fitted)
  }
  for (const prop of props) if (!seen.has(prop)) columns.push({ prop, visible: !hidden.includes(prop) })
  const density = (['large', 'default', 'small'] as const).find((d) => d === record.density) ?? base.density
  const pageSize = PAGE_SIZES.find((s) => s === record.pageSize) ?? base.pageSize
  return { columns, density, pageSize }
}

/** The storage key of one user's settings of one register table. */
export function settingsKey(register: string, user: string): string {
  return `secledger:table:${register}:${user}`
}

export function loadSettings(
  storage: Pick<Storage, 'getItem'> | undefined,
  key: string,
  props: readonly string[],
  hidden: readonly string[] = [],
): TableSettings {
  try {
    const raw = storage?.getItem(key)
    return fitSettings(raw ? JSON.parse(raw) : null, props, hidden)
  } catch {
    return defaultSettings(props, hidden)
  }
}

export function saveSettings(
  storage: Pick<Storage, 'setItem'> | undefined,
  key: string,
  settings: TableSettings,
): void {
  try {
    storage?.setItem(key, JSON.stringify(settings))
  } catch {
    // storage full or refused (private mode): the settings last for this session only
  }
}

/** Moves a column one place up (-1) or down (+1) in the display order. */
export function moveColumn(settings: TableSettings, prop: string, step: -1 | 1): TableSettings {
  const columns = [...settings.columns]
  const from = columns.findIndex((c) => c.prop === prop)
  const to = from + step
  if (from < 0 || to < 0 || to >= columns.length) return settings
  const [moved] = columns.splice(from, 1)
  columns.splice(to, 0, moved as ColumnSetting)
  return { ...settings, columns }
}

export function setColumn(
  settings: TableSettings,
  prop: string,
  change: Partial<Omit<ColumnSetting, 'prop'>>,
): TableSettings {
  return {
    ...settings,
    columns: settings.columns.map((c) => (c.prop === prop ? { ...c, ...change } : c)),
  }
}

/** The configured columns in the user's order, without the hidden ones, with the user's widths. */
export function orderedColumns<C extends { readonly prop: string; readonly width?: number }>(
  columns: readonly C[],
  settings: TableSettings | null,
): C[] {
  if (settings === null) return [...columns]
  const byProp = new Map(columns.map((c) => [c.prop, c]))
  const out: C[] = []
  for (const s of settings.columns) {
    const col = byProp.get(s.prop)
    if (col === undefined || !s.visible) continue
    out.push(s.width === undefined ? col : { ...col, width: s.width })
  }
  return out
}
