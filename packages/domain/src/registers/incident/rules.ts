import type { SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import type { IncidentEventPayloads, IncidentEventType } from './events.ts'
import type { Incident, IncidentWork, MissingItem } from './state.ts'

/** Block rules of the incident register. Each returns the refusal, or null to allow. */

export type IncidentSliceEvent<T extends IncidentEventType> = SliceEvent<T, IncidentEventPayloads[T]>

function exists(zh: string, en: string, id: string): DomainError {
  return domainError('INCIDENT-EXISTS', `${zh} ${id} 已存在`, `${en} ${id} already exists`, { id })
}

function refuse(
  rule: string,
  zh: string,
  en: string,
  details?: Readonly<Record<string, unknown>>,
): DomainError {
  return domainError(rule, `${zh}（规则 ${rule}）`, `${en} (rule ${rule})`, details)
}

function incident(work: IncidentWork, id: string): Incident | DomainError {
  return (
    work.incidents.get(id) ??
    refuse('X-01', `泄密事件 ${id} 未登记`, `Incident ${id} is not registered`, { incidentId: id })
  )
}

function openIncident(work: IncidentWork, id: string): Incident | DomainError {
  const i = incident(work, id)
  if ('code' in i) return i
  if (i.state === 'concluded' || i.state === 'closed_found')
    return refuse('X-01', `泄密事件 ${id} 已结案`, `Incident ${id} is closed`, { incidentId: id })
  return i
}

function openMissing(work: IncidentWork, id: string): MissingItem | DomainError {
  const m = work.missing.get(id)
  if (m === undefined)
    return refuse('X-02', `丢失登记 ${id} 不存在`, `Missing item ${id} is not registered`, { missingId: id })
  if (m.foundAt !== null)
    return refuse('X-02', `丢失登记 ${id} 已找回`, `Missing item ${id} was found again`, { missingId: id })
  return m
}

/** rule X-01: discovery cannot be later than the record; a missing item gets at most one incident. */
export function checkOpened(
  work: IncidentWork,
  event: IncidentSliceEvent<'incident.opened'>,
): DomainError | null {
  const p = event.payload
  if (work.incidents.has(p.incidentId)) return exists('泄密事件', 'Incident', p.incidentId)
  if (p.discoveredAt > event.atMs)
    return refuse('X-01', '发现时间晚于登记时间', 'The time of discovery is later than the record')
  if (p.missingId !== undefined) {
    const m = openMissing(work, p.missingId)
    if ('code' in m) return m
    if (m.incidentId !== null)
      return refuse(
        'X-02',
        `丢失登记 ${m.id} 已立泄密事件 ${m.incidentId}`,
        `Missing item ${m.id} already has incident ${m.incidentId}`,
        {
          missingId: m.id,
        },
      )
  }
  return null
}

/** rule X-01: remedial measures on an open incident. */
export function checkRemedied(
  work: IncidentWork,
  event: IncidentSliceEvent<'incident.remedied'>,
): DomainError | null {
  const i = openIncident(work, event.payload.incidentId)
  return 'code' in i ? i : null
}

/** rule X-01: reported once; a late report is accepted and shows as late. */
export function checkReportedToBureau(
  work: IncidentWork,
  event: IncidentSliceEvent<'incident.reported_to_bureau'>,
): DomainError | null {
  const i = openIncident(work, event.payload.incidentId)
  if ('code' in i) return i
  return i.reportedAt === null ? null : exists('保密局报告', 'Bureau report', i.id)
}

/** rule X-01: the written investigation result follows the report to the bureau. */
export function checkInvestigationConcluded(
  work: IncidentWork,
  event: IncidentSliceEvent<'incident.investigation_concluded'>,
): DomainError | null {
  const i = openIncident(work, event.payload.incidentId)
  if ('code' in i) return i
  if (i.reportedAt === null)
    return refuse(
      'X-01',
      `泄密事件 ${i.id} 须先报告保密局，再报书面查处结果`,
      `Incident ${i.id} must be reported to the bureau before its written result`,
      {
        incidentId: i.id,
      },
    )
  return null
}

/** rule X-02: one open missing entry per carrier; noticed no later than recorded. */
export function checkCarrierMissing(
  work: IncidentWork,
  event: IncidentSliceEvent<'incident.carrier_missing'>,
): DomainError | null {
  const p = event.payload
  if (work.missing.has(p.missingId)) return exists('丢失登记', 'Missing item', p.missingId)
  if (p.noticedAt > event.atMs)
    return refuse('X-02', '发现丢失时间晚于登记时间', 'The time noticed is later than the record')
  for (const m of work.missing.values())
    if (m.carrierId === p.carrierId && m.foundAt === null)
      return refuse(
        'X-02',
        `载体 ${p.itemRef} 已登记为丢失（${m.id}）`,
        `Carrier ${p.itemRef} is already missing (${m.id})`,
        {
          missingId: m.id,
        },
      )
  return null
}

/** rule X-02: only an open missing item is found again. */
export function checkCarrierFound(
  work: IncidentWork,
  event: IncidentSliceEvent<'incident.carrier_found'>,
): DomainError | null {
  const m = openMissing(work, event.payload.missingId)
  return 'code' in m ? m : null
}
