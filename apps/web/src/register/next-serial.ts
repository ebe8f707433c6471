import type { RegisterState } from '@secledger/domain'
import { todayDate } from './time-format.ts'

/**
 * rule C-01: the next registration number of this unit and year, `YYYY-NNNN`, proposed by the device.
 * Two offline devices may propose the same one; the fold turns that into a duplicate_serial anomaly.
 */
export function nextSerial(state: RegisterState | null, nowMs: number): string {
  const year = todayDate(nowMs).slice(0, 4)
  let max = 0
  for (const serial of state?.serials.keys() ?? []) {
    const m = /^(\d{4})-(\d{1,8})$/.exec(serial)
    if (m && m[1] === year) max = Math.max(max, Number(m[2]))
  }
  return `${year}-${String(max + 1).padStart(4, '0')}`
}
