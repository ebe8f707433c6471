import {
  carriedOutSchema,
  carryOutApprovedSchema,
  type Trip,
  tripReturnedSchema,
} from '@secledger/domain/registers/movement'
import {
  approvalOption,
  bi,
  carrierOptions,
  inOffice,
  newEntityId,
  openApprovals,
  openRecordOf,
  type Workflow,
  type WorkflowContext,
} from './workflow.ts'

/** rule C-08: the trip this carrier is out on, if any. */
export function openTripOf(ctx: WorkflowContext): Trip | undefined {
  return openRecordOf(ctx.state.registers.movement.trips.values(), ctx.row.id)
}

const destinationFlags = {
  abroad: {
    label: bi('出境', 'Abroad'),
    hint: bi('绝密载体不得携带出境（规则 C-08）', 'Top-secret carriers never go abroad (rule C-08)'),
  },
  foreignAffairs: {
    label: bi('涉外活动', 'Foreign-affairs event'),
    hint: bi(
      '不得携带涉密载体参加涉外活动，县局另有规定的除外（规则 C-08）',
      'Not to foreign-affairs events unless the county allows it (rule C-08)',
    ),
  },
}

/** The main leader approves carrying the carrier out (携带外出审批). */
export const approveCarryOut: Workflow = {
  id: 'trip-approve',
  type: 'movement.carry_out_approved',
  schema: carryOutApprovedSchema,
  rule: 'C-08',
  label: bi('批准携带外出', 'Approve carrying out'),
  done: bi('已批准携带外出', 'Carrying out approved'),
  actor: 'leader',
  available: (ctx) => ctx.isLeader && inOffice(ctx),
  fields: () => destinationFlags,
  fixed: (ctx) => ({ carrierIds: [ctx.row.id] }),
}

/** 携带外出登记: bearers, destination, planned return, against the approval. */
export const carryOut: Workflow = {
  id: 'trip-out',
  type: 'movement.carried_out',
  schema: carriedOutSchema,
  rule: 'C-08',
  label: bi('携带外出', 'Carry out'),
  done: bi('已登记携带外出', 'Trip registered'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && inOffice(ctx),
  fields: (ctx) => ({
    approvalId: {
      label: bi('领导批准', 'Approval'),
      options: openApprovals(ctx, 'carry_out').map((a) =>
        approvalOption(ctx, a, a.abroad ? '出境' : a.foreignAffairs ? '涉外活动' : '境内'),
      ),
      hint: bi('须先经主要领导批准', 'The main leader approves first'),
    },
    bearers: {
      label: bi('携带人', 'Bearers'),
      hint: bi(
        '输入姓名后回车；绝密和电子载体须二人以上（规则 C-08）',
        'Type a name and press Enter; two or more for 绝密 and electronic carriers (rule C-08)',
      ),
    },
    destination: { label: bi('前往地点', 'Destination') },
    ...destinationFlags,
    exitPermitRef: { label: bi('出境批件编号', 'Exit permit reference') },
    plannedReturnAt: { label: bi('计划返回时间', 'Planned return'), kind: 'datetime' },
  }),
  initial: (ctx, values) => {
    const approval = openApprovals(ctx, 'carry_out')[0]
    return approval
      ? {
          ...values,
          approvalId: approval.id,
          abroad: approval.abroad,
          foreignAffairs: approval.foreignAffairs,
        }
      : values
  },
  fixed: (ctx) => ({ tripId: newEntityId('trip'), carrierIds: [ctx.row.id] }),
}

/** The return check: each carrier back, and the bearers' statement that it never left them (密不离人). */
export const returnTrip: Workflow = {
  id: 'trip-return',
  type: 'movement.trip_returned',
  schema: tripReturnedSchema,
  rule: 'C-08',
  label: bi('外出返回', 'Trip returned'),
  done: bi('已登记返回检查', 'Return check registered'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && openTripOf(ctx) !== undefined,
  fields: (ctx) => {
    const options = carrierOptions(ctx, openTripOf(ctx)?.carrierIds ?? [])
    return {
      returnedIds: { label: bi('已带回', 'Brought back'), kind: 'select', options },
      damagedIds: { label: bi('有损坏', 'Damaged'), kind: 'select', options },
      // Off until the bearers state it: a forgotten switch shows as an anomaly, a wrong "on" would hide a breach.
      custodyKept: {
        label: bi('密不离人', 'Never left the bearers'),
        hint: bi('携带人声明外出期间载体始终未离开本人', 'The bearers state the carrier never left them'),
      },
      note: { label: bi('检查说明', 'Note of the check') },
    }
  },
  initial: (ctx, values) => ({ ...values, returnedIds: [...(openTripOf(ctx)?.carrierIds ?? [])] }),
  fixed: (ctx) => ({ tripId: openTripOf(ctx)?.id ?? '' }),
}
