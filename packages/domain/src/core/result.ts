/** Errors are values: a closed code (usually the rule ID) and a message for people in both languages. */
export interface DomainError {
  readonly code: string
  readonly message: { readonly zh: string; readonly en: string }
  readonly details?: Readonly<Record<string, unknown>>
}

export type Result<T, E = DomainError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E }

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value }
}

export function err<E = DomainError>(error: E): Result<never, E> {
  return { ok: false, error }
}

export function domainError(
  code: string,
  zh: string,
  en: string,
  details?: Readonly<Record<string, unknown>>,
): DomainError {
  return details ? { code, message: { zh, en }, details } : { code, message: { zh, en } }
}
