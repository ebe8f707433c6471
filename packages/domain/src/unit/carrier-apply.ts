import type { Carrier, HandOut } from '../core/carrier-record.ts'
import type { EventEnvelope } from '../core/event-envelope.ts'
import { EARLIEST_EVENT_MS, hlcWallMs } from '../core/hlc.ts'
import { MAX_PERIOD_YEARS } from '../core/levels.ts'
import { localDay } from '../core/work-calendar.ts'
import {
  clockOutOfRange,
  concurrentHandOut,
  duplicateCopy,
  duplicateSerial,
  overnightAbsence,
  refusedEvent,
  resolveAnomaly,
} from '../registers/carrier/anomalies.ts'
import { documentCopyKey } from '../registers/carrier/document-keys.ts'
import { carrierEventSchemas } from '../registers/carrier/events.ts'
import { handOutDue } from '../registers/carrier/rules.ts'
import type { Anomaly, RuleEvent, RuleEventOf } from '../registers/carrier/state.ts'
import { openAnomaly } from './anomaly-log.ts'
import { checkRules } from './check-event.ts'
import type { FoldWork } from './fold-work.ts'
import { type ScreenVerdict, screenUnitEvent } from './screen.ts'
import { foldSliceEvent } from './slice-fold-step.ts'
import { screenEventText } from './text-gate.ts'
import type { FoldContext } from './unit-state.ts'

/** Applying events to the fold's working state, after screening and the block rules. */

/**
 * A carrier changed by an event. Built field by field rather than by spreading: every carrier then
 * shares one object shape, which keeps the fold fast (ARCHITECTURE budget: 100,000 events ≤ 300 ms).
 */
function changedCarrier(
  c: Carrier,
  eventId: string,
  atMs: number,
  state: Carrier['state'],
  holders: readonly HandOut[],
  destroyedAt: number | null,
  lastCopiedAt: number | null = c.lastCopiedAt,
): Carrier {
  return {
    id: c.id,
    serial: c.serial,
    docNumber: c.docNumber,
    issuer: c.issuer,
    title: c.title,
    kind: c.kind,
    direction: c.direction,
    level: c.level,
    keptAsClassified: c.keptAsClassified,
    periodYears: c.periodYears,
    scope: c.scope,
    copyNumber: c.copyNumber,
    originalId: c.originalId,
    receivedOn: c.receivedOn,
    lateRegistration: c.lateRegistration,
    registeredAt: c.registeredAt,
    state,
    holders,
    updatedAt: atMs,
    destroyedAt,
    lastCopiedAt,
    createdBy: c.createdBy,
    lastEventId: eventId,
  }
}

/** rules C-01, C-02 after a merge: new carriers whose copy is already registered open one anomaly. */
function indexCopies(work: FoldWork, e: RuleEvent, created: readonly Carrier[]): void {
  const index = work.copyKeys
  const earlier: string[] = []
  let first: string | null = null
  for (const carrier of created) {
    const key = documentCopyKey(carrier.issuer, carrier.docNumber, carrier.copyNumber)
    if (key === null) continue
    const known = index.get(key)
    if (known === undefined) {
      index.set(key, carrier.createdBy)
      continue
    }
    earlier.push(known)
    first ??= carrier.id
  }
  if (first !== null) openAnomaly(work, duplicateCopy(earlier, e.id, first, e.atMs))
}

function applyRegistration(work: FoldWork, e: RuleEventOf<'carrier.registered'>, ctx: FoldContext): void {
  const p = e.payload
  const late = p.receivedOn < localDay(e.atMs, ctx.calendar).date // rule C-01: same-day deadline missed
  const created: Carrier[] = []
  for (const copy of p.copies) {
    const carrier: Carrier = {
      id: copy.id,
      serial: p.serial,
      docNumber: p.docNumber,
      issuer: p.issuer,
      title: p.title,
      kind: p.kind,
      direction: p.direction,
      level: p.level,
      keptAsClassified: p.centralUnclassified === true,
      periodYears: p.periodYears ?? MAX_PERIOD_YEARS[p.level] ?? 0, // rule D-03: null means the maximum
      scope: p.scope,
      copyNumber: copy.copyNumber,
      originalId: null,
      receivedOn: p.receivedOn,
      lateRegistration: late,
      registeredAt: e.atMs,
      state: 'in_custody',
      holders: [],
      updatedAt: e.atMs,
      destroyedAt: null,
      lastCopiedAt: null,
      createdBy: e.id,
      lastEventId: e.id,
    }
    work.carriers.set(copy.id, carrier)
    created.push(carrier)
  }
  indexCopies(work, e, created)
  const first = work.serials.get(p.serial)
  if (first === undefined) work.serials.set(p.serial, e.id)
  else openAnomaly(work, duplicateSerial(first, e.id, p.copies[0]?.id ?? '', e.atMs)) // rule C-01 after a merge
}

function applyHandOut(
  work: FoldWork,
  e: RuleEventOf<'carrier.handed_out'>,
  carrier: Carrier,
  ctx: FoldContext,
) {
  // 补录: deadlines run from when it happened; the record keeps both times.
  const happened = e.payload.happenedAt ?? e.atMs
  const due = handOutDue(happened, e.payload.dueAt, ctx.calendar)
  // Stryker disable next-line all: unreachable, checkRules refused the event already
  if (!due.ok) return
  if (carrier.state === 'out') openAnomaly(work, concurrentHandOut(carrier, e.id, e.atMs)) // rule C-04 after a merge
  // Two literals, not a spread: the fold builds one per hand-out (~40% of a register's events).
  const holder: HandOut =
    e.payload.happenedAt === undefined
      ? { id: e.id, reader: e.payload.reader, handedOutAt: happened, dueAt: due.value }
      : { id: e.id, reader: e.payload.reader, handedOutAt: happened, dueAt: due.value, recordedAt: e.atMs }
  const holders = carrier.holders.length === 0 ? [holder] : [...carrier.holders, holder]
  work.carriers.set(carrier.id, changedCarrier(carrier, e.id, e.atMs, 'out', holders, null))
}

/** 机密 and above (C-05; 000 文件资料收发 一3) never stay outside the secure room overnight. */
const NO_NIGHT_OUT: ReadonlySet<string> = new Set(['secret', 'top_secret'])

function applyTakeBack(
  work: FoldWork,
  e: RuleEventOf<'carrier.taken_back'>,
  carrier: Carrier,
  ctx: FoldContext,
): void {
  const handOut = carrier.holders.find((h) => h.id === e.payload.handOutId)
  if (
    handOut !== undefined &&
    NO_NIGHT_OUT.has(carrier.level) &&
    localDay(e.payload.happenedAt ?? e.atMs, ctx.calendar).date >
      localDay(handOut.handedOutAt, ctx.calendar).date
  )
    openAnomaly(work, overnightAbsence(carrier.id, handOut.id, e.id, e.atMs))
  const holders = carrier.holders.filter((h) => h.id !== e.payload.handOutId)
  const state = holders.length > 0 ? 'out' : 'in_custody'
  work.carriers.set(carrier.id, changedCarrier(carrier, e.id, e.atMs, state, holders, null))
}

/** rule C-07: each copy is a new carrier linked to its original, serial `<original>-F<n>`. */
function applyCopy(work: FoldWork, e: RuleEventOf<'carrier.copied'>, original: Carrier): void {
  let made = work.copyCounts.get(original.id) ?? 0
  const created: Carrier[] = []
  for (const copy of e.payload.copies) {
    made += 1
    const carrier: Carrier = {
      id: copy.id,
      serial: `${original.serial}-F${made}`,
      docNumber: original.docNumber,
      issuer: original.issuer,
      title: original.title,
      kind: original.kind,
      direction: original.direction,
      level: original.level,
      keptAsClassified: original.keptAsClassified,
      periodYears: original.periodYears,
      scope: original.scope,
      copyNumber: copy.copyNumber,
      originalId: original.id,
      receivedOn: original.receivedOn,
      lateRegistration: false,
      registeredAt: e.atMs,
      state: 'in_custody',
      holders: [],
      updatedAt: e.atMs,
      destroyedAt: null,
      lastCopiedAt: null,
      createdBy: e.id,
      lastEventId: e.id,
    }
    work.carriers.set(copy.id, carrier)
    created.push(carrier)
  }
  work.copyCounts.set(original.id, made)
  // rule C-16: a registration signed before this copy is spent by it
  work.carriers.set(
    original.id,
    changedCarrier(original, e.id, e.atMs, original.state, original.holders, original.destroyedAt, e.atMs),
  )
  indexCopies(work, e, created) // a copy's 份号 is a copy of the same document too (C-02)
}

function applyDestruction(work: FoldWork, e: RuleEventOf<'carrier.destroyed'>): void {
  for (const id of e.payload.carrierIds) {
    const carrier = work.carriers.get(id)
    if (carrier)
      work.carriers.set(id, {
        ...carrier,
        state: 'destroyed',
        destroyedAt: e.atMs,
        updatedAt: e.atMs,
        lastEventId: e.id,
      })
  }
}

/**
 * 时间异常 (issue 10): an event of any register with an implausible clock opens an anomaly and moves
 * nothing else. Opened at the last plausible event's time: the bogus time never enters the state.
 */
function openClockAnomaly(work: FoldWork, eventId: string): void {
  const anomaly = clockOutOfRange(eventId, work.lastAt === null ? 0 : hlcWallMs(work.lastAt))
  if (!work.anomalyIndex.has(anomaly.id)) openAnomaly(work, anomaly)
}

/** Fold one event into the working state (events come in log order): screen, parse, check the block rules, apply. */
export function foldEvent(
  work: FoldWork,
  envelope: EventEnvelope,
  ctx: FoldContext,
  screened: ScreenVerdict = screenUnitEvent(envelope, ctx, work.slices),
): void {
  work.size += 1
  const e = screened
  // Issue 10: a clock beyond the latest plausible time or before 2000 never becomes `lastAt`, which
  // devices tick from (a 2286 `lastAt` would stamp every later registration 2286, refused by C-01).
  const wallMs = 'kind' in e ? hlcWallMs(String(envelope.at)) : 'sliceIndex' in e ? e.event.atMs : e.atMs
  const plausible = wallMs >= EARLIEST_EVENT_MS && wallMs <= work.latestMs
  if (plausible) work.lastAt = String(envelope.at)
  if ('kind' in e) {
    work.alerts.push(e)
    return
  }
  // The same content under a second valid signature is the same event: fold it once. Copies of one
  // id are adjacent in the sorted log, so remembering the last screened id is enough.
  if ('sliceIndex' in e) {
    if (work.lastScreenedId === e.event.id) return
    work.lastScreenedId = e.event.id
    if (plausible) foldSliceEvent(work, e, ctx)
    else openClockAnomaly(work, e.event.id)
    return
  }
  if (work.lastScreenedId === e.id) return
  work.lastScreenedId = e.id
  if (!plausible) {
    openClockAnomaly(work, e.id)
    return
  }
  const error =
    screenEventText(
      work.slices,
      work.sliceWorks,
      carrierEventSchemas[e.type],
      e.payload,
      ctx.policy.screening,
    ) ?? checkRules(work, e, ctx, false)
  if (error) {
    work.refused.push({ eventId: e.id, type: e.type, error })
    openAnomaly(work, refusedEvent(e.id, e.payload, e.atMs))
    return
  }
  apply(work, e, ctx)
}

function apply(work: FoldWork, e: RuleEvent, ctx: FoldContext): void {
  switch (e.type) {
    case 'carrier.registered':
      applyRegistration(work, e, ctx)
      return
    case 'carrier.handed_out':
      applyHandOut(work, e, work.carriers.get(e.payload.carrierId) as Carrier, ctx)
      return
    case 'carrier.taken_back':
      applyTakeBack(work, e, work.carriers.get(e.payload.carrierId) as Carrier, ctx)
      return
    case 'carrier.copied':
      applyCopy(work, e, work.carriers.get(e.payload.originalId) as Carrier)
      return
    case 'approval.granted':
      work.approvals.set(e.id, {
        id: e.id,
        subject: e.payload.subject,
        actor: e.actor,
        carrierIds: e.payload.carrierIds,
        grantedAt: e.atMs,
      })
      return
    case 'carrier.destroyed':
      applyDestruction(work, e)
      return
    case 'anomaly.resolved': {
      const index = work.anomalyIndex.get(e.payload.anomalyId) as number
      work.anomalies[index] = resolveAnomaly(work.anomalies[index] as Anomaly, e)
      return
    }
  }
}
