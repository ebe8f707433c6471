/** Transaction origin of events this device writes. */
export const LOCAL_WRITE = Symbol('secledger-local-write')

/** The Y.Map holding the unit's events (contracts.md): key = event id, value = the envelope. */
export const EVENTS_MAP = 'events'

export function registerDocName(unit: string): string {
  return `${unit}:register`
}
