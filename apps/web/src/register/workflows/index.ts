import { approveWithdrawal, withdraw } from './archive.ts'
import { approveDestructionList, archiveBatch, destroyList } from './batch.ts'
import { approveElectronicUse, registerElectronicUse } from './electronic.ts'
import { approveExtension, approveLoan, lendOut, requestExtension, returnLoan } from './loan.ts'
import { approveCarryOut, carryOut, returnTrip } from './trip.ts'
import type { Workflow, WorkflowContext } from './workflow.ts'

export type { Workflow, WorkflowContext } from './workflow.ts'

/** The carrier's workflow steps beyond hand-out, copy and destruction, in the order a row offers them. */
export const CARRIER_WORKFLOWS: readonly Workflow[] = [
  approveLoan,
  lendOut,
  returnLoan,
  requestExtension,
  approveExtension,
  approveCarryOut,
  carryOut,
  returnTrip,
  approveElectronicUse,
  registerElectronicUse,
  approveWithdrawal,
  withdraw,
]

/** Steps on the rows ticked in the list, in the toolbar's order. */
export const BATCH_WORKFLOWS: readonly Workflow[] = [approveDestructionList, destroyList, archiveBatch]

/** The steps this user may take on this row now. */
export function workflowsFor(ctx: WorkflowContext): Workflow[] {
  return CARRIER_WORKFLOWS.filter((w) => w.available(ctx))
}

/** The batch steps this user may take on the ticked rows now. */
export function batchWorkflowsFor(ctx: WorkflowContext): Workflow[] {
  return BATCH_WORKFLOWS.filter((w) => w.available(ctx))
}
