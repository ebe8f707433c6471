import type { SliceContext } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { type CustodySliceEvent, isError, openInventory } from './rules.ts'
import type { CustodyAnomaly, CustodyWork } from './state.ts'

/**
 * Rule C-13, 物多帐少: an item found at the inventory that the register does not list. It is recorded as
 * found at once, breaks 帐物相符 of that inventory, and stays an open item until it is registered in the
 * carrier register (C-01) or explained (not a classified carrier, another unit's copy…), with a note.
 */

function c13(zh: string, en: string, details?: Readonly<Record<string, unknown>>): DomainError {
  return domainError('C-13', `${zh}（规则 C-13）`, `${en} (rule C-13)`, details)
}

export function surplusAnomalyId(eventId: string): string {
  return `surplus:${eventId}`
}

function surpluses(work: CustodyWork): CustodyAnomaly[] {
  return [...work.anomalies.values()].filter((a) => a.surplus !== null)
}

/** rule C-13: recorded during an open inventory, under a surplus id not used before in the unit. */
export function checkInventorySurplus(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.inventory_surplus'>,
): DomainError | null {
  const p = event.payload
  const inv = openInventory(work, p.inventoryId)
  if (isError(inv)) return inv
  if (surpluses(work).some((a) => a.surplus?.surplusId === p.surplusId))
    return domainError(
      'CUSTODY-EXISTS',
      `多出物品 ${p.surplusId} 已登记`,
      `Surplus item ${p.surplusId} already exists`,
      {
        id: p.surplusId,
      },
    )
  return null
}

/** Opens the surplus item at once: it is an open item whether or not the inventory has closed. */
export function applyInventorySurplus(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.inventory_surplus'>,
): void {
  const p = event.payload
  const inv = work.inventories.get(p.inventoryId)
  if (inv === undefined) return
  const id = surplusAnomalyId(event.id)
  work.anomalies.set(id, {
    id,
    kind: 'surplus',
    inventoryId: inv.id,
    carrierId: null,
    surplus: {
      surplusId: p.surplusId,
      docNumber: p.docNumber ?? null,
      level: p.level ?? null,
      note: p.note ?? null,
    },
    serial: '',
    eventIds: [event.id],
    openedAt: event.atMs,
    resolvedAt: null,
    resolution: null,
    incidentRef: null,
    note: null,
    resolvedBy: null,
  })
  work.inventories.set(inv.id, { ...inv, surplus: [...inv.surplus, p.surplusId] })
}

/**
 * rules C-13, C-01: a surplus item resolved as registered names a carrier of the carrier register,
 * registered once the item was found (registering it is the point) and not already the registration of
 * another surplus item. A slice tested without the unit view takes the carrier as recorded.
 */
export function checkSurplusRegistered(
  work: CustodyWork,
  event: CustodySliceEvent<'custody.anomaly_resolved'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  if (p.resolution !== 'registered') return null
  const a = work.anomalies.get(p.anomalyId)
  if (a === undefined) return null
  const other = surpluses(work).find((s) => s.resolution === 'registered' && s.carrierId === p.carrierId)
  if (other !== undefined)
    return c13(
      `载体 ${p.carrierId} 已是多出物品 ${other.id} 的登记`,
      `Carrier ${p.carrierId} is already the registration of surplus item ${other.id}`,
      { anomalyId: a.id, carrierId: p.carrierId, registeredFor: other.id },
    )
  if (ctx.view === undefined) return null
  const c = ctx.view.carriers.get(p.carrierId)
  if (c !== undefined && c.registeredAt >= a.openedAt) return null
  return c13(
    c === undefined
      ? `载体 ${p.carrierId} 未在涉密载体台账中登记，多出物品须先登记入帐`
      : `载体 ${c.serial} 在清查发现多出物品之前已登记，不是该物品的登记`,
    c === undefined
      ? `Carrier ${p.carrierId} is not in the carrier register: register the surplus item first`
      : `Carrier ${c.serial} was registered before the surplus item was found and is not its registration`,
    { anomalyId: a.id, carrierId: p.carrierId },
  )
}
