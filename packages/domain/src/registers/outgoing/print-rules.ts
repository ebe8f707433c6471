import { LEVEL_LABEL_ZH, type Level, levelRank } from '../../core/levels.ts'
import type { SliceContext } from '../../core/register-slice.ts'
import { type DomainError, err, ok, type Result } from '../../core/result.ts'
import { endOfLocalDay, endOfWorkingDay, type WorkCalendar } from '../../core/work-calendar.ts'
import type { MaterialKind } from './events.ts'
import type { MaterialItem } from './records.ts'
import { exists, firstRepeat, type OutgoingSliceEvent, refuse, unknownDocument } from './rules.ts'
import { materialPending, materialUnsecured, type OutgoingWork } from './state.ts'

/** Block rules of printing (rule C-15) and of its intermediate material (rule C-20). */

const DEVICE_STATUS_ZH = {
  in_repair: '送修中',
  awaiting_check: '维修后尚未安全检测',
  replaced: '已更换',
  scrapped: '已报废',
} as const

/**
 * rule C-15: printed only on a classified computer of the computer register (M-01), in use and cleared
 * for the document's level. Reading: a computer in repair or not yet security-checked after repair
 * (M-04) is not in use, and a computer registered for a lower level (its highest level, M-01) may not
 * print a higher one. Without the computer register in view nothing can be checked: refused.
 */
function checkPrintDevice(deviceId: string, docLevel: Level, ctx: SliceContext): DomainError | null {
  if (ctx.view === undefined)
    return refuse(
      'C-15',
      `无法核对打印设备 ${deviceId}：计算机台账不可用`,
      `Cannot check printing device ${deviceId}: the computer register is not available`,
      { deviceId },
    )
  const device = ctx.view.device(deviceId)
  if (device === undefined)
    return refuse(
      'C-15',
      `打印设备 ${deviceId} 未在计算机台账中登记`,
      `Printing device ${deviceId} is not in the computer register`,
      { deviceId },
    )
  if (device.kind !== 'computer' || !device.classified)
    return refuse(
      'C-15',
      `${device.number} 不是涉密计算机，三密文件只能在涉密计算机上打印`,
      `${device.number} is not a classified computer; classified documents are printed only on one`,
      { deviceId },
    )
  if (device.status !== 'in_use')
    return refuse(
      'C-15',
      `涉密计算机 ${device.number} ${DEVICE_STATUS_ZH[device.status]}，不能打印`,
      `Classified computer ${device.number} is not in use (${device.status}) and cannot print`,
      { deviceId, status: device.status },
    )
  if (levelRank(device.level) < levelRank(docLevel))
    return refuse(
      'C-15',
      `涉密计算机 ${device.number} 不能处理${LEVEL_LABEL_ZH[docLevel]}文件`,
      `Classified computer ${device.number} is not cleared for this level`,
      { deviceId, deviceLevel: device.level, level: docLevel },
    )
  return null
}

/**
 * rule C-20 (reading): the print job's material is destroyed, registered or locked away by the end of
 * the working day it was printed on (the close of office hours); printed after hours or on a day off,
 * by the end of that day (before the printer leaves: 下班时应妥善保管).
 */
export function materialDue(atMs: number, calendar: WorkCalendar): Result<number> {
  const close = endOfWorkingDay(atMs, calendar)
  if (!close.ok) return err(close.error)
  return ok(close.value ?? endOfLocalDay(atMs, calendar))
}

/**
 * rules C-15, C-20: a print job. C-15: on a classified computer, ordered for no more than the approval
 * leaves, good copies numbered on from the last one. C-20: the counts are recorded, the spoiled ones
 * are at most those printed, and no extra print is kept (printed − spoiled ≤ approved for the job).
 */
export function checkPrinted(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.printed'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  if (work.printJobs.has(p.printJobId)) return exists('打印任务', p.printJobId)
  const doc = work.documents.get(p.docId)
  if (doc === undefined) return unknownDocument(p.docId)
  const device = checkPrintDevice(p.deviceId, doc.level, ctx)
  if (device !== null) return device
  const remaining = doc.approvedCopies - doc.copies.length
  if (p.approvedCount > remaining)
    return refuse(
      'C-15',
      `打印份数 ${p.approvedCount} 超过批准份数的剩余 ${remaining} 份`,
      `The job is ordered for ${p.approvedCount} copies; the approval leaves ${remaining}`,
      { approvedCopies: doc.approvedCopies, printed: doc.copies.length },
    )
  const next = (doc.copies.at(-1)?.number ?? 0) + 1
  if (p.firstCopyNumber !== next)
    return refuse(
      'C-15',
      `份号须连续编排，本次应从第 ${next} 份开始`,
      `Copy numbers run in sequence; this job starts at ${next}`,
      { expected: next, firstCopyNumber: p.firstCopyNumber },
    )
  if (p.spoiledCount > p.printedCount)
    return refuse('C-20', '残次品数不能多于打印数', 'Spoiled copies cannot exceed the copies printed')
  if (p.printedCount - p.spoiledCount > p.approvedCount)
    return refuse(
      'C-20',
      `打印 ${p.printedCount} 份、残次 ${p.spoiledCount} 份，超出批准的 ${p.approvedCount} 份，不得多印自留`,
      `Printed ${p.printedCount}, spoiled ${p.spoiledCount}: more than the ${p.approvedCount} approved; no extra prints are kept`,
      { approvedCount: p.approvedCount, printedCount: p.printedCount, spoiledCount: p.spoiledCount },
    )
  const repeated = firstRepeat(p.material.map((m) => m.kind))
  if (repeated !== undefined)
    return refuse('C-20', `中间材料 ${repeated} 重复登记`, `Material ${repeated} is listed twice`)
  const due = materialDue(event.atMs, ctx.calendar)
  return due.ok ? null : due.error
}

function materialOf(
  work: OutgoingWork,
  printJobId: string,
  kind: MaterialKind,
): { item: MaterialItem; level: Level } | DomainError {
  const job = work.printJobs.get(printJobId)
  const item = job?.material.find((m) => m.kind === kind)
  const doc = job === undefined ? undefined : work.documents.get(job.docId)
  if (item === undefined || doc === undefined)
    return refuse(
      'C-20',
      `打印任务 ${printJobId} 没有登记 ${kind} 中间材料`,
      `Print job ${printJobId} recorded no ${kind} material`,
      { printJobId, kind },
    )
  return { item, level: doc.level }
}

function tooMany(count: number, left: number, what: string): DomainError {
  return refuse(
    'C-20',
    `${what}只剩 ${left} 件，不能处理 ${count} 件`,
    `Only ${left} pieces are left (${what}); cannot dispose of ${count}`,
    { count, left },
  )
}

/** rule C-20: locking away pieces that are lying about. */
export function checkMaterialLocked(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.material_locked'>,
): DomainError | null {
  const m = materialOf(work, event.payload.printJobId, event.payload.kind)
  if ('code' in m) return m
  const left = materialUnsecured(m.item)
  return event.payload.count > left ? tooMany(event.payload.count, left, '未锁存材料') : null
}

/** rules C-20, C-11: destroying pieces not kept (the approval reference of C-11 is recorded). */
export function checkMaterialDestroyed(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.material_destroyed'>,
): DomainError | null {
  const m = materialOf(work, event.payload.printJobId, event.payload.kind)
  if ('code' in m) return m
  const left = materialPending(m.item)
  return event.payload.count > left ? tooMany(event.payload.count, left, '待销毁材料') : null
}

/**
 * rule C-20: kept material is a carrier of the document's level: registered in the carrier register
 * (`carrierId`: produced here, of the same level, not destroyed) and held like the document; one carrier
 * per entry.
 */
export function checkMaterialKept(
  work: OutgoingWork,
  event: OutgoingSliceEvent<'outgoing.material_kept'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  const m = materialOf(work, p.printJobId, p.kind)
  if ('code' in m) return m
  const left = materialPending(m.item)
  if (p.count > left) return tooMany(p.count, left, '待处理材料')
  const carrier = ctx.view?.carriers.get(p.carrierId)
  if (carrier === undefined || carrier.state === 'destroyed')
    return refuse(
      'C-20',
      `留存的中间材料须在涉密载体台账中登记，台账中没有载体 ${p.carrierId}`,
      `Kept material is registered as a carrier; there is no carrier ${p.carrierId} in the register`,
      { carrierId: p.carrierId },
    )
  if (carrier.direction !== 'produced')
    return refuse(
      'C-20',
      `留存的中间材料应登记为本单位制作的载体，载体 ${carrier.serial} 是收文`,
      `Kept material is registered as a carrier produced here; ${carrier.serial} was received`,
      { carrierId: p.carrierId },
    )
  if (carrier.level !== m.level)
    return refuse(
      'C-20',
      `留存的中间材料须按文件密级（${LEVEL_LABEL_ZH[m.level]}）登记管理`,
      "Kept material is registered at the document's level",
      { carrierId: p.carrierId, level: carrier.level, expected: m.level },
    )
  for (const job of work.printJobs.values())
    for (const item of job.material)
      if (item.dispositions.some((d) => d.carrierId === p.carrierId))
        return refuse(
          'C-20',
          `载体 ${p.carrierId} 已登记为另一份留存材料`,
          `Carrier ${p.carrierId} is already registered for other kept material`,
        )
  return null
}
