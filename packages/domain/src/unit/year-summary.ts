import type { Level } from '../core/levels.ts'
import { localDay, type WorkCalendar } from '../core/work-calendar.ts'
import { secretItemsRegister } from '../registers/classification/queries.ts'
import { type DeviceYearFigures, deviceYearFigures } from '../registers/device/queries.ts'
import { type IncidentYearFigures, incidentYearFigures } from '../registers/incident/queries.ts'
import { type InspectionYearFigures, inspectionYearFigures } from '../registers/inspection/queries.ts'
import { type PersonnelYearSummary, personnelYearSummary } from '../registers/personnel/queries.ts'
import { type PublicationFigures, publicationFigures } from '../registers/publication/queries.ts'
import { type BookFigures, bookFigures } from '../registers/responsibility/queries.ts'
import type { UnitPolicy } from './policy.ts'
import { postsHeldBy } from './slices.ts'
import type { RegisterState } from './unit-state.ts'

/** The carrier register's figures of a year (registered, copied and destroyed in it). */
export interface CarrierYearFigures {
  readonly registered: number
  readonly registeredByLevel: Readonly<Partial<Record<Level, number>>>
  /** rule C-01: registered on a later day than received. */
  readonly registeredLate: number
  readonly copies: number
  readonly destroyed: number
  readonly anomaliesOpened: number
  readonly anomaliesResolved: number
}

/**
 * The year's secrecy-work summary (年度保密工作总结) as one query across every register: what the
 * officer reports to the county and the leader reads before signing next year's responsibility book.
 * Figures only: no titles, names or notes (rule S-04), so the same object can go to the county.
 */
export interface UnitYearSummary {
  readonly year: number
  readonly carriers: CarrierYearFigures
  /** rule D-08: items first determined in the year (国家秘密事项登记表 rows). */
  readonly secretItemsDetermined: number
  readonly personnel: PersonnelYearSummary
  readonly inspections: InspectionYearFigures
  /** Findings rectified and verified in the year (整改到位). */
  readonly findingsFixed: number
  readonly incidents: IncidentYearFigures
  readonly devices: DeviceYearFigures
  readonly books: BookFigures
  readonly publications: PublicationFigures
}

function carrierYearFigures(state: RegisterState, year: number, calendar: WorkCalendar): CarrierYearFigures {
  const inYear = (ms: number) => localDay(ms, calendar).year === year
  const registeredByLevel: Partial<Record<Level, number>> = {}
  let registered = 0
  let registeredLate = 0
  let copies = 0
  let destroyed = 0
  for (const c of state.carriers.values()) {
    if (inYear(c.registeredAt)) {
      if (c.originalId === null) {
        registered += 1
        registeredByLevel[c.level] = (registeredByLevel[c.level] ?? 0) + 1
        if (c.lateRegistration) registeredLate += 1
      } else copies += 1
    }
    if (c.destroyedAt !== null && inYear(c.destroyedAt)) destroyed += 1
  }
  return {
    registered,
    registeredByLevel,
    registeredLate,
    copies,
    destroyed,
    anomaliesOpened: state.anomalies.filter((a) => inYear(a.openedAt)).length,
    anomaliesResolved: state.anomalies.filter((a) => a.resolvedAt !== null && inYear(a.resolvedAt)).length,
  }
}

export function unitYearSummary(
  state: RegisterState,
  year: number,
  nowMs: number,
  ctx: { readonly calendar: WorkCalendar; readonly policy: UnitPolicy },
): UnitYearSummary {
  const { calendar, policy } = ctx
  const r = state.registers
  const inspections = inspectionYearFigures(r.inspection, year)
  return {
    year,
    carriers: carrierYearFigures(state, year, calendar),
    secretItemsDetermined: secretItemsRegister(r.classification, year).rows.length,
    personnel: personnelYearSummary(r.personnel, year, nowMs, calendar, policy.personnel),
    inspections,
    findingsFixed: inspections.findingsVerified,
    incidents: incidentYearFigures(r.incident, year, calendar, policy.incident),
    devices: deviceYearFigures(r.device, year, calendar, (u) => postsHeldBy(r.responsibility, u)),
    books: bookFigures(r.responsibility, year),
    publications: publicationFigures(r.publication, year, calendar, policy.publication),
  }
}
