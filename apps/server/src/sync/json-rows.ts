import type { Slicer } from './slicer.ts'

/**
 * Rows as one JSON array text, for a statement's single jsonb parameter (persistence.ts): built a row
 * at a time, pausing between slices, so a 10,000-event commit does not stop the event loop for the
 * ~30 ms one `JSON.stringify` of 7 MB takes. Dates become ISO strings, which timestamptz reads.
 */
export async function jsonRows(rows: readonly object[], slicer: Slicer): Promise<string> {
  const parts: string[] = []
  for (const row of rows) {
    parts.push(JSON.stringify(row))
    if (slicer.due()) await slicer.pause()
  }
  return `[${parts.join(',')}]`
}
