import type { RegisterState } from '@secledger/domain'
import { type MovementAnomaly, movementAnomalyResolvedSchema } from '@secledger/domain/registers/movement'
import { bi, type Step } from './workflow.ts'

/** What resolving a loan's or trip's return gap knows: the anomaly and the unit's state. */
export interface MovementAnomalyContext {
  readonly anomaly: MovementAnomaly
  readonly state: RegisterState
  readonly isOfficer: boolean
}

/** The serials of the carriers a return check missed or found damaged, for people. */
export function anomalyCarriers(ctx: MovementAnomalyContext): string {
  const name = (id: string) => {
    const c = ctx.state.carriers.get(id)
    return c ? `${c.serial}${c.copyNumber === null ? '' : ` 第 ${c.copyNumber} 份`}` : id
  }
  return [...ctx.anomaly.missingIds, ...ctx.anomaly.damagedIds].map(name).join('、')
}

/**
 * rules C-06, C-08: a loan or trip that came back short (or damaged, or with 密不离人 broken) stays an
 * anomaly until the officer resolves it with a note, saying whether what was missing is back in custody.
 */
export const resolveMovementAnomaly: Step<MovementAnomalyContext> = {
  id: 'movement-anomaly-resolve',
  type: 'movement.anomaly_resolved',
  schema: movementAnomalyResolvedSchema,
  rule: 'C-06',
  label: bi('处理借出/外出异常', 'Resolve a loan or trip gap'),
  done: bi('异常已处理', 'Resolved'),
  actor: 'officer',
  available: (ctx) => ctx.isOfficer && ctx.anomaly.resolvedAt === null,
  fields: () => ({
    note: { label: bi('处理说明', 'Note') },
    // Off until the officer has the carrier back in hand: a wrong "on" would hide a loss.
    recovered: {
      label: bi('已追回入库', 'Back in custody'),
      hint: bi('缺失的载体已收回并清点入库', 'What was missing is back and counted in'),
    },
  }),
  fixed: (ctx) => ({ anomalyId: ctx.anomaly.id }),
}
