import { distinctHands } from '../../core/approvals.ts'
import { isStateSecret } from '../../core/levels.ts'
import type { SliceContext } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { APPROVER, checkApprover, part, REGISTRAR } from './approval-rules.ts'
import { checkConsultedLevel, filesCarriers } from './archive-file-rules.ts'
import type { MovementPolicy } from './policy.ts'
import {
  approvalFor,
  checkCovered,
  checkDistinct,
  checkReturnList,
  consumeApproval,
  isError,
  type MovementSliceEvent,
  markAway,
  openAnomalyIfAny,
} from './rules.ts'
import type { AwayEntry, Consultation, MovementWork } from './state.ts'

/**
 * Rule C-21: consulting archived files (案卷查阅). Archived files are named by their file number (档号,
 * `fileId`: the 案卷号 the custody register archived the carriers under, C-10), not by carrier id. A file
 * registered with its archived carriers (archive-file-rules.ts) takes them along while consulted.
 */

const CONSULTANT = (person: string) => part('查阅人', 'consultant', person)

function c21(zh: string, en: string, details?: Readonly<Record<string, unknown>>): DomainError {
  return domainError('C-21', `${zh}（规则 C-21）`, `${en} (rule C-21)`, details)
}

function blank(text: string | undefined): boolean {
  return (text ?? '').trim() === ''
}

/**
 * rule C-21 (approval): the holder of the office head's post (办公室主任, 001 篇15 二4) approves; choice: no
 * other post. Nobody approves their own consultation.
 */
export function checkConsultationApproved(
  event: MovementSliceEvent<'movement.consultation_approved'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  return (
    checkApprover('consultation', 'C-21', event, ctx) ??
    checkDistinct(p.archiveFileIds, 'C-21') ??
    distinctHands('C-21', [APPROVER(event.actor), CONSULTANT(p.consultant)])
  )
}

/**
 * rule C-21 (approval + block): consulted only in the archive room or its reading room, never taken
 * elsewhere; a file lent out or missing is not consulted. A 基层单位 presents a letter of introduction
 * stating what it consults. The office head's approval is needed for classified (state-secret) files,
 * for a 基层单位 (履行审批和登记手续), and for every file where the county requires it.
 */
export function checkConsultationRegistered(
  work: MovementWork,
  event: MovementSliceEvent<'movement.consultation_registered'>,
  policy: MovementPolicy,
): DomainError | null {
  const p = event.payload
  if (work.consultations.has(p.consultationId))
    return domainError(
      'MOVEMENT-EXISTS',
      `查档登记 ${p.consultationId} 已存在`,
      `Consultation ${p.consultationId} already exists`,
    )
  if (p.location !== 'archive_room' && p.location !== 'archive_reading_room')
    return c21(
      '查阅案卷须在档案室（查档室）进行，不得将案卷带出',
      'Archived files are consulted only in the archive room and never taken out',
      { location: p.location },
    )
  const fileIds = p.files.map((f) => f.fileId)
  const repeated = checkDistinct(fileIds, 'C-21')
  if (repeated !== null) return repeated
  for (const id of fileIds)
    if (work.filesAway.has(id))
      return c21(`案卷 ${id} 已借出或缺失，不在档案室`, `Archived file ${id} is lent out or missing`, {
        fileId: id,
      })
  for (const f of p.files) {
    const error = checkConsultedLevel(work, f.fileId, f.level)
    if (error !== null) return error
  }
  if (p.fromBasicUnit && (blank(p.introductionLetterRef) || blank(p.statedContent)))
    return c21(
      '基层单位查阅档案须持单位介绍信，注明查阅内容',
      'A 基层单位 presents a letter of introduction stating what it consults',
    )
  const needsApproval =
    policy.approvalForEveryConsultation || p.fromBasicUnit || p.files.some((f) => isStateSecret(f.level))
  if (p.approvalId === undefined)
    return needsApproval
      ? c21('查阅涉密案卷须经办公室主任批准', "Consulting classified files needs the office head's approval")
      : null
  const a = approvalFor(work, p.approvalId, 'consultation', 'C-21', event)
  if (isError(a)) return a
  if (a.consultant !== p.consultant)
    return c21(`批准 ${a.id} 是给 ${a.consultant} 的`, `Approval ${a.id} is for ${a.consultant}`, {
      approvalId: a.id,
    })
  return (
    checkCovered(fileIds, a.archiveFileIds, 'C-21') ??
    distinctHands('C-21', [APPROVER(a.by), CONSULTANT(p.consultant), REGISTRAR(event.actor)])
  )
}

function away(c: Consultation, status: AwayEntry['status'], anomalyId: string | null): AwayEntry {
  return { rule: 'C-21', refId: c.id, holder: c.consultant, since: c.openedAt, status, anomalyId }
}

export function applyConsultationRegistered(
  work: MovementWork,
  event: MovementSliceEvent<'movement.consultation_registered'>,
  ctx: SliceContext,
): void {
  const p = event.payload
  if (p.location !== 'archive_room' && p.location !== 'archive_reading_room') return
  const c: Consultation = {
    id: p.consultationId,
    eventId: event.id,
    consultant: p.consultant,
    consultantUnit: p.consultantUnit,
    fromBasicUnit: p.fromBasicUnit,
    introductionLetterRef: p.introductionLetterRef ?? null,
    statedContent: p.statedContent ?? null,
    files: p.files,
    location: p.location,
    approvalId: p.approvalId ?? null,
    openedAt: event.atMs,
    excerpts: [],
    fileCarrierIds: filesCarriers(
      work,
      ctx,
      p.files.map((f) => f.fileId),
    ),
    closed: null,
  }
  work.consultations.set(c.id, c)
  for (const id of Object.values(c.fileCarrierIds).flat())
    if (!work.carriersAway.has(id)) work.carriersAway.set(id, away(c, 'out', null))
  if (p.approvalId !== undefined) consumeApproval(work, p.approvalId, event.id)
}

function openConsultation(work: MovementWork, id: string): Consultation | DomainError {
  const c = work.consultations.get(id)
  if (c === undefined) return c21(`查档登记 ${id} 不存在`, `Consultation ${id} is not registered`)
  if (c.closed !== null)
    return domainError('MOVEMENT-CLOSED', `查档登记 ${id} 已结束`, `Consultation ${id} is closed`)
  return c
}

/**
 * rule C-21 (block): only the registered part is read and excerpted (只许查阅登记范围…不许摘抄无关的内容);
 * an excerpt leaves only checked and stamped (经审核无误后，方可盖章). The officer records both.
 */
export function checkConsultationExcerpt(
  work: MovementWork,
  event: MovementSliceEvent<'movement.consultation_excerpt_recorded'>,
): DomainError | null {
  const p = event.payload
  const c = openConsultation(work, p.consultationId)
  if (isError(c)) return c
  if (c.excerpts.some((x) => x.excerptId === p.excerptId))
    return domainError(
      'MOVEMENT-EXISTS',
      `摘抄 ${p.excerptId} 已登记`,
      `Excerpt ${p.excerptId} is already registered`,
    )
  if (!c.files.some((f) => f.fileId === p.fileId))
    return c21(
      `案卷 ${p.fileId} 不在本次查阅登记范围内`,
      `File ${p.fileId} is not registered for this consultation`,
    )
  if (!p.withinRegisteredPart)
    return c21('只许查阅、摘抄登记范围内的内容', 'Only the registered part is read and excerpted')
  if (blank(p.checkedBy) || !p.stamped)
    return c21('摘抄内容须经审核无误并盖章', 'An excerpt is checked and stamped before it leaves')
  // Four eyes: the consultant does not check their own excerpt.
  return distinctHands('C-21', [CONSULTANT(c.consultant), part('审核人', 'checker', p.checkedBy)])
}

export function applyConsultationExcerpt(
  work: MovementWork,
  event: MovementSliceEvent<'movement.consultation_excerpt_recorded'>,
): void {
  const p = event.payload
  const c = work.consultations.get(p.consultationId)
  if (c === undefined) return
  const excerpt = {
    eventId: event.id,
    excerptId: p.excerptId,
    fileId: p.fileId,
    checkedBy: p.checkedBy,
    at: event.atMs,
  }
  work.consultations.set(c.id, { ...c, excerpts: [...c.excerpts, excerpt] })
}

/** rule C-21: the consultation ends with the files back in the archive; missing ones are listed. */
export function checkConsultationClosed(
  work: MovementWork,
  event: MovementSliceEvent<'movement.consultation_closed'>,
): DomainError | null {
  const c = openConsultation(work, event.payload.consultationId)
  if (isError(c)) return c
  // The missing files are among those registered for the consultation, each listed once.
  return checkReturnList(
    c.files.map((f) => f.fileId),
    event.payload.missingFileIds,
    [],
    'C-21',
  )
}

/** A file not back in the archive is an anomaly and stays away (missing) until resolved. */
export function applyConsultationClosed(
  work: MovementWork,
  event: MovementSliceEvent<'movement.consultation_closed'>,
): void {
  const c = work.consultations.get(event.payload.consultationId)
  if (c === undefined) return
  const missingIds = event.payload.missingFileIds
  const anomalyId = openAnomalyIfAny(work, event, {
    kind: 'consultation_incomplete',
    rule: 'C-21',
    refId: c.id,
    missingIds,
    damagedIds: [],
    custodyBreach: false,
  })
  work.consultations.set(c.id, {
    ...c,
    closed: { eventId: event.id, at: event.atMs, missingIds, damagedIds: [], anomalyId },
  })
  markAway(work.filesAway, missingIds, away(c, 'missing', anomalyId))
  // The carriers of a registered file come back, or stay missing, with their file.
  for (const [fileId, carrierIds] of Object.entries(c.fileCarrierIds))
    for (const id of carrierIds) {
      if (work.carriersAway.get(id)?.refId !== c.id) continue
      if (missingIds.includes(fileId)) work.carriersAway.set(id, away(c, 'missing', anomalyId))
      else work.carriersAway.delete(id)
    }
}
