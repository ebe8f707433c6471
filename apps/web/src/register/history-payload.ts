import type { EventEnvelope } from '@secledger/domain'

/** Reading an event's payload without trusting its shape (any register, any version). */

export type Payload = Readonly<Record<string, unknown>>

export function payloadOf(event: EventEnvelope): Payload {
  const p = event.payload
  return typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Payload) : {}
}

export function isRecord(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function str(p: Payload, key: string): string | null {
  const value = p[key]
  return typeof value === 'string' ? value : null
}

export function num(p: Payload, key: string): number | null {
  const value = p[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

export function strings(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

export function lists(value: unknown, id: string): boolean {
  return Array.isArray(value) && value.includes(id)
}

export function listsWith(value: unknown, field: string, id: string): boolean {
  return Array.isArray(value) && value.some((item) => isRecord(item) && item[field] === id)
}
