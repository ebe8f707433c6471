import {
  findingsDueSoon,
  openInspectionAnomalies,
  overdueFindings,
  seriousFindingsUnreported,
} from '../registers/inspection/queries.ts'
import { holidayChecks, quarterlyInspections } from '../registers/inspection/reminders.ts'
import { decontaminationEndingSoon } from '../registers/personnel/queries.ts'
import {
  trainingCoverage,
  trainingPlanStatus,
  untaughtNewStaff,
} from '../registers/personnel/training-queries.ts'
import { organisationDuties } from '../registers/responsibility/organisation-queries.ts'
import { bookReminders } from '../registers/responsibility/queries.ts'
import {
  type AgendaItem,
  type AgendaQuery,
  type AgendaRegister,
  anomaly,
  type Duty,
  dueSoonItem,
  dutiesDueSoon,
  fellDueThisYear,
  overdueDuties,
  overdueItem,
  type RegisterAgenda,
  yearsToAsk,
} from './agenda-items.ts'

/**
 * Agenda adapters of the registers with periodic duties (inspection, personnel, responsibility). The
 * queries that take a year are asked for the year before nowMs's up to the window's end; overdue, a
 * periodic duty shows only in the year it fell due in (fellDueThisYear).
 */

/** Overdue: the standing duties, then the periodic ones that fell due this year. */
function overdueOf(
  register: AgendaRegister,
  q: AgendaQuery,
  standing: readonly Duty[],
  periodic: (years: readonly number[]) => Duty[],
): AgendaItem[] {
  const thisYear = periodic(yearsToAsk(q)).filter((d) => fellDueThisYear(d.dueAt, q))
  return overdueDuties(register, [...standing, ...thisYear])
}

function dueSoonOf(
  register: AgendaRegister,
  q: AgendaQuery,
  within: number,
  standing: readonly Duty[],
  periodic: (years: readonly number[]) => Duty[],
): AgendaItem[] {
  return dutiesDueSoon(register, [...standing, ...periodic(yearsToAsk(q, within))], q, within)
}

/** rule I-04: serious findings to report up, by finding id. */
function seriousReports(q: AgendaQuery): Duty[] {
  const s = q.state.registers.inspection
  return seriousFindingsUnreported(s, q.nowMs, q.ctx.policy.inspection).map((f) => ({
    rule: 'I-04',
    subject: f.findingId,
    dueAt: f.dueAtMs,
    overdue: f.overdue,
  }))
}

/**
 * rule I-01: quarters (`2026-Q1`, due at the quarter's end) and holiday checks (`2026-spring_festival`,
 * due at the first day off) without an inspection; a year the calendar does not cover has no holidays.
 */
function inspectionDuties(q: AgendaQuery, years: readonly number[]): Duty[] {
  const s = q.state.registers.inspection
  const { calendar, policy } = q.ctx
  const duties: Duty[] = []
  for (const year of years) {
    for (const p of quarterlyInspections(s, year, q.nowMs, calendar))
      if (p.status !== 'done')
        duties.push({
          rule: 'I-01',
          subject: `${year}-Q${p.quarter}`,
          dueAt: p.endMs,
          overdue: p.status === 'gap',
        })
    const holidays = holidayChecks(s, year, q.nowMs, calendar, policy.inspection)
    if (holidays.ok)
      for (const h of holidays.value)
        if (h.status !== 'done')
          duties.push({
            rule: 'I-01',
            subject: `${year}-${h.holiday}`,
            dueAt: h.dueAtMs,
            overdue: h.status === 'missed',
          })
  }
  return duties
}

/** rule I-04: rectification deadlines and serious reports, by finding id; rule I-01 reminders. */
export const inspectionAgenda: RegisterAgenda = {
  register: 'inspection',
  overdue: (q) => [
    ...overdueFindings(q.state.registers.inspection, q.nowMs).map((f) =>
      overdueItem('inspection', 'I-04', f.findingId, f.dueAtMs),
    ),
    ...overdueOf('inspection', q, seriousReports(q), (years) => inspectionDuties(q, years)),
  ],
  dueSoon: (q, within) => [
    ...findingsDueSoon(q.state.registers.inspection, q.nowMs, within).map((f) =>
      dueSoonItem('inspection', 'I-04', f.findingId, f.dueAtMs),
    ),
    ...dueSoonOf('inspection', q, within, seriousReports(q), (years) => inspectionDuties(q, years)),
  ],
  anomalies: (state) =>
    openInspectionAnomalies(state.registers.inspection).map((a) => anomaly('inspection', a)),
}

/** rule T-02: staff not taught before their first day, by person id. */
function untaught(q: AgendaQuery): Duty[] {
  return untaughtNewStaff(q.state.registers.personnel, q.nowMs, q.ctx.calendar).map((u) => ({
    rule: 'T-02',
    subject: u.personId,
    dueAt: u.startsAtMs,
    overdue: u.overdue,
  }))
}

/** rule T-01: staff without education in a year (by person id, due at its end); T-03: the year's plan. */
function trainingDuties(q: AgendaQuery, years: readonly number[]): Duty[] {
  const s = q.state.registers.personnel
  const { calendar, policy } = q.ctx
  const duties: Duty[] = []
  for (const year of years) {
    const coverage = trainingCoverage(s, year, q.nowMs, calendar)
    for (const m of coverage.missing)
      duties.push({
        rule: 'T-01',
        subject: m.personId,
        dueAt: coverage.dueAtMs,
        overdue: coverage.overdueSinceMs !== null,
      })
    const plan = trainingPlanStatus(s, year, q.nowMs, calendar, policy.personnel)
    if (plan.plan === null)
      duties.push({
        rule: 'T-03',
        subject: String(year),
        dueAt: plan.dueAtMs,
        overdue: plan.overdueSinceMs !== null,
      })
  }
  return duties
}

/** rules T-01, T-02, T-03; rule P-03 due soon: a 脱密期 ending (the officer informs), by person id. */
export const personnelAgenda: RegisterAgenda = {
  register: 'personnel',
  overdue: (q) => overdueOf('personnel', q, untaught(q), (years) => trainingDuties(q, years)),
  dueSoon: (q, within) => [
    ...decontaminationEndingSoon(q.state.registers.personnel, q.nowMs, within).map((d) =>
      dueSoonItem('personnel', 'P-03', d.personId, d.endsAtMs),
    ),
    ...dueSoonOf('personnel', q, within, untaught(q), (years) => trainingDuties(q, years)),
  ],
}

/**
 * rules B-01, B-02: departments without a book in force for a year, by department id; rule B-04: the
 * leading group's meetings, plan and summary, by `<kind>:<period>` (`meeting:2026-04-01`, `plan:2026`).
 */
function responsibilityDuties(q: AgendaQuery, years: readonly number[]): Duty[] {
  const s = q.state.registers.responsibility
  const { calendar, policy } = q.ctx
  return years.flatMap((year) => [
    ...bookReminders(s, year, q.nowMs, calendar, policy.responsibility).map((b) => ({
      rule: b.rule,
      subject: b.departmentId,
      dueAt: b.dueAt,
      overdue: b.overdue,
    })),
    ...organisationDuties(s, year, q.nowMs, calendar, policy.responsibility)
      .filter((d) => d.metAt === null)
      .map((d) => ({ rule: d.rule, subject: `${d.kind}:${d.period}`, dueAt: d.dueAt, overdue: d.overdue })),
  ])
}

export const responsibilityAgenda: RegisterAgenda = {
  register: 'responsibility',
  overdue: (q) => overdueOf('responsibility', q, [], (years) => responsibilityDuties(q, years)),
  dueSoon: (q, within) =>
    dueSoonOf('responsibility', q, within, [], (years) => responsibilityDuties(q, years)),
}
