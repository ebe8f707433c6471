/**
 * The core of the rulebook: event envelope and signing, the unit fold (carrier register and the
 * composition of every other register), the unit policy and calendar, S-03 screening and the
 * rulebook index. Each other register has its own entry point: `@secledger/domain/registers/<name>`.
 */
export { canonicalJson } from './canonical-json.ts'
export { anomalyId } from './carrier-anomalies.ts'
export { checkEvent } from './carrier-check.ts'
export { changedCarriers, sameCarrier } from './carrier-diff.ts'
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
} from './carrier-events.ts'
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
} from './carrier-events.ts'
export { carriersHeldBy } from './carrier-holdings.ts'
export type { OverdueHandOut } from './carrier-queries.ts'
export { isOverdue, nextSerial, openAnomalies, overdueHandOuts } from './carrier-queries.ts'
export type { UnitRegister } from './carrier-register.ts'
export { createUnitRegister, foldUnitRegister } from './carrier-register.ts'
export { handOutDue } from './carrier-rules.ts'
export type {
  Anomaly,
  Approval,
  Carrier,
  FoldContext,
  HandOut,
  RefusedEvent,
  RegisterState,
} from './carrier-state.ts'
export { AnomalyKind, CarrierState } from './carrier-state.ts'
export { checkCentralUnclassified, isCentralIssuer } from './central-documents.ts'
export type { EventDraft, EventEnvelope } from './event-envelope.ts'
export {
  compareEvents,
  computeEventId,
  eventEnvelopeSchema,
  signEvent,
  verifyEventSignature,
} from './event-envelope.ts'
export type { Hlc, HlcParts } from './hlc.ts'
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
} from './hlc.ts'
export type { DirectoryUser, KeyDirectory, SecurityAlert } from './key-directory.ts'
export { createSignatureCache, directoryUser, SecurityAlertKind, screenEvent } from './key-directory.ts'
export {
  isStateSecret,
  LEVEL_LABEL_EN,
  LEVEL_LABEL_ZH,
  LEVELS,
  Level,
  levelMarking,
  MAX_PERIOD_YEARS,
  requiresCopyNumbers,
} from './levels.ts'
export type {
  CarrierAway,
  EventDefinition,
  RegisterSlice,
  SliceContext,
  SliceEvent,
  UnitView,
} from './register-slice.ts'
export type { DomainError, Result } from './result.ts'
export { domainError, err, ok } from './result.ts'
export { ROLE_LABEL_ZH, ROLES, Role } from './roles.ts'
export type { RuleEntry } from './rulebook.ts'
export { RULE_GROUPS, RULEBOOK, RuleKind } from './rulebook.ts'
export type { KdfParams, SigningKeyPair, WrappedKey } from './signing-keys.ts'
export {
  DEFAULT_KDF_PARAMS,
  generateSigningKeyPair,
  publicKeyOf,
  unwrapSecretKey,
  wrappedKeySchema,
  wrapSecretKey,
} from './signing-keys.ts'
export type {
  ScreeningHit,
  ScreeningOverride,
  ScreeningPassed,
  ScreeningResult,
  TextScreener,
} from './text-screening.ts'
export {
  createTextScreener,
  MIN_OVERRIDE_REASON_LENGTH,
  ScreeningHitKind,
  screenFreeText,
} from './text-screening.ts'
export type { AgendaAnomaly, AgendaContext, AgendaItem, AgendaRegister } from './unit-agenda.ts'
export { unitDueSoon, unitOpenAnomalies, unitOverdue } from './unit-agenda.ts'
export type { UnitPolicy } from './unit-policy.ts'
export { DEFAULT_UNIT_POLICY, desensitizeTitle, TITLE_MASK } from './unit-policy.ts'
export type { ComposedSlices, RegisterName, UnitRegisters } from './unit-slices.ts'
export { composeSlices, unitEventDefinition, unitEventTypes } from './unit-slices.ts'
export type { CarrierYearFigures, UnitYearSummary } from './unit-year-summary.ts'
export { unitYearSummary } from './unit-year-summary.ts'
export type { LocalDay, WorkCalendar } from './work-calendar.ts'
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
} from './work-calendar.ts'
export { addWorkingDays } from './working-days.ts'
