import { distinctHands } from '../../core/approvals.ts'
import { directoryUser } from '../../core/key-directory.ts'
import type { SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { localDay, startOfLocalDate } from '../../core/work-calendar.ts'
import { findChecklist, hasArea } from './checklist.ts'
import type { InspectionEventPayloads, InspectionEventType } from './events.ts'
import type { InspectionPolicy } from './policy.ts'
import { scoreSelfAssessment } from './scoring.ts'
import type { Finding, InspectionWork } from './state.ts'

/** Block rules of the inspection register. Each returns the refusal, or null to allow. */

export type InspectionSliceEvent<T extends InspectionEventType> = SliceEvent<T, InspectionEventPayloads[T]>

function exists(kind: string, id: string): DomainError {
  return domainError('INSPECTION-EXISTS', `${kind} ${id} 已存在`, `${kind} ${id} already exists`, { id })
}

function unknown(rule: string, zh: string, en: string, id: string): DomainError {
  return domainError(
    rule,
    `${zh} ${id} 未登记（规则 ${rule}）`,
    `${en} ${id} is not registered (rule ${rule})`,
    { id },
  )
}

function badDate(rule: string, date: string): DomainError {
  return domainError(rule, `日期无效：${date}（规则 ${rule}）`, `Invalid date: ${date} (rule ${rule})`, {
    date,
  })
}

/** A date after the local day of the event cannot have happened yet. */
function inFuture(date: string, event: SliceEvent, ctx: SliceContext): boolean {
  return date > localDay(event.atMs, ctx.calendar).date
}

/** rules I-01, I-02: an inspection held (not in the future) against a published checklist. */
export function checkRecorded(
  work: InspectionWork,
  event: InspectionSliceEvent<'inspection.recorded'>,
  ctx: SliceContext,
  policy: InspectionPolicy,
): DomainError | null {
  const p = event.payload
  if (work.inspections.has(p.inspectionId)) return exists('检查', p.inspectionId)
  if (startOfLocalDate(p.heldOn, ctx.calendar) === null) return badDate('I-01', p.heldOn)
  if (inFuture(p.heldOn, event, ctx))
    return domainError(
      'I-01',
      '检查日期晚于登记日期（规则 I-01）',
      'The inspection date is after its recording (rule I-01)',
    )
  const checklist = findChecklist(policy.checklists, p.checklistId)
  if (checklist === undefined) return unknown('I-02', '检查清单', 'Checklist', p.checklistId)
  const seen = new Set<string>()
  for (const area of p.areasChecked) {
    if (!hasArea(checklist, area) || seen.has(area))
      return domainError(
        'I-02',
        `检查项目 ${area} 不在清单 ${checklist.id} 中或重复（规则 I-02）`,
        `Area ${area} is not on checklist ${checklist.id} or is repeated (rule I-02)`,
        { area },
      )
    seen.add(area)
  }
  return null
}

/** rule I-04: only a bureau inspection gets a written opinion, once, not before the inspection. */
export function checkOpinionRecorded(
  work: InspectionWork,
  event: InspectionSliceEvent<'inspection.opinion_recorded'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  const inspection = work.inspections.get(p.inspectionId)
  if (inspection === undefined) return unknown('I-04', '检查', 'Inspection', p.inspectionId)
  if (inspection.kind !== 'bureau')
    return domainError(
      'I-04',
      '只有保密局检查才登记检查意见（规则 I-04）',
      'Only a bureau inspection has a written opinion (rule I-04)',
    )
  if (inspection.opinion !== null) return exists('检查意见', p.inspectionId)
  if (startOfLocalDate(p.receivedOn, ctx.calendar) === null) return badDate('I-04', p.receivedOn)
  if (p.receivedOn < inspection.heldOn || inFuture(p.receivedOn, event, ctx))
    return domainError(
      'I-04',
      '检查意见日期须在检查之后、登记之前（规则 I-04）',
      'The opinion date must fall between the inspection and its recording (rule I-04)',
    )
  return null
}

/** rule I-03: a check belongs to a recorded inspection. */
export function checkItemChecked(
  work: InspectionWork,
  event: InspectionSliceEvent<'inspection.item_checked'>,
): DomainError | null {
  const p = event.payload
  if (work.checks.has(p.checkId)) return exists('核查记录', p.checkId)
  if (!work.inspections.has(p.inspectionId)) return unknown('I-03', '检查', 'Inspection', p.inspectionId)
  return null
}

/** rule I-03: only an open anomaly is resolved (the note is required by the schema). */
export function checkAnomalyResolved(
  work: InspectionWork,
  event: InspectionSliceEvent<'inspection.anomaly_resolved'>,
): DomainError | null {
  const a = work.anomalies.get(event.payload.anomalyId)
  if (a === undefined) return unknown('I-03', '帐物不符', 'Mismatch', event.payload.anomalyId)
  if (a.resolvedAt !== null)
    return domainError(
      'I-03',
      `帐物不符 ${a.id} 已处理（规则 I-03）`,
      `Mismatch ${a.id} is already resolved (rule I-03)`,
      { id: a.id },
    )
  return null
}

/**
 * rule I-04: a finding names a responsible user of the unit (decision: a user in the key directory,
 * so the verifier can be told apart from them) and a deadline not before the day it is recorded;
 * a bureau inspection's findings follow its written opinion, which states what to fix and by when.
 */
export function checkFindingRecorded(
  work: InspectionWork,
  event: InspectionSliceEvent<'inspection.finding_recorded'>,
  ctx: SliceContext,
  policy: InspectionPolicy,
): DomainError | null {
  const p = event.payload
  if (work.findings.has(p.findingId)) return exists('问题', p.findingId)
  const inspection = work.inspections.get(p.inspectionId)
  if (inspection === undefined) return unknown('I-04', '检查', 'Inspection', p.inspectionId)
  const checklist = findChecklist(policy.checklists, inspection.checklistId)
  if (checklist === undefined || !hasArea(checklist, p.area))
    return domainError(
      'I-02',
      `检查项目 ${p.area} 不在清单中（规则 I-02）`,
      `Area ${p.area} is not on the checklist (rule I-02)`,
      {
        area: p.area,
      },
    )
  if (inspection.kind === 'bureau' && inspection.opinion === null)
    return domainError(
      'I-04',
      '保密局检查的问题须依据书面检查意见登记（规则 I-04）',
      "A bureau inspection's findings are recorded from its written opinion (rule I-04)",
    )
  const user = directoryUser(ctx.directory, p.responsible)
  if (user === undefined || user.unit !== ctx.unit)
    return domainError(
      'I-04',
      `整改责任人 ${p.responsible} 不是本单位用户（规则 I-04）`,
      `Responsible person ${p.responsible} is not a user of this unit (rule I-04)`,
      {
        responsible: p.responsible,
      },
    )
  if (startOfLocalDate(p.dueOn, ctx.calendar) === null) return badDate('I-04', p.dueOn)
  if (p.dueOn < localDay(event.atMs, ctx.calendar).date)
    return domainError(
      'I-04',
      '整改期限早于登记日期（规则 I-04）',
      'The rectification deadline is before the day it is recorded (rule I-04)',
    )
  return null
}

function finding(work: InspectionWork, id: string): Finding | DomainError {
  return work.findings.get(id) ?? unknown('I-04', '问题', 'Finding', id)
}

function isError(x: Finding | DomainError): x is DomainError {
  return 'code' in x
}

/** rule I-04: reported up once. */
export function checkFindingReportedUp(
  work: InspectionWork,
  event: InspectionSliceEvent<'inspection.finding_reported_up'>,
): DomainError | null {
  const f = finding(work, event.payload.findingId)
  if (isError(f)) return f
  return f.reportedUpAt === null ? null : exists('问题报告', f.id)
}

/** rule I-04: a rectification is declared on an open finding (not one awaiting verification or closed). */
export function checkFindingRectified(
  work: InspectionWork,
  event: InspectionSliceEvent<'inspection.finding_rectified'>,
): DomainError | null {
  const f = finding(work, event.payload.findingId)
  if (isError(f)) return f
  if (f.state === 'open') return null
  return domainError(
    'I-04',
    f.state === 'verified'
      ? `问题 ${f.id} 已验证整改完毕（规则 I-04）`
      : `问题 ${f.id} 已报整改，待验证（规则 I-04）`,
    f.state === 'verified'
      ? `Finding ${f.id} is already verified fixed (rule I-04)`
      : `Finding ${f.id} awaits verification (rule I-04)`,
    { findingId: f.id, state: f.state },
  )
}

/**
 * rule I-04: verification follows a declared rectification and is by someone else (four eyes): never
 * the responsible person, nor whoever declared the rectification for them.
 */
export function checkFindingVerified(
  work: InspectionWork,
  event: InspectionSliceEvent<'inspection.finding_verified'>,
): DomainError | null {
  const f = finding(work, event.payload.findingId)
  if (isError(f)) return f
  if (f.state !== 'rectified')
    return domainError(
      'I-04',
      `问题 ${f.id} 尚未报整改完成，不能验证（规则 I-04）`,
      `Finding ${f.id} has no declared rectification to verify (rule I-04)`,
      {
        findingId: f.id,
        state: f.state,
      },
    )
  const declarer = f.rectifiedBy ?? f.responsible
  return distinctHands('I-04', [
    { zh: '整改责任人', en: 'responsible person', person: f.responsible },
    ...(declarer === f.responsible ? [] : [{ zh: '整改完成申报人', en: 'declarer', person: declarer }]),
    { zh: '验证人', en: 'verifier', person: event.actor },
  ])
}

/** rule I-05: a complete answer to a published sheet. */
export function checkSelfAssessment(
  work: InspectionWork,
  event: InspectionSliceEvent<'inspection.self_assessment_recorded'>,
  policy: InspectionPolicy,
): DomainError | null {
  const p = event.payload
  if (work.assessments.has(p.assessmentId)) return exists('自评', p.assessmentId)
  const sheet = policy.sheets.find((s) => s.id === p.sheetId)
  if (sheet === undefined) return unknown('I-05', '自评表', 'Scoring sheet', p.sheetId)
  const score = scoreSelfAssessment(sheet, p.answers)
  return score.ok ? null : score.error
}
