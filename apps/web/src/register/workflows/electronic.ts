import { Role } from '@secledger/domain'
import {
  type ElectronicAction,
  electronicUseApprovedSchema,
  electronicUseRegisteredSchema,
} from '@secledger/domain/registers/movement'
import type { FieldOption, FormValues } from '@secledger/ui/logic'
import {
  approvalOption,
  bi,
  displayName,
  openApprovals,
  type Workflow,
  type WorkflowContext,
} from './workflow.ts'

const ACTIONS: Readonly<Record<ElectronicAction, { zh: string; en: string }>> = {
  read: bi('阅读', 'Read'),
  use: bi('使用', 'Use'),
  copy: bi('复制', 'Copy'),
  destroy: bi('销毁', 'Destroy'),
}

const actionOptions: FieldOption[] = Object.entries(ACTIONS).map(([value, label]) => ({ value, label }))

function electronic(ctx: WorkflowContext): boolean {
  return ctx.row.kind === 'copy' && ctx.row.carrier.kind === 'electronic' && ctx.row.state !== 'destroyed'
}

/** The people of this unit, by name: the approval names who may use the file. */
function unitPeople(ctx: WorkflowContext): FieldOption[] {
  return Object.values(ctx.directory?.users ?? {})
    .filter((u) => !u.roles.includes(Role.County))
    .map((u) => ({ value: u.id, label: bi(u.displayName, u.displayName) }))
}

/** rule C-16: the leader approves who may read, use, copy or destroy a classified electronic file. */
export const approveElectronicUse: Workflow = {
  id: 'electronic-approve',
  type: 'movement.electronic_use_approved',
  schema: electronicUseApprovedSchema,
  rule: 'C-16',
  label: bi('批准电子文件使用', 'Approve electronic use'),
  done: bi('已批准', 'Approved'),
  actor: 'leader',
  available: (ctx) => ctx.isLeader && electronic(ctx),
  fields: (ctx) => ({
    action: { label: bi('用途', 'Action'), options: actionOptions },
    user: { label: bi('使用人', 'User'), kind: 'select', options: unitPeople(ctx) },
  }),
  fixed: (ctx) => ({ carrierId: ctx.row.id }),
}

/** rule C-16: the registration of the approved use (登记、签字), before the file is copied or destroyed. */
export const registerElectronicUse: Workflow = {
  id: 'electronic-register',
  type: 'movement.electronic_use_registered',
  schema: electronicUseRegisteredSchema,
  rule: 'C-16',
  label: bi('电子文件使用登记', 'Register electronic use'),
  done: bi('已登记使用', 'Use registered'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && electronic(ctx),
  fields: (ctx) => ({
    approvalId: {
      label: bi('领导批准', 'Approval'),
      options: openApprovals(ctx, 'electronic_use').map((a) =>
        approvalOption(ctx, a, `${ACTIONS[a.action].zh} · ${displayName(ctx.directory, a.user)}`),
      ),
      hint: bi(
        '复制、销毁涉密电子文件须先经批准并登记（规则 C-16）',
        'Copying or destroying a classified electronic file needs an approved registration (rule C-16)',
      ),
    },
    userSigned: {
      label: bi('使用人已签字', 'The user signed'),
      hint: bi('使用人已在纸质登记簿上签字', 'The user signed the paper register'),
    },
  }),
  initial: (ctx, values) => {
    const approval = openApprovals(ctx, 'electronic_use')[0]
    return approval ? { ...values, approvalId: approval.id } : values
  },
  fixed: (ctx, values: FormValues) => {
    const approval = openApprovals(ctx, 'electronic_use').find((a) => a.id === values.approvalId)
    return { carrierId: ctx.row.id, action: approval?.action ?? 'read', user: approval?.user ?? ctx.userId }
  },
}
