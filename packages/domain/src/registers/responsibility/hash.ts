import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { canonicalJson } from '../../core/canonical-json.ts'
import type { ResponsibilityTemplateContent } from './events.ts'

/** rule B-03: the hash of a template version's content (canonical JSON, SHA-256, hex). */
export function templateContentHash(template: ResponsibilityTemplateContent): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson({ kind: 'secledger.template.v1', template }))))
}

/** What a book says: who signs for which department and year, on which template text. */
export interface BookContent {
  readonly year: number
  readonly departmentId: string
  readonly templateId: string
  readonly templateVersion: number
  readonly templateHash: string
  readonly unitSignerId: string
  readonly departmentSignerId: string
}

/** rule B-01: the hash both parties sign; a signature over any other hash is refused. */
export function bookContentHash(book: BookContent): string {
  const content = {
    kind: 'secledger.book.v1',
    year: book.year,
    departmentId: book.departmentId,
    templateId: book.templateId,
    templateVersion: book.templateVersion,
    templateHash: book.templateHash,
    unitSignerId: book.unitSignerId,
    departmentSignerId: book.departmentSignerId,
  }
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(content))))
}
