import type { RegisterSlice, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { type IncidentEventType, incidentEvents, isIncidentEventType } from './events.ts'
import { DEFAULT_INCIDENT_POLICY, type IncidentPolicy } from './policy.ts'
import {
  checkCarrierFound,
  checkCarrierMissing,
  checkInvestigationConcluded,
  checkOpened,
  checkRemedied,
  checkReportedToBureau,
  type IncidentSliceEvent,
} from './rules.ts'
import {
  emptyIncidentWork,
  forkIncidentWork,
  type Incident,
  type IncidentState,
  type IncidentWork,
  viewIncidentWork,
} from './state.ts'

/** The unit fold has parsed the payload against `incidentEvents[type].schema` before the slice sees it. */
function typed<T extends IncidentEventType>(event: SliceEvent, _type: T): IncidentSliceEvent<T> {
  return event as IncidentSliceEvent<T>
}

function checkIncidentEvent(work: IncidentWork, event: SliceEvent): DomainError | null {
  const type = event.type
  if (!isIncidentEventType(type))
    return domainError('INCIDENT-UNKNOWN-TYPE', `未知事件类型 ${type}`, `Unknown event type ${type}`)
  switch (type) {
    case 'incident.opened':
      return checkOpened(work, typed(event, type))
    case 'incident.remedied':
      return checkRemedied(work, typed(event, type))
    case 'incident.reported_to_bureau':
      return checkReportedToBureau(work, typed(event, type))
    case 'incident.investigation_concluded':
      return checkInvestigationConcluded(work, typed(event, type))
    case 'incident.carrier_missing':
      return checkCarrierMissing(work, typed(event, type))
    case 'incident.carrier_found':
      return checkCarrierFound(work, typed(event, type))
  }
}

function update(work: IncidentWork, id: string, change: (i: Incident) => Incident): void {
  const i = work.incidents.get(id)
  if (i !== undefined) work.incidents.set(id, change(i))
}

function applyIncidentEvent(work: IncidentWork, event: SliceEvent): void {
  const type = event.type
  if (!isIncidentEventType(type)) return
  const at = event.atMs
  switch (type) {
    case 'incident.opened': {
      const p = typed(event, type).payload
      work.incidents.set(p.incidentId, {
        id: p.incidentId,
        eventId: event.id,
        kind: p.kind,
        discoveredAt: p.discoveredAt,
        openedAt: at,
        openedBy: event.actor,
        missingId: p.missingId ?? null,
        carrierRefs: p.carrierRefs,
        remedies: [],
        reportedAt: null,
        reportRef: null,
        concludedAt: null,
        resultRef: null,
        state: 'open',
        closedAt: null,
      })
      const m = p.missingId === undefined ? undefined : work.missing.get(p.missingId)
      if (m !== undefined) work.missing.set(m.id, { ...m, incidentId: p.incidentId })
      return
    }
    case 'incident.remedied': {
      const p = typed(event, type).payload
      update(work, p.incidentId, (i) => ({
        ...i,
        remedies: [...i.remedies, { eventId: event.id, atMs: at, by: event.actor, note: p.note }],
      }))
      return
    }
    case 'incident.reported_to_bureau': {
      const p = typed(event, type).payload
      update(work, p.incidentId, (i) => ({ ...i, state: 'reported', reportedAt: at, reportRef: p.reportRef }))
      return
    }
    case 'incident.investigation_concluded': {
      const p = typed(event, type).payload
      update(work, p.incidentId, (i) => ({
        ...i,
        state: 'concluded',
        concludedAt: at,
        resultRef: p.resultRef,
        closedAt: at,
      }))
      return
    }
    case 'incident.carrier_missing': {
      const p = typed(event, type).payload
      work.missing.set(p.missingId, {
        id: p.missingId,
        eventId: event.id,
        carrierId: p.carrierId,
        itemRef: p.itemRef,
        level: p.level,
        source: p.source,
        sourceRef: p.sourceRef,
        noticedAt: p.noticedAt,
        recordedAt: at,
        foundAt: null,
        foundNote: null,
        foundEventId: null,
        incidentId: null,
      })
      return
    }
    case 'incident.carrier_found': {
      const p = typed(event, type).payload
      const m = work.missing.get(p.missingId)
      if (m === undefined) return
      work.missing.set(m.id, { ...m, foundAt: at, foundNote: p.note, foundEventId: event.id })
      // rule X-02: found again closes it. Decision: an incident already reported to the bureau stays
      // open until its written result: the bureau has a case, and who held the carrier is
      // still to be established; one not yet reported closes as found.
      if (m.incidentId !== null)
        update(work, m.incidentId, (i) =>
          i.state === 'open' ? { ...i, state: 'closed_found', closedAt: at } : i,
        )
      return
    }
  }
}

/** The incident register as a slice of the unit fold (rules ). */
export function createIncidentSlice(
  _policy: IncidentPolicy = DEFAULT_INCIDENT_POLICY,
): RegisterSlice<IncidentWork, IncidentState> {
  // The policy's limits are read by the queries (deadlines are not stored), so a county changing a
  // limit changes every open item's due time at once without a refold.
  return {
    name: 'incident',
    events: incidentEvents,
    empty: emptyIncidentWork,
    fork: forkIncidentWork,
    view: viewIncidentWork,
    check: (work, event) => checkIncidentEvent(work, event),
    apply: (work, event) => applyIncidentEvent(work, event),
  }
}

export const incidentSlice: RegisterSlice<IncidentWork, IncidentState> = createIncidentSlice()
