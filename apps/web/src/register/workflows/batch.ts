import { approvalGrantedSchema, carrierDestroyedSchema } from '@secledger/domain/registers/carrier'
import { custodyArchivedSchema } from '@secledger/domain/registers/custody'
import type { FieldOption } from '@secledger/ui/logic'
import { formatDateTime } from '../time-format.ts'
import { bi, displayName, inOffice, newEntityId, type Workflow, type WorkflowContext } from './workflow.ts'

/** Steps on the rows ticked in the list: a destruction list (C-11) and an archive batch (C-10). */

const ids = (ctx: WorkflowContext) => ctx.rows.map((r) => r.id)

/** rule C-11: the leaders' destruction approvals that cover every ticked carrier, newest first. */
function coveringApprovals(ctx: WorkflowContext) {
  const wanted = ids(ctx)
  return [...ctx.state.approvals.values()]
    .filter((a) => wanted.every((id) => a.carrierIds.includes(id)))
    .sort((a, b) => b.grantedAt - a.grantedAt)
}

function approvalChoices(ctx: WorkflowContext): FieldOption[] {
  return coveringApprovals(ctx).map((a) => {
    const who = displayName(ctx.directory, a.actor)
    const when = formatDateTime(a.grantedAt).slice(0, 16)
    return {
      value: a.id,
      label: bi(`${who} ${when} 批准 · ${a.carrierIds.length} 份`, `${who} ${when} · ${a.carrierIds.length}`),
    }
  })
}

const notDestroyed = (ctx: WorkflowContext) =>
  ctx.rows.length > 0 && ctx.rows.every((r) => r.kind === 'copy' && r.state !== 'destroyed')

/** The leader approves the ticked carriers' destruction as one list (销毁清单审批). */
export const approveDestructionList: Workflow = {
  id: 'destroy-approve-list',
  type: 'approval.granted',
  schema: approvalGrantedSchema,
  rule: 'C-11',
  label: bi('审批销毁清单', 'Approve destruction list'),
  done: bi('已批准销毁清单', 'Destruction list approved'),
  actor: 'leader',
  batch: true,
  available: (ctx) => ctx.isLeader && notDestroyed(ctx),
  fields: () => ({ note: { label: bi('审批意见', 'Note') } }),
  fixed: (ctx) => ({ subject: 'carrier.destroy', carrierIds: ids(ctx) }),
}

/** The officer records the list's destruction: central (receipt) or in-house (destroyer and two supervisors). */
export const destroyList: Workflow = {
  id: 'destroy-list',
  type: 'carrier.destroyed',
  schema: carrierDestroyedSchema,
  rule: 'C-11',
  label: bi('销毁清单登记', 'Record destruction list'),
  done: bi('已登记销毁', 'Destruction recorded'),
  actor: 'officer',
  batch: true,
  available: (ctx) => ctx.isOfficer && ctx.rows.length > 0 && ctx.rows.every((r) => inOffice(ctx, r)),
  fields: (ctx) => ({
    approvalId: {
      label: bi('领导审批', 'Approval'),
      options: approvalChoices(ctx),
      hint: bi(
        '须有覆盖所选全部载体的领导审批（规则 C-11）',
        "A leader's approval covering every ticked carrier (rule C-11)",
      ),
    },
    method: {
      label: bi('销毁方式', 'Method'),
      options: [
        { value: 'central', label: bi('送保密局集中销毁', 'Central destruction (county bureau)') },
        { value: 'in_house', label: bi('本单位自行销毁', 'In-house destruction') },
      ],
    },
    receiptNumber: {
      label: bi('回执编号', 'Receipt number'),
      hint: bi('集中销毁填写', 'For central destruction'),
    },
    destroyer: { label: bi('销毁人', 'Destroyed by'), hint: bi('自行销毁填写', 'For in-house destruction') },
    supervisors: {
      label: bi('监销人', 'Supervisors'),
      hint: bi(
        '自行销毁须二人以上监销，输入姓名后回车',
        'Two or more for in-house destruction; type a name and press Enter',
      ),
    },
  }),
  // 送销 is what the rules allow unless the county permits in-house destruction (C-11)
  initial: (ctx, values) => ({
    ...values,
    approvalId: coveringApprovals(ctx)[0]?.id ?? '',
    method: 'central',
  }),
  fixed: (ctx) => ({ carrierIds: ids(ctx) }),
}

/** rule C-10: the ticked carriers filed into the archive under one 案卷号. */
export const archiveBatch: Workflow = {
  id: 'archive',
  type: 'custody.archived',
  schema: custodyArchivedSchema,
  rule: 'C-10',
  label: bi('立卷归档', 'Archive'),
  done: bi('已归档', 'Archived'),
  actor: 'officer',
  batch: true,
  available: (ctx) => ctx.isOfficer && ctx.rows.length > 0 && ctx.rows.every((r) => inOffice(ctx, r)),
  fields: () => ({ archiveRef: { label: bi('案卷号', 'Archive reference') } }),
  fixed: (ctx) => ({ batchId: newEntityId('arc'), carrierIds: ids(ctx) }),
}

/** The same two steps on one row (its 审批销毁 and 销毁 buttons): a list of one. */
export const approveDestruction: Workflow = {
  ...approveDestructionList,
  id: 'destroy-approve',
  label: bi('审批销毁', 'Approve destruction'),
  done: bi('已签署销毁审批', 'Destruction approved'),
  batch: false,
}

export const destroyOne: Workflow = {
  ...destroyList,
  id: 'destroy',
  label: bi('销毁登记', 'Record destruction'),
  batch: false,
}
