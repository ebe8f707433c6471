import type { Carrier } from '../../core/carrier-record.ts'
import { type DomainError, domainError } from '../../core/result.ts'

/**
 * rules C-01, C-02: one paper copy is one register entry. The same issuing organ (发文机关), 文号 and
 * 份号 registered twice is the same copy registered twice, however the officer typed them: full-width
 * and half-width forms (NFKC), spaces, letter case and the bracket variants of a 文号 (〔〕 [] 【】 〖〗
 * () （）) do not make a different document.
 */
const OPENING = /[〔[【〖(（［｛{]/gu
const CLOSING = /[〕\]】〗)）］｝}]/gu

export function normaliseDocText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').replace(OPENING, '(').replace(CLOSING, ')').toLowerCase()
}

/**
 * The identity of one copy of a document, or null when it has none to compare.
 * Reading (rules C-01, C-02): an unnumbered copy (秘密 and lower levels need no 份号) is never a
 * duplicate: two unnumbered copies of one 文号 are told apart by nothing, and a unit may well hold two of
 * them, so comparing on issuer + 文号 + null would refuse a real second copy. Levels that need 份号 never
 * reach here unnumbered (C-02 refuses them first), so "null compares only when the level requires copy
 * numbers" never applies. A document without a 文号 has no identity either (two un-numbered circulars
 * of one issuer are different documents).
 */
export function documentCopyKey(issuer: string, docNumber: string, copyNumber: number | null): string | null {
  if (copyNumber === null) return null
  const doc = normaliseDocText(docNumber)
  if (doc === '') return null
  return `${normaliseDocText(issuer)}\u0000${doc}\u0000${copyNumber}`
}

/** A new copy about to enter the register, with the document it is a copy of. */
export interface NewCopy {
  readonly id: string
  readonly issuer: string
  readonly docNumber: string
  readonly copyNumber: number | null
}

/** The refusal naming the earlier entry's serial (checkEvent: a new event is `strict`). */
export function duplicateCopyError(copy: NewCopy, earlier: Pick<Carrier, 'id' | 'serial'>): DomainError {
  return domainError(
    'C-01',
    `${copy.issuer}${copy.docNumber}第${copy.copyNumber}份已登记（登记编号 ${earlier.serial}），同一份文件不得重复登记（规则 C-01、C-02）`,
    `Copy ${copy.copyNumber} of ${copy.docNumber} from ${copy.issuer} is already registered (serial ${earlier.serial}); one copy is registered once (rules C-01, C-02)`,
    { carrierId: copy.id, earlierCarrierId: earlier.id, earlierSerial: earlier.serial },
  )
}

/**
 * rules C-01, C-02 at the gate: a copy already in the register, or twice in the same event, is refused.
 * Scans the register (checkEvent runs once per draft; the fold keeps an index instead).
 */
export function checkDuplicateCopies(
  carriers: ReadonlyMap<string, Carrier>,
  copies: readonly NewCopy[],
  serial: string,
): DomainError | null {
  const wanted = new Map<string, NewCopy>()
  for (const copy of copies) {
    const key = documentCopyKey(copy.issuer, copy.docNumber, copy.copyNumber)
    if (key === null) continue
    if (wanted.has(key)) return duplicateCopyError(copy, { id: (wanted.get(key) as NewCopy).id, serial })
    wanted.set(key, copy)
  }
  if (wanted.size === 0) return null
  for (const carrier of carriers.values()) {
    const copy = wanted.get(documentCopyKey(carrier.issuer, carrier.docNumber, carrier.copyNumber) ?? '')
    if (copy !== undefined) return duplicateCopyError(copy, carrier)
  }
  return null
}
