/**
 * The domain's entry: core (event envelope and signing, HLC, levels, roles, the work calendar, S-03
 * screening, the rulebook index, the slice interface and UnitView), the carrier register, and the unit
 * (the fold composing every register, the unit policy, the agenda, the year summary). Each other register
 * has its own entry point: `@secledger/domain/registers/<name>`.
 */
export type { ChainPart } from './core/approvals.ts'
export { distinctHands, requirePost, UNIT_POST_LABEL_ZH } from './core/approvals.ts'
export { canonicalJson } from './core/canonical-json.ts'
export { carriersHeldBy } from './core/carrier-holdings.ts'
export type { Carrier, HandOut } from './core/carrier-record.ts'
export { CarrierState } from './core/carrier-record.ts'
export type { EventDraft, EventEnvelope } from './core/event-envelope.ts'
export {
  compareEvents,
  computeEventId,
  eventEnvelopeSchema,
  signEvent,
  verifyEventSignature,
} from './core/event-envelope.ts'
export type { FreeTextValue } from './core/free-text-fields.ts'
export { freeTextOf, hasFreeText } from './core/free-text-fields.ts'
export type { Hlc, HlcParts } from './core/hlc.ts'
export {
  boundedHlc,
  DEFAULT_MAX_CLOCK_SKEW_MS,
  EARLIEST_EVENT_MS,
  formatHlc,
  hlcWallMs,
  isHlc,
  parseHlc,
  receiveHlc,
  tickHlc,
} from './core/hlc.ts'
export type { DirectoryUser, KeyDirectory, SecurityAlert } from './core/key-directory.ts'
export { createSignatureCache, directoryUser, SecurityAlertKind, screenEvent } from './core/key-directory.ts'
export {
  isStateSecret,
  LEVEL_LABEL_EN,
  LEVEL_LABEL_ZH,
  LEVELS,
  Level,
  levelMarking,
  MAX_PERIOD_YEARS,
  requiresCopyNumbers,
} from './core/levels.ts'
export type { EventDefinition, RegisterSlice, SliceContext, SliceEvent } from './core/register-slice.ts'
export type { DomainError, Result } from './core/result.ts'
export { domainError, err, ok } from './core/result.ts'
export { ROLE_LABEL_ZH, ROLES, Role } from './core/roles.ts'
export type { RuleEntry } from './core/rulebook.ts'
export { RULE_GROUPS, RULEBOOK, RuleKind } from './core/rulebook.ts'
export type { KdfParams, SigningKeyPair, WrappedKey } from './core/signing-keys.ts'
export {
  DEFAULT_KDF_PARAMS,
  generateSigningKeyPair,
  publicKeyOf,
  unwrapSecretKey,
  wrappedKeySchema,
  wrapSecretKey,
} from './core/signing-keys.ts'
export type {
  ScreeningHit,
  ScreeningOverride,
  ScreeningPassed,
  ScreeningResult,
  TextScreener,
} from './core/text-screening.ts'
export {
  createTextScreener,
  MIN_OVERRIDE_REASON_LENGTH,
  ScreeningHitKind,
  screenFreeText,
} from './core/text-screening.ts'
export type { CarrierAway, DeviceFacts, IncidentFacts, UnitPost, UnitView } from './core/unit-view.ts'
export type { LocalDay, WorkCalendar } from './core/work-calendar.ts'
export {
  calendarCovers,
  DEFAULT_CALENDAR,
  deadlineEstimated,
  ESTIMATED_DEADLINE_NOTE,
  endOfLocalDay,
  endOfWorkingDay,
  isWorkingDay,
  localDay,
  officeOpensAt,
  startOfLocalDate,
} from './core/work-calendar.ts'
export { addWorkingDays } from './core/working-days.ts'
export * from './registers/carrier/index.ts'
export type { AgendaAnomaly, AgendaContext, AgendaItem, AgendaRegister } from './unit/agenda.ts'
export { unitDueSoon, unitOpenAnomalies, unitOverdue } from './unit/agenda.ts'
export { checkEvent } from './unit/check-event.ts'
export type { UnitEventPayloads, UnitEventType } from './unit/event-payloads.ts'
export type { UnitPolicy } from './unit/policy.ts'
export { DEFAULT_UNIT_POLICY } from './unit/policy.ts'
export type { ComposedSlices, RegisterName, UnitRegisters } from './unit/slices.ts'
export { composeSlices, unitEventDefinition, unitEventTypes } from './unit/slices.ts'
export { screenEventText, screeningTextHash, screenPayloadText } from './unit/text-gate.ts'
export type { UnitRegister } from './unit/unit-fold.ts'
export { createUnitRegister, foldUnitRegister } from './unit/unit-fold.ts'
export type { Holding } from './unit/unit-holdings.ts'
export { carrierHoldings, unitClosureStatus, unitViewOfState } from './unit/unit-holdings.ts'
export type { FoldContext, RefusedEvent, RegisterState } from './unit/unit-state.ts'
export type { CarrierYearFigures, UnitYearSummary } from './unit/year-summary.ts'
export { unitYearSummary } from './unit/year-summary.ts'
