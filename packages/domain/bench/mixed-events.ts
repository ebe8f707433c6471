import { computeEventId, type EventEnvelope } from '../src/core/event-envelope.ts'
import { formatHlc } from '../src/core/hlc.ts'
import type { KeyDirectory } from '../src/core/key-directory.ts'
import { isStateSecret } from '../src/core/levels.ts'
import { DEFAULT_CALENDAR, isWorkingDay } from '../src/core/work-calendar.ts'
import type { CarrierEventPayloads, CarrierEventType } from '../src/registers/carrier/events.ts'
import { DEFAULT_UNIT_POLICY } from '../src/unit/policy.ts'
import type { FoldContext } from '../src/unit/unit-state.ts'

/**
 * A realistic township history for the fold benchmark: registrations, hand-outs and take-backs within
 * office hours, copies, approvals and destructions, and cipher telegrams of the telegram register in
 * the same log (~8% of events), on the working days of 2025–2026. Ids are real
 * content hashes; signatures are a placeholder, checked by `verify: () => true` (signature cost is
 * measured apart: ARCHITECTURE "Traps").
 */

const UNIT = 'town-1'
const FAKE_SIG = '0'.repeat(128)
const DAY_MS = 86_400_000

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

export const BENCH_DIRECTORY: KeyDirectory = {
  users: {
    officer1: {
      id: 'officer1',
      unit: UNIT,
      roles: ['officer'],
      displayName: '王保密',
      publicKey: 'a'.repeat(64),
    },
    leader1: {
      id: 'leader1',
      unit: UNIT,
      roles: ['leader'],
      displayName: '李镇长',
      publicKey: 'b'.repeat(64),
    },
  },
}

export const BENCH_CONTEXT: FoldContext = {
  unit: UNIT,
  directory: BENCH_DIRECTORY,
  calendar: DEFAULT_CALENDAR,
  policy: { ...DEFAULT_UNIT_POLICY, copyPoints: [{ id: 'cp-1', name: '县定点复制单位' }] },
  verify: () => true,
}

export function mixedEvents(count: number, seed = 7): EventEnvelope[] {
  const random = mulberry32(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const events: EventEnvelope[] = []
  const inCustody: string[] = []
  let carrierSeq = 0
  const serialSeq = new Map<number, number>()
  const telegramSeq = new Map<number, number>()

  function emit<T extends string>(
    type: T,
    payload: T extends CarrierEventType ? CarrierEventPayloads[T] : Record<string, unknown>,
    atMs: number,
  ): string {
    const draft = {
      unit: UNIT,
      type,
      payload,
      actor: type === 'approval.granted' ? 'leader1' : 'officer1',
      device: 'pc1',
      at: formatHlc({ wallMs: atMs, counter: 0, node: 'pc1' }),
    }
    const id = computeEventId(draft)
    events.push({ ...draft, id, sig: FAKE_SIG })
    return id
  }

  let day = Date.parse('2025-01-02T00:00:00+08:00')
  while (events.length < count) {
    const working = isWorkingDay(day, DEFAULT_CALENDAR)
    if (!working.ok) throw new Error('history longer than the calendar: raise the daily volume')
    if (!working.value) {
      day += DAY_MS
      continue
    }
    const date = new Date(day + 8 * 3_600_000).toISOString().slice(0, 10)
    const year = Number(date.slice(0, 4))
    let t = day + 8.75 * 3_600_000 // 08:45 local
    const step = () => {
      t += 1_000 + Math.floor(random() * 60_000)
      return t
    }
    // ~220 events a working day: registrations first, then circulation, copies, destruction
    for (let i = 0; i < 25 && events.length < count; i++) {
      const seq = (serialSeq.get(year) ?? 0) + 1
      serialSeq.set(year, seq)
      const level = pick(['secret', 'confidential', 'confidential', 'work_secret', 'internal'] as const)
      const copies = random() < 0.3 ? 2 : 1
      const ids = Array.from({ length: copies }, () => `c${++carrierSeq}`)
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
          title: level === 'secret' ? '关于＊＊＊' : `关于第${seq}项工作的通知`,
          level,
          periodYears: level === 'secret' ? 10 : level === 'confidential' ? null : null,
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
      const originalId = pick(inCustody)
      const copyId = `c${++carrierSeq}`
      emit(
        'carrier.copied',
        {
          originalId,
          copies: [{ id: copyId, copyNumber: 90 + i }],
          approval: {
            authority: 'issuing_organ',
            approver: '县委办公室',
            reference: '批复〔2026〕1号',
            approvedOn: date,
          },
          place: { kind: 'licensed_point', pointId: 'cp-1' },
        },
        step(),
      )
      inCustody.push(copyId)
    }
    // Cipher telegrams (another register in the same log): received, acknowledged, handled (E-01..E-03).
    for (let i = 0; i < 6 && events.length + 2 < count; i++) {
      const seq = (telegramSeq.get(year) ?? 0) + 1
      telegramSeq.set(year, seq)
      const telegramId = `t${year}-${seq}`
      const receivedAt = step()
      emit(
        'telegram.received',
        {
          telegramId,
          serial: `${year}-${String(seq).padStart(4, '0')}`,
          fromUnit: '县委机要局',
          docNumber: `县机电〔${year}〕${seq}号`,
          level: pick(['confidential', 'secret'] as const),
          precedence: 'routine',
          important: false,
          earlyWarning: false,
          receivedAt,
        },
        receivedAt,
      )
      emit('telegram.acknowledged', { telegramId }, step())
      emit('telegram.handled', { telegramId }, step())
    }
    for (let i = 0; i < 4 && events.length + 1 < count && inCustody.length > 2; i++) {
      const carrierIds = [inCustody.pop() as string, inCustody.pop() as string]
      const approvalId = emit('approval.granted', { subject: 'carrier.destroy', carrierIds }, step())
      emit(
        'carrier.destroyed',
        { carrierIds, approvalId, method: 'central', receiptNumber: `XB-${i}` },
        step(),
      )
    }
    day += DAY_MS
  }
  // As they arrive from the sync layer or the database: parsed JSON (flat strings, not the ropes that
  // string building leaves behind, which V8 would flatten on first use inside the timed fold).
  return JSON.parse(JSON.stringify(events)) as EventEnvelope[]
}
