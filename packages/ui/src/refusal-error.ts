/** A domain error value: the rule code and a message in both languages (packages/domain result.ts). */
export interface RefusalError {
  readonly code: string
  readonly message: { readonly zh: string; readonly en: string }
}
