import type { Database } from '@secledger/db'
import type { DomainError, EventEnvelope } from '@secledger/domain'
import { ServerError } from '../errors.ts'
import { loadUnitDirectory } from '../keys/unit-directory.ts'
import { checkNewEvent } from './event-check.ts'
import { type ClockWindow, clockRefusal } from './event-clock.ts'
import type { Slicer } from './slicer.ts'
import { buildRegister, type UnitDoc } from './unit-doc.ts'
import type { NewEntry } from './update-guard.ts'

/** Why an update's events were refused: the error frame, and the security event's kind and detail. */
export interface EntryRefusal {
  readonly error: DomainError
  readonly kind: 'sync_bad_event' | 'sync_clock_skew'
  readonly detail: Readonly<Record<string, unknown>>
}

export interface EntryCheckContext {
  readonly database: Database
  readonly now: () => Date
  readonly clock: ClockWindow
}

export type EntryCheckResult =
  | { readonly ok: true; readonly events: EventEnvelope[] }
  | { readonly ok: false; readonly refusal: EntryRefusal }

/**
 * Checks every new entry of an update, in slices (issue 10 item 8: ~0.1 ms per event, mostly the
 * signature, so a 10,000-event upload would otherwise hold the event loop for a second): custody checks
 * first (SYNC-BAD-EVENT; a forgery is a forgery whatever its time), then the time window
 * (SYNC-CLOCK-SKEW). The first refusal refuses the whole update. Reloads the key directory once when
 * an actor is unknown (a user added since the doc was loaded).
 */
export async function checkEntries(
  ctx: EntryCheckContext,
  unit: UnitDoc,
  entries: readonly NewEntry[],
  slicer: Slicer,
): Promise<EntryCheckResult> {
  const now = ctx.now()
  let reloaded = false
  const accepted: EventEnvelope[] = []
  for (const entry of entries) {
    let verdict = checkNewEvent(entry, unit.unitId, unit.directory, unit.verify)
    if (!verdict.ok && !reloaded && verdict.actor !== null && !unit.directory.users[verdict.actor]) {
      reloaded = true
      unit.directory = await loadUnitDirectory(ctx.database.db, unit.unitId)
      if (unit.directory.users[verdict.actor]) unit.register = buildRegister(unit)
      verdict = checkNewEvent(entry, unit.unitId, unit.directory, unit.verify)
    }
    if (!verdict.ok) {
      const { reason, eventId, actor } = verdict
      return refuse(ServerError.SyncBadEvent, 'sync_bad_event', { reason, eventId, actor })
    }
    const late = clockRefusal(verdict.event, now.getTime(), ctx.clock)
    if (late !== null) {
      return refuse(ServerError.SyncClockSkew, 'sync_clock_skew', {
        reason: late,
        eventId: verdict.event.id,
        actor: verdict.event.actor,
        at: verdict.event.at,
        serverTime: now.toISOString(),
      })
    }
    accepted.push(verdict.event)
    if (slicer.due()) await slicer.pause()
  }
  return { ok: true, events: accepted }
}

function refuse(
  error: DomainError,
  kind: EntryRefusal['kind'],
  detail: Record<string, unknown>,
): EntryCheckResult {
  return { ok: false, refusal: { error, kind, detail } }
}
