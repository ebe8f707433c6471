import type { Anomaly, Approval, Carrier, RefusedEvent, RegisterState, RuleView } from './carrier-state.ts'
import { CowMap } from './cow-map.ts'
import type { SecurityAlert } from './key-directory.ts'

/**
 * The fold's private, mutable working state. A fold mutates it in place (no per-event copies of big
 * maps); `forkWork` forks the exposed parts once per ingest (constant time for the maps, see CowMap)
 * so earlier snapshots never change.
 */
export interface FoldWork extends RuleView {
  carriers: CowMap<Carrier>
  approvals: CowMap<Approval>
  serials: CowMap<string>
  anomalies: Anomaly[]
  alerts: SecurityAlert[]
  refused: RefusedEvent[]
  /** Private indexes: anomaly id → position, original id → copies made (C-07 serials). */
  anomalyIndex: Map<string, number>
  copyCounts: Map<string, number>
  /** Id of the last event that passed screening (a re-signed copy of it is skipped). */
  lastScreenedId: string | null
  size: number
  lastAt: string | null
}

function makeWork(parts: Omit<FoldWork, 'anomaly'>): FoldWork {
  const work: FoldWork = { ...parts, anomaly: (id) => lookupAnomaly(work, id) }
  return work
}

function lookupAnomaly(work: Pick<FoldWork, 'anomalies' | 'anomalyIndex'>, id: string): Anomaly | undefined {
  const index = work.anomalyIndex.get(id)
  // Stryker disable next-line ConditionalExpression: anomalies[undefined] is undefined too
  return index === undefined ? undefined : work.anomalies[index]
}

export function emptyWork(): FoldWork {
  return makeWork({
    carriers: CowMap.empty(),
    approvals: CowMap.empty(),
    serials: CowMap.empty(),
    anomalies: [],
    alerts: [],
    refused: [],
    anomalyIndex: new Map(),
    copyCounts: new Map(),
    lastScreenedId: null,
    size: 0,
    lastAt: null,
  })
}

/** Fork what snapshots expose; private indexes are shared (no snapshot reads them). */
export function forkWork(work: FoldWork): FoldWork {
  return makeWork({
    ...work,
    carriers: work.carriers.fork(),
    approvals: work.approvals.fork(),
    serials: work.serials.fork(),
    anomalies: work.anomalies.slice(),
    alerts: work.alerts.slice(),
    refused: work.refused.slice(),
  })
}

export function snapshot(work: FoldWork): RegisterState {
  return {
    carriers: work.carriers,
    anomalies: work.anomalies,
    alerts: work.alerts,
    refused: work.refused,
    size: work.size,
    approvals: work.approvals,
    serials: work.serials,
    lastAt: work.lastAt,
  }
}
