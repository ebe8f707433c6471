/**
 * Dates as officers type them, read strictly (issue 12): 2026-03-02, 2026/3/2, 2026.3.2, 2026年3月2日,
 * full-width digits too. An impossible day (2月30日) is an error, never rolled over to another day.
 */
export type StrictDay =
  | { readonly ok: true; readonly day: string }
  | { readonly ok: false; readonly text: string }

const FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
]

/** The 'YYYY-MM-DD' day a text names, or why not; null for an empty text. */
export function parseStrictDay(input: string): StrictDay | null {
  const text = input.normalize('NFKC').replace(/\s+/g, '')
  if (text === '') return null
  for (const form of FORMS) {
    const m = form.exec(text)
    if (m === null) continue
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    const date = new Date(Date.UTC(y, mo - 1, d))
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
      return { ok: false, text: input }
    return {
      ok: true,
      day: `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    }
  }
  return { ok: false, text: input }
}
