import { describe, expect, it } from 'vitest'
import { CLASSIFICATION_EVENTS } from '../src/classification-events.ts'
import { DEFAULT_CLASSIFICATION_POLICY } from '../src/classification-policy.ts'
import {
  effectiveStatus,
  escalationsDue,
  overdueDeterminations,
  periodicReviewsDue,
  secretItemsRegister,
} from '../src/classification-queries.ts'
import type { ClassificationItem } from '../src/classification-state.ts'
import { DEFAULT_CALENDAR } from '../src/work-calendar.ts'
import { addWorkingDays } from '../src/working-days.ts'
import { DAY, determined, ev, fold, local, proposal } from './classification-fold.ts'

const H = 3_600_000
const T0 = local('2026-03-02T09:00')

function item(events: Parameters<typeof fold>[0], id = 'i1'): ClassificationItem {
  const it = fold(events).state.items.get(id)
  if (!it) throw new Error(`no item ${id}`)
  return it
}

function codes(events: Parameters<typeof fold>[0], policy = DEFAULT_CLASSIFICATION_POLICY): string[] {
  return fold(events, policy).refused.map((r) => r.error.code)
}

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
    expect(r.refused.map((x) => [x.id, x.error.code])).toEqual([['i1-a', 'D-01']])
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
    expect(r.refused.map((x) => x.id)).toEqual(['a'])
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
    expect(out.refused.map((x) => [x.id, x.error.code])).toEqual([['a', 'D-01']])
    expect(out.state.items.get('i1')?.status).toBe('determined')
  })

  it('D-01 only state-secret levels are determined and payloads are strict (S-01)', () => {
    const bad1 = ev('x1', 'classification.proposed', 'officer1', T0, proposal('i1', { level: 'work_secret' }))
    const bad2 = ev('x2', 'classification.proposed', 'officer1', T0, proposal('i2', { body: '正文' }))
    expect(codes([bad1, bad2])).toEqual(['SCHEMA', 'SCHEMA'])
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

  it('D-04 a deadline in a year without calendar data is CAL-YEAR, never a weekday guess', () => {
    const late = local('2026-12-28T10:00')
    expect(addWorkingDays(late, 10, DEFAULT_CALENDAR)).toMatchObject({
      ok: false,
      error: { code: 'CAL-YEAR' },
    })
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

describe('D-05 changes', () => {
  const evs = determined('i1', T0)
  const change = (id: string, c: unknown, at: number) =>
    ev(id, 'classification.change_proposed', 'officer1', at, { itemId: 'i1', change: c, reason: '情况变化' })
  const review = (id: string, pid: string, at: number) =>
    ev(id, 'classification.reviewed', 'classifier1', at, {
      itemId: 'i1',
      proposalId: pid,
      decision: 'approve',
    })
  const approve = (id: string, pid: string, at: number) =>
    ev(id, 'classification.approved', 'leader1', at, { itemId: 'i1', proposalId: pid })

  it('D-05 a level change goes through review and approval and keeps the original start date', () => {
    const t = T0 + 100 * DAY
    const it = item([
      ...evs,
      change('c', { kind: 'level', level: 'confidential', periodYears: 5 }, t),
      review('cr', 'c', t + H),
      approve('ca', 'c', t + 2 * H),
    ])
    expect(it.determination).toMatchObject({ level: 'confidential', periodYears: 5, startOn: '2026-03-02' })
    expect(it.determination?.expiresAtMs).toBe(local('2031-03-02T00:00'))
    expect(it.firstDetermination?.level).toBe('secret')
  })

  it('D-05 refuses approving a change without review, and a period change beyond D-03', () => {
    const t = T0 + 100 * DAY
    expect(
      codes([...evs, change('c', { kind: 'period', periodYears: 15 }, t), approve('ca', 'c', t + H)]),
    ).toEqual(['D-05'])
    expect(codes([...evs, change('c', { kind: 'period', periodYears: 25 }, t)])).toEqual(['D-03'])
  })

  it('D-05 early declassification takes the same three steps', () => {
    const t = T0 + 100 * DAY
    const all = [
      ...evs,
      change('c', { kind: 'declassify' }, t),
      review('cr', 'c', t + H),
      approve('ca', 'c', t + 2 * H),
    ]
    expect(effectiveStatus(item(all.slice(0, -1)), t + 2 * H)).toBe('secret')
    expect(effectiveStatus(item(all), t + 3 * H)).toBe('declassified')
  })
})

describe('D-06 periodic review', () => {
  const evs = determined('i1', T0)
  it('D-06 an item is due for review a year after determination (default), or after the unit interval', () => {
    const state = fold(evs).state
    const due = local('2027-03-02T00:00')
    expect(periodicReviewsDue(state, due - 1, DEFAULT_CLASSIFICATION_POLICY, DEFAULT_CALENDAR)).toEqual([])
    expect(periodicReviewsDue(state, due, DEFAULT_CLASSIFICATION_POLICY, DEFAULT_CALENDAR)).toEqual([
      { itemId: 'i1', dueAtMs: due },
    ])
    const three = { ...DEFAULT_CLASSIFICATION_POLICY, reviewIntervalYears: 3 }
    expect(periodicReviewsDue(state, due, three, DEFAULT_CALENDAR)).toEqual([])
  })

  it('D-06 a review that keeps the item resets the clock; a declassifying outcome without D-05 steps is refused', () => {
    const kept = ev('k', 'classification.reviewed_periodic', 'classifier1', local('2027-03-05T10:00'), {
      itemId: 'i1',
      outcome: 'kept',
    })
    const state = fold([...evs, kept]).state
    expect(
      periodicReviewsDue(state, local('2027-06-01T00:00'), DEFAULT_CLASSIFICATION_POLICY, DEFAULT_CALENDAR),
    ).toEqual([])
    expect(
      periodicReviewsDue(state, local('2028-03-05T00:00'), DEFAULT_CLASSIFICATION_POLICY, DEFAULT_CALENDAR),
    ).toHaveLength(1)
    const dec = ev('d', 'classification.reviewed_periodic', 'classifier1', local('2027-03-05T10:00'), {
      itemId: 'i1',
      outcome: 'declassified',
    })
    expect(codes([...evs, dec])).toEqual(['D-05'])
  })
})

describe('D-07 automatic declassification', () => {
  it('D-07 a determined item is declassified at the end of its period, with no event', () => {
    const it = item(determined('i1', T0, { level: 'confidential', periodYears: 1 }))
    const end = local('2027-03-02T00:00')
    expect(effectiveStatus(it, end - 1)).toBe('secret')
    expect(effectiveStatus(it, end)).toBe('expired')
  })

  it('D-07 an expired item cannot be extended afterwards and is no longer due for review', () => {
    const evs = determined('i1', T0, { level: 'confidential', periodYears: 1 })
    const ext = ev('x', 'classification.change_proposed', 'officer1', local('2027-03-02T09:00'), {
      itemId: 'i1',
      change: { kind: 'period', periodYears: 5 },
      reason: '延长',
    })
    expect(codes([...evs, ext])).toEqual(['D-07'])
    expect(
      periodicReviewsDue(
        fold(evs).state,
        local('2027-03-02T00:00'),
        DEFAULT_CLASSIFICATION_POLICY,
        DEFAULT_CALENDAR,
      ),
    ).toEqual([])
  })
})

describe('D-08 国家秘密事项登记表', () => {
  it('D-08 lists the items determined in the year, numbered in approval order, and is due by year end', () => {
    const evs = [
      ...determined('b', local('2026-05-01T09:00')),
      ...determined('a', local('2026-02-01T09:00'), { level: 'confidential', periodYears: null }),
      ...determined('c', local('2025-12-01T09:00')),
      ev('open', 'classification.proposed', 'officer1', local('2026-06-01T09:00'), proposal('open')),
    ]
    const reg = secretItemsRegister(fold(evs).state, 2026)
    expect(reg.dueBy).toBe('2026-12-31')
    expect(reg.rows.map((r) => [r.number, r.itemId, r.level, r.periodYears, r.approvedOn])).toEqual([
      [1, 'a', 'confidential', 10, '2026-02-01'],
      [2, 'b', 'secret', 10, '2026-05-01'],
    ])
    expect(reg.rows[0]).toMatchObject({
      scope: '镇领导班子',
      approver: { kind: 'leader', userId: 'leader1' },
    })
    expect(reg.rows[0]?.basis).toEqual({ kind: 'derived', sourceDocNumber: '县委发〔2026〕1号' })
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
    expect(out.refused.map((x) => [x.id, x.error.code])).toEqual([['r', 'D-09']])
    expect(out.state.items.get('i1')?.pending?.review).toBeNull()
  })

  it('D-09 only a user of this unit with the classifier role can be filed', () => {
    const file = (id: string, who: string) =>
      ev(id, 'classification.classifier_filed', 'leader1', T0, { classifierId: who, filingRef: '备案1' })
    const out = fold([file('a', 'officer1'), file('b', 'far'), file('c', 'nobody'), file('d', 'classifier2')])
    expect(out.refused.map((x) => [x.id, x.error.code])).toEqual([
      ['a', 'D-09'],
      ['b', 'D-09'],
      ['c', 'D-09'],
    ])
    expect([...out.state.classifiers.keys()]).toEqual(['classifier2'])
  })
})
