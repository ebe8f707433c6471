import { localDay } from '../core/work-calendar.ts'
import { openAnomalies, overdueHandOuts } from '../registers/carrier/queries.ts'
import {
  custodyDueSoon,
  custodyReminders,
  openCustodyAnomalies,
  overdueCustody,
} from '../registers/custody/queries.ts'
import { movementsDueSoon, openMovementAnomalies, overdueMovements } from '../registers/movement/queries.ts'
import { openOutgoingAnomalies, outgoingDueSoon, overdueOutgoing } from '../registers/outgoing/queries.ts'
import {
  type AgendaQuery,
  anomaly,
  type Duty,
  dueSoonItem,
  dutiesDueSoon,
  overdueDuties,
  overdueItem,
  type RegisterAgenda,
} from './agenda-items.ts'

/** Agenda adapters of the carrier registers (rules C-…): the carriers, custody, movement, outgoing. */

/**
 * rule C-05: hand-outs past their due time, by carrier id. Due soon: the same query asked just after
 * the window's end (which hand-outs it lists does not depend on the time, only which are past due).
 */
export const carrierAgenda: RegisterAgenda = {
  register: 'carrier',
  overdue: (q) =>
    overdueHandOuts(q.state, q.nowMs).map((o) =>
      overdueItem('carrier', 'C-05', o.carrier.id, o.handOut.dueAt),
    ),
  dueSoon: (q, within) =>
    overdueHandOuts(q.state, q.nowMs + within + 1)
      .filter((o) => o.handOut.dueAt >= q.nowMs)
      .map((o) => dueSoonItem('carrier', 'C-05', o.carrier.id, o.handOut.dueAt)),
  anomalies: (state) => openAnomalies(state).map((a) => anomaly('carrier', a)),
}

/** rules C-10 (documents of a year not archived, by year), C-13 (next inventory, by its due date). */
function custodyDuties(q: AgendaQuery): Duty[] {
  const { calendar, policy } = q.ctx
  const { archiving, inventory } = custodyReminders(
    q.state.registers.custody,
    q.view(),
    q.nowMs,
    calendar,
    policy.custody,
  )
  const duties: Duty[] = archiving.map((a) => ({
    rule: a.rule,
    subject: String(a.year),
    dueAt: a.dueAt,
    overdue: a.overdue,
  }))
  if (inventory.nextDueAt !== null)
    duties.push({
      rule: inventory.rule,
      subject: `inventory:${localDay(inventory.nextDueAt, calendar).date}`,
      dueAt: inventory.nextDueAt,
      overdue: inventory.overdue,
    })
  return duties
}

/** rule C-19 (routing slips, by routing id), and the custody reminders C-10, C-13. */
export const custodyAgenda: RegisterAgenda = {
  register: 'custody',
  overdue: (q) => [
    ...overdueCustody(q.state.registers.custody, q.nowMs).map((d) =>
      overdueItem('custody', d.rule, d.routingId, d.dueAt),
    ),
    ...overdueDuties('custody', custodyDuties(q)),
  ],
  dueSoon: (q, within) => [
    ...custodyDueSoon(q.state.registers.custody, q.nowMs, within).map((d) =>
      dueSoonItem('custody', d.rule, d.routingId, d.dueAt),
    ),
    ...dutiesDueSoon('custody', custodyDuties(q), q, within),
  ],
  anomalies: (state) => openCustodyAnomalies(state.registers.custody).map((a) => anomaly('custody', a)),
}

/** rules C-06 (loans, both directions) and C-08 (trips), by loan or trip id. */
export const movementAgenda: RegisterAgenda = {
  register: 'movement',
  overdue: (q) =>
    overdueMovements(q.state.registers.movement, q.nowMs).map((d) =>
      overdueItem('movement', d.rule, d.id, d.dueAt),
    ),
  dueSoon: (q, within) =>
    movementsDueSoon(q.state.registers.movement, q.nowMs, within).map((d) =>
      dueSoonItem('movement', d.rule, d.id, d.dueAt),
    ),
  anomalies: (state) => openMovementAnomalies(state.registers.movement).map((a) => anomaly('movement', a)),
}

/** rules C-09, C-14, C-20, by the register's subject id (print job, meeting/carrier, document, year). */
export const outgoingAgenda: RegisterAgenda = {
  register: 'outgoing',
  overdue: (q) =>
    overdueOutgoing(q.state.registers.outgoing, q.nowMs).map((d) =>
      overdueItem('outgoing', d.rule, d.subjectId, d.dueAt),
    ),
  dueSoon: (q, within) =>
    outgoingDueSoon(q.state.registers.outgoing, q.nowMs, within).map((d) =>
      dueSoonItem('outgoing', d.rule, d.subjectId, d.dueAt),
    ),
  anomalies: (state) => openOutgoingAnomalies(state.registers.outgoing).map((a) => anomaly('outgoing', a)),
}
