import {
  type Loan,
  loanExtensionApprovedSchema,
  loanExtensionRequestedSchema,
  loanedOutSchema,
  loanOutApprovedSchema,
  loanReturnedSchema,
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

/** rule C-06: the open loan (not yet returned) this carrier is on, if any. */
export function openLoanOf(ctx: WorkflowContext): Loan | undefined {
  return openRecordOf(ctx.state.registers.movement.loans.values(), ctx.row.id)
}

const borrowerApproval = {
  borrowerApprover: { label: bi('借阅方批准领导', "Borrower's approving leader") },
  borrowerApprovalRef: {
    label: bi('借阅方批件编号', "Borrower's approval reference"),
    hint: bi(
      '借阅方领导签字批准的文件或单据编号（规则 C-06：双方领导批准）',
      "The borrower's signed approval (rule C-06: both sides' leaders approve)",
    ),
  },
}

/** Our leader approves lending this carrier (借出审批). */
export const approveLoan: Workflow = {
  id: 'loan-approve',
  type: 'movement.loan_out_approved',
  schema: loanOutApprovedSchema,
  rule: 'C-06',
  label: bi('批准借出', 'Approve loan'),
  done: bi('已批准借出', 'Loan approved'),
  actor: 'leader',
  available: (ctx) => ctx.isLeader && inOffice(ctx),
  fields: () => ({
    borrower: { label: bi('借阅方', 'Borrower') },
  }),
  fixed: (ctx) => ({ carrierIds: [ctx.row.id] }),
}

/** The officer registers the loan against the approval, with the borrower side's approval and the due date. */
export const lendOut: Workflow = {
  id: 'loan-out',
  type: 'movement.loaned_out',
  schema: loanedOutSchema,
  rule: 'C-06',
  label: bi('借出', 'Lend out'),
  done: bi('已登记借出', 'Loan registered'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && inOffice(ctx),
  fields: (ctx) => ({
    approvalId: {
      label: bi('本单位批准', 'Our approval'),
      options: openApprovals(ctx, 'loan_out').map((a) => approvalOption(ctx, a, a.borrower)),
      hint: bi('须先经本单位领导批准借出', 'A leader of ours approves the loan first'),
    },
    borrower: { label: bi('借阅方', 'Borrower') },
    borrowerKind: {
      label: bi('借阅方类别', 'Borrower is'),
      options: [
        { value: 'unit', label: bi('外单位', 'Another unit') },
        { value: 'person', label: bi('个人', 'A person') },
      ],
    },
    ...borrowerApproval,
    dueAt: { label: bi('归还期限', 'Due back'), kind: 'datetime' },
  }),
  initial: (ctx, values) => {
    const approval = openApprovals(ctx, 'loan_out')[0]
    return approval ? { ...values, approvalId: approval.id, borrower: approval.borrower } : values
  },
  fixed: (ctx) => ({ loanId: newEntityId('loan'), carrierIds: [ctx.row.id] }),
}

function returnFields(ctx: WorkflowContext, loan: Loan | undefined) {
  const options = carrierOptions(ctx, loan?.carrierIds ?? [])
  return {
    returnedIds: { label: bi('已归还', 'Returned'), kind: 'select' as const, options },
    damagedIds: { label: bi('有损坏', 'Damaged'), kind: 'select' as const, options },
    note: { label: bi('清点说明', 'Note of the check') },
  }
}

/** The return, checked item by item: what is not ticked as returned becomes an anomaly (C-06). */
export const returnLoan: Workflow = {
  id: 'loan-return',
  type: 'movement.loan_returned',
  schema: loanReturnedSchema,
  rule: 'C-06',
  label: bi('借出归还', 'Loan returned'),
  done: bi('已登记归还', 'Return registered'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && openLoanOf(ctx) !== undefined,
  fields: (ctx) => returnFields(ctx, openLoanOf(ctx)),
  initial: (ctx, values) => ({ ...values, returnedIds: [...(openLoanOf(ctx)?.carrierIds ?? [])] }),
  fixed: (ctx) => ({ loanId: openLoanOf(ctx)?.id ?? '' }),
}

/** 续借: the borrower asks for more time, with their leader's signed consent. */
export const requestExtension: Workflow = {
  id: 'loan-extend',
  type: 'movement.loan_extension_requested',
  schema: loanExtensionRequestedSchema,
  rule: 'C-06',
  label: bi('申请续借', 'Request extension'),
  done: bi('已登记续借申请，待领导批准', 'Extension requested; a leader approves it'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && openLoanOf(ctx)?.extensionRequest === null,
  fields: () => ({
    newDueAt: { label: bi('新的归还期限', 'New due date'), kind: 'datetime' },
    ...borrowerApproval,
  }),
  fixed: (ctx) => ({ requestId: newEntityId('ext'), loanId: openLoanOf(ctx)?.id ?? '' }),
}

/** Our leader approves the extension; the loan's due date moves. */
export const approveExtension: Workflow = {
  id: 'loan-extend-approve',
  type: 'movement.loan_extension_approved',
  schema: loanExtensionApprovedSchema,
  rule: 'C-06',
  label: bi('批准续借', 'Approve extension'),
  done: bi('已批准续借', 'Extension approved'),
  actor: 'leader',
  available: (ctx) => ctx.isLeader && (openLoanOf(ctx)?.extensionRequest ?? null) !== null,
  fields: () => ({}),
  fixed: (ctx) => ({ requestId: openLoanOf(ctx)?.extensionRequest?.requestId ?? '' }),
}
