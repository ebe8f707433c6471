import { type DomainError, hlcWallMs, type RegisterState } from '@secledger/domain'
import type { QuarantineRow } from '../db/secledger-db.ts'

/** One line of the 被拒绝的记录 panel. */
export interface QuarantineLine {
  readonly id: string
  readonly type: string
  /** Which register entries the event was about: serials where known, else ids. */
  readonly subject: string
  /** When it was written (the wall time of its HLC). */
  readonly writtenAt: number
  readonly refusedAt: number
  readonly error: DomainError
}

function carrierIdsOf(payload: Record<string, unknown>): string[] {
  const ids: string[] = []
  for (const key of ['carrierId', 'originalId'] as const) {
    const value = payload[key]
    if (typeof value === 'string') ids.push(value)
  }
  const many = payload.carrierIds
  if (Array.isArray(many)) for (const id of many) if (typeof id === 'string') ids.push(id)
  return ids
}

function subjectOf(row: QuarantineRow, state: RegisterState | null): string {
  const payload = (row.envelope.payload ?? {}) as Record<string, unknown>
  if (typeof payload.serial === 'string') {
    const doc = typeof payload.docNumber === 'string' ? ` · ${payload.docNumber}` : ''
    return `${payload.serial}${doc}`
  }
  const names = carrierIdsOf(payload).map((id) => {
    const carrier = state?.carriers.get(id)
    if (!carrier) return id
    return carrier.copyNumber === null ? carrier.serial : `${carrier.serial} / ${carrier.copyNumber}`
  })
  return names.join('、')
}

/** Newest refusal first. */
export function quarantineLines(
  rows: readonly QuarantineRow[],
  state: RegisterState | null,
): QuarantineLine[] {
  return rows
    .map((row) => ({
      id: row.id,
      type: row.envelope.type,
      subject: subjectOf(row, state),
      writtenAt: hlcWallMs(row.envelope.at),
      refusedAt: row.refusedAt,
      error: row.error,
    }))
    .sort((a, b) => b.refusedAt - a.refusedAt || (a.id < b.id ? -1 : 1))
}
