import { isStateSecret } from '../../core/levels.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import type { CarrierRegistered } from './events.ts'

/**
 * rule C-18: unclassified documents of the 中共中央 are kept as classified (作密件保管): registered
 * without a level marking, stored apart and handled like 秘密 carriers (copying needs approval C-07,
 * destruction C-11, inventory C-13).
 * Reading: the issuer names the central organ when it starts with 中共中央 / 中央 (中央办公厅…); the
 * officer marks the entry, and the fold refuses an unmarked one rather than guessing it is ordinary.
 */
const CENTRAL_ISSUER = /^\s*(中共中央|中央)/

export function isCentralIssuer(issuer: string): boolean {
  return CENTRAL_ISSUER.test(issuer)
}

export function checkCentralUnclassified(p: CarrierRegistered): DomainError | null {
  const marked = p.centralUnclassified === true
  if (marked && isStateSecret(p.level))
    return domainError(
      'C-18',
      '已标密级的文件按其密级管理，不作“中央非涉密文件”登记（规则 C-18）',
      'A document with a classification level is managed at that level, not as a central unclassified document (rule C-18)',
    )
  if (marked && !isCentralIssuer(p.issuer))
    return domainError(
      'C-18',
      '只有中共中央的非涉密文件作密件保管登记（规则 C-18）',
      'Only unclassified documents of the Party Central Committee are registered as kept-as-classified (rule C-18)',
    )
  if (!marked && !isStateSecret(p.level) && isCentralIssuer(p.issuer))
    return domainError(
      'C-18',
      '中共中央非涉密文件须作密件保管，登记时请勾选“作密件保管”（规则 C-18）',
      'Unclassified documents of the Party Central Committee are kept as classified: mark the entry so (rule C-18)',
      { issuer: p.issuer },
    )
  return null
}
