import type { CarrierState, Level } from '@secledger/domain'
import { type ApiResult, requestJson } from './http-client.ts'

/** `GET /api/county/summary` (contracts.md): figures only, never titles or text (rule S-04). */
export interface TownshipSummary {
  readonly unit: { readonly id: string; readonly name: string }
  readonly lastSyncAt: string | null
  readonly byLevel: Readonly<Partial<Record<Level, number>>>
  readonly byState: Readonly<Partial<Record<CarrierState, number>>>
  readonly overdueHandOuts: number
  readonly openAnomalies: number
  readonly total: number
}

export interface CountySummary {
  readonly townships: readonly TownshipSummary[]
}

/** One projected entry of a township: numbers, levels, states and dates only (rule S-04). */
export interface ProjectedCarrier {
  readonly id: string
  readonly serial: string
  readonly docNumber: string
  readonly copyNumber: number | null
  readonly level: Level
  readonly periodYears: number | null
  readonly state: CarrierState
  readonly kind: string
  readonly receivedOn: string
  readonly registeredAt: string
  readonly dueAt: string | null
  readonly overdue: boolean
}

export interface CarrierQuery {
  readonly level?: Level | ''
  readonly state?: CarrierState | ''
  readonly overdue?: boolean
}

export function fetchCountySummary(): Promise<ApiResult<CountySummary>> {
  return requestJson<CountySummary>('/api/county/summary')
}

export function fetchTownshipCarriers(
  unitId: string,
  query: CarrierQuery = {},
): Promise<ApiResult<{ entries: readonly ProjectedCarrier[] }>> {
  const params = new URLSearchParams()
  if (query.level) params.set('level', query.level)
  if (query.state) params.set('state', query.state)
  if (query.overdue) params.set('overdue', 'true')
  const qs = params.toString()
  return requestJson(`/api/county/townships/${encodeURIComponent(unitId)}/carriers${qs ? `?${qs}` : ''}`)
}
