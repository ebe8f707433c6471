import { distinctHands } from '../../core/approvals.ts'
import { directoryUser, type KeyDirectory } from '../../core/key-directory.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { checkElectronicRegistration } from './electronic-files.ts'
import type { CarrierPolicy } from './policy.ts'
import { carrierAwayError, unknownCarrier } from './rules.ts'
import type { RuleEventOf, RuleView } from './state.ts'

/** Block rules of destruction (rule C-11). Each returns the refusal, or null to allow. */

function refused(zh: string, en: string, details?: Readonly<Record<string, unknown>>): DomainError {
  return domainError('C-11', `${zh}（规则 C-11）`, `${en} (rule C-11)`, details)
}

function distinct(ids: readonly string[]): boolean {
  return new Set(ids).size === ids.length
}

/** A leader's destruction approval names existing carriers that are not yet destroyed. */
export function checkApproval(view: RuleView, event: RuleEventOf<'approval.granted'>): DomainError | null {
  const ids = event.payload.carrierIds
  if (!distinct(ids)) return refused('审批清单中有重复的载体', 'The approval lists a carrier twice')
  for (const id of ids) {
    const carrier = view.carriers.get(id)
    if (!carrier) return unknownCarrier(id)
    if (carrier.state === 'destroyed')
      return refused('载体已销毁', 'The carrier is already destroyed', { carrierId: id })
  }
  return null
}

/**
 * rule C-11: destruction is registered item by item, on a leader's approval folded before it that
 * covers every item; each item is in custody (not out, not destroyed). Central destruction (送销, the
 * default) is closed by the bureau's receipt number; in-house destruction only where the unit's policy
 * allows it, with a destroyer and at least two supervisors, all distinct persons. Four eyes: the
 * approving leader neither records the destruction nor destroys.
 */
export function checkDestruction(
  view: RuleView,
  event: RuleEventOf<'carrier.destroyed'>,
  policy: CarrierPolicy,
  directory: KeyDirectory,
): DomainError | null {
  const p = event.payload
  const approval = view.approvals.get(p.approvalId)
  if (!approval)
    return refused('销毁须先经领导审批', 'Destruction needs a leader’s approval first', {
      approvalId: p.approvalId,
    })
  if (!distinct(p.carrierIds))
    return refused('销毁清单中有重复的载体', 'The destruction lists a carrier twice')
  // Four eyes: the leader who approved does not record the destruction too (one person holding the
  // officer's and a leader's roles is still one person).
  const hands = distinctHands('C-11', [
    { zh: '审批领导', en: 'the approving leader', person: approval.actor },
    { zh: '销毁登记人', en: 'the officer recording the destruction', person: event.actor },
  ])
  if (hands) return hands
  for (const id of p.carrierIds) {
    if (!approval.carrierIds.includes(id))
      return refused('该审批不包括此载体', 'The approval does not cover this carrier', { carrierId: id })
    const carrier = view.carriers.get(id)
    if (!carrier) return unknownCarrier(id)
    if (carrier.state !== 'in_custody')
      return refused(
        carrier.state === 'out' ? '载体借出未还，不能销毁' : '载体已销毁',
        carrier.state === 'out'
          ? 'The carrier is out and cannot be destroyed'
          : 'The carrier is already destroyed',
        { carrierId: id, state: carrier.state },
      )
    const blocked =
      carrierAwayError(view, id) ?? checkElectronicRegistration(view, carrier, 'destroy', event.atMs)
    if (blocked !== null) return blocked
  }
  if (p.method === 'central') {
    if ((p.receiptNumber ?? '').trim() === '')
      return refused(
        '送销须登记保密局的接收回执编号',
        'Central destruction needs the bureau’s receipt number',
      )
    return null
  }
  if (!policy.allowInHouseDestruction)
    return refused(
      '未经县保密局允许，不得自行销毁，须送销',
      'In-house destruction is not allowed: send to central destruction',
    )
  const destroyer = (p.destroyer ?? '').trim()
  const supervisors = (p.supervisors ?? []).map((s) => s.trim())
  if (destroyer === '' || supervisors.length < 2 || supervisors.includes(''))
    return refused(
      '自行销毁须有销毁人和至少两名监销人',
      'In-house destruction needs a destroyer and at least two supervisors',
    )
  if (!distinct([destroyer, ...supervisors]))
    return refused('销毁人与监销人须为不同的人', 'The destroyer and the supervisors must be distinct persons')
  const leader = directoryUser(directory, approval.actor)?.displayName
  if (leader !== undefined && leader.trim() === destroyer)
    return refused(
      '审批领导不得担任销毁人：不能批准自己的行为',
      'The approving leader may not destroy: nobody approves their own act',
      {
        person: destroyer,
      },
    )
  if (policy.barLeaderFromSupervising && leader !== undefined && supervisors.includes(leader.trim()))
    return refused('审批领导不得担任监销人', 'The approving leader may not supervise the destruction')
  return null
}
