import type { Carrier } from '../../core/carrier-record.ts'
import { isStateSecret } from '../../core/levels.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import type { RuleView } from './state.ts'

const ACTION_ZH = { copy: '复制', destroy: '销毁' } as const

/** Rule C-16 applies to a classified electronic file (涉密电子文件), C-18 kept-as-classified included. */
export function isClassifiedElectronicFile(carrier: Carrier): boolean {
  return carrier.kind === 'electronic' && (isStateSecret(carrier.level) || carrier.keptAsClassified)
}

/**
 * rule C-16: copying or destroying a classified electronic file needs the 主管领导's approval and the
 * user's signed registration (登记、签字) first, in the movement register. A copy needs a registration
 * made after the file's previous copy (one registration per copying); a destruction, any registration
 * of it made no later than the destruction. Other carriers pass.
 */
export function checkElectronicRegistration(
  view: RuleView,
  carrier: Carrier,
  action: 'copy' | 'destroy',
  atMs: number,
): DomainError | null {
  if (!isClassifiedElectronicFile(carrier)) return null
  const since =
    action === 'copy' ? (carrier.lastCopiedAt ?? Number.NEGATIVE_INFINITY) : Number.NEGATIVE_INFINITY
  const registered = view
    .electronicUses(carrier.id)
    .some((use) => use.action === action && use.at <= atMs && use.at > since)
  if (registered) return null
  const again = action === 'copy' && carrier.lastCopiedAt !== null
  return domainError(
    'C-16',
    again
      ? `涉密电子文件 ${carrier.serial} 每次复制前须重新履行审批和使用人签字登记（规则 C-16）`
      : `${ACTION_ZH[action]}涉密电子文件 ${carrier.serial} 前须经主管领导批准并由使用人签字登记（规则 C-16）`,
    again
      ? `Each copy of the classified electronic file ${carrier.serial} needs a new approval and the user's signed registration (rule C-16)`
      : `Before the classified electronic file ${carrier.serial} is ${action === 'copy' ? 'copied' : 'destroyed'}, its use needs the leader's approval and the user's signed registration (rule C-16)`,
    { carrierId: carrier.id, action },
  )
}
