import {
  AnomalyKind,
  DEFAULT_CALENDAR,
  directoryUser,
  type EventEnvelope,
  handOutDue,
  hlcWallMs,
  type KeyDirectory,
  type RegisterState,
} from '@secledger/domain'
import type { HistoryText } from '@secledger/ui/logic'
import { isRecord, lists, num, type Payload, payloadOf, str, strings } from './history-payload.ts'
import { formatDateTime } from './time-format.ts'

/** A carrier history's details: a short summary per event type, from ids, names, numbers and times only (rule S-01). */

const EMPTY: HistoryText = { zh: '', en: '' }

/** Minutes in the unit's zone, as the register shows every time. */
function minute(ms: number): string {
  return formatDateTime(ms).slice(0, 16)
}

export function userName(directory: KeyDirectory, id: string): string {
  return directoryUser(directory, id)?.displayName ?? id
}

export interface DetailContext {
  readonly carrierId: string
  readonly state: RegisterState
  readonly directory: KeyDirectory
  readonly events: ReadonlyMap<string, EventEnvelope>
}

const CARRIER_ANOMALY_TEXT: Readonly<Record<string, HistoryText>> = {
  [AnomalyKind.ConcurrentHandOut]: { zh: '同时分发给两人', en: 'Handed out twice at once' },
  [AnomalyKind.DuplicateSerial]: { zh: '登记编号重复', en: 'Serial used twice' },
  [AnomalyKind.DuplicateCopy]: { zh: '重复登记', en: 'Registered twice' },
  [AnomalyKind.Overnight]: { zh: '过夜未收回', en: 'Out overnight' },
  [AnomalyKind.RefusedEvent]: { zh: '被拒记录', en: 'Refused record' },
  [AnomalyKind.ClockOutOfRange]: { zh: '时间异常', en: 'Clock out of range' },
}

const RESOLUTION_TEXT: Readonly<Record<string, HistoryText>> = {
  found: { zh: '已找到', en: 'Found' },
  incident: { zh: '按泄密事件处理', en: 'Handled as an incident' },
  registered: { zh: '已补登记', en: 'Registered' },
  explained: { zh: '已说明', en: 'Explained' },
}

function registeredDetail(p: Payload, ctx: DetailContext): HistoryText {
  const copies = Array.isArray(p.copies) ? p.copies.filter(isRecord) : []
  const mine = copies.find((c) => c.id === ctx.carrierId)
  const copyNumber = mine !== undefined && typeof mine.copyNumber === 'number' ? mine.copyNumber : null
  const zh = [`登记编号 ${str(p, 'serial') ?? ''}`]
  const en = [`Serial ${str(p, 'serial') ?? ''}`]
  if (copyNumber !== null) zh.push(`份号 ${copyNumber}`)
  if (copyNumber !== null) en.push(`copy no. ${copyNumber}`)
  if (copies.length > 1) zh.push(`共 ${copies.length} 份`)
  if (copies.length > 1) en.push(`${copies.length} copies`)
  return { zh: zh.join('，'), en: en.join(', ') }
}

function handedOutDetail(p: Payload, event: EventEnvelope): HistoryText {
  const reader = str(p, 'reader') ?? ''
  // rule C-05: the due time the fold computed, from when it happened (补录) and the time set, if any.
  const due = handOutDue(
    num(p, 'happenedAt') ?? hlcWallMs(event.at),
    num(p, 'dueAt') ?? undefined,
    DEFAULT_CALENDAR,
  )
  if (!due.ok) return { zh: `借给 ${reader}`, en: `To ${reader}` }
  return { zh: `借给 ${reader}，应还 ${minute(due.value)}`, en: `To ${reader}, due ${minute(due.value)}` }
}

function takenBackDetail(p: Payload, ctx: DetailContext): HistoryText {
  const handOut = ctx.events.get(str(p, 'handOutId') ?? '')
  const reader = handOut === undefined ? null : str(payloadOf(handOut), 'reader')
  return reader === null ? EMPTY : { zh: `自 ${reader} 收回`, en: `From ${reader}` }
}

function copiedDetail(p: Payload, ctx: DetailContext): HistoryText {
  const copies = Array.isArray(p.copies) ? p.copies.filter(isRecord) : []
  const mine = copies.find((c) => c.id === ctx.carrierId)
  if (mine === undefined) {
    const n = copies.length
    return { zh: `复制 ${n} 份`, en: n === 1 ? '1 copy made' : `${n} copies made` }
  }
  const originalId = str(p, 'originalId') ?? ''
  const original = ctx.state.carriers.get(originalId)?.serial ?? originalId
  const n = typeof mine.copyNumber === 'number' ? mine.copyNumber : null
  return {
    zh: n === null ? `复制自 ${original}` : `复制自 ${original}，份号 ${n}`,
    en: n === null ? `Copy of ${original}` : `Copy of ${original}, copy no. ${n}`,
  }
}

function destroyedDetail(p: Payload): HistoryText {
  const central = p.method === 'central'
  const receipt = str(p, 'receiptNumber')
  const zh = central ? '送销' : '自行销毁'
  const en = central ? 'Sent for destruction' : 'Destroyed in house'
  return receipt === null ? { zh, en } : { zh: `${zh}，回执 ${receipt}`, en: `${en}, receipt ${receipt}` }
}

function batchDetail(p: Payload): HistoryText {
  const n = strings(p.carrierIds).length
  return n > 1 ? { zh: `同批 ${n} 件`, en: `${n} in the batch` } : EMPTY
}

function resolvedDetail(type: string, p: Payload, state: RegisterState): HistoryText {
  if (type === 'anomaly.resolved') {
    const anomaly = state.anomalies.find((a) => a.id === p.anomalyId)
    return (anomaly && CARRIER_ANOMALY_TEXT[anomaly.kind]) ?? EMPTY
  }
  if (typeof p.recovered === 'boolean')
    return p.recovered ? { zh: '已追回', en: 'Recovered' } : { zh: '未追回', en: 'Not recovered' }
  return RESOLUTION_TEXT[str(p, 'resolution') ?? str(p, 'outcome') ?? ''] ?? EMPTY
}

/** rules C-06, C-08: how this carrier came back when the loan or trip it went on was closed. */
function returnDetail(p: Payload, id: string, trip: boolean): HistoryText {
  let text: HistoryText
  if (lists(p.damagedIds, id))
    text = trip ? { zh: '带回，有损坏', en: 'Back, damaged' } : { zh: '归还，有损坏', en: 'Back, damaged' }
  else if (lists(p.returnedIds, id)) text = trip ? { zh: '已带回', en: 'Back' } : { zh: '已归还', en: 'Back' }
  else text = trip ? { zh: '未带回', en: 'Not back' } : { zh: '未归还', en: 'Not back' }
  if (trip && p.custodyKept === false)
    return { zh: `${text.zh}，未能保证密不离人`, en: `${text.en}; not kept on the bearers throughout` }
  return text
}

const ELECTRONIC_ACTION: Readonly<Record<string, HistoryText>> = {
  read: { zh: '阅读', en: 'read' },
  use: { zh: '使用', en: 'use' },
  copy: { zh: '复制', en: 'copy' },
  destroy: { zh: '销毁', en: 'destroy' },
}

const MISSING_SOURCE: Readonly<Record<string, HistoryText>> = {
  reconciliation: { zh: '对账', en: 'reconciliation' },
  inspection: { zh: '检查', en: 'an inspection' },
  return: { zh: '归还', en: 'a return' },
}

function movementDetail(event: EventEnvelope, p: Payload, ctx: DetailContext): HistoryText {
  switch (event.type) {
    case 'movement.loan_out_approved':
      return { zh: `借给 ${str(p, 'borrower') ?? ''}`, en: `To ${str(p, 'borrower') ?? ''}` }
    case 'movement.loaned_out': {
      const due = num(p, 'dueAt')
      const borrower = str(p, 'borrower') ?? ''
      if (due === null) return { zh: `借给 ${borrower}`, en: `To ${borrower}` }
      return { zh: `借给 ${borrower}，应还 ${minute(due)}`, en: `To ${borrower}, due ${minute(due)}` }
    }
    case 'movement.loan_returned':
      return returnDetail(p, ctx.carrierId, false)
    case 'movement.trip_returned':
      return returnDetail(p, ctx.carrierId, true)
    case 'movement.loan_extension_requested': {
      const due = num(p, 'newDueAt')
      return due === null ? EMPTY : { zh: `续借至 ${minute(due)}`, en: `Until ${minute(due)}` }
    }
    case 'movement.carry_out_approved':
    case 'movement.carried_out': {
      const zh: string[] = []
      const en: string[] = []
      const bearers = strings(p.bearers)
      if (bearers.length > 0) zh.push(`携带人 ${bearers.join('、')}`)
      if (bearers.length > 0) en.push(`by ${bearers.join(', ')}`)
      const back = num(p, 'plannedReturnAt')
      if (back !== null) zh.push(`计划 ${minute(back)} 返回`)
      if (back !== null) en.push(`back ${minute(back)}`)
      if (p.abroad === true) zh.push('出境')
      if (p.abroad === true) en.push('abroad')
      if (p.foreignAffairs === true) zh.push('外事活动')
      if (p.foreignAffairs === true) en.push('foreign-affairs event')
      const first = en.join(', ')
      return { zh: zh.join('，'), en: first.charAt(0).toUpperCase() + first.slice(1) }
    }
    case 'movement.scope_widening_approved':
    case 'movement.scope_widened': {
      const n = strings(p.readers).length
      return { zh: `增加 ${n} 人`, en: `${n} more readers` }
    }
    case 'movement.electronic_use_approved':
    case 'movement.electronic_use_registered': {
      const action = ELECTRONIC_ACTION[str(p, 'action') ?? ''] ?? EMPTY
      const who = userName(ctx.directory, str(p, 'user') ?? '')
      return { zh: `${who} ${action.zh}`, en: `To ${action.en}, by ${who}` }
    }
    case 'movement.archive_file_registered':
      return { zh: `案卷 ${str(p, 'fileId') ?? ''}`, en: `File ${str(p, 'fileId') ?? ''}` }
    default:
      return EMPTY
  }
}

function custodyDetail(event: EventEnvelope, p: Payload, ctx: DetailContext): HistoryText {
  switch (event.type) {
    case 'custody.archived':
      return { zh: `案卷号 ${str(p, 'archiveRef') ?? ''}`, en: `Archive ref. ${str(p, 'archiveRef') ?? ''}` }
    case 'custody.withdrawal_approved':
      return { zh: `调档人 ${str(p, 'requester') ?? ''}`, en: `For ${str(p, 'requester') ?? ''}` }
    case 'custody.routing_opened':
      return { zh: `处理单 ${str(p, 'slipNumber') ?? ''}`, en: `Slip ${str(p, 'slipNumber') ?? ''}` }
    case 'custody.routing_presented': {
      const to = userName(ctx.directory, str(p, 'to') ?? '')
      return { zh: `呈 ${to}`, en: `To ${to}` }
    }
    case 'custody.handed_over': {
      const unit = str(p, 'receivingUnit') ?? ''
      const receipt = str(p, 'receiptRef') ?? ''
      return { zh: `移交 ${unit}，签收单 ${receipt}`, en: `To ${unit}, receipt ${receipt}` }
    }
    default:
      return EMPTY
  }
}

function outgoingDetail(event: EventEnvelope, p: Payload, ctx: DetailContext): HistoryText {
  switch (event.type) {
    case 'outgoing.meeting_handed_out': {
      const items = Array.isArray(p.items) ? p.items.filter(isRecord) : []
      const attendee = items.find((i) => i.carrierId === ctx.carrierId)?.attendee
      if (typeof attendee !== 'string') return EMPTY
      const who = userName(ctx.directory, attendee)
      return { zh: `发给 ${who}`, en: `To ${who}` }
    }
    case 'outgoing.meeting_collected':
      return lists(p.missing, ctx.carrierId)
        ? { zh: '缺失', en: 'Missing' }
        : { zh: '已收回', en: 'Collected' }
    case 'outgoing.return_scheduled': {
      const by = str(p, 'returnBy') ?? ''
      const to = str(p, 'toUnit') ?? ''
      return { zh: `${by} 前清退至 ${to}`, en: `To ${to} by ${by}` }
    }
    case 'outgoing.returned_to_issuer': {
      const to = str(p, 'toUnit') ?? ''
      const receipt = str(p, 'receiptRef') ?? ''
      return { zh: `清退至 ${to}，回执 ${receipt}`, en: `To ${to}, receipt ${receipt}` }
    }
    default:
      return EMPTY
  }
}

export function detailOf(event: EventEnvelope, ctx: DetailContext): HistoryText {
  const p = payloadOf(event)
  switch (event.type) {
    case 'carrier.registered':
      return registeredDetail(p, ctx)
    case 'carrier.handed_out':
      return handedOutDetail(p, event)
    case 'carrier.taken_back':
      return takenBackDetail(p, ctx)
    case 'carrier.copied':
      return copiedDetail(p, ctx)
    case 'approval.granted':
      return batchDetail(p)
    case 'carrier.destroyed':
      return destroyedDetail(p)
    case 'incident.carrier_missing': {
      const source = MISSING_SOURCE[str(p, 'source') ?? '']
      return source === undefined ? EMPTY : { zh: `${source.zh}时发现`, en: `Found missing at ${source.en}` }
    }
    default:
      break
  }
  if (event.type.endsWith('anomaly_resolved') || event.type === 'anomaly.resolved')
    return resolvedDetail(event.type, p, ctx.state)
  if (event.type.startsWith('movement.')) return movementDetail(event, p, ctx)
  if (event.type.startsWith('custody.')) return custodyDetail(event, p, ctx)
  if (event.type.startsWith('outgoing.')) return outgoingDetail(event, p, ctx)
  return EMPTY
}
