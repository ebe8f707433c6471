import type { KeyDirectory, Level, RegisterState } from '@secledger/domain'
import type { Bilingual, QueryField, QueryValues, RegisterColumn } from '@secledger/ui/logic'
import type { Step } from './workflows/workflow.ts'

/**
 * A register's page as configuration (issue 13): its rows read from the folded state, its query form,
 * columns and how each cell shows, and the steps it offers. One component (ConfiguredRegisterPage.vue)
 * renders every such page on the shell; a register adds a configuration, never a page of its own.
 */

/** What every register page knows: the replica's state and who is looking, at `now`. */
export interface PageBase {
  readonly state: RegisterState
  readonly directory: KeyDirectory | null
  readonly userId: string
  readonly isOfficer: boolean
  readonly isLeader: boolean
  readonly now: number
}

/** Translation as the page's i18n gives it; configurations build their labels with it. */
export type Translate = (key: string, named?: Record<string, unknown>) => string

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/** How one cell shows: a few kinds, so configurations never write markup. */
export type CellView =
  | { readonly kind: 'text'; readonly text: string; readonly note?: string; readonly alert?: boolean }
  | {
      readonly kind: 'tag'
      readonly text: string
      readonly type: TagType
      readonly note?: string
      readonly alert?: boolean
    }
  | { readonly kind: 'level'; readonly level: Level; readonly periodYears?: number | null }
  | { readonly kind: 'empty' }

export interface ConfiguredRow {
  readonly id: string
}

export interface RegisterPageConfig<Row extends ConfiguredRow, Ctx> {
  /** Names the register: its stored table settings, its element ids. */
  readonly id: string
  /** i18n keys of the page's heading and its legal basis line. */
  readonly titleKey: string
  readonly basisKey: string
  readonly emptyKey: string
  fields(t: Translate): QueryField[]
  columns(t: Translate): RegisterColumn[]
  /** The rows shown for the query form's values. */
  rows(base: PageBase, query: QueryValues): Row[]
  /** Every column's cell; a column without one shows the row's property as text. */
  readonly cells: Readonly<Record<string, (row: Row, base: PageBase, t: Translate) => CellView>>
  /** The context a step is offered and built with: the page's (row null) or a row's. */
  context(base: PageBase, row: Row | null): Ctx
  /** Steps of the button row (登记…, 指定…). */
  readonly pageSteps: readonly Step<Ctx>[]
  /** Steps of a row's 更多 menu, offered by state and role. */
  readonly rowSteps: readonly Step<Ctx>[]
  /** What a row is called above a step's form and to a screen reader. */
  subject(row: Row, base: PageBase, t: Translate): string
  /** The subject of a page step (e.g. the unit's name); default none. */
  pageSubject?(base: PageBase, t: Translate): string
}

export const text = (b: Bilingual, locale: string): string => (locale === 'en' ? b.en : b.zh)
