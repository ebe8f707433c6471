import { custodyWithdrawalApprovedSchema, custodyWithdrawnSchema } from '@secledger/domain/registers/custody'
import { formatDateTime } from '../time-format.ts'
import { bi, displayName, type Workflow, type WorkflowContext } from './workflow.ts'

/** rules C-10, C-21: taking an archived carrier out of the archive (出档), on a leader's approval. */

const archived = (ctx: WorkflowContext) =>
  ctx.row.kind === 'copy' && ctx.state.registers.custody.archived.has(ctx.row.id)

function openWithdrawalApprovals(ctx: WorkflowContext) {
  return [...ctx.state.registers.custody.withdrawalApprovals.values()]
    .filter((a) => a.usedBy === null && a.carrierIds.includes(ctx.row.id))
    .sort((a, b) => b.at - a.at)
}

export const approveWithdrawal: Workflow = {
  id: 'withdraw-approve',
  type: 'custody.withdrawal_approved',
  schema: custodyWithdrawalApprovedSchema,
  rule: 'C-10',
  label: bi('批准出档', 'Approve taking out of the archive'),
  done: bi('已批准出档', 'Approved'),
  actor: 'leader',
  available: (ctx) => ctx.isLeader && archived(ctx),
  fields: () => ({
    requester: { label: bi('调档人', 'Requested by') },
    reason: {
      label: bi('出档理由', 'Reason'),
      hint: bi(
        '案卷一般不出档，须说明特殊情况（规则 C-21）',
        'Files stay in the archive save in special cases (rule C-21)',
      ),
    },
  }),
  fixed: (ctx) => ({ carrierIds: [ctx.row.id] }),
}

export const withdraw: Workflow = {
  id: 'withdraw',
  type: 'custody.withdrawn',
  schema: custodyWithdrawnSchema,
  rule: 'C-10',
  label: bi('出档', 'Take out of the archive'),
  done: bi('已出档，载体回到保管', 'Back in custody'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && archived(ctx),
  fields: (ctx) => ({
    approvalId: {
      label: bi('领导批准', 'Approval'),
      options: openWithdrawalApprovals(ctx).map((a) => {
        const who = displayName(ctx.directory, a.by)
        const when = formatDateTime(a.at).slice(0, 16)
        return {
          value: a.id,
          label: bi(`${who} ${when} 批准 · ${a.requester}`, `${who} ${when} · ${a.requester}`),
        }
      }),
    },
    note: { label: bi('说明', 'Note') },
  }),
  initial: (ctx, values) => ({ ...values, approvalId: openWithdrawalApprovals(ctx)[0]?.id ?? '' }),
  fixed: (ctx) => ({ carrierIds: [ctx.row.id] }),
}
