/**
 * The shell's logic without its components: query fields, sorting and paging, table settings, history
 * entries. Apps' plain .ts modules import it as '@secledger/ui/logic' (no .vue file behind it).
 */

export type {
  Bilingual,
  FieldKind,
  FieldOption,
  FieldSpec,
  FormField,
  FormValues,
  RowNumbering,
  SchemaIssue,
} from './forms/schema-fields.ts'
export {
  emptyRow,
  emptyValues,
  fieldErrors,
  formFields,
  missingFields,
  payloadOf,
} from './forms/schema-fields.ts'
export type { StrictDay } from './forms/strict-day.ts'
export { parseStrictDay } from './forms/strict-day.ts'
export type { HistoryEntry, HistoryRefusal, HistorySignature, HistoryText } from './history-entry.ts'
export type { RegisterColumn } from './register-columns.ts'
export type { DayRange, QueryField, QueryValue, QueryValues } from './shell/query-fields.ts'
export { activeCount, emptyQuery, inDayRange, keywordMatcher, matchesKeyword } from './shell/query-fields.ts'
export type { SortOrder, SortState, SortValue } from './shell/sort-rows.ts'
export { clampPage, pageOf, sortRows } from './shell/sort-rows.ts'
export type { ColumnSetting, Density, PageSize, TableSettings } from './shell/table-settings.ts'
export { fitSettings, loadSettings, PAGE_SIZES, saveSettings, settingsKey } from './shell/table-settings.ts'
