import { DrizzleQueryError } from 'drizzle-orm/errors'
import { describe, expect, it } from 'vitest'
import { describeError } from '../src/http/error-log.ts'

/** A PostgreSQL error as the drivers raise it: SQLSTATE in `code`, values in `detail` and the message. */
function pgError(message: string, code: string, detail?: string): Error {
  return Object.assign(new Error(message), { code, ...(detail !== undefined ? { detail } : {}) })
}

describe('error log', () => {
  it('issue 10 item 5: a Drizzle query error is logged without its SQL, parameters or the values its cause echoes', () => {
    const secret = 'officer1\u0000x'
    const cause = pgError('invalid byte sequence for encoding "UTF8": 0x00', '22021', `Key (id)=(${secret})`)
    const error = new DrizzleQueryError('select "id" from "users" where "id" = $1', [secret], cause)
    const text = describeError(error)
    expect(text).toMatch(/^DrizzleQueryError: Failed query\n/)
    expect(text).toContain('caused by: Error [22021]: invalid byte sequence for encoding "UTF8"')
    expect(text).toMatch(/\n\s+at /)
    for (const leak of ['select', 'params', secret, 'officer1', '0x00', 'Key (id)'])
      expect(text).not.toContain(leak)
  })

  it('issue 10 item 5: a driver error alone keeps its sentence, not the value after the colon', () => {
    const text = describeError(pgError('invalid input syntax for type integer: "4711-secret"', '22P02'))
    expect(text).toContain('Error [22P02]: invalid input syntax for type integer')
    expect(text).not.toContain('4711-secret')
  })

  it('keeps an ordinary error whole, and describes a thrown non-error by its type only', () => {
    expect(describeError(new TypeError('x is not a function: y'))).toMatch(
      /^TypeError: x is not a function: y\n/,
    )
    expect(describeError('a secret string')).toBe('string')
  })
})
