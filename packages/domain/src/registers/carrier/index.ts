/** The carrier register (涉密载体台账, rules C-01…C-21): its events, rules, policy, state and queries. */
export { anomalyId } from './anomalies.ts'
export { checkCentralUnclassified, isCentralIssuer } from './central-documents.ts'
export { changedCarriers, sameCarrier } from './diff.ts'
export { checkElectronicRegistration, isClassifiedElectronicFile } from './electronic-files.ts'
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
} from './events.ts'
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
} from './events.ts'
export type { CarrierPolicy } from './policy.ts'
export { desensitizeTitle, TITLE_MASK } from './policy.ts'
export type { OverdueHandOut } from './queries.ts'
export { isOverdue, nextSerial, openAnomalies, overdueHandOuts, possibleLosses } from './queries.ts'
export { handOutDue } from './rules.ts'
export type { Anomaly, Approval, CarrierRegisterState } from './state.ts'
export { AnomalyKind } from './state.ts'
