import { distinctHands, requirePost } from '../../core/approvals.ts'
import type { SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import { localDay } from '../../core/work-calendar.ts'
import { isValidDate } from './dates.ts'
import type { PersonnelApprovalSubject, PersonnelEventPayloads, PersonnelEventType } from './events.ts'
import { type PersonnelPolicy, POST_LEVEL_LABEL_ZH } from './policy.ts'
import type { Person, PersonnelApproval, PersonnelWork } from './state.ts'

/** Block rules of the classified-personnel register. Each returns the refusal, or null to allow. */

export type PersonnelSliceEvent<T extends PersonnelEventType> = SliceEvent<T, PersonnelEventPayloads[T]>

export function isError<T extends object>(x: T | DomainError): x is DomainError {
  return 'code' in x && 'message' in x
}

export function badDate(date: string): DomainError {
  return domainError('PERSONNEL-DATE', `日期无效：${date}`, `Not a valid date: ${date}`, { date })
}

/**
 * rule P-05: every P/T event is about a person in the staff register, still at the unit. The register
 * records the employment type, and no type is exempt: 临时聘用人员 and 实习生 go through the same checks.
 */
export function activePerson(work: PersonnelWork, personId: string): Person | DomainError {
  const p = work.persons.get(personId)
  if (p === undefined)
    return domainError(
      'P-05',
      `${personId} 未在人员台账中登记（含临时聘用人员、实习生；规则 P-05）`,
      `${personId} is not in the staff register (temporary hires and interns included; rule P-05)`,
      { personId },
    )
  if (p.leftUnitOn !== null)
    return domainError(
      'PERSONNEL-LEFT-UNIT',
      `${p.name} 已于 ${p.leftUnitOn} 离开本单位`,
      `${p.name} left the unit on ${p.leftUnitOn}`,
      { personId },
    )
  return p
}

/**
 * rules P-01, T-02: trained = attended a session held on or before `date` (local), with a passing score
 * where the session was scored. A session is only on record once its event is folded.
 */
export function trainedBy(
  work: PersonnelWork,
  personId: string,
  date: string,
  policy: PersonnelPolicy,
): boolean {
  for (const s of work.sessions.values()) {
    if (s.heldOn > date) continue
    for (const a of s.attendees)
      if (a.personId === personId && (a.score === null || a.score >= policy.passScore)) return true
  }
  return false
}

export function checkRegistered(
  work: PersonnelWork,
  event: PersonnelSliceEvent<'personnel.registered'>,
  ctx: SliceContext,
): DomainError | null {
  const p = event.payload
  if (work.persons.has(p.personId))
    return domainError(
      'PERSONNEL-EXISTS',
      `人员标识 ${p.personId} 已登记`,
      `Person ${p.personId} is already registered`,
    )
  if (!isValidDate(p.startsOn, ctx.calendar)) return badDate(p.startsOn)
  return null
}

/** rule P-01: filing (备案) for one post at a time. */
export function checkFiled(
  work: PersonnelWork,
  event: PersonnelSliceEvent<'personnel.filed'>,
): DomainError | null {
  const p = activePerson(work, event.payload.personId)
  if (isError(p)) return p
  if (p.post !== null)
    return domainError(
      'PERSONNEL-ON-POST',
      `${p.name} 已在涉密岗位，变更岗位须先离岗`,
      `${p.name} is already on a classified post; leave it before filing for another`,
      { personId: p.id },
    )
  return null
}

/** rule P-01: the certificate (持证上岗) follows passed training (先培训后上岗). */
export function checkCertificateIssued(
  work: PersonnelWork,
  event: PersonnelSliceEvent<'personnel.certificate_issued'>,
  ctx: SliceContext,
  policy: PersonnelPolicy,
): DomainError | null {
  const p = activePerson(work, event.payload.personId)
  if (isError(p)) return p
  const today = localDay(event.atMs, ctx.calendar).date
  if (!trainedBy(work, p.id, today, policy))
    return domainError(
      'P-01',
      `${p.name} 尚未参加保密培训（或考试未合格），不能发证（规则 P-01）`,
      `${p.name} has no passed secrecy training on record; no certificate (rule P-01)`,
      { personId: p.id },
    )
  return null
}

/** rule P-02: the on-post commitment before taking the post; the departure commitment while on it. */
export function checkCommitmentSigned(
  work: PersonnelWork,
  event: PersonnelSliceEvent<'personnel.commitment_signed'>,
): DomainError | null {
  const p = activePerson(work, event.payload.personId)
  if (isError(p)) return p
  if (event.payload.kind === 'departure' && p.post === null)
    return domainError(
      'P-02',
      `${p.name} 不在涉密岗位，无离岗承诺可签（规则 P-02）`,
      `${p.name} is not on a classified post; there is no departure commitment to sign (rule P-02)`,
      { personId: p.id },
    )
  return null
}

/**
 * rules P-04, B-04: the 分管领导 of the organisation register reviews, or the main leader above them
 * (who approves the 分管领导's own case). rule P-03: the decontamination period. Four eyes: nobody
 * approves their own post or travel, whatever posts they hold.
 */
export function checkApproved(
  work: PersonnelWork,
  event: PersonnelSliceEvent<'personnel.approved'>,
  policy: PersonnelPolicy,
  ctx: SliceContext,
): DomainError | null {
  const a = event.payload
  const p = activePerson(work, a.personId)
  if (isError(p)) return p
  const signer =
    requirePost('P-04', ctx.view, event.actor, ['responsible_leader', 'first_responsible']) ??
    distinctHands('P-04', [
      ...(p.userId === null ? [] : [{ zh: '当事人', en: 'person concerned', person: p.userId }]),
      { zh: '审批人', en: 'approver', person: event.actor },
    ])
  if (signer !== null) return signer
  if (a.subject === 'take_post' && p.post !== null)
    return domainError(
      'PERSONNEL-ON-POST',
      `${p.name} 已在涉密岗位`,
      `${p.name} is already on a classified post`,
      { personId: p.id },
    )
  if (a.subject === 'leave_post' && p.post === null) return notOnPost(p)
  if (a.decontaminationMonths !== undefined) {
    if (a.subject !== 'leave_post' || p.post === null)
      return domainError(
        'P-03',
        '脱密期只能在离岗审批中确定（规则 P-03）',
        'A decontamination period is set only when approving leaving a post (rule P-03)',
      )
    const range = policy.decontaminationMonths[p.post.level]
    if (a.decontaminationMonths < range.minMonths || a.decontaminationMonths > range.maxMonths)
      return domainError(
        'P-03',
        `${POST_LEVEL_LABEL_ZH[p.post.level]}涉密人员脱密期为 ${range.minMonths}–${range.maxMonths} 个月（规则 P-03）`,
        `The decontamination period of a ${p.post.level} post is ${range.minMonths}–${range.maxMonths} months (rule P-03)`,
        { months: a.decontaminationMonths, range },
      )
  }
  return null
}

export function notOnPost(p: Person): DomainError {
  return domainError(
    'PERSONNEL-NOT-ON-POST',
    `${p.name} 不在涉密岗位`,
    `${p.name} is not on a classified post`,
    { personId: p.id },
  )
}

const SUBJECT_ZH: Readonly<Record<PersonnelApprovalSubject, string>> = {
  take_post: '上岗',
  leave_post: '离岗',
  travel_abroad: '出国（境）',
}

/** rule P-04: an unused approval of a leader, for this person and this subject. */
export function usableApproval(
  work: PersonnelWork,
  approvalId: string,
  personId: string,
  subject: PersonnelApprovalSubject,
): PersonnelApproval | DomainError {
  const a = work.approvals.get(approvalId)
  if (a === undefined || a.personId !== personId || a.subject !== subject || a.usedBy !== null)
    return domainError(
      'P-04',
      `${SUBJECT_ZH[subject]}须经分管领导审查批准（规则 P-04）`,
      `${subject} needs the responsible leader's approval, unused and for this person (rule P-04)`,
      { approvalId, personId, subject },
    )
  return a
}

/**
 * rules P-01, P-02, P-04, T-02: filed first, trained first (before the first day on the post: T-02's
 * "taught before they start", refused for classified posts), then on the post with a certificate, a
 * signed on-post commitment (newer than any earlier departure) and the leader's approval.
 */
export function checkTookPost(
  work: PersonnelWork,
  event: PersonnelSliceEvent<'personnel.took_post'>,
  ctx: SliceContext,
  policy: PersonnelPolicy,
): DomainError | null {
  const p = activePerson(work, event.payload.personId)
  if (isError(p)) return p
  if (p.post !== null)
    return domainError(
      'PERSONNEL-ON-POST',
      `${p.name} 已在涉密岗位`,
      `${p.name} is already on a classified post`,
      { personId: p.id },
    )
  if (p.filing === null)
    return domainError(
      'P-01',
      `${p.name} 未向保密局备案，不能上岗（先备案后上岗，规则 P-01）`,
      `${p.name} is not filed with the secrecy bureau; filed first, then on the post (rule P-01)`,
      { personId: p.id },
    )
  const today = localDay(event.atMs, ctx.calendar).date
  if (!trainedBy(work, p.id, today, policy))
    return domainError(
      'T-02',
      `${p.name} 上岗前未接受保密教育培训（先培训后上岗，规则 T-02、P-01）`,
      `${p.name} has not been taught before starting on a classified post (rules T-02, P-01)`,
      { personId: p.id },
    )
  if (p.certificate === null)
    return domainError(
      'P-01',
      `${p.name} 未取得上岗证，不能上岗（持证上岗，规则 P-01）`,
      `${p.name} holds no certificate; on the post only with one (rule P-01)`,
      { personId: p.id },
    )
  const lastLeft = p.departures.at(-1)?.leftAtMs ?? Number.NEGATIVE_INFINITY
  if (!p.commitments.some((c) => c.kind === 'on_post' && c.atMs > lastLeft))
    return domainError(
      'P-02',
      `${p.name} 未签订保密承诺书（规则 P-02）`,
      `${p.name} has not signed the secrecy commitment (rule P-02)`,
      { personId: p.id },
    )
  const a = usableApproval(work, event.payload.approvalId, p.id, 'take_post')
  return isError(a) ? a : null
}
