/**
 * A form's fields read off the domain's zod schema of the event it writes (issue 12): the schema says
 * which fields exist, their kind, whether they are required and how long they may be; the register's
 * configuration adds only labels, choices and widget hints. Errors come back from the same schema, in
 * the officer's language, beside the field they concern.
 *
 * The schema is read structurally (`_zod.def`), as the domain's S-03 field walk does, so this module
 * needs no zod import of its own.
 */

/**
 * `list`: an array of strict objects (a sign-out's recipients, a print job's material), edited as a
 * small table whose cells are fields read off the element's schema.
 */
export type FieldKind = 'text' | 'textarea' | 'number' | 'switch' | 'select' | 'tags' | 'datetime' | 'list'

export interface Bilingual {
  readonly zh: string
  readonly en: string
}

export interface FieldOption {
  readonly value: string
  readonly label: Bilingual
}

/** What a register's configuration says about one field the user fills. */
export interface FieldSpec {
  readonly label: Bilingual
  /** A number holding an instant is a `datetime`; a string list picked from choices is a `select`. */
  readonly kind?: FieldKind
  readonly options?: readonly FieldOption[]
  readonly hint?: Bilingual
  /** A list's cells: the element's fields the user fills, in this order. */
  readonly columns?: Readonly<Record<string, FieldSpec>>
  /** A list element's id the user does not type: numbered by row, `${prefix}${n}` (r1, r2…). */
  readonly numbered?: RowNumbering
}

export interface RowNumbering {
  readonly key: string
  readonly prefix: string
}

export interface FormField {
  readonly key: string
  readonly label: Bilingual
  readonly kind: FieldKind
  readonly required: boolean
  /** The event may leave the field out (an empty value is then not written). */
  readonly optional: boolean
  readonly multiple: boolean
  readonly maxLength: number | null
  readonly options: readonly FieldOption[]
  readonly hint: Bilingual | null
  /** A list's cells (empty for other kinds). */
  readonly columns: readonly FormField[]
  readonly numbered: RowNumbering | null
}

export type FormValues = Record<string, unknown>

interface Def {
  readonly type: string
  readonly shape?: Readonly<Record<string, unknown>>
  readonly innerType?: unknown
  readonly element?: unknown
  readonly entries?: Readonly<Record<string, string>>
  readonly checks?: readonly { readonly _zod: { readonly def: Record<string, unknown> } }[]
}

function defOf(schema: unknown): Def {
  const def = (schema as { _zod?: { def?: Def } } | null)?._zod?.def
  if (!def) throw new TypeError('not a zod schema')
  return def
}

/** The schema under optional/nullable/default, and whether the field may be left out. */
function unwrap(schema: unknown): { def: Def; optional: boolean } {
  let def = defOf(schema)
  let optional = false
  while (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') {
    optional = true
    def = defOf(def.innerType)
  }
  return { def, optional }
}

function bound(def: Def, check: 'min_length' | 'max_length'): number | null {
  for (const c of def.checks ?? []) {
    const d = c._zod.def
    if (d.check === check) return d[check === 'min_length' ? 'minimum' : 'maximum'] as number
  }
  return null
}

function inferredKind(def: Def): FieldKind {
  switch (def.type) {
    case 'boolean':
      return 'switch'
    case 'number':
      return 'number'
    case 'enum':
      return 'select'
    case 'array': {
      const element = defOf(def.element).type
      return element === 'enum' ? 'select' : element === 'object' ? 'list' : 'tags'
    }
    default:
      return (bound(def, 'max_length') ?? 0) > 200 ? 'textarea' : 'text'
  }
}

function enumOptions(def: Def, labels: readonly FieldOption[] | undefined): FieldOption[] {
  const values = Object.values(def.entries ?? {})
  return values.map(
    (value) => labels?.find((o) => o.value === value) ?? { value, label: { zh: value, en: value } },
  )
}

/**
 * The fields of `schema` (a strict object) named in `specs`, in the specs' order. A spec naming a field
 * the schema lacks is a programming error and throws: a form must never write a field the domain drops.
 */
export function formFields(schema: unknown, specs: Readonly<Record<string, FieldSpec>>): FormField[] {
  const shape = defOf(schema).shape
  if (!shape) throw new TypeError('a form is built from an object schema')
  return Object.entries(specs).map(([key, spec]) => {
    const field = shape[key]
    if (field === undefined) throw new TypeError(`the schema has no field "${key}"`)
    const { def, optional } = unwrap(field)
    // a string picked from given choices (an approval, a person) is a select, not typed
    const kind = spec.kind ?? (spec.options && def.type === 'string' ? 'select' : inferredKind(def))
    const element = def.type === 'array' ? unwrap(def.element).def : null
    const choices = def.type === 'enum' ? def : element?.type === 'enum' ? element : null
    const min = bound(def, 'min_length')
    return {
      key,
      label: spec.label,
      kind,
      // a field the event must hold: asked for even where the schema lets it be empty (reference fields
      // are, so that a refusal names the rule), since the form can say which field is missing
      // (a list may be empty unless the schema says otherwise: nothing damaged, nothing missing)
      required: !optional && def.type !== 'boolean' && (def.type === 'array' ? (min ?? 0) > 0 : true),
      optional,
      multiple: def.type === 'array',
      maxLength: def.type === 'string' ? bound(def, 'max_length') : null,
      options: spec.options ?? (choices ? enumOptions(choices, undefined) : []),
      hint: spec.hint ?? null,
      // a list's cells are read off its element's schema, as the form's fields are off the event's
      columns: kind === 'list' ? formFields(def.element, spec.columns ?? {}) : [],
      numbered: spec.numbered ?? null,
    }
  })
}

/** Empty values for a new form: '' for text, null for numbers and instants, false, or []. */
export function emptyValues(fields: readonly FormField[]): FormValues {
  const values: FormValues = {}
  for (const f of fields)
    values[f.key] = f.multiple
      ? []
      : f.kind === 'switch'
        ? false
        : f.kind === 'number' || f.kind === 'datetime'
          ? null
          : ''
  return values
}

/**
 * The payload the form writes: typed values trimmed, an empty optional field left out (the schema's
 * `optional` means absent, not ''), then the values the context fixes (ids, the row's carrier).
 */
export function payloadOf(fields: readonly FormField[], values: FormValues, fixed: FormValues): FormValues {
  const payload: FormValues = {}
  for (const f of fields) {
    let value = values[f.key]
    if (typeof value === 'string') value = value.trim()
    if (f.kind === 'list' && Array.isArray(value)) value = listPayload(f, value)
    else if (Array.isArray(value))
      value = value.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '')
    if (isEmpty(value) && f.optional) continue
    payload[f.key] = value === null ? undefined : value
  }
  return { ...payload, ...fixed }
}

/**
 * A list's rows as the event holds them: each row's cells as a form's payload, its numbered id added.
 * Rows are kept even when blank, so an issue's row index is the row the user sees.
 */
function listPayload(f: FormField, rows: readonly unknown[]): FormValues[] {
  return rows.map((row, i) => {
    const cells = payloadOf(f.columns, (row ?? {}) as FormValues, {})
    return f.numbered ? { [f.numbered.key]: `${f.numbered.prefix}${i + 1}`, ...cells } : cells
  })
}

/** Empty cells for a row added to a list. */
export function emptyRow(field: FormField): FormValues {
  return emptyValues(field.columns)
}

function rowText(index: number, message: string, locale: 'zh-CN' | 'en'): string {
  return locale === 'zh-CN' ? `第 ${index + 1} 行：${message}` : `Row ${index + 1}: ${message}`
}

function isEmpty(value: unknown): boolean {
  return value === '' || value === null || value === undefined || (Array.isArray(value) && value.length === 0)
}

/** 请填写 / 请选择 for each required field left empty, before the schema or any rule is asked. */
export function missingFields(
  fields: readonly FormField[],
  values: FormValues,
  locale: 'zh-CN' | 'en',
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of fields) {
    const value = values[f.key]
    if (f.kind === 'list' && Array.isArray(value)) {
      // the first row with a cell left empty, named by its row
      for (const [i, row] of value.entries()) {
        const first = Object.values(missingFields(f.columns, (row ?? {}) as FormValues, locale))[0]
        if (first === undefined) continue
        out[f.key] = rowText(i, first, locale)
        break
      }
      if (out[f.key] !== undefined) continue
    }
    if (!f.required || !isEmpty(typeof value === 'string' ? value.trim() : value)) continue
    out[f.key] = issueText(
      { code: f.kind === 'select' ? 'invalid_value' : 'invalid_type', path: [f.key] },
      f.label,
      locale,
    )
  }
  return out
}

/** One zod issue, as much of it as the messages need. */
export interface SchemaIssue {
  readonly code: string
  readonly path: readonly PropertyKey[]
  readonly maximum?: number | bigint
  readonly minimum?: number | bigint
}

function issueText(issue: SchemaIssue, label: Bilingual, locale: 'zh-CN' | 'en'): string {
  const zh = locale === 'zh-CN'
  const name = zh ? label.zh : label.en
  switch (issue.code) {
    case 'invalid_type':
      return zh ? `请填写${name}` : `${name} is required`
    case 'too_small':
      return Number(issue.minimum ?? 1) <= 1
        ? zh
          ? `请填写${name}`
          : `${name} is required`
        : zh
          ? `${name}至少 ${issue.minimum} 项`
          : `${name}: at least ${issue.minimum}`
    case 'too_big':
      return zh ? `${name}不超过 ${issue.maximum} 字` : `${name}: at most ${issue.maximum} characters`
    case 'too_many_rows':
      return zh ? `${name}不超过 ${issue.maximum} 行` : `${name}: at most ${issue.maximum} rows`
    case 'invalid_value':
      return zh ? `请选择${name}` : `Choose ${name}`
    default:
      return zh ? `${name}格式不正确` : `${name} is not in the expected form`
  }
}

/**
 * The schema's issues as one message per field the user fills (the first issue of each); issues of
 * fields the context fixes are not the user's to fix and come back under `other`.
 */
export function fieldErrors(
  issues: readonly SchemaIssue[],
  fields: readonly FormField[],
  locale: 'zh-CN' | 'en',
): { byField: Record<string, string>; other: SchemaIssue[] } {
  const byField: Record<string, string> = {}
  const other: SchemaIssue[] = []
  for (const issue of issues) {
    const field = fields.find((f) => f.key === issue.path[0])
    if (!field) other.push(issue)
    else if (field.kind === 'list') byField[field.key] ??= listIssueText(issue, field, locale)
    // whatever is wrong with a choice, the fix is to choose
    else byField[field.key] ??= issueText(choiceIssue(issue, field), field.label, locale)
  }
  return { byField, other }
}

function choiceIssue(issue: SchemaIssue, field: FormField): SchemaIssue {
  return field.kind === 'select' ? { ...issue, code: 'invalid_value' } : issue
}

/** An issue of a list: of the whole list, or of a row's cell, named by its row (第 2 行：请填写数量). */
function listIssueText(issue: SchemaIssue, field: FormField, locale: 'zh-CN' | 'en'): string {
  const [, index, cellKey] = issue.path
  if (typeof index !== 'number')
    return issueText(
      issue.code === 'too_big' ? { ...issue, code: 'too_many_rows' } : issue,
      field.label,
      locale,
    )
  const cell = field.columns.find((c) => c.key === cellKey)
  // an issue of a cell the user does not fill (a numbered id) is the whole row's
  const text = cell
    ? issueText(choiceIssue({ ...issue, path: issue.path.slice(2) }, cell), cell.label, locale)
    : issueText({ ...issue, code: 'invalid_format' }, field.label, locale)
  return rowText(index, text, locale)
}
