import type { RegisterState } from '@secledger/domain'
import {
  type ClosureStatus,
  custodyClosureDeclaredSchema,
  custodyHandedOverSchema,
  custodyUnitClosedSchema,
} from '@secledger/domain/registers/custody'
import type { LeftRow } from '../handover/left-rows.ts'
import { bi, newEntityId, type Step } from './workflow.ts'

/** What the hand-over page knows when it offers a step of closing the unit (rule C-17). */
export interface ClosureContext {
  readonly state: RegisterState
  readonly status: ClosureStatus
  /** The carriers ticked in the list of what is left. */
  readonly rows: readonly LeftRow[]
  readonly isOfficer: boolean
  readonly isLeader: boolean
}

export type ClosureStep = Step<ClosureContext>

const closureId = (ctx: ClosureContext) => ctx.status.closure?.id ?? ''
const open = (ctx: ClosureContext) => ctx.status.closure !== null && ctx.status.closure.closedAt === null

/** The leader records the superior's decision to abolish or merge the unit, and who receives. */
export const declareClosure: ClosureStep = {
  id: 'closure-declare',
  type: 'custody.unit_closure_declared',
  schema: custodyClosureDeclaredSchema,
  rule: 'C-17',
  label: bi('登记撤销/合并', 'Declare closure'),
  done: bi('已登记撤销/合并，开始移交', 'Closure declared; the hand-over can start'),
  actor: 'leader',
  available: (ctx) => ctx.isLeader && ctx.status.closure === null,
  fields: () => ({
    kind: {
      label: bi('类型', 'Kind'),
      options: [
        { value: 'abolished', label: bi('撤销', 'Abolished') },
        { value: 'merged', label: bi('合并', 'Merged') },
      ],
    },
    decisionRef: {
      label: bi('上级决定文号', 'Decision reference'),
      hint: bi('撤销或合并的上级决定', "The superior's decision to abolish or merge"),
    },
    receivingUnits: {
      label: bi('接收单位', 'Receiving units'),
      hint: bi(
        '承接职能的单位或上级机关；移交只能交给这里列出的单位（规则 C-17）',
        'The unit taking over the functions, or the superior: hand-overs go only to these',
      ),
    },
  }),
  initial: (_ctx, values) => ({ ...values, kind: '', receivingUnits: [] }),
  fixed: () => ({ closureId: newEntityId('close') }),
}

/**
 * One batch to a receiving unit against its signed receipt (登记、签收): the ticked carriers, and the
 * registers themselves when the officer says so (a batch may be the registers alone).
 */
export const handOverBatch: ClosureStep = {
  id: 'closure-hand-over',
  type: 'custody.handed_over',
  schema: custodyHandedOverSchema,
  rule: 'C-17',
  label: bi('移交签收', 'Hand over'),
  done: bi('已移交并登记签收', 'Handed over against the receipt'),
  actor: 'officer',
  batch: true,
  available: (ctx) => ctx.isOfficer && open(ctx) && (ctx.rows.length > 0 || !ctx.status.registersHandedOver),
  fields: (ctx) => ({
    receivingUnit: {
      label: bi('接收单位', 'Receiving unit'),
      options: (ctx.status.closure?.receivingUnits ?? []).map((u) => ({ value: u, label: bi(u, u) })),
    },
    receiptRef: {
      label: bi('签收单编号', 'Receipt number'),
      hint: bi('接收单位签收的移交清单', "The receiving unit's signed list"),
    },
    registers: { label: bi('同时移交登记簿（台账）', 'The registers go in this batch') },
  }),
  initial: (ctx, values) => ({
    ...values,
    receivingUnit:
      ctx.status.closure?.receivingUnits.length === 1 ? ctx.status.closure.receivingUnits[0] : '',
    // With nothing ticked the batch can only be the registers.
    registers: ctx.rows.length === 0,
  }),
  fixed: (ctx) => ({
    closureId: closureId(ctx),
    batchId: newEntityId('hob'),
    carrierIds: ctx.rows.map((r) => r.carrierId),
  }),
}

/** The leader closes the unit once nothing is left; its custody register is read-only afterwards. */
export const closeUnit: ClosureStep = {
  id: 'closure-close',
  type: 'custody.unit_closed',
  schema: custodyUnitClosedSchema,
  rule: 'C-17',
  label: bi('关闭单位', 'Close the unit'),
  done: bi('单位已关闭，保管登记只读', 'The unit is closed; its custody register is read-only'),
  actor: 'leader',
  available: (ctx) => ctx.isLeader && ctx.status.canClose,
  fields: () => ({ note: { label: bi('说明', 'Note') } }),
  fixed: (ctx) => ({ closureId: closureId(ctx) }),
}

export const CLOSURE_STEPS: readonly ClosureStep[] = [declareClosure, handOverBatch, closeUnit]
