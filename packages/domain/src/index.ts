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
export type {
  ClassificationApproved,
  ClassificationBasis,
  ClassificationChangeProposed,
  ClassificationClassifierFiled,
  ClassificationEscalated,
  ClassificationEventPayloads,
  ClassificationProposed,
  ClassificationReplyRecorded,
  ClassificationReviewed,
  ClassificationReviewedPeriodic,
} from './classification-events.ts'
export {
  CLASSIFICATION_EVENTS,
  ClassificationEventType,
  classificationApprovedSchema,
  classificationBasisSchema,
  classificationChangeProposedSchema,
  classificationClassifierFiledSchema,
  classificationEscalatedSchema,
  classificationProposedSchema,
  classificationReplyRecordedSchema,
  classificationReviewedPeriodicSchema,
  classificationReviewedSchema,
  isClassificationEventType,
} from './classification-events.ts'
export type { ClassificationPolicy } from './classification-policy.ts'
export { DEFAULT_CLASSIFICATION_POLICY } from './classification-policy.ts'
export type {
  EffectiveStatus,
  EscalationDue,
  OverdueDetermination,
  PeriodicReviewDue,
  SecretItemRow,
  SecretItemsRegister,
} from './classification-queries.ts'
export {
  ESCALATION_WORKING_DAYS,
  effectiveStatus,
  escalationsDue,
  overdueDeterminations,
  periodicReviewsDue,
  secretItemsRegister,
} from './classification-queries.ts'
export { classificationSlice, createClassificationSlice } from './classification-slice.ts'
export type {
  Approver,
  ClassificationItem,
  ClassificationState,
  ClassificationWork,
  Determination,
  FiledClassifier,
  ItemStatus,
  Proposal,
  ProposalKind,
} from './classification-state.ts'
export type { DeviceEventPayloads, NetworkClass } from './device-events.ts'
export {
  DeviceEventType,
  DeviceKind,
  deviceAnomalyResolvedSchema,
  deviceAssignedSchema,
  deviceCheckRecordedSchema,
  deviceClassifiedFileStoredSchema,
  deviceConfigChangedSchema,
  deviceConnectionReportedSchema,
  deviceDisposalApprovedSchema,
  deviceDisposedSchema,
  deviceEvents,
  deviceFiledWithBureauSchema,
  deviceLeaderDesignatedSchema,
  deviceMediumBoundSchema,
  deviceMediumUsedSchema,
  deviceMediumUseReportedSchema,
  deviceNetworkApprovedSchema,
  deviceNetworkConnectedSchema,
  deviceReclassifiedSchema,
  deviceRegisteredSchema,
  deviceRepairApprovedSchema,
  deviceRepairReturnedSchema,
  deviceRepairStartedSchema,
  deviceReuseApprovedSchema,
  deviceReusedSchema,
  deviceSanitizedSchema,
  deviceSecurityCheckedSchema,
  deviceUseApprovedSchema,
  deviceUsedSchema,
  deviceUserBookSignedSchema,
  isDeviceEventType,
} from './device-events.ts'
export type { DevicePolicy } from './device-policy.ts'
export { DEFAULT_DEVICE_POLICY } from './device-policy.ts'
export type { BookGap, DeviceYearFigures, SoftwareCheckDue } from './device-queries.ts'
export {
  deviceYearFigures,
  openDeviceAnomalies,
  overdueSoftwareChecks,
  pendingBureauFilings,
  securityChecksPending,
  softwareChecksDueSoon,
  userBooksToSign,
} from './device-queries.ts'
export { createDeviceSlice, deviceSlice } from './device-slice.ts'
export type {
  BureauFiling,
  DesignatedLeader,
  Device,
  DeviceAnomaly,
  DeviceAnomalyKind,
  DeviceApproval,
  DeviceApprovalKind,
  DeviceCheck,
  DeviceDisposal,
  DeviceRepair,
  DeviceState,
  DeviceStatus,
  DeviceWork,
  MediumUse,
  UseLogEntry,
  UserBook,
} from './device-state.ts'
export { hasValidBook, isRetired, needsUserBook } from './device-state.ts'
export type { EventDraft, EventEnvelope } from './event-envelope.ts'
export {
  compareEvents,
  computeEventId,
  eventEnvelopeSchema,
  signEvent,
  verifyEventSignature,
} from './event-envelope.ts'
export type { Hlc, HlcParts } from './hlc.ts'
export { formatHlc, hlcWallMs, isHlc, parseHlc, receiveHlc, tickHlc } from './hlc.ts'
export type {
  IncidentCarrierFound,
  IncidentCarrierMissing,
  IncidentEventPayloads,
  IncidentInvestigationConcluded,
  IncidentOpened,
  IncidentRemedied,
  IncidentReportedToBureau,
} from './incident-events.ts'
export {
  IncidentEventType,
  incidentCarrierFoundSchema,
  incidentCarrierMissingSchema,
  incidentEvents,
  incidentInvestigationConcludedSchema,
  incidentOpenedSchema,
  incidentRemediedSchema,
  incidentReportedToBureauSchema,
  isIncidentEventType,
} from './incident-events.ts'
export type { IncidentPolicy } from './incident-policy.ts'
export { DEFAULT_INCIDENT_POLICY, endOfDayMonthsLater } from './incident-policy.ts'
export type {
  IncidentDeadline,
  IncidentView,
  IncidentYearFigures,
  MissingStatus,
} from './incident-queries.ts'
export {
  incidentDeadlines,
  incidentYearFigures,
  lateIncidentDeadlines,
  leakAt,
  missingItems,
  openIncidents,
  overdueIncidents,
} from './incident-queries.ts'
export type { IncidentSliceEvent } from './incident-rules.ts'
export { createIncidentSlice, incidentSlice } from './incident-slice.ts'
export type { Incident, IncidentState, IncidentWork, MissingItem, Remedy } from './incident-state.ts'
export type { Checklist, ChecklistArea } from './inspection-checklist.ts'
export { DEFAULT_CHECKLIST, findChecklist, hasArea } from './inspection-checklist.ts'
export type {
  InspectionAnomalyResolved,
  InspectionEventPayloads,
  InspectionFindingRecorded,
  InspectionFindingRectified,
  InspectionFindingReportedUp,
  InspectionFindingVerified,
  InspectionItemChecked,
  InspectionOpinionRecorded,
  InspectionRecorded,
  InspectionSelfAssessmentRecorded,
} from './inspection-events.ts'
export {
  InspectionEventType,
  InspectionKind,
  inspectionAnomalyResolvedSchema,
  inspectionEvents,
  inspectionFindingRecordedSchema,
  inspectionFindingRectifiedSchema,
  inspectionFindingReportedUpSchema,
  inspectionFindingVerifiedSchema,
  inspectionItemCheckedSchema,
  inspectionOpinionRecordedSchema,
  inspectionRecordedSchema,
  inspectionSelfAssessmentRecordedSchema,
  isInspectionEventType,
} from './inspection-events.ts'
export type { HolidayPeriod } from './inspection-holidays.ts'
export { MAJOR_HOLIDAY_LABEL_ZH, MajorHoliday, majorHolidays } from './inspection-holidays.ts'
export type { InspectionPolicy } from './inspection-policy.ts'
export { DEFAULT_INSPECTION_POLICY } from './inspection-policy.ts'
export type { FindingDue, InspectionYearFigures, SeriousReportDue } from './inspection-queries.ts'
export {
  bureauOpinionsPending,
  findingsAwaitingVerification,
  findingsDueSoon,
  inspectionYearFigures,
  openInspectionAnomalies,
  overdueFindings,
  selfAssessmentOfYear,
  seriousFindingsUnreported,
} from './inspection-queries.ts'
export type { HolidayCheck, QuarterStatus } from './inspection-reminders.ts'
export { holidayChecks, quarterlyInspections } from './inspection-reminders.ts'
export type { InspectionSliceEvent } from './inspection-rules.ts'
export type {
  SelfAssessmentScore,
  SelfAssessmentSheet,
  SheetAnswer,
  SheetItem,
  Verdict,
} from './inspection-scoring.ts'
export {
  DEFAULT_SELF_ASSESSMENT_SHEET,
  scoreSelfAssessment,
  VERDICT_LABEL_ZH,
  verdictOf,
} from './inspection-scoring.ts'
export { createInspectionSlice, inspectionSlice } from './inspection-slice.ts'
export type {
  Finding,
  Inspection,
  InspectionAnomaly,
  InspectionState,
  InspectionWork,
  ItemCheck,
  SelfAssessment,
  Verification,
} from './inspection-state.ts'
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
  OrganisationDepartmentClosed,
  OrganisationDepartmentHeadRecorded,
  OrganisationDepartmentRecorded,
  OrganisationEventPayloads,
  OrganisationMeetingHeld,
  OrganisationPlanFiled,
  OrganisationPostAssigned,
  OrganisationPostVacated,
  OrganisationSummaryFiled,
} from './organisation-events.ts'
export {
  ORGANISATION_EVENTS,
  OrganisationEventType,
  OrganisationPost,
  organisationDepartmentClosedSchema,
  organisationDepartmentHeadRecordedSchema,
  organisationDepartmentRecordedSchema,
  organisationMeetingHeldSchema,
  organisationPlanFiledSchema,
  organisationPostAssignedSchema,
  organisationPostVacatedSchema,
  organisationSummaryFiledSchema,
  POST_LABEL_ZH,
} from './organisation-events.ts'
export type { MissingPost, OrganisationDuty, OrganisationFigures } from './organisation-queries.ts'
export {
  missingPosts,
  organisationDuties,
  organisationDutiesDueSoon,
  organisationFigures,
} from './organisation-queries.ts'
export type { OrganisationSliceEvent } from './organisation-rules.ts'
export type {
  PersonnelApproved,
  PersonnelCertificateIssued,
  PersonnelCommitmentSigned,
  PersonnelEventPayloads,
  PersonnelFiled,
  PersonnelLeftPost,
  PersonnelLeftUnit,
  PersonnelRegistered,
  PersonnelTookPost,
  PersonnelTravelAbroad,
} from './personnel-events.ts'
export {
  EMPLOYMENT_TYPE_LABEL_ZH,
  EmploymentType,
  isPersonnelEventType,
  PersonnelApprovalSubject,
  PersonnelEventType,
  personnelApprovedSchema,
  personnelCertificateIssuedSchema,
  personnelCommitmentSignedSchema,
  personnelEvents,
  personnelFiledSchema,
  personnelLeftPostSchema,
  personnelLeftUnitSchema,
  personnelRegisteredSchema,
  personnelTookPostSchema,
  personnelTravelAbroadSchema,
} from './personnel-events.ts'
export type { MonthRange, PersonnelPolicy } from './personnel-policy.ts'
export {
  DEFAULT_PERSONNEL_POLICY,
  LONGER_DECONTAMINATION_MONTHS,
  POST_LEVEL_LABEL_ZH,
  SecrecyPostLevel,
} from './personnel-policy.ts'
export type { Decontamination, OnPost, PersonnelYearSummary } from './personnel-queries.ts'
export {
  decontaminationEndingSoon,
  departureHandOvers,
  inDecontamination,
  personnelOnPost,
  personnelYearSummary,
} from './personnel-queries.ts'
export type { PersonnelSliceEvent } from './personnel-rules.ts'
export { createPersonnelSlice, PERSONNEL_SLICE_EVENTS, personnelSlice } from './personnel-slice.ts'
export type {
  Attendance,
  Certificate,
  Commitment,
  Departure,
  Filing,
  Person,
  PersonnelApproval,
  PersonnelState,
  PersonnelWork,
  Post,
  TrainingPlan,
  TrainingSession,
  Travel,
} from './personnel-state.ts'
export type {
  PublicationBureauReplied,
  PublicationEscalated,
  PublicationEventPayloads,
  PublicationLeakClosed,
  PublicationLeakFound,
  PublicationLeakReported,
  PublicationLeakTakenDown,
  PublicationLeakTraced,
  PublicationPublished,
  PublicationReviewed,
  PublicationReviewerDesignated,
  PublicationReviewerRevoked,
  PublicationSubmitted,
  PublicationWithholdingConfirmed,
  PublicationWithholdingProposed,
} from './publication-events.ts'
export {
  isPublicationEventType,
  PUBLICATION_EVENTS,
  PublicationEventType,
  publicationBureauRepliedSchema,
  publicationEscalatedSchema,
  publicationLeakClosedSchema,
  publicationLeakFoundSchema,
  publicationLeakReportedSchema,
  publicationLeakTakenDownSchema,
  publicationLeakTracedSchema,
  publicationPublishedSchema,
  publicationReviewedSchema,
  publicationReviewerDesignatedSchema,
  publicationReviewerRevokedSchema,
  publicationSubmittedSchema,
  publicationWithholdingConfirmedSchema,
  publicationWithholdingProposedSchema,
  ReviewCapacity,
  ReviewerPost,
} from './publication-events.ts'
export type { PublicationPolicy } from './publication-policy.ts'
export { DEFAULT_PUBLICATION_POLICY } from './publication-policy.ts'
export type {
  LeakDeadline,
  PendingReview,
  PublicationFigures,
  PublicationRegisterLine,
} from './publication-queries.ts'
export {
  escalatedItems,
  lateLeakDeadlines,
  leakDeadlines,
  leakDeadlinesDueSoon,
  overdueLeakDeadlines,
  pendingReviews,
  publicationFigures,
  publicationRegister,
} from './publication-queries.ts'
export type { PublicationSliceEvent } from './publication-rules.ts'
export type { PublicationSlice } from './publication-slice.ts'
export { createPublicationSlice, publicationSlice } from './publication-slice.ts'
export type {
  LeakIncident,
  PublicationItem,
  PublicationItemState,
  PublicationRecord,
  PublicationState,
  PublicationWork,
  ReviewRecord,
  WithholdingRecord,
} from './publication-state.ts'
export type {
  CarrierAway,
  EventDefinition,
  RegisterSlice,
  SliceContext,
  SliceEvent,
  UnitView,
} from './register-slice.ts'
export type {
  ResponsibilityBookDrafted,
  ResponsibilityBookSigned,
  ResponsibilityEventPayloads,
  ResponsibilitySliceEventType,
  ResponsibilityTemplateAdopted,
  ResponsibilityTemplateContent,
  ResponsibilityTemplatePublished,
} from './responsibility-events.ts'
export {
  isResponsibilityEventType,
  RESPONSIBILITY_EVENTS,
  ResponsibilityEventType,
  responsibilityBookDraftedSchema,
  responsibilityBookSignedSchema,
  responsibilityTemplateAdoptedSchema,
  responsibilityTemplateContentSchema,
  responsibilityTemplatePublishedSchema,
} from './responsibility-events.ts'
export type { BookContent } from './responsibility-hash.ts'
export { bookContentHash, templateContentHash } from './responsibility-hash.ts'
export type { MonthDay, ResponsibilityPolicy } from './responsibility-policy.ts'
export { DEFAULT_RESPONSIBILITY_POLICY, endOfMonthDay } from './responsibility-policy.ts'
export type {
  BookFigures,
  BookReminder,
  BookToResign,
  DepartmentWithoutBook,
  MissingBookReason,
} from './responsibility-queries.ts'
export {
  bookFigures,
  bookReminders,
  booksToResign,
  departmentsWithoutBook,
} from './responsibility-queries.ts'
export type { ResponsibilitySliceEvent } from './responsibility-rules.ts'
export type { ResponsibilitySlice } from './responsibility-slice.ts'
export { createResponsibilitySlice, responsibilitySlice } from './responsibility-slice.ts'
export type {
  AnnualDocument,
  Department,
  GroupMeeting,
  PostHolding,
  ResponsibilityBook,
  ResponsibilityState,
  ResponsibilityWork,
  SupersededReason,
  TemplateVersion,
} from './responsibility-state.ts'
export { isBookInForce } from './responsibility-state.ts'
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
  TelegramAcknowledged,
  TelegramCarryOutRequested,
  TelegramCopyRequested,
  TelegramDutyHeadDesignated,
  TelegramEventPayloads,
  TelegramExcerpted,
  TelegramExcerpterDesignated,
  TelegramHandled,
  TelegramHeadPresent,
  TelegramReceived,
  TelegramReportedToHead,
  TelegramSent,
} from './telegram-events.ts'
export {
  isTelegramEventType,
  TelegramEventType,
  telegramAcknowledgedSchema,
  telegramCarryOutRequestedSchema,
  telegramCopyRequestedSchema,
  telegramDutyHeadDesignatedSchema,
  telegramEvents,
  telegramExcerptedSchema,
  telegramExcerpterDesignatedSchema,
  telegramHandledSchema,
  telegramHeadPresentSchema,
  telegramReceivedSchema,
  telegramReportedToHeadSchema,
  telegramSentSchema,
} from './telegram-events.ts'
export type { TelegramPolicy } from './telegram-policy.ts'
export {
  DEFAULT_TELEGRAM_POLICY,
  PRECEDENCE_LABEL_ZH,
  requiresReportToHead,
  TelegramPrecedence,
} from './telegram-policy.ts'
export type { DueSoonDeadline, OverdueTelegram, TelegramDeadline } from './telegram-queries.ts'
export { dueSoon, lateTelegramDeadlines, overdueTelegrams, telegramDeadlines } from './telegram-queries.ts'
export type { TelegramSliceEvent } from './telegram-rules.ts'
export { createTelegramSlice, telegramSlice } from './telegram-slice.ts'
export type {
  Telegram,
  TelegramCopy,
  TelegramExcerpt,
  TelegramState,
  TelegramWork,
} from './telegram-state.ts'
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
export type {
  TrainingAttendanceAdded,
  TrainingAttendee,
  TrainingEventPayloads,
  TrainingPlanAdopted,
  TrainingSessionRecorded,
} from './training-events.ts'
export {
  isTrainingEventType,
  TRAINING_KIND_LABEL_ZH,
  TrainingEventType,
  TrainingKind,
  trainingAttendanceAddedSchema,
  trainingAttendeeSchema,
  trainingEvents,
  trainingPlanAdoptedSchema,
  trainingSessionRecordedSchema,
} from './training-events.ts'
export type { StaffRef, TrainingCoverage, TrainingPlanStatus, UntaughtNewStaff } from './training-queries.ts'
export { taughtLate, trainingCoverage, trainingPlanStatus, untaughtNewStaff } from './training-queries.ts'
export type { TrainingSliceEvent } from './training-rules.ts'
export type { UnitPolicy } from './unit-policy.ts'
export { DEFAULT_UNIT_POLICY, desensitizeTitle, TITLE_MASK } from './unit-policy.ts'
export type { ComposedSlices, RegisterName, UnitRegisters } from './unit-slices.ts'
export { composeSlices, unitEventDefinition, unitEventTypes } from './unit-slices.ts'
export type { CarrierYearFigures, UnitYearSummary } from './unit-year-summary.ts'
export { unitYearSummary } from './unit-year-summary.ts'
export type { LocalDay, WorkCalendar } from './work-calendar.ts'
export {
  DEFAULT_CALENDAR,
  endOfLocalDay,
  endOfWorkingDay,
  isWorkingDay,
  localDay,
  officeOpensAt,
  startOfLocalDate,
} from './work-calendar.ts'
export { addWorkingDays } from './working-days.ts'
