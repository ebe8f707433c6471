import type { Carrier, Level, RegisterState } from '@secledger/domain'
import type { CustodyState, Inventory } from '@secledger/domain/registers/custody'

/**
 * The inventory (清查, rule C-13) as the page lists it, read from the custody register's folded state:
 * the carriers the domain recorded as expected when the inventory opened, each with its mark so far.
 */

/** pending: not yet seen; left: left custody by a registered event since (accounted for at closing). */
export type InventoryStatus = 'pending' | 'confirmed' | 'missing' | 'left'

export interface InventoryRow {
  readonly id: string
  readonly serial: string
  readonly copyNumber: number | null
  readonly docNumber: string
  readonly title: string
  readonly level: Level | null
  readonly periodYears: number | null
  readonly status: InventoryStatus
  /** When it was confirmed or reported missing. */
  readonly markedAt: number | null
  /** The missing report's note. */
  readonly note: string | null
  /** A reader holds it (C-04): the officer confirms it at the reader's desk. */
  readonly heldBy: string | null
}

export interface InventoryCounts {
  readonly expected: number
  readonly confirmed: number
  readonly missing: number
  readonly pending: number
  readonly left: number
  readonly surplus: number
}

/** The inventory under way, or null. */
export function openInventoryOf(custody: CustodyState): Inventory | null {
  const id = custody.openInventoryId
  return id === null ? null : (custody.inventories.get(id) ?? null)
}

/** 2026-0004 第 3 份; a registration without copy numbers by its serial alone. */
export function copyName(serial: string, copyNumber: number | null): string {
  return copyNumber === null ? serial : `${serial} 第 ${copyNumber} 份`
}

/**
 * rule C-13: the carrier left the officer's custody by a registered event since the inventory opened
 * (destroyed, archived, handed over, away in the movement register), as the domain's closing reads it:
 * such a carrier is accounted for, not a gap, so the list does not ask for it.
 */
export function leftCustody(state: RegisterState, carrierId: string): boolean {
  const c = state.carriers.get(carrierId)
  const custody = state.registers.custody
  return (
    c === undefined ||
    c.state === 'destroyed' ||
    custody.archived.has(carrierId) ||
    custody.handedOver.has(carrierId) ||
    state.registers.movement.carriersAway.has(carrierId)
  )
}

function rowOf(state: RegisterState, inv: Inventory, id: string): InventoryRow {
  const c: Carrier | undefined = state.carriers.get(id)
  const mark = inv.marks.get(id)
  const status: InventoryStatus = mark?.status ?? (leftCustody(state, id) ? 'left' : 'pending')
  return {
    id,
    serial: c?.serial ?? id,
    copyNumber: c?.copyNumber ?? null,
    docNumber: c?.docNumber ?? '',
    title: c?.title ?? '',
    level: c?.level ?? null,
    periodYears: c !== undefined && c.periodYears > 0 ? c.periodYears : null,
    status,
    markedAt: mark?.at ?? null,
    note: mark?.note ?? null,
    heldBy: c?.holders[0]?.reader ?? null,
  }
}

const bySerial = (a: InventoryRow, b: InventoryRow) =>
  a.serial.localeCompare(b.serial) || (a.copyNumber ?? 0) - (b.copyNumber ?? 0) || a.id.localeCompare(b.id)

/** Every carrier expected in `inv`, by serial and copy number. */
export function inventoryRows(state: RegisterState, inv: Inventory): InventoryRow[] {
  return inv.expected.map((id) => rowOf(state, inv, id)).sort(bySerial)
}

export function inventoryCounts(inv: Inventory, rows: readonly InventoryRow[]): InventoryCounts {
  const count = (s: InventoryStatus) => rows.filter((r) => r.status === s).length
  return {
    expected: inv.expected.length,
    confirmed: count('confirmed'),
    missing: count('missing'),
    pending: count('pending'),
    left: count('left'),
    surplus: inv.surplus.length,
  }
}

/** Rows the officer may still confirm: not seen yet, or reported missing and found before closing. */
export function confirmable(row: InventoryRow): boolean {
  return row.status === 'pending' || row.status === 'missing'
}

export interface InventoryFilter {
  readonly keyword: string
  readonly status: InventoryStatus | ''
}

/** 登记编号, 文号 or 标题 contains the keyword; and the status, when one is chosen. */
export function filterRows(rows: readonly InventoryRow[], filter: InventoryFilter): InventoryRow[] {
  const k = filter.keyword.trim().toLowerCase()
  return rows.filter(
    (r) =>
      (filter.status === '' || r.status === filter.status) &&
      (k === '' ||
        copyName(r.serial, r.copyNumber).toLowerCase().includes(k) ||
        r.docNumber.toLowerCase().includes(k) ||
        r.title.toLowerCase().includes(k)),
  )
}

/** A closed inventory and its result (帐物相符 or the gaps), as the page lists past inventories. */
export interface PastInventory {
  readonly id: string
  readonly openedAt: number
  readonly closedAt: number
  readonly expected: number
  readonly confirmed: number
  readonly missing: number
  readonly unconfirmed: number
  readonly leftCustody: number
  readonly surplus: number
  readonly matched: boolean
}

/** Closed inventories, newest first. */
export function pastInventories(custody: CustodyState): PastInventory[] {
  const out: PastInventory[] = []
  for (const inv of custody.inventories.values())
    if (inv.state === 'closed' && inv.closedAt !== null)
      out.push({
        id: inv.id,
        openedAt: inv.openedAt,
        closedAt: inv.closedAt,
        expected: inv.expected.length,
        confirmed: inv.confirmed.length,
        missing: inv.missing.length,
        unconfirmed: inv.unconfirmed.length,
        leftCustody: inv.leftCustody.length,
        surplus: inv.surplus.length,
        matched: inv.matched === true,
      })
  return out.sort((a, b) => b.closedAt - a.closedAt || a.id.localeCompare(b.id))
}
