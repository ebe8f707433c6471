import type { Level, RegisterState } from '@secledger/domain'
import type { CarrierLeft, LeftReason } from '@secledger/domain/registers/custody'

/**
 * rule C-17: what is left to hand over, as the page lists it: the domain's list of carriers still the
 * unit's (closureStatus().left), with what the officer recognises a carrier by.
 */
export interface LeftRow {
  /** The row key: the carrier's id. */
  readonly id: string
  readonly carrierId: string
  readonly serial: string
  readonly copyNumber: number | null
  readonly docNumber: string
  readonly title: string
  readonly level: Level | null
  readonly reason: LeftReason
  /** The other register's rule when `away` (C-06 lent out, C-08 carried out…). */
  readonly awayCode: string | null
}

export function leftRows(state: RegisterState, left: readonly CarrierLeft[]): LeftRow[] {
  return left.map((l) => {
    const c = state.carriers.get(l.carrierId)
    return {
      id: l.carrierId,
      carrierId: l.carrierId,
      serial: l.serial,
      copyNumber: c?.copyNumber ?? null,
      docNumber: c?.docNumber ?? '',
      title: c?.title ?? '',
      level: c?.level ?? null,
      reason: l.reason,
      awayCode: l.awayCode,
    }
  })
}

/** rule C-17: a batch takes carriers in custody or in the archive; held or away ones come back first. */
export function canHandOver(row: LeftRow): boolean {
  return row.reason === 'in_custody' || row.reason === 'archived'
}
