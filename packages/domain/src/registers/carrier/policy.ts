import { type Level, requiresCopyNumbers } from '../../core/levels.ts'

/** The carrier register's county settings (rules S-02, C-07, C-11); the strict reading is the default. */
export interface CarrierPolicy {
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
  /**
   * rule C-07: a received document's copy may be approved by this unit's leader instead of the issuing
   * organ or the superior (001 篇6 四 本委领导); default off.
   */
  readonly acceptUnitLeaderCopyApproval: boolean
  /** rule C-07: the licensed copying points (国家秘密载体复制许可证) the county lists; county data. */
  readonly copyPoints: readonly CopyPoint[]
}

/** A business holding a 国家秘密载体复制许可证, as the county lists it. */
export interface CopyPoint {
  readonly id: string
  readonly name: string
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
export function desensitizeTitle(rawTitle: string, level: Level, policy: CarrierPolicy): string {
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
