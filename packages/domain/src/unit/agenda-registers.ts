import {
  escalationsDue,
  overdueDeterminations,
  periodicReviewsDue,
} from '../registers/classification/queries.ts'
import {
  openDeviceAnomalies,
  overdueSoftwareChecks,
  softwareChecksDueSoon,
} from '../registers/device/queries.ts'
import { missingItems, openIncidents, overdueIncidents } from '../registers/incident/queries.ts'
import { leakDeadlinesDueSoon, overdueLeakDeadlines } from '../registers/publication/queries.ts'
import { overdueTelegrams, dueSoon as telegramsDueSoon } from '../registers/telegram/queries.ts'
import {
  type AgendaQuery,
  anomaly,
  type Duty,
  dueSoonItem,
  dutiesDueSoon,
  inWindow,
  overdueDuties,
  overdueItem,
  type RegisterAgenda,
} from './agenda-items.ts'

/** Agenda adapters of the telegram, classification, incident, device and publication registers. */

/** rules E-01 (acknowledgement), E-03 (report to the head, handling), by telegram id. */
export const telegramAgenda: RegisterAgenda = {
  register: 'telegram',
  overdue: (q) =>
    overdueTelegrams(q.state.registers.telegram, q.nowMs, q.ctx.policy.telegram).flatMap((t) =>
      t.overdue.map((d) => overdueItem('telegram', d.rule, t.telegramId, d.dueAt)),
    ),
  dueSoon: (q, within) =>
    telegramsDueSoon(q.state.registers.telegram, q.nowMs, within, q.ctx.policy.telegram).map((d) =>
      dueSoonItem('telegram', d.rule, d.telegramId, d.dueAt),
    ),
}

/** rule D-04: escalations awaiting the superior; one whose deadline the calendar cannot give is left out. */
function escalations(q: AgendaQuery): Duty[] {
  return escalationsDue(q.state.registers.classification, q.nowMs, q.ctx.calendar).flatMap((e) =>
    e.due.ok ? [{ rule: 'D-04', subject: e.itemId, dueAt: e.due.value, overdue: e.overdue }] : [],
  )
}

/**
 * rules D-02 (open proposals), D-04 (escalations), D-06 (periodic reviews), by item id. D-02 and D-06
 * due soon: the query asked at the window's end, keeping what is not yet due at nowMs (a D-06 item
 * whose period runs out within the window is then left out: rule D-07 declassifies it anyway).
 */
export const classificationAgenda: RegisterAgenda = {
  register: 'classification',
  overdue: (q) => {
    const s = q.state.registers.classification
    return [
      ...overdueDeterminations(s, q.nowMs).map((d) =>
        overdueItem('classification', 'D-02', d.itemId, d.dueAtMs),
      ),
      ...overdueDuties('classification', escalations(q)),
      ...periodicReviewsDue(s, q.nowMs, q.ctx.policy.classification, q.ctx.calendar).map((r) =>
        overdueItem('classification', 'D-06', r.itemId, r.dueAtMs),
      ),
    ]
  },
  dueSoon: (q, within) => {
    const s = q.state.registers.classification
    const end = q.nowMs + within
    return [
      ...overdueDeterminations(s, end + 1)
        .filter((d) => d.dueAtMs >= q.nowMs)
        .map((d) => dueSoonItem('classification', 'D-02', d.itemId, d.dueAtMs)),
      ...dutiesDueSoon('classification', escalations(q), q, within),
      ...periodicReviewsDue(s, end, q.ctx.policy.classification, q.ctx.calendar)
        .filter((r) => r.dueAtMs > q.nowMs)
        .map((r) => dueSoonItem('classification', 'D-06', r.itemId, r.dueAtMs)),
    ]
  },
}

/**
 * rule X-01: the deadlines of open incidents (automatic ones as `missing:<id>`), by incident id;
 * rule X-02 due soon: a missing carrier about to be treated as a leak, by missing-item id. A carrier
 * still missing is an open anomaly until found (its list does not depend on the time asked).
 */
export const incidentAgenda: RegisterAgenda = {
  register: 'incident',
  overdue: (q) =>
    overdueIncidents(q.state.registers.incident, q.nowMs, q.ctx.calendar, q.ctx.policy.incident).flatMap(
      (v) => v.deadlines.map((d) => overdueItem('incident', d.rule, v.id, d.dueAt)),
    ),
  dueSoon: (q, within) => {
    const s = q.state.registers.incident
    const policy = q.ctx.policy.incident
    return [
      ...openIncidents(s, q.nowMs, q.ctx.calendar, policy).flatMap((v) =>
        v.deadlines
          .filter((d) => d.metAt === null && inWindow(d.dueAt, q, within))
          .map((d) => dueSoonItem('incident', d.rule, v.id, d.dueAt)),
      ),
      ...missingItems(s, q.nowMs, policy).flatMap((m) =>
        m.leakAt !== null &&
        !m.treatedAsLeak &&
        inWindow(m.leakAt, q, within) &&
        // An incident opened for it already carries the X-01 deadlines.
        s.missing.get(m.missingId)?.incidentId == null
          ? [dueSoonItem('incident', 'X-02', m.missingId, m.leakAt)]
          : [],
      ),
    ]
  },
  // Which carriers are still missing does not depend on the time or policy (only their leak status).
  anomalies: (state) =>
    missingItems(state.registers.incident, 0).map((m) =>
      anomaly('incident', { id: m.missingId, kind: 'missing', openedAt: m.noticedAt }),
    ),
}

/** rule M-06: software checks of classified computers, by device id. */
export const deviceAgenda: RegisterAgenda = {
  register: 'device',
  overdue: (q) =>
    overdueSoftwareChecks(q.state.registers.device, q.nowMs, q.ctx.policy.device).map((c) =>
      overdueItem('device', 'M-06', c.deviceId, c.dueAt),
    ),
  dueSoon: (q, within) =>
    softwareChecksDueSoon(q.state.registers.device, q.nowMs, within, q.ctx.policy.device).map((c) =>
      dueSoonItem('device', 'M-06', c.deviceId, c.dueAt),
    ),
  anomalies: (state) => openDeviceAnomalies(state.registers.device).map((a) => anomaly('device', a)),
}

/** rule R-06: taking down and reporting a leak found in a publication, by leak incident id. */
export const publicationAgenda: RegisterAgenda = {
  register: 'publication',
  overdue: (q) =>
    overdueLeakDeadlines(q.state.registers.publication, q.nowMs, q.ctx.policy.publication).map((d) =>
      overdueItem('publication', d.rule, d.incidentId, d.dueAt),
    ),
  dueSoon: (q, within) =>
    leakDeadlinesDueSoon(q.state.registers.publication, q.nowMs, within, q.ctx.policy.publication).map((d) =>
      dueSoonItem('publication', d.rule, d.incidentId, d.dueAt),
    ),
}
