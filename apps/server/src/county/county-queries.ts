import { anomalyProjection, carrierProjection, type DatabaseExecutor, units } from '@secledger/db'
import { LEVELS, type Level } from '@secledger/domain'
import { and, asc, count, eq, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm'

export const CARRIER_STATES = ['in_custody', 'out', 'destroyed'] as const
export type CarrierStateName = (typeof CARRIER_STATES)[number]

/** One township on the county dashboard: counts only (rule S-04). */
export interface TownshipSummary {
  readonly unit: { readonly id: string; readonly name: string }
  readonly lastSyncAt: string | null
  readonly byLevel: Record<Level, number>
  readonly byState: Record<CarrierStateName, number>
  readonly overdueHandOuts: number
  readonly openAnomalies: number
  readonly total: number
}

/** One projected register entry: numbers, levels, states and dates, never title, scope, reader or notes. */
export interface ProjectedEntry {
  readonly id: string
  readonly serial: string
  readonly docNumber: string
  readonly copyNumber: number | null
  readonly level: string
  readonly periodYears: number
  readonly state: string
  readonly kind: string
  readonly receivedOn: string
  readonly registeredAt: string
  readonly dueAt: string | null
  readonly overdue: boolean
}

export interface EntryFilter {
  readonly level?: Level | undefined
  readonly state?: CarrierStateName | undefined
  readonly overdue?: boolean | undefined
  readonly limit: number
  readonly offset: number
}

/** rule C-05 on the dashboard: a hand-out is overdue when the carrier is still out past its due time. */
function overdueCondition(now: Date): SQL {
  return and(eq(carrierProjection.state, 'out'), lt(carrierProjection.dueAt, now)) as SQL
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>
}

export async function countyTownships(
  db: DatabaseExecutor,
  countyId: string,
): Promise<{ id: string; name: string; lastSyncAt: Date | null }[]> {
  return db
    .select({ id: units.id, name: units.name, lastSyncAt: units.lastSyncAt })
    .from(units)
    .where(and(eq(units.parentId, countyId), eq(units.kind, 'township')))
    .orderBy(asc(units.id))
}

/** The dashboard, from SQL aggregates over the projections; never a fold of raw events per request. */
export async function townshipSummaries(
  db: DatabaseExecutor,
  countyId: string,
  now: Date,
): Promise<TownshipSummary[]> {
  const townships = await countyTownships(db, countyId)
  if (townships.length === 0) return []
  const ids = townships.map((t) => t.id)
  const [groups, anomalies] = await Promise.all([
    db
      .select({
        unitId: carrierProjection.unitId,
        level: carrierProjection.level,
        state: carrierProjection.state,
        total: count(),
        overdue: sql<number>`count(*) filter (where ${overdueCondition(now)})`.mapWith(Number),
      })
      .from(carrierProjection)
      .where(inArray(carrierProjection.unitId, ids))
      .groupBy(carrierProjection.unitId, carrierProjection.level, carrierProjection.state),
    db
      .select({ unitId: anomalyProjection.unitId, open: count() })
      .from(anomalyProjection)
      .where(and(inArray(anomalyProjection.unitId, ids), isNull(anomalyProjection.resolvedAt)))
      .groupBy(anomalyProjection.unitId),
  ])
  return townships.map((township) => {
    const byLevel = zeros(LEVELS)
    const byState = zeros(CARRIER_STATES)
    let total = 0
    let overdueHandOuts = 0
    for (const group of groups) {
      if (group.unitId !== township.id) continue
      if (group.level in byLevel) byLevel[group.level as Level] += group.total
      if (group.state in byState) byState[group.state as CarrierStateName] += group.total
      total += group.total
      overdueHandOuts += group.overdue
    }
    return {
      unit: { id: township.id, name: township.name },
      lastSyncAt: township.lastSyncAt?.toISOString() ?? null,
      byLevel,
      byState,
      overdueHandOuts,
      openAnomalies: anomalies.find((a) => a.unitId === township.id)?.open ?? 0,
      total,
    }
  })
}

/** Whether `unitId` is a township of this county (units.parent_id). */
export async function isCountyTownship(
  db: DatabaseExecutor,
  countyId: string,
  unitId: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.parentId, countyId), eq(units.kind, 'township')))
    .limit(1)
  return rows.length > 0
}

/** The drill-down behind a dashboard figure: projected entries of one township. */
export async function townshipEntries(
  db: DatabaseExecutor,
  townshipId: string,
  filter: EntryFilter,
  now: Date,
): Promise<ProjectedEntry[]> {
  const conditions: SQL[] = [eq(carrierProjection.unitId, townshipId)]
  if (filter.level) conditions.push(eq(carrierProjection.level, filter.level))
  if (filter.state) conditions.push(eq(carrierProjection.state, filter.state))
  if (filter.overdue) conditions.push(overdueCondition(now))
  const rows = await db
    .select({
      id: carrierProjection.id,
      serial: carrierProjection.serial,
      docNumber: carrierProjection.docNumber,
      copyNumber: carrierProjection.copyNumber,
      level: carrierProjection.level,
      periodYears: carrierProjection.periodYears,
      state: carrierProjection.state,
      kind: carrierProjection.kind,
      receivedOn: carrierProjection.receivedOn,
      registeredAt: carrierProjection.registeredAt,
      dueAt: carrierProjection.dueAt,
    })
    .from(carrierProjection)
    .where(and(...conditions))
    .orderBy(asc(carrierProjection.serial), asc(carrierProjection.copyNumber), asc(carrierProjection.id))
    .limit(filter.limit)
    .offset(filter.offset)
  return rows.map((row) => ({
    ...row,
    registeredAt: row.registeredAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    overdue: row.state === 'out' && row.dueAt !== null && row.dueAt.getTime() < now.getTime(),
  }))
}
