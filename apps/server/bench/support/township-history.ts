import {
  DEFAULT_CALENDAR,
  DEFAULT_UNIT_POLICY,
  desensitizeTitle,
  type EventEnvelope,
  formatHlc,
  isStateSecret,
  isWorkingDay,
} from '@secledger/domain'
import type { BenchUnit } from './bench-units.ts'

const DAY_MS = 86_400_000
const DEVICES = ['office-pc', 'laptop', 'tablet'] as const

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * A township's register history, every event really signed: per working day of 2025–2026 ~25
 * registrations (30% with two copies), ~90 hand-outs each taken back the same day, a few copies and
 * destructions with a leader's approval — ~10,000 carriers per 100,000 events, within office hours so
 * the fold accepts them. Deterministic for a seed.
 */
export function townshipHistory(unit: BenchUnit, count: number, seed = 7): EventEnvelope[] {
  const random = mulberry32(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const events: EventEnvelope[] = []
  const inCustody: string[] = []
  const serialSeq = new Map<number, number>()
  let carrierSeq = 0
  let device: string = DEVICES[0]

  function emit(type: string, payload: unknown, atMs: number, byLeader = false): string {
    const sign = byLeader ? unit.signLeader : unit.signOfficer
    const event = sign({
      unit: unit.id,
      type,
      payload,
      actor: byLeader ? unit.leader : unit.officer,
      device,
      at: formatHlc({ wallMs: atMs, counter: 0, node: device }),
    })
    events.push(event)
    return event.id
  }

  let day = Date.parse('2025-01-02T00:00:00+08:00')
  while (events.length < count) {
    const working = isWorkingDay(day, DEFAULT_CALENDAR)
    if (!working.ok) throw new Error('history longer than the calendar')
    if (!working.value) {
      day += DAY_MS
      continue
    }
    device = pick(DEVICES)
    const date = new Date(day + 8 * 3_600_000).toISOString().slice(0, 10)
    const year = Number(date.slice(0, 4))
    let t = day + 8.75 * 3_600_000 // 08:45 local
    const step = (): number => {
      t += 1_000 + Math.floor(random() * 60_000)
      return t
    }
    for (let i = 0; i < 25 && events.length < count; i++) {
      const seq = (serialSeq.get(year) ?? 0) + 1
      serialSeq.set(year, seq)
      const level = pick(['secret', 'confidential', 'confidential', 'work_secret', 'internal'] as const)
      const ids = Array.from({ length: random() < 0.3 ? 2 : 1 }, () => `${unit.id}-c${++carrierSeq}`)
      emit(
        'carrier.registered',
        {
          // Classified electronic files need a C-16 registration (movement register) before a copy or a
          // destruction, which this history does not write: its electronic carriers are not state secrets.
          kind: isStateSecret(level)
            ? pick(['paper', 'paper', 'medium'] as const)
            : pick(['paper', 'electronic'] as const),
          direction: pick(['received', 'produced'] as const),
          issuer: '县委办公室',
          docNumber: `县委办〔${year}〕${seq}号`,
          title: desensitizeTitle(`关于第${seq}项工作的通知`, level, DEFAULT_UNIT_POLICY),
          level,
          periodYears: level === 'secret' ? 10 : null,
          scope: '镇领导班子',
          serial: `${year}-${String(seq).padStart(4, '0')}`,
          receivedOn: date,
          copies: ids.map((id, n) => ({ id, copyNumber: level === 'secret' ? n + 1 : null })),
        },
        step(),
      )
      inCustody.push(...ids)
    }
    const outToday: { carrierId: string; handOutId: string }[] = []
    for (let i = 0; i < 90 && events.length < count && inCustody.length > 0; i++) {
      const index = Math.floor(random() * inCustody.length)
      const carrierId = inCustody[index] as string
      inCustody[index] = inCustody[inCustody.length - 1] as string
      inCustody.pop()
      const handOutId = emit(
        'carrier.handed_out',
        { carrierId, reader: pick(['刘读者', '陈读者', '杨读者']) },
        step(),
      )
      outToday.push({ carrierId, handOutId })
    }
    for (const { carrierId, handOutId } of outToday) {
      if (events.length >= count) break
      emit('carrier.taken_back', { carrierId, handOutId }, step())
      inCustody.push(carrierId)
    }
    for (let i = 0; i < 6 && events.length < count && inCustody.length > 0; i++) {
      const copyId = `${unit.id}-c${++carrierSeq}`
      emit(
        'carrier.copied',
        {
          originalId: pick(inCustody),
          copies: [{ id: copyId, copyNumber: 90 + i }],
          approvalRef: '批复〔2026〕1号',
          copier: '复印机 A',
        },
        step(),
      )
      inCustody.push(copyId)
    }
    for (let i = 0; i < 4 && events.length + 1 < count && inCustody.length > 2; i++) {
      const carrierIds = [inCustody.pop() as string, inCustody.pop() as string]
      const approvalId = emit('approval.granted', { subject: 'carrier.destroy', carrierIds }, step(), true)
      emit(
        'carrier.destroyed',
        { carrierIds, approvalId, method: 'central', receiptNumber: `XB-${i}` },
        step(),
      )
    }
    day += DAY_MS
  }
  return events
}
