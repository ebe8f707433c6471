import { type ClassificationPolicy, DEFAULT_CLASSIFICATION_POLICY } from '../registers/classification/policy.ts'
import { type CustodyPolicy, DEFAULT_CUSTODY_POLICY } from '../registers/custody/policy.ts'
import { DEFAULT_DEVICE_POLICY, type DevicePolicy } from '../registers/device/policy.ts'
import { DEFAULT_INCIDENT_POLICY, type IncidentPolicy } from '../registers/incident/policy.ts'
import { DEFAULT_INSPECTION_POLICY, type InspectionPolicy } from '../registers/inspection/policy.ts'
import { type Level, requiresCopyNumbers } from '../core/levels.ts'
import { DEFAULT_MOVEMENT_POLICY, type MovementPolicy } from '../registers/movement/policy.ts'
import { DEFAULT_OUTGOING_POLICY, type OutgoingPolicy } from '../registers/outgoing/policy.ts'
import { DEFAULT_PERSONNEL_POLICY, type PersonnelPolicy } from '../registers/personnel/policy.ts'
import { DEFAULT_PUBLICATION_POLICY, type PublicationPolicy } from '../registers/publication/policy.ts'
import { DEFAULT_RESPONSIBILITY_POLICY, type ResponsibilityPolicy } from '../registers/responsibility/policy.ts'
import { DEFAULT_TELEGRAM_POLICY, type TelegramPolicy } from '../registers/telegram/policy.ts'

/**
 * Per-unit configuration of the rules where DOMAIN.md leaves a choice to the county.
 * Defaults are the strict readings.
 */
export interface UnitPolicy {
  /** rule S-02: how 绝密/机密 titles are stored: a masked title or the document number only (empty title). */
  readonly titleMasking: 'masked' | 'number_only'
  /** rule C-11: in-house destruction (自行销毁) allowed; default off: central destruction (送销) only. */
  readonly allowInHouseDestruction: boolean
  /** rule C-11: the approving leader may not also supervise (监销); default off. */
  readonly barLeaderFromSupervising: boolean
  /**
   * rule C-07: a 绝密 copy may be recorded when `approvalRef` names the originating authority's consent.
   * Default off: the skeleton cannot check that consent, so 绝密 copying is refused outright.
   */
  readonly allowTopSecretCopyWithConsent: boolean
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
}

export const DEFAULT_UNIT_POLICY: UnitPolicy = {
  titleMasking: 'masked',
  allowInHouseDestruction: false,
  barLeaderFromSupervising: false,
  allowTopSecretCopyWithConsent: false,
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
}

/** The mask appended to the kept prefix of a 绝密/机密 title (full-width asterisks, so never a `★` marking). */
export const TITLE_MASK = '＊＊＊'
const MASK_CHAR = '＊'
const KEPT_PREFIX = 2

/**
 * rule S-02: the form in which a title is stored. 绝密/机密: the first two characters then `＊＊＊`
 * ('masked') or nothing ('number_only': the document number stands for it); other levels as typed.
 * Idempotent (desensitizeTitle(desensitizeTitle(t)) === desensitizeTitle(t)), so the fold can check
 * that a stored title is already in this form.
 */
export function desensitizeTitle(rawTitle: string, level: Level, policy: UnitPolicy): string {
  if (!requiresCopyNumbers(level)) return rawTitle
  if (policy.titleMasking === 'number_only') return ''
  // Code points, not UTF-16 units. Mask characters are dropped and whitespace trimmed before and after
  // taking the prefix, so masking a masked title changes nothing (found by the property test).
  const prefix = Array.from(
    Array.from(rawTitle)
      .filter((ch) => ch !== MASK_CHAR)
      .join('')
      .trim(),
  )
    .slice(0, KEPT_PREFIX)
    .join('')
    .trimEnd()
  return `${prefix}${TITLE_MASK}`
}
