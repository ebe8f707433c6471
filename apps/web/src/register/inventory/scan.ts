import type { RegisterState } from '@secledger/domain'
import type { Inventory } from '@secledger/domain/registers/custody'
import { copyName, leftCustody } from './inventory-rows.ts'

/**
 * The scan box of an inventory (rule C-13): a USB scanner types a label into the focused field and
 * presses Enter, or the officer types the 登记编号 with its 份号. Labels carry a non-secret id only
 * (ECOSYSTEM.md), so the text is either a carrier id or a register number, never a title.
 */

export interface ScanText {
  /** The 登记编号 (or a carrier id from a label), as typed. */
  readonly key: string
  readonly copyNumber: number | null
}

// 第 2 份 / 第2份, #2, /2, or a bare number after a space: the copy number (份号). A dash is part of
// a serial (2026-0004, 2026-0004-F1), never a separator.
const COPY_SUFFIX = /^(.+?)\s*(?:第\s*(\d{1,4})\s*份|[#/]\s*(\d{1,4})|\s(\d{1,4}))$/

/** Reads what was scanned or typed; full-width characters (a Chinese input method) read as ASCII. */
export function parseScan(text: string): ScanText | null {
  const s = text.normalize('NFKC').trim().replace(/\s+/g, ' ')
  if (s === '') return null
  const m = COPY_SUFFIX.exec(s)
  if (m === null) return { key: s, copyNumber: null }
  const n = m[2] ?? m[3] ?? m[4]
  return { key: (m[1] as string).trim(), copyNumber: n === undefined ? null : Number(n) }
}

export type ScanOutcome =
  /** Confirm this carrier: it is expected and not confirmed yet (a missing one found again is confirmed). */
  | { readonly kind: 'confirm'; readonly carrierId: string; readonly name: string }
  | { readonly kind: 'already'; readonly carrierId: string; readonly name: string }
  /** Registered, but not in custody when the inventory opened (registered since, or away then). */
  | { readonly kind: 'not_expected'; readonly carrierId: string; readonly name: string }
  /** Left custody since the inventory opened (destroyed, archived, lent…): accounted for, nothing to confirm. */
  | { readonly kind: 'left'; readonly carrierId: string; readonly name: string }
  /** Several copies share the serial: the 份号 is needed. */
  | { readonly kind: 'ambiguous'; readonly serial: string; readonly copies: readonly number[] }
  /** Nothing in the register by that number: maybe an item the register lacks (物多帐少). */
  | { readonly kind: 'unknown'; readonly text: string }
  | { readonly kind: 'empty' }

/** What a scan means for the open inventory `inv`. */
export function resolveScan(state: RegisterState, inv: Inventory, text: string): ScanOutcome {
  const scan = parseScan(text)
  if (scan === null) return { kind: 'empty' }
  const byId = scan.copyNumber === null ? state.carriers.get(scan.key) : undefined
  const key = scan.key.toUpperCase()
  const candidates =
    byId !== undefined
      ? [byId]
      : [...state.carriers.values()].filter(
          (c) =>
            c.serial.toUpperCase() === key && (scan.copyNumber === null || c.copyNumber === scan.copyNumber),
        )
  const [carrier] = candidates
  if (carrier === undefined) return { kind: 'unknown', text: text.trim() }
  if (candidates.length > 1)
    return {
      kind: 'ambiguous',
      serial: carrier.serial,
      copies: candidates.map((c) => c.copyNumber ?? 0).sort((a, b) => a - b),
    }
  const found = { carrierId: carrier.id, name: copyName(carrier.serial, carrier.copyNumber) }
  if (!inv.expected.includes(carrier.id)) return { kind: 'not_expected', ...found }
  const mark = inv.marks.get(carrier.id)
  if (mark?.status === 'confirmed') return { kind: 'already', ...found }
  if (mark === undefined && leftCustody(state, carrier.id)) return { kind: 'left', ...found }
  return { kind: 'confirm', ...found }
}
