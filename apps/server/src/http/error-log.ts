/**
 * Errors as the server log may show them (issue 10 item 5): name, code, message and stack frames, never
 * the SQL or its parameters. Drizzle's DrizzleQueryError says `Failed query: <sql>\nparams: <values>` in
 * its message (and so in the first line of its stack): user names, token hashes, update bytes. The
 * driver errors beneath it keep values in `detail`, `where`, `query` and `parameters`, and quote an
 * offending value after a colon (`invalid input syntax for type integer: "abc"`); none of that is logged.
 */

import { DrizzleQueryError } from 'drizzle-orm/errors'

const MAX_CAUSES = 3

function isQueryError(error: Error): boolean {
  return error instanceof DrizzleQueryError || error.message.startsWith('Failed query:')
}

/** The class name: DrizzleQueryError and others leave `name` at 'Error'. */
function nameOf(error: Error): string {
  const constructorName = error.constructor?.name
  return error.name === 'Error' && constructorName !== undefined && constructorName !== ''
    ? constructorName
    : error.name
}

/** The message without anything a query put into it. */
function safeMessage(error: Error, fromDatabase: boolean): string {
  const message = error.message
  if (isQueryError(error)) return 'Failed query'
  const params = message.search(/\n?\s*params:/)
  const cut = params === -1 ? message : message.slice(0, params)
  if (!fromDatabase) return cut
  // A database error echoes the offending value after ': '; keep the sentence, drop the value.
  const colon = cut.indexOf(': ')
  return colon === -1 ? cut : cut.slice(0, colon)
}

function stackFrames(error: Error): string[] {
  return (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line))
}

function codeOf(error: Error): string | null {
  const code = (error as Error & { code?: unknown }).code
  return typeof code === 'string' || typeof code === 'number' ? String(code) : null
}

/** One printable description of any thrown value, safe for the log. */
export function describeError(error: unknown): string {
  const lines: string[] = []
  let current: unknown = error
  let fromDatabase = false
  for (let depth = 0; depth <= MAX_CAUSES && current !== undefined && current !== null; depth++) {
    if (!(current instanceof Error)) {
      lines.push(`${depth === 0 ? '' : 'caused by: '}${typeof current}`)
      break
    }
    const code = codeOf(current)
    // A SQLSTATE (five characters) marks a driver error even when it arrives without a Drizzle wrapper.
    const database = fromDatabase || (code !== null && /^[0-9A-Z]{5}$/.test(code))
    const head = `${nameOf(current)}${code === null ? '' : ` [${code}]`}: ${safeMessage(current, database)}`
    lines.push(depth === 0 ? head : `caused by: ${head}`)
    lines.push(...stackFrames(current))
    fromDatabase = fromDatabase || isQueryError(current)
    current = (current as Error & { cause?: unknown }).cause
  }
  return lines.join('\n')
}

/** `console.error` for a caught error, through `describeError`. */
export function logError(scope: string, error: unknown): void {
  console.error(scope, describeError(error))
}
