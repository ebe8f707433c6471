import type { CarrierPolicy } from '../registers/carrier/policy.ts'
import {
  type ClassificationPolicy,
  DEFAULT_CLASSIFICATION_POLICY,
} from '../registers/classification/policy.ts'
import { type CustodyPolicy, DEFAULT_CUSTODY_POLICY } from '../registers/custody/policy.ts'
import { DEFAULT_DEVICE_POLICY, type DevicePolicy } from '../registers/device/policy.ts'
import { DEFAULT_INCIDENT_POLICY, type IncidentPolicy } from '../registers/incident/policy.ts'
import { DEFAULT_INSPECTION_POLICY, type InspectionPolicy } from '../registers/inspection/policy.ts'
import { DEFAULT_MOVEMENT_POLICY, type MovementPolicy } from '../registers/movement/policy.ts'
import { DEFAULT_OUTGOING_POLICY, type OutgoingPolicy } from '../registers/outgoing/policy.ts'
import { DEFAULT_PERSONNEL_POLICY, type PersonnelPolicy } from '../registers/personnel/policy.ts'
import { DEFAULT_PUBLICATION_POLICY, type PublicationPolicy } from '../registers/publication/policy.ts'
import {
  DEFAULT_RESPONSIBILITY_POLICY,
  type ResponsibilityPolicy,
} from '../registers/responsibility/policy.ts'
import { DEFAULT_SCREENING_POLICY, type ScreeningPolicy } from '../registers/screening/policy.ts'
import { DEFAULT_TELEGRAM_POLICY, type TelegramPolicy } from '../registers/telegram/policy.ts'

/**
 * Per-unit configuration of the rules where DOMAIN.md leaves a choice to the county.
 * Defaults are the strict readings.
 */
export interface UnitPolicy extends CarrierPolicy {
  /** The other registers' county settings, in one place (each slice documents its own). */
  readonly classification: ClassificationPolicy
  readonly telegram: TelegramPolicy
  readonly device: DevicePolicy
  readonly personnel: PersonnelPolicy
  readonly inspection: InspectionPolicy
  readonly incident: IncidentPolicy
  readonly responsibility: ResponsibilityPolicy
  readonly publication: PublicationPolicy
  readonly custody: CustodyPolicy
  readonly movement: MovementPolicy
  readonly outgoing: OutgoingPolicy
  /** rule S-03: the unit's sensitive-word list. */
  readonly screening: ScreeningPolicy
}

export const DEFAULT_UNIT_POLICY: UnitPolicy = {
  titleMasking: 'masked',
  allowInHouseDestruction: false,
  barLeaderFromSupervising: false,
  allowTopSecretCopyWithConsent: false,
  acceptUnitLeaderCopyApproval: false,
  copyPoints: [],
  classification: DEFAULT_CLASSIFICATION_POLICY,
  telegram: DEFAULT_TELEGRAM_POLICY,
  device: DEFAULT_DEVICE_POLICY,
  personnel: DEFAULT_PERSONNEL_POLICY,
  inspection: DEFAULT_INSPECTION_POLICY,
  incident: DEFAULT_INCIDENT_POLICY,
  responsibility: DEFAULT_RESPONSIBILITY_POLICY,
  publication: DEFAULT_PUBLICATION_POLICY,
  custody: DEFAULT_CUSTODY_POLICY,
  movement: DEFAULT_MOVEMENT_POLICY,
  outgoing: DEFAULT_OUTGOING_POLICY,
  screening: DEFAULT_SCREENING_POLICY,
}
