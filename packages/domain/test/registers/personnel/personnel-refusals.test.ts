import { describe, expect, it } from 'vitest'
import type { SliceEvent } from '../../../src/core/register-slice.ts'
import { codes, DAY, ev, fold, HOUR, leaving, local, onboarding, registered } from './personnel-fold.ts'

/** Refusal branches of the personnel register that the onboarding tests do not take. */

const T = local('2026-03-02T08:00')
const L = local('2026-06-01T09:00')

function pairs(events: readonly SliceEvent[]): [string, string][] {
  return fold(events).refused.map((r) => [r.eventId, r.error.code])
}

function filed(id: string, personId: string, at: number, filingRef = '保备〔2026〕9号'): SliceEvent {
  return ev(id, 'personnel.filed', 'officer1', at, { personId, post: '文书', level: 'general', filingRef })
}

function approved(id: string, personId: string, at: number, payload: Record<string, unknown>): SliceEvent {
  return ev(id, 'personnel.approved', 'leader1', at, { personId, ...payload })
}

/** Taking the post again after `leaving('p1', L)`: filed, certificate, approval, post (ids end in 2). */
function retake(t: number): SliceEvent[] {
  return onboarding('p1', t, { skip: ['reg', 'com', 'trn'] }).map((e) =>
    e.type === 'personnel.took_post'
      ? { ...e, id: `${e.id}2`, payload: { personId: 'p1', approvalId: 'p1-apr2' } }
      : { ...e, id: `${e.id}2` },
  )
}

describe('personnel register: the staff register (P-05)', () => {
  it('P-05 refuses a second registration under the same person id; the first entry stays', () => {
    const again = { ...registered('p1', T + HOUR, { name: '另一人' }), id: 'p1-reg2' }
    const f = fold([registered('p1', T), again])
    expect(codes(f)).toEqual(['PERSONNEL-EXISTS'])
    expect(f.state.persons.get('p1')?.name).toBe('姓名p1')
  })

  it('P-05 refuses a registration whose first day is not a calendar date', () => {
    const f = fold([registered('p1', T, { startsOn: '2026-02-30' })])
    expect(codes(f)).toEqual(['PERSONNEL-DATE'])
    expect(f.state.persons.size).toBe(0)
  })

  it('P-05 refuses every event about a person who has left the unit', () => {
    const out = ev('out', 'personnel.left_unit', 'officer1', T + HOUR, {
      personId: 'p1',
      leftOn: '2026-03-02',
    })
    const events = [
      registered('p1', T),
      out,
      filed('f', 'p1', T + 2 * HOUR),
      { ...out, id: 'out2', atMs: T + 3 * HOUR, payload: { personId: 'p1', leftOn: '2026-03-03' } },
      ev('com', 'personnel.commitment_signed', 'officer1', T + 4 * HOUR, { personId: 'p1', kind: 'on_post' }),
    ]
    expect(pairs(events)).toEqual([
      ['f', 'PERSONNEL-LEFT-UNIT'],
      ['out2', 'PERSONNEL-LEFT-UNIT'],
      ['com', 'PERSONNEL-LEFT-UNIT'],
    ])
    const p = fold(events).state.persons.get('p1')
    expect(p?.leftUnitOn).toBe('2026-03-02')
    expect(p?.filing).toBeNull()
    expect(p?.commitments).toEqual([])
  })

  it('P-03 refuses leaving the unit on a day that is not a calendar date', () => {
    const out = ev('out', 'personnel.left_unit', 'officer1', T + HOUR, {
      personId: 'p1',
      leftOn: '2026-04-31',
    })
    const f = fold([registered('p1', T), out])
    expect(codes(f)).toEqual(['PERSONNEL-DATE'])
    expect(f.state.persons.get('p1')?.leftUnitOn).toBeNull()
  })
})

describe('personnel register: one post at a time (P-01, P-04)', () => {
  it('P-01 refuses filing for another post while on one; the current filing stays', () => {
    const f = fold([...onboarding('p1', T), filed('f2', 'p1', T + DAY, '另一备案')])
    expect(codes(f)).toEqual(['PERSONNEL-ON-POST'])
    expect(f.state.persons.get('p1')?.filing?.filingRef).toBe('保备〔2026〕3号')
  })

  it('P-01 refuses taking the post a second time while on it, before looking at the approval', () => {
    const again = ev('pst2', 'personnel.took_post', 'officer1', T + DAY, {
      personId: 'p1',
      approvalId: 'p1-apr',
    })
    const f = fold([...onboarding('p1', T), again])
    expect(codes(f)).toEqual(['PERSONNEL-ON-POST'])
    expect(f.state.persons.get('p1')?.post?.eventId).toBe('p1-pst')
  })

  it('P-03 refuses leaving a post nobody holds, before looking at the approval', () => {
    const left = ev('lft', 'personnel.left_post', 'officer1', T + HOUR, {
      personId: 'p1',
      approvalId: 'none',
      reminderTalkHeld: true,
      accessRevoked: true,
      carriersHandedOver: true,
    })
    const f = fold([registered('p1', T), left])
    expect(codes(f)).toEqual(['PERSONNEL-NOT-ON-POST'])
    expect(f.refused[0]?.error.details).toEqual({ personId: 'p1' })
    expect(f.state.persons.get('p1')?.departures).toEqual([])
  })

  it('P-04 refuses approving a take-post for someone on the post, or a leave-post for someone off it', () => {
    const f = fold([
      ...onboarding('p1', T),
      registered('p2', T),
      approved('a1', 'p1', T + DAY, { subject: 'take_post' }),
      approved('a2', 'p2', T + DAY, { subject: 'leave_post' }),
    ])
    expect(f.refused.map((r) => [r.eventId, r.error.code])).toEqual([
      ['a1', 'PERSONNEL-ON-POST'],
      ['a2', 'PERSONNEL-NOT-ON-POST'],
    ])
    expect([...f.state.approvals.keys()]).toEqual(['p1-apr'])
  })

  it('P-04 an unused approval for another person does not let this person take the post', () => {
    const events = [
      ...onboarding('p1', T, { skip: ['pst'] }),
      ...onboarding('p2', T, { skip: ['apr'] }).map((e) =>
        e.id === 'p2-pst' ? { ...e, payload: { personId: 'p2', approvalId: 'p1-apr' } } : e,
      ),
    ]
    const f = fold(events)
    expect(pairs(events)).toEqual([['p2-pst', 'P-04']])
    expect(f.state.approvals.get('p1-apr')?.usedBy).toBeNull()
    expect(f.state.persons.get('p2')?.post).toBeNull()
  })
})

describe('personnel register: the 脱密期 set in the approval (P-03)', () => {
  it('P-03 a 脱密期 is set only when approving a departure, not for taking a post or travel', () => {
    // p1 is on an important post (12 months is within its range), p2 is not on a post.
    const f = fold([
      ...onboarding('p1', T),
      ...onboarding('p2', T, { skip: ['apr', 'pst'] }),
      approved('a1', 'p2', T + DAY, { subject: 'take_post', decontaminationMonths: 12 }),
      approved('a2', 'p1', T + DAY, { subject: 'travel_abroad', decontaminationMonths: 12 }),
    ])
    expect(codes(f)).toEqual(['P-03', 'P-03'])
    expect([...f.state.approvals.keys()]).toEqual(['p1-apr'])
  })

  it('P-03 both ends of each level’s range are allowed, one month outside is refused, naming the level', () => {
    const cases = [
      ['general', '一般', 6, 12],
      ['important', '重要', 12, 24],
      ['core', '核心', 24, 36],
    ] as const
    for (const [level, label, min, max] of cases) {
      for (const months of [min, max]) {
        const ok = fold([...onboarding('p1', T, { level }), ...leaving('p1', L, { months })])
        expect(ok.refused).toEqual([])
        expect(ok.state.persons.get('p1')?.departures[0]?.decontaminationMonths).toBe(months)
      }
      for (const months of [min - 1, max + 1]) {
        const f = fold([...onboarding('p1', T, { level }), ...leaving('p1', L, { months })])
        expect(pairs([...onboarding('p1', T, { level }), ...leaving('p1', L, { months })])).toEqual([
          ['p1-lap', 'P-03'],
          ['p1-lft', 'P-04'],
        ])
        expect(f.refused[0]?.error.message.zh).toContain(`${label}涉密人员脱密期为 ${min}–${max} 个月`)
        expect(f.refused[0]?.error.details).toEqual({ months, range: { minMonths: min, maxMonths: max } })
      }
    }
  })
})

describe('personnel register: commitments against the time on the post (P-02)', () => {
  it('P-02 an on-post commitment signed at the very instant of the last departure does not cover the return', () => {
    const at = L + 2 * HOUR // the instant of p1-lft; 'p1-com2' sorts before it
    const sign = (t: number) =>
      ev('p1-com2', 'personnel.commitment_signed', 'officer1', t, { personId: 'p1', kind: 'on_post' })
    const base = [...onboarding('p1', T), ...leaving('p1', L)]
    expect(pairs([...base, sign(at), ...retake(L + DAY)])).toEqual([['p1-pst2', 'P-02']])
    const later = fold([...base, sign(at + 1), ...retake(L + DAY)])
    expect(later.refused).toEqual([])
    expect(later.state.persons.get('p1')?.post?.eventId).toBe('p1-pst2')
  })

  it('P-02 a departure commitment signed at the instant the post was taken covers leaving it', () => {
    // 'p1-pzz' sorts after 'p1-pst' at the same instant: signed while on the post.
    const dcm = ev('p1-pzz', 'personnel.commitment_signed', 'officer1', T + 6 * HOUR, {
      personId: 'p1',
      kind: 'departure',
    })
    const f = fold([...onboarding('p1', T), dcm, ...leaving('p1', L, { skip: ['dcm'] })])
    expect(f.refused).toEqual([])
    expect(f.state.persons.get('p1')?.post).toBeNull()
  })

  it('P-02 an on-post commitment signed while on the post is no departure commitment', () => {
    const com = ev('com9', 'personnel.commitment_signed', 'officer1', L - DAY, {
      personId: 'p1',
      kind: 'on_post',
    })
    const events = [...onboarding('p1', T), com, ...leaving('p1', L, { skip: ['dcm'] })]
    expect(pairs(events)).toEqual([['p1-lft', 'P-02']])
    expect(
      fold(events)
        .state.persons.get('p1')
        ?.commitments.map((c) => c.kind),
    ).toEqual(['on_post', 'on_post'])
  })

  it('P-02 the departure commitment of an earlier time on the post does not cover leaving again', () => {
    const com2 = ev('p1-com2', 'personnel.commitment_signed', 'officer1', L + DAY, {
      personId: 'p1',
      kind: 'on_post',
    })
    const second = leaving('p1', L + 10 * DAY, { skip: ['dcm'] }).map((e) => ({ ...e, id: `${e.id}2` }))
    const fixed = second.map((e) =>
      e.type === 'personnel.left_post'
        ? { ...e, payload: { ...(e.payload as object), approvalId: 'p1-lap2' } }
        : e,
    )
    const events = [...onboarding('p1', T), ...leaving('p1', L), com2, ...retake(L + DAY), ...fixed]
    expect(pairs(events)).toEqual([['p1-lft2', 'P-02']])
    expect(fold(events).state.persons.get('p1')?.departures).toHaveLength(1)
  })
})

describe('personnel register: travel abroad (P-04)', () => {
  const approval = approved('ta', 'p1', L, { subject: 'travel_abroad' })
  const trip = (departsOn: string, returnsOn: string) =>
    ev('tr', 'personnel.travel_abroad', 'officer1', L + HOUR, {
      personId: 'p1',
      approvalId: 'ta',
      departsOn,
      returnsOn,
      destination: '新加坡',
    })

  it('P-04 a trip returning on its day of departure is allowed', () => {
    const f = fold([registered('p1', T), approval, trip('2026-07-01', '2026-07-01')])
    expect(f.refused).toEqual([])
    expect(f.state.persons.get('p1')?.travels.map((t) => t.returnsOn)).toEqual(['2026-07-01'])
  })

  it('P-04 refuses a trip whose departure or return is not a calendar date; the approval stays unused', () => {
    for (const [departsOn, returnsOn] of [
      ['2026-06-31', '2026-07-02'],
      ['2026-07-01', '2026-06-31'],
    ] as const) {
      const f = fold([registered('p1', T), approval, trip(departsOn, returnsOn)])
      expect(codes(f)).toEqual(['PERSONNEL-DATE'])
      expect(f.refused[0]?.error.details).toEqual({ date: '2026-06-31' })
      expect(f.state.approvals.get('ta')?.usedBy).toBeNull()
    }
  })
})
