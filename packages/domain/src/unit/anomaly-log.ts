import type { Anomaly } from '../registers/carrier/state.ts'
import type { FoldWork } from './fold-work.ts'

/** Appends an anomaly to the fold's log, indexed by id (resolutions and the fold's own lookups find it). */
export function openAnomaly(work: FoldWork, anomaly: Anomaly): void {
  work.anomalyIndex.set(anomaly.id, work.anomalies.length)
  work.anomalies.push(anomaly)
}
