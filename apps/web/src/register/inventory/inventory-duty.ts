import {
  type AgendaContext,
  type AgendaItem,
  type RegisterState,
  unitDueSoon,
  unitOverdue,
} from '@secledger/domain'
import { inventoryReminder } from '@secledger/domain/registers/custody'
import { dueSoonWindow } from '../agenda-rows.ts'

/**
 * rule C-13: the periodic inventory as a duty, the same the 待办 shows: the due date, overdue or due soon
 * come from the unit's agenda (which dates the first inventory from the first carrier registered); the
 * last closing and its result from the custody register's reminder.
 */
export interface InventoryDuty {
  readonly rule: 'C-13'
  readonly nextDueAt: number | null
  readonly overdue: boolean
  /** Due within the 待办's window (the end of the 3rd working day). */
  readonly dueSoon: boolean
  readonly lastClosedAt: number | null
  /** 帐物相符 at the last closing. */
  readonly lastMatched: boolean | null
}

const isInventory = (item: AgendaItem) => item.register === 'custody' && item.rule === 'C-13'
/** How far ahead the agenda is asked for the next due date (the policy's interval is months). */
const YEAR_MS = 366 * 86_400_000

export function inventoryDuty(state: RegisterState, nowMs: number, ctx: AgendaContext): InventoryDuty {
  const reminder = inventoryReminder(state.registers.custody, nowMs, ctx.calendar, ctx.policy.custody)
  const overdue = unitOverdue(state, nowMs, ctx).find(isInventory)
  // Asked a year ahead, the agenda dates even the first inventory (from the first registration).
  const ahead = overdue === undefined ? unitDueSoon(state, nowMs, YEAR_MS, ctx).find(isInventory) : undefined
  const window = dueSoonWindow(nowMs, ctx.calendar)
  return {
    rule: 'C-13',
    nextDueAt: overdue?.dueAt ?? ahead?.dueAt ?? reminder.nextDueAt,
    overdue: overdue !== undefined,
    dueSoon: ahead !== undefined && ahead.dueAt <= window.untilMs,
    lastClosedAt: reminder.lastClosedAt,
    lastMatched: reminder.lastMatched,
  }
}
