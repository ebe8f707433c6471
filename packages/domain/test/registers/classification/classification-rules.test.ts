import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR, deadlineEstimated } from '../../../src/core/work-calendar.ts'
import { addWorkingDays } from '../../../src/core/working-days.ts'
import { CLASSIFICATION_EVENTS } from '../../../src/registers/classification/events.ts'
import { DEFAULT_CLASSIFICATION_POLICY } from '../../../src/registers/classification/policy.ts'
import {
  effectiveStatus,
  escalationsDue,
  overdueDeterminations,
} from '../../../src/registers/classification/queries.ts'
import type { ClassificationItem } from '../../../src/registers/classification/state.ts'
import { codes, DAY, determined, ev, fold, item, local, proposal } from './classification-fold.ts'

/** Determining an item (D-01..D-04) by a filed classifier (D-09); its later life: classification-lifecycle. */

const H = 3_600_000
const T0 = local('2026-03-02T09:00')

describe('D-01 three steps', () => {
  it('D-01 proposal, positive review and approval make a state secret; before approval it is not one', () => {
    const evs = determined('i1', T0)
    expect(effectiveStatus(item(evs.slice(0, 3)), T0 + 2 * H)).toBe('proposed')
    const it = item(evs)
    expect(effectiveStatus(it, T0 + 3 * H)).toBe('secret')
    expect(it.determination).toMatchObject({ level: 'secret', periodYears: 10, approvedOn: '2026-03-02' })
    expect(it.determination?.approver).toEqual({ kind: 'leader', userId: 'leader1' })
  })

  it('D-01 refuses approval without a prior positive review', () => {
    const [f, p, , a] = determined('i1', T0)
    const r = fold([f, p, a].filter((e) => e !== undefined))
    expect(r.refused.map((x) => [x.eventId, x.error.code])).toEqual([['i1-a', 'D-01']])
    expect(r.state.items.get('i1')?.status).toBe('pending')
  })

  it('D-01 refuses approval after the classifier returned the proposal; a new proposal keeps the D-02 deadline', () => {
    const [f, p] = determined('i1', T0)
    const ret = ev('ret', 'classification.reviewed', 'classifier1', T0 + H, {
      itemId: 'i1',
      proposalId: 'i1-p',
      decision: 'return',
      note: '依据不足',
    })
    const a = ev('a', 'classification.approved', 'leader1', T0 + 2 * H, { itemId: 'i1', proposalId: 'i1-p' })
    const again = ev('p2', 'classification.proposed', 'officer1', T0 + 3 * DAY, proposal('i1'))
    const r = fold([f, p, ret, a, again].filter((e) => e !== undefined))
    expect(r.refused.map((x) => x.eventId)).toEqual(['a'])
    const it = r.state.items.get('i1')
    expect(it?.status).toBe('pending')
    expect(it?.pending?.id).toBe('p2')
    expect(it?.pending?.dueAtMs).toBe(T0 + 10 * DAY)
  })

  it('D-01 refuses a catalogue basis (original classification) unless the policy allows it', () => {
    const evs = determined('i1', T0, { basis: { kind: 'catalogue', item: '某目录第3项' } })
    expect(codes(evs)).toContain('D-01')
    expect(codes(evs, { ...DEFAULT_CLASSIFICATION_POLICY, allowOriginalClassification: true })).toEqual([])
  })

  it('D-01 the reviewer cannot also approve: two signed steps by two people', () => {
    const [, p] = determined('i1', T0)
    const f = ev('f', 'classification.classifier_filed', 'leader1', T0 - H, {
      classifierId: 'boss',
      filingRef: 'x',
    })
    const r = ev('r', 'classification.reviewed', 'boss', T0 + H, {
      itemId: 'i1',
      proposalId: 'i1-p',
      decision: 'approve',
    })
    const a = ev('a', 'classification.approved', 'boss', T0 + 2 * H, { itemId: 'i1', proposalId: 'i1-p' })
    const a2 = ev('a2', 'classification.approved', 'leader1', T0 + 3 * H, {
      itemId: 'i1',
      proposalId: 'i1-p',
    })
    const out = fold([f, p, r, a, a2].filter((e) => e !== undefined))
    expect(out.refused.map((x) => [x.eventId, x.error.code])).toEqual([['a', 'D-01']])
    expect(out.state.items.get('i1')?.status).toBe('determined')
  })

  it('D-01 only state-secret levels are determined and payloads are strict (S-01)', () => {
    const bad1 = ev('x1', 'classification.proposed', 'officer1', T0, proposal('i1', { level: 'work_secret' }))
    const bad2 = ev('x2', 'classification.proposed', 'officer1', T0, proposal('i2', { body: '正文' }))
    expect(codes([bad1, bad2])).toEqual(['MALFORMED', 'MALFORMED'])
  })

  it('D-01 event roles: officer proposes, classifier reviews, leader approves and files', () => {
    expect(CLASSIFICATION_EVENTS['classification.proposed'].roles).toEqual(['officer'])
    expect(CLASSIFICATION_EVENTS['classification.reviewed'].roles).toEqual(['classifier'])
    expect(CLASSIFICATION_EVENTS['classification.approved'].roles).toEqual(['leader'])
    expect(CLASSIFICATION_EVENTS['classification.classifier_filed'].roles).toEqual(['leader'])
    const [f, p, r] = determined('i1', T0)
    const a = ev('a', 'classification.approved', 'officer1', T0 + 2 * H, { itemId: 'i1', proposalId: 'i1-p' })
    expect(codes([f, p, r, a].filter((e) => e !== undefined))).toEqual(['ROLE'])
  })
})

describe('D-02 ten calendar days', () => {
  it('D-02 an open determination is overdue after 10 calendar days, not before, and not once approved', () => {
    const evs = determined('i1', T0)
    const open = fold(evs.slice(0, 3)).state
    expect(overdueDeterminations(open, T0 + 10 * DAY)).toEqual([])
    expect(overdueDeterminations(open, T0 + 10 * DAY + 1)).toEqual([
      { itemId: 'i1', proposalId: 'i1-p', kind: 'determine', dueAtMs: T0 + 10 * DAY },
    ])
    expect(overdueDeterminations(fold(evs).state, T0 + 30 * DAY)).toEqual([])
  })
})

describe('D-03 period limits', () => {
  it('D-03 refuses a period beyond the level maximum and resolves an unspecified period to the maximum', () => {
    expect(codes(determined('i1', T0, { periodYears: 21 }))).toContain('D-03')
    expect(codes(determined('i1', T0, { level: 'confidential', periodYears: 11 }))).toContain('D-03')
    expect(codes(determined('i1', T0, { periodYears: 0 }))).toContain('D-03')
    expect(
      item(determined('i1', T0, { level: 'top_secret', periodYears: 30 })).determination?.periodYears,
    ).toBe(30)
    expect(item(determined('i1', T0, { periodYears: null })).determination?.periodYears).toBe(20)
  })
})

describe('D-04 escalation', () => {
  const at = local('2026-09-28T10:00') // Monday before 国庆
  const [f, p] = determined('i1', at)
  const esc = ev('esc', 'classification.escalated', 'officer1', at + H, {
    itemId: 'i1',
    authority: '县保密局',
  })
  const base = [f, p, esc].filter((e) => e !== undefined)

  it('D-04 an escalated item is protected at once as proposed and cannot be approved here', () => {
    const r = ev('r', 'classification.reviewed', 'classifier1', at + 2 * H, {
      itemId: 'i1',
      proposalId: 'i1-p',
      decision: 'approve',
    })
    const out = fold([...base, r])
    expect(out.refused.map((x) => x.error.code)).toEqual(['D-04'])
    const it = out.state.items.get('i1') as ClassificationItem
    expect(effectiveStatus(it, at + 3 * H)).toBe('protected')
    expect(it.pending?.level).toBe('secret')
    expect(overdueDeterminations(out.state, at + 30 * DAY)).toEqual([])
  })

  it('D-04 the due date is 10 working days later, skipping weekends and 国庆 2026 and counting 调休 Saturday', () => {
    const state = fold(base).state
    const due = local('2026-10-16T23:59:59.999')
    expect(addWorkingDays(at + H, 10, DEFAULT_CALENDAR)).toEqual({ ok: true, value: due })
    const [row] = escalationsDue(state, due, DEFAULT_CALENDAR)
    expect(row).toMatchObject({ itemId: 'i1', due: { ok: true, value: due }, overdue: false })
    expect(escalationsDue(state, due + 1, DEFAULT_CALENDAR)[0]?.overdue).toBe(true)
  })

  it('D-04 a deadline running into a year without calendar data counts Monday to Friday there, marked estimated', () => {
    const late = local('2026-12-28T10:00')
    const due = local('2027-01-11T23:59:59.999')
    expect(addWorkingDays(late, 10, DEFAULT_CALENDAR)).toEqual({ ok: true, value: due })
    expect(deadlineEstimated(late, due, DEFAULT_CALENDAR)).toBe(true)
  })

  it('D-04 the reply decides: secret with the reply values, or not a secret; a reply without escalation is refused', () => {
    const reply = ev('rep', 'classification.reply_recorded', 'officer1', at + 5 * DAY, {
      itemId: 'i1',
      reference: '县保函〔2026〕9号',
      outcome: { kind: 'secret', level: 'confidential', periodYears: null, scope: '镇党委' },
    })
    const it = item([...base, reply])
    expect(it.status).toBe('determined')
    expect(it.determination).toMatchObject({ level: 'confidential', periodYears: 10 })
    expect(it.determination?.approver).toEqual({
      kind: 'superior',
      authority: '县保密局',
      reference: '县保函〔2026〕9号',
    })
    const no = ev('no', 'classification.reply_recorded', 'officer1', at + 5 * DAY, {
      itemId: 'i1',
      reference: 'x',
      outcome: { kind: 'not_secret' },
    })
    expect(effectiveStatus(item([...base, no]), at + 6 * DAY)).toBe('not_secret')
    expect(codes([f, p, no].filter((e) => e !== undefined))).toEqual(['D-04'])
  })
})

describe('D-09 filed classifier', () => {
  it('D-09 refuses a review by a classifier who was not filed', () => {
    const [f, p] = determined('i1', T0)
    const r = ev('r', 'classification.reviewed', 'classifier2', T0 + H, {
      itemId: 'i1',
      proposalId: 'i1-p',
      decision: 'approve',
    })
    const out = fold([f, p, r].filter((e) => e !== undefined))
    expect(out.refused.map((x) => [x.eventId, x.error.code])).toEqual([['r', 'D-09']])
    expect(out.state.items.get('i1')?.pending?.review).toBeNull()
  })

  it('D-09 only a user of this unit with the classifier role can be filed', () => {
    const file = (id: string, who: string) =>
      ev(id, 'classification.classifier_filed', 'leader1', T0, { classifierId: who, filingRef: '备案1' })
    const out = fold([file('a', 'officer1'), file('b', 'far'), file('c', 'nobody'), file('d', 'classifier2')])
    expect(out.refused.map((x) => [x.eventId, x.error.code])).toEqual([
      ['a', 'D-09'],
      ['b', 'D-09'],
      ['c', 'D-09'],
    ])
    expect([...out.state.classifiers.keys()]).toEqual(['classifier2'])
  })
})
