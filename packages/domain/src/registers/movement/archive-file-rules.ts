import { LEVEL_LABEL_EN, LEVEL_LABEL_ZH, type Level, levelRank } from '../../core/levels.ts'
import type { SliceContext } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { checkDistinct, isError, type MovementSliceEvent, registeredCarrier } from './rules.ts'
import type { ArchiveFile, MovementWork } from './state.ts'

/**
 * Rules C-10, C-21: an archived file (案卷) names the carriers archived in it, so that consulting or
 * lending the file moves those carriers too (they are away meanwhile, and the carrier and custody
 * registers refuse to hand them out or take them out of the archive).
 */

function c21(zh: string, en: string, details?: Readonly<Record<string, unknown>>): DomainError {
  return domainError('C-21', `${zh}（规则 C-21）`, `${en} (rule C-21)`, details)
}

/** Archived under C-10 now: the custody register holds it in the archive (and nothing else holds it). */
function isArchived(ctx: SliceContext, carrierId: string): boolean {
  return ctx.view?.carrierAway(carrierId)?.code === 'C-10'
}

/**
 * rules C-10, C-21: a file is registered once; each carrier is in the carrier register, archived under
 * C-10 and in no other file. Choice: the file's level is at least its highest carrier's (a volume is
 * kept at the level of what it holds), so a consultation cannot skip the approval C-21 needs for it.
 */
export function checkArchiveFileRegistered(
  work: MovementWork,
  event: MovementSliceEvent<'movement.archive_file_registered'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  if (work.archiveFiles.has(p.fileId))
    return domainError(
      'MOVEMENT-EXISTS',
      `案卷 ${p.fileId} 已登记`,
      `Archived file ${p.fileId} already exists`,
    )
  const repeated = checkDistinct(p.carrierIds, 'C-21')
  if (repeated !== null) return repeated
  let highest: Level = p.level
  for (const id of p.carrierIds) {
    const c = registeredCarrier(ctx, id, 'C-21')
    if (isError(c)) return c
    const other = work.carrierFile.get(id)
    if (other !== undefined)
      return c21(`载体 ${c.serial} 已在案卷 ${other} 中`, `Carrier ${c.serial} is already in file ${other}`, {
        carrierId: id,
        fileId: other,
      })
    if (!isArchived(ctx, id))
      return domainError(
        'C-10',
        `载体 ${c.serial} 未立卷归档，不能列入案卷 ${p.fileId}（规则 C-10、C-21）`,
        `Carrier ${c.serial} is not archived and cannot be listed in file ${p.fileId} (rules C-10, C-21)`,
        { carrierId: id, fileId: p.fileId },
      )
    if (levelRank(c.level) > levelRank(highest)) highest = c.level
  }
  if (highest === p.level) return null
  return c21(
    `案卷 ${p.fileId} 含${LEVEL_LABEL_ZH[highest]}载体，密级不得低于${LEVEL_LABEL_ZH[highest]}`,
    `File ${p.fileId} holds ${LEVEL_LABEL_EN[highest]} carriers and cannot be marked lower`,
    { fileId: p.fileId, level: p.level, highest },
  )
}

export function applyArchiveFileRegistered(
  work: MovementWork,
  event: MovementSliceEvent<'movement.archive_file_registered'>,
): void {
  const p = event.payload
  const file: ArchiveFile = {
    fileId: p.fileId,
    eventId: event.id,
    level: p.level,
    carrierIds: p.carrierIds,
    registeredAt: event.atMs,
  }
  work.archiveFiles.set(file.fileId, file)
  for (const id of file.carrierIds) work.carrierFile.set(id, file.fileId)
}

/**
 * rule C-21: per registered file, the carriers that go with it now: those still archived (a carrier
 * taken out of the archive since, C-10, is no longer in the volume). Unregistered files hold none.
 */
export function filesCarriers(
  work: MovementWork,
  ctx: SliceContext,
  fileIds: readonly string[],
): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {}
  for (const fileId of fileIds) {
    const file = work.archiveFiles.get(fileId)
    if (file !== undefined) out[fileId] = file.carrierIds.filter((id) => isArchived(ctx, id))
  }
  return out
}

/** rule C-21: a consulted registered file is registered at no lower level than the file. */
export function checkConsultedLevel(work: MovementWork, fileId: string, level: Level): DomainError | null {
  const file = work.archiveFiles.get(fileId)
  if (file === undefined || levelRank(level) >= levelRank(file.level)) return null
  return c21(
    `案卷 ${fileId} 的密级为${LEVEL_LABEL_ZH[file.level]}，查档登记不得低于此密级`,
    `File ${fileId} is ${LEVEL_LABEL_EN[file.level]}; the consultation cannot register it lower`,
    { fileId, level, fileLevel: file.level },
  )
}
