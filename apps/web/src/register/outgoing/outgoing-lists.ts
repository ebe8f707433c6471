import { DEFAULT_CALENDAR, localDay, type RegisterState } from '@secledger/domain'
import {
  type MeetingItemStatus,
  type OutgoingAnomalyKind,
  type OutgoingDeadlineKind,
  openOutgoingAnomalies,
  overdueOutgoing,
} from '@secledger/domain/registers/outgoing'

/**
 * The register's other lists (rules C-09, C-14, C-20): its overdue duties, open anomalies, meeting
 * hand-outs and superior units' return schedules, each naming its subject by numbers only (S-01).
 */

/** What an item is about, for the page to word. */
export type OutgoingSubject =
  | { readonly kind: 'document'; readonly sequenceNo: string; readonly docNumber: string }
  | { readonly kind: 'print'; readonly sequenceNo: string; readonly at: number }
  | { readonly kind: 'carrier'; readonly serial: string; readonly copyNumber: number | null }
  | { readonly kind: 'year'; readonly year: string }

export interface OverdueRow {
  readonly key: string
  readonly rule: 'C-09' | 'C-14' | 'C-20'
  readonly kind: OutgoingDeadlineKind
  readonly subject: OutgoingSubject
  readonly since: number
}

function carrierSubject(state: RegisterState, carrierId: string): OutgoingSubject {
  const c = state.carriers.get(carrierId)
  return { kind: 'carrier', serial: c?.serial ?? carrierId, copyNumber: c?.copyNumber ?? null }
}

function documentSubject(state: RegisterState, docId: string): OutgoingSubject {
  const d = state.registers.outgoing.documents.get(docId)
  return { kind: 'document', sequenceNo: d?.sequenceNo ?? docId, docNumber: d?.docNumber ?? '' }
}

/** The domain's overdue duties of this register, the longest overdue first. */
export function outgoingOverdueRows(state: RegisterState | null, nowMs: number): OverdueRow[] {
  if (state === null) return []
  const register = state.registers.outgoing
  return overdueOutgoing(register, nowMs).map((d) => {
    let subject: OutgoingSubject
    if (d.kind === 'reconciliation') subject = documentSubject(state, d.subjectId)
    else if (d.kind === 'material_unsecured') {
      const job = register.printJobs.get(d.subjectId)
      const doc = job === undefined ? undefined : register.documents.get(job.docId)
      subject = { kind: 'print', sequenceNo: doc?.sequenceNo ?? d.subjectId, at: job?.at ?? d.dueAt }
    } else if (d.kind === 'bureau_filing') subject = { kind: 'year', year: d.subjectId }
    // meeting_collection: `meetingId/carrierId`; superior_return: the carrier
    else subject = carrierSubject(state, d.subjectId.split('/').at(-1) ?? d.subjectId)
    return { key: `${d.kind}:${d.subjectId}`, rule: d.rule, kind: d.kind, subject, since: d.since }
  })
}

export interface AnomalyRow {
  readonly id: string
  readonly kind: OutgoingAnomalyKind
  readonly subject: OutgoingSubject | null
  /** The copies (份号) or carriers not accounted for. */
  readonly items: readonly string[]
  readonly openedAt: number
}

export function outgoingAnomalyRows(state: RegisterState | null): AnomalyRow[] {
  if (state === null) return []
  return openOutgoingAnomalies(state.registers.outgoing).map((a) => ({
    id: a.id,
    kind: a.kind,
    subject: a.kind === 'reconciliation_gap' ? documentSubject(state, a.subjectId) : null,
    items:
      a.kind === 'reconciliation_gap'
        ? a.copyNumbers.map(String)
        : a.carrierIds.map((id) => {
            const s = carrierSubject(state, id)
            return s.kind === 'carrier' ? copyName(s.serial, s.copyNumber) : id
          }),
    openedAt: a.openedAt,
  }))
}

export function copyName(serial: string, copyNumber: number | null): string {
  return copyNumber === null ? serial : `${serial} 第 ${copyNumber} 份`
}

export interface MeetingItemRow {
  readonly id: string
  readonly carrier: string
  readonly attendee: string
  readonly status: MeetingItemStatus
  readonly dueAt: number
  readonly overdue: boolean
}

export interface MeetingRow {
  readonly id: string
  readonly endsAt: number
  readonly handedOutAt: number
  readonly out: number
  readonly items: readonly MeetingItemRow[]
}

/** rule C-14: meetings with documents still out first, then the latest. */
export function meetingRows(state: RegisterState | null, nowMs: number): MeetingRow[] {
  if (state === null) return []
  return [...state.registers.outgoing.meetings.values()]
    .map((m) => {
      const items = m.items.map((i) => {
        const c = state.carriers.get(i.carrierId)
        return {
          id: `${m.id}/${i.carrierId}`,
          carrier: copyName(c?.serial ?? i.carrierId, c?.copyNumber ?? null),
          attendee: i.attendee,
          status: i.status,
          dueAt: i.dueAt,
          overdue: i.status === 'out' && nowMs > i.dueAt,
        }
      })
      return {
        id: m.id,
        endsAt: m.endsAt,
        handedOutAt: m.handedOutAt,
        out: items.filter((i) => i.status === 'out').length,
        items,
      }
    })
    .sort((a, b) => Number(b.out > 0) - Number(a.out > 0) || b.handedOutAt - a.handedOutAt)
}

export interface ReturnRow {
  readonly carrierId: string
  readonly carrier: string
  readonly toUnit: string
  /** The schedule's return-by date, '' for a return without one. */
  readonly returnBy: string
  readonly dueAt: number | null
  readonly returnedAt: number | null
  readonly receiptRef: string
  readonly overdue: boolean
}

/** rule C-09: superior units' documents to return, those still here first (by due date), then returned. */
export function returnRows(state: RegisterState | null, nowMs: number): ReturnRow[] {
  if (state === null) return []
  const register = state.registers.outgoing
  const ids = new Set([...register.schedules.keys(), ...register.returned.keys()])
  return [...ids]
    .map((id) => {
      const s = register.schedules.get(id)
      const r = register.returned.get(id)
      const c = state.carriers.get(id)
      return {
        carrierId: id,
        carrier: copyName(c?.serial ?? id, c?.copyNumber ?? null),
        toUnit: r?.toUnit ?? s?.toUnit ?? '',
        returnBy: s?.returnBy ?? '',
        dueAt: s?.dueAt ?? null,
        returnedAt: r?.at ?? null,
        receiptRef: r?.receiptRef ?? '',
        overdue: r === undefined && s !== undefined && nowMs > s.dueAt,
      }
    })
    .sort(
      (a, b) =>
        Number(a.returnedAt !== null) - Number(b.returnedAt !== null) ||
        (a.dueAt ?? Number.MAX_SAFE_INTEGER) - (b.dueAt ?? Number.MAX_SAFE_INTEGER) ||
        a.carrier.localeCompare(b.carrier),
    )
}

/** rule C-15: the next 发文顺序号 of the year of `nowMs` (`YYYY-NNNN`, numbered on from the highest). */
export function nextSequenceNo(state: RegisterState | null, nowMs: number): string {
  const year = localDay(nowMs, DEFAULT_CALENDAR).year
  let highest = 0
  for (const d of state?.registers.outgoing.documents.values() ?? []) {
    const m = /^(\d{4})-(\d+)$/.exec(d.sequenceNo)
    if (m && Number(m[1]) === year) highest = Math.max(highest, Number(m[2]))
  }
  return `${year}-${String(highest + 1).padStart(4, '0')}`
}
