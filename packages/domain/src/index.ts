/**
 * The core of the rulebook: event envelope and signing, the unit fold (carrier register and the
 * composition of every other register), the unit policy and calendar, S-03 screening and the
 * rulebook index. Each other register has its own entry point: `@secledger/domain/registers/<name>`.
 */
export { canonicalJson } from './core/canonical-json.ts'
export { anomalyId } from './registers/carrier/anomalies.ts'
export { checkEvent } from './unit/check-event.ts'
export { changedCarriers, sameCarrier } from './registers/carrier/diff.ts'
export type {
  AnomalyResolved,
  ApprovalGranted,
  CarrierCopied,
  CarrierDestroyed,
  CarrierEvent,
  CarrierEventPayloads,
  CarrierHandedOut,
  CarrierRegistered,
  CarrierTakenBack,
} from './registers/carrier/events.ts'
export {
  anomalyResolvedSchema,
  approvalGrantedSchema,
  CARRIER_EVENT_ROLES,
  CarrierEventType,
  carrierCopiedSchema,
  carrierDestroyedSchema,
  carrierEventSchemas,
  carrierHandedOutSchema,
  carrierRegisteredSchema,
  carrierTakenBackSchema,
  isCarrierEventType,
  MAX_TITLE_LENGTH,
} from './registers/carrier/events.ts'
export { carriersHeldBy } from './core/carrier-holdings.ts'
export type { OverdueHandOut } from './registers/carrier/queries.ts'
export { isOverdue, nextSerial, openAnomalies, overdueHandOuts } from './registers/carrier/queries.ts'
export type { UnitRegister } from './unit/unit-fold.ts'
export { createUnitRegister, foldUnitRegister } from './unit/unit-fold.ts'
export { handOutDue } from './registers/carrier/rules.ts'
export type {
  Anomaly,
  Approval,
  Carrier,
  FoldContext,
  HandOut,
  RefusedEvent,
  RegisterState,
} from './registers/carrier/state.ts'
export { AnomalyKind, CarrierState } from './registers/carrier/state.ts'
export { checkCentralUnclassified, isCentralIssuer } from './registers/carrier/central-documents.ts'
export type { EventDraft, EventEnvelope } from './core/event-envelope.ts'
export {
  compareEvents,
  computeEventId,
  eventEnvelopeSchema,
  signEvent,
  verifyEventSignature,
} from './core/event-envelope.ts'
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
export type {
  CarrierAway,
  EventDefinition,
  RegisterSlice,
  SliceContext,
  SliceEvent,
  UnitView,
} from './core/register-slice.ts'
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
export type { AgendaAnomaly, AgendaContext, AgendaItem, AgendaRegister } from './unit/agenda.ts'
export { unitDueSoon, unitOpenAnomalies, unitOverdue } from './unit/agenda.ts'
export type { UnitPolicy } from './unit/policy.ts'
export { DEFAULT_UNIT_POLICY, desensitizeTitle, TITLE_MASK } from './unit/policy.ts'
export type { ComposedSlices, RegisterName, UnitRegisters } from './unit/slices.ts'
export { composeSlices, unitEventDefinition, unitEventTypes } from './unit/slices.ts'
export type { CarrierYearFigures, UnitYearSummary } from './unit/year-summary.ts'
export { unitYearSummary } from './unit/year-summary.ts'
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
