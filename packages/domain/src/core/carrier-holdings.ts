import type { CarrierAway, UnitView } from './unit-view.ts'

/**
 * rule C-12: the carriers a person still holds, across registers: open hand-outs in the carrier
 * register (the reader is recorded by person id or by name) and carriers another register holds away
 * with that person (a loan, a trip). Destroyed carriers are held by no one.
 */
export function carriersHeldBy(view: UnitView, personId: string, name: string): string[] {
  const held: string[] = []
  for (const carrier of view.carriers.values()) {
    if (carrier.state === 'destroyed') continue
    const holds =
      carrier.holders.some((h) => h.reader === personId || h.reader === name) ||
      isHolder(view.carrierAway(carrier.id), personId, name)
    if (holds) held.push(carrier.id)
  }
  return held.sort()
}

// A trip's bearers each hold what it carries: one of two bearers leaving must hand it over too.
function isHolder(away: CarrierAway | null, personId: string, name: string): boolean {
  if (away === null) return false
  const people = away.persons ?? [away.holder]
  return people.includes(personId) || people.includes(name)
}
