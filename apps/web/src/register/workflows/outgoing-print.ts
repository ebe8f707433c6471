import {
  type MaterialItem,
  type MaterialKind,
  materialPending,
  materialUnsecured,
  outgoingMaterialDestroyedSchema,
  outgoingMaterialKeptSchema,
  outgoingMaterialLockedSchema,
  outgoingPrintedSchema,
  type PrintJob,
} from '@secledger/domain/registers/outgoing'
import type { FieldOption, FieldSpec } from '@secledger/ui/logic'
import { formatDateTime } from '../time-format.ts'
import {
  carrierChoice,
  docOf,
  type OutgoingContext,
  type OutgoingStep,
  printerOptions,
} from './outgoing-context.ts'
import { bi, newEntityId } from './workflow.ts'

/** rules C-15, C-20: printing on a classified computer, and what became of the intermediate material. */

export const MATERIAL_LABEL: Readonly<Record<MaterialKind, { zh: string; en: string }>> = {
  draft: bi('草稿', 'Draft'),
  revision: bi('修改稿', 'Revision'),
  signed_draft: bi('签发稿', 'Signed draft'),
  proof: bi('清样', 'Proof'),
  stencil: bi('蜡纸', 'Stencil'),
  waste_page: bi('废页', 'Waste pages'),
  defective: bi('残次品', 'Spoiled copies'),
}

const LISTED: readonly MaterialKind[] = [
  'draft',
  'revision',
  'signed_draft',
  'proof',
  'stencil',
  'waste_page',
]

/** The approval leaves this many copies to print (C-15). */
function remaining(ctx: OutgoingContext): number {
  const doc = docOf(ctx)
  return doc === undefined ? 0 : doc.approvedCopies - doc.copies.length
}

/** rules C-15, C-20: a print job on a classified computer; the good copies are numbered on (份号). */
export const printOutgoing: OutgoingStep = {
  id: 'outgoing-print',
  type: 'outgoing.printed',
  schema: outgoingPrintedSchema,
  rule: 'C-15',
  label: bi('印制', 'Print'),
  done: bi('已登记印制', 'Print job recorded'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && remaining(ctx) > 0,
  fields: (ctx) => {
    const printers = printerOptions(ctx, docOf(ctx))
    return {
      deviceId: {
        label: bi('涉密计算机', 'Classified computer'),
        options: printers,
        hint:
          printers.length === 0
            ? bi(
                '计算机台账中没有可用于该密级的涉密计算机',
                'No classified computer of the register is cleared for this level',
              )
            : bi('只能在涉密计算机上印制（规则 C-15）', 'Printed on a classified computer only (rule C-15)'),
      },
      approvedCount: { label: bi('本次批准份数', 'Copies ordered') },
      printedCount: { label: bi('实际打印数', 'Sheets printed') },
      spoiledCount: {
        label: bi('残次品数', 'Spoiled'),
        hint: bi('残次品按中间材料销毁（规则 C-20）', 'Spoiled copies are destroyed as material (rule C-20)'),
      },
      material: {
        label: bi('其他中间材料', 'Other material'),
        columns: {
          kind: {
            label: bi('类别', 'Kind'),
            options: LISTED.map((k) => ({ value: k, label: MATERIAL_LABEL[k] })),
          },
          count: { label: bi('件数', 'Pieces') },
        },
        hint: bi(
          '草稿、清样、蜡纸、废页等，按文件密级管理（规则 C-20）',
          'Drafts, proofs, stencils… (rule C-20)',
        ),
      },
    }
  },
  initial: (ctx, values) => {
    const n = remaining(ctx)
    const printer = printerOptions(ctx, docOf(ctx))[0]?.value ?? ''
    return { ...values, deviceId: printer, approvedCount: n, printedCount: n, spoiledCount: 0 }
  },
  fixed: (ctx) => {
    const doc = docOf(ctx)
    return {
      printJobId: newEntityId('prt'),
      docId: doc?.id ?? '',
      firstCopyNumber: (doc?.copies.at(-1)?.number ?? 0) + 1,
    }
  },
}

type Action = 'locked' | 'kept' | 'destroyed'

/** How many pieces of `m` the action may still take: lying about (lock), or not destroyed or kept. */
function left(m: MaterialItem, action: Action): number {
  return action === 'locked' ? materialUnsecured(m) : materialPending(m)
}

function jobsWith(ctx: OutgoingContext, action: Action): PrintJob[] {
  const doc = docOf(ctx)
  const jobs = ctx.state.registers.outgoing.printJobs
  return (doc?.printJobIds ?? [])
    .flatMap((id) => jobs.get(id) ?? [])
    .filter((j) => j.material.some((m) => left(m, action) > 0))
}

function materialFields(ctx: OutgoingContext, action: Action): Record<string, FieldSpec> {
  const jobs = jobsWith(ctx, action)
  const kinds = [
    ...new Set(jobs.flatMap((j) => j.material.filter((m) => left(m, action) > 0).map((m) => m.kind))),
  ]
  const jobOptions: FieldOption[] = jobs.map((j, i) => {
    const when = formatDateTime(j.at).slice(0, 16)
    return { value: j.id, label: bi(`第 ${i + 1} 次印制 ${when}`, `Print job ${i + 1}, ${when}`) }
  })
  const pieces = jobs
    .flatMap((j) =>
      j.material
        .filter((m) => left(m, action) > 0)
        .map((m) => `${MATERIAL_LABEL[m.kind].zh} ${left(m, action)} 件`),
    )
    .join('、')
  return {
    printJobId: { label: bi('印制任务', 'Print job'), options: jobOptions },
    kind: {
      label: bi('材料类别', 'Material'),
      options: kinds.map((k) => ({ value: k, label: MATERIAL_LABEL[k] })),
    },
    count: { label: bi('件数', 'Pieces'), hint: bi(`待处理：${pieces}`, `Pending: ${pieces}`) },
  }
}

function materialStart(ctx: OutgoingContext, action: Action, values: Record<string, unknown>) {
  const job = jobsWith(ctx, action)[0]
  const m = job?.material.find((x) => left(x, action) > 0)
  return job && m ? { ...values, printJobId: job.id, kind: m.kind, count: left(m, action) } : values
}

function materialStep(
  action: Action,
  schema: unknown,
  label: { zh: string; en: string },
  done: { zh: string; en: string },
  extra: (ctx: OutgoingContext) => Record<string, FieldSpec> = () => ({}),
): OutgoingStep {
  return {
    id: `outgoing-material-${action}`,
    type: `outgoing.material_${action}`,
    schema,
    rule: 'C-20',
    label,
    done,
    actor: 'officer',
    available: (ctx) => ctx.isOfficer && jobsWith(ctx, action).length > 0,
    fields: (ctx) => ({ ...materialFields(ctx, action), ...extra(ctx) }),
    initial: (ctx, values) => materialStart(ctx, action, values),
    fixed: () => ({}),
  }
}

/** rule C-20: material awaiting destruction locked in the 保密柜 before the day ends. */
export const lockMaterial = materialStep(
  'locked',
  outgoingMaterialLockedSchema,
  bi('中间材料锁存', 'Lock material away'),
  bi('已登记锁存', 'Locked away'),
)

/** rule C-20: material kept, registered as a carrier of the document's level. */
export const keepMaterial = materialStep(
  'kept',
  outgoingMaterialKeptSchema,
  bi('中间材料留存', 'Keep material'),
  bi('已登记留存', 'Kept material recorded'),
  (ctx) => ({
    carrierId: {
      label: bi('载体台账中的登记', 'Carrier registration'),
      // produced here, of the document's level, not destroyed (the domain also refuses one used before)
      options: [...ctx.state.carriers.values()]
        .filter((c) => c.direction === 'produced' && c.level === docOf(ctx)?.level && c.state !== 'destroyed')
        .map(carrierChoice),
      hint: bi(
        '留存材料须先在载体台账中按文件密级登记（规则 C-20）',
        'Registered first as a carrier of the same level (rule C-20)',
      ),
    },
  }),
)

/** rules C-20, C-11: material destroyed (送销 or in-house), with the C-11 reference. */
export const destroyMaterial = materialStep(
  'destroyed',
  outgoingMaterialDestroyedSchema,
  bi('中间材料销毁', 'Destroy material'),
  bi('已登记销毁', 'Destruction recorded'),
  () => ({
    destructionRef: {
      label: bi('销毁审批或送销清单号', 'Destruction approval or list'),
      hint: bi('按规则 C-11 审批并送销', 'Approved and handed over under rule C-11'),
    },
  }),
)
