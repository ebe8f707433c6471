import type { Carrier } from '../../core/carrier-record.ts'
import type { SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import type { MovementEventPayloads, MovementEventType } from './events.ts'
import type {
  AwayEntry,
  MovementAnomaly,
  MovementAnomalyKind,
  MovementApproval,
  MovementApprovalKind,
  MovementWork,
} from './state.ts'

/**
 * What the movement rule modules share: approvals, the custody check of a carrier, lists of ids, and
 * anomalies. Each check returns the refusal, or null (or the value it looked up).
 */

export type MovementSliceEvent<T extends MovementEventType> = SliceEvent<T, MovementEventPayloads[T]>
export type MovementRule = 'C-03' | 'C-06' | 'C-08' | 'C-16' | 'C-21'

export function isError<T extends object>(x: T | DomainError): x is DomainError {
  return 'code' in x && 'message' in x
}

const APPROVAL_ZH: Readonly<Record<MovementApprovalKind, string>> = {
  scope_widening: '扩大知悉范围',
  loan_out: '借出',
  borrow_in: '借入',
  carry_out: '携带外出',
  electronic_use: '涉密电子文件使用',
  consultation: '查阅案卷',
}

/**
 * An approval that exists, is of `kind`, was granted before `event` (fold order) and is not used yet.
 * Every approval here is single-use: one approval, one registered movement.
 */
export function approvalFor<K extends MovementApprovalKind>(
  work: MovementWork,
  approvalId: string,
  kind: K,
  rule: MovementRule,
  event: SliceEvent,
): Extract<MovementApproval, { kind: K }> | DomainError {
  const a = work.approvals.get(approvalId)
  if (a === undefined || a.kind !== kind || a.at > event.atMs)
    return domainError(
      rule,
      `没有领导的${APPROVAL_ZH[kind]}批准记录 ${approvalId}（规则 ${rule}）`,
      `No leader's recorded ${kind.replaceAll('_', ' ')} approval ${approvalId} (rule ${rule})`,
      { approvalId },
    )
  if (a.usedBy !== null)
    return domainError(
      rule,
      `批准 ${approvalId} 已用于 ${a.usedBy}，每次须单独批准（规则 ${rule}）`,
      `Approval ${approvalId} was already used by ${a.usedBy}; each movement needs its own (rule ${rule})`,
      { approvalId, usedBy: a.usedBy },
    )
  return a as Extract<MovementApproval, { kind: K }>
}

export function consumeApproval(work: MovementWork, approvalId: string, eventId: string): void {
  const a = work.approvals.get(approvalId)
  if (a !== undefined) work.approvals.set(approvalId, { ...a, usedBy: eventId })
}

/** A list of ids without repeats. */
export function checkDistinct(list: readonly string[], rule: MovementRule): DomainError | null {
  const seen = new Set<string>()
  for (const id of list) {
    if (seen.has(id))
      return domainError(rule, `${id} 重复登记（规则 ${rule}）`, `${id} is listed twice (rule ${rule})`, {
        id,
      })
    seen.add(id)
  }
  return null
}

/** `list` ⊆ `approved`, else the refusal names what the approval does not cover. */
export function checkCovered(
  list: readonly string[],
  approved: readonly string[],
  rule: MovementRule,
): DomainError | null {
  const missing = list.filter((id) => !approved.includes(id))
  if (missing.length === 0) return null
  return domainError(
    rule,
    `批准未包括 ${missing.join('、')}（规则 ${rule}）`,
    `The approval does not cover ${missing.join(', ')} (rule ${rule})`,
    { notCovered: missing },
  )
}

/** A carrier of the register, whatever its state (undefined without a unit view). */
export function registeredCarrier(ctx: SliceContext, id: string, rule: MovementRule): Carrier | DomainError {
  const c = ctx.view?.carriers.get(id)
  if (c !== undefined && c.state !== 'destroyed') return c
  return domainError(
    rule,
    c === undefined
      ? `载体 ${id} 未在涉密载体台账中登记（规则 ${rule}）`
      : `载体 ${c.serial} 已销毁（规则 ${rule}）`,
    c === undefined
      ? `Carrier ${id} is not in the carrier register (rule ${rule})`
      : `Carrier ${c.serial} is destroyed (rule ${rule})`,
    { carrierId: id },
  )
}

const AWAY_ZH = { 'C-06': '借出', 'C-08': '携带外出', 'C-21': '随案卷调阅' } as const

/**
 * rules C-06, C-08: only a carrier in the officer's custody leaves: registered, not destroyed, not
 * handed out for reading, not on a loan or trip here, not held away by another register.
 */
export function carrierInCustody(
  work: MovementWork,
  ctx: SliceContext,
  id: string,
  rule: MovementRule,
): Carrier | DomainError {
  const c = registeredCarrier(ctx, id, rule)
  if (isError(c)) return c
  if (c.state === 'out')
    return domainError(
      rule,
      `载体 ${c.serial} 正在传阅中，须先收回（规则 ${rule}）`,
      `Carrier ${c.serial} is handed out for reading and must be taken back first (rule ${rule})`,
      { carrierId: id },
    )
  const here = work.carriersAway.get(id)
  if (here !== undefined)
    return domainError(
      rule,
      `载体 ${c.serial} 已${AWAY_ZH[here.rule]}（${here.refId}）${here.status === 'out' ? '' : '且未归还'}，不在保管中（规则 ${rule}）`,
      `Carrier ${c.serial} is away (${here.refId}, ${here.status}) and not in custody (rule ${rule})`,
      { carrierId: id, refId: here.refId },
    )
  const away = ctx.view?.carrierAway(id) ?? null
  if (away !== null)
    return domainError(
      rule,
      `载体 ${c.serial} 不在保管中：${away.zh}（规则 ${rule}）`,
      `Carrier ${c.serial} is not in custody: ${away.en} (rule ${rule})`,
      { carrierId: id, awayCode: away.code },
    )
  return c
}

/** Every listed carrier in custody; the carriers, or the first refusal. */
export function carriersInCustody(
  work: MovementWork,
  ctx: SliceContext,
  ids: readonly string[],
  rule: MovementRule,
): Carrier[] | DomainError {
  const out: Carrier[] = []
  for (const id of ids) {
    const c = carrierInCustody(work, ctx, id, rule)
    if (isError(c)) return c
    out.push(c)
  }
  return out
}

/** A return list: no repeats, only items that went out, damaged ones among the returned. */
export function checkReturnList(
  out: readonly string[],
  returned: readonly string[],
  damaged: readonly string[],
  rule: MovementRule,
): DomainError | null {
  const error = checkDistinct(returned, rule) ?? checkDistinct(damaged, rule)
  if (error !== null) return error
  const foreign = returned.filter((id) => !out.includes(id))
  if (foreign.length > 0)
    return domainError(
      rule,
      `${foreign.join('、')} 不在本次登记的物品中（规则 ${rule}）`,
      `${foreign.join(', ')} did not go out with this entry (rule ${rule})`,
      { notOut: foreign },
    )
  const notBack = damaged.filter((id) => !returned.includes(id))
  if (notBack.length > 0)
    return domainError(
      rule,
      `损坏的 ${notBack.join('、')} 须列为已归还（规则 ${rule}）`,
      `Damaged ${notBack.join(', ')} must be listed as returned (rule ${rule})`,
      { damagedNotReturned: notBack },
    )
  return null
}

export function anomalyId(kind: MovementAnomalyKind, eventId: string): string {
  return `${kind}:${eventId}`
}

/** Opens an anomaly when a return check found something wrong; returns its id, or null. */
export function openAnomalyIfAny(
  work: MovementWork,
  event: SliceEvent,
  found: Pick<MovementAnomaly, 'kind' | 'rule' | 'refId' | 'missingIds' | 'damagedIds' | 'custodyBreach'>,
): string | null {
  if (found.missingIds.length === 0 && found.damagedIds.length === 0 && !found.custodyBreach) return null
  const id = anomalyId(found.kind, event.id)
  work.anomalies.set(id, {
    ...found,
    id,
    eventId: event.id,
    openedAt: event.atMs,
    resolvedAt: null,
    resolvedBy: null,
    note: null,
    recovered: null,
  })
  return id
}

/** Marks items away: out on a loan or trip, or missing at its return check. */
export function markAway(map: Map<string, AwayEntry>, ids: readonly string[], entry: AwayEntry): void {
  for (const id of ids) map.set(id, entry)
}

/** rule C-06/C-08/C-21: an anomaly is resolved once, with a note. */
export function checkAnomalyResolved(
  work: MovementWork,
  event: MovementSliceEvent<'movement.anomaly_resolved'>,
): DomainError | null {
  const a = work.anomalies.get(event.payload.anomalyId)
  if (a === undefined)
    return domainError(
      'MOVEMENT-UNKNOWN',
      `异常 ${event.payload.anomalyId} 不存在`,
      `Anomaly ${event.payload.anomalyId} does not exist`,
    )
  if (a.resolvedAt !== null)
    return domainError('MOVEMENT-CLOSED', `异常 ${a.id} 已处理`, `Anomaly ${a.id} is already resolved`)
  return null
}

/** Recovered: the missing items are back in custody; not recovered: they stay away as lost. */
export function applyAnomalyResolved(
  work: MovementWork,
  event: MovementSliceEvent<'movement.anomaly_resolved'>,
): void {
  const p = event.payload
  const a = work.anomalies.get(p.anomalyId)
  if (a === undefined) return
  work.anomalies.set(a.id, {
    ...a,
    resolvedAt: event.atMs,
    resolvedBy: event.id,
    note: p.note,
    recovered: p.recovered,
  })
  for (const map of [work.carriersAway, work.filesAway])
    for (const [id, entry] of map)
      if (entry.anomalyId === a.id) {
        if (p.recovered) map.delete(id)
        else map.set(id, { ...entry, status: 'lost' })
      }
}
