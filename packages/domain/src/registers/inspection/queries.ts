import { DEFAULT_INSPECTION_POLICY, type InspectionPolicy } from './policy.ts'
import type { SelfAssessmentScore } from './scoring.ts'
import type { Finding, InspectionAnomaly, InspectionState } from './state.ts'

/** Read-only questions about the inspection register; time comes in as `nowMs`. */

export interface FindingDue {
  readonly findingId: string
  readonly inspectionId: string
  readonly severity: 'general' | 'serious'
  readonly responsible: string
  /** The rectification deadline; when overdue, overdue since then. */
  readonly dueAtMs: number
}

function due(f: Finding): FindingDue {
  return {
    findingId: f.id,
    inspectionId: f.inspectionId,
    severity: f.severity,
    responsible: f.responsible,
    dueAtMs: f.dueAtMs,
  }
}

function byDue(a: FindingDue, b: FindingDue): number {
  return a.dueAtMs - b.dueAtMs || a.findingId.localeCompare(b.findingId)
}

/** Met the deadline: a rectification declared by then (and not rejected since). */
function rectifiedInTime(f: Finding): boolean {
  return f.rectifiedAt !== null && f.rectifiedAt <= f.dueAtMs
}

/**
 * rule I-04: findings not verified fixed whose deadline passed at `nowMs` without a rectification
 * declared in time. One declared late stays overdue until verified (不整改不放过).
 */
export function overdueFindings(state: InspectionState, nowMs: number): FindingDue[] {
  return [...state.findings.values()]
    .filter((f) => f.state !== 'verified' && !rectifiedInTime(f) && nowMs > f.dueAtMs)
    .map(due)
    .sort(byDue)
}

/** rule I-04: open findings whose deadline falls within `withinMs` from `nowMs`. */
export function findingsDueSoon(state: InspectionState, nowMs: number, withinMs: number): FindingDue[] {
  return [...state.findings.values()]
    .filter((f) => f.state === 'open' && f.dueAtMs >= nowMs && f.dueAtMs <= nowMs + withinMs)
    .map(due)
    .sort(byDue)
}

/** rule I-04: rectifications declared and waiting for someone else's verification, since `rectifiedAt`. */
export function findingsAwaitingVerification(
  state: InspectionState,
): (FindingDue & { readonly rectifiedAt: number })[] {
  const out: (FindingDue & { rectifiedAt: number })[] = []
  for (const f of state.findings.values())
    if (f.state === 'rectified' && f.rectifiedAt !== null) out.push({ ...due(f), rectifiedAt: f.rectifiedAt })
  return out.sort((a, b) => a.rectifiedAt - b.rectifiedAt || a.findingId.localeCompare(b.findingId))
}

export interface SeriousReportDue {
  readonly findingId: string
  readonly recordedAt: number
  readonly dueAtMs: number
  readonly overdue: boolean
}

/** rule I-04: serious findings not yet reported up, with the policy's report deadline. */
export function seriousFindingsUnreported(
  state: InspectionState,
  nowMs: number,
  policy: InspectionPolicy = DEFAULT_INSPECTION_POLICY,
): SeriousReportDue[] {
  const out: SeriousReportDue[] = []
  for (const f of state.findings.values()) {
    if (f.severity !== 'serious' || f.reportedUpAt !== null) continue
    const dueAtMs = f.recordedAt + policy.seriousReportWithinMs
    out.push({ findingId: f.id, recordedAt: f.recordedAt, dueAtMs, overdue: nowMs > dueAtMs })
  }
  return out.sort((a, b) => a.dueAtMs - b.dueAtMs || a.findingId.localeCompare(b.findingId))
}

/** rule I-04: bureau inspections still without their written opinion, pending since the inspection. */
export function bureauOpinionsPending(
  state: InspectionState,
): { readonly inspectionId: string; readonly sinceMs: number }[] {
  return [...state.inspections.values()]
    .filter((i) => i.kind === 'bureau' && i.opinion === null)
    .map((i) => ({ inspectionId: i.id, sinceMs: i.heldAtMs }))
    .sort((a, b) => a.sinceMs - b.sinceMs || a.inspectionId.localeCompare(b.inspectionId))
}

/** rule I-03: register/item mismatches not yet resolved, oldest first. */
export function openInspectionAnomalies(state: InspectionState): InspectionAnomaly[] {
  return [...state.anomalies.values()]
    .filter((a) => a.resolvedAt === null)
    .sort((a, b) => a.openedAt - b.openedAt || a.id.localeCompare(b.id))
}

/** rule I-05: the year's self-assessment: the latest recorded for `year`, or null. */
export function selfAssessmentOfYear(state: InspectionState, year: number): SelfAssessmentScore | null {
  let latest: { atMs: number; id: string; score: SelfAssessmentScore } | null = null
  for (const a of state.assessments.values())
    if (
      a.year === year &&
      (latest === null || a.atMs > latest.atMs || (a.atMs === latest.atMs && a.id > latest.id))
    )
      latest = a
  return latest?.score ?? null
}

export interface InspectionYearFigures {
  readonly year: number
  readonly inspections: Readonly<Record<'quarterly' | 'spot' | 'holiday' | 'bureau', number>>
  readonly findings: number
  readonly seriousFindings: number
  readonly findingsVerified: number
  readonly itemsChecked: number
  readonly mismatches: number
  readonly selfAssessment: SelfAssessmentScore | null
}

/** Figures for the year's summary (年度保密工作总结): inspections held in `year` and what they found. */
export function inspectionYearFigures(state: InspectionState, year: number): InspectionYearFigures {
  const inYear = new Set<string>()
  const inspections = { quarterly: 0, spot: 0, holiday: 0, bureau: 0 }
  for (const i of state.inspections.values())
    if (i.heldOn.startsWith(`${year}-`)) {
      inYear.add(i.id)
      inspections[i.kind] += 1
    }
  const findings = [...state.findings.values()].filter((f) => inYear.has(f.inspectionId))
  const checks = [...state.checks.values()].filter((c) => inYear.has(c.inspectionId))
  return {
    year,
    inspections,
    findings: findings.length,
    seriousFindings: findings.filter((f) => f.severity === 'serious').length,
    findingsVerified: findings.filter((f) => f.state === 'verified').length,
    itemsChecked: checks.length,
    mismatches: checks.filter((c) => c.result !== 'match').length,
    selfAssessment: selfAssessmentOfYear(state, year),
  }
}
