import type { Level } from '../../core/levels.ts'

/** State of the incident register. Entries are immutable values, replaced on every change. */

export interface Remedy {
  readonly eventId: string
  readonly atMs: number
  readonly by: string
  readonly note: string
}

/** rule X-01: an incident opened explicitly (the automatic ones of X-02 are computed by queries). */
export interface Incident {
  readonly id: string
  readonly eventId: string
  readonly kind: 'suspected_leak' | 'loss'
  readonly discoveredAt: number
  readonly openedAt: number
  readonly openedBy: string
  readonly missingId: string | null
  readonly carrierRefs: readonly string[]
  readonly remedies: readonly Remedy[]
  readonly reportedAt: number | null
  readonly reportRef: string | null
  readonly concludedAt: number | null
  readonly resultRef: string | null
  /** open → reported → concluded; closed_found when its missing carrier turned up before a report. */
  readonly state: 'open' | 'reported' | 'concluded' | 'closed_found'
  readonly closedAt: number | null
}

/** rule X-02: a carrier reconciliation could not find; open until found again. */
export interface MissingItem {
  readonly id: string
  readonly eventId: string
  readonly carrierId: string
  readonly itemRef: string
  readonly level: Level
  readonly source: 'reconciliation' | 'inspection' | 'return'
  readonly sourceRef: string
  readonly noticedAt: number
  readonly recordedAt: number
  readonly foundAt: number | null
  readonly foundNote: string | null
  readonly foundEventId: string | null
  /** The explicit incident opened about it, if any. */
  readonly incidentId: string | null
}

export interface IncidentWork {
  readonly incidents: Map<string, Incident>
  readonly missing: Map<string, MissingItem>
}

export interface IncidentState {
  readonly incidents: ReadonlyMap<string, Incident>
  readonly missing: ReadonlyMap<string, MissingItem>
}

export function emptyIncidentWork(): IncidentWork {
  return { incidents: new Map(), missing: new Map() }
}

export function forkIncidentWork(work: IncidentWork): IncidentWork {
  return { incidents: new Map(work.incidents), missing: new Map(work.missing) }
}

export function viewIncidentWork(work: IncidentWork): IncidentState {
  return work
}
