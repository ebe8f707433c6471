import type { SliceContext } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import type { UnitView } from '../../core/unit-view.ts'
import {
  type CustodySliceEvent,
  carrierProblem,
  exists,
  GONE_FOR_GOOD_CODES,
  problemsError,
} from './rules.ts'
import type { CustodyState, CustodyWork, UnitClosure } from './state.ts'

/** Block rules of closing a unit (rule C-17: 撤销/合并, 移交, 登记、签收). */

function c17(zh: string, en: string, details?: Readonly<Record<string, unknown>>): DomainError {
  return domainError('C-17', `${zh}（规则 C-17）`, `${en} (rule C-17)`, details)
}

/** Why a carrier of the register is still this unit's to hand over. */
export type LeftReason = 'in_custody' | 'held_by_reader' | 'archived' | 'away'

export interface CarrierLeft {
  readonly carrierId: string
  readonly serial: string
  readonly reason: LeftReason
  /** The other register's away code, for `away` (borrowed C-06, carried out C-08…). */
  readonly awayCode: string | null
}

/**
 * rule C-17: carriers still in the unit's custody: not destroyed, not handed over here, not gone for
 * good in another register (returned to the issuer, C-09). Choice (reading): a carrier whose loss was
 * reported as an incident (an inventory gap resolved as 'incident', C-13/X-02) cannot be handed over;
 * its register entry goes with the registers, so it is not left. Archived carriers are left: the
 * archive goes to the receiving unit too. Sorted by serial, then id.
 */
export function carriersLeftInCustody(
  state: Pick<CustodyState, 'handedOver' | 'archived' | 'anomalies'>,
  view: UnitView | undefined,
): CarrierLeft[] {
  if (view === undefined) return []
  const lost = new Set<string>()
  for (const a of state.anomalies.values())
    if (a.resolution === 'incident' && a.carrierId !== null) lost.add(a.carrierId)
  const out: CarrierLeft[] = []
  for (const c of view.carriers.values()) {
    if (c.state === 'destroyed' || state.handedOver.has(c.id) || lost.has(c.id)) continue
    const base = { carrierId: c.id, serial: c.serial }
    if (state.archived.has(c.id)) {
      out.push({ ...base, reason: 'archived', awayCode: null })
      continue
    }
    if (c.state === 'out' || c.holders.length > 0) {
      out.push({ ...base, reason: 'held_by_reader', awayCode: null })
      continue
    }
    const away = view.carrierAway(c.id)
    if (away !== null && GONE_FOR_GOOD_CODES.includes(away.code)) continue
    out.push({ ...base, reason: away === null ? 'in_custody' : 'away', awayCode: away?.code ?? null })
  }
  return out.sort((a, b) => a.serial.localeCompare(b.serial) || a.carrierId.localeCompare(b.carrierId))
}

/** rule C-17: one closure per unit, declared by its leader on the superior's decision. */
export function checkClosureDeclared(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.unit_closure_declared'>,
): DomainError | null {
  if (work.closure === null) return null
  return c17(
    `本单位的撤销/合并已登记（${work.closure.decisionRef}）`,
    `The unit's closure is already declared (${work.closure.decisionRef})`,
    { closureId: work.closure.id, requested: event.payload.closureId },
  )
}

function declared(work: CustodyWork, closureId: string): UnitClosure | DomainError {
  const closure = work.closure
  if (closure !== null && closure.id === closureId) return closure
  return c17(
    `未登记撤销/合并决定 ${closureId}，不能按撤销移交或关闭单位`,
    `No closure ${closureId} is declared; nothing can be handed over or closed under it`,
    { closureId },
  )
}

function isError(x: UnitClosure | DomainError): x is DomainError {
  return 'code' in x && 'message' in x
}

/**
 * rule C-17: a batch goes to a unit named in the decision (the one taking over the functions, or the
 * superior), against its signed receipt. Carriers held by a reader or away in another register come
 * back first; archived ones and documents under handling go along.
 */
export function checkHandedOver(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.handed_over'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  const closure = declared(work, p.closureId)
  if (isError(closure)) return closure
  if (work.handOverBatchIds.has(p.batchId)) return exists('移交批次', 'Hand-over batch', p.batchId)
  if (!closure.receivingUnits.includes(p.receivingUnit))
    return c17(
      `${p.receivingUnit} 不是撤销/合并决定指定的接收单位（${closure.receivingUnits.join('、')}）`,
      `${p.receivingUnit} is not a receiving unit named in the decision (${closure.receivingUnits.join(', ')})`,
      { receivingUnit: p.receivingUnit, receivingUnits: closure.receivingUnits },
    )
  const problems = p.carrierIds.flatMap((id) => carrierProblem(work, ctx, id, true) ?? [])
  return problems.length === 0 ? null : problemsError('C-17', '移交', 'handed over', problems)
}

/**
 * rule C-17: the unit closes only after the hand-over: no carrier left in its custody (listed in the
 * refusal), no inventory open or gap unresolved (C-13), and the registers handed over with a receipt.
 */
export function checkUnitClosed(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.unit_closed'>,
  ctx: SliceContext,
): DomainError | null {
  const closure = declared(work, event.payload.closureId)
  if (isError(closure)) return closure
  const left = carriersLeftInCustody(work, ctx.view)
  if (left.length > 0)
    return c17(
      `仍有 ${left.length} 件载体未移交：${left.map((c) => c.serial).join('、')}，不能关闭单位`,
      `${left.length} carriers are not handed over yet: ${left.map((c) => c.serial).join(', ')}; the unit cannot close`,
      { left },
    )
  // Choice: an inventory still open or a gap not resolved would be lost with the register (read-only after closing).
  if (work.openInventoryId !== null)
    return c17(
      `清查 ${work.openInventoryId} 尚未结束，不能关闭单位`,
      `Inventory ${work.openInventoryId} is still open; the unit cannot close`,
      { openInventoryId: work.openInventoryId },
    )
  const gaps = [...work.anomalies.values()].filter((a) => a.resolvedAt === null).map((a) => a.id)
  if (gaps.length > 0)
    return c17(
      `帐物不符 ${gaps.join('、')} 尚未处理，不能关闭单位`,
      `Mismatches ${gaps.join(', ')} are not resolved; the unit cannot close`,
      { openAnomalies: gaps.sort() },
    )
  if (closure.registersHandedOverAt === null)
    return c17(
      '登记簿（台账）尚未移交签收，不能关闭单位',
      'The registers have not been handed over against a receipt; the unit cannot close',
      { registersHandedOver: false },
    )
  return null
}
