import type { RegisterSlice, SliceContext, SliceEvent } from '../../../src/core/register-slice.ts'
import type { IncidentEventPayloads } from '../../../src/registers/incident/events.ts'
import { incidentSlice } from '../../../src/registers/incident/slice.ts'
import type { IncidentState, IncidentWork } from '../../../src/registers/incident/state.ts'
import type { InspectionEventPayloads } from '../../../src/registers/inspection/events.ts'
import { inspectionSlice } from '../../../src/registers/inspection/slice.ts'
import type { InspectionState, InspectionWork } from '../../../src/registers/inspection/state.ts'
import { sliceContext, typedEventBuilder } from '../../support/slice-fixtures.ts'
import { foldSlice, type SliceFold } from '../../support/slice-fold.ts'

export { refusalCodes as codes } from '../../support/slice-fold.ts'

/** The inspection and incident registers' users; `far` is an officer of another unit. */
export const CTX: SliceContext = sliceContext({
  officer1: ['officer'],
  officer3: ['officer'],
  leader1: ['leader'],
  staff1: ['staff'],
  far: { roles: ['officer'], unit: 'town-2' },
})

/** The inspection register folded alone (slice-fold.ts) among CTX's users. */
export function foldInspections(
  events: readonly SliceEvent[],
  slice: RegisterSlice<InspectionWork, InspectionState> = inspectionSlice,
  ctx: SliceContext = CTX,
): SliceFold<InspectionState> {
  return foldSlice(slice, events, ctx)
}

/** The incident register folded alone (slice-fold.ts) among CTX's users. */
export function foldIncidents(
  events: readonly SliceEvent[],
  slice: RegisterSlice<IncidentWork, IncidentState> = incidentSlice,
  ctx: SliceContext = CTX,
): SliceFold<IncidentState> {
  return foldSlice(slice, events, ctx)
}

/** Builds inspection and incident events with stable ids (`e001`, `e002`, …) in creation order. */
export const eventBuilder = () => typedEventBuilder<InspectionEventPayloads & IncidentEventPayloads>()

export const ALL_AREAS = [
  'documents',
  'classification',
  'publication',
  'computers_media',
  'lending_archiving',
  'telegrams',
  'education',
  'responsibility',
  'leader_reports',
  'facilities',
]

export function inspection(
  overrides: Partial<InspectionEventPayloads['inspection.recorded']> = {},
): InspectionEventPayloads['inspection.recorded'] {
  return {
    inspectionId: 'i1',
    kind: 'quarterly',
    heldOn: '2026-03-02',
    inspectors: ['李镇长', '王保密'],
    checklistId: 'default-1',
    areasChecked: ALL_AREAS,
    ...overrides,
  }
}

export function finding(
  overrides: Partial<InspectionEventPayloads['inspection.finding_recorded']> = {},
): InspectionEventPayloads['inspection.finding_recorded'] {
  return {
    findingId: 'f1',
    inspectionId: 'i1',
    area: 'computers_media',
    severity: 'general',
    responsible: 'staff1',
    dueOn: '2026-03-31',
    ...overrides,
  }
}

/** A 秘密 copy found missing at the Q1 reconciliation (rule X-02), noticed at `noticedAt`. */
export function carrierMissing(
  noticedAt: number,
  overrides: Partial<IncidentEventPayloads['incident.carrier_missing']> = {},
): IncidentEventPayloads['incident.carrier_missing'] {
  return {
    missingId: 'm1',
    carrierId: 'c1',
    itemRef: '2026-0007 第3份',
    level: 'secret',
    source: 'reconciliation',
    sourceRef: 'rec-2026-q1',
    noticedAt,
    ...overrides,
  }
}

/** A suspected leak discovered at `discoveredAt` (rule X-01). */
export function incidentOpened(
  discoveredAt: number,
  overrides: Partial<IncidentEventPayloads['incident.opened']> = {},
): IncidentEventPayloads['incident.opened'] {
  return { incidentId: 'x1', kind: 'suspected_leak', discoveredAt, carrierRefs: ['2026-0007'], ...overrides }
}
