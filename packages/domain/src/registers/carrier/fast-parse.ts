import type { CarrierHandedOut, CarrierTakenBack } from './events.ts'

/**
 * Exact-shape checks for the two payloads that make up most of a register's history (hand-outs and
 * take-backs, ~80% of events): a payload that passes is exactly what its zod schema would return, so
 * the fold keeps it as is instead of building a copy. Anything else, valid or not, goes through zod,
 * which stays the one definition of the schema (a property test holds the two together).
 */

const ENTITY_ID = /^[A-Za-z0-9_.:-]{1,64}$/

function plainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
}

function entityId(value: unknown): boolean {
  return typeof value === 'string' && ENTITY_ID.test(value)
}

function boundedString(value: unknown, min: number, max: number): boolean {
  return typeof value === 'string' && value.length >= min && value.length <= max
}

/** `carrier.handed_out`, or undefined when zod must decide. */
export function fastHandedOut(payload: unknown): CarrierHandedOut | undefined {
  if (!plainRecord(payload)) return undefined
  const keys = Object.keys(payload).length
  const due = payload.dueAt
  if (keys === 3) {
    if (!(typeof due === 'number' && Number.isSafeInteger(due) && due >= 0)) return undefined
  } else if (keys !== 2 || 'dueAt' in payload) return undefined
  if (!entityId(payload.carrierId) || !boundedString(payload.reader, 1, 200)) return undefined
  return payload as unknown as CarrierHandedOut
}

/** `carrier.taken_back`, or undefined when zod must decide. */
export function fastTakenBack(payload: unknown): CarrierTakenBack | undefined {
  if (!plainRecord(payload) || Object.keys(payload).length !== 2) return undefined
  if (!entityId(payload.carrierId) || !entityId(payload.handOutId)) return undefined
  return payload as unknown as CarrierTakenBack
}
