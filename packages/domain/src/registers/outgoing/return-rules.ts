import type { SliceContext } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { startOfLocalDate, type WorkCalendar } from '../../core/work-calendar.ts'
import { checkCarrierInCustody } from './meeting-rules.ts'
import type { OutgoingPolicy } from './policy.ts'
import { firstRepeat, type OutgoingSliceEvent, refuse, unknownDocument } from './rules.ts'
import type { OutgoingWork } from './state.ts'

/** Block rules of return (清退, rule C-09) and of anomaly resolution (rules C-09, C-14, X-02). */

function noCarrierRegister(): DomainError {
  return refuse(
    'C-09',
    '无法核对清退载体：涉密载体台账不可用',
    'Cannot check returns: the carrier register is not available',
  )
}

/** rule C-09: a superior unit's document (a received carrier) gets its return-by date, once. */
export function checkReturnScheduled(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.return_scheduled'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  const carrier = ctx.view?.carriers.get(p.carrierId)
  if (ctx.view === undefined) return noCarrierRegister()
  if (carrier === undefined || carrier.direction !== 'received' || carrier.state === 'destroyed')
    return refuse(
      'C-09',
      `清退通知只针对台账中在册的上级来文，载体 ${p.carrierId} 不符`,
      `A return schedule applies to a registered document received from above; ${p.carrierId} is not one`,
      { carrierId: p.carrierId },
    )
  if (work.schedules.has(p.carrierId))
    return refuse(
      'C-09',
      `载体 ${carrier.serial} 已登记清退期限`,
      `Carrier ${carrier.serial} already has a return date`,
    )
  if (work.returned.has(p.carrierId))
    return refuse('C-09', `载体 ${carrier.serial} 已清退`, `Carrier ${carrier.serial} has been returned`)
  if (startOfLocalDate(p.returnBy, ctx.calendar) === null)
    return refuse('C-09', `清退期限 ${p.returnBy} 不是有效日期`, `Return date ${p.returnBy} is not a date`)
  return null
}

/**
 * rule C-09: received carriers returned to the issuer: each in the officer's custody and away in no
 * register; to the unit its return schedule names, when it has one.
 */
export function checkReturnedToIssuer(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.returned_to_issuer'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  const view = ctx.view
  if (view === undefined) return noCarrierRegister()
  const repeated = firstRepeat(p.carrierIds)
  if (repeated !== undefined)
    return refuse('C-09', `载体 ${repeated} 重复列出`, `Carrier ${repeated} is listed twice`)
  for (const id of p.carrierIds) {
    const carrier = view.carriers.get(id)
    if (carrier !== undefined && carrier.direction !== 'received')
      return refuse(
        'C-09',
        `载体 ${carrier.serial} 是本单位制发的，不向上级清退`,
        `Carrier ${carrier.serial} was produced here; it is not returned to a superior`,
        { carrierId: id },
      )
    const custody = checkCarrierInCustody(work, view, id, 'C-09')
    if (custody !== null) return custody
    const schedule = work.schedules.get(id)
    if (schedule !== undefined && schedule.toUnit !== p.toUnit)
      return refuse(
        'C-09',
        `载体 ${id} 应清退至 ${schedule.toUnit}`,
        `Carrier ${id} is to be returned to ${schedule.toUnit}`,
        { carrierId: id, toUnit: schedule.toUnit },
      )
  }
  return null
}

/** rule C-09: the first instant of the year after `year`, when the year's reconciliation may start. */
export function nextYearStart(year: number, calendar: WorkCalendar): number {
  return startOfLocalDate(`${String(year + 1).padStart(4, '0')}-01-01`, calendar) ?? 0
}

/**
 * rule C-09 (reading): the reconciliation of a document is of the past year (上年度), done from 1 January
 * of the next year (in its first quarter; later is allowed and shows as overdue), once per document.
 */
export function checkReconciled(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.reconciled'>,
  ctx: SliceContext,
): DomainError | null {
  const doc = work.documents.get(event.payload.docId)
  if (doc === undefined) return unknownDocument(event.payload.docId)
  if (doc.reconciliation !== null)
    return refuse(
      'C-09',
      `文件 ${doc.sequenceNo} 已完成清退核对`,
      `Document ${doc.sequenceNo} is already reconciled`,
    )
  if (event.atMs < nextYearStart(doc.year, ctx.calendar))
    return refuse(
      'C-09',
      `${doc.year}年制发文件的清退核对在${doc.year + 1}年第一季度进行`,
      `Documents of ${doc.year} are reconciled in the first quarter of ${doc.year + 1}`,
      { year: doc.year },
    )
  return null
}

/**
 * rule C-09: the year's return result is filed with the secrecy bureau once, after the year, and only
 * when every outgoing document of that year has been reconciled (the filing carries the result).
 */
export function checkReturnFiled(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.return_filed'>,
  ctx: SliceContext,
): DomainError | null {
  const { year } = event.payload
  if (work.filings.get(year)?.filedAt != null)
    return refuse('C-09', `${year}年清退回收情况已报备`, `The return result of ${year} is already filed`)
  if (event.atMs < nextYearStart(year, ctx.calendar))
    return refuse(
      'C-09',
      `${year}年清退回收情况在次年报备`,
      `The return result of ${year} is filed in the next year`,
    )
  for (const doc of work.documents.values())
    if (doc.year === year && doc.reconciliation === null)
      return refuse(
        'C-09',
        `文件 ${doc.sequenceNo} 尚未完成清退核对，不能报备`,
        `Document ${doc.sequenceNo} is not reconciled yet; the result cannot be filed`,
        { docId: doc.id },
      )
  return null
}

/** An incident of the incident register (explicit, or an X-02 missing item), when that register is composed. */
function incidentKnown(ctx: SliceContext, id: string): boolean {
  return ctx.view?.incident(id) !== undefined
}

/**
 * rules C-09, C-14, X-02: an open anomaly is resolved with a note: 'found', or 'incident' naming an
 * incident (or missing item) of the incident register. A reconciliation gap also needs the reference
 * of its report to the secrecy bureau (policy, default on).
 */
export function checkAnomalyResolved(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.anomaly_resolved'>,
  ctx: SliceContext,
  policy: OutgoingPolicy,
): DomainError | null {
  const p = event.payload
  const anomaly = work.anomalies.get(p.anomalyId)
  if (anomaly === undefined)
    return domainError(
      'OUTGOING-ANOMALY',
      `异常 ${p.anomalyId} 不存在`,
      `Anomaly ${p.anomalyId} does not exist`,
    )
  if (anomaly.resolvedAt !== null)
    return domainError(
      'OUTGOING-ANOMALY',
      `异常 ${p.anomalyId} 已处理`,
      `Anomaly ${p.anomalyId} is already resolved`,
    )
  const rule = anomaly.kind === 'meeting_missing' ? 'C-14' : 'C-09'
  if (p.outcome === 'incident' && (p.incidentId === undefined || !incidentKnown(ctx, p.incidentId)))
    return refuse(
      'X-02',
      `未找回的须按泄密事件处理，须注明事件台账中的事件编号${p.incidentId === undefined ? '' : `（${p.incidentId} 不存在）`}`,
      'An item not found is handled as an incident of the incident register; name it',
      { incidentId: p.incidentId ?? null },
    )
  if (p.outcome === 'found' && p.incidentId !== undefined)
    return refuse(rule, '已找回的不应关联泄密事件', 'An item found is not linked to an incident')
  if (
    anomaly.kind === 'reconciliation_gap' &&
    policy.gapResolutionNeedsBureauReport &&
    p.bureauReportRef === undefined
  )
    return refuse(
      'C-09',
      '清退回收缺口须督促收文单位查找并报市国家保密局处理，须注明报告编号',
      'A reconciliation gap is traced with the recipient and reported to the secrecy bureau; give the report reference',
      { anomalyId: anomaly.id },
    )
  return null
}
