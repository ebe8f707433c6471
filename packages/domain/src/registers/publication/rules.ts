import { distinctHands, requirePost } from '../../core/approvals.ts'
import { directoryUser } from '../../core/key-directory.ts'
import type { SliceContext, SliceEvent } from '../../core/register-slice.ts'
import { type DomainError, domainError } from '../../core/result.ts'
import type { PublicationEventPayloads, PublicationEventType, ReviewCapacity } from './events.ts'
import { type PublicationItem, type PublicationWork, reviewerKey } from './state.ts'

/** Block rules of publication review (rules R-01..R-06). Each returns the refusal, or null. */

export type PublicationSliceEvent<T extends PublicationEventType> = SliceEvent<T, PublicationEventPayloads[T]>

function rule(
  code: string,
  zh: string,
  en: string,
  details?: Readonly<Record<string, unknown>>,
): DomainError {
  return domainError(code, `${zh}（规则 ${code}）`, `${en} (rule ${code})`, details)
}

function item(work: PublicationWork, id: string): PublicationItem | DomainError {
  return (
    work.items.get(id) ??
    rule('R-01', `信息 ${id} 未提交保密审查`, `Item ${id} was never submitted for review`, { itemId: id })
  )
}

function isError(x: object): x is DomainError {
  return 'code' in x && 'message' in x
}

function wrongState(i: PublicationItem): DomainError {
  if (i.state === 'escalated')
    return rule('R-04', `信息 ${i.id} 已报保密局，待其答复`, `Item ${i.id} awaits the bureau's reply`)
  if (i.state === 'not_publishable')
    return rule(
      'R-04',
      `保密局答复信息 ${i.id} 不予公开`,
      `The bureau replied that item ${i.id} is not published`,
    )
  if (i.state === 'withholding' || i.state === 'withheld')
    return rule('R-05', `信息 ${i.id} 已申请不予公开`, `Item ${i.id} is proposed for or withheld`)
  return domainError('PUB-STATE', `信息 ${i.id} 当前状态为 ${i.state}`, `Item ${i.id} is ${i.state}`, {
    state: i.state,
  })
}

export function checkReviewerDesignated(
  event: PublicationSliceEvent<'publication.reviewer_designated'>,
  ctx: SliceContext,
): DomainError | null {
  const user = directoryUser(ctx.directory, event.payload.userId)
  if (user !== undefined && user.unit === ctx.unit) return null
  return domainError('PUB-USER', `用户 ${event.payload.userId} 不是本单位用户`, 'Not a user of this unit')
}

export function checkReviewerRevoked(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.reviewer_revoked'>,
): DomainError | null {
  if (work.reviewers.has(reviewerKey(event.payload.post, event.payload.userId))) return null
  return domainError('PUB-USER', '该用户未被指定', 'The user is not designated for this post')
}

export function checkSubmitted(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.submitted'>,
): DomainError | null {
  if (!work.items.has(event.payload.itemId)) return null
  return domainError('PUB-EXISTS', `信息 ${event.payload.itemId} 已提交`, 'The item was already submitted')
}

const CAPACITY_PART: Readonly<Record<ReviewCapacity, { zh: string; en: string }>> = {
  section_head: { zh: '初审人（科室负责人）', en: 'section head' },
  responsible_leader: { zh: '分管领导', en: 'responsible leader' },
  classifier: { zh: '定密责任人', en: 'classifier' },
}

/**
 * rules R-02, B-04: first review by a designated section head, then the responsible leader and the
 * classifier, both read from the organisation register at the event's time. Four eyes: the submitter,
 * the section head, the leader and the classifier are all distinct persons (a person holding two
 * posts signs only one step).
 */
export function checkReviewed(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.reviewed'>,
  ctx: SliceContext,
): DomainError | null {
  const i = item(work, event.payload.itemId)
  if (isError(i)) return i
  const { capacity } = event.payload
  const actor = event.actor
  if (capacity === 'section_head') {
    if (i.state !== 'submitted')
      return i.state === 'first_passed'
        ? rule('R-02', '初审已完成', 'The first review is done')
        : wrongState(i)
    if (!work.reviewers.has(reviewerKey('section_head', actor)))
      return rule(
        'R-02',
        '初审须由指定的科室负责人进行',
        'The first review is by a designated section head',
        {
          actor,
        },
      )
  } else {
    if (i.state === 'submitted') return rule('R-02', '须先经科室负责人初审', 'The section head reviews first')
    if (i.state !== 'first_passed') return wrongState(i)
    const post = requirePost('R-02', ctx.view, actor, [capacity])
    if (post !== null) return post
    if (i.reviews.some((r) => r.capacity === capacity))
      return rule('R-02', '该复审已签署', 'This second-step review is already signed')
  }
  return distinctHands('R-02', [
    { zh: '提交人', en: 'submitter', person: i.submitter },
    ...i.reviews.map((r) => ({ ...CAPACITY_PART[r.capacity], person: r.by })),
    { ...CAPACITY_PART[capacity], person: actor },
  ])
}

/** rule R-04: escalation while under the unit's review. */
export function checkEscalated(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.escalated'>,
): DomainError | null {
  const i = item(work, event.payload.itemId)
  if (isError(i)) return i
  return i.state === 'submitted' || i.state === 'first_passed' ? null : wrongState(i)
}

/** rule R-04: only an escalated item gets the bureau's reply, once. */
export function checkBureauReplied(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.bureau_replied'>,
): DomainError | null {
  const i = item(work, event.payload.itemId)
  if (isError(i)) return i
  if (i.state === 'escalated') return null
  return rule('R-04', `信息 ${i.id} 未报保密局`, `Item ${i.id} is not escalated to the bureau`)
}

/**
 * rules: publishing needs a completed review; the register line names time, publisher,
 * approver, channel and scope. Choice: the channel and scope are those reviewed (another channel or a
 * wider scope was never reviewed: R-01), and the time of publication is not before the approval.
 */
export function checkPublished(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.published'>,
): DomainError | null {
  const i = item(work, event.payload.itemId)
  if (isError(i)) return i
  const p = event.payload
  if (i.state === 'published') return wrongState(i)
  if (i.state !== 'approved' || i.approvedAt === null || i.approver === null)
    return i.state === 'escalated' ||
      i.state === 'not_publishable' ||
      i.state === 'withholding' ||
      i.state === 'withheld'
      ? wrongState(i)
      : rule('R-01', `信息 ${i.id} 未完成保密审查，不得公开`, `Item ${i.id} has no completed review`, {
          state: i.state,
        })
  if (p.channel !== i.channel || p.scope !== i.scope)
    return rule('R-01', '发布渠道或范围与审查时不同', 'The channel or scope differs from what was reviewed', {
      channel: p.channel,
      scope: p.scope,
    })
  if (p.publishedAt < i.approvedAt || p.publishedAt > event.atMs)
    return rule(
      'R-03',
      '发布时间须在审查完成之后、登记之前',
      'The time of publication must be after the approval and not after its registration',
    )
  return null
}

/** rule R-05: a stated reason, on an item not yet published or decided. */
export function checkWithholdingProposed(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.withholding_proposed'>,
): DomainError | null {
  const i = item(work, event.payload.itemId)
  if (isError(i)) return i
  if (event.payload.reason.trim().length === 0)
    return rule('R-05', '不予公开须说明理由', 'Withholding needs a stated reason')
  return i.state === 'submitted' || i.state === 'first_passed' || i.state === 'approved'
    ? null
    : wrongState(i)
}

/**
 * rules R-05, B-04: confirmed by the designated 保密审查责任人 and the 分管领导 of the organisation
 * register. Four eyes: the proposer and the two confirmers are three different persons.
 */
export function checkWithholdingConfirmed(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.withholding_confirmed'>,
  ctx: SliceContext,
): DomainError | null {
  const i = item(work, event.payload.itemId)
  if (isError(i)) return i
  const w = i.withholding
  if (i.state !== 'withholding' || w === null)
    return rule('R-05', `信息 ${i.id} 没有待确认的不予公开申请`, `Item ${i.id} has no pending withholding`)
  const { capacity } = event.payload
  const actor = event.actor
  if (capacity === 'responsible_leader') {
    const post = requirePost('R-05', ctx.view, actor, ['responsible_leader'])
    if (post !== null) return post
  } else if (!work.reviewers.has(reviewerKey('review_officer', actor)))
    return rule(
      'R-05',
      '须由指定的保密审查责任人确认',
      `The confirmation as ${capacity} needs that designation`,
      {
        actor,
      },
    )
  if (w.confirmations.some((c) => c.capacity === capacity))
    return rule('R-05', '该项确认已签署', `The confirmation as ${capacity} is already signed`, { actor })
  return distinctHands('R-05', [
    { zh: '不予公开申请人', en: 'proposer', person: w.proposedBy },
    ...w.confirmations.map((c) => ({ ...CONFIRMATION_PART[c.capacity], person: c.by })),
    { ...CONFIRMATION_PART[capacity], person: actor },
  ])
}

const CONFIRMATION_PART: Readonly<
  Record<'review_officer' | 'responsible_leader', { zh: string; en: string }>
> = {
  review_officer: { zh: '保密审查责任人', en: 'review officer' },
  responsible_leader: { zh: '分管领导', en: 'responsible leader' },
}

export function checkLeakFound(
  work: PublicationWork,
  event: PublicationSliceEvent<'publication.leak_found'>,
): DomainError | null {
  const p = event.payload
  if (work.incidents.has(p.incidentId))
    return domainError('PUB-EXISTS', `事件 ${p.incidentId} 已登记`, 'The incident is already recorded')
  if (p.foundAt > event.atMs)
    return rule('R-06', '发现时间晚于登记时间', 'The finding is later than its registration')
  if (p.itemId !== undefined && !work.items.has(p.itemId))
    return rule('R-06', `信息 ${p.itemId} 不在登记簿中`, `Item ${p.itemId} is not registered`)
  return null
}

/**
 * rule R-06: each step once, on an open incident; closing needs the take-down, the trace and the
 * report all recorded.
 */
export function checkLeakStep(
  work: PublicationWork,
  event: PublicationSliceEvent<
    | 'publication.leak_taken_down'
    | 'publication.leak_traced'
    | 'publication.leak_reported'
    | 'publication.leak_closed'
  >,
): DomainError | null {
  const inc = work.incidents.get(event.payload.incidentId)
  if (inc === undefined)
    return rule('R-06', `事件 ${event.payload.incidentId} 未登记`, 'The incident is not recorded')
  if (inc.closedAt !== null) return domainError('PUB-STATE', '事件已结案', 'The incident is closed')
  const done =
    event.type === 'publication.leak_taken_down'
      ? inc.takenDownAt
      : event.type === 'publication.leak_traced'
        ? inc.tracedAt
        : event.type === 'publication.leak_reported'
          ? inc.reportedAt
          : null
  if (done !== null) return domainError('PUB-EXISTS', '该步骤已登记', 'This step is already recorded')
  if (
    event.type === 'publication.leak_closed' &&
    (inc.takenDownAt === null || inc.tracedAt === null || inc.reportedAt === null)
  )
    return rule('R-06', '须先删除、追查并上报，方可结案', 'Take-down, trace and report come before closing')
  return null
}
