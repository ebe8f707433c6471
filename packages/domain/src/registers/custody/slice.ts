import type { RegisterSlice, SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { applyInventoryEvent, applyRoutingEvent, typed } from './apply.ts'
import { checkClosureDeclared, checkHandedOver, checkUnitClosed } from './closure-rules.ts'
import { custodyEvents, isCustodyEventType } from './events.ts'
import { type CustodyPolicy, DEFAULT_CUSTODY_POLICY } from './policy.ts'
import { checkRoutingClosed, checkRoutingOpened, checkRoutingPresented } from './routing-rules.ts'
import {
  checkAnomalyResolved,
  checkArchived,
  checkInventoryClosed,
  checkInventoryConfirmed,
  checkInventoryMissing,
  checkInventoryOpened,
  checkUnitOpen,
  custodyAwayHere,
} from './rules.ts'
import {
  type CustodyState,
  type CustodyWork,
  emptyCustodyWork,
  forkCustodyWork,
  viewCustodyWork,
} from './state.ts'
import { checkInventorySurplus, checkSurplusRegistered } from './surplus-rules.ts'
import {
  applyWithdrawalApproved,
  applyWithdrawn,
  checkWithdrawalApproved,
  checkWithdrawn,
} from './withdrawal-rules.ts'

function checkCustodyEvent(
  work: CustodyWork,
  event: SliceEvent,
  ctx: SliceContext,
  policy: CustodyPolicy,
): DomainError | null {
  const type = event.type
  if (!isCustodyEventType(type))
    return domainError('CUSTODY-UNKNOWN-TYPE', `未知事件类型 ${type}`, `Unknown event type ${type}`)
  const closed = checkUnitOpen(work)
  if (closed !== null) return closed
  switch (type) {
    case 'custody.archived':
      return checkArchived(work, typed(event, type), ctx)
    case 'custody.withdrawal_approved':
      return checkWithdrawalApproved(work, typed(event, type), ctx)
    case 'custody.withdrawn':
      return checkWithdrawn(work, typed(event, type), ctx)
    case 'custody.inventory_opened':
      return checkInventoryOpened(work, typed(event, type))
    case 'custody.inventory_confirmed':
      return checkInventoryConfirmed(work, typed(event, type))
    case 'custody.inventory_missing':
      return checkInventoryMissing(work, typed(event, type))
    case 'custody.inventory_surplus':
      return checkInventorySurplus(work, typed(event, type))
    case 'custody.inventory_closed':
      return checkInventoryClosed(work, typed(event, type))
    case 'custody.anomaly_resolved':
      return (
        checkAnomalyResolved(work, typed(event, type), ctx) ??
        checkSurplusRegistered(work, typed(event, type), ctx)
      )
    case 'custody.routing_opened':
      return checkRoutingOpened(work, typed(event, type), ctx, policy)
    case 'custody.routing_presented':
      return checkRoutingPresented(work, typed(event, type), ctx)
    case 'custody.routing_closed':
      return checkRoutingClosed(work, typed(event, type), ctx)
    case 'custody.unit_closure_declared':
      return checkClosureDeclared(work, typed(event, type))
    case 'custody.handed_over':
      return checkHandedOver(work, typed(event, type), ctx)
    case 'custody.unit_closed':
      return checkUnitClosed(work, typed(event, type), ctx)
  }
}

/** rules C-10, C-17, C-21: archiving and taking out of the archive, the closure and its hand-overs. */
function applyCustodyEvent(
  work: CustodyWork,
  event: SliceEvent,
  ctx: SliceContext,
  policy: CustodyPolicy,
): void {
  const type = event.type
  if (!isCustodyEventType(type)) return
  const at = event.atMs
  switch (type) {
    case 'custody.archived': {
      const p = typed(event, type).payload
      work.archiveBatches.set(p.batchId, {
        id: p.batchId,
        eventId: event.id,
        archiveRef: p.archiveRef,
        carrierIds: p.carrierIds,
        at,
        by: event.actor,
      })
      for (const carrierId of p.carrierIds)
        work.archived.set(carrierId, {
          carrierId,
          batchId: p.batchId,
          archiveRef: p.archiveRef,
          eventId: event.id,
          at,
        })
      return
    }
    case 'custody.withdrawal_approved':
      applyWithdrawalApproved(work, typed(event, type), ctx)
      return
    case 'custody.withdrawn':
      applyWithdrawn(work, typed(event, type))
      return
    case 'custody.unit_closure_declared': {
      const p = typed(event, type).payload
      work.closure = {
        id: p.closureId,
        eventId: event.id,
        kind: p.kind,
        decisionRef: p.decisionRef,
        receivingUnits: p.receivingUnits,
        declaredAt: at,
        declaredBy: event.actor,
        batches: [],
        registersHandedOverAt: null,
        closedAt: null,
        closedBy: null,
      }
      return
    }
    case 'custody.handed_over': {
      const p = typed(event, type).payload
      const closure = work.closure
      if (closure === null) return
      work.handOverBatchIds.add(p.batchId)
      for (const carrierId of p.carrierIds) {
        work.handedOver.set(carrierId, { carrierId, batchId: p.batchId, receivingUnit: p.receivingUnit, at })
        // rule C-17: a document still under handling goes to the receiving unit with its slip.
        const routingId = work.openRoutings.get(carrierId)
        const routing = routingId === undefined ? undefined : work.routings.get(routingId)
        if (routing !== undefined) {
          work.routings.set(routing.id, { ...routing, state: 'handed_over', closedAt: at })
          work.openRoutings.delete(carrierId)
        }
      }
      const batch = {
        id: p.batchId,
        eventId: event.id,
        receivingUnit: p.receivingUnit,
        receiptRef: p.receiptRef,
        carrierIds: p.carrierIds,
        registers: p.registers,
        at,
      }
      work.closure = {
        ...closure,
        batches: [...closure.batches, batch],
        registersHandedOverAt: closure.registersHandedOverAt ?? (p.registers ? at : null),
      }
      return
    }
    case 'custody.unit_closed': {
      if (work.closure !== null) work.closure = { ...work.closure, closedAt: at, closedBy: event.actor }
      return
    }
    case 'custody.routing_opened':
    case 'custody.routing_presented':
    case 'custody.routing_closed':
      applyRoutingEvent(work, event, ctx, policy)
      return
    default:
      applyInventoryEvent(work, event, ctx)
  }
}

/**
 * The officer's custody duties as a slice of the unit fold: archiving (C-10; 出档 C-21), periodic inventory
 * (C-13), closing the unit (C-17) and the routing of received documents (C-19). Archived and
 * handed-over carriers are away from custody (carrierAway), so the carrier fold refuses to hand them
 * out, copy or destroy them.
 */
export function createCustodySlice(
  policy: CustodyPolicy = DEFAULT_CUSTODY_POLICY,
): RegisterSlice<CustodyWork, CustodyState> {
  return {
    name: 'custody',
    events: custodyEvents,
    empty: emptyCustodyWork,
    fork: forkCustodyWork,
    view: viewCustodyWork,
    check: (work, event, ctx) => checkCustodyEvent(work, event, ctx, policy),
    apply: (work, event, ctx) => applyCustodyEvent(work, event, ctx, policy),
    carrierAway: custodyAwayHere,
  }
}

export const custodySlice: RegisterSlice<CustodyWork, CustodyState> = createCustodySlice()
