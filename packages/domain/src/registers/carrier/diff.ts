import type { Carrier, HandOut } from '../../core/carrier-record.ts'
import type { CarrierRegisterState } from './state.ts'

function sameHolders(a: readonly HandOut[], b: readonly HandOut[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as HandOut
    const y = b[i] as HandOut
    if (x.id !== y.id || x.reader !== y.reader || x.handedOutAt !== y.handedOutAt || x.dueAt !== y.dueAt)
      return false
  }
  return true
}

/** Field-by-field equality of two register entries. */
export function sameCarrier(a: Carrier, b: Carrier): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.serial === b.serial &&
      a.docNumber === b.docNumber &&
      a.issuer === b.issuer &&
      a.title === b.title &&
      a.kind === b.kind &&
      a.direction === b.direction &&
      a.level === b.level &&
      a.keptAsClassified === b.keptAsClassified &&
      a.periodYears === b.periodYears &&
      a.scope === b.scope &&
      a.copyNumber === b.copyNumber &&
      a.originalId === b.originalId &&
      a.receivedOn === b.receivedOn &&
      a.lateRegistration === b.lateRegistration &&
      a.registeredAt === b.registeredAt &&
      a.state === b.state &&
      a.updatedAt === b.updatedAt &&
      a.destroyedAt === b.destroyedAt &&
      a.lastCopiedAt === b.lastCopiedAt &&
      a.createdBy === b.createdBy &&
      a.lastEventId === b.lastEventId &&
      sameHolders(a.holders, b.holders))
  )
}

/**
 * Carriers of `after` that are new or changed since `before` (by reference: the fold replaces a carrier
 * object only when an event changed it, and a refold puts back the objects that came out the same).
 * What a server upserts into its projection after an ingest.
 */
export function changedCarriers(
  before: CarrierRegisterState,
  after: CarrierRegisterState,
): readonly Carrier[] {
  const changed: Carrier[] = []
  for (const [id, carrier] of after.carriers) if (before.carriers.get(id) !== carrier) changed.push(carrier)
  return changed
}
