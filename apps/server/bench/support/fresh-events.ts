import { DEFAULT_CALENDAR, type EventEnvelope, formatHlc, localDay } from '@secledger/domain'
import type { BenchUnit } from './bench-units.ts'

let lastMs = 0
let counter = 0

/** A new, valid registration of one carrier in `unit`, signed now (what a device sends on 登记). */
export function freshRegistration(unit: BenchUnit, serialNo: number, device: string): EventEnvelope {
  // As a device's hybrid logical clock: never backwards. (A counter wrapping within one millisecond made
  // a 10,000-event upload arrive out of log order, so the fold refolded the unit's whole log ~10 times.)
  const atMs = Math.max(Date.now(), lastMs)
  counter = atMs === lastMs ? counter + 1 : 0
  lastMs = atMs
  const day = localDay(atMs, DEFAULT_CALENDAR)
  return unit.signOfficer({
    unit: unit.id,
    type: 'carrier.registered',
    actor: unit.officer,
    device,
    at: formatHlc({ wallMs: atMs, counter, node: device }),
    payload: {
      kind: 'paper',
      direction: 'received',
      issuer: '县委办公室',
      docNumber: `县委办〔${day.year}〕${serialNo}号`,
      title: `关于第${serialNo}项工作的通知`,
      level: 'internal',
      periodYears: null,
      scope: '镇领导班子',
      serial: `${day.year}-${String(serialNo).padStart(5, '0')}`,
      receivedOn: day.date,
      copies: [{ id: `${unit.id}-n${serialNo}`, copyNumber: null }],
    },
  })
}
