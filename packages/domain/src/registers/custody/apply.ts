import type { SliceContext, SliceEvent } from '../../core/register-slice.ts'
import type { CustodyEventType } from './events.ts'
import { type CustodyPolicy, isUrgent, routingDeadlines } from './policy.ts'
import { presentedPost } from './routing-rules.ts'
import { type CustodySliceEvent, custodyAwayHere, viewCarrier } from './rules.ts'
import type { CustodyAnomaly, CustodyWork, Inventory, Routing } from './state.ts'
import { applyInventorySurplus } from './surplus-rules.ts'

/** Applies custody events that passed check (rules C-10, C-13, C-17, C-19). */

/** The unit fold has parsed the payload against `custodyEvents[type].schema` before the slice sees it. */
export function typed<T extends CustodyEventType>(event: SliceEvent, _type: T): CustodySliceEvent<T> {
  return event as CustodySliceEvent<T>
}

/**
 * rule C-13: carriers in the officer's custody now: registered, not destroyed, not archived or handed
 * over here, not away in another register. Carriers handed to a reader for the day (C-04/C-05) are in
 * custody: the officer confirms them at the reader's desk or when they come back. Sorted ids.
 */
export function carriersInCustody(work: CustodyWork, ctx: SliceContext): string[] {
  const view = ctx.view
  if (view === undefined) return []
  const ids: string[] = []
  for (const c of view.carriers.values())
    if (c.state !== 'destroyed' && custodyAwayHere(work, c.id) === null && view.carrierAway(c.id) === null)
      ids.push(c.id)
  return ids.sort()
}

function leftCustody(work: CustodyWork, ctx: SliceContext, id: string): boolean {
  const c = viewCarrier(ctx, id)
  return (
    c === undefined ||
    c.state === 'destroyed' ||
    custodyAwayHere(work, id) !== null ||
    (ctx.view?.carrierAway(id) ?? null) !== null
  )
}

/**
 * rule C-13: 帐物相符 at closing. Confirmed: present. Reported missing: an anomaly `missing:<report id>`.
 * Neither, but left custody meanwhile by a registered event (destroyed, archived, borrowed…): accounted
 * for. Otherwise never confirmed: an anomaly `unconfirmed:<closing id>:<carrier id>`.
 */
function closeInventory(work: CustodyWork, inv: Inventory, event: SliceEvent, ctx: SliceContext): void {
  const confirmed: string[] = []
  const missing: string[] = []
  const unconfirmed: string[] = []
  const leftCustodyIds: string[] = []
  const open = (
    a: Omit<
      CustodyAnomaly,
      'serial' | 'surplus' | 'openedAt' | 'resolvedAt' | 'resolution' | 'incidentRef' | 'note' | 'resolvedBy'
    > & { readonly carrierId: string },
  ) =>
    work.anomalies.set(a.id, {
      ...a,
      surplus: null,
      serial: viewCarrier(ctx, a.carrierId)?.serial ?? '',
      openedAt: event.atMs,
      resolvedAt: null,
      resolution: null,
      incidentRef: null,
      note: null,
      resolvedBy: null,
    })
  for (const id of inv.expected) {
    const mark = inv.marks.get(id)
    if (mark?.status === 'confirmed') confirmed.push(id)
    else if (mark?.status === 'missing') {
      missing.push(id)
      open({
        id: `missing:${mark.eventId}`,
        kind: 'missing',
        inventoryId: inv.id,
        carrierId: id,
        eventIds: [mark.eventId, event.id],
      })
    } else if (leftCustody(work, ctx, id)) leftCustodyIds.push(id)
    else {
      unconfirmed.push(id)
      open({
        id: `unconfirmed:${event.id}:${id}`,
        kind: 'unconfirmed',
        inventoryId: inv.id,
        carrierId: id,
        eventIds: [event.id],
      })
    }
  }
  work.inventories.set(inv.id, {
    ...inv,
    state: 'closed',
    closedAt: event.atMs,
    closeEventId: event.id,
    confirmed,
    missing,
    unconfirmed,
    leftCustody: leftCustodyIds,
    // 物多帐少 breaks 帐物相符 as much as a missing carrier does.
    matched: missing.length === 0 && unconfirmed.length === 0 && inv.surplus.length === 0,
  })
  work.openInventoryId = null
}

function updateInventory(work: CustodyWork, id: string, change: (inv: Inventory) => Inventory): void {
  const inv = work.inventories.get(id)
  if (inv !== undefined) work.inventories.set(id, change(inv))
}

function updateRouting(work: CustodyWork, id: string, change: (r: Routing) => Routing): void {
  const r = work.routings.get(id)
  if (r !== undefined) work.routings.set(id, change(r))
}

export function applyInventoryEvent(work: CustodyWork, event: SliceEvent, ctx: SliceContext): void {
  const at = event.atMs
  switch (event.type) {
    case 'custody.inventory_opened': {
      const { inventoryId } = typed(event, 'custody.inventory_opened').payload
      work.inventories.set(inventoryId, {
        id: inventoryId,
        eventId: event.id,
        openedAt: at,
        openedBy: event.actor,
        expected: carriersInCustody(work, ctx),
        marks: new Map(),
        state: 'open',
        closedAt: null,
        closeEventId: null,
        confirmed: [],
        missing: [],
        unconfirmed: [],
        leftCustody: [],
        surplus: [],
        matched: null,
      })
      work.openInventoryId = inventoryId
      return
    }
    case 'custody.inventory_confirmed': {
      const p = typed(event, 'custody.inventory_confirmed').payload
      updateInventory(work, p.inventoryId, (inv) => {
        const marks = new Map(inv.marks)
        for (const carrierId of p.carrierIds) {
          const before = marks.get(carrierId)
          marks.set(carrierId, {
            carrierId,
            status: 'confirmed',
            at,
            eventId: event.id,
            missingEventId: before?.status === 'missing' ? before.eventId : null,
            note: null,
          })
        }
        return { ...inv, marks }
      })
      return
    }
    case 'custody.inventory_missing': {
      const p = typed(event, 'custody.inventory_missing').payload
      updateInventory(work, p.inventoryId, (inv) => {
        const marks = new Map(inv.marks)
        marks.set(p.carrierId, {
          carrierId: p.carrierId,
          status: 'missing',
          at,
          eventId: event.id,
          missingEventId: event.id,
          note: p.note ?? null,
        })
        return { ...inv, marks }
      })
      return
    }
    case 'custody.inventory_surplus':
      applyInventorySurplus(work, typed(event, 'custody.inventory_surplus'))
      return
    case 'custody.inventory_closed': {
      const inv = work.inventories.get(typed(event, 'custody.inventory_closed').payload.inventoryId)
      if (inv !== undefined) closeInventory(work, inv, event, ctx)
      return
    }
    case 'custody.anomaly_resolved': {
      const p = typed(event, 'custody.anomaly_resolved').payload
      const a = work.anomalies.get(p.anomalyId)
      if (a !== undefined)
        work.anomalies.set(a.id, {
          ...a,
          resolvedAt: at,
          carrierId: p.resolution === 'registered' ? p.carrierId : a.carrierId,
          resolution: p.resolution,
          incidentRef: p.resolution === 'incident' ? p.incidentRef : null,
          note: p.note,
          resolvedBy: event.actor,
        })
      return
    }
  }
}

export function applyRoutingEvent(
  work: CustodyWork,
  event: SliceEvent,
  ctx: SliceContext,
  policy: CustodyPolicy,
): void {
  const at = event.atMs
  switch (event.type) {
    case 'custody.routing_opened': {
      const p = typed(event, 'custody.routing_opened').payload
      const due = routingDeadlines(p.receivedAt, p.urgency, policy, ctx.calendar)
      if (!due.ok) return
      work.slipNumbers.add(p.slipNumber)
      work.openRoutings.set(p.carrierId, p.routingId)
      work.routings.set(p.routingId, {
        id: p.routingId,
        eventId: event.id,
        carrierId: p.carrierId,
        serial: viewCarrier(ctx, p.carrierId)?.serial ?? '',
        slipNumber: p.slipNumber,
        urgency: p.urgency,
        receivedAt: p.receivedAt,
        openedAt: at,
        ...due.value,
        presentations: [],
        presentedAt: null,
        state: 'open',
        closedAt: null,
      })
      return
    }
    case 'custody.routing_presented': {
      const p = typed(event, 'custody.routing_presented').payload
      const post = presentedPost(ctx, p.to)
      updateRouting(work, p.routingId, (r) => {
        // rule C-19: an urgent document meets its deadline only in a leader's hands.
        const meets = !isUrgent(r.urgency) || post !== 'office_head'
        return {
          ...r,
          presentations: [...r.presentations, { to: p.to, post, at, eventId: event.id }],
          presentedAt: r.presentedAt ?? (meets ? at : null),
        }
      })
      return
    }
    case 'custody.routing_closed': {
      const p = typed(event, 'custody.routing_closed').payload
      const r = work.routings.get(p.routingId)
      if (r === undefined) return
      work.routings.set(r.id, { ...r, state: 'closed', closedAt: at })
      work.openRoutings.delete(r.carrierId)
      return
    }
  }
}
