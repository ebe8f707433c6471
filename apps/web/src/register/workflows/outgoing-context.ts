import { type KeyDirectory, LEVELS, type RegisterState } from '@secledger/domain'
import type {
  CopyStatus,
  Meeting,
  OutgoingAnomaly,
  OutgoingApproval,
  OutgoingDocument,
} from '@secledger/domain/registers/outgoing'
import type { FieldOption } from '@secledger/ui/logic'
import type { OutgoingRow } from '../outgoing/outgoing-rows.ts'
import { bi, displayName, type Step, whereabouts } from './workflow.ts'

/** What the 发文登记 page knows when it offers a step: a document (or sign-out), a meeting, an anomaly. */
export interface OutgoingContext {
  /** The document or sign-out acted on; null for the page's own steps (签发, 会议文件分发, 清退). */
  readonly row: OutgoingRow | null
  readonly meeting: Meeting | null
  readonly anomaly: OutgoingAnomaly | null
  readonly state: RegisterState
  readonly directory: KeyDirectory | null
  readonly userId: string
  readonly isOfficer: boolean
  readonly isLeader: boolean
  readonly now: number
}

export type OutgoingStep = Step<OutgoingContext>

/** The registered document of the row, if it is one (not a sign-out waiting for registration). */
export function docOf(ctx: OutgoingContext): OutgoingDocument | undefined {
  return ctx.row?.kind === 'document' ? ctx.state.registers.outgoing.documents.get(ctx.row.docId) : undefined
}

/** The sign-out of the row when it still waits for its registration. */
export function openApprovalOf(ctx: OutgoingContext): OutgoingApproval | undefined {
  const a =
    ctx.row?.kind === 'approval' ? ctx.state.registers.outgoing.approvals.get(ctx.row.approvalId) : undefined
  return a?.usedBy === null ? a : undefined
}

export function copiesIn(doc: OutgoingDocument | undefined, statuses: readonly CopyStatus[]) {
  return (doc?.copies ?? []).filter((c) => statuses.includes(c.status))
}

function unitOf(doc: OutgoingDocument, recipientId: string | null): string {
  return doc.recipients.find((r) => r.recipientId === recipientId)?.unitName ?? recipientId ?? ''
}

/** Copies as choices (第 2 份 · 县委办公室); values are the copy numbers as text (fixed() turns them back). */
export function copyOptions(
  doc: OutgoingDocument | undefined,
  statuses: readonly CopyStatus[],
): FieldOption[] {
  if (doc === undefined) return []
  return copiesIn(doc, statuses).map((c) => {
    const at = c.recipientId === null ? '' : ` · ${unitOf(doc, c.recipientId)}`
    return { value: String(c.number), label: bi(`第 ${c.number} 份${at}`, `Copy ${c.number}${at}`) }
  })
}

export function copyNumbersOf(values: Readonly<Record<string, unknown>>): number[] {
  const picked = values.copyNumbers
  return Array.isArray(picked) ? picked.map(Number) : []
}

/** The recipients of the approved distribution (C-15), or only those holding copies in `statuses`. */
export function recipientOptions(
  doc: OutgoingDocument | undefined,
  statuses?: readonly CopyStatus[],
): FieldOption[] {
  if (doc === undefined) return []
  const holding = statuses === undefined ? null : new Set(copiesIn(doc, statuses).map((c) => c.recipientId))
  return doc.recipients
    .filter((r) => holding === null || holding.has(r.recipientId))
    .map((r) => {
      const local = r.local ? '（市内）' : ''
      return {
        value: r.recipientId,
        label: bi(`${r.unitName}${local}`, `${r.unitName}${r.local ? ' (local)' : ''}`),
      }
    })
}

/** The unit's people (directory) as choices: attendees of a meeting. */
export function peopleOptions(ctx: OutgoingContext): FieldOption[] {
  return Object.keys(ctx.directory?.users ?? {})
    .sort()
    .map((id) => {
      const name = displayName(ctx.directory, id)
      return { value: id, label: bi(name, name) }
    })
}

/** rule C-14 / C-09: carriers in the officer's cabinet: no reader, no other register, no meeting, not returned. */
export function carriersInOffice(ctx: OutgoingContext, direction?: 'received') {
  const outgoing = ctx.state.registers.outgoing
  const atMeeting = new Set<string>()
  for (const m of outgoing.meetings.values())
    for (const i of m.items) if (i.status !== 'collected') atMeeting.add(i.carrierId)
  return [...ctx.state.carriers.values()]
    .filter(
      (c) =>
        c.state === 'in_custody' &&
        (direction === undefined || c.direction === direction) &&
        whereabouts(ctx.state, c.id) === null &&
        !atMeeting.has(c.id) &&
        !outgoing.returned.has(c.id),
    )
    .sort((a, b) => a.serial.localeCompare(b.serial) || (a.copyNumber ?? 0) - (b.copyNumber ?? 0))
}

export function carrierChoice(c: {
  id: string
  serial: string
  copyNumber: number | null
  docNumber: string
}) {
  const copy = c.copyNumber === null ? '' : ` 第 ${c.copyNumber} 份`
  const doc = c.docNumber === '' ? '' : ` · ${c.docNumber}`
  return { value: c.id, label: bi(`${c.serial}${copy}${doc}`, `${c.serial}${copy}${doc}`) }
}

/** rule C-15: classified computers in use, cleared for the document's level (LEVELS: most sensitive first). */
export function printerOptions(ctx: OutgoingContext, doc: OutgoingDocument | undefined): FieldOption[] {
  if (doc === undefined) return []
  return [...ctx.state.registers.device.devices.values()]
    .filter(
      (d) =>
        d.kind === 'computer' &&
        d.classified &&
        d.status === 'in_use' &&
        d.level !== null &&
        LEVELS.indexOf(d.level) <= LEVELS.indexOf(doc.level),
    )
    .map((d) => ({ value: d.id, label: bi(d.number, d.number) }))
}
