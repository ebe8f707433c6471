import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { DEFAULT_CALENDAR } from '../../../src/core/work-calendar.ts'
import { DETERMINATION_DAYS, expiryOf } from '../../../src/registers/classification/apply.ts'
import { DAY, determined, ev, fold, item, local, proposal } from './classification-fold.ts'

/** What each accepted step records in the classification register (D-01..D-09). */

const H = 3_600_000
const T0 = local('2026-03-02T09:00')
const T = T0 + 100 * DAY

const change = (id: string, c: unknown, at: number) =>
  ev(id, 'classification.change_proposed', 'officer1', at, { itemId: 'i1', change: c, reason: '情况变化' })

describe('D-01 proposal and determination records', () => {
  it('rule D-01: a proposal without a document number records null, with the 10-day deadline', () => {
    const { docNumber: _, ...noDoc } = proposal('i1')
    const it = item([ev('p', 'classification.proposed', 'officer1', T0, noDoc)])
    expect(it).toMatchObject({ id: 'i1', subject: '某项工作方案', docNumber: null, status: 'pending' })
    expect(it.pending).toEqual({
      id: 'p',
      kind: 'determine',
      level: 'secret',
      periodYears: 10,
      scope: '镇领导班子',
      proposedBy: 'officer1',
      proposedAtMs: T0,
      dueAtMs: T0 + DETERMINATION_DAYS * DAY,
      review: null,
    })
    expect(it.history).toEqual([{ eventId: 'p', type: 'classification.proposed', by: 'officer1', atMs: T0 }])
  })

  it('rule D-01: a return keeps the proposal; the new proposal keeps the history and the first deadline', () => {
    const [f, p] = determined('i1', T0) as [SliceEvent, SliceEvent]
    const ret = ev('ret', 'classification.reviewed', 'classifier1', T0 + H, {
      itemId: 'i1',
      proposalId: 'i1-p',
      decision: 'return',
      note: '依据不足',
    })
    const again = ev(
      'p2',
      'classification.proposed',
      'officer1',
      T0 + DAY,
      proposal('i1', { scope: '镇党委' }),
    )
    const returned = item([f, p, ret])
    expect(returned.status).toBe('returned')
    expect(returned.pending?.id).toBe('i1-p')
    const it = item([f, p, ret, again])
    expect(it.pending).toMatchObject({ id: 'p2', scope: '镇党委', dueAtMs: T0 + 10 * DAY })
    expect(it.history.map((h) => [h.eventId, h.note])).toEqual([
      ['i1-p', undefined],
      ['ret', '依据不足'],
      ['p2', undefined],
    ])
    expect('note' in (it.history[0] ?? {})).toBe(false)
  })

  it('rule D-01: approval records the determination running from the approval day', () => {
    const it = item(determined('i1', T0, { periodYears: null, scope: '班子成员' }))
    expect(it.determination).toEqual({
      level: 'secret',
      periodYears: 20,
      scope: '班子成员',
      startOn: '2026-03-02',
      startAtMs: T0 + 2 * H,
      expiresAtMs: local('2046-03-02T00:00'),
      approvedOn: '2026-03-02',
      approvedAtMs: T0 + 2 * H,
      approver: { kind: 'leader', userId: 'leader1' },
    })
    expect(it.firstDetermination).toEqual(it.determination)
    expect(it.pending).toBeNull()
    expect(it.history.map((h) => h.type)).toEqual([
      'classification.proposed',
      'classification.reviewed',
      'classification.approved',
    ])
  })

  it('rule D-07: a period starting on 29 February ends on 1 March of a common year', () => {
    expect(expiryOf('2028-02-29', 1, DEFAULT_CALENDAR)).toBe(local('2029-03-01T00:00'))
    expect(expiryOf('2028-02-29', 4, DEFAULT_CALENDAR)).toBe(local('2032-02-29T00:00'))
    expect(expiryOf('2026-03-10', 10, DEFAULT_CALENDAR)).toBe(local('2036-03-10T00:00'))
  })

  it('rule D-09: filing a classifier records who filed it, when and the filing reference', () => {
    const out = fold([
      ev('f', 'classification.classifier_filed', 'leader1', T0, {
        classifierId: 'classifier2',
        filingRef: '保备2号',
      }),
    ])
    expect([...out.state.classifiers.values()]).toEqual([
      { userId: 'classifier2', filingRef: '保备2号', filedBy: 'leader1', filedAtMs: T0, eventId: 'f' },
    ])
  })
})

describe('D-04 escalation records', () => {
  const [f, p] = determined('i1', T0) as [SliceEvent, SliceEvent]
  const esc = ev('esc', 'classification.escalated', 'officer1', T0 + H, {
    itemId: 'i1',
    authority: '县保密局',
    note: '无法确定',
  })

  it('rule D-04: the escalation records the authority and keeps the proposal', () => {
    const it = item([f, p, esc])
    expect(it.status).toBe('escalated')
    expect(it.escalation).toEqual({ eventId: 'esc', by: 'officer1', atMs: T0 + H, authority: '县保密局' })
    expect(it.pending?.id).toBe('i1-p')
    expect(it.history.at(-1)).toEqual({
      eventId: 'esc',
      type: 'classification.escalated',
      by: 'officer1',
      atMs: T0 + H,
      note: '无法确定',
    })
  })

  it('rule D-04: a not-secret reply closes the proposal without a determination', () => {
    const no = ev('no', 'classification.reply_recorded', 'officer1', T0 + DAY, {
      itemId: 'i1',
      reference: 'x',
      outcome: { kind: 'not_secret' },
    })
    const it = item([f, p, esc, no])
    expect(it).toMatchObject({ status: 'not_secret', pending: null, determination: null })
  })

  it('rule D-04: a secret reply is the first determination, from the reply day', () => {
    const yes = ev('yes', 'classification.reply_recorded', 'officer1', T0 + DAY, {
      itemId: 'i1',
      reference: '县保函9号',
      outcome: { kind: 'secret', level: 'top_secret', periodYears: 25, scope: '书记' },
    })
    const it = item([f, p, esc, yes])
    expect(it).toMatchObject({ status: 'determined', pending: null })
    expect(it.firstDetermination).toMatchObject({
      level: 'top_secret',
      periodYears: 25,
      scope: '书记',
      startOn: '2026-03-03',
      approvedAtMs: T0 + DAY,
    })
    expect(it.determination).toEqual(it.firstDetermination)
  })
})

describe('D-05 change records', () => {
  const evs = determined('i1', T0, { scope: '班子成员' })
  const steps = (pid: string, at: number): SliceEvent[] => [
    ev(`${pid}-r`, 'classification.reviewed', 'classifier1', at + H, {
      itemId: 'i1',
      proposalId: pid,
      decision: 'approve',
    }),
    ev(`${pid}-a`, 'classification.approved', 'leader1', at + 2 * H, { itemId: 'i1', proposalId: pid }),
  ]

  it('rule D-05: each kind of change opens the matching proposal on the current determination', () => {
    const pending = (c: unknown) => item([...evs, change('c', c, T)]).pending
    const common = {
      id: 'c',
      scope: '班子成员',
      proposedBy: 'officer1',
      proposedAtMs: T,
      dueAtMs: T + 10 * DAY,
      review: null,
    }
    expect(pending({ kind: 'level', level: 'confidential', periodYears: 5 })).toEqual({
      ...common,
      kind: 'change_level',
      level: 'confidential',
      periodYears: 5,
    })
    expect(pending({ kind: 'period', periodYears: 15 })).toEqual({
      ...common,
      kind: 'change_period',
      level: 'secret',
      periodYears: 15,
    })
    expect(pending({ kind: 'declassify' })).toEqual({
      ...common,
      kind: 'declassify',
      level: 'secret',
      periodYears: 10,
    })
    expect(item([...evs, change('c', { kind: 'declassify' }, T)]).history.at(-1)?.note).toBe('情况变化')
  })

  it('rule D-05: a returned change is dropped and the item stays determined as it was', () => {
    const ret = ev('ret', 'classification.reviewed', 'classifier1', T + H, {
      itemId: 'i1',
      proposalId: 'c',
      decision: 'return',
    })
    const before = item(evs)
    const it = item([...evs, change('c', { kind: 'period', periodYears: 5 }, T), ret])
    expect(it).toMatchObject({ status: 'determined', pending: null, changes: [] })
    expect(it.determination).toEqual(before.determination)
  })

  it('rule D-05: an approved period change keeps level, scope and start; the register keeps the first values', () => {
    const it = item([...evs, change('c', { kind: 'period', periodYears: 5 }, T), ...steps('c', T)])
    expect(it.determination).toMatchObject({
      level: 'secret',
      periodYears: 5,
      scope: '班子成员',
      startOn: '2026-03-02',
      startAtMs: T0 + 2 * H,
      expiresAtMs: local('2031-03-02T00:00'),
      approvedAtMs: T + 2 * H,
      approver: { kind: 'leader', userId: 'leader1' },
    })
    expect(it.firstDetermination?.periodYears).toBe(10)
    expect(it.changes).toEqual([{ kind: 'change_period', approvedAtMs: T + 2 * H }])
    expect(it.pending).toBeNull()
  })

  it('rule D-05: an approved declassification records when, and the determination stays for the record', () => {
    const it = item([...evs, change('c', { kind: 'declassify' }, T), ...steps('c', T)])
    expect(it).toMatchObject({ status: 'declassified', pending: null, declassifiedAtMs: T + 2 * H })
    expect(it.changes).toEqual([{ kind: 'declassify', approvedAtMs: T + 2 * H }])
    expect(it.determination?.level).toBe('secret')
  })
})
