import type { KeyDirectory, RegisterState, UnitEventType } from '@secledger/domain'
import type { MovementApproval, MovementApprovalKind } from '@secledger/domain/registers/movement'
import type { Bilingual, FieldOption, FieldSpec, FormValues } from '@secledger/ui/logic'
import type { CarrierRow } from '../carrier-rows.ts'
import { formatDateTime } from '../time-format.ts'

/** What a workflow sees when it offers itself for a row and builds its event. */
export interface WorkflowContext {
  /** The row acted on; for a batch, the first of `rows`. */
  readonly row: CarrierRow
  /** The rows ticked for a batch step (a destruction list, an archive batch); `[row]` for a row's step. */
  readonly rows: readonly CarrierRow[]
  readonly state: RegisterState
  readonly directory: KeyDirectory | null
  readonly userId: string
  readonly isOfficer: boolean
  readonly isLeader: boolean
  readonly now: number
}

/**
 * One step of a workflow as the app offers it: the event it writes (checked against the domain's schema
 * and rules as the user types), the fields the user fills, and the values the context fixes (the row's
 * carrier, new ids, the approval chosen). Screens are configured from these, not written per step.
 * `C` is what the register's page knows when it offers the step (a carrier row, an outgoing document).
 */
export interface Step<C> {
  readonly id: string
  readonly type: UnitEventType
  /** The payload's zod schema, from the register's entry point. */
  readonly schema: unknown
  readonly rule: string
  /** The row action and the dialog's title. */
  readonly label: Bilingual
  readonly done: Bilingual
  /** Who acts: the officer records, the leader approves. */
  readonly actor: 'officer' | 'leader'
  /** Offered for the rows ticked in the list (toolbar), not in a row's menu. */
  readonly batch?: boolean
  available(ctx: C): boolean
  fields(ctx: C): Readonly<Record<string, FieldSpec>>
  /** Values the form starts with (e.g. the borrower named in the approval). */
  initial?(ctx: C, values: FormValues): FormValues
  /** Values the user does not type; may depend on what was chosen (an approval's carriers). */
  fixed(ctx: C, values: FormValues): FormValues
}

/** A step of the carrier register's workflows. */
export type Workflow = Step<WorkflowContext>

export const bi = (zh: string, en: string): Bilingual => ({ zh, en })

/** A fresh entity id for a new loan, trip or request; the schemas allow [A-Za-z0-9_.:-]{1,64}. */
export function newEntityId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`
}

export function displayName(directory: KeyDirectory | null, userId: string): string {
  return directory?.users[userId]?.displayName ?? userId
}

/** The movement register's approvals of `kind` not yet used by an act, naming this carrier. */
export function openApprovals<K extends MovementApprovalKind>(
  ctx: WorkflowContext,
  kind: K,
): Extract<MovementApproval, { kind: K }>[] {
  const out: Extract<MovementApproval, { kind: K }>[] = []
  for (const a of ctx.state.registers.movement.approvals.values()) {
    if (a.kind !== kind || a.usedBy !== null) continue
    const carriers = 'carrierIds' in a ? a.carrierIds : 'carrierId' in a ? [a.carrierId] : []
    if (carriers.includes(ctx.row.id)) out.push(a as Extract<MovementApproval, { kind: K }>)
  }
  return out.sort((a, b) => b.at - a.at)
}

/** An approval as a choice: who approved and when, and what it names. */
export function approvalOption(ctx: WorkflowContext, a: MovementApproval, detail: string): FieldOption {
  const who = displayName(ctx.directory, a.by)
  const when = formatDateTime(a.at).slice(0, 16)
  return {
    value: a.id,
    label: bi(`${who} ${when} 批准 · ${detail}`, `Approved by ${who} ${when} · ${detail}`),
  }
}

/** The carriers of a loan or trip as choices, by serial and copy number. */
export function carrierOptions(ctx: WorkflowContext, ids: readonly string[]): FieldOption[] {
  return ids.map((id) => {
    const c = ctx.state.carriers.get(id)
    const copy = c?.copyNumber === null || c?.copyNumber === undefined ? '' : ` 第 ${c.copyNumber} 份`
    const label = c ? `${c.serial}${copy}` : id
    return { value: id, label: bi(label, label) }
  })
}

/** Where a carrier is when another register has it away from the officer's cabinet, or null. */
export interface Whereabouts {
  /** C-06 on loan, C-08 carried out, C-21 an archived file lent, C-10 in the archive. */
  readonly rule: 'C-06' | 'C-08' | 'C-21' | 'C-10'
  readonly holder: string
}

export function whereabouts(state: RegisterState, carrierId: string): Whereabouts | null {
  const away = state.registers.movement.carriersAway.get(carrierId)
  if (away) return { rule: away.rule, holder: away.holder }
  const archived = state.registers.custody.archived.get(carrierId)
  return archived ? { rule: 'C-10', holder: archived.archiveRef } : null
}

/** The carrier is in the officer's custody and no register has it away (loan, trip, archive). */
export function inOffice(ctx: WorkflowContext, row: CarrierRow = ctx.row): boolean {
  return row.kind === 'copy' && row.state === 'in_custody' && whereabouts(ctx.state, row.id) === null
}

/** The record (a loan, a trip) not yet returned that this carrier is on, if any (C-06, C-08). */
export function openRecordOf<
  T extends { readonly returned: unknown; readonly carrierIds: readonly string[] },
>(records: Iterable<T>, carrierId: string): T | undefined {
  for (const record of records)
    if (record.returned === null && record.carrierIds.includes(carrierId)) return record
  return undefined
}
