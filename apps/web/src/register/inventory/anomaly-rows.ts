import type { Level, RegisterState } from '@secledger/domain'
import type { CustodyAnomaly, CustodyAnomalyKind } from '@secledger/domain/registers/custody'
import { copyName } from './inventory-rows.ts'

/**
 * The custody register's anomalies (rule C-13: inventory gaps) as the page's 清查异常 list: a carrier
 * missing or never confirmed, found or reported; an item the register lacks (物多帐少),
 * registered or explained.
 */

export type AnomalyResolution = NonNullable<CustodyAnomaly['resolution']>

export interface CustodyAnomalyRow {
  readonly id: string
  readonly kind: CustodyAnomalyKind
  /** The carrier (登记编号 第 n 份), or for a surplus item its 文号 when recorded. */
  readonly subject: string
  readonly docNumber: string
  readonly level: Level | null
  /** The carrier's period (D-03); null for a surplus item, whose marking is not known beyond its level. */
  readonly periodYears: number | null
  readonly note: string | null
  readonly inventoryOpenedAt: number | null
  readonly openedAt: number
  readonly resolvedAt: number | null
  readonly resolution: AnomalyResolution | null
  readonly resolutionNote: string | null
  readonly anomaly: CustodyAnomaly
}

/** The note of the report that the carrier was missing (kept in the inventory's marks). */
function reportNote(state: RegisterState, a: CustodyAnomaly): string | null {
  if (a.kind !== 'missing' || a.carrierId === null) return null
  return state.registers.custody.inventories.get(a.inventoryId)?.marks.get(a.carrierId)?.note ?? null
}

function rowOf(state: RegisterState, a: CustodyAnomaly): CustodyAnomalyRow {
  const carrier = a.carrierId === null ? undefined : state.carriers.get(a.carrierId)
  const surplus = a.surplus
  const subject =
    carrier !== undefined
      ? copyName(carrier.serial, carrier.copyNumber)
      : a.serial !== ''
        ? a.serial
        : (surplus?.docNumber ?? '')
  return {
    id: a.id,
    kind: a.kind,
    subject,
    docNumber: carrier?.docNumber ?? surplus?.docNumber ?? '',
    level: carrier?.level ?? surplus?.level ?? null,
    periodYears: carrier !== undefined && carrier.periodYears > 0 ? carrier.periodYears : null,
    note: surplus === null ? reportNote(state, a) : surplus.note,
    inventoryOpenedAt: state.registers.custody.inventories.get(a.inventoryId)?.openedAt ?? null,
    openedAt: a.openedAt,
    resolvedAt: a.resolvedAt,
    resolution: a.resolution,
    resolutionNote: a.note,
    anomaly: a,
  }
}

const oldestFirst = (a: CustodyAnomalyRow, b: CustodyAnomalyRow) =>
  a.openedAt - b.openedAt || a.subject.localeCompare(b.subject) || a.id.localeCompare(b.id)

/** Open gaps, oldest first (the domain's openCustodyAnomalies order), then resolved ones, newest first. */
export function custodyAnomalyRows(state: RegisterState): {
  readonly open: CustodyAnomalyRow[]
  readonly resolved: CustodyAnomalyRow[]
} {
  const rows = [...state.registers.custody.anomalies.values()].map((a) => rowOf(state, a))
  return {
    open: rows.filter((r) => r.resolvedAt === null).sort(oldestFirst),
    resolved: rows
      .filter((r) => r.resolvedAt !== null)
      .sort((a, b) => (b.resolvedAt ?? 0) - (a.resolvedAt ?? 0) || a.id.localeCompare(b.id)),
  }
}
