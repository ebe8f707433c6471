import {
  DEFAULT_CALENDAR,
  DEFAULT_UNIT_POLICY,
  type EventEnvelope,
  type FoldContext,
  foldUnitRegister,
  type RegisterState,
} from '@secledger/domain'
import { publicationRegister } from '@secledger/domain/registers/publication'
import type { FormValues } from '@secledger/ui/logic'
import { describe, expect, it } from 'vitest'
import { agendaGroups } from '../src/register/agenda-rows.ts'
import type { PageBase, Translate } from '../src/register/page-config.ts'
import { publicationPage } from '../src/register/publication/publication-page.ts'
import { filterPublicationRows, publicationRows } from '../src/register/publication/publication-rows.ts'
import {
  assignReviewPost,
  closeLeak,
  confirmByLeader,
  confirmByReviewOfficer,
  designateReviewer,
  escalateItem,
  type PublicationContext,
  type PublicationStep,
  proposeWithholding,
  publishItem,
  recordBureauReply,
  recordLeak,
  recordLeakOfItem,
  reportLeak,
  reviewByClassifier,
  reviewByLeader,
  reviewFirst,
  revokeReviewer,
  submitItem,
  takeDownLeak,
  traceLeak,
} from '../src/register/workflows/publication.ts'
import { startValues, workflowForm } from '../src/register/workflows/workflow-form.ts'
import { directoryOf, makeUser, type TestUser, UNIT, WORKDAY_10AM } from './fixtures.ts'
import { dryRunAs, signAs } from './signed-events.ts'

const officer = makeUser('officer1', ['officer'])
const leader = makeUser('leader1', ['leader'])
const classifier = makeUser('classifier1', ['classifier'])
/** A section head (科室负责人) without an officer's role, also the unit's 保密审查责任人. */
const head = makeUser('head1', ['staff'])
const CTX: FoldContext = {
  unit: UNIT,
  directory: directoryOf(officer, leader, classifier, head),
  calendar: DEFAULT_CALENDAR,
  policy: DEFAULT_UNIT_POLICY,
}
const MIN = 60_000
const T0 = WORKDAY_10AM

function base(state: RegisterState, user: TestUser, now: number): PageBase {
  return {
    state,
    directory: CTX.directory,
    userId: user.id,
    isOfficer: user.entry.roles.includes('officer'),
    isLeader: user.entry.roles.includes('leader'),
    now,
  }
}

function contextOf(
  events: readonly EventEnvelope[],
  user: TestUser,
  now: number,
  rowId: string | null = null,
): PublicationContext {
  const state = foldUnitRegister(events, CTX)
  const row = rowId === null ? null : (publicationRows(state, now).find((r) => r.id === rowId) ?? null)
  if (rowId !== null) expect(row).not.toBeNull()
  return publicationPage.context(base(state, user, now), row)
}

function formOf(
  step: PublicationStep,
  events: readonly EventEnvelope[],
  user: TestUser,
  now: number,
  typed: FormValues = {},
  rowId: string | null = null,
) {
  const ctx = contextOf(events, user, now, rowId)
  return workflowForm(
    step,
    ctx,
    { ...startValues(step, ctx), ...typed },
    dryRunAs(ctx.state, CTX, user, step.type, now),
    'zh-CN',
  )
}

const offered = (
  step: PublicationStep,
  events: readonly EventEnvelope[],
  user: TestUser,
  now: number,
  rowId: string | null = null,
) => step.available(contextOf(events, user, now, rowId))

/** Fills a step as `user` would, checks the domain takes it, and signs what it builds. */
function take(
  events: EventEnvelope[],
  step: PublicationStep,
  user: TestUser,
  now: number,
  typed: FormValues = {},
  rowId: string | null = null,
): EventEnvelope {
  expect(offered(step, events, user, now, rowId)).toBe(true)
  const form = formOf(step, events, user, now, typed, rowId)
  expect(form.fieldErrors).toEqual({})
  expect(form.refusal).toBeNull()
  const event = signAs(user, step.type, form.payload, now)
  events.push(event)
  return event
}

function rowsAt(events: readonly EventEnvelope[], now: number) {
  return publicationRows(foldUnitRegister(events, CTX), now)
}

/** The unit as need it: the two posts in the organisation register, head1 designated. */
function staffed(): EventEnvelope[] {
  const events: EventEnvelope[] = []
  take(events, assignReviewPost, leader, T0, { post: 'responsible_leader', userId: 'leader1' })
  take(events, assignReviewPost, leader, T0, { post: 'classifier', userId: 'classifier1' })
  take(events, designateReviewer, leader, T0, { post: 'section_head', userId: 'head1' })
  take(events, designateReviewer, leader, T0, { post: 'review_officer', userId: 'head1' })
  return events
}

const notice: FormValues = { title: '关于开展防汛演练的通知', channel: '镇政府门户网站', scope: '社会公开' }

function submitted(events: EventEnvelope[], user: TestUser = officer, at = T0 + MIN): string {
  return (take(events, submitItem, user, at, notice).payload as { itemId: string }).itemId
}

describe('the publication review register through its configured steps (rules R-01..R-06)', () => {
  it('R-01, R-02, R-03: submitted, reviewed by the section head, the leader and the classifier, then published and registered', () => {
    const events = staffed()
    const id = submitted(events)
    expect(id).toMatch(/^GK-20260304-[0-9A-F]{6}$/)
    let row = rowsAt(events, T0 + 2 * MIN).find((r) => r.id === id)
    expect(row).toMatchObject({ kind: 'item', state: 'submitted', waitingFor: ['section_head'] })

    // not offered before the review; the domain refuses it too
    expect(offered(publishItem, events, officer, T0 + 2 * MIN, id)).toBe(false)
    const early = formOf(publishItem, events, officer, T0 + 2 * MIN, {}, id)
    expect(early.refusal?.code).toBe('R-01')
    expect(early.refusal?.message.zh).toContain('未完成保密审查，不得公开')

    // the first review is offered to the designated section head only
    expect(offered(reviewFirst, events, officer, T0 + 2 * MIN, id)).toBe(false)
    take(events, reviewFirst, head, T0 + 3 * MIN, { decision: 'pass' }, id)
    row = rowsAt(events, T0 + 4 * MIN).find((r) => r.id === id)
    expect(row).toMatchObject({ state: 'first_passed', waitingFor: ['responsible_leader', 'classifier'] })
    expect(offered(reviewFirst, events, head, T0 + 4 * MIN, id)).toBe(false)

    take(events, reviewByLeader, leader, T0 + 5 * MIN, { decision: 'pass', note: '同意' }, id)
    expect(offered(reviewByLeader, events, leader, T0 + 6 * MIN, id)).toBe(false)
    take(events, reviewByClassifier, classifier, T0 + 6 * MIN, { decision: 'pass' }, id)
    expect(rowsAt(events, T0 + 7 * MIN).find((r) => r.id === id)).toMatchObject({
      state: 'approved',
      waitingFor: [],
    })

    // the channel and scope are those reviewed; the time of publication is asked
    const published = take(events, publishItem, officer, T0 + 8 * MIN, { publishedAt: T0 + 7 * MIN }, id)
    expect(published.payload).toEqual({
      itemId: id,
      publishedAt: T0 + 7 * MIN,
      channel: '镇政府门户网站',
      scope: '社会公开',
    })
    const state = foldUnitRegister(events, CTX)
    expect(state.refused).toEqual([])
    expect(publicationRegister(state.registers.publication)).toMatchObject([
      { itemId: id, publisher: 'officer1', approver: 'leader1', publishedAt: T0 + 7 * MIN },
    ])
    expect(offered(publishItem, events, officer, T0 + 9 * MIN, id)).toBe(false)
  })

  it('R-02 four eyes: the first reviewer cannot sign again as classifier; the refusal names the rule', () => {
    const events: EventEnvelope[] = []
    take(events, assignReviewPost, leader, T0, { post: 'classifier', userId: 'classifier1' })
    take(events, designateReviewer, leader, T0, { post: 'section_head', userId: 'classifier1' })
    take(events, designateReviewer, leader, T0, { post: 'section_head', userId: 'officer1' })
    const id = submitted(events)

    // the submitter designated as a section head is offered the step, and refused by the domain
    const own = formOf(reviewFirst, events, officer, T0 + 2 * MIN, { decision: 'pass' }, id)
    expect(offered(reviewFirst, events, officer, T0 + 2 * MIN, id)).toBe(true)
    expect(own.refusal?.code).toBe('R-02')
    expect(own.refusal?.message.zh).toContain('officer1 不能既是提交人又是初审人（科室负责人）')

    take(events, reviewFirst, classifier, T0 + 3 * MIN, { decision: 'pass' }, id)
    expect(offered(reviewByClassifier, events, classifier, T0 + 4 * MIN, id)).toBe(true)
    const twice = formOf(reviewByClassifier, events, classifier, T0 + 4 * MIN, { decision: 'pass' }, id)
    expect(twice.refusal?.code).toBe('R-02')
    expect(twice.refusal?.message.zh).toBe(
      'classifier1 不能既是初审人（科室负责人）又是定密责任人：同一审批链须由不同的人担任（规则 R-02）',
    )

    // B-04: a leader without the post in the organisation register is refused
    const noPost = formOf(reviewByLeader, events, leader, T0 + 4 * MIN, { decision: 'pass' }, id)
    expect(offered(reviewByLeader, events, leader, T0 + 4 * MIN, id)).toBe(true)
    expect(noPost.refusal?.code).toBe('R-02')
    expect(noPost.refusal?.message.zh).toContain('不是分管保密工作领导')
  })

  it('R-02: a return ends the review; the leader designates and revokes section heads', () => {
    const events = staffed()
    expect(offered(designateReviewer, events, officer, T0)).toBe(false)
    expect(offered(revokeReviewer, events, leader, T0)).toBe(true)
    const id = submitted(events)
    take(events, reviewFirst, head, T0 + 2 * MIN, { decision: 'return', note: '涉及内部工作安排' }, id)
    expect(rowsAt(events, T0 + 3 * MIN).find((r) => r.id === id)).toMatchObject({ state: 'returned' })
    expect(offered(reviewByLeader, events, leader, T0 + 3 * MIN, id)).toBe(false)
    expect(offered(proposeWithholding, events, officer, T0 + 3 * MIN, id)).toBe(false)

    take(events, revokeReviewer, leader, T0 + 4 * MIN, { post: 'section_head', userId: 'head1' })
    const next = submitted(events, officer, T0 + 5 * MIN)
    expect(offered(reviewFirst, events, head, T0 + 6 * MIN, next)).toBe(false)
    const b = base(foldUnitRegister(events, CTX), officer, T0 + 6 * MIN)
    const row = publicationPage.rows(b, { keyword: next })[0]
    expect(row).toBeDefined()
    if (row)
      expect(publicationPage.cells.state?.(row, b, echo)).toMatchObject({
        alert: true,
        note: 'publication.nobodyFor{"who":"publication.post.section_head"}',
      })
  })

  it('R-04: an unclear item goes to the bureau; its reply clears it and names the approver', () => {
    const events = staffed()
    const id = submitted(events)
    take(events, escalateItem, officer, T0 + 2 * MIN, { bureau: '示范县保密局' }, id)
    expect(rowsAt(events, T0 + 3 * MIN).find((r) => r.id === id)).toMatchObject({ state: 'escalated' })
    expect(offered(reviewFirst, events, head, T0 + 3 * MIN, id)).toBe(false)
    const waiting = formOf(publishItem, events, officer, T0 + 3 * MIN, {}, id)
    expect(waiting.refusal?.code).toBe('R-04')
    expect(waiting.refusal?.message.zh).toContain('已报保密局，待其答复')

    take(
      events,
      recordBureauReply,
      officer,
      T0 + 60 * MIN,
      { decision: 'publish', replyRef: '示保复〔2026〕3号' },
      id,
    )
    take(events, publishItem, officer, T0 + 61 * MIN, {}, id)
    const state = foldUnitRegister(events, CTX)
    expect(publicationRegister(state.registers.publication)[0]).toMatchObject({
      approver: 'bureau:示保复〔2026〕3号',
    })
    const b = base(state, officer, T0 + 62 * MIN)
    const row = publicationRows(state, T0 + 62 * MIN)[0]
    expect(row && publicationPage.cells.progress?.(row, b, echo)).toMatchObject({
      text: expect.stringContaining('publication.progress.replied'),
      note: expect.stringContaining('publication.progress.bureauApprover'),
    })
  })

  it('R-05: withholding needs a reason and the review officer and leader, three different persons', () => {
    const events = staffed()
    const id = submitted(events)
    const noReason = formOf(proposeWithholding, events, officer, T0 + 2 * MIN, { kind: 'deferred' }, id)
    expect(noReason.fieldErrors).toEqual({ reason: '请填写理由' })
    take(
      events,
      proposeWithholding,
      officer,
      T0 + 2 * MIN,
      { kind: 'deferred', reason: '待上级统一发布' },
      id,
    )
    expect(rowsAt(events, T0 + 3 * MIN).find((r) => r.id === id)).toMatchObject({
      state: 'withholding',
      waitingFor: ['review_officer', 'responsible_leader'],
    })
    expect(offered(confirmByReviewOfficer, events, officer, T0 + 3 * MIN, id)).toBe(false)
    take(events, confirmByReviewOfficer, head, T0 + 3 * MIN, {}, id)
    expect(offered(confirmByReviewOfficer, events, head, T0 + 4 * MIN, id)).toBe(false)
    take(events, confirmByLeader, leader, T0 + 4 * MIN, {}, id)
    expect(rowsAt(events, T0 + 5 * MIN).find((r) => r.id === id)).toMatchObject({ state: 'withheld' })
    expect(formOf(publishItem, events, officer, T0 + 5 * MIN, {}, id).refusal?.code).toBe('R-05')

    // the leader who proposed cannot confirm as leader
    const other = submitted(events, leader, T0 + 6 * MIN)
    take(events, proposeWithholding, leader, T0 + 7 * MIN, { kind: 'exempt', reason: '涉及个人隐私' }, other)
    const own = formOf(confirmByLeader, events, leader, T0 + 8 * MIN, {}, other)
    expect(own.refusal?.code).toBe('R-05')
    expect(own.refusal?.message.zh).toContain('不能既是不予公开申请人又是分管领导')
  })

  it('R-06: a leak is overdue for its take-down after an hour, in the list and the 待办, then handled and closed', () => {
    const events = staffed()
    const leak = take(events, recordLeak, officer, T0 + 5 * MIN, {
      location: '镇政府门户网站/通知公告/第 2031 号',
      level: 'confidential',
      foundAt: T0,
    })
    const id = (leak.payload as { incidentId: string }).incidentId
    expect(id).toMatch(/^XL-20260304-[0-9A-F]{6}$/)
    expect(leak.payload).not.toHaveProperty('itemId')
    expect(rowsAt(events, T0 + 30 * MIN).find((r) => r.id === id)).toMatchObject({
      kind: 'leak',
      state: 'leak_open',
      overdue: false,
      next: { kind: 'take_down', dueAt: T0 + 60 * MIN },
    })
    const late = rowsAt(events, T0 + 61 * MIN)
    expect(filterPublicationRows(late, { overdueOnly: true }).map((r) => r.id)).toEqual([id])
    expect(filterPublicationRows(late, { kind: 'item' })).toEqual([])

    // the domain's agenda says it is overdue; the 待办 opens its row
    const state = foldUnitRegister(events, CTX)
    const overdue = agendaGroups(state, T0 + 61 * MIN, { userId: 'officer1', roles: ['officer'] }).overdue
    expect(overdue.filter((r) => r.register === 'publication')).toMatchObject([
      { rule: 'R-06', subject: { kind: 'leak', id }, target: { name: 'publication', query: { q: id } } },
    ])

    const early = formOf(closeLeak, events, officer, T0 + 62 * MIN, { note: '已处理' }, id)
    expect(early.refusal?.code).toBe('R-06')
    expect(early.refusal?.message.zh).toBe('须先删除、追查并上报，方可结案（规则 R-06）')
    take(events, takeDownLeak, officer, T0 + 62 * MIN, {}, id)
    expect(offered(takeDownLeak, events, officer, T0 + 63 * MIN, id)).toBe(false)
    expect(rowsAt(events, T0 + 63 * MIN).find((r) => r.id === id)).toMatchObject({
      overdue: false,
      next: { kind: 'report' },
    })
    take(events, traceLeak, officer, T0 + 70 * MIN, { note: '系工作人员误传，已约谈' }, id)
    take(events, reportLeak, leader, T0 + 80 * MIN, { reportRef: '城关镇保〔2026〕1号' }, id)
    take(events, closeLeak, officer, T0 + 90 * MIN, { note: '已删除并整改' }, id)
    expect(rowsAt(events, T0 + 91 * MIN).find((r) => r.id === id)).toMatchObject({
      state: 'leak_closed',
      next: null,
    })
    expect(offered(closeLeak, events, officer, T0 + 91 * MIN, id)).toBe(false)
    expect(foldUnitRegister(events, CTX).refused).toEqual([])
  })

  it('R-06: a leak of a published item names it, and its take-down marks the item', () => {
    const events = staffed()
    const id = submitted(events)
    take(events, reviewFirst, head, T0 + 2 * MIN, { decision: 'pass' }, id)
    take(events, reviewByLeader, leader, T0 + 3 * MIN, { decision: 'pass' }, id)
    take(events, reviewByClassifier, classifier, T0 + 4 * MIN, { decision: 'pass' }, id)
    take(events, publishItem, officer, T0 + 5 * MIN, {}, id)
    const leak = take(
      events,
      recordLeakOfItem,
      classifier,
      T0 + 9 * MIN,
      { location: '门户网站附件', level: 'work_secret', foundAt: T0 + 8 * MIN },
      id,
    )
    const incident = (leak.payload as { incidentId: string; itemId: string }).incidentId
    expect(leak.payload).toMatchObject({ itemId: id })
    // a classifier records the finding; the officer or a leader handles it
    expect(offered(takeDownLeak, events, classifier, T0 + 10 * MIN, incident)).toBe(false)
    take(events, takeDownLeak, leader, T0 + 10 * MIN, {}, incident)
    expect(foldUnitRegister(events, CTX).registers.publication.items.get(id)?.takenDownAt).toBe(T0 + 10 * MIN)
  })

  it('S-01, S-03: a title carrying a classification marking is refused before it is saved', () => {
    const events = staffed()
    const form = formOf(submitItem, events, officer, T0 + MIN, { ...notice, title: '机密★10年 防汛预案要点' })
    expect(form.refusal?.code).toBe('S-03')
    expect(form.ruleField).toBe('title')
  })

  it('R-01: the keyword finds an item by number, title, channel or scope', () => {
    const events = staffed()
    const id = submitted(events)
    const rows = rowsAt(events, T0 + 2 * MIN)
    expect(filterPublicationRows(rows, { keyword: '门户' }).map((r) => r.id)).toEqual([id])
    expect(filterPublicationRows(rows, { keyword: id }).map((r) => r.id)).toEqual([id])
    expect(filterPublicationRows(rows, { state: 'published' })).toEqual([])
    expect(
      publicationPage.subject(rows[0] as never, base(foldUnitRegister(events, CTX), officer, T0), echo),
    ).toBe(`publication.subject.item${JSON.stringify({ id, title: notice.title })}`)
  })
})

/** A translation that shows the key and its values, so cells are checked without the dictionaries. */
const echo: Translate = (key, named) => (named === undefined ? key : `${key}${JSON.stringify(named)}`)
