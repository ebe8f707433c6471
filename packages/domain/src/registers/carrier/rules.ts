import { LEVEL_LABEL_ZH, type Level, requiresCopyNumbers } from '../../core/levels.ts'
import { type DomainError, domainError, err, ok, type Result } from '../../core/result.ts'
import { checkPeriod } from '../../core/secrecy-period.ts'
import {
  endOfLocalDay,
  endOfWorkingDay,
  localDay,
  startOfLocalDate,
  type WorkCalendar,
} from '../../core/work-calendar.ts'
import { checkCentralUnclassified } from './central-documents.ts'
import { checkDuplicateCopies } from './document-keys.ts'
import { type CarrierPolicy, desensitizeTitle } from './policy.ts'
import type { RuleEventOf, RuleView } from './state.ts'

/** Block rules of registration, circulation and copying. Each returns the refusal, or null to allow. */

export interface RuleContext {
  readonly calendar: WorkCalendar
  readonly policy: CarrierPolicy
}

export function unknownCarrier(id: string): DomainError {
  return domainError('CARRIER-UNKNOWN', `台账中没有载体 ${id}`, `No carrier ${id} in the register`, {
    carrierId: id,
  })
}

/** A carrier another register holds away (borrowed out, carried out, archived…): its rule's refusal. */
export function carrierAwayError(view: RuleView, id: string): DomainError | null {
  const away = view.carrierAway(id)
  return away === null
    ? null
    : domainError(away.code, away.zh, away.en, { carrierId: id, holder: away.holder })
}

function carrierExists(id: string): DomainError {
  return domainError('CARRIER-EXISTS', `载体标识 ${id} 已存在`, `Carrier id ${id} already exists`, {
    carrierId: id,
  })
}

/** New carrier ids must be fresh and distinct within the event. */
export function checkNewIds(view: RuleView, copies: readonly { readonly id: string }[]): DomainError | null {
  const seen = new Set<string>()
  for (const copy of copies) {
    if (seen.has(copy.id) || view.carriers.has(copy.id)) return carrierExists(copy.id)
    seen.add(copy.id)
  }
  return null
}

/** rule C-02: 绝密/机密 copies carry distinct positive copy numbers (份号). */
export function checkCopyNumbers(
  level: Level,
  copies: readonly { readonly copyNumber: number | null }[],
): DomainError | null {
  if (!requiresCopyNumbers(level)) return null
  const seen = new Set<number>()
  for (const copy of copies) {
    if (copy.copyNumber === null || copy.copyNumber < 1 || seen.has(copy.copyNumber))
      return domainError(
        'C-02',
        `${LEVEL_LABEL_ZH[level]}载体每份须有不重复的正整数份号（规则 C-02）`,
        'Top secret and secret carriers need a distinct positive copy number for each copy (rule C-02)',
      )
    seen.add(copy.copyNumber)
  }
  return null
}

/** rules C-01, C-02, D-03, S-02. `strict`: a serial already in use is refused (checkEvent), not merged. */
export function checkRegistration(
  view: RuleView,
  event: RuleEventOf<'carrier.registered'>,
  ctx: RuleContext,
  strict: boolean,
): DomainError | null {
  const p = event.payload
  const idError = checkNewIds(view, p.copies)
  if (idError) return idError
  // rule C-01: registered the same day at the latest, so a receipt date after the registration day is false.
  const day = localDay(event.atMs, ctx.calendar)
  const received = startOfLocalDate(p.receivedOn, ctx.calendar)
  if (received === null || p.receivedOn > day.date)
    return domainError(
      'C-01',
      `收到日期 ${p.receivedOn} 无效或晚于登记日 ${day.date}（规则 C-01）`,
      `Date received ${p.receivedOn} is invalid or after the registration day ${day.date} (rule C-01)`,
    )
  // rule C-01: numbered in sequence per unit and year of registration.
  if (p.serial.slice(0, 4) !== String(day.year))
    return domainError(
      'C-01',
      `登记编号须以登记年份 ${day.year} 开头（规则 C-01）`,
      `The serial must start with the registration year ${day.year} (rule C-01)`,
    )
  if (strict && view.serials.has(p.serial))
    return domainError(
      'C-01',
      `登记编号 ${p.serial} 已被使用（规则 C-01）`,
      `Serial ${p.serial} is already in use (rule C-01)`,
    )
  const periodError = checkPeriod(p.level, p.periodYears)
  if (periodError) return periodError
  const copyError = checkCopyNumbers(p.level, p.copies)
  if (copyError) return copyError
  // rules C-01, C-02: one paper copy, one entry. In the fold a duplicate is an anomaly (two devices).
  if (strict) {
    const copies = p.copies.map((c) => ({ ...c, issuer: p.issuer, docNumber: p.docNumber }))
    const duplicate = checkDuplicateCopies(view.carriers, copies, p.serial)
    if (duplicate) return duplicate
  }
  const centralError = checkCentralUnclassified(p)
  if (centralError) return centralError
  // rule S-02: the full title of a 绝密/机密 carrier never enters the register. An empty title (the
  // document number stands for it) is stricter than any policy and always passes.
  if (p.title !== '' && p.title !== desensitizeTitle(p.title, p.level, ctx.policy))
    return domainError(
      'S-02',
      `${LEVEL_LABEL_ZH[p.level]}载体标题须脱敏后登记（规则 S-02）`,
      'Titles of top secret and secret carriers are registered de-sensitized only (rule S-02)',
    )
  return null
}

/**
 * rule C-05: when a hand-out is due back. On a working day before closing: the end of office hours,
 * or an earlier time the officer sets. After hours or on a non-working day: the officer must set a
 * time, no later than 23:59:59.999 that day. Always after the hand-out itself.
 */
export function handOutDue(
  atMs: number,
  requested: number | undefined,
  calendar: WorkCalendar,
): Result<number> {
  const close = endOfWorkingDay(atMs, calendar)
  if (!close.ok) return close
  const latest = close.value ?? endOfLocalDay(atMs, calendar)
  if (requested === undefined) {
    if (close.value !== null) return ok(close.value)
    return err(
      domainError(
        'C-05',
        '非工作时间借阅须设定当日归还时间（规则 C-05）',
        'A hand-out outside office hours needs a return time set for the same day (rule C-05)',
      ),
    )
  }
  if (requested <= atMs || requested > latest)
    return err(
      domainError(
        'C-05',
        '归还时间须晚于借出时间且不晚于当日下班（非工作时间：当日 24 时）（规则 C-05）',
        'The return time must be after the hand-out and no later than the end of the working day (outside office hours: the end of the day) (rule C-05)',
        { latest },
      ),
    )
  return ok(requested)
}

/** rules C-04, C-05. `strict`: a carrier already out is refused; in the fold it becomes an anomaly. */
export function checkHandOut(
  view: RuleView,
  event: RuleEventOf<'carrier.handed_out'>,
  ctx: RuleContext,
  strict: boolean,
): DomainError | null {
  const carrier = view.carriers.get(event.payload.carrierId)
  if (!carrier) return unknownCarrier(event.payload.carrierId)
  if (carrier.state === 'destroyed' || (strict && carrier.state === 'out'))
    return domainError(
      'C-04',
      carrier.state === 'out'
        ? '载体已借出，须先交回保密员，不得横传（规则 C-04）'
        : '载体已销毁，不能借出（规则 C-04）',
      carrier.state === 'out'
        ? 'The carrier is out: it must come back to the officer first, never pass reader to reader (rule C-04)'
        : 'The carrier is destroyed and cannot be handed out (rule C-04)',
      { state: carrier.state },
    )
  const away = carrierAwayError(view, carrier.id)
  if (away !== null) return away
  const when = event.payload.happenedAt
  if (when !== undefined) {
    const late = checkLateEntry(
      when,
      event.atMs,
      carrier.updatedAt,
      '载体上一次变动',
      'the carrier’s last change',
    )
    if (late) return late
  }
  const due = handOutDue(when ?? event.atMs, event.payload.dueAt, ctx.calendar)
  return due.ok ? null : due.error
}

/**
 * 补录 (issue 11 item 4): a late entry happened no later than it is recorded and not before what it
 * follows (the carrier's last change, the hand-out it closes), so the history it completes stays in order.
 */
export function checkLateEntry(
  happenedAt: number,
  recordedAt: number,
  notBefore: number,
  beforeZh: string,
  beforeEn: string,
): DomainError | null {
  if (happenedAt > recordedAt)
    return domainError(
      'C-04',
      '补录的发生时间不能晚于登记时间（规则 C-04）',
      'A late entry cannot have happened after it is recorded (rule C-04)',
      {
        happenedAt,
        recordedAt,
      },
    )
  if (happenedAt < notBefore)
    return domainError(
      'C-04',
      `补录的发生时间不能早于${beforeZh}（规则 C-04）`,
      `A late entry cannot have happened before ${beforeEn} (rule C-04)`,
      { happenedAt, notBefore },
    )
  return null
}

/** rule C-04: a carrier comes back to the officer against an open hand-out. */
export function checkTakeBack(view: RuleView, event: RuleEventOf<'carrier.taken_back'>): DomainError | null {
  const carrier = view.carriers.get(event.payload.carrierId)
  if (!carrier) return unknownCarrier(event.payload.carrierId)
  const handOut = carrier.holders.find((h) => h.id === event.payload.handOutId)
  if (!handOut)
    return domainError(
      'C-04',
      '没有对应的未归还借阅记录（规则 C-04）',
      'No open hand-out of this carrier matches (rule C-04)',
      { handOutId: event.payload.handOutId },
    )
  const when = event.payload.happenedAt
  return when === undefined
    ? null
    : checkLateEntry(when, event.atMs, handOut.handedOutAt, '借出时间', 'the hand-out')
}
