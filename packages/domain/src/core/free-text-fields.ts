import { z } from 'zod'

/**
 * rule S-03: which strings of an event payload are free text, read off the payload's zod schema so that
 * no register has to list them (and none can forget one). A string is free text unless its schema
 * constrains its form (a regex or a format: ids, dates, hashes), it is an enum or a literal, or it is
 * marked `.meta({ freeText: false })` (a field that holds a marking by design).
 */

/** One free-text value found in a payload, with where it sits (`copies.0.title`). */
export interface FreeTextValue {
  readonly path: string
  readonly text: string
}

type Extractor = (value: unknown, path: string, out: FreeTextValue[]) => void

interface ZodDef {
  readonly type: string
  readonly checks?: readonly { readonly _zod: { readonly def: { readonly check: string } } }[]
  readonly format?: string
  readonly shape?: Readonly<Record<string, z.ZodType>>
  readonly element?: z.ZodType
  readonly innerType?: z.ZodType
  readonly options?: readonly z.ZodType[]
  readonly in?: z.ZodType
  readonly out?: z.ZodType
  readonly valueType?: z.ZodType
}

function defOf(schema: z.ZodType): ZodDef {
  return (schema as unknown as { _zod: { def: ZodDef } })._zod.def
}

const NOTHING: Extractor = () => {}
const extractors = new WeakMap<z.ZodType, Extractor>()

function isFreeString(schema: z.ZodType, def: ZodDef): boolean {
  if (def.format !== undefined) return false
  if ((def.checks ?? []).some((c) => c._zod.def.check === 'string_format')) return false
  return z.globalRegistry.get(schema)?.freeText !== false
}

function build(schema: z.ZodType): Extractor {
  const def = defOf(schema)
  switch (def.type) {
    case 'string':
      return isFreeString(schema, def)
        ? (value, path, out) => {
            if (typeof value === 'string' && value !== '') out.push({ path, text: value })
          }
        : NOTHING
    case 'object': {
      const fields = Object.entries(def.shape ?? {}).map(([key, field]) => [key, extractorOf(field)] as const)
      const used = fields.filter(([, extract]) => extract !== NOTHING)
      if (used.length === 0) return NOTHING
      return (value, path, out) => {
        if (typeof value !== 'object' || value === null) return
        const record = value as Record<string, unknown>
        for (const [key, extract] of used) extract(record[key], path === '' ? key : `${path}.${key}`, out)
      }
    }
    case 'array': {
      const element = def.element === undefined ? NOTHING : extractorOf(def.element)
      if (element === NOTHING) return NOTHING
      return (value, path, out) => {
        if (!Array.isArray(value)) return
        for (let i = 0; i < value.length; i += 1) element(value[i], `${path}.${i}`, out)
      }
    }
    case 'record': {
      const inner = def.valueType === undefined ? NOTHING : extractorOf(def.valueType)
      if (inner === NOTHING) return NOTHING
      return (value, path, out) => {
        if (typeof value !== 'object' || value === null) return
        for (const [key, item] of Object.entries(value)) inner(item, `${path}.${key}`, out)
      }
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType === undefined ? NOTHING : extractorOf(def.innerType)
    case 'pipe':
      return def.in === undefined ? NOTHING : extractorOf(def.in)
    case 'union': {
      // Every option's free text is collected: a value matching two options is screened once per field
      // path, which only repeats the same verdict.
      const options = (def.options ?? []).map(extractorOf).filter((e) => e !== NOTHING)
      if (options.length === 0) return NOTHING
      return (value, path, out) => {
        const seen = new Set<string>()
        const found: FreeTextValue[] = []
        for (const option of options) option(value, path, found)
        for (const item of found) {
          if (seen.has(`${item.path}\u0000${item.text}`)) continue
          seen.add(`${item.path}\u0000${item.text}`)
          out.push(item)
        }
      }
    }
    default:
      return NOTHING
  }
}

function extractorOf(schema: z.ZodType): Extractor {
  let extract = extractors.get(schema)
  if (extract === undefined) {
    extractors.set(schema, NOTHING) // a recursive schema ends here instead of looping
    extract = build(schema)
    extractors.set(schema, extract)
  }
  return extract
}

/**
 * Visits the free-text strings of a payload, without their paths (the fold's hot path: it screens
 * every event of every fold, and a path is only needed to report a hit, from freeTextOf). The same
 * fields as freeTextOf, in the same order; a union's text may be visited once per option.
 */
export function visitFreeTexts(schema: z.ZodType, payload: unknown, visit: (text: string) => void): void {
  textsOf(schema)(payload, visit)
}

type TextCollector = (value: unknown, visit: (text: string) => void) => void
const NO_TEXTS: TextCollector = () => {}
const collectors = new WeakMap<z.ZodType, TextCollector>()

function textsOf(schema: z.ZodType): TextCollector {
  let collect = collectors.get(schema)
  if (collect === undefined) {
    collectors.set(schema, NO_TEXTS)
    collect = buildCollector(schema)
    collectors.set(schema, collect)
  }
  return collect
}

function buildCollector(schema: z.ZodType): TextCollector {
  if (extractorOf(schema) === NOTHING) return NO_TEXTS
  const def = defOf(schema)
  switch (def.type) {
    case 'string':
      return (value, visit) => {
        if (typeof value === 'string' && value !== '') visit(value)
      }
    case 'object': {
      const used = Object.entries(def.shape ?? {})
        .map(([key, field]) => [key, textsOf(field)] as const)
        .filter(([, collect]) => collect !== NO_TEXTS)
      const keys = used.map(([key]) => key)
      const fields = used.map(([, collect]) => collect)
      return (value, visit) => {
        if (typeof value !== 'object' || value === null) return
        const record = value as Record<string, unknown>
        for (let i = 0; i < keys.length; i += 1) {
          const item = record[keys[i] as string]
          if (item !== undefined) (fields[i] as TextCollector)(item, visit)
        }
      }
    }
    case 'array': {
      const element = textsOf(def.element as z.ZodType)
      return (value, visit) => {
        if (!Array.isArray(value)) return
        for (const item of value) element(item, visit)
      }
    }
    case 'record': {
      const inner = textsOf(def.valueType as z.ZodType)
      return (value, visit) => {
        if (typeof value !== 'object' || value === null) return
        for (const item of Object.values(value)) inner(item, visit)
      }
    }
    case 'pipe':
      return textsOf(def.in as z.ZodType)
    case 'union': {
      const options = (def.options ?? []).map(textsOf).filter((c) => c !== NO_TEXTS)
      return (value, visit) => {
        for (const option of options) option(value, visit)
      }
    }
    default:
      // optional, nullable, default, readonly, catch, nonoptional: extractorOf found free text inside
      return textsOf(def.innerType as z.ZodType)
  }
}

/** The free-text values of a payload its schema accepted, in schema order. */
export function freeTextOf(schema: z.ZodType, payload: unknown): FreeTextValue[] {
  const out: FreeTextValue[] = []
  extractorOf(schema)(payload, '', out)
  return out
}

/** Whether a schema has any free-text field at all (most id-only events have none). */
export function hasFreeText(schema: z.ZodType): boolean {
  return extractorOf(schema) !== NOTHING
}
