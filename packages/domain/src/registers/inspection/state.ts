import type { InspectionKind } from './events.ts'
import type { SelfAssessmentScore } from './scoring.ts'

/** State of the inspection register. Entries are immutable values, replaced on every change. */

export interface Inspection {
  readonly id: string
  readonly eventId: string
  readonly kind: InspectionKind
  readonly heldOn: string
  /** Local midnight of heldOn. */
  readonly heldAtMs: number
  readonly inspectors: readonly string[]
  readonly checklistId: string
  readonly areasChecked: readonly string[]
  readonly recordedBy: string
  /** rule I-04: the bureau's written opinion; null until recorded (and always for own inspections). */
  readonly opinion: { readonly ref: string; readonly receivedOn: string; readonly eventId: string } | null
}

/** rule I-03: every item checked against the register, match or not. */
export interface ItemCheck {
  readonly id: string
  readonly eventId: string
  readonly inspectionId: string
  readonly itemRef: string
  readonly result: 'match' | 'missing' | 'unregistered' | 'differs'
  readonly atMs: number
}

/** rule I-03: a mismatch between register and items; open until resolved with a note. */
export interface InspectionAnomaly {
  /** The check's id: one anomaly per mismatching check. */
  readonly id: string
  readonly kind: 'missing' | 'unregistered' | 'differs'
  readonly inspectionId: string
  readonly itemRef: string
  readonly openedAt: number
  readonly resolvedAt: number | null
  readonly resolvedBy: string | null
  readonly resolutionEventId: string | null
  readonly note: string | null
}

export interface Verification {
  readonly eventId: string
  readonly by: string
  readonly atMs: number
  readonly outcome: 'fixed' | 'not_fixed'
  readonly note: string
}

/** rule I-04: a finding; open until a verification says fixed. */
export interface Finding {
  readonly id: string
  readonly eventId: string
  readonly inspectionId: string
  readonly area: string
  readonly severity: 'general' | 'serious'
  readonly responsible: string
  readonly dueOn: string
  /** End of dueOn (23:59:59.999 local): the rectification deadline. */
  readonly dueAtMs: number
  readonly recordedAt: number
  readonly reportedUpAt: number | null
  readonly reportedTo: string | null
  /** The latest rectification declared and not since rejected; null when none is pending. */
  readonly rectifiedAt: number | null
  /** Who declared that rectification (the responsible person, or an officer for them); null with it. */
  readonly rectifiedBy: string | null
  readonly verifications: readonly Verification[]
  readonly state: 'open' | 'rectified' | 'verified'
  readonly closedAt: number | null
}

export interface SelfAssessment {
  readonly id: string
  readonly eventId: string
  readonly year: number
  readonly sheetId: string
  readonly atMs: number
  readonly score: SelfAssessmentScore
}

export interface InspectionWork {
  readonly inspections: Map<string, Inspection>
  readonly checks: Map<string, ItemCheck>
  readonly anomalies: Map<string, InspectionAnomaly>
  readonly findings: Map<string, Finding>
  readonly assessments: Map<string, SelfAssessment>
}

export interface InspectionState {
  readonly inspections: ReadonlyMap<string, Inspection>
  readonly checks: ReadonlyMap<string, ItemCheck>
  readonly anomalies: ReadonlyMap<string, InspectionAnomaly>
  readonly findings: ReadonlyMap<string, Finding>
  readonly assessments: ReadonlyMap<string, SelfAssessment>
}

export function emptyInspectionWork(): InspectionWork {
  return {
    inspections: new Map(),
    checks: new Map(),
    anomalies: new Map(),
    findings: new Map(),
    assessments: new Map(),
  }
}

export function forkInspectionWork(work: InspectionWork): InspectionWork {
  return {
    inspections: new Map(work.inspections),
    checks: new Map(work.checks),
    anomalies: new Map(work.anomalies),
    findings: new Map(work.findings),
    assessments: new Map(work.assessments),
  }
}

export function viewInspectionWork(work: InspectionWork): InspectionState {
  return work
}
