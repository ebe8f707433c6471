import type { RegisterSlice, SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { endOfLocalDay, startOfLocalDate } from '../../core/work-calendar.ts'
import { type InspectionEventType, inspectionEvents, isInspectionEventType } from './events.ts'
import { DEFAULT_INSPECTION_POLICY, type InspectionPolicy } from './policy.ts'
import {
  checkAnomalyResolved,
  checkFindingRecorded,
  checkFindingRectified,
  checkFindingReportedUp,
  checkFindingVerified,
  checkItemChecked,
  checkOpinionRecorded,
  checkRecorded,
  checkSelfAssessment,
  type InspectionSliceEvent,
} from './rules.ts'
import { scoreSelfAssessment } from './scoring.ts'
import {
  emptyInspectionWork,
  type Finding,
  forkInspectionWork,
  type InspectionState,
  type InspectionWork,
  viewInspectionWork,
} from './state.ts'

/** The unit fold has parsed the payload against `inspectionEvents[type].schema` before the slice sees it. */
function typed<T extends InspectionEventType>(event: SliceEvent, _type: T): InspectionSliceEvent<T> {
  return event as InspectionSliceEvent<T>
}

function checkInspectionEvent(
  work: InspectionWork,
  event: SliceEvent,
  ctx: SliceContext,
  policy: InspectionPolicy,
): DomainError | null {
  const type = event.type
  if (!isInspectionEventType(type))
    return domainError('INSPECTION-UNKNOWN-TYPE', `未知事件类型 ${type}`, `Unknown event type ${type}`)
  switch (type) {
    case 'inspection.recorded':
      return checkRecorded(work, typed(event, type), ctx, policy)
    case 'inspection.opinion_recorded':
      return checkOpinionRecorded(work, typed(event, type), ctx)
    case 'inspection.item_checked':
      return checkItemChecked(work, typed(event, type))
    case 'inspection.anomaly_resolved':
      return checkAnomalyResolved(work, typed(event, type))
    case 'inspection.finding_recorded':
      return checkFindingRecorded(work, typed(event, type), ctx, policy)
    case 'inspection.finding_reported_up':
      return checkFindingReportedUp(work, typed(event, type))
    case 'inspection.finding_rectified':
      return checkFindingRectified(work, typed(event, type))
    case 'inspection.finding_verified':
      return checkFindingVerified(work, typed(event, type))
    case 'inspection.self_assessment_recorded':
      return checkSelfAssessment(work, typed(event, type), policy)
  }
}

function updateFinding(work: InspectionWork, id: string, change: (f: Finding) => Finding): void {
  const f = work.findings.get(id)
  if (f !== undefined) work.findings.set(id, change(f))
}

/** Applies an event that passed check. */
function applyInspectionEvent(
  work: InspectionWork,
  event: SliceEvent,
  ctx: SliceContext,
  policy: InspectionPolicy,
): void {
  const type = event.type
  if (!isInspectionEventType(type)) return
  const at = event.atMs
  switch (type) {
    case 'inspection.recorded': {
      const p = typed(event, type).payload
      work.inspections.set(p.inspectionId, {
        id: p.inspectionId,
        eventId: event.id,
        kind: p.kind,
        heldOn: p.heldOn,
        heldAtMs: startOfLocalDate(p.heldOn, ctx.calendar) ?? at,
        inspectors: p.inspectors,
        checklistId: p.checklistId,
        areasChecked: p.areasChecked,
        recordedBy: event.actor,
        opinion: null,
      })
      return
    }
    case 'inspection.opinion_recorded': {
      const p = typed(event, type).payload
      const i = work.inspections.get(p.inspectionId)
      if (i !== undefined)
        work.inspections.set(i.id, {
          ...i,
          opinion: { ref: p.opinionRef, receivedOn: p.receivedOn, eventId: event.id },
        })
      return
    }
    case 'inspection.item_checked': {
      const p = typed(event, type).payload
      work.checks.set(p.checkId, {
        id: p.checkId,
        eventId: event.id,
        inspectionId: p.inspectionId,
        itemRef: p.itemRef,
        result: p.result,
        atMs: at,
      })
      // rule I-03: a mismatch is an anomaly, never dropped; the officer resolves it with a note.
      if (p.result !== 'match')
        work.anomalies.set(p.checkId, {
          id: p.checkId,
          kind: p.result,
          inspectionId: p.inspectionId,
          itemRef: p.itemRef,
          openedAt: at,
          resolvedAt: null,
          resolvedBy: null,
          resolutionEventId: null,
          note: null,
        })
      return
    }
    case 'inspection.anomaly_resolved': {
      const p = typed(event, type).payload
      const a = work.anomalies.get(p.anomalyId)
      if (a !== undefined)
        work.anomalies.set(a.id, {
          ...a,
          resolvedAt: at,
          resolvedBy: event.actor,
          resolutionEventId: event.id,
          note: p.note,
        })
      return
    }
    case 'inspection.finding_recorded': {
      const p = typed(event, type).payload
      const dueStart = startOfLocalDate(p.dueOn, ctx.calendar) ?? at
      work.findings.set(p.findingId, {
        id: p.findingId,
        eventId: event.id,
        inspectionId: p.inspectionId,
        area: p.area,
        severity: p.severity,
        responsible: p.responsible,
        dueOn: p.dueOn,
        dueAtMs: endOfLocalDay(dueStart, ctx.calendar),
        recordedAt: at,
        reportedUpAt: null,
        reportedTo: null,
        rectifiedAt: null,
        rectifiedBy: null,
        verifications: [],
        state: 'open',
        closedAt: null,
      })
      return
    }
    case 'inspection.finding_reported_up': {
      const p = typed(event, type).payload
      updateFinding(work, p.findingId, (f) => ({ ...f, reportedUpAt: at, reportedTo: p.reportedTo }))
      return
    }
    case 'inspection.finding_rectified':
      updateFinding(work, typed(event, type).payload.findingId, (f) => ({
        ...f,
        state: 'rectified',
        rectifiedAt: at,
        rectifiedBy: event.actor,
      }))
      return
    case 'inspection.finding_verified': {
      const p = typed(event, type).payload
      updateFinding(work, p.findingId, (f) => {
        const verifications = [
          ...f.verifications,
          { eventId: event.id, by: event.actor, atMs: at, outcome: p.outcome, note: p.note },
        ]
        // rule I-04: 不整改不放过: a rejected rectification reopens the finding against its deadline.
        return p.outcome === 'fixed'
          ? { ...f, verifications, state: 'verified', closedAt: at }
          : { ...f, verifications, state: 'open', rectifiedAt: null, rectifiedBy: null }
      })
      return
    }
    case 'inspection.self_assessment_recorded': {
      const p = typed(event, type).payload
      const sheet = policy.sheets.find((s) => s.id === p.sheetId)
      const score = sheet === undefined ? null : scoreSelfAssessment(sheet, p.answers)
      if (score?.ok)
        work.assessments.set(p.assessmentId, {
          id: p.assessmentId,
          eventId: event.id,
          year: p.year,
          sheetId: p.sheetId,
          atMs: at,
          score: score.value,
        })
      return
    }
  }
}

/** The inspection register as a slice of the unit fold (rules I-01..I-05). */
export function createInspectionSlice(
  policy: InspectionPolicy = DEFAULT_INSPECTION_POLICY,
): RegisterSlice<InspectionWork, InspectionState> {
  return {
    name: 'inspection',
    events: inspectionEvents,
    empty: emptyInspectionWork,
    fork: forkInspectionWork,
    view: viewInspectionWork,
    check: (work, event, ctx) => checkInspectionEvent(work, event, ctx, policy),
    apply: (work, event, ctx) => applyInspectionEvent(work, event, ctx, policy),
  }
}

export const inspectionSlice: RegisterSlice<InspectionWork, InspectionState> = createInspectionSlice()
