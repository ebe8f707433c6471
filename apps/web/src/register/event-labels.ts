/** What a carrier's 操作日志 calls each event type that can concern a carrier, zh-CN first. */
export interface EventLabel {
  readonly zh: string
  readonly en: string
}

const RESOLVED = { zh: '异常处理', en: 'Anomaly resolved' } as const

export const CARRIER_EVENT_LABELS: Readonly<Record<string, EventLabel>> = {
  // the carrier register (rules C-01…C-11)
  'carrier.registered': { zh: '登记', en: 'Registered' },
  'carrier.handed_out': { zh: '分发阅读', en: 'Handed out to read' },
  'carrier.taken_back': { zh: '收回', en: 'Taken back' },
  'carrier.copied': { zh: '复制', en: 'Copied' },
  'approval.granted': { zh: '审批销毁', en: 'Destruction approved' },
  'carrier.destroyed': { zh: '销毁', en: 'Destroyed' },
  'anomaly.resolved': RESOLVED,
  // movement: scope (C-03), loans (C-06), trips (C-08), electronic files (C-16), archived files (C-21)
  'movement.scope_widening_approved': { zh: '审批扩大知悉范围', en: 'Wider scope approved' },
  'movement.scope_widened': { zh: '扩大知悉范围', en: 'Scope widened' },
  'movement.loan_out_approved': { zh: '审批借出', en: 'Loan approved' },
  'movement.loaned_out': { zh: '借出', en: 'Lent out' },
  'movement.loan_returned': { zh: '归还', en: 'Returned' },
  'movement.loan_extension_requested': { zh: '申请续借', en: 'Extension requested' },
  'movement.loan_extension_approved': { zh: '审批续借', en: 'Extension approved' },
  'movement.carry_out_approved': { zh: '审批携带外出', en: 'Carrying out approved' },
  'movement.carried_out': { zh: '携带外出', en: 'Carried out' },
  'movement.trip_returned': { zh: '外出带回', en: 'Brought back' },
  'movement.electronic_use_approved': { zh: '审批电子文件使用', en: 'Electronic use approved' },
  'movement.electronic_use_registered': { zh: '电子文件使用登记', en: 'Electronic use registered' },
  'movement.archive_file_registered': { zh: '组卷', en: 'Filed in an archive file' },
  'movement.anomaly_resolved': RESOLVED,
  // custody: archive (C-10, C-21), inventory (C-13), routing (C-19), closing a unit (C-17)
  'custody.archived': { zh: '归档', en: 'Archived' },
  'custody.withdrawal_approved': { zh: '审批出档', en: 'Withdrawal approved' },
  'custody.withdrawn': { zh: '出档', en: 'Taken out of the archive' },
  'custody.inventory_confirmed': { zh: '清查在册', en: 'Confirmed at inventory' },
  'custody.inventory_missing': { zh: '清查缺失', en: 'Missing at inventory' },
  'custody.anomaly_resolved': RESOLVED,
  'custody.routing_opened': { zh: '办文登记', en: 'Routing opened' },
  'custody.routing_presented': { zh: '呈阅批', en: 'Presented for reading' },
  'custody.routing_closed': { zh: '办结', en: 'Routing closed' },
  'custody.handed_over': { zh: '移交', en: 'Handed over' },
  // outgoing: material kept (C-20), meetings (C-14), returns to the issuer (C-09)
  'outgoing.material_kept': { zh: '留存登记', en: 'Material kept' },
  'outgoing.meeting_handed_out': { zh: '会议分发', en: 'Handed out at a meeting' },
  'outgoing.meeting_collected': { zh: '会后收回', en: 'Collected after the meeting' },
  'outgoing.return_scheduled': { zh: '清退通知', en: 'Return scheduled' },
  'outgoing.returned_to_issuer': { zh: '清退', en: 'Returned to the issuer' },
  'outgoing.anomaly_resolved': RESOLVED,
  // incidents and personnel leaving a post (C-12)
  'incident.carrier_missing': { zh: '载体缺失', en: 'Carrier missing' },
  'incident.carrier_found': { zh: '找回', en: 'Found again' },
  'incident.opened': { zh: '事件登记', en: 'Incident opened' },
  'personnel.left_post': { zh: '离岗移交', en: 'Handed over on leaving the post' },
}

/** The label of an event type; a type without one reads as itself. */
export function eventLabel(type: string): EventLabel {
  return Object.hasOwn(CARRIER_EVENT_LABELS, type)
    ? (CARRIER_EVENT_LABELS[type] as EventLabel)
    : { zh: type, en: type }
}
