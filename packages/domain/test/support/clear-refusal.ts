import type { DomainError } from '../../src/core/result.ts'

/**
 * Every refusal is a clear error for people in both languages: non-empty zh and en messages, and a
 * refusal under a rule names its rule in both ("规则 C-06" / "rule C-06"); details, when given, say
 * something.
 */
export function expectClearRefusal(error: DomainError): void {
  const { zh, en } = error.message
  if (zh.trim() === '' || en.trim() === '')
    throw new Error(`refusal ${error.code} without a message: ${zh} / ${en}`)
  if (
    /^[A-Z]-\d{2}$/.test(error.code) &&
    !(zh.includes('规则') && zh.includes(error.code) && /\brules? /.test(en) && en.includes(error.code))
  )
    throw new Error(`refusal ${error.code} does not name its rule: ${zh} / ${en}`)
  // Details point the form at what to fix; an empty object would say nothing.
  if (error.details !== undefined && Object.keys(error.details).length === 0)
    throw new Error(`refusal ${error.code} with empty details`)
}
