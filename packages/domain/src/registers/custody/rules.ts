import type { Carrier } from '../../core/carrier-record.ts'
import type { SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import type { CarrierAway } from '../../core/unit-view.ts'
import type { CustodyEventPayloads, CustodyEventType } from './events.ts'
import type { CustodyWork, Inventory } from './state.ts'

/**
 * Block rules of the custody register shared by its topics, archiving (rule C-10) and the periodic
 * inventory (rule C-13). Routing (C-19) and closing the unit (C-17) have their own files.
 */

export type CustodySliceEvent<T extends CustodyEventType> = SliceEvent<T, CustodyEventPayloads[T]>

/**
 * Away codes of other registers that mean the carrier left the unit for good: returned to its issuer
 * (清退, rule C-09). Borrowed (C-06) or carried out (C-08) carriers come back and still count as held.
 */
export const GONE_FOR_GOOD_CODES: readonly string[] = ['C-09']

/** Why a carrier is away in this register: handed over at closing (C-17) wins over archived (C-10). */
export function custodyAwayHere(work: CustodyWork, carrierId: string): CarrierAway | null {
  const handed = work.handedOver.get(carrierId)
  if (handed !== undefined)
    return {
      code: 'C-17',
      zh: `载体已随单位撤销/合并移交 ${handed.receivingUnit}（规则 C-17）`,
      en: `The carrier was handed over to ${handed.receivingUnit} when the unit closed (rule C-17)`,
      holder: handed.receivingUnit,
      since: handed.at,
    }
  const archived = work.archived.get(carrierId)
  if (archived !== undefined)
    return {
      code: 'C-10',
      zh: `载体已立卷归档（案卷 ${archived.archiveRef}），存于档案室（规则 C-10）`,
      en: `The carrier is archived (file ${archived.archiveRef}) in the archive room (rule C-10)`,
      holder: 'archive',
      since: archived.at,
    }
  return null
}

/** The carrier as the carrier register holds it; a slice without a unit view sees no carriers. */
export function viewCarrier(ctx: SliceContext, carrierId: string): Carrier | undefined {
  return ctx.view?.carriers.get(carrierId)
}

export type CarrierProblem =
  | 'unknown'
  | 'destroyed'
  | 'handed_over'
  | 'archived'
  | 'held_by_reader'
  | 'under_handling'
  | 'away'

const PROBLEM_ZH: Readonly<Record<CarrierProblem, string>> = {
  unknown: '未在涉密载体台账中登记',
  destroyed: '已销毁',
  handed_over: '已移交',
  archived: '已归档',
  held_by_reader: '在阅文人手中，须先收回',
  under_handling: '仍在传阅办理中（规则 C-19）',
  away: '不在保密员保管中',
}

const PROBLEM_EN: Readonly<Record<CarrierProblem, string>> = {
  unknown: 'not in the carrier register',
  destroyed: 'destroyed',
  handed_over: 'handed over',
  archived: 'already archived',
  held_by_reader: 'held by a reader; collect it first',
  under_handling: 'still under handling (rule C-19)',
  away: "away from the officer's custody",
}

export interface CarrierProblemEntry {
  readonly carrierId: string
  readonly problem: CarrierProblem
  /** The other register's away code, for `away`. */
  readonly awayCode?: string
}

/**
 * What stops a carrier from moving out of the officer's custody in one batch. `forHandOver` (rule
 * C-17): archived carriers and documents under handling go along to the receiving unit.
 */
export function carrierProblem(
  work: CustodyWork,
  ctx: SliceContext,
  carrierId: string,
  forHandOver: boolean,
): CarrierProblemEntry | null {
  const c = viewCarrier(ctx, carrierId)
  if (c === undefined) return { carrierId, problem: 'unknown' }
  if (c.state === 'destroyed') return { carrierId, problem: 'destroyed' }
  if (work.handedOver.has(carrierId)) return { carrierId, problem: 'handed_over' }
  const archived = work.archived.has(carrierId)
  if (archived && !forHandOver) return { carrierId, problem: 'archived' }
  if (c.state === 'out' || c.holders.length > 0) return { carrierId, problem: 'held_by_reader' }
  if (!forHandOver && work.openRoutings.has(carrierId)) return { carrierId, problem: 'under_handling' }
  if (archived) return null
  const away = ctx.view?.carrierAway(carrierId) ?? null
  if (away !== null) return { carrierId, problem: 'away', awayCode: away.code }
  return null
}

export function problemsError(
  rule: string,
  actionZh: string,
  actionEn: string,
  problems: readonly CarrierProblemEntry[],
): DomainError {
  const zh = problems.map((p) => `${p.carrierId}（${PROBLEM_ZH[p.problem]}）`).join('、')
  const en = problems.map((p) => `${p.carrierId} (${PROBLEM_EN[p.problem]})`).join(', ')
  return domainError(
    rule,
    `以下载体不能${actionZh}：${zh}（规则 ${rule}）`,
    `These carriers cannot be ${actionEn}: ${en} (rule ${rule})`,
    { problems },
  )
}

export function exists(what: string, whatEn: string, id: string): DomainError {
  return domainError('CUSTODY-EXISTS', `${what} ${id} 已存在`, `${whatEn} ${id} already exists`, { id })
}

/** rule C-17: once the unit is closed its custody register is read-only. */
export function checkUnitOpen(work: CustodyWork): DomainError | null {
  const closure = work.closure
  if (closure === null || closure.closedAt === null) return null
  return domainError(
    'C-17',
    `本单位已撤销/合并并关闭（${closure.decisionRef}），保管登记不再接受新记录（规则 C-17）`,
    `The unit was closed (${closure.decisionRef}); its custody register takes no new entries (rule C-17)`,
    { closureId: closure.id },
  )
}

/** rule C-10: only carriers in the officer's custody, done with, are archived (立卷归档). */
export function checkArchived(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.archived'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  if (work.archiveBatches.has(p.batchId)) return exists('归档批次', 'Archive batch', p.batchId)
  const problems = p.carrierIds.flatMap((id) => carrierProblem(work, ctx, id, false) ?? [])
  return problems.length === 0 ? null : problemsError('C-10', '归档', 'archived', problems)
}

function unknownInventory(id: string): DomainError {
  return domainError('C-13', `清查 ${id} 不存在（规则 C-13）`, `Inventory ${id} does not exist (rule C-13)`, {
    inventoryId: id,
  })
}

/** The open inventory `id`, or the refusal. */
export function openInventory(work: CustodyWork, id: string): Inventory | DomainError {
  const inv = work.inventories.get(id)
  if (inv === undefined) return unknownInventory(id)
  if (inv.state !== 'open')
    return domainError(
      'C-13',
      `清查 ${id} 已结束（规则 C-13）`,
      `Inventory ${id} is already closed (rule C-13)`,
      {
        inventoryId: id,
      },
    )
  return inv
}

export function isError<T extends object>(x: T | DomainError): x is DomainError {
  return 'code' in x && 'message' in x
}

/** rule C-13: one inventory at a time, so that every carrier is confirmed against one snapshot. */
export function checkInventoryOpened(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.inventory_opened'>,
): DomainError | null {
  const id = event.payload.inventoryId
  if (work.inventories.has(id)) return exists('清查', 'Inventory', id)
  if (work.openInventoryId === null) return null
  return domainError(
    'C-13',
    `上一次清查 ${work.openInventoryId} 尚未结束（规则 C-13）`,
    `The previous inventory ${work.openInventoryId} is still open (rule C-13)`,
    { openInventoryId: work.openInventoryId },
  )
}

function notExpected(inv: Inventory, ids: readonly string[]): DomainError {
  return domainError(
    'C-13',
    `载体 ${ids.join('、')} 不在清查 ${inv.id} 开始时的保管清单中（规则 C-13）`,
    `Carriers ${ids.join(', ')} were not in custody when inventory ${inv.id} opened (rule C-13)`,
    { inventoryId: inv.id, carrierIds: ids },
  )
}

function alreadyMarked(inv: Inventory, ids: readonly string[]): DomainError {
  return domainError(
    'C-13',
    `载体 ${ids.join('、')} 在清查 ${inv.id} 中已登记结果（规则 C-13）`,
    `Carriers ${ids.join(', ')} already have a result in inventory ${inv.id} (rule C-13)`,
    { inventoryId: inv.id, carrierIds: ids },
  )
}

/**
 * rule C-13: confirmed present. Only carriers of the opening snapshot; a carrier reported missing may be
 * confirmed later in the same inventory (found before closing), a confirmed one is not confirmed twice.
 */
export function checkInventoryConfirmed(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.inventory_confirmed'>,
): DomainError | null {
  const inv = openInventory(work, event.payload.inventoryId)
  if (isError(inv)) return inv
  const expected = new Set(inv.expected)
  const stray = event.payload.carrierIds.filter((id) => !expected.has(id))
  if (stray.length > 0) return notExpected(inv, stray)
  const twice = event.payload.carrierIds.filter((id) => inv.marks.get(id)?.status === 'confirmed')
  return twice.length > 0 ? alreadyMarked(inv, twice) : null
}

/** rule C-13: reported missing, once, for a carrier of the snapshot not yet confirmed. */
export function checkInventoryMissing(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.inventory_missing'>,
): DomainError | null {
  const inv = openInventory(work, event.payload.inventoryId)
  if (isError(inv)) return inv
  const id = event.payload.carrierId
  if (!inv.expected.includes(id)) return notExpected(inv, [id])
  return inv.marks.has(id) ? alreadyMarked(inv, [id]) : null
}

export function checkInventoryClosed(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.inventory_closed'>,
): DomainError | null {
  const inv = openInventory(work, event.payload.inventoryId)
  return isError(inv) ? inv : null
}

/**
 * rule C-13: a gap is resolved once, with a note: found, or reported as an incident. When
 * the incident register is composed, the reference must name its incident or missing item about this
 * carrier; a slice tested alone takes the reference as recorded.
 */
export function checkAnomalyResolved(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.anomaly_resolved'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  const a = work.anomalies.get(p.anomalyId)
  if (a === undefined)
    return domainError(
      'C-13',
      `帐物不符 ${p.anomalyId} 不存在（规则 C-13）`,
      `Mismatch ${p.anomalyId} does not exist (rule C-13)`,
    )
  if (a.resolvedAt !== null)
    return domainError(
      'C-13',
      `帐物不符 ${a.id} 已处理（规则 C-13）`,
      `Mismatch ${a.id} is already resolved (rule C-13)`,
      {
        anomalyId: a.id,
      },
    )
  // A surplus item is registered or explained; a missing or unconfirmed carrier is found or reported.
  const surplus = a.kind === 'surplus'
  if (surplus !== (p.resolution === 'registered' || p.resolution === 'explained'))
    return domainError(
      'C-13',
      surplus
        ? `清查多出的物品 ${a.id} 须登记入帐或说明情况（规则 C-13）`
        : `帐物不符 ${a.id} 须查找到或作为泄密事件报告（规则 C-13、X-02）`,
      surplus
        ? `Surplus item ${a.id} is resolved by registering or explaining it (rule C-13)`
        : `Mismatch ${a.id} is resolved as found or reported as an incident (rules C-13, X-02)`,
      { anomalyId: a.id, kind: a.kind, resolution: p.resolution },
    )
  if (p.resolution !== 'incident' || a.carrierId === null) return null
  if (ctx.view === undefined) return null
  const incident = ctx.view.incident(p.incidentRef)
  const about =
    incident !== undefined &&
    (incident.carrierRefs.includes(a.carrierId) || incident.carrierRefs.includes(a.serial))
  if (about) return null
  return domainError(
    'C-13',
    `泄密事件登记中没有关于载体 ${a.carrierId} 的记录 ${p.incidentRef}（规则 C-13、X-02）`,
    `The incident register has no entry ${p.incidentRef} about carrier ${a.carrierId} (rules C-13, X-02)`,
    { anomalyId: a.id, incidentRef: p.incidentRef },
  )
}
